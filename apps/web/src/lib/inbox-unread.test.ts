import { describe, expect, it } from 'vitest';
import { inboxUnread } from './inbox-unread';

describe('inboxUnread', () => {
  it('adds the unread mail of every inbox, and of inboxes only', () => {
    const accounts = [
      {
        folders: [
          { role: 'inbox', unreadCount: 2 },
          { role: 'junk', unreadCount: 40 },
          { role: null, unreadCount: 5 },
        ],
      },
      { folders: [{ role: 'inbox', unreadCount: 1 }] },
    ];
    expect(inboxUnread(accounts)).toBe(3);
  });

  it('is zero with no mailbox or no unread mail', () => {
    expect(inboxUnread([])).toBe(0);
    expect(inboxUnread([{ folders: [{ role: 'inbox', unreadCount: 0 }] }])).toBe(0);
  });
});
