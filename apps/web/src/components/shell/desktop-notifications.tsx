'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { messagesToAnnounce, NOTIFICATIONS_KEY } from '../../lib/notifications';
import { useTRPC } from '../../trpc/react';
import { senderName } from '../format';
import { mailHref } from '../mail-location';

/**
 * Desktop notifications for new mail, for a user who opted in (Settings) in a browser that
 * allowed them: sender as the title, subject as the text; a click brings the tab forward
 * and opens the message. Reads the newest of All inboxes, which live mail events already
 * refetch; only while the page is not in front (the list shows the mail otherwise).
 */
export function DesktopNotifications() {
  const t = useTranslations('mail');
  const trpc = useTRPC();
  const router = useRouter();
  const since = useRef(Date.now());
  const announced = useRef(new Set<string>());
  const newest = useQuery(
    trpc.messages.list.queryOptions({
      view: 'all-inboxes',
      limit: 10,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
  );

  useEffect(() => {
    const items = newest.data?.items;
    if (!items || typeof Notification === 'undefined') return;
    const enabled =
      Notification.permission === 'granted' && localStorage.getItem(NOTIFICATIONS_KEY) === 'on';
    const fresh = messagesToAnnounce(items, since.current, announced.current);
    for (const item of fresh) announced.current.add(item.id);
    if (!enabled || document.hasFocus()) return;
    for (const item of fresh) {
      const notification = new Notification(
        item.from ? senderName(item.from) : t('unknownSender'),
        {
          body: item.subject || t('noSubject'),
          tag: item.id,
        },
      );
      notification.onclick = () => {
        window.focus();
        router.push(mailHref({ accountId: item.accountId, messageId: item.id }));
        notification.close();
      };
    }
  }, [newest.data, router, t]);

  return null;
}
