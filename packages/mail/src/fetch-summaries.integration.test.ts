import iconv from 'iconv-lite';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRawMessage } from './fetch-raw-message';
import { fetchSummaries } from './fetch-summaries';
import { closeImap, openImap } from './imap-connect';
import { appendMessage } from './imap-write';
import { parseMessage } from './parse-message';
import { freshCredentials } from './test-stack.integration-helpers';

const gbkWord = (text: string) =>
  `=?gb2312?B?${iconv.encode(text, 'gb18030').toString('base64')}?=`;

/** Encoded words labelled gb2312 (one character needs GB18030), body in GBK, a PDF attached. */
const encodedWordMessage = Buffer.concat([
  Buffer.from(
    [
      `From: ${gbkWord('王小明')} <wang@163.test>`,
      `To: ${gbkWord('李雷')} <li@qq.test>, han@qq.test`,
      `Subject: ${gbkWord('季度报告𠀀定稿')}`,
      'Date: Tue, 04 Mar 2025 10:00:00 +0800',
      'Message-ID: <report-1@163.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="part"',
      '',
      '--part',
      'Content-Type: text/plain; charset=gb2312',
      'Content-Transfer-Encoding: 8bit',
      '',
      '',
    ].join('\r\n'),
  ),
  iconv.encode('请查收附件。', 'gbk'),
  Buffer.from(
    [
      '',
      '--part',
      'Content-Type: application/pdf; name="report.pdf"',
      'Content-Disposition: attachment; filename="report.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 test').toString('base64'),
      '--part--',
      '',
    ].join('\r\n'),
  ),
]);

/** Raw 8-bit GBK in the headers, as some Chinese mailers still send. */
const rawGbkMessage = Buffer.concat([
  Buffer.from('From: "'),
  iconv.encode('张伟', 'gbk'),
  Buffer.from('" <zhang@qq.test>\r\nTo: li@qq.test\r\nSubject: '),
  iconv.encode('回复：明天开会', 'gbk'),
  Buffer.from(
    '\r\nMessage-ID: <reply-2@qq.test>\r\nIn-Reply-To: <report-1@163.test>\r\n' +
      'References: <root-0@163.test>\r\n <report-1@163.test>\r\n' +
      'Content-Type: text/plain; charset=gbk\r\n\r\n',
  ),
  iconv.encode('好的', 'gbk'),
  Buffer.from('\r\n'),
]);

describe('fetchSummaries', () => {
  let client: ImapFlow;
  let uids: number[];

  beforeAll(async () => {
    client = await openImap(await freshCredentials('qq'));
    const first = await appendMessage(client, 'INBOX', encodedWordMessage, ['\\Seen']);
    const second = await appendMessage(client, 'INBOX', rawGbkMessage, []);
    uids = [first.uid ?? 0, second.uid ?? 0];
  });
  afterAll(async () => {
    await closeImap(client);
  });

  it('decodes a GB18030 subject and GBK sender labelled gb2312', async () => {
    const [summary] = await fetchSummaries(client, 'INBOX', String(uids[0]));
    expect(summary).toMatchObject({
      uid: uids[0],
      subject: '季度报告𠀀定稿',
      from: { name: '王小明', address: 'wang@163.test' },
      to: [
        { name: '李雷', address: 'li@qq.test' },
        { name: '', address: 'han@qq.test' },
      ],
      messageId: '<report-1@163.test>',
      hasAttachments: true,
      flags: ['\\Seen'],
    });
    expect(summary?.sentAt?.toISOString()).toBe('2025-03-04T02:00:00.000Z');
    expect(summary?.size).toBe(encodedWordMessage.length);
  });

  it('decodes raw 8-bit GBK headers and keeps the thread references', async () => {
    const summaries = await fetchSummaries(client, 'INBOX', `${uids[0]}:${uids[1]}`);
    expect(summaries).toHaveLength(2);
    const reply = summaries.find((summary) => summary.uid === uids[1]);
    expect(reply).toMatchObject({
      subject: '回复：明天开会',
      from: { name: '张伟', address: 'zhang@qq.test' },
      inReplyTo: '<report-1@163.test>',
      references: ['<root-0@163.test>', '<report-1@163.test>'],
      hasAttachments: false,
      flags: [],
    });
  });

  it('previews the GBK text part, not the attachment, without setting \\Seen', async () => {
    const summaries = await fetchSummaries(client, 'INBOX', uids.join(','));
    expect(summaries.map((summary) => summary.snippet)).toEqual(['请查收附件。', '好的']);
    expect(summaries[1]?.flags).not.toContain('\\Seen');
  });

  it('reads the full message for the reading pane with a GBK body', async () => {
    const parsed = await parseMessage(
      await fetchRawMessage(client, { path: 'INBOX', uidValidity: null }, uids[0] ?? 0),
    );
    expect(parsed.text?.trim()).toBe('请查收附件。');
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual(['report.pdf']);
  });

  it('reports MESSAGE_NOT_FOUND for a UID that does not exist', async () => {
    await expect(
      fetchRawMessage(client, { path: 'INBOX', uidValidity: null }, 999_999),
    ).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
    });
  });
});
