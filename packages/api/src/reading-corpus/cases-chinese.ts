/**
 * More of the Chinese shapes QQ Mail and NetEase produce, each with everything a person
 * sees: GB18030 bodies and headers, encoded words split inside a character, RFC 2231
 * continued Chinese file names, GBK HTML in multipart/alternative, replies by 回复 and 答复.
 */
import {
  base64Lines,
  bytesOf,
  eml,
  messageHead,
  percent,
  splitWordsB,
  splitWordsQ,
  wordB,
} from './build-eml';
import type { CorpusCase } from './corpus-case';

const head = (id: string, date = 'Fri, 12 Apr 2024 09:30:00 +0800') =>
  messageHead(id, date, 'cn.example.test');

const gbText = (text: string, charset = 'GB18030') => [
  `Content-Type: text/plain; charset=${charset}`,
  'Content-Transfer-Encoding: base64',
  '',
  ...base64Lines(bytesOf(text, charset)),
];

const gbHtmlAlternative = (boundary: string, text: string, html: string) => [
  `Content-Type: multipart/alternative; boundary="${boundary}"`,
  '',
  `--${boundary}`,
  ...gbText(text, 'gbk'),
  `--${boundary}`,
  'Content-Type: text/html; charset=gbk',
  'Content-Transfer-Encoding: base64',
  '',
  ...base64Lines(bytesOf(html, 'gbk')),
  `--${boundary}--`,
];

/** A multipart/mixed with a GB18030 text and one attachment named by `disposition`. */
const withAttachment = (boundary: string, text: string, disposition: string[]) => [
  `Content-Type: multipart/mixed; boundary="${boundary}"`,
  '',
  `--${boundary}`,
  ...gbText(text),
  `--${boundary}`,
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  ...disposition,
  '',
  'UEsDBGNvcnB1cw==',
  `--${boundary}--`,
];

