import {
  and,
  type Database,
  eq,
  inArray,
  mailbox,
  message,
  ne,
  publishMailEvent,
  sql,
} from '@youjian/db';
import { enqueueImapOp, wakeWorker } from '@youjian/sync';
import { requireOwnedAccount, type Transaction } from '../lib/owned-rows';

export interface SetFlagsOptions {
  db: Database;
  userId: string;
  accountId: string;
  messageIds: string[];
  seen?: boolean;
  flagged?: boolean;
}

const SYSTEM_FLAG = { seen: '\\Seen', flagged: '\\Flagged' } as const;

/**
 * Changes \Seen / \Flagged (RFC 3501 §2.3.2) in the mirror at once and queues the same
 * change for the provider in the same transaction, so the UI never waits on IMAP and a
 * crash cannot lose the write-back. Only messages whose flag really changes are queued.
 */
export async function setFlags(options: SetFlagsOptions): Promise<{ changed: number }> {
  const { db, userId, accountId, messageIds } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const touchedMailboxes = new Set<string>();
  let changed = 0;

  await db.transaction(async (tx) => {
    for (const key of ['seen', 'flagged'] as const) {
      const value = options[key];
      if (value === undefined) continue;
      const rows = await updateFlag(tx, { accountId, messageIds, key, value });
      changed += rows.length;
      for (const [mailboxId, uids] of groupByMailbox(rows)) {
        touchedMailboxes.add(mailboxId);
        if (key === 'seen')
          await adjustUnread(tx, {
            accountId,
            mailboxId,
            delta: value ? -uids.length : uids.length,
          });
        const change = value ? { add: [SYSTEM_FLAG[key]] } : { remove: [SYSTEM_FLAG[key]] };
        await enqueueImapOp(tx, {
          accountId,
          kind: 'set_flags',
          payload: { mailboxId, uids, add: [], remove: [], ...change },
        });
      }
    }
  });

  if (changed > 0) {
    await wakeWorker(db.$client, accountId);
    for (const mailboxId of touchedMailboxes) {
      await publishMailEvent(db.$client, { kind: 'mailbox_changed', userId, accountId, mailboxId });
    }
  }
  return { changed };
}

async function updateFlag(
  tx: Transaction,
  {
    accountId,
    messageIds,
    key,
    value,
  }: { accountId: string; messageIds: string[]; key: 'seen' | 'flagged'; value: boolean },
) {
  const flag = SYSTEM_FLAG[key];
  const flags = value
    ? sql`array_append(array_remove(${message.flags}, ${flag}::text), ${flag}::text)`
    : sql`array_remove(${message.flags}, ${flag}::text)`;
  return tx
    .update(message)
    .set({ [key]: value, flags, updatedAt: new Date() })
    .where(
      and(
        eq(message.accountId, accountId),
        inArray(message.id, messageIds),
        ne(message[key], value),
      ),
    )
    .returning({ mailboxId: message.mailboxId, uid: message.uid });
}

async function adjustUnread(
  tx: Transaction,
  { accountId, mailboxId, delta }: { accountId: string; mailboxId: string; delta: number },
) {
  await tx
    .update(mailbox)
    .set({ unreadCount: sql`greatest(${mailbox.unreadCount} + ${delta}, 0)` })
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, mailboxId)));
}

function groupByMailbox(rows: { mailboxId: string; uid: number }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const { mailboxId, uid } of rows)
    groups.set(mailboxId, [...(groups.get(mailboxId) ?? []), uid]);
  return groups;
}
