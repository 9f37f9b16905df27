/** Where the opt-in is kept: notification permission is per browser, so is the choice. */
export const NOTIFICATIONS_KEY = 'youjian-notifications';

/** Whether this browser can show notifications at all, and what the user allowed. */
export type NotificationState = 'unsupported' | 'denied' | 'off' | 'on';

/**
 * The state to show in Settings: `supported` (the Notification API exists), the browser's
 * permission and the user's opt-in ('on' in storage). Pure.
 */
export function notificationState(
  supported: boolean,
  permission: 'default' | 'denied' | 'granted',
  optedIn: boolean,
): NotificationState {
  if (!supported) return 'unsupported';
  if (permission === 'denied') return 'denied';
  return permission === 'granted' && optedIn ? 'on' : 'off';
}

/**
 * The messages to announce: unread ones that arrived after `since` (ms since the epoch)
 * and were not announced yet, oldest first, at most `limit` (a sync of many at once is one
 * burst, not a wall of notifications). Pure.
 *
 * `receivedAt` is the server's INTERNALDATE, which has whole seconds (RFC 3501 §9
 * date-time): a mail that arrives in the same second as `since` carries a time up to a
 * second before it, so arrival is compared at the second — a miss found by the e2e test
 * when the mail came 0.4 s after the page opened.
 */
export function messagesToAnnounce<T extends { id: string; seen: boolean; receivedAt: Date }>(
  items: readonly T[],
  since: number,
  announced: ReadonlySet<string>,
  limit = 3,
): T[] {
  const fromSecond = Math.floor(since / 1000) * 1000;
  return items
    .filter(
      (item) => !item.seen && item.receivedAt.getTime() >= fromSecond && !announced.has(item.id),
    )
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
    .slice(-limit);
}
