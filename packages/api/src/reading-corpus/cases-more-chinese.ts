/**
 * More of the shapes QQ Mail and NetEase produce: GB18030 in every place (headers, HTML,
 * raw sender names, file names, forwarded subjects), encoded words split inside a
 * character, RFC 2231 Chinese file names, and a 回复 chain threaded by its headers.
 */
import {
  bytesOf,
  eml,
  messageHead,
  percent,
  raw,
  splitWordsB,
  splitWordsQ,
  wordB,
} from './build-eml';
import { body, forwarded, multipart, plainView } from './case-kit';
import type { CorpusCase } from './corpus-case';

const head = (id: string, date = 'Mon, 15 Apr 2024 10:00:00 +0800') =>
  messageHead(id, date, 'cn2.example.test');
const to = 'To: reader@corpus.example.test';

/** A base64 attachment part with the given name header lines. */
const filePart = (type: string, names: string[]) => [
  `Content-Type: ${type}`,
  'Content-Transfer-Encoding: base64',
  ...names,
  '',
  'UEsDBGNvcnB1cw==',
];

/** RFC 2231 continued name: filename*0*=charset''…; filename*1*=…; one line each. */
const continued = (name: string, charset: string, cuts: number[]) => {
  const bytes = bytesOf(name, charset);
  const edges = [0, ...cuts, bytes.length];
  return edges.slice(0, -1).map((from, i) => {
    const chunk = percent(bytes.subarray(from, edges[i + 1]));
    const last = i === edges.length - 2;
    return `\tfilename*${i}*=${i === 0 ? `${charset}''` : ''}${chunk}${last ? '' : ';'}`;
  });
};

/** B words of the text cut at the given byte offsets (inside characters when odd). */
const wordsAt = (text: string, charset: string, cuts: number[]) => {
  const bytes = bytesOf(text, charset);
  const edges = [0, ...cuts, bytes.length];
  return edges
    .slice(0, -1)
    .map((from, i) => `=?${charset}?B?${bytes.subarray(from, edges[i + 1]).toString('base64')}?=`);
};

