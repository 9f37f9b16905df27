/**
 * The benchmark user's mail, written straight into the mirror by bulk SQL (the sync is not
 * what is measured): three linked mailboxes holding 100,000 INBOX messages between them,
 * and cached bodies for the newest ones, so opening a message reads no IMAP.
 */
import { type Database, searchDocumentOf, sql } from '@youjian/db';
import { type BulkMessage, insertAccount, insertMessages } from '../search/tenants';

export const UI_MESSAGES = 100_000;
const MAILBOXES = ['bench@qq.test', 'bench@163.test', 'bench@126.test'];
const CHUNK = 5_000;

export async function seedUiUser(
  db: Database,
  userId: string,
  messages: number,
  cachedBodies: number,
): Promise<void> {
  const inboxes = [];
  for (const address of MAILBOXES) inboxes.push(await insertAccount(db, userId, address));
  const now = Date.now();
  for (let start = 0; start < messages; start += CHUNK) {
    const rows: BulkMessage[] = [];
    for (let i = start; i < Math.min(start + CHUNK, messages); i++) {
      const inbox = inboxes[i % inboxes.length];
      if (!inbox) continue;
      const subject = `季度报告 Q${(i % 4) + 1} report ${i}`;
      const from = { name: '王芳', address: `sender${i % 500}@example.test` };
      const to = [{ name: '', address: MAILBOXES[i % MAILBOXES.length] ?? '' }];
      rows.push({
        accountId: inbox.accountId,
        mailboxId: inbox.inboxId,
        uid: Math.floor(i / inboxes.length) + 1,
        subject,
        from,
        to,
        // one a minute, newest first from now
        receivedAt: new Date(now - i * 60_000),
        seen: i % 5 !== 0,
        flagged: i % 40 === 0,
        hasAttachments: i % 7 === 0,
        snippet: `会议纪要和发票 ${i}: the quarterly numbers are attached`,
        searchDocument: searchDocumentOf({
          subject,
          from,
          to,
          cc: [],
          body: '',
          attachmentNames: [],
        }),
      });
    }
    await insertMessages(db, rows);
  }
  await db.execute(sql`insert into message_body (account_id, message_id, html, text)
    select account_id, id, null, 'Cached body ' || id from message
    where account_id in (select id from mail_account where user_id = ${userId})
    order by received_at desc nulls first, id desc limit ${cachedBodies}`);
  await db.execute(sql`analyze message`);
}
