/**
 * A send the provider refuses, over the real path (the outgoing queue, Postfix SMTPS): the
 * row is failed with the refusal's code and the server's own reply, so that the web can say
 * why in the user's language (issue 10); a later successful try clears all three.
 */
import { eq, outgoingMail } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOutgoingMail } from './queue-outgoing-mail';
import { sendQueuedMail } from './send-queued-mail';
import { loadAccount, syncAccount } from './sync-account';
import { linkTestAccount, secretBox, type TestAccount } from './test-stack.integration-helpers';

let testDb: TestDatabase;
let sender: TestAccount;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sender = await linkTestAccount(testDb.db, 'qq');
  await syncAccount({ db: testDb.db, accountId: sender.accountId, secretBox });
});
afterAll(async () => {
  await testDb?.drop();
});

async function sendOnce(to: string) {
  const { id } = await testDb.db.transaction((tx) =>
    queueOutgoingMail(tx, {
      accountId: sender.accountId,
      draft: { to: [{ name: '', address: to }], cc: [], subject: '退信测试', text: '你好' },
    }),
  );
  const account = await loadAccount(testDb.db, sender.accountId);
  if (!account) throw new Error('account vanished');
  const client = await openImap(sender.creds);
  try {
    await sendQueuedMail({ db: testDb.db, client, account, secretBox });
  } finally {
    await closeImap(client);
  }
  const [row] = await testDb.db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
  if (!row) throw new Error('outgoing row vanished');
  return row;
}

describe('a send the provider refuses', () => {
  it('is failed with RECIPIENT_REJECTED and the SMTP reply kept apart', async () => {
    // the test stack's Postfix delivers to qq.test and 163.test only (tooling/mailstack)
    const row = await sendOnce('someone@elsewhere.test');
    expect(row.state).toBe('failed');
    expect(row.lastErrorCode).toBe('RECIPIENT_REJECTED');
    const reply =
      '550 5.1.1 <someone@elsewhere.test>: Recipient address rejected: outbound delivery is disabled in the Youjian test stack';
    expect(row.lastErrorParams).toEqual({ protocol: 'smtp', serverReply: reply });
    expect(row.lastError).toBe(
      `The SMTP server 127.0.0.1:${sender.creds.smtp.port} rejected a recipient (${reply}).`,
    );
  });

  it('clears the code, its parameters and the text when a try goes through', async () => {
    const failed = await sendOnce('someone@elsewhere.test');
    // as Edit would: the address corrected, the mail queued again
    await testDb.db
      .update(outgoingMail)
      .set({
        state: 'queued',
        notBefore: new Date(),
        draft: { ...failed.draft, to: [{ name: '', address: sender.mailUser.address }] },
      })
      .where(eq(outgoingMail.id, failed.id));
    const account = await loadAccount(testDb.db, sender.accountId);
    if (!account) throw new Error('account vanished');
    const client = await openImap(sender.creds);
    try {
      expect(await sendQueuedMail({ db: testDb.db, client, account, secretBox })).toBe(1);
    } finally {
      await closeImap(client);
    }
    const [row] = await testDb.db.select().from(outgoingMail).where(eq(outgoingMail.id, failed.id));
    expect(row).toMatchObject({
      state: 'sent',
      lastError: null,
      lastErrorCode: null,
      lastErrorParams: null,
    });
  });
});