export const chineseCases: CorpusCase[] = [
  {
    id: 'cn-split-b-subject-gb18030',
    kind: 'GB18030 subject split into two B words inside a character (QQ Mail)',
    raw: eml([
      `From: ${wordB('孙丽', 'gb18030')} <sunli@qq.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${splitWordsB('第二季度销售报告', 'gb18030', 5).join('\r\n ')}`,
      ...head('cn-split-b'),
      ...gbText('附上第二季度销售报告。\r\n请审阅。'),
    ]),
    expected: {
      subject: '第二季度销售报告',
      fromName: '孙丽',
      fromAddress: 'sunli@qq.example.test',
      snippet: '附上第二季度销售报告。 请审阅。',
      firstLine: '附上第二季度销售报告。',
      attachments: [],
      hasAttachments: false,
      thread: 'cn-sales',
      searchFor: ['销售'],
    },
  },
  {
    id: 'cn-split-b-reply',
    kind: 'reply by 回复 with In-Reply-To, GB18030 split word subject',
    raw: eml([
      `From: ${wordB('周杰', 'gb18030')} <zhoujie@163.example.test>`,
      `To: ${wordB('孙丽', 'gb18030')} <sunli@qq.example.test>`,
      `Subject: ${splitWordsB('回复：第二季度销售报告', 'gb18030', 7, true).join('\r\n ')}`,
      ...head('cn-split-b-reply', 'Fri, 12 Apr 2024 11:00:00 +0800'),
      'In-Reply-To: <cn-split-b@cn.example.test>',
      'References: <cn-split-b@cn.example.test>',
      ...gbText('数据已核对，没有问题。'),
    ]),
    expected: {
      subject: '回复：第二季度销售报告',
      fromName: '周杰',
      snippet: '数据已核对，没有问题。',
      firstLine: '数据已核对，没有问题。',
      thread: 'cn-sales',
      searchFor: ['核对'],
    },
  },
  {
    id: 'cn-split-q-from',
    kind: 'GBK sender name split across Q words (NetEase)',
    raw: eml([
      `From: ${splitWordsQ('网易邮箱团队', 'gbk', 5).join(' ')} <service@163.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${wordB('邮箱容量提醒', 'gbk')}`,
      ...head('cn-split-q'),
      ...gbText('您的邮箱容量已使用百分之九十。', 'gbk'),
    ]),
    expected: {
      subject: '邮箱容量提醒',
      fromName: '网易邮箱团队',
      fromAddress: 'service@163.example.test',
      snippet: '您的邮箱容量已使用百分之九十。',
      firstLine: '您的邮箱容量已使用百分之九十。',
      thread: 'cn-quota',
    },
  },
  {
    id: 'cn-2231-continued-name',
    kind: 'RFC 2231 Chinese file name continued over filename*0*= and filename*1*=',
    raw: eml([
      `From: ${wordB('财务部', 'gb18030')} <finance@qq.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${wordB('报销单据', 'gb18030')}`,
      ...head('cn-2231-cont'),
      ...withAttachment('cont', '报销单据见附件。', [
        'Content-Disposition: attachment;',
        ` filename*0*=gb18030''${percent(bytesOf('二〇二四年', 'gb18030'))};`,
        ` filename*1*=${percent(bytesOf('报销单据.zip', 'gb18030'))}`,
      ]),
    ]),
    expected: {
      subject: '报销单据',
      fromName: '财务部',
      snippet: '报销单据见附件。',
      firstLine: '报销单据见附件。',
      attachments: ['二〇二四年报销单据.zip'],
      hasAttachments: true,
      thread: 'cn-expense',
      searchFor: ['报销'],
    },
  },
  {
    id: 'cn-encoded-word-name',
    kind: 'Chinese file name as a GB18030 encoded word in name= and filename= (QQ Mail)',
    raw: eml([
      `From: ${wordB('人事部', 'gb18030')} <hr@qq.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${wordB('入职须知', 'gb18030')}`,
      ...head('cn-ew-name'),
      ...withAttachment('ewname', '请阅读入职须知。', [
        `Content-Disposition: attachment; filename="${wordB('入职须知.pdf', 'gb18030')}"`,
      ]),
    ]),
    expected: {
      subject: '入职须知',
      snippet: '请阅读入职须知。',
      firstLine: '请阅读入职须知。',
      attachments: ['入职须知.pdf'],
      hasAttachments: true,
      thread: 'cn-onboarding',
    },
  },
  {
    id: 'cn-gbk-alternative',
    kind: 'NetEase multipart/alternative, GBK text and HTML',
    raw: eml([
      `From: ${wordB('李老师', 'gbk')} <teacher@126.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${wordB('家长会通知', 'gbk')}`,
      ...head('cn-gbk-alt'),
      ...gbHtmlAlternative(
        '----=_Part_163_1',
        '本周五下午三点召开家长会。',
        '<html><body><p>本周五下午三点召开<b>家长会</b>。</p></body></html>',
      ),
    ]),
    expected: {
      subject: '家长会通知',
      fromName: '李老师',
      snippet: '本周五下午三点召开家长会。',
      firstLine: '本周五下午三点召开家长会。',
      attachments: [],
      thread: 'cn-parents',
      searchFor: ['家长'],
    },
  },
  {
    id: 'cn-gb2312-label-gb18030-body',
    kind: 'body labelled gb2312 holding GB18030-only characters',
    raw: eml([
      `From: ${wordB('档案室', 'gb2312')} <archive@163.example.test>`,
      'To: reader@corpus.example.test',
      `Subject: ${wordB('姓名核对', 'gb2312')}`,
      ...head('cn-gb2312-18030'),
      'Content-Type: text/plain; charset=gb2312',
      'Content-Transfer-Encoding: base64',
      '',
      ...base64Lines(bytesOf('请核对姓名：王𠀀、李䶮。', 'gb18030')),
    ]),
    expected: {
      subject: '姓名核对',
      snippet: '请核对姓名：王𠀀、李䶮。',
      firstLine: '请核对姓名：王𠀀、李䶮。',
      thread: 'cn-names',
    },
  },
  {
    id: 'cn-answer-prefix-reply',
    kind: '答复: reply from Outlook with References only',
    raw: eml([
      `From: ${wordB('吴刚', 'gb18030')} <wugang@corp.example.test>`,
      `To: ${wordB('李老师', 'gbk')} <teacher@126.example.test>`,
      `Subject: ${wordB('答复: 家长会通知', 'gb18030')}`,
      ...head('cn-answer', 'Sat, 13 Apr 2024 08:00:00 +0800'),
      'References: <cn-gbk-alt@cn.example.test>',
      ...gbText('收到，准时参加。'),
    ]),
    expected: {
      subject: '答复: 家长会通知',
      fromName: '吴刚',
      snippet: '收到，准时参加。',
      firstLine: '收到，准时参加。',
      thread: 'cn-parents',
    },
  },
];
