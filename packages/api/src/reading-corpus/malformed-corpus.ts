/**
 * The generated malformed corpus (issue 12): messages broken the ways real mail and
 * hostile senders break them, built in the test rather than stored, so a 30 MB attachment
 * and a 10 MB line cost no repository space. Each says what a person must see of it.
 */
import { base64Lines, bytesOf, eml, messageHead } from './build-eml';

export interface MalformedCase {
  id: string;
  raw: Buffer;
  /**
   * what the pane must show: words of the body (read as MIME, or recovered raw), and
   * whether it says the message cannot be read and offers the source
   */
  pane: { textContains?: string; unreadable: boolean };
  /** names in the pane's attachment list, when checked */
  attachments?: string[];
  /** the list row's subject, when checked */
  subject?: string;
  /** the mirrored Date: null when none could be read */
  sentAt?: null;
  /** how many To addresses the pane shows */
  toCount?: number;
}

const head = (id: string, subject: string) => [
  'From: Sender <sender@malformed.example.test>',
  'To: reader@malformed.example.test',
  `Subject: ${subject}`,
  ...messageHead(id, 'Mon, 03 Mar 2025 10:00:00 +0800', 'malformed.example.test'),
];

/** `depth` multiparts nested one in the other around one text part. */
function nested(depth: number, text: string): string[] {
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < depth; level++) {
    const boundary = `nest-${level}`;
    open.push(`Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`);
    close.unshift(`--${boundary}--`);
  }
  return [...open, 'Content-Type: text/plain; charset=utf-8', '', text, ...close];
}

const MB = 1024 * 1024;

/** `depth` forwarded messages (message/rfc822) each inside the next, around one text. */
function forwardedDeep(depth: number, text: string): string[] {
  let inner = ['Content-Type: text/plain; charset=utf-8', '', text];
  for (let level = 0; level < depth; level++) {
    inner = [
      'Content-Type: message/rfc822',
      '',
      `Subject: Fwd level ${depth - level}`,
      'From: relay@malformed.example.test',
      ...inner,
    ];
  }
  return inner;
}

