import type { Database } from '@youjian/db';
import { AppError } from '../errors';
import type { MailView } from '../lib/message-scope';
import type { MessageOrigin } from '../lib/mirror-change';
import { archiveMessages } from './archive-messages';
import { deleteMessages } from './delete-messages';
import { listMessages } from './list-messages';
import { moveMessages } from './move-messages';
import { setFlags } from './set-flags';

export type BulkAction = 'archive' | 'delete' | 'markRead' | 'markUnread';

/** The most messages one "select all" may change; more is refused rather than cut short. */
export const BULK_ACTION_LIMIT = 100_000;
const PAGE = 200;

export interface ApplyBulkActionOptions {
  db: Database;
  userId: string;
  /** what the list shows, as messages.list takes it: a view, a folder, a search */
  view?: MailView;
  accountId?: string;
  mailboxId?: string;
  query?: string;
  timeZone?: string;
  action: BulkAction | { moveTo: string };
}

/** Where a message was before a bulk move, with its mailbox (Undo moves it back there). */
export interface BulkOrigin extends MessageOrigin {
  accountId: string;
}

/**
 * Applies an action to every message of a view, folder or search — "Select all" in the
 * list, including pages never loaded. The messages are found exactly as messages.list
 * pages them (same scope, search and order), then changed per mailbox in one mirror change
 * each, so every mailbox gets one queued write-back. A move names a folder of one
 * mailbox, so only that mailbox's messages move. Returns how many changed and, for
 * Archive, Delete to Trash and Move, the folder each moved message came from (the toast's
 * Undo, as after the per-message actions; none for flags or a deletion for good). Throws
 * AppError INVALID_INPUT past BULK_ACTION_LIMIT messages, and whatever listMessages and
 * the per-mailbox services throw.
 */
export async function applyBulkAction(
  options: ApplyBulkActionOptions,
): Promise<{ changed: number; mailboxes: number; origins: BulkOrigin[] }> {
  const { db, userId, action } = options;
  const idsByAccount = new Map<string, string[]>();
  let cursor: string | undefined;
  let found = 0;
  do {
    const page = await listMessages({ ...options, cursor, limit: PAGE });
    for (const item of page.items) {
      const ids = idsByAccount.get(item.accountId) ?? [];
      ids.push(item.id);
      idsByAccount.set(item.accountId, ids);
    }
    found += page.items.length;
    if (found > BULK_ACTION_LIMIT) {
      throw new AppError(
        'INVALID_INPUT',
        `At most ${BULK_ACTION_LIMIT.toLocaleString('en')} messages can be changed at once; narrow the search.`,
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  let changed = 0;
  const origins: BulkOrigin[] = [];
  for (const [accountId, messageIds] of idsByAccount) {
    const selection = { db, userId, accountId, messageIds };
    let result: { changed: number; origins?: MessageOrigin[] } | null;
    if (typeof action === 'object') {
      result = await moveMessages({ ...selection, toMailboxId: action.moveTo }).catch(
        (error: unknown) => {
          // the folder belongs to another of the user's mailboxes: these stay where they are
          if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
          throw error;
        },
      );
    } else if (action === 'archive') result = await archiveMessages(selection);
    else if (action === 'delete') result = await deleteMessages(selection);
    else result = await setFlags({ ...selection, seen: action === 'markRead' });
    changed += result?.changed ?? 0;
    for (const origin of result?.origins ?? []) origins.push({ ...origin, accountId });
  }
  return { changed, mailboxes: idsByAccount.size, origins };
}
