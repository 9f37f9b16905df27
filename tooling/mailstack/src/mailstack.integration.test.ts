import { readFile } from 'node:fs/promises';
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectImap,
  createMailUser,
  deliverMessage,
  ensureMailstack,
  MAILSTACK,
  type MailUser,
  providerEnv,
} from './mailstack';
import { seedMailbox, writeMaildir } from './seed';

let ca: Buffer;

beforeAll(async () => {
  await ensureMailstack();
  ca = await readFile(MAILSTACK.caFile);
});

/** Raw Dovecot, as the test's own eyes on a mailbox. */
async function withDovecot<T>(user: MailUser, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await connectImap(user);
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function messageCount(client: ImapFlow, folder: string): Promise<number> {
  const status = await client.status(folder, { messages: true });
  return status ? (status.messages ?? 0) : 0;
}

/** Subjects and flags of a folder once it holds `count` messages (delivery is asynchronous). */
async function waitForMessages(user: MailUser, folder: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await withDovecot(user, async (client) => {
      if ((await messageCount(client, folder)) < count) return null;
      const lock = await client.getMailboxLock(folder);
      try {
        const messages = await client.fetchAll('1:*', { envelope: true, flags: true });
        // \Recent only says which session saw a message first (RFC 3501 §2.3.2)
        return messages.map((m) => ({
          subject: m.envelope?.subject,
          flags: [...(m.flags ?? [])].filter((flag) => flag !== '\\Recent'),
        }));
      } finally {
        lock.release();
      }
    });
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${folder} of ${user.address} never got ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function smtps(user: MailUser) {
  return nodemailer.createTransport({
    host: MAILSTACK.host,
    port: MAILSTACK.ports.smtps,
    secure: true,
    tls: { ca },
    auth: { user: user.address, pass: user.authCode },
  });
}

describe('submission (Postfix + Dovecot SASL)', () => {
  it('delivers SMTPS mail to the recipient and files a read copy in the QQ sender’s Sent Messages when “SMTP发信后保存到服务器” is on', async () => {
    const [sender, recipient] = [
      await createMailUser('qq.test', { smtpSaveToServer: true }),
      await createMailUser('163.test'),
    ];
    const transport = smtps(sender);
    const info = await transport.sendMail({
      from: sender.address,
      to: recipient.address,
      subject: '季度报告 Q3',
      text: '请查收。',
    });
    transport.close();
    expect(info.accepted).toEqual([recipient.address]);
    const inbox = await waitForMessages(recipient, 'INBOX', 1);
    expect(inbox).toEqual([{ subject: '季度报告 Q3', flags: [] }]);
    const sent = await waitForMessages(sender, 'Sent Messages', 1);
    expect(sent).toEqual([{ subject: '季度报告 Q3', flags: ['\\Seen'] }]);
    expect(await withDovecot(sender, (client) => messageCount(client, 'INBOX'))).toBe(0);
  });

  it('files no Sent copy for a QQ sender with “SMTP发信后保存到服务器” off, QQ’s default', async () => {
    const [sender, recipient] = [await createMailUser('qq.test'), await createMailUser('163.test')];
    const transport = smtps(sender);
    await transport.sendMail({
      from: sender.address,
      to: recipient.address,
      subject: '默认不保存',
      text: '请查收。',
    });
    transport.close();
    // the recipient's copy and the sender's +sent copy leave Postfix together: once the
    // first is delivered the second has been through the sieve too
    expect(await waitForMessages(recipient, 'INBOX', 1)).toEqual([
      { subject: '默认不保存', flags: [] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await withDovecot(sender, (client) => messageCount(client, 'Sent Messages'))).toBe(0);
    expect(await withDovecot(sender, (client) => messageCount(client, 'INBOX'))).toBe(0);
  });

  it('files the NetEase sender’s copy in 已发送 when submitting over STARTTLS on 587', async () => {
    const [sender, recipient] = [await createMailUser('163.test'), await createMailUser('qq.test')];
    const transport = nodemailer.createTransport({
      host: MAILSTACK.host,
      port: MAILSTACK.ports.submission,
      secure: false,
      requireTLS: true,
      tls: { ca },
      auth: { user: sender.address, pass: sender.authCode },
    });
    await transport.sendMail({
      from: sender.address,
      to: recipient.address,
      subject: 'hello',
      text: 'hi',
    });
    transport.close();
    expect(await waitForMessages(recipient, 'INBOX', 1)).toEqual([{ subject: 'hello', flags: [] }]);
    expect(await waitForMessages(sender, '已发送', 1)).toEqual([
      { subject: 'hello', flags: ['\\Seen'] },
    ]);
  });

  it('rejects a wrong authorization code', async () => {
    const user = await createMailUser('qq.test');
    const transport = smtps({ ...user, authCode: 'not-the-code' });
    await expect(transport.verify()).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    transport.close();
  });

  it('refuses a MAIL FROM other than the authenticated user with 553', async () => {
    const [user, other] = [await createMailUser('163.test'), await createMailUser('163.test')];
    const transport = smtps(user);
    await expect(
      transport.sendMail({ from: other.address, to: other.address, subject: 'x', text: 'y' }),
    ).rejects.toMatchObject({ responseCode: 553 });
    transport.close();
  });

  it('does not file a Sent copy for mail that arrives over the MX port', async () => {
    const [user, recipient] = [await createMailUser('qq.test'), await createMailUser('qq.test')];
    await deliverMessage({
      from: user.address,
      to: recipient.address,
      raw: `From: ${user.address}\r\nTo: ${recipient.address}\r\nSubject: via MX\r\n\r\nbody\r\n`,
    });
    expect(await waitForMessages(recipient, 'INBOX', 1)).toEqual([
      { subject: 'via MX', flags: [] },
    ]);
    expect(await withDovecot(user, (client) => messageCount(client, 'Sent Messages'))).toBe(0);
  });
});

describe('users and helpers', () => {
  it('creates users that can log in at once, on the raw server and both emulations', async () => {
    const qq = await createMailUser('qq.test');
    const netease = await createMailUser('163.test');
    for (const [user, port] of [
      [qq, MAILSTACK.ports.qqImaps],
      [netease, MAILSTACK.ports.neteaseImaps],
      [qq, MAILSTACK.ports.imaps],
    ] as const) {
      const client = await connectImap(user, port);
      expect(client.authenticated).toBeTruthy();
      await client.logout();
    }
  });

  it('points the qq and 163 presets at the emulations and trusts the local CA', () => {
    const env = providerEnv();
    expect(env.NODE_EXTRA_CA_CERTS).toBe(MAILSTACK.caFile);
    expect(JSON.parse(env.YOUJIAN_PROVIDER_ENDPOINTS ?? '{}')).toMatchObject({
      qq: { imap: { port: 32993, security: 'tls' }, smtp: { port: 31465, security: 'tls' } },
      163: { imap: { port: 33993, security: 'tls' }, smtp: { port: 31465, security: 'tls' } },
    });
  });

  it('seeds a folder over IMAP, and only once when asked to', async () => {
    const user = await createMailUser('163.test');
    expect(await seedMailbox(user, { folder: '草稿箱', count: 12, seed: 9 })).toBe(12);
    expect(await seedMailbox(user, { folder: '草稿箱', count: 12, seed: 9, once: true })).toBe(0);
    // another seed is other mail: it is added beside the first
    expect(await seedMailbox(user, { folder: '草稿箱', count: 3, seed: 10, once: true })).toBe(3);
    const messages = await waitForMessages(user, '草稿箱', 15);
    expect(messages).toHaveLength(15);
    expect(messages.some((m) => /[\u4e00-\u9fff]/.test(m.subject ?? ''))).toBe(true);
  });

  it('writes a Maildir that Dovecot serves in date order with the flags from the file names', async () => {
    const user = await createMailUser('qq.test');
    const result = await writeMaildir(user.address, 'Junk', 300, { seed: 4 });
    expect(result.written).toBe(300);
    await withDovecot(user, async (client) => {
      const lock = await client.getMailboxLock('Junk');
      try {
        const messages = await client.fetchAll('1:*', {
          uid: true,
          internalDate: true,
          flags: true,
        });
        expect(messages).toHaveLength(300);
        const dates = messages.map((m) => new Date(m.internalDate ?? 0).getTime());
        expect(dates).toEqual([...dates].sort((a, b) => a - b));
        const seen = messages.filter((m) => m.flags?.has('\\Seen')).length;
        expect(seen).toBeGreaterThan(100);
        expect(seen).toBeLessThan(300);
      } finally {
        lock.release();
      }
    });
  });
});