export function malformedCorpus(): MalformedCase[] {
  const big = Buffer.alloc(30 * MB, 0x5a);
  return [
    {
      id: 'truncated-in-base64',
      raw: eml([
        ...head('truncated', 'Truncated upload'),
        'Content-Type: multipart/mixed; boundary="cut"',
        '',
        '--cut',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '附件在传输中被截断。',
        '--cut',
        'Content-Type: application/pdf; name="report.pdf"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="report.pdf"',
        '',
        'JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmls',
      ]).subarray(0, -30),
      pane: { textContains: '附件在传输中被截断。', unreadable: false },
      subject: 'Truncated upload',
    },
    {
      id: 'truncated-in-header',
      raw: Buffer.from('From: cut@malformed.example.test\r\nSubject: Cut off in the hea'),
      pane: { unreadable: true },
    },
    {
      id: 'wrong-boundary',
      raw: eml([
        ...head('wrong-boundary', 'Wrong boundary'),
        'Content-Type: multipart/alternative; boundary="declared"',
        '',
        '--actually-used',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '边界写错了。',
        '--actually-used--',
      ]),
      pane: { textContains: '边界写错了。', unreadable: true },
    },
    {
      id: 'missing-boundary',
      raw: eml([
        ...head('missing-boundary', 'Missing boundary'),
        'Content-Type: multipart/mixed',
        '',
        '--nobody-declared-me',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '没有声明边界。',
        '--nobody-declared-me--',
      ]),
      pane: { textContains: '没有声明边界。', unreadable: true },
    },
    {
      id: 'nested-50-deep',
      raw: eml([...head('nested', 'Fifty levels deep'), ...nested(50, '五十层嵌套的正文。')]),
      pane: { textContains: '五十层嵌套的正文。', unreadable: false },
    },
    {
      id: 'single-line-10mb',
      raw: eml([
        ...head('long-line', 'One 10 MB line'),
        'Content-Type: text/plain; charset=utf-8',
        '',
        `长行开头 ${'0123456789abcdef'.repeat((10 * MB) / 16)}`,
      ]),
      pane: { textContains: '长行开头', unreadable: false },
    },
    {
      id: 'invalid-base64',
      raw: eml([
        ...head('bad-base64', 'Invalid base64'),
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        `${bytesOf('可读的开头', 'utf-8').toString('base64')}!!!@@@###`,
        '*** not base64 at all ***',
      ]),
      pane: { textContains: '可读的开头', unreadable: false },
    },
    {
      id: 'unknown-charset',
      raw: eml([
        ...head(
          'unknown-charset',
          `=?x-no-such-charset?B?${Buffer.from('Unknown label').toString('base64')}?=`,
        ),
        'Content-Type: text/plain; charset=x-no-such-charset',
        '',
        'Plain words under an unknown label.',
      ]),
      pane: { textContains: 'Plain words under an unknown label.', unreadable: false },
    },
    {
      id: 'forwarded-50-deep',
      raw: eml([
        ...head('forwarded-deep', 'Fifty forwards deep'),
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '五十层转发。',
        '--outer',
        ...forwardedDeep(50, 'the innermost words'),
        '--outer--',
      ]),
      pane: { textContains: '五十层转发。', unreadable: false },
      attachments: ['Fwd level 1.eml'],
    },
    {
      id: 'truncated-in-part-header',
      raw: eml([
        ...head('truncated-part-header', 'Cut inside a part header'),
        'Content-Type: multipart/mixed; boundary="cut2"',
        '',
        '--cut2',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '第一部分完整。',
        '--cut2',
        'Content-Type: application/pdf; na',
      ]).subarray(0, -2),
      pane: { textContains: '第一部分完整。', unreadable: false },
      subject: 'Cut inside a part header',
    },
    {
      id: 'invalid-base64-encoded-word',
      raw: eml([
        'From: =?utf-8?B?!!!not-base64***?= <sender@malformed.example.test>',
        'To: reader@malformed.example.test',
        'Subject: =?utf-8?B?5Y+v6K+7?= =?utf-8?B?@@@?= tail',
        ...messageHead('bad-word', 'Mon, 03 Mar 2025 10:00:00 +0800', 'malformed.example.test'),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Encoded words that are not base64.',
      ]),
      pane: { textContains: 'Encoded words that are not base64.', unreadable: false },
    },
    {
      id: 'subject-1mb-line',
      raw: eml([
        'From: Sender <sender@malformed.example.test>',
        'To: reader@malformed.example.test',
        `Subject: 超长主题 ${'x'.repeat(MB)}`,
        ...messageHead('long-subject', 'Mon, 03 Mar 2025 10:00:00 +0800', 'malformed.example.test'),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'A subject of one megabyte.',
      ]),
      pane: { textContains: 'A subject of one megabyte.', unreadable: false },
    },
    {
      id: 'invalid-date',
      raw: eml([
        'From: Sender <sender@malformed.example.test>',
        'To: reader@malformed.example.test',
        'Subject: Invalid date',
        'Date: Moonday, 32 Smarch 99999 25:61:61 +9999',
        'Message-ID: <invalid-date@malformed.example.test>',
        '',
        'The date cannot be read.',
      ]),
      pane: { textContains: 'The date cannot be read.', unreadable: false },
      subject: 'Invalid date',
      sentAt: null,
    },
    {
      id: 'recipients-1000',
      raw: eml([
        'From: Sender <sender@malformed.example.test>',
        `To: ${Array.from({ length: 1000 }, (_, i) => `r${i}@many.example.test`).join(',\r\n ')}`,
        'Subject: To a thousand people',
        'Date: Mon, 03 Mar 2025 10:00:00 +0800',
        '',
        'One thousand recipients.',
      ]),
      pane: { textContains: 'One thousand recipients.', unreadable: false },
      toCount: 1000,
    },
    {
      id: 'attachment-30mb',
      raw: eml([
        ...head('big-attachment', 'A 30 MB attachment'),
        'Content-Type: multipart/mixed; boundary="big"',
        '',
        '--big',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '大附件见下。',
        '--big',
        'Content-Type: application/octet-stream',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="archive.bin"',
        '',
        ...base64Lines(big),
        '--big--',
      ]),
      pane: { textContains: '大附件见下。', unreadable: false },
      attachments: ['archive.bin'],
    },
    {
      id: 'binary-garbage',
      raw: Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 7) % 0x7f))),
      pane: { unreadable: true },
    },
  ];
}
