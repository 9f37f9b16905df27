import { type Database, desc, eq, message, type SecretBox } from '@youjian/db';
import { loadMessageBody } from '@youjian/sync';
import { ratePerSecond, since } from '../stats';

export interface BodyLoad {
  messages: number;
  ms: number;
  perSecond: number;
}

/**
 * The product's only body path: loadMessageBody (fetch over its own IMAP session, parse,
 * sanitize, cache the body, index snippet + text for search), one message after another,
 * newest first, for at most `budgetMs` — a sample from which the whole folder's time is
 * extrapolated, because per-message sessions make a 50,000-message run take far too long.
 */
export async function sampleBodyLoads(
  db: Database,
  secretBox: SecretBox,
  accountId: string,
  budgetMs: number,
): Promise<BodyLoad> {
  const rows = await db
    .select({ id: message.id })
    .from(message)
    .where(eq(message.accountId, accountId))
    .orderBy(desc(message.uid))
    .limit(5000);
  const startedAt = performance.now();
  let messages = 0;
  for (const row of rows) {
    await loadMessageBody({ db, accountId, messageId: row.id, secretBox });
    messages += 1;
    if (since(startedAt) >= budgetMs) break;
  }
  const ms = since(startedAt);
  return { messages, ms, perSecond: ratePerSecond(messages, ms) };
}
