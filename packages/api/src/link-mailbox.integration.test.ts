import net from 'node:net';
import { mailAccount, rateLimitBucket } from '@youjian/db';
import { type Endpoint, MailError, sendMail, verifyCredentials } from '@youjian/mail';
import { createMailUser, MAILSTACK } from '@youjian/mailstack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  errorOf,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let owner: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'linker@example.test');
});

afterAll(async () => {
  await api?.close();
});

// one owner tries far more links than the hourly limit allows; the limit has its own
// test (abuse-limits.integration.test.ts), so each case starts with a fresh allowance
beforeEach(async () => {
  await api.database.db.delete(rateLimitBucket);
});

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

/**
 * Runs `work` as on a server whose operator allowed no extra mail host: the integration
 * setup copies providerEnv()'s allow-list into process.env, and the mail package reads it
 * at call time.
 */
async function withoutAllowList<T>(work: () => Promise<T>): Promise<T> {
  const saved = process.env.YOUJIAN_ALLOWED_MAIL_HOSTS;
  delete process.env.YOUJIAN_ALLOWED_MAIL_HOSTS;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.YOUJIAN_ALLOWED_MAIL_HOSTS;
    else process.env.YOUJIAN_ALLOWED_MAIL_HOSTS = saved;
  }
}

/**
 * A TCP service on 127.0.0.1 that greets with `greeting` and answers every line with
 * `answer(first word of the line)`: the internal service a port scan through the link
 * form would read.
 */
async function bannerServer(greeting: string, answer: (tag: string) => string) {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write(`${greeting}\r\n`);
    socket.on('data', (data) => {
      for (const line of data.toString('latin1').split('\r\n').filter(Boolean)) {
        socket.write(`${answer(line.split(' ')[0] ?? '')}\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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

describe('linking a mailbox on a server the user names (egress guard)', () => {
  const { other } = MAILSTACK.providers;

  async function linkCustom(address: string, authCode: string, imap: Endpoint, smtp: Endpoint) {
    return errorOf(
      api.callerFor(owner).accounts.link({
        provider: 'custom',
        address,
        authCode,
        custom: { imap, smtp },
      }),
    );
  }

  const savedFor = async (address: string) =>
    (await savedAccounts()).filter((account) => account.address === address);

  it.each([
    ['127.0.0.1', 993],
    ['localhost', 993],
    ['169.254.169.254', 993],
    ['[::1]', 993],
    ['10.0.0.1', 993],
    ['192.168.1.1', 143],
    ['100.64.0.1', 993],
    ['[::ffff:127.0.0.1]', 993],
  ])("refuses IMAP at %s:%i with the product's words and saves nothing", async (host, port) => {
    const user = await createMailUser('163.test');
    const error = await withoutAllowList(() =>
      linkCustom(
        user.address,
        user.authCode,
        { host, port, security: 'tls' },
        { host: 'smtp.example.com', port: 465, security: 'tls' },
      ),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      `The IMAP server ${host}:${port} is not allowed: Youjian connects only to mail servers on the public internet.`,
    );
    expect(await savedFor(user.address)).toEqual([]);
  });

  it('refuses the local Dovecot and Postfix when the operator did not allow them, though the code is right', async () => {
    const user = await createMailUser('163.test');
    const error = await withoutAllowList(() =>
      linkCustom(user.address, user.authCode, { ...other.imap }, { ...other.smtp }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      `The IMAP server 127.0.0.1:${other.imap.port} is not allowed: Youjian connects to IMAP only on ports 143, 993.`,
    );
    expect(await savedFor(user.address)).toEqual([]);
  });

  it('refuses a preset whose endpoints the operator moved to hosts not on the allow-list', async () => {
    const user = await createMailUser('qq.test');
    const error = await withoutAllowList(() =>
      errorOf(
        api
          .callerFor(owner)
          .accounts.link({ provider: 'qq', address: user.address, authCode: user.authCode }),
      ),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^The (IMAP|SMTP) server 127\.0\.0\.1:\d+ is not allowed: /);
    expect(await savedFor(user.address)).toEqual([]);
  });

  it('refuses a port that is not a mail port before looking the host up', async () => {
    const user = await createMailUser('163.test');
    const error = await withoutAllowList(() =>
      linkCustom(
        user.address,
        user.authCode,
        { host: 'no-such-host.invalid', port: 6379, security: 'plain' },
        { host: 'no-such-host.invalid', port: 465, security: 'tls' },
      ),
    );
    expect(error.message).toBe(
      'The IMAP server no-such-host.invalid:6379 is not allowed: Youjian connects to IMAP only on ports 143, 993.',
    );
  });

  it('refuses an SMTP server that asks for no login (the Postfix MX), so it cannot relay forged mail', async () => {
    const user = await createMailUser('163.test');
    const mx = { host: MAILSTACK.host, port: MAILSTACK.ports.smtp, security: 'plain' as const };
    const error = await linkCustom(user.address, user.authCode, { ...other.imap }, mx);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      `The SMTP server ${mx.host}:${mx.port} does not ask for a login (no SMTP AUTH). Youjian only sends through a server that checks your password.`,
    );
    expect(await savedFor(user.address)).toEqual([]);
  });

  it('does not send through an SMTP server that asks for no login, whatever is stored', async () => {
    const user = await createMailUser('163.test');
    const victim = await createMailUser('qq.test');
    const sending = sendMail(
      {
        address: user.address,
        username: user.address,
        secret: user.authCode,
        imap: { ...other.imap },
        smtp: { host: MAILSTACK.host, port: MAILSTACK.ports.smtp, security: 'plain' },
      },
      {
        from: { name: 'Bank', address: 'security@bank.example' },
        to: [{ name: '', address: victim.address }],
        cc: [],
        subject: 'forged',
        text: 'forged sender',
        messageId: `<forged-${Date.now()}@youjian.test>`,
      },
    );
    const error = await mailErrorOf(sending);
    expect(error.code).toBe('AUTH_NOT_OFFERED');
  });

  it.each([
    // RFC 5530 [UNAVAILABLE]: the answer the mail package would otherwise quote
    ['IMAP', '* OK', (tag: string) => `${tag} NO [UNAVAILABLE] BANNER-imap internal build 2.4`],
    ['SMTP', '220', () => '554 5.7.1 BANNER-smtp internal relay says no'],
  ])('never echoes what a %s service it reached said', async (protocol, prefix, answer) => {
    const user = await createMailUser('163.test');
    const banner = `BANNER-${protocol.toLowerCase()} internal ready`;
    const service = await bannerServer(`${prefix} ${banner}`, answer);
    try {
      const fake = { host: MAILSTACK.host, port: service.port, security: 'plain' as const };
      const [imap, smtp] = protocol === 'IMAP' ? [fake, other.smtp] : [other.imap, fake];
      const error = await linkCustom(user.address, user.authCode, { ...imap }, { ...smtp });
      expect(error.message).toMatch(new RegExp(`^The ${protocol} server 127\\.0\\.0\\.1:`));
      expect(error.message).not.toContain('BANNER');
      expect(error.message).not.toContain('internal');
      expect(await savedFor(user.address)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
