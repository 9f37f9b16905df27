import tls from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchFlags } from './fetch-summaries';
import { closeImap, openImap } from './imap-connect';
import { appendMessage, moveMessages, setFlags } from './imap-write';
import { freshCredentials, useImapSession } from './test-stack.integration-helpers';
import type { MailCredentials } from './types';

/** A bare IMAP session that sends only what the test says: no ID unless asked. */
async function rawSession(creds: MailCredentials) {
  const socket = tls.connect({
    host: creds.imap.host,
    port: creds.imap.port,
    servername: 'localhost',
  });
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${buffer}`)), 5000);
      const check = () => {
        const match = buffer.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        socket.off('data', check);
        resolve(match[0]);
      };
      socket.on('data', check);
      check();
    });
  await waitFor(/^\* OK.*\r\n/m);
  let tag = 0;
  return {
    async command(text: string): Promise<string> {
      tag += 1;
      socket.write(`t${tag} ${text}\r\n`);
      return waitFor(new RegExp(`^t${tag} (OK|NO|BAD).*$`, 'm'));
    },
    close: () => socket.destroy(),
  };
}

function message(subject: string): Buffer {
  return Buffer.from(
    `From: a@163.test\r\nTo: b@163.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@test>\r\n\r\nbody\r\n`,
  );
}

describe('NetEase emulation: the ID rule (RFC 2971)', () => {
  let creds: MailCredentials;
  beforeAll(async () => {
    creds = await freshCredentials('163');
  });

  it('refuses SELECT from a client that logged in without sending ID', async () => {
    const session = await rawSession(creds);
    try {
      expect(await session.command(`LOGIN "${creds.username}" "${creds.secret}"`)).toMatch(
        /^t1 OK/,
      );
      expect(await session.command('SELECT INBOX')).toBe(
        't2 NO SELECT Unsafe Login. Please contact kefu@188.com for help',
      );
      expect(await session.command('ID ("name" "raw-test")')).toMatch(/^t3 OK/);
      expect(await session.command('SELECT INBOX')).toMatch(/^t4 OK/);
    } finally {
      session.close();
    }
  });

  it('openImap identifies itself, so SELECT works', async () => {
    const client = await openImap(creds);
    try {
      const mailbox = await client.mailboxOpen('INBOX');
      expect(mailbox.path).toBe('INBOX');
      expect(client.serverInfo).not.toBeNull();
    } finally {
      await closeImap(client);
    }
  });
});

describe('NetEase emulation: moving without MOVE', () => {
  const session = useImapSession('163');

  it('copies, then expunges only the moved UIDs, leaving other \\Deleted messages alone', async () => {
    expect(session().capabilities.has('MOVE')).toBe(false);
    expect(session().capabilities.has('UIDPLUS')).toBe(true);
    const moved = await appendMessage(session(), 'INBOX', message('moved'), []);
    const keptDeleted = await appendMessage(session(), 'INBOX', message('kept-deleted'), [
      '\\Deleted',
    ]);
    const untouched = await appendMessage(session(), 'INBOX', message('untouched'), ['\\Seen']);
    expect(moved.uid).not.toBeNull();

    const uidMap = await moveMessages(
      session(),
      { path: 'INBOX', uidValidity: null },
      [moved.uid ?? 0],
      '已删除',
    );

    const inbox = await fetchFlags(session(), 'INBOX', '1:*');
    expect(inbox.map((entry) => entry.uid).sort()).toEqual([keptDeleted.uid, untouched.uid].sort());
    expect(inbox.find((entry) => entry.uid === keptDeleted.uid)?.flags).toContain('\\Deleted');
    const trash = await fetchFlags(session(), '已删除', '1:*');
    expect(trash).toHaveLength(1);
    expect(uidMap.get(moved.uid ?? 0)).toBe(trash[0]?.uid);
  });

  it('adds and removes flags by UID', async () => {
    const { uid } = await appendMessage(session(), '草稿箱', message('flags'), ['\\Draft']);
    expect(uid).not.toBeNull();
    await setFlags(session(), { path: '草稿箱', uidValidity: null }, [uid ?? 0], {
      add: ['\\Seen', '\\Flagged'],
      remove: ['\\Draft'],
    });
    const [entry] = await fetchFlags(session(), '草稿箱', String(uid));
    expect(entry?.flags.sort()).toEqual(['\\Flagged', '\\Seen']);
  });

  it('names the server when a folder cannot be opened', async () => {
    const error = await fetchFlags(session(), '不存在的文件夹', '1:*').catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'PROTOCOL', protocol: 'imap' });
    expect((error as Error).message).toMatch(
      /^The IMAP server 127\.0\.0\.1:33993 refused the command: /,
    );
  });
});
