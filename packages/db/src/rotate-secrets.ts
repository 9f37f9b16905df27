/**
 * Key rotation for sealed authorization codes: after YOUJIAN_SECRET_KEY gets a new key and
 * the old one moves to YOUJIAN_SECRET_KEY_PREVIOUS, every secret still sealed with an old
 * key is re-sealed with the new one, so the old key can then be dropped.
 */
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { mailAccount } from './schema';
import type { SecretBox } from './secret-box';

export interface RotationCount {
  /** re-sealed with the current key */
  resealed: number;
  /** already sealed with the current key */
  current: number;
}

/**
 * Re-seals every mail account's secret that opens only with a previous key of `box`. Each
 * row is updated only if its sealed value is still the one read (a secret changed by the
 * user meanwhile is left as they set it). Returns the counts; throws when a secret opens
 * with no key (the previous key is missing from YOUJIAN_SECRET_KEY_PREVIOUS), before
 * anything after it is changed.
 */
export async function rotateSealedSecrets(db: Database, box: SecretBox): Promise<RotationCount> {
  const rows = await db
    .select({ id: mailAccount.id, secretSealed: mailAccount.secretSealed })
    .from(mailAccount);
  const count: RotationCount = { resealed: 0, current: 0 };
  for (const row of rows) {
    const next = box.resealed(row.secretSealed);
    if (next === null) {
      count.current += 1;
      continue;
    }
    const updated = await db
      .update(mailAccount)
      .set({ secretSealed: next })
      .where(eq(mailAccount.secretSealed, row.secretSealed))
      .returning({ id: mailAccount.id });
    count.resealed += updated.length;
  }
  return count;
}
