/**
 * A session that keeps a folder selected (the web's reading session, 10 s after its last
 * use) has not been told of mail delivered since (RFC 3501 §7.3.1: the server reports new
 * messages when it chooses, at the latest in answer to NOOP), so a FETCH of a just-arrived
 * message's UID may come back empty on Dovecot. Opening such a message must still work.
 */
import { deliverMessage } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRawMessage } from './fetch-raw-message';
import { closeImap, openImap } from './imap-connect';
import type { ImapFlow, MailCredentials } from './index';
import { freshCredentials } from './test-stack.integration-helpers';

const raw = (subject: string, to: string) =>
  `From: sender@163.test\r\nTo: ${to}\r\nSubject: ${subject}\r\n` +
  `Message-ID: <${subject}@163.test>\r\nDate: Tue, 04 Mar 2025 10:00:00 +0800\r\n\r\n${subject} body\r\n`;

let creds: MailCredentials;
let reader: ImapFlow;

beforeAll(async () => {
  creds = await freshCredentials('qq');
  await deliverMessage({
    from: 'sender@163.test',
    to: creds.address,
    raw: raw('first', creds.address),
  });
  reader = await openImap(creds);
});

afterAll(async () => {
  await closeImap(reader);
});

async function inboxUids(): Promise<number[]> {
  const probe = await openImap(creds);
  try {
    const lock = await probe.getMailboxLock('INBOX', { readOnly: true });
    try {
      const uids = await probe.search({ all: true }, { uid: true });
      return uids || [];
    } finally {
      lock.release();
    }
  } finally {
    await closeImap(probe);
  }
}

describe('fetchRawMessage on a session that keeps INBOX selected', () => {
  it('reads a message delivered after the folder was selected', async () => {
    const [firstUid] = await inboxUids();
    if (firstUid === undefined) throw new Error('the first message was not delivered');
    const status = await reader.status('INBOX', { uidValidity: true });
    if (!status) throw new Error('STATUS INBOX failed');
    const inbox = { path: 'INBOX', uidValidity: Number(status.uidValidity) };
    // selects INBOX and keeps it selected, as the reading session does between opens
    expect((await fetchRawMessage(reader, inbox, firstUid)).toString()).toContain('first body');

    await deliverMessage({
      from: 'sender@163.test',
      to: creds.address,
      raw: raw('second', creds.address),
    });
    let uids: number[] = [];
    for (let i = 0; i < 50 && uids.length < 2; i++) {
      uids = await inboxUids();
      if (uids.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const secondUid = uids.at(-1);
    if (secondUid === undefined || uids.length < 2)
      throw new Error('the second message was not delivered');

    expect((await fetchRawMessage(reader, inbox, secondUid)).toString()).toContain('second body');
  });
});
