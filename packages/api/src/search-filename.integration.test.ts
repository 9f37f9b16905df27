/**
 * `filename:` (and a plain word of a file name) finds a message by its attachment's name
 * before anyone opened it: the sync takes the names from BODYSTRUCTURE and the body index
 * keeps them when it rewrites the search document. Real Dovecot, sync, body index and
 * messages.list; no message is opened (messages.get) in this file.
 */
import crypto from 'node:crypto';
import { eq, mailAccount, message, user } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { appendMessage, createMailUser, type MailUser } from '@youjian/mailstack';
import { accountCredentials, indexBodies, syncAccount } from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let accountId: string;
let alice: MailUser;
const run = Date.now().toString(36);

const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/** A body (text/plain unless `html`) and one more part, described by `headers`. */
function mail(subject: string, headers: string[], kind = 'mixed', html = '') {
  const boundary = `b-${run}`;
  return [
    'From: Sender <sender@corp.test>',
    `To: ${alice.address}`,
    `Subject: ${subject}`,
    `Message-ID: <${crypto.randomUUID()}@example.test>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/${kind}; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: text/${html ? 'html' : 'plain'}; charset=utf-8`,
    '',
    html || 'See the file.',
    `--${boundary}`,
    ...headers,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('bytes').toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A search as the web app makes it: the subjects of the first page. */
const subjectsFor = async (query: string) => {
  const page = await api.callerFor(userId).messages.list({ query, timeZone: 'Asia/Shanghai' });
  return page.items.map((item) => item.subject).sort();
};

/** The worker's body index over the account, to the end (it rewrites search documents). */
async function bodyIndex() {
  const db = api.database.db;
  const account = await db.query.mailAccount.findFirst({ where: eq(mailAccount.id, accountId) });
  if (!account) throw new Error('no account');
  const client = await openImap(accountCredentials(account, api.secretBox));
  const done = await indexBodies({ db, client, accountId, userId, shouldPause: () => false });
  await closeImap(client);
  expect(done).toBe(true);
}

beforeAll(async () => {
  api = await createTestApi();
  alice = await createMailUser('qq.test');
  userId = crypto.randomUUID();
  await api.database.db
    .insert(user)
    .values({ id: userId, name: 'Searcher', email: `${userId}@example.test` });
  const linked = await api.callerFor(userId).accounts.link({
    provider: 'qq',
    address: alice.address,
    authCode: alice.authCode,
  });
  accountId = linked.id;
  const raws = [
    // RFC 2047 encoded words in both name parameters, as Outlook and QQ Mail send them
    mail('Quarter (2047)', [
      `Content-Type: application/pdf; name="${b64('季度报告.pdf')}"`,
      `Content-Disposition: attachment; filename="${b64('季度报告.pdf')}"`,
    ]),
    // RFC 2231 percent-encoded, split into continuations (filename*0*, filename*1*)
    mail('Budget (2231)', [
      'Content-Type: application/vnd.ms-excel',
      `Content-Disposition: attachment; filename*0*=UTF-8''${encodeURIComponent('预算')};`,
      ` filename*1*=${encodeURIComponent('明细.xls')}`,
    ]),
    mail('Plain ASCII', [
      'Content-Type: application/pdf; name="annual-report.pdf"',
      'Content-Disposition: attachment; filename="annual-report.pdf"',
    ]),
    // an image the HTML shows by cid: no paperclip, so no file name to search either
    mail(
      'Inline logo',
      ['Content-Type: image/png; name="logo.png"', 'Content-ID: <logo@corp.test>'],
      'related',
      '<p>Hello</p><img src="cid:logo@corp.test">',
    ),
    // the same kind of part that nothing shows: the pane lists it, so the paperclip does
    // (decided by the body index) and its name is searchable
    mail(
      'Unused image',
      ['Content-Type: image/png; name="stamp.png"', 'Content-ID: <stamp@corp.test>'],
      'related',
    ),
  ];
  for (const raw of raws) await appendMessage(alice, 'INBOX', raw);
  await syncAccount({ db: api.database.db, accountId, secretBox: api.secretBox });
});

afterAll(async () => {
  await api?.close();
});

describe('attachment file names in search, without opening the message', () => {
  it('finds them right after the sync (header document)', async () => {
    expect(await subjectsFor('filename:季度报告')).toEqual(['Quarter (2047)']);
    expect(await subjectsFor('filename:report')).toEqual(['Plain ASCII']);
  });

  it('keeps them through the body index rewrite, RFC 2047 and RFC 2231 names decoded', async () => {
    await bodyIndex();
    const rows = await api.database.db
      .select({ indexed: message.bodyIndexed, names: message.attachmentNames })
      .from(message)
      .where(eq(message.accountId, accountId));
    expect(rows.every((row) => row.indexed)).toBe(true);
    expect(rows.map((row) => row.names?.join() ?? '').sort()).toEqual([
      '',
      '',
      'annual-report.pdf',
      '季度报告.pdf',
      '预算明细.xls',
    ]);
    expect(await subjectsFor('filename:季度报告')).toEqual(['Quarter (2047)']);
    expect(await subjectsFor('filename:报告')).toEqual(['Quarter (2047)']);
    expect(await subjectsFor('filename:预算明细')).toEqual(['Budget (2231)']);
    expect(await subjectsFor('filename:report')).toEqual(['Plain ASCII']);
    expect(await subjectsFor('filename:annual-report.pdf')).toEqual(['Plain ASCII']);
    // a plain word finds a file name too; an inline image is no attachment
    expect(await subjectsFor('季度报告')).toEqual(['Quarter (2047)']);
    expect(await subjectsFor('filename:logo')).toEqual([]);
    expect(await subjectsFor('filename:stamp')).toEqual(['Unused image']);
    expect(await subjectsFor('has:attachment')).toEqual([
      'Budget (2231)',
      'Plain ASCII',
      'Quarter (2047)',
      'Unused image',
    ]);
  });
});
