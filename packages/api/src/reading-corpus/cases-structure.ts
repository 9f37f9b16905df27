/** Kinds 4 and 7: odd addresses and structure that parsers disagree on. */
import { eml, messageHead, wordB, wordQ } from './build-eml';
import type { CorpusCase } from './corpus-case';

const head = (id: string) => messageHead(id, 'Wed, 06 Mar 2024 09:30:00 +0800');

export const structureCases: CorpusCase[] = [
  {
    id: 'colon-in-name',
    kind: 'encoded display name whose text contains ":"',
    raw: eml([
      `From: ${wordQ('Notice: 财务部')} <finance@corpus.example.test>`,
      'To: reader@corpus.example.test',
      'Subject: Expense claim',
      ...head('colon-name'),
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please submit your claims.',
    ]),
    expected: { fromName: 'Notice: 财务部', fromAddress: 'finance@corpus.example.test' },
  },
  {
    id: 'comma-names-group',
    kind: 'quoted display names with commas; Cc as an RFC 5322 group',
    raw: eml([
      'From: pm@corpus.example.test',
      'To: "Sun, Li" <li.sun@corpus.example.test>, "Zhou, Jie" <jie.zhou@corpus.example.test>',
      `Cc: ${wordB('设计组')}: c.member@corpus.example.test, d.member@corpus.example.test;`,
      'Subject: Design review',
      ...head('comma-group'),
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Design review on Friday.',
    ]),
    expected: {
      to: [
        { name: 'Sun, Li', address: 'li.sun@corpus.example.test' },
        { name: 'Zhou, Jie', address: 'jie.zhou@corpus.example.test' },
      ],
      ccAddresses: ['c.member@corpus.example.test', 'd.member@corpus.example.test'],
    },
  },
  {
    id: 'undisclosed-group-sender',
    kind: 'From without a domain: the server would say MISSING_DOMAIN',
    raw: eml([
      'From: 系统管理员 <postmaster>',
      'To: undisclosed-recipients:;',
      'Subject: Quota warning',
      ...head('missing-domain'),
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your mailbox is almost full.',
    ]),
    expected: { fromName: '系统管理员', snippet: 'Your mailbox is almost full.' },
  },
  {
    id: 'text-no-subtype',
    kind: 'Content-Type: text with no subtype is text/plain (RFC 2045 §5.2)',
    raw: eml([
      'From: legacy@corpus.example.test',
      'To: reader@corpus.example.test',
      'Subject: Legacy notice',
      ...head('text-no-subtype'),
      'Content-Type: text; charset=utf-8',
      '',
      '旧系统将于月底下线。',
    ]),
    expected: { snippet: '旧系统将于月底下线。', firstLine: '旧系统将于月底下线。' },
  },
  {
    id: 'boundary-2231',
    kind: 'a boundary*= parameter (RFC 2231)',
    raw: eml([
      'From: tool@corpus.example.test',
      'To: reader@corpus.example.test',
      'Subject: Report',
      ...head('boundary-2231'),
      "Content-Type: multipart/mixed; boundary*=''b2231",
      '',
      '--b2231',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '报表已生成。',
      '--b2231--',
    ]),
    expected: { snippet: '报表已生成。', firstLine: '报表已生成。', searchFor: ['报表'] },
  },
  {
    id: 'large-html-head',
    kind: 'HTML whose <head> and <style> fill more than the preview bytes',
    raw: eml([
      'From: news@corpus.example.test',
      'To: reader@corpus.example.test',
      'Subject: Monthly digest',
      ...head('large-head'),
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><head><title>Digest</title><style type=3D"text/css">',
      ...Array.from(
        { length: 60 },
        (_, i) => `.c${i} { color: #333333; margin: 0 0 0 0; padding: 4px; }`,
      ),
      '</style></head><body><p>本月摘要：三项新功能上线。</p></body></html>',
    ]),
    expected: { snippet: '本月摘要：三项新功能上线。' },
  },
];
