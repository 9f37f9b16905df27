'use client';

import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import type { InResponseTo } from './compose-dialog';
import { ConversationPane } from './conversation/conversation-pane';
import { useReadingMode } from './conversation/use-reading-mode';
import { SingleMessage } from './mail/single-message';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

export interface ReadingPaneProps {
  accountId: string | null;
  messageId: string | null;
  /** the open message's mailbox folders, for "Move to" */
  folders: Folder[];
  /** opens compose to reply to or forward a message */
  onRespond: (inResponseTo: InResponseTo) => void;
}

/** The open conversation, or the open message in the single-message reading mode. */
export function ReadingPane(props: ReadingPaneProps) {
  const t = useTranslations('mail');
  const mode = useReadingMode();
  if (!props.accountId || !props.messageId) {
    return <div className="reading-pane empty muted">{t('selectMessage')}</div>;
  }
  if (mode === null) return <div className="reading-pane muted pad">{t('opening')}</div>;
  if (mode === 'conversation') return <ConversationPane {...props} />;
  return <SingleMessage {...props} className="reading-pane" />;
}
