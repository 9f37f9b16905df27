import { type Database, userPreferences } from '@youjian/db';
import { requireOwnedAccount } from '../lib/owned-rows';
import { getPreferences, type Preferences } from './get-preferences';

export interface UpdatePreferencesOptions {
  db: Database;
  userId: string;
  /** only the choices given change; the others stay as they are */
  change: Partial<Preferences>;
}

/**
 * Saves the user's interface choices (one row per user, made on first save). A default
 * sending mailbox must be one of the user's own (NOT_FOUND otherwise).
 */
export async function updatePreferences({
  db,
  userId,
  change,
}: UpdatePreferencesOptions): Promise<Preferences> {
  if (change.defaultAccountId) {
    await requireOwnedAccount(db, { userId, accountId: change.defaultAccountId });
  }
  await db
    .insert(userPreferences)
    .values({ userId, ...change })
    .onConflictDoUpdate({
      target: userPreferences.userId,
      set: { ...change, updatedAt: new Date() },
    });
  return getPreferences({ db, userId });
}
