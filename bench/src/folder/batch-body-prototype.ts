/**
 * NOT product code: a sketch of the batch body path proposed in RESULTS.md, measured so
 * the proposal carries a figure. One session, UID FETCH BODY.PEEK[] in windows of 500,
 * newest first; each body parsed (postal-mime), its HTML sanitized, snippet and search
 * text computed, and the window written in one transaction — the same work
 * loadMessageBody does per message, minus its per-message IMAP session and round trips.
 */
import { type Database, type SecretBox, sql, toSearchDocument } from '@youjian/db';
import { openImap, parseMessage, sanitizeMailHtml, snippetOf } from '@youjian/mail';
import { accountCredentials } from '@youjian/sync';
import { ratePerSecond, since } from '../stats';

const WINDOW = 500;

export async function batchBodyPrototype(
  db: Database,
  secretBox: SecretBox,
  accountId: string,
): Promise<{ messages: number; ms: number; perSecond: number }> {
  const account = await db.query.mailAccount.findFirst({
    where: (row, { eq }) => eq(row.id, accountId),
  });
  if (!account) throw new Error('no account');
  const rows = await db.execute<{ id: string; uid: number; header_text: string }>(
    sql`select m.id, m.uid::int as uid, concat_ws(' ', m.subject, m."from"->>'name',
        m."from"->>'address') as header_text from message m
      join mailbox b on b.account_id = m.account_id and b.id = m.mailbox_id
      where m.account_id = ${accountId} and b.role = 'inbox' order by m.uid desc`,
  );
  const byUid = new Map(rows.rows.map((row) => [row.uid, row]));
  const uids = rows.rows.map((row) => row.uid);
  const startedAt = performance.now();
  const client = await openImap(accountCredentials(account, secretBox));
  let messages = 0;
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      for (let i = 0; i < uids.length; i += WINDOW) {
        const window = uids.slice(i, i + WINDOW);
        const bodies: Array<{
          id: string;
          html: string | null;
          text: string | null;
          search: string;
          snippet: string;
        }> = [];
        for await (const fetched of client.fetch(
          window.join(','),
          { uid: true, source: true },
          { uid: true },
        )) {
          const row = byUid.get(fetched.uid);
          if (!row || !fetched.source) continue;
          const parsed = await parseMessage(fetched.source);
          const html = parsed.html
            ? sanitizeMailHtml(parsed.html, { allowRemoteImages: false }).html
            : null;
          const snippet = snippetOf({ html: parsed.html, text: parsed.text });
          bodies.push({
            id: row.id,
            html,
            text: parsed.text,
            snippet,
            search: toSearchDocument(`${row.header_text} ${snippet}`),
          });
        }
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into message_body (account_id, message_id, html, text)
            select ${accountId}::uuid, b.id, b.html, b.text
            from unnest(${sql.param(bodies.map((b) => b.id))}::uuid[], ${sql.param(bodies.map((b) => b.html))}::text[],
              ${sql.param(bodies.map((b) => b.text))}::text[]) as b(id, html, text)
            on conflict do nothing`);
          await tx.execute(sql`update message set snippet = b.snippet,
              search_document = to_tsvector('simple', b.search)
            from unnest(${sql.param(bodies.map((b) => b.id))}::uuid[], ${sql.param(bodies.map((b) => b.snippet))}::text[],
              ${sql.param(bodies.map((b) => b.search))}::text[]) as b(id, snippet, search)
            where message.account_id = ${accountId} and message.id = b.id`);
        });
        messages += bodies.length;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  const ms = since(startedAt);
  return { messages, ms, perSecond: ratePerSecond(messages, ms) };
}
