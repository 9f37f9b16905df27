import { describe, expect, it } from 'vitest';
import { messagesToAnnounce, notificationState } from './notifications';

describe('notificationState', () => {
  it('is on only when supported, granted and chosen', () => {
    expect(notificationState(false, 'granted', true)).toBe('unsupported');
    expect(notificationState(true, 'denied', true)).toBe('denied');
    expect(notificationState(true, 'default', true)).toBe('off');
    expect(notificationState(true, 'granted', false)).toBe('off');
    expect(notificationState(true, 'granted', true)).toBe('on');
  });
});

describe('messagesToAnnounce', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));
  const items = [
    { id: 'old', seen: false, receivedAt: at(1) },
    { id: 'read', seen: true, receivedAt: at(6) },
    { id: 'new1', seen: false, receivedAt: at(7) },
    { id: 'new2', seen: false, receivedAt: at(8) },
  ];

  it('announces unread mail that arrived after the page opened, oldest first, once', () => {
    const since = at(5).getTime();
    expect(messagesToAnnounce(items, since, new Set()).map((item) => item.id)).toEqual([
      'new1',
      'new2',
    ]);
    expect(messagesToAnnounce(items, since, new Set(['new1'])).map((item) => item.id)).toEqual([
      'new2',
    ]);
  });

  it('announces a mail that arrived in the second the page opened (INTERNALDATE has whole seconds)', () => {
    const opened = Date.UTC(2026, 10, 30, 14, 55, 32, 400);
    const sameSecond = {
      id: 'same',
      seen: false,
      receivedAt: new Date(Date.UTC(2026, 10, 30, 14, 55, 32)),
    };
    const secondBefore = {
      id: 'before',
      seen: false,
      receivedAt: new Date(Date.UTC(2026, 10, 30, 14, 55, 31)),
    };
    expect(
      messagesToAnnounce([sameSecond, secondBefore], opened, new Set()).map((item) => item.id),
    ).toEqual(['same']);
  });

  it('keeps a burst to the newest few', () => {
    expect(messagesToAnnounce(items, 0, new Set(), 1).map((item) => item.id)).toEqual(['new2']);
  });
});
