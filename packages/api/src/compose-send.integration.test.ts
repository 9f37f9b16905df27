/**
 * A mail written in compose, as the recipient's mail program reads it: an upload streamed
 * into the compose store, a pasted image and rich text, sent through the router and the
 * worker's code over the local 163.test SMTP, fetched from alice@qq.test's INBOX and read
 * with mailparser (which shares no code with nodemailer, which built it).
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { composeFile, composeFileChunk, eq, inArray, outgoingMail, user } from '@youjian/db';
import { attachmentLimitBytes } from '@youjian/mail';
import { createMailUser, type MailUser } from '@youjian/mailstack';
import { CHUNK_BYTES, readComposeFile } from '@youjian/sync';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedBy, runWorkerSend } from './send-test.integration-helpers';
import { UploadTooLarge, uploadComposeFile } from './services/upload-compose-file';
import { createTestApi, type TestApi } from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let malloryId: string;
let alice: MailUser;
let bob: MailUser;
let bobAccountId: string;

const report = crypto.randomBytes(3 * CHUNK_BYTES + 12_345);
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** `bytes` in pieces of odd sizes, as a browser's upload arrives */
async function* pieces(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 100_003) yield bytes.subarray(at, at + 100_003);
}

function upload(owner: string, filename: string, contentType: string, bytes: Buffer) {
  return uploadComposeFile({
    db: api.database.db,
    userId: owner,
    accountId: bobAccountId,
    filename,
    contentType,
    declaredBytes: bytes.length,
    body: pieces(bytes),
  });
}

beforeAll(async () => {
  api = await createTestApi();
  [alice, bob] = await Promise.all([createMailUser('qq.test'), createMailUser('163.test')]);
  userId = crypto.randomUUID();
  malloryId = crypto.randomUUID();
  await api.database.db.insert(user).values([
    { id: userId, name: '鲍勃 Bob', email: `${userId}@example.test` },
    { id: malloryId, name: 'Mallory', email: `${malloryId}@example.test` },
  ]);
  ({ id: bobAccountId } = await api.callerFor(userId).accounts.link({
    provider: '163',
    address: bob.address,
    authCode: bob.authCode,
  }));
  // no undo delay: the worker's step below sends at once
  await api.callerFor(userId).preferences.update({ undoSendSeconds: 0 });
});

afterAll(async () => {
  await api?.close();
});

describe('a compose mail with an upload and a pasted image', () => {
  it('arrives as alternative text and HTML, the image related, the file intact under its Chinese name', async () => {
    const file = await upload(userId, '季度报告.pdf', 'application/pdf', report);
    expect(file.size).toBe(report.length);
    const chunks = await api.database.db
      .select({ seq: composeFileChunk.seq })
      .from(composeFileChunk)
      .where(eq(composeFileChunk.fileId, file.id));
    expect(chunks).toHaveLength(4);
    const image = await upload(userId, 'image.png', 'image/png', png);
    const unused = await upload(userId, 'gone.png', 'image/png', png);

    const caller = api.callerFor(userId);
    const { id } = await caller.messages.send({
      accountId: bobAccountId,
      to: `爱丽丝 <${alice.address}>`,
      cc: '',
      subject: '季度报告',
      text: '',
      html: `<p>你好，<strong>请看附件</strong>：</p><ul><li><p>收入</p></li></ul><blockquote><p>原文</p></blockquote><p><img src="cid:${image.id}@youjian" alt="图"></p><script>x()</script>`,
      files: [
        { fileId: file.id },
        { fileId: image.id, contentId: `${image.id}@youjian` },
        // pasted, then deleted from the text: not sent
        { fileId: unused.id, contentId: `${unused.id}@youjian` },
      ],
    });
    await runWorkerSend(api, bobAccountId);
    const [queued] = await api.database.db
      .select()
      .from(outgoingMail)
      .where(eq(outgoingMail.id, id));
    expect(queued?.state).toBe('sent');
    // the row refers to the store, it does not carry the bytes
    expect(JSON.stringify(queued?.draft)).not.toContain(report.subarray(0, 30).toString('base64'));
    const raw = await receivedBy(alice, queued?.messageIdHeader ?? '');

    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: '鲍勃 Bob', address: bob.address }]);
    expect(parsed.subject).toBe('季度报告');
    expect(parsed.text?.trim()).toBe('你好，请看附件：\n\n- 收入\n\n> 原文\n\n[image: 图]');
    expect(parsed.html).toContain('<strong>请看附件</strong>');
    expect(parsed.html).not.toContain('script');
    // the pasted image sits with the HTML (multipart/related), before the files
    const [inline, pdf, ...rest] = parsed.attachments;
    expect(rest).toEqual([]);
    expect(pdf?.filename).toBe('季度报告.pdf');
    expect(pdf?.contentDisposition).toBe('attachment');
    expect(pdf?.content.equals(report)).toBe(true);
    expect(inline?.contentId).toBe(`<${image.id}@youjian>`);
    expect(inline?.content.equals(png)).toBe(true);

    const text = raw.toString('latin1');
    const types = [...text.matchAll(/^Content-Type: ([\w/.+-]+)/gim)].map((m) => m[1]);
    expect(types).toEqual([
      'multipart/mixed',
      'multipart/alternative',
      'text/plain',
      'multipart/related',
      'text/html',
      'image/png',
      'application/pdf',
    ]);
    expect(text.match(/^Content-Type: text\/(plain|html); charset=utf-8/gim)).toHaveLength(2);

    // sent: the store keeps nothing of it, the unused paste included
    const left = await api.database.db
      .select({ id: composeFile.id })
      .from(composeFile)
      .where(inArray(composeFile.id, [file.id, image.id, unused.id]));
    expect(left).toEqual([]);
  });

  it("refuses another user's file: nothing is queued", async () => {
    const file = await upload(userId, 'private.txt', 'text/plain', Buffer.from('secret'));
    await expect(
      api.callerFor(malloryId).messages.send({
        accountId: bobAccountId,
        to: alice.address,
        cc: '',
        subject: 'x',
        text: 'x',
        files: [{ fileId: file.id }],
      }),
    ).rejects.toThrow();
    // nor can he upload into a mailbox that is not his
    await expect(upload(malloryId, 'x.txt', 'text/plain', Buffer.from('x'))).rejects.toThrow(
      'This mailbox is not linked to your account.',
    );
    const his = await api.database.db
      .select({ id: composeFile.id })
      .from(composeFile)
      .where(eq(composeFile.userId, malloryId));
    expect(his).toEqual([]);
    // removing it is the owner's alone
    expect(await api.callerFor(malloryId).compose.removeFile({ fileId: file.id })).toEqual({
      removed: 0,
    });
    expect(await api.callerFor(userId).compose.removeFile({ fileId: file.id })).toEqual({
      removed: 1,
    });
  });
});

