import crypto from 'node:crypto';
import { and, eq, message } from '@youjian/db';
import { appendMessage, createMailUser, MAILSTACK, type MailUser } from '@youjian/mailstack';
import {
  closeReadingSessions,
  loadMessageBody,
  openAttachmentDownload,
  syncAccount,
} from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  linkStackMailbox,
  type TestApi,
} from '../../../../../../packages/api/src/test-support.integration-helpers';
import {
  signUpThroughRoute,
  TEST_BASE_URL,
  useTestEnvironment,
} from '../route-tests.integration-helpers';

/**
 * GET /api/attachments/… through its real module, for attachments a sender wrote to
 * break it, on a real Dovecot mailbox read by the real sync: what the user's browser gets.
 */
const BASE = TEST_BASE_URL;
type Route = {
  GET: (
    request: Request,
    context: { params: Promise<{ accountId: string; messageId: string; index: string }> },
  ) => Promise<Response>;
};

let api: TestApi;
let route: Route;
let cookie: string;
let accountId: string;
const messageIds = new Map<string, string>();

const REPORT = '第一季度报告：收入增长 12%。\n';
const HTML_FILE = '<html><body><script>parent.stolen = document.cookie</script>hi</body></html>';
/** 74,000,000 octets: above QQ Mail's 73,400,320-byte limit the route serves. */
const HUGE = 74_000_000;

function mail(subject: string, parts: string[]): string {
  const body = parts.map((part) => `--b\r\n${part}\r\n`).join('');
  return [
    'From: Sender <sender@example.test>',
    'To: reader@qq.test',
    `Subject: ${subject}`,
    `Message-ID: <${crypto.randomUUID()}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    `--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee attached\r\n${body}--b--\r\n`,
  ].join('\r\n');
}

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

async function seed(reader: MailUser) {
  // a Chinese file name (RFC 2231) whose sender also wrote raw UTF-8 into Content-Type
  await appendMessage(
    reader,
    'INBOX',
    mail('report', [
      `Content-Type: text/plain; charset=utf-8; name="季度报告.txt"\r\nContent-Disposition: attachment; filename*=UTF-8''${encodeURIComponent('季度报告.txt')}\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(REPORT))}`,
    ]),
  );
  await appendMessage(
    reader,
    'INBOX',
    mail('page', [
      `Content-Type: text/html; name="page.html"\r\nContent-Disposition: attachment; filename="page.html"\r\n\r\n${HTML_FILE}`,
    ]),
  );
  await appendMessage(
    reader,
    'INBOX',
    mail('huge', [
      `Content-Type: application/octet-stream; name="huge.bin"\r\nContent-Disposition: attachment; filename="huge.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.alloc(HUGE, 7))}`,
    ]),
  );
}

beforeAll(async () => {
  api = await createTestApi();
  useTestEnvironment(api);
  const owner = await signUpThroughRoute(api, 'reader@example.test');
  cookie = owner.cookie;
  const reader = await createMailUser('qq.test');
  await seed(reader);
  // the route's services seal with YOUJIAN_SECRET_KEY: link with the same box
  const { services } = await import('../../../server/services');
  api.secretBox = services().secretBox;
  accountId = await linkStackMailbox(api, owner.id, reader, MAILSTACK.providers.qq);
  await syncAccount({ db: api.database.db, accountId, secretBox: api.secretBox });
  const rows = await api.database.db
    .select({ id: message.id, subject: message.subject })
    .from(message)
    .where(and(eq(message.accountId, accountId)));
  for (const row of rows) {
    messageIds.set(row.subject ?? '', row.id);
    // the reading pane lists the attachments when the message is opened
    await loadMessageBody({
      db: api.database.db,
      accountId,
      messageId: row.id,
      secretBox: api.secretBox,
    });
  }
  route = (await import('./[accountId]/[messageId]/[index]/route')) as Route;
}, 120_000);

afterAll(async () => {
  await closeReadingSessions();
  await api?.close();
});

function download(subject: string, index = 0): Promise<Response> {
  const messageId = messageIds.get(subject) ?? '';
  return route.GET(
    new Request(`${BASE}/api/attachments/${accountId}/${messageId}/${index}`, {
      headers: { cookie },
    }),
    { params: Promise.resolve({ accountId, messageId, index: String(index) }) },
  );
}

describe('downloading an attachment', () => {
  it('saves a Chinese file name whose sender wrote non-Latin-1 text into its Content-Type', async () => {
    const response = await download('report');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('季度报告.txt')}`,
    );
    expect(await response.text()).toBe(REPORT);
  });

  it('streams only the part from the server, decoded on the way', async () => {
    const messageId = messageIds.get('report') ?? '';
    const file = await openAttachmentDownload({
      db: api.database.db,
      accountId,
      messageId,
      index: 0,
      secretBox: api.secretBox,
      maxBytes: 1_000_000,
    });

    expect(file.type === 'file' && file.read).toBe('part');
    if (file.type === 'file') expect(await new Response(file.content).text()).toBe(REPORT);
  });

  it('serves an HTML attachment as a download the browser will not sniff or run', async () => {
    const response = await download('page');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toBe(HTML_FILE);
  });

  it('answers a part above the limit with 413 and says what to do, before reading it', async () => {
    const startedAt = performance.now();
    const response = await download('huge');
    const elapsedMs = performance.now() - startedAt;

    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(
      /larger than 70 MB; download it from your provider's web mail/,
    );
    // fetching and parsing ~100 MB of base64 takes seconds; the structure alone does not
    expect(elapsedMs).toBeLessThan(1500);
  });
});
