/**
 * Kind 8, second half: replies that link to nothing but their subject, among several
 * conversations with that subject (QQ Mail's and NetEase's web "回复" keeps In-Reply-To,
 * but forwards from phones and some gateways drop it). Participants and time decide.
 */
import { base64Lines, bytesOf, eml, wordB } from './build-eml';
import type { CorpusCase } from './corpus-case';

const gbBody = (text: string) => [
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=GB18030',
  'Content-Transfer-Encoding: base64',
  '',
  ...base64Lines(bytesOf(text, 'gb18030')),
];

const person = (name: string, address: string) => `${wordB(name, 'gb18030')} <${address}>`;

export const sameSubjectCases: CorpusCase[] = [
  {
    id: 'weekly-older',
    kind: 'two same-subject conversations between different people (older)',
    raw: eml([
      `From: ${person('张伟', 'zhangwei@corp-a.example.test')}`,
      `To: ${person('李娜', 'lina@corp-a.example.test')}`,
      `Subject: ${wordB('周会安排', 'gb18030')}`,
      'Date: Mon, 04 Mar 2024 09:00:00 +0800',
      'Message-ID: <weekly-older@corp-a.example.test>',
      ...gbBody('本周周会改到周三下午。\r\n会议室：三楼。'),
    ]),
    expected: {
      subject: '周会安排',
      fromName: '张伟',
      fromAddress: 'zhangwei@corp-a.example.test',
      snippet: '本周周会改到周三下午。 会议室：三楼。',
      firstLine: '本周周会改到周三下午。',
      attachments: [],
      thread: 'weekly-a',
    },
  },
  {
    id: 'weekly-newer',
    kind: 'two same-subject conversations between different people (newer)',
    raw: eml([
      `From: ${person('王芳', 'wangfang@corp-b.example.test')}`,
      `To: ${person('赵磊', 'zhaolei@corp-b.example.test')}`,
      `Subject: ${wordB('周会安排', 'gb18030')}`,
      'Date: Tue, 05 Mar 2024 10:00:00 +0800',
      'Message-ID: <weekly-newer@corp-b.example.test>',
      ...gbBody('下周一的周会取消。'),
    ]),
    expected: {
      subject: '周会安排',
      fromName: '王芳',
      snippet: '下周一的周会取消。',
      firstLine: '下周一的周会取消。',
      thread: 'weekly-b',
    },
  },
  {
    id: 'weekly-older-subject-reply',
    kind: 'a subject-only reply (no In-Reply-To, no References) from a participant of the older one',
    raw: eml([
      `From: ${person('李娜', 'lina@corp-a.example.test')}`,
      `To: ${person('张伟', 'zhangwei@corp-a.example.test')}`,
      `Subject: ${wordB('回复: 周会安排', 'gb18030')}`,
      'Date: Wed, 06 Mar 2024 08:30:00 +0800',
      'Message-ID: <weekly-older-reply@corp-a.example.test>',
      ...gbBody('收到，周三见。'),
    ]),
    expected: {
      subject: '回复: 周会安排',
      fromName: '李娜',
      snippet: '收到，周三见。',
      firstLine: '收到，周三见。',
      thread: 'weekly-a',
      searchFor: ['周三'],
    },
  },
  {
    id: 'weekly-strangers-months-later',
    kind: 'a subject-only reply months later between strangers starts its own',
    raw: eml([
      `From: ${person('陈静', 'chenjing@corp-c.example.test')}`,
      `To: ${person('刘洋', 'liuyang@corp-c.example.test')}`,
      `Subject: ${wordB('Re: 周会安排', 'gb18030')}`,
      'Date: Tue, 10 Sep 2024 16:00:00 +0800',
      'Message-ID: <weekly-strangers@corp-c.example.test>',
      ...gbBody('秋季周会时间表已更新。'),
    ]),
    expected: {
      subject: 'Re: 周会安排',
      fromName: '陈静',
      snippet: '秋季周会时间表已更新。',
      firstLine: '秋季周会时间表已更新。',
      thread: 'weekly-c',
    },
  },
];
