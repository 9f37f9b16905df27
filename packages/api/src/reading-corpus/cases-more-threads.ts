/**
 * More of kind 8: In-Reply-To and References as relays and old clients write them — an
 * RFC 822 phrase before the id, a bare id with a comment, ids each RFC 2047-encoded,
 * References folded with tabs around a stray token — normalised to message ids, so each
 * reply joins its original and nothing else.
 */
import { eml, messageHead, wordB } from './build-eml';
import { body, plainView } from './case-kit';
import type { CorpusCase } from './corpus-case';

const domain = 'threads2.example.test';
const idOf = (key: string) => `<${key}@${domain}>`;
const to = 'To: reader@corpus.example.test';

/** An original and its reply whose threading header lines are `linkLines`. */
function pair(
  key: string,
  subject: string,
  from: { name: string; address: string },
  texts: [string, string],
  linkLines: string[],
  kind: string,
): CorpusCase[] {
  const fromLine = `From: ${from.name} <${from.address}>`;
  return [
    {
      id: `${key}-original`,
      kind: `${kind} (original)`,
      raw: eml([
        fromLine,
        to,
        `Subject: ${wordB(subject)}`,
        ...messageHead(key, 'Tue, 16 Apr 2024 09:00:00 +0800', domain),
        ...body('text/plain', texts[0]),
      ]),
      expected: plainView(subject, from, texts[0], `t2-${key}`),
    },
    {
      id: `${key}-reply`,
      kind,
      raw: eml([
        'From: Reader <reader@corpus.example.test>',
        `To: ${from.address}`,
        `Subject: ${wordB(`Re: ${subject}`)}`,
        ...messageHead(`${key}-reply`, 'Tue, 16 Apr 2024 15:00:00 +0800', domain),
        ...linkLines,
        ...body('text/plain', texts[1]),
      ]),
      expected: plainView(
        `Re: ${subject}`,
        { name: 'Reader', address: 'reader@corpus.example.test' },
        texts[1],
        `t2-${key}`,
      ),
    },
  ];
}

const encoded = (id: string) => `=?us-ascii?B?${Buffer.from(id).toString('base64')}?=`;

export const moreThreadCases: CorpusCase[] = [
  ...pair(
    'phrase-irt',
    '机房巡检记录',
    { name: 'Ops', address: 'ops@corpus.example.test' },
    ['巡检记录已归档。', '收到，已核对。'],
    [`In-Reply-To: Your message of "Tue, 16 Apr 2024 09:00:00 +0800" ${idOf('phrase-irt')}`],
    'In-Reply-To with an RFC 822 phrase before the id',
  ),
  ...pair(
    'bare-comment',
    '差旅报销单',
    { name: 'Finance', address: 'finance@corpus.example.test' },
    ['报销单请周五前提交。', '已提交，请查收。'],
    [`In-Reply-To: bare-comment@${domain} (Finance's message)`],
    'In-Reply-To without angle brackets, followed by a comment',
  ),
  ...pair(
    'encoded-each',
    '培训报名',
    { name: 'Training', address: 'training@corpus.example.test' },
    ['培训名额有限，请尽快报名。', '我报名参加。'],
    [
      `References: ${encoded('<unknown-root@elsewhere.example.test>')}`,
      ` ${encoded(idOf('encoded-each'))}`,
      `In-Reply-To: ${encoded(idOf('encoded-each'))}`,
    ],
    'References and In-Reply-To with each id RFC 2047-encoded by a relay',
  ),
  ...pair(
    'folded-stray',
    '季度目标确认',
    { name: 'Director', address: 'director@corpus.example.test' },
    ['请确认本季度目标。', '目标已确认。'],
    [
      'References:',
      `\t<older-thread@elsewhere.example.test>`,
      '\tstray-token',
      `\t\t${idOf('folded-stray')}`,
    ],
    'References folded with tabs, starting on an empty line, with a stray token',
  ),
];
