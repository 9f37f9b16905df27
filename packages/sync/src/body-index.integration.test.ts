import { and, eq, message, sql, toSearchQuery } from '@youjian/db';
import { createTestDatabase, type TestDatabase } from '@youjian/db/testing';
import { closeImap, openImap } from '@youjian/mail';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexBodies } from './body-index';
import { syncAccount } from './sync-account';
import {
  linkTestAccount,
  secretBox,
  type TestAccount,
  withDovecot,
} from './test-stack.integration-helpers';

/** Words far enough into a body that the list preview (first 1.5 KB) never holds them. */
const FILLER = 'Lorem ipsum dolor sit amet. '.repeat(100);

function mail(subject: string, contentType: string, body: Buffer | string, extra: string[] = []) {
  const head = [
    'From: Sender <sender@example.test>',
    'To: someone@qq.test',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@example.test>`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    ...extra,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);
}

const GBK_PLAIN = mail(
  'Budget',
  'text/plain; charset=gb2312',
  iconv.encode(`${FILLER}\r\n请审阅第三季度预算草案。\r\n`, 'gbk'),
  ['Content-Transfer-Encoding: 8bit'],
);
const HTML_ONLY = mail(
  'Travel',
  'text/html; charset=utf-8',
  `<html><body><p>${FILLER}</p><p>Tickets to Zanzibar =E2=9C=88</p><script>exfiltrate()</script></body></html>`,
  ['Content-Transfer-Encoding: quoted-printable'],
);
const WITH_ATTACHMENT = mail(
  'Report',
  'multipart/mixed; boundary="b"',
  [
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${FILLER} The quarterly figures are attached.`,
    '--b',
    'Content-Type: text/plain; name="notes.txt"',
    'Content-Disposition: attachment; filename="notes.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('confidentialattachmentword').toString('base64'),
    '--b--',
    '',
  ].join('\r\n'),
);

/** NUL bytes, which Postgres text cannot hold, in an encoded-word subject and in the body. */
const WITH_NUL = mail(
  '=?utf-8?Q?Null=00byte?=',
  'text/plain; charset=utf-8',
  Buffer.from('before\u0000after zeroword\r\n', 'latin1'),
  ['Content-Transfer-Encoding: 8bit'],
);

let testDb: TestDatabase;
let account: TestAccount;

async function found(query: string): Promise<string[]> {
  const rows = await testDb.db
    .select({ subject: message.subject })
    .from(message)
    .where(
      and(
        eq(message.accountId, account.accountId),
        sql`${message.searchDocument} @@ to_tsquery('simple', ${toSearchQuery(query)})`,
      ),
    );
  return rows.map((row) => row.subject).sort();
}

async function indexAll(): Promise<boolean> {
  const client = await openImap(account.creds);
  try {
    return await indexBodies({
      db: testDb.db,
      client,
      accountId: account.accountId,
      userId: account.userId,
      shouldPause: () => false,
    });
  } finally {
    await closeImap(client);
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  account = await linkTestAccount(testDb.db, 'qq');
  await withDovecot(account.mailUser, async (client) => {
    for (const raw of [GBK_PLAIN, HTML_ONLY, WITH_ATTACHMENT, WITH_NUL]) {
      await client.append('INBOX', raw);
    }
  });
  await syncAccount({ db: testDb.db, accountId: account.accountId, secretBox });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('body index', () => {
  it('makes words deep in a body searchable, Chinese included, without opening the mail', async () => {
    expect(await found('预算')).toEqual([]);
    expect(await found('Zanzibar')).toEqual([]);

    expect(await indexAll()).toBe(true);

    expect(await found('预算')).toEqual(['Budget']);
    expect(await found('第三季度')).toEqual(['Budget']);
    expect(await found('Zanzibar')).toEqual(['Travel']);
    expect(await found('quarterly figures')).toEqual(['Report']);
  });

  it('reads text parts only: attachments and scripts are not indexed', async () => {
    expect(await found('confidentialattachmentword')).toEqual([]);
    expect(await found('exfiltrate')).toEqual([]);
  });

  it('mirrors and indexes a message with NUL bytes, without them', async () => {
    expect(await found('zeroword')).toEqual(['Nullbyte']);
  });

  it('marks every message indexed and has nothing left to do on the next pass', async () => {
    const rows = await testDb.db
      .select({ indexed: message.bodyIndexed, snippet: message.snippet })
      .from(message)
      .where(eq(message.accountId, account.accountId));
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.indexed)).toBe(true);
    expect(rows.filter((row) => row.snippet.startsWith('Lorem ipsum'))).toHaveLength(3);
    expect(await indexAll()).toBe(true);
  });
});
