'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { ArrowLeft, Star } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useErrorText } from '../i18n/use-error-text';
import { formatFullDate } from '../lib/format-date';
import { formatSize } from '../lib/format-size';
import { mailFrameDocument } from '../lib/mail-frame';
import { useTRPC } from '../trpc/react';
import type { InResponseTo } from './compose-dialog';
import { formatAddress } from './format';
import { MessageMoreMenu } from './mail/message-more-menu';
import { useMailLocation } from './mail-location';
import { MessageActions, ReplyButtons } from './message-actions';

type OpenMessage = RouterOutputs['messages']['get'];
type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

export function ReadingPane({
  accountId,
  messageId,
  folders,
  onRespond,
}: {
  accountId: string | null;
  messageId: string | null;
  /** the open message's mailbox folders, for "Move to" */
  folders: Folder[];
  /** opens compose to reply to or forward the open message */
  onRespond: (inResponseTo: InResponseTo) => void;
}) {
  const t = useTranslations('mail');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // remote images are shown for the one message the user asked for, not the next one
  const [showImagesFor, setShowImagesFor] = useState<string | null>(null);
  const showImages = messageId !== null && showImagesFor === messageId;

  const open = useQuery(
    trpc.messages.get.queryOptions(
      { accountId: accountId ?? '', messageId: messageId ?? '', allowRemoteImages: showImages },
      { enabled: accountId !== null && messageId !== null, staleTime: Number.POSITIVE_INFINITY },
    ),
  );

  // an opened unread message is marked read by a mutation (POST), never by the GET that
  // loaded it; then unread markers and counts are refreshed
  const openedId = open.data?.id;
  const openedUnread = open.data?.seen === false;
  const markRead = useMutation(trpc.messages.setFlags.mutationOptions());
  const { mutateAsync: markReadAsync } = markRead;
  useEffect(() => {
    if (!openedId || !accountId) return;
    const marked = openedUnread
      ? markReadAsync({ accountId, messageIds: [openedId], seen: true })
      : Promise.resolve();
    void marked.finally(() => {
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
    });
  }, [openedId, openedUnread, accountId, markReadAsync, queryClient, trpc]);

  if (!messageId) return <div className="reading-pane empty muted">{t('selectMessage')}</div>;
  if (open.isPending) return <div className="reading-pane muted pad">{t('opening')}</div>;
  if (open.error) {
    return (
      <div className="reading-pane pad">
        <p className="error">{errorText(open.error)}</p>
      </div>
    );
  }
  return (
    <MessageView
      message={open.data}
      folders={folders}
      onRespond={onRespond}
      showImages={showImages}
      onShowImages={() => setShowImagesFor(messageId)}
    />
  );
}

function MessageView(props: {
  message: OpenMessage;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
  showImages: boolean;
  onShowImages: () => void;
}) {
  const { message, showImages, folders } = props;
  const { body } = message;
  const t = useTranslations('mail');
  const locale = useLocale();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const router = useRouter();
  const location = useMailLocation();
  return (
    <article className="reading-pane" aria-labelledby="reading-subject">
      <header className="message-header">
        {/* phones show one pane at a time: this leads back to the list (responsive.css) */}
        <Link className="back-link" href={location.href({ messageId: null })} scroll={false}>
          <ArrowLeft aria-hidden="true" className="icon" size={18} />
          {t('backToList')}
        </Link>
        <h2 id="reading-subject">{message.subject || t('noSubject')}</h2>
        <ReplyButtons
          onRespond={(kind) =>
            props.onRespond({ kind, accountId: message.accountId, messageId: message.id })
          }
        />
        {/* keyed: the Star and Mark-unread state belongs to this message, not the last one */}
        <FlagButtons key={message.id} message={message} />
        <MessageActions
          accountId={message.accountId}
          messageIds={[message.id]}
          folder={folders.find((folder) => folder.id === message.mailboxId) ?? null}
          folders={folders}
          label={t('thisMessage')}
          onDone={() => router.push(location.href({ messageId: null }), { scroll: false })}
        />
        <dl className="address-lines">
          <dt>{t('from')}</dt>
          <dd>{message.from ? formatAddress(message.from) : t('unknownSender')}</dd>
          <dt>{t('to')}</dt>
          <dd>{message.to.map(formatAddress).join(', ') || '—'}</dd>
          {message.cc.length > 0 && (
            <>
              <dt>{t('cc')}</dt>
              <dd>{message.cc.map(formatAddress).join(', ')}</dd>
            </>
          )}
          <dt>{t('date')}</dt>
          <dd>
            <time dateTime={(message.sentAt ?? message.receivedAt).toISOString()}>
              {formatFullDate(message.sentAt ?? message.receivedAt, { locale, timeZone })}
            </time>
          </dd>
        </dl>
      </header>
      {body.sourceUrl && (
        <p className="notice" role="status">
          {t('unreadable')}{' '}
          <a href={body.sourceUrl} download>
            {t('downloadSource')}
          </a>
        </p>
      )}
      {body.hasRemoteImages && !showImages && (
        <p className="notice">
          {t('imagesBlocked')}{' '}
          <button type="button" onClick={props.onShowImages}>
            {t('showImages')}
          </button>
        </p>
      )}
      {body.html !== null ? (
        <iframe
          className="message-frame"
          title={t('mailBody')}
          sandbox=""
          srcDoc={mailFrameDocument({
            html: body.html,
            appOrigin: window.location.origin,
            allowRemoteImages: showImages,
          })}
        />
      ) : (
        <pre className="message-text" data-testid="message-text">
          {body.text ?? ''}
        </pre>
      )}
      {body.attachments.length > 0 && (
        <section className="attachments">
          <h3>{t('attachments')}</h3>
          <ul>
            {body.attachments.map((attachment) => (
              <li key={attachment.index}>
                <a
                  href={`/api/attachments/${message.accountId}/${message.id}/${attachment.index}`}
                  download={attachment.filename}
                >
                  {attachment.filename}
                </a>{' '}
                <span className="muted">{formatSize(attachment.size, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function FlagButtons({ message }: { message: OpenMessage }) {
  const t = useTranslations('mail');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [flagged, setFlagged] = useState(message.flagged);
  const [unread, setUnread] = useState(false);
  const setFlags = useMutation(
    trpc.messages.setFlags.mutationOptions({
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      },
    }),
  );
  const ids = { accountId: message.accountId, messageIds: [message.id] };
  return (
    <div className="message-actions">
      <button
        type="button"
        className="icon-button"
        aria-pressed={flagged}
        onClick={() => {
          setFlagged(!flagged);
          setFlags.mutate({ ...ids, flagged: !flagged });
        }}
      >
        <Star
          aria-hidden="true"
          className="icon"
          size={16}
          fill={flagged ? 'currentColor' : 'none'}
        />
        {flagged ? t('starred') : t('star')}
      </button>
      <button
        type="button"
        disabled={unread}
        onClick={() => {
          setUnread(true);
          setFlags.mutate({ ...ids, seen: false });
        }}
      >
        {unread ? t('markedUnread') : t('markUnread')}
      </button>
      <MessageMoreMenu accountId={message.accountId} messageId={message.id} />
      {setFlags.error && <span className="error">{errorText(setFlags.error)}</span>}
    </div>
  );
}
