import { and, type Database, eq, mailAccount } from '@youjian/db';
import { AppError } from '../errors';
import { requireOwnedAccount } from '../lib/owned-rows';

export interface UpdateMailboxSettingsOptions {
  db: Database;
  userId: string;
  accountId: string;
  /** the name mail from this mailbox carries (From: "name" <address>); '' for none */
  displayName?: string;
  /** '#rrggbb', or null for the palette's colour by place */
  colour?: string | null;
}

/** A linked mailbox's display name and colour, as the user set them in Settings. */
export async function updateMailboxSettings(options: UpdateMailboxSettingsOptions) {
  const { db, userId, accountId, displayName, colour } = options;
  await requireOwnedAccount(db, { userId, accountId });
  const change = {
    ...(displayName === undefined ? {} : { displayName: displayName.trim() }),
    ...(colour === undefined ? {} : { colour }),
  };
  if (Object.keys(change).length === 0) return;
  await db
    .update(mailAccount)
    .set(change)
    .where(and(eq(mailAccount.id, accountId), eq(mailAccount.userId, userId)));
}

/**
 * The order of the user's mailboxes (folder pane, unified lists' colours, Settings): the
 * ids in the order wanted, each of them the user's and every one of them named once.
 * Throws INVALID_INPUT when the list is not exactly the user's mailboxes.
 */
export async function reorderMailboxes(options: {
  db: Database;
  userId: string;
  accountIds: string[];
}) {
  const { db, userId, accountIds } = options;
  const owned = await db
    .select({ id: mailAccount.id })
    .from(mailAccount)
    .where(eq(mailAccount.userId, userId));
  const ownedIds = new Set(owned.map((row) => row.id));
  const exact =
    new Set(accountIds).size === accountIds.length &&
    accountIds.length === ownedIds.size &&
    accountIds.every((id) => ownedIds.has(id));
  if (!exact) throw new AppError('INVALID_INPUT', 'Name each of your mailboxes once.');
  await db.transaction(async (tx) => {
    for (const [position, id] of accountIds.entries()) {
      await tx
        .update(mailAccount)
        .set({ position })
        .where(and(eq(mailAccount.userId, userId), eq(mailAccount.id, id)));
    }
  });
}
