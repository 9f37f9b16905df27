'use client';

import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import type { InResponseTo } from '../compose-dialog';
import { MessageActions, ReplyButtons } from '../message-actions';
import { AddressLines } from './address-lines';
import { FlagButtons } from './flag-buttons';

type OpenMessage = RouterOutputs['messages']['get'];
type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

/**
 * What can be done with one open message, then who wrote it to whom and when: Reply, Reply
 * all, Forward; Star and Mark unread; Archive, Delete, Spam and Move to for the folder it
 * is in now; the address lines.
 */
export function MessageControls(props: {
  message: OpenMessage;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
  /** after the message was moved or deleted */
  onDone?: () => void;
}) {
  const { message, folders } = props;
  const t = useTranslations('mail');
  return (
    <>
      <ReplyButtons
        onRespond={(kind) =>
          props.onRespond({ kind, accountId: message.accountId, messageId: message.id })
        }
      />
      <FlagButtons message={message} />
      <MessageActions
        accountId={message.accountId}
        messageIds={[message.id]}
        folder={folders.find((folder) => folder.id === message.mailboxId) ?? null}
        folders={folders}
        label={t('thisMessage')}
        onDone={props.onDone}
      />
      <AddressLines message={message} />
    </>
  );
}
