import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendMessage,
  connectImap,
  createMailUser,
  deliverMessage,
  ensureMailstack,
  MAILSTACK,
} from './mailstack';
import { openRawImap } from './provider-proxy/raw-imap-client';

beforeAll(async () => {
  await ensureMailstack();
});

function rawMessage(subject: string, body = 'Hello from the test.'): string {
  return [
    'From: Sender <sender@example.org>',
    'To: someone@qq.test',
    `Subject: ${subject}`,
    `Message-ID: <${randomBytes(8).toString('hex')}@example.org>`,
    'Date: Wed, 26 Nov 2025 10:00:00 +0800',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('imap.qq.test (QQ profile)', () => {
  it('advertises IDLE, MOVE and XLIST but not SPECIAL-USE, CONDSTORE, QRESYNC or THREAD', async () => {
    const user = await createMailUser('qq.test');
    const client = await connectImap(user, MAILSTACK.ports.qqImaps);
    const capabilities = [...client.capabilities.keys()];
    await client.logout();
    expect(capabilities).toEqual(expect.arrayContaining(['IDLE', 'MOVE', 'XLIST', 'UIDPLUS']));
    for (const missing of ['SPECIAL-USE', 'CONDSTORE', 'QRESYNC', 'STARTTLS']) {
      expect(capabilities).not.toContain(missing);
    }
    expect(capabilities.some((capability) => capability.startsWith('THREAD='))).toBe(false);
  });

  it('names folder roles only through XLIST', async () => {
    const user = await createMailUser('qq.test');
    const raw = await openRawImap(MAILSTACK.ports.qqImaps, MAILSTACK.caFile);
    await raw.command(`LOGIN ${user.address} ${user.authCode}`);
    const list = await raw.command('LIST "" "*"');
    const xlist = await raw.command('XLIST "" "*"');
    raw.close();
    expect(list).toContain('* LIST (\\HasNoChildren) "/" "Sent Messages"');
    expect(xlist).toEqual(
      expect.arrayContaining([
        '* XLIST (\\HasNoChildren \\Inbox) "/" INBOX',
        '* XLIST (\\HasNoChildren \\Sent) "/" "Sent Messages"',
        '* XLIST (\\HasNoChildren \\Drafts) "/" Drafts',
        '* XLIST (\\HasNoChildren \\Trash) "/" "Deleted Messages"',
        '* XLIST (\\HasNoChildren \\Spam) "/" Junk',
      ]),
    );
    expect(xlist.at(-1)).toMatch(/^r\d+ OK /);
  });

  it('pushes new mail to a client in IDLE', async () => {
    const user = await createMailUser('qq.test');
    const client = await connectImap(user, MAILSTACK.ports.qqImaps);
    const lock = await client.getMailboxLock('INBOX');
    try {
      const exists = new Promise<number>((resolve) => {
        client.on('exists', (event: { count: number }) => resolve(event.count));
      });
      const idling = client.idle();
      await deliverMessage({ from: 'x@example.org', to: user.address, raw: rawMessage('IDLE') });
      // Dovecot delays IDLE notifications by 0.5 s; delivery goes through Postfix first.
      const count = await Promise.race([
        exists,
        new Promise<number>((_resolve, reject) =>
          setTimeout(() => reject(new Error('no EXISTS within 10 s')), 10_000),
        ),
      ]);
      expect(count).toBe(1);
      await client.noop();
      await idling;
    } finally {
      lock.release();
      await client.logout();
    }
  });

  it('streams large FETCH responses and synchronizing-literal APPENDs byte for byte', async () => {
    const user = await createMailUser('qq.test');
    // 3 MB of base64 lines: many TCP/TLS chunks on the way through the proxy
    const big = rawMessage(
      'big',
      randomBytes(2_250_000).toString('base64').replace(/.{76}/g, '$&\r\n'),
    );
    await appendMessage(user, 'INBOX', big);
    const client = await connectImap(user, MAILSTACK.ports.qqImaps);
    try {
      // QQ has no LITERAL+, so imapflow waits for "+" before sending this literal
      await client.append('Drafts', big, ['\\Draft']);
      const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
      for (const folder of ['INBOX', 'Drafts']) {
        const lock = await client.getMailboxLock(folder);
        try {
          const message = await client.fetchOne('*', { source: true });
          const source = message ? message.source : undefined;
          expect(source && sha(source)).toBe(sha(big));
        } finally {
          lock.release();
        }
      }
    } finally {
      await client.logout();
    }
  });
});

describe('imap.163.test (NetEase profile)', () => {
  it('advertises SPECIAL-USE but neither IDLE, MOVE, CONDSTORE, QRESYNC nor THREAD', async () => {
    const user = await createMailUser('163.test');
    const client = await connectImap(user, MAILSTACK.ports.neteaseImaps);
    const capabilities = [...client.capabilities.keys()];
    await client.logout();
    expect(capabilities).toEqual(expect.arrayContaining(['SPECIAL-USE', 'ID', 'UIDPLUS']));
    for (const missing of ['IDLE', 'MOVE', 'CONDSTORE', 'QRESYNC', 'XLIST']) {
      expect(capabilities).not.toContain(missing);
    }
  });

  it('lists the Chinese folders with SPECIAL-USE on 已发送, 草稿箱, 已删除 and 垃圾邮件', async () => {
    const user = await createMailUser('163.test');
    const client = await connectImap(user, MAILSTACK.ports.neteaseImaps);
    const folders = await client.list();
    await client.logout();
    const flagsOf = (path: string) => [...(folders.find((f) => f.path === path)?.flags ?? [])];
    expect(flagsOf('已发送')).toContain('\\Sent');
    expect(flagsOf('草稿箱')).toContain('\\Drafts');
    expect(flagsOf('已删除')).toContain('\\Trash');
    expect(flagsOf('垃圾邮件')).toContain('\\Junk');
    expect(folders.map((f) => f.path)).toEqual(
      expect.arrayContaining(['INBOX', '病毒文件夹', '广告邮件', '订阅邮件']),
    );
  });

  it('refuses SELECT before ID with the exact NetEase text, and allows it after ID', async () => {
    const user = await createMailUser('163.test');
    const raw = await openRawImap(MAILSTACK.ports.neteaseImaps, MAILSTACK.caFile);
    await raw.command(`LOGIN ${user.address} ${user.authCode}`);
    const refused = await raw.command('SELECT INBOX');
    const examine = await raw.command('EXAMINE INBOX');
    await raw.command('ID ("name" "youjian")');
    const selected = await raw.command('SELECT INBOX');
    raw.close();
    expect(refused).toEqual(['r2 NO SELECT Unsafe Login. Please contact kefu@188.com for help']);
    expect(examine).toEqual(['r3 NO SELECT Unsafe Login. Please contact kefu@188.com for help']);
    expect(selected.at(-1)).toMatch(/^r5 OK \[READ-WRITE\]/);
    expect(selected).toContainEqual(expect.stringMatching(/^\* OK \[UIDVALIDITY \d+\]/));
    expect(selected.some((line) => line.includes('UIDNEXT'))).toBe(false);
  });

  it('omits UIDNEXT from STATUS and answers BAD to IDLE and MOVE', async () => {
    const user = await createMailUser('163.test');
    await appendMessage(user, 'INBOX', rawMessage('one'));
    const raw = await openRawImap(MAILSTACK.ports.neteaseImaps, MAILSTACK.caFile);
    await raw.command(`LOGIN ${user.address} ${user.authCode}`);
    const status = await raw.command('STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY)');
    await raw.command('ID NIL');
    await raw.command('SELECT INBOX');
    const move = await raw.command('UID MOVE 1 &V4NXPpCuTvY-');
    const idle = await raw.command('IDLE');
    raw.close();
    expect(status[0]).toMatch(/^\* STATUS INBOX \(MESSAGES 1 UIDVALIDITY \d+\)$/);
    expect(move).toEqual([expect.stringMatching(/^r\d+ BAD /)]);
    expect(idle).toEqual([expect.stringMatching(/^r\d+ BAD /)]);
  });

  it('lets imapflow read mail once it has sent ID, with uidNext unknown', async () => {
    const user = await createMailUser('163.test');
    await appendMessage(user, 'INBOX', rawMessage('网易测试'));
    const client = await connectImap(user, MAILSTACK.ports.neteaseImaps);
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const mailbox = client.mailbox === false ? null : client.mailbox;
        expect(mailbox?.exists).toBe(1);
        expect(mailbox?.uidNext).toBeFalsy();
        const message = await client.fetchOne('1', { envelope: true });
        expect(message ? message.envelope?.subject : undefined).toBe('网易测试');
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });
});
