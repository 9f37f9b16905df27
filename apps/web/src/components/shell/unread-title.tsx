'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useFolderLabel } from '../../i18n/use-folder-label';
import { inboxUnread } from '../../lib/inbox-unread';
import { useTRPC } from '../../trpc/react';
import { useMailLocation } from '../mail-location';

const VIEW_LABEL = {
  'all-inboxes': 'allInboxes',
  sent: 'sent',
  drafts: 'drafts',
  starred: 'starred',
  unread: 'unread',
} as const;

/**
 * The tab title names what is shown and starts with the unread count when there is unread
 * mail in the inboxes — `(3) 收件箱 · Youjian` — so a background tab says mail has come.
 */
export function UnreadTitle() {
  const t = useTranslations('app');
  const views = useTranslations('views');
  const folderLabel = useFolderLabel();
  const trpc = useTRPC();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const location = useMailLocation();

  const folder = accounts.data
    ?.flatMap((account) => account.folders)
    .find((candidate) => candidate.id === location.folderId);
  const page = folder ? folderLabel(folder) : views(VIEW_LABEL[location.view ?? 'all-inboxes']);
  const unread = inboxUnread(accounts.data ?? []);
  const title =
    unread > 0 ? t('titleWithUnread', { count: unread, page }) : t('titleTemplate', { page });

  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
