'use client';

import type { RouterOutputs } from '@youjian/api';
import { FilePen, Inbox, type LucideIcon, MailOpen, Send, Star } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type MailView, mailHref } from '../mail-location';
import { OutboxLink } from '../outbox/outbox-link';

type Account = RouterOutputs['accounts']['list'][number];

/** Each view's words in the catalogues, under `views.` */
export const VIEW_LABEL = {
  'all-inboxes': 'allInboxes',
  sent: 'sent',
  drafts: 'drafts',
  starred: 'starred',
  unread: 'unread',
} as const satisfies Record<MailView, string>;

const VIEW_ICON: Record<MailView, LucideIcon> = {
  'all-inboxes': Inbox,
  sent: Send,
  drafts: FilePen,
  starred: Star,
  unread: MailOpen,
};

/** The unified views, each across every linked mailbox, above the per-mailbox folders. */
export function ViewsNav({ accounts, current }: { accounts: Account[]; current: MailView | null }) {
  const t = useTranslations('views');
  const tList = useTranslations('mailList');
  const inboxUnread = accounts
    .flatMap((account) => account.folders)
    .filter((folder) => folder.role === 'inbox')
    .reduce((sum, folder) => sum + folder.unreadCount, 0);
  return (
    <ul className="folder-list unified-views" aria-label={tList('allMailboxes')}>
      {(Object.keys(VIEW_LABEL) as MailView[]).map((view) => {
        const Icon = VIEW_ICON[view];
        return (
          <li key={view}>
            <Link
              href={mailHref({ view })}
              aria-current={view === current ? 'page' : undefined}
              className="folder-link"
            >
              <Icon aria-hidden="true" className="icon" size={16} strokeWidth={1.75} />
              <span className="folder-name">{t(VIEW_LABEL[view])}</span>
              {view === 'all-inboxes' && inboxUnread > 0 && (
                <span className="unread-count">
                  {inboxUnread}
                  <span className="sr-only"> {tList('unreadCount')}</span>
                </span>
              )}
            </Link>
          </li>
        );
      })}
      <li>
        <OutboxLink />
      </li>
    </ul>
  );
}
