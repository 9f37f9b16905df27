/**
 * Replies and forwards as the recipient's mail program sees them: each kind is written
 * through the router, sent by the worker's code over the local 163.test SMTP, fetched
 * from the recipient's mailbox, and read with mailparser — a MIME parser independent of
 * the one that built it (nodemailer) and of the one the product reads with (postal-mime).
 */
import crypto from 'node:crypto';
import { and, eq, message, outgoingMail, user } from '@youjian/db';
import { appendMessage, createMailUser, type MailUser } from '@youjian/mailstack';
import { syncAccount } from '@youjian/sync';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseKind } from './lib/response-kind';
import { receivedBy, runWorkerSend } from './send-test.integration-helpers';
import { createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let alice: MailUser;
let bob: MailUser;
let dave: MailUser;
let carol: MailUser;
let erin: MailUser;
let bobAccountId: string;
let original: { id: string; messageIdHeader: string; raw: string };
let withReplyTo: { id: string };

const run = Date.now().toString(36);
const subject = `回复: 季度报告 ${run}`;
const attachmentBytes = crypto.randomBytes(3000);
const attachmentName = '预算 2024.xlsx';

const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/** A mail as QQ Mail writes one: Chinese names and subject, a Chinese-named attachment. */
function originalMessage(messageIdHeader: string, extraHeaders: string[] = []) {
  const boundary = `b-${run}`;
  return [
    `From: ${b64('爱丽丝')} <${alice.address}>`,
    `To: ${b64('鲍勃')} <${bob.address}>, ${dave.address}, ${carol.address}`,
    `Cc: ${erin.address}`,
    `Subject: ${b64(subject)}`,
    'Date: Mon, 03 Jun 2024 06:05:00 +0000',
    `Message-ID: ${messageIdHeader}`,
    'In-Reply-To: <root@qq.test>',
    'References: <root@qq.test>',
    ...extraHeaders,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('各位好，\n明天下午三点开会。\n').toString('base64'),
    `--${boundary}`,
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(attachmentName)}`,
    'Content-Transfer-Encoding: base64',
    '',
    attachmentBytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function mirrorRowOf(messageIdHeader: string) {
  const [row] = await api.database.db
    .select({ id: message.id })
    .from(message)
    .where(and(eq(message.accountId, bobAccountId), eq(message.messageId, messageIdHeader)));
  return row;
}

async function seedOriginal(extraHeaders: string[] = []) {
  const messageIdHeader = `<${crypto.randomUUID()}@qq.test>`;
  const raw = originalMessage(messageIdHeader, extraHeaders);
  await appendMessage(bob, 'INBOX', raw);
  await syncAccount({ db: api.database.db, accountId: bobAccountId, secretBox: api.secretBox });
  const row = await mirrorRowOf(messageIdHeader);
  if (!row) throw new Error('the original was not mirrored');
  return { id: row.id, messageIdHeader, raw };
}

/** Writes one kind of answer as compose would (the prefill, a line typed on top) and sends it. */
async function respond(kind: ResponseKind, to?: string, locale?: string) {
  const caller = api.callerFor(userId);
  const ref = { accountId: bobAccountId, messageId: original.id };
  const prefill = await caller.messages.prepareReply({
    ...ref,
    kind,
    timeZone: 'Asia/Shanghai',
    locale,
  });
  const { id } = await caller.messages.send({
    accountId: prefill.accountId,
    to: to ?? prefill.to,
    cc: prefill.cc,
    subject: prefill.subject,
    text: `好的，收到。${prefill.text}`,
    inResponseTo: { kind, ...ref },
  });
  await runWorkerSend(api, bobAccountId);
  const [queued] = await api.database.db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
  expect(queued?.state).toBe('sent');
  const raw = await receivedBy(kind === 'replyAll' ? carol : alice, queued?.messageIdHeader ?? '');
  return { prefill, raw, parsed: await simpleParser(raw) };
}

const addresses = (field: ParsedMail['to']) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) =>
    f.value.map((a) => a.address),
  );

/** RFC 5322 §2.2: header fields are US-ASCII; names and subject travel as encoded words. */
function expectAsciiHeaders(raw: Buffer) {
  const end = raw.indexOf('\r\n\r\n');
  expect([...raw.subarray(0, end)].every((byte) => byte < 0x80)).toBe(true);
}

beforeAll(async () => {
  api = await createTestApi();
  [alice, bob, dave, carol, erin] = await Promise.all([
    createMailUser('qq.test'),
    createMailUser('163.test'),
    createMailUser('163.test'),
    createMailUser('qq.test'),
    createMailUser('qq.test'),
  ]);
  userId = crypto.randomUUID();
  await api.database.db
    .insert(user)
    .values({ id: userId, name: '鲍勃 Bob', email: `${userId}@example.test` });
  const caller = api.callerFor(userId);
  ({ id: bobAccountId } = await caller.accounts.link({
    provider: '163',
    address: bob.address,
    authCode: bob.authCode,
  }));
  // no undo delay: the worker's step in each test sends at once
  await caller.preferences.update({ undoSendSeconds: 0 });
  // a second mailbox of the same user: reply all must leave it out too
  await caller.accounts.link({ provider: '163', address: dave.address, authCode: dave.authCode });
  // both before the first read: a reading session keeps INBOX selected for 10 s and, as
  // IMAP allows (RFC 3501 §7), does not see mail that arrived meanwhile
  original = await seedOriginal();
  withReplyTo = await seedOriginal([`Reply-To: ${b64('团队')} <team-${run}@qq.test>`]);
});

afterAll(async () => {
  await api?.close();
});

describe('replies and forwards as the recipient reads them', () => {
  it('a reply: one Re:, In-Reply-To and References of the original, the sender named, the original quoted', async () => {
    const { raw, parsed } = await respond('reply');
    expectAsciiHeaders(raw);
    expect(parsed.subject).toBe(`Re: 季度报告 ${run}`);
    expect(parsed.inReplyTo).toBe(original.messageIdHeader);
    expect(parsed.references).toEqual(['<root@qq.test>', original.messageIdHeader]);
    expect(parsed.from?.value).toEqual([{ name: '鲍勃 Bob', address: bob.address }]);
    expect(addresses(parsed.to)).toEqual([alice.address]);
    expect(parsed.cc).toBeUndefined();
    expect(parsed.headers.get('content-type')).toMatchObject({
      value: 'text/plain',
      params: { charset: 'utf-8' },
    });
    expect(parsed.text).toContain(
      `好的，收到。\n\nOn Mon, 3 Jun 2024, 14:05, 爱丽丝 <${alice.address}> wrote:\n> 各位好，\n> 明天下午三点开会。`,
    );
    expect(parsed.attachments).toEqual([]);
  });

  it('reply all: the original To and Cc, without any linked mailbox of the user', async () => {
    const { prefill, parsed } = await respond('replyAll');
    expect(prefill.to).toBe(`爱丽丝 <${alice.address}>, ${carol.address}`);
    expect(addresses(parsed.to)).toEqual([alice.address, carol.address]);
    expect(addresses(parsed.cc)).toEqual([erin.address]);
    expect(parsed.inReplyTo).toBe(original.messageIdHeader);
  });

  it("a forward carries the original's attachment, byte for byte, under its Chinese name", async () => {
    const { prefill, raw, parsed } = await respond('forward', alice.address);
    expect(prefill.to).toBe('');
    expect(prefill.attachments).toEqual([
      { filename: attachmentName, size: attachmentBytes.length },
    ]);
    expectAsciiHeaders(raw);
    expect(parsed.subject).toBe(`Fwd: 季度报告 ${run}`);
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toEqual(['<root@qq.test>', original.messageIdHeader]);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });
    expect(parsed.text).toContain('---------- Forwarded message ----------');
    expect(parsed.text).toContain(`From: 爱丽丝 <${alice.address}>`);
    expect(parsed.text).toContain(`Subject: ${subject}`);
    expect(parsed.text).toContain('明天下午三点开会。');
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toBe(attachmentName);
    expect(attachment?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(attachment?.content.equals(attachmentBytes)).toBe(true);
  });

  it('a forward as attachment carries the original itself as message/rfc822 named after its subject', async () => {
    const { prefill, parsed } = await respond('forwardAsAttachment', alice.address);
    expect(prefill.text).toBe('');
    expect(prefill.attachments.map((a) => a.filename)).toEqual([`回复 季度报告 ${run}.eml`]);
    expect(parsed.subject).toBe(`Fwd: 季度报告 ${run}`);
    expect(parsed.attachments).toHaveLength(1);
    const [forwarded] = parsed.attachments;
    expect(forwarded?.contentType).toBe('message/rfc822');
    expect(forwarded?.contentDisposition).toBe('attachment');
    expect(forwarded?.filename).toBe(`回复 季度报告 ${run}.eml`);
    const inner = await simpleParser(forwarded?.content ?? Buffer.alloc(0));
    expect(inner.messageId).toBe(original.messageIdHeader);
    expect(inner.subject).toBe(subject);
    expect(inner.attachments[0]?.content.equals(attachmentBytes)).toBe(true);
  });

  it('a reply goes to Reply-To when the original names one', async () => {
    const prefill = await api.callerFor(userId).messages.prepareReply({
      accountId: bobAccountId,
      messageId: withReplyTo.id,
      kind: 'reply',
    });
    expect(prefill.to).toBe(`团队 <team-${run}@qq.test>`);
    expect(prefill.accountId).toBe(bobAccountId);
  });

  it("in the Chinese interface a reply says 在 … 写道： with the date in the reader's zone", async () => {
    const { raw, parsed } = await respond('reply', undefined, 'zh-CN');
    expectAsciiHeaders(raw);
    expect(parsed.text).toContain(
      `好的，收到。\n\n在 2024年6月3日 14:05，爱丽丝 <${alice.address}> 写道：\n> 各位好，\n> 明天下午三点开会。`,
    );
    expect(parsed.text).not.toContain('wrote:');
  });

  it('a forward takes the saved language when the request names none: the 原始邮件 block', async () => {
    const caller = api.callerFor(userId);
    await caller.preferences.update({ locale: 'zh-CN' });
    try {
      const prefill = await caller.messages.prepareReply({
        accountId: bobAccountId,
        messageId: original.id,
        kind: 'forward',
        timeZone: 'Asia/Shanghai',
      });
      const { parsed } = await respond('forward', alice.address);
      for (const text of [prefill.text, parsed.text ?? '']) {
        expect(text).toContain(
          '------------------ 原始邮件 ------------------\n' +
            `发件人: 爱丽丝 <${alice.address}>\n` +
            '发送时间: 2024年6月3日 14:05\n' +
            `收件人: 鲍勃 <${bob.address}>, ${dave.address}, ${carol.address}\n` +
            `抄送: ${erin.address}\n` +
            `主题: ${subject}\n`,
        );
        expect(text).not.toContain('Forwarded message');
      }
    } finally {
      await caller.preferences.update({ locale: 'en' });
    }
  });
});