describe('the store streams', () => {
  it('takes in and gives back 48 MiB without holding it, and says how fast', async () => {
    const piece = crypto.randomBytes(1_048_576);
    const pieces = 48;
    // Buffers live outside the JS heap: count both
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heapBefore = used();
    let peak = 0;
    const started = performance.now();
    const stored = await uploadComposeFile({
      db: api.database.db,
      userId,
      accountId: bobAccountId,
      filename: '大文件.bin',
      contentType: 'application/octet-stream',
      declaredBytes: pieces * piece.length,
      body: (async function* () {
        for (let i = 0; i < pieces; i++) {
          peak = Math.max(peak, used() - heapBefore);
          yield piece;
        }
      })(),
    });
    const written = (performance.now() - started) / 1000;
    const readStarted = performance.now();
    const hash = crypto.createHash('sha256');
    let read = 0;
    for await (const chunk of readComposeFile(api.database.db, stored.id)) {
      hash.update(chunk as Buffer);
      read += (chunk as Buffer).length;
      peak = Math.max(peak, used() - heapBefore);
    }
    const readSeconds = (performance.now() - readStarted) / 1000;
    const expected = crypto.createHash('sha256');
    for (let i = 0; i < pieces; i++) expected.update(piece);
    expect(read).toBe(pieces * piece.length);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
    console.log(
      `compose store: 48 MiB written in ${written.toFixed(2)} s (${(pieces / written).toFixed(1)} MiB/s), read in ${readSeconds.toFixed(2)} s (${(pieces / readSeconds).toFixed(1)} MiB/s); memory grew at most ${(peak / 1_048_576).toFixed(1)} MiB`,
    );
    // streamed: memory never holds the file (48 MiB) at once
    expect(peak).toBeLessThan(40 * 1_048_576);
  }, 120_000);
});

describe('the provider limit', () => {
  const limit = attachmentLimitBytes('163');

  it('refuses a declared size over the limit before reading a byte', async () => {
    let read = false;
    const body = (async function* () {
      read = true;
      yield new Uint8Array(1);
    })();
    await expect(
      uploadComposeFile({
        db: api.database.db,
        userId,
        accountId: bobAccountId,
        filename: '大文件.zip',
        contentType: 'application/zip',
        declaredBytes: limit + 1,
        body,
      }),
    ).rejects.toBeInstanceOf(UploadTooLarge);
    expect(read).toBe(false);
  });

  it('stops a stream that passes the limit and keeps nothing of it', async () => {
    const mib = Buffer.alloc(1_048_576, 7);
    const body = Readable.from(
      (function* () {
        for (let sent = 0; sent <= limit; sent += mib.length) yield mib;
      })(),
    );
    await expect(
      uploadComposeFile({
        db: api.database.db,
        userId,
        accountId: bobAccountId,
        filename: '大文件.zip',
        contentType: 'application/zip',
        declaredBytes: null,
        body,
      }),
    ).rejects.toThrow(/49\.8 MB your provider accepts/);
    const kept = await api.database.db
      .select({ id: composeFile.id })
      .from(composeFile)
      .where(eq(composeFile.filename, '大文件.zip'));
    expect(kept).toEqual([]);
  }, 60_000);
});
