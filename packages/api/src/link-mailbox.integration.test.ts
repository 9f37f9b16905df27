import net from 'node:net';
import { TRPCError } from '@trpc/server';
import { mailAccount } from '@youjian/db';
import { MailError, verifyCredentials } from '@youjian/mail';
import { createMailUser, MAILSTACK } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductUser, createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let owner: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'linker@example.test');
});

afterAll(async () => {
  await api?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** What the mail package itself says about these credentials: the text the user must see. */
async function mailErrorOf(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailError) return error;
    throw error;
  }
  throw new Error('expected verification to fail');
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const savedAccounts = () => api.database.db.select().from(mailAccount);

describe('linking a mailbox', () => {
  it('rejects a wrong authorization code with the provider message and saves nothing', async () => {
    const user = await createMailUser('qq.test');
    const error = await errorOf(
      api
        .callerFor(owner)
        .accounts.link({ provider: 'qq', address: user.address, authCode: 'wrong-code' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/authorization code was rejected/);
    expect(error.message).toContain('授权码');
    expect(await savedAccounts()).toEqual([]);
  });

  it('reports an unreachable custom server with the same words as the mail package', async () => {
    const user = await createMailUser('163.test');
    const port = await closedPort();
    const custom = {
      imap: { host: '127.0.0.1', port, security: 'tls' as const },
      smtp: { ...MAILSTACK.providers.other.smtp },
    };
    const expected = await mailErrorOf(
      verifyCredentials({
        address: user.address,
        username: user.address,
        secret: user.authCode,
        ...custom,
      }),
    );
    const error = await errorOf(
      api.callerFor(owner).accounts.link({
        provider: 'custom',
        address: user.address,
        authCode: user.authCode,
        custom,
      }),
    );
    expect(expected.code).toBe('HOST_UNREACHABLE');
    expect(error.code).toBe('BAD_GATEWAY');
    expect(error.message).toBe(expected.userMessage);
    expect(await savedAccounts()).toEqual([]);
  });

  it('asks for the servers when "Other" is chosen without them', async () => {
    const error = await errorOf(
      api
        .callerFor(owner)
        .accounts.link({ provider: 'custom', address: 'x@example.test', authCode: 'x' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('Enter the IMAP and SMTP servers.');
  });

  it('links a NetEase mailbox with a sealed code, pending its first sync', async () => {
    const user = await createMailUser('163.test');
    const caller = api.callerFor(owner);
    const { id } = await caller.accounts.link({
      provider: '163',
      address: user.address.toUpperCase(),
      authCode: user.authCode,
    });

    const [saved] = await savedAccounts();
    expect(saved?.id).toBe(id);
    expect(saved?.address).toBe(user.address);
    expect(saved?.status).toBe('pending');
    expect(saved?.imapPort).toBe(MAILSTACK.ports.neteaseImaps);
    expect(saved?.secretSealed).not.toContain(user.authCode);
    expect(api.secretBox.open(saved?.secretSealed ?? '')).toBe(user.authCode);

    const listed = await caller.accounts.list();
    expect(listed.map((account) => [account.address, account.status])).toEqual([
      [user.address, 'pending'],
    ]);
    expect(JSON.stringify(listed)).not.toContain(user.authCode);

    const again = await errorOf(
      caller.accounts.link({ provider: '163', address: user.address, authCode: user.authCode }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(`${user.address} is already linked to your account.`);
  });

  it('removes a linked mailbox and its mirror', async () => {
    const caller = api.callerFor(owner);
    const [linked] = await caller.accounts.list();
    await caller.accounts.remove({ accountId: linked?.id ?? '' });
    expect(await caller.accounts.list()).toEqual([]);
    expect(await savedAccounts()).toEqual([]);
  });
});