export const moreChineseCases: CorpusCase[] = [
  {
    id: 'qq-html-only-gb18030',
    kind: 'QQ Mail: HTML-only GB18030 body, quoted GB18030 sender name',
    raw: eml([
      `From: "${wordB('腾讯客服', 'gb18030')}" <kefu@qq.example.test>`,
      to,
      `Subject: ${wordB('账号安全提醒', 'gb18030')}`,
      ...head('qq-html-only'),
      ...body('text/html', '<div>您的账号于今天在新设备登录。</div>', { charset: 'gb18030' }),
    ]),
    expected: {
      ...plainView(
        '账号安全提醒',
        { name: '腾讯客服', address: 'kefu@qq.example.test' },
        '您的账号于今天在新设备登录。',
        'n-security',
      ),
      searchFor: ['新设备'],
    },
  },
  {
    id: 'netease-q-split-four-byte',
    kind: 'NetEase: GB18030 Q words split inside a four-byte character',
    raw: eml([
      'From: Events <events@163.example.test>',
      to,
      // 吉 is 2 bytes, 𠮷 4: byte 4 falls inside 𠮷
      `Subject: ${splitWordsQ('吉𠮷家的年会安排', 'gb18030', 4).join('\r\n ')}`,
      ...head('q-split-4'),
      ...body('text/plain', '年会定于周六晚上。', { charset: 'gb18030' }),
    ]),
    expected: plainView(
      '吉𠮷家的年会安排',
      { name: 'Events', address: 'events@163.example.test' },
      '年会定于周六晚上。',
      'n-annual-party',
    ),
  },
  {
    id: 'netease-b-three-words',
    kind: 'NetEase: a GBK subject in three B words, two splits inside characters',
    raw: eml([
      `From: ${wordB('人事部', 'gbk')} <hr@163.example.test>`,
      to,
      `Subject: ${wordsAt('关于五一劳动节放假的通知', 'gbk', [5, 13]).join('\r\n ')}`,
      ...head('b-three'),
      ...body('text/plain', '五月一日至五日放假。', { charset: 'gbk' }),
    ]),
    expected: plainView(
      '关于五一劳动节放假的通知',
      { name: '人事部', address: 'hr@163.example.test' },
      '五月一日至五日放假。',
      'n-holiday',
    ),
  },
  {
    id: 'rfc2231-gb18030-three-parts',
    kind: 'RFC 2231 GB18030 file name in three continuations, one cut inside 𠮷',
    raw: eml([
      'From: Audit <audit@qq.example.test>',
      to,
      `Subject: ${wordB('审计报告', 'gb18030')}`,
      ...head('2231-three'),
      ...multipart('mixed', 'a3', [
        body('text/plain', '审计报告见附件。', { charset: 'gb18030' }),
        filePart('application/pdf', [
          'Content-Disposition: attachment;',
          ...continued('吉𠮷公司2024年度审计报告.pdf', 'gb18030', [3, 12]),
        ]),
      ]),
    ]),
    expected: {
      ...plainView(
        '审计报告',
        { name: 'Audit', address: 'audit@qq.example.test' },
        '审计报告见附件。',
        'n-audit',
      ),
      attachments: ['吉𠮷公司2024年度审计报告.pdf'],
      hasAttachments: true,
    },
  },
  {
    id: 'gbk-word-filename-split',
    kind: 'an attachment name in two GBK encoded words split inside a character',
    raw: eml([
      'From: Market <market@163.example.test>',
      to,
      `Subject: ${wordB('预算说明', 'gbk')}`,
      ...head('gbk-name-split'),
      ...multipart('mixed', 'gs', [
        body('text/plain', '预算说明见附件。', { charset: 'gbk' }),
        filePart('application/pdf', [
          'Content-Disposition: attachment;',
          `\tfilename="${wordsAt('市场部预算说明（终版）.pdf', 'gbk', [7]).join(' ')}"`,
        ]),
      ]),
    ]),
    expected: {
      ...plainView(
        '预算说明',
        { name: 'Market', address: 'market@163.example.test' },
        '预算说明见附件。',
        'n-budget-note',
      ),
      attachments: ['市场部预算说明（终版）.pdf'],
      hasAttachments: true,
    },
  },
  {
    id: 'two-chinese-attachments',
    kind: 'QQ Mail: one GB18030 encoded-word name and one RFC 2231 UTF-8 name',
    raw: eml([
      'From: Legal <legal@qq.example.test>',
      to,
      `Subject: ${wordB('合同与报价', 'gb18030')}`,
      ...head('two-names'),
      ...multipart('mixed', 'a2', [
        body('text/plain', '合同和报价单各一份。', { charset: 'gb18030' }),
        filePart('application/msword', [
          `Content-Disposition: attachment; filename="${wordB('合同草案.docx', 'gb18030')}"`,
        ]),
        filePart('application/vnd.ms-excel', [
          `Content-Disposition: attachment; filename*=UTF-8''${percent(Buffer.from('报价单（含税）.xls'))}`,
        ]),
      ]),
    ]),
    expected: {
      ...plainView(
        '合同与报价',
        { name: 'Legal', address: 'legal@qq.example.test' },
        '合同和报价单各一份。',
        'n-contract',
      ),
      attachments: ['合同草案.docx', '报价单（含税）.xls'],
      hasAttachments: true,
    },
  },
  {
    id: 'netease-gb2312-meta-four-byte',
    kind: 'NetEase: HTML labelled gb2312 with a gb2312 <meta>, GB18030 four-byte bytes',
    raw: eml([
      'From: Club <club@163.example.test>',
      to,
      `Subject: ${wordB('会员通讯', 'gb2312')}`,
      ...head('gb2312-meta'),
      ...body(
        'text/html',
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>本期嘉宾：吉𠮷老师。</body></html>',
        { charset: 'gb2312', encodeAs: 'gb18030' },
      ),
    ]),
    expected: {
      ...plainView(
        '会员通讯',
        { name: 'Club', address: 'club@163.example.test' },
        '本期嘉宾：吉𠮷老师。',
        'n-club',
      ),
      searchFor: ['嘉宾'],
    },
  },
  {
    id: 'qq-forward-gb18030-inner',
    kind: 'QQ Mail forward as attachment: the inner subject in GB18030 names the .eml',
    raw: eml([
      'From: Buyer <buyer@qq.example.test>',
      to,
      `Subject: ${wordB('转发：发货通知', 'gb18030')}`,
      ...head('qq-fw'),
      ...multipart('mixed', 'fw', [
        body('text/plain', '请查收发货通知。', { charset: 'gb18030' }),
        forwarded([
          'From: Warehouse <wh@qq.example.test>',
          `Subject: ${wordB('发货通知（第3批）', 'gb18030')}`,
          'Date: Sun, 14 Apr 2024 18:00:00 +0800',
          'MIME-Version: 1.0',
          ...body('text/plain', '第三批货物已发出。', { charset: 'gb18030' }),
        ]),
      ]),
    ]),
    expected: {
      ...plainView(
        '转发：发货通知',
        { name: 'Buyer', address: 'buyer@qq.example.test' },
        '请查收发货通知。',
        'n-shipping',
      ),
      attachments: ['发货通知（第3批）.eml'],
      hasAttachments: true,
      snippetMustNotContain: ['第三批货物'],
    },
  },
  {
    id: 'raw-gb18030-from-name',
    kind: 'raw GB18030 bytes (a four-byte character) in the From name; the body declares gb18030',
    raw: eml([
      raw(
        'From: ',
        Buffer.concat([bytesOf('吉𠮷', 'gb18030'), Buffer.from(' <jiji@163.example.test>')]),
      ),
      to,
      `Subject: ${wordB('请假条', 'gb18030')}`,
      ...head('raw-gb18030-from'),
      ...body('text/plain', '明天请假一天。', { charset: 'gb18030' }),
    ]),
    expected: plainView(
      '请假条',
      { name: '吉𠮷', address: 'jiji@163.example.test' },
      '明天请假一天。',
      'n-leave',
    ),
  },
  {
    id: 'qq-weekly-original',
    kind: 'QQ Mail 回复 chain: the original (GB18030 subject split in two words)',
    raw: eml([
      `From: ${wordB('组长', 'gb18030')} <lead@qq.example.test>`,
      to,
      `Subject: ${splitWordsB('项目周报（第15周）', 'gb18030', 3).join(' ')}`,
      ...head('weekly-15'),
      ...body('text/plain', '本周完成接口联调。', { charset: 'gb18030' }),
    ]),
    expected: plainView(
      '项目周报（第15周）',
      { name: '组长', address: 'lead@qq.example.test' },
      '本周完成接口联调。',
      'n-weekly-15',
    ),
  },
  {
    id: 'qq-weekly-reply',
    kind: 'QQ Mail 回复 chain: 回复： with In-Reply-To and References',
    raw: eml([
      `From: ${wordB('测试', 'gb18030')} <qa@163.example.test>`,
      'To: lead@qq.example.test',
      `Subject: ${wordB('回复：项目周报（第15周）', 'gb18030')}`,
      ...head('weekly-15-re', 'Mon, 15 Apr 2024 11:00:00 +0800'),
      'In-Reply-To: <weekly-15@cn2.example.test>',
      'References: <weekly-15@cn2.example.test>',
      ...body('text/plain', '测试用例已更新。', { charset: 'gb18030' }),
    ]),
    expected: plainView(
      '回复：项目周报（第15周）',
      { name: '测试', address: 'qa@163.example.test' },
      '测试用例已更新。',
      'n-weekly-15',
    ),
  },
  {
    id: 'qq-weekly-reply-to-reply',
    kind: 'QQ Mail 回复 chain: 回复：回复： naming only its parent in References',
    raw: eml([
      `From: ${wordB('组长', 'gb18030')} <lead@qq.example.test>`,
      'To: qa@163.example.test',
      `Subject: ${wordB('回复：回复：项目周报（第15周）', 'gb18030')}`,
      ...head('weekly-15-re-re', 'Mon, 15 Apr 2024 12:00:00 +0800'),
      'References: <weekly-15-re@cn2.example.test>',
      ...body('text/plain', '收到，谢谢。', { charset: 'gb18030' }),
    ]),
    expected: plainView(
      '回复：回复：项目周报（第15周）',
      { name: '组长', address: 'lead@qq.example.test' },
      '收到，谢谢。',
      'n-weekly-15',
    ),
  },
];
