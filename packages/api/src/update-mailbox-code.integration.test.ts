import { and, eq, mailAccount, rateLimitBucket } from '@youjian/db';
import { createMailUser } from '@youjian/mailstack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  errorOf,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let owner: string;
let stranger: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'new-code@example.test');
  stranger = await createProductUser(api, 'new-code-stranger@example.test');
});

afterAll(async () => {
  await api?.close();
});

beforeEach(async () => {
  await api.database.db.delete(rateLimitBucket);
});

/** A QQ mailbox on the local stack, linked, then rejected by the provider (as after a new 授权码). */
async function linkedThenRejected() {
  const user = await createMailUser('qq.test');
  const { id } = await api
    .callerFor(owner)
    .accounts.link({ provider: 'qq', address: user.address, authCode: user.authCode });
  const where = eq(mailAccount.id, id);
  await api.database.db
    .update(mailAccount)
    .set({
      status: 'auth_failed',
      secretSealed: api.secretBox.seal('revoked-code'),
      lastError: 'The authorization code was rejected.',
      lastErrorAt: new Date(),
    })
    .where(where);
  const read = async () => {
    const [row] = await api.database.db.select().from(mailAccount).where(where);
    if (!row) throw new Error('account gone');
    return row;
  };
  return { id, user, read };
}

describe('accounts.updateCode', () => {
  it('takes a code the provider accepts: sealed in place, error cleared, sync pending', async () => {
    const { id, user, read } = await linkedThenRejected();
    await api.callerFor(owner).accounts.updateCode({ accountId: id, authCode: user.authCode });
    const saved = await read();
    expect(saved.status).toBe('pending');
    expect(saved.lastError).toBeNull();
    expect(saved.lastErrorAt).toBeNull();
    expect(api.secretBox.open(saved.secretSealed)).toBe(user.authCode);
    // the same account: nothing was relinked
    const rows = await api.database.db
      .select({ id: mailAccount.id })
      .from(mailAccount)
      .where(and(eq(mailAccount.userId, owner), eq(mailAccount.address, user.address)));
    expect(rows).toEqual([{ id }]);
  });

  it('refuses a code the provider refuses and changes nothing', async () => {
    const { id, read } = await linkedThenRejected();
    const before = await read();
    const error = await errorOf(
      api.callerFor(owner).accounts.updateCode({ accountId: id, authCode: 'still-wrong' }),
    );
    expect(error.message).toMatch(/authorization code/i);
    const after = await read();
    expect(after.status).toBe('auth_failed');
    expect(after.secretSealed).toBe(before.secretSealed);
    expect(after.lastError).toBe(before.lastError);
  });

  it("answers another user's mailbox as unknown, without trying the code", async () => {
    const { id, user, read } = await linkedThenRejected();
    const error = await errorOf(
      api.callerFor(stranger).accounts.updateCode({ accountId: id, authCode: user.authCode }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect((await read()).status).toBe('auth_failed');
  });
});
