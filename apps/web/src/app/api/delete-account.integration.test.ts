import { createMailUser } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  seedMailbox,
  seedMessage,
  type TestApi,
} from '../../../../../packages/api/src/test-support.integration-helpers';
import {
  signUpThroughRoute,
  TEST_BASE_URL,
  useTestEnvironment,
} from './route-tests.integration-helpers';

/**
 * Settings → Delete account, through the real auth route: the password is asked for, and
 * once given every row of the person is gone — found generically, in every table that has
 * a user_id or account_id column (a table added later is checked the day it exists) — and
 * no sealed 授权码 of theirs is left anywhere. Another user's rows stay.
 */

const PASSWORD = 'a long passphrase of mine';
let api: TestApi;
let doomed: { id: string; cookie: string };
let bystander: { id: string; cookie: string };
let doomedAccounts: string[];
let doomedSecrets: string[];

type AuthRoute = { POST: (request: Request) => Promise<Response> };

async function deleteUser(cookie: string, body: Record<string, unknown>) {
  const route = (await import('./auth/[...all]/route')) as AuthRoute;
  return route.POST(
    new Request(`${TEST_BASE_URL}/api/auth/delete-user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_BASE_URL, cookie },
      body: JSON.stringify(body),
    }),
  );
}

/** The count of rows a query finds (node-postgres). */
async function count(text: string, values: unknown[]): Promise<number> {
  const { rows } = await api.database.db.$client.query<{ n: number }>(text, values);
  return rows[0]?.n ?? 0;
}

/** Rows of `userId` or of any of `accountIds`, per table, over every such column. */
async function rowsOf(userId: string, accountIds: string[]): Promise<Record<string, number>> {
  const { rows: columns } = await api.database.db.$client.query<{
    table_name: string;
    column_name: string;
  }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and column_name in ('user_id', 'account_id', 'default_account_id')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns) {
    // names from the catalogue, quoted as identifiers
    const from = `"${table.replaceAll('"', '""')}"`;
    const field = `"${column.replaceAll('"', '""')}"`;
    counts[`${table}.${column}`] =
      column === 'user_id'
        ? await count(`select count(*)::int as n from ${from} where ${field}::text = $1`, [userId])
        : await count(`select count(*)::int as n from ${from} where ${field}::text = any($1)`, [
            accountIds,
          ]);
  }
  counts['user.id'] = await count('select count(*)::int as n from "user" where id = $1', [userId]);
  return counts;
}

beforeAll(async () => {
  api = await createTestApi();
  useTestEnvironment(api);
  const run = Date.now().toString(36);
  doomed = await signUpThroughRoute(api, `doomed-${run}@example.test`);
  bystander = await signUpThroughRoute(api, `bystander-${run}@example.test`);

  // a mailbox linked through the product (real Dovecot login, sealed code) and a mirrored one
  const mailUser = await createMailUser('qq.test');
  const linked = await api
    .callerFor(doomed.id)
    .accounts.link({ provider: 'qq', address: mailUser.address, authCode: mailUser.authCode });
  const mirrored = await seedMailbox(api, doomed.id, `doomed-${run}@163.test`);
  const messageId = await seedMessage(api, mirrored, {
    uid: 1,
    subject: 'doomed subject',
    receivedAt: '2026-11-01 09:00:00+08',
  });
  const caller = api.callerFor(doomed.id);
  await caller.preferences.update({ theme: 'dark', defaultAccountId: linked.id });
  // a queued change (write-back queue) and a recent search
  await caller.messages.setFlags({
    accountId: mirrored.accountId,
    messageIds: [messageId],
    seen: true,
  });
  await caller.messages.list({ query: 'doomed', limit: 10, timeZone: 'Asia/Shanghai' });
  doomedAccounts = [linked.id, mirrored.accountId];
  const { rows } = await api.database.db.$client.query<{ secret_sealed: string }>(
    'select secret_sealed from mail_account where user_id = $1',
    [doomed.id],
  );
  doomedSecrets = rows.map((row) => row.secret_sealed);

  await seedMailbox(api, bystander.id, `bystander-${run}@qq.test`);
});

afterAll(async () => {
  await api?.close();
});

describe('deleting a product account', () => {
  it('has rows to delete to begin with', async () => {
    const before = await rowsOf(doomed.id, doomedAccounts);
    expect(before['mail_account.user_id']).toBe(2);
    expect(before['message.account_id']).toBe(1);
    expect(before['mailbox.account_id']).toBeGreaterThanOrEqual(1);
    expect(before['session.user_id']).toBeGreaterThanOrEqual(1);
    expect(before['user_preferences.user_id']).toBe(1);
    expect(doomedSecrets).toHaveLength(2);
  });

  it('asks for the password, and refuses a wrong one', async () => {
    expect((await deleteUser(doomed.cookie, {})).status).toBe(400);
    expect((await deleteUser(doomed.cookie, { password: 'not my password at all' })).status).toBe(
      400,
    );
    expect((await rowsOf(doomed.id, doomedAccounts))['user.id']).toBe(1);
  });

  it('removes every row of the person and every sealed secret, and no one else’s', async () => {
    const response = await deleteUser(doomed.cookie, { password: PASSWORD });
    expect(response.status).toBe(200);
    const after = await rowsOf(doomed.id, doomedAccounts);
    expect(Object.entries(after).filter(([, count]) => count > 0)).toEqual([]);
    expect(
      await count('select count(*)::int as n from mail_account where secret_sealed = any($1)', [
        doomedSecrets,
      ]),
    ).toBe(0);
    // the bystander keeps their account and mailbox
    const theirs = await rowsOf(bystander.id, []);
    expect(theirs['user.id']).toBe(1);
    expect(theirs['mail_account.user_id']).toBe(1);
  });
});
