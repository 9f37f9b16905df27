/**
 * UID-addressed commands check the folder's UIDVALIDITY first (RFC 3501 §2.3.1.1), on real
 * Dovecot: a folder deleted and re-created gets a new UIDVALIDITY, and appending its two
 * messages in the other order gives each the UID the other had — a stale UID then names
 * the other message, as on a server that renumbers a renamed folder (Courier).
 */
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBodyTexts } from './fetch-body-texts';
import { fetchRawMessage } from './fetch-raw-message';
import { closeImap, openImap } from './imap-connect';
import { expungeUids, moveMessages, presentUids, setFlags } from './imap-write';
import { asCustomProvider, freshCredentials } from './test-stack.integration-helpers';
import type { MailboxRef } from './types';

const raw = (name: string) =>
  Buffer.from(
    `From: a@qq.test\r\nTo: b@qq.test\r\nSubject: ${name}\r\nMessage-ID: <${name}@qq.test>\r\n` +
      `Date: Tue, 04 Mar 2025 10:00:00 +0800\r\n\r\nThis is ${name}.\r\n`,
  );

let client: ImapFlow;
/** the folder as a mirror synced before the renumbering knows it: m1 is UID 1 */
let stale: MailboxRef;
let current: number;

beforeAll(async () => {
  client = await openImap(asCustomProvider(await freshCredentials('qq')));
  await client.mailboxCreate('Work');
  for (const name of ['m1', 'm2']) await client.append('Work', raw(name));
  stale = { path: 'Work', uidValidity: await uidValidityOf('Work') };
  await client.mailboxDelete('Work');
  await client.mailboxCreate('Work');
  for (const name of ['m2', 'm1']) await client.append('Work', raw(name));
  await client.mailboxCreate('Elsewhere');
  current = await uidValidityOf('Work');
});

async function uidValidityOf(path: string): Promise<number> {
  const status = await client.status(path, { uidValidity: true });
  if (!status) throw new Error(`no STATUS of ${path}`);
  return Number(status.uidValidity);
}
afterAll(async () => {
  if (client) await closeImap(client);
});

/** Subject → flags of what Work holds now. */
async function serverState(): Promise<Map<string, string[]>> {
  const lock = await client.getMailboxLock('Work', { readOnly: true });
  try {
    const state = new Map<string, string[]>();
    for await (const m of client.fetch('1:*', { envelope: true, flags: true }, { uid: true })) {
      state.set(m.envelope?.subject ?? '', [...(m.flags ?? [])].sort());
    }
    return state;
  } finally {
    lock.release();
  }
}

describe('a UID-addressed command on a renumbered folder', () => {
  it('the renumbering really made UID 1 name m2', async () => {
    expect(current).not.toBe(stale.uidValidity);
    const source = await fetchRawMessage(client, { path: 'Work', uidValidity: current }, 1);
    expect(source.toString()).toContain('Subject: m2');
  });

  it.each([
    ['UID STORE', () => setFlags(client, stale, [1], { add: ['\\Flagged'] })],
    ['UID EXPUNGE', () => expungeUids(client, stale, [1])],
    ['UID MOVE', () => moveMessages(client, stale, [1], 'Elsewhere')],
    ['UID FETCH of presence', () => presentUids(client, stale, [1])],
    ['UID FETCH of a source', () => fetchRawMessage(client, stale, 1)],
    ['UID FETCH of texts', () => fetchBodyTexts(client, stale, [{ uid: 1, part: undefined }], 100)],
  ])('%s is refused with the new UIDVALIDITY and touches nothing', async (_, command) => {
    await expect(command()).rejects.toMatchObject({
      code: 'UIDVALIDITY_CHANGED',
      uidValidity: current,
    });
    expect(await serverState()).toEqual(
      new Map([
        ['m2', []],
        ['m1', []],
      ]),
    );
  });

  it('goes ahead when the UIDVALIDITY is the one the caller knows', async () => {
    await setFlags(client, { path: 'Work', uidValidity: current }, [2], { add: ['\\Flagged'] });
    expect((await serverState()).get('m1')).toEqual(['\\Flagged']);
  });
});
