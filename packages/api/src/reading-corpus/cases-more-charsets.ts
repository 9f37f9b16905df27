/**
 * More of kinds 1–3: labels that lie or are missing, <meta> against the MIME label,
 * ISO-2022-JP, UTF-7 and other non-GB charsets, raw 8-bit header bytes decided by the
 * message's own charsets or by the detector, encoded words holding raw 8-bit bytes.
 */
import { bytesOf, eml, messageHead, raw, wordB, wordQ } from './build-eml';
import { body, plainView } from './case-kit';
import type { CorpusCase } from './corpus-case';

const head = (id: string) => messageHead(id, 'Thu, 14 Mar 2024 10:00:00 +0800');
const to = 'To: reader@corpus.example.test';
const sender = (name: string, address: string) => ({ name, address });

export const moreCharsetCases: CorpusCase[] = [
  {
    id: 'latin1-label-utf8-cjk',
    kind: 'text/plain labelled iso-8859-1, 8-bit UTF-8 bytes with Chinese and an emoji',
    raw: eml([
      'From: Café Bar <bar@corpus.example.test>',
      to,
      'Subject: Afternoon tea',
      ...head('latin1-utf8-cjk'),
      ...body('text/plain', '今天下午三点喝咖啡 ☕。', {
        charset: 'iso-8859-1',
        encodeAs: 'utf-8',
        transfer: '8bit',
      }),
    ]),
    expected: plainView(
      'Afternoon tea',
      sender('Café Bar', 'bar@corpus.example.test'),
      '今天下午三点喝咖啡 ☕。',
      'c-afternoon-tea',
    ),
  },
  {
    id: 'cp1252-label-utf8-html',
    kind: 'text/html labelled windows-1252 whose 8-bit bytes are UTF-8',
    raw: eml([
      'From: Shop <shop@corpus.example.test>',
      to,
      'Subject: Your parcel',
      ...head('cp1252-utf8-html'),
      ...body('text/html', '<html><body><p>包裹已到达驿站，请凭取件码取件。</p></body></html>', {
        charset: 'windows-1252',
        encodeAs: 'utf-8',
        transfer: '8bit',
      }),
    ]),
    expected: plainView(
      'Your parcel',
      sender('Shop', 'shop@corpus.example.test'),
      '包裹已到达驿站，请凭取件码取件。',
      'c-parcel',
    ),
  },
  {
    id: 'us-ascii-label-gbk-text',
    kind: 'text/plain labelled us-ascii whose 8-bit bytes are GBK, nothing else declared',
    raw: eml([
      'From: Office <office@corpus.example.test>',
      to,
      'Subject: Weekly report due',
      ...head('ascii-gbk'),
      ...body('text/plain', '请于周五下班前提交周报。', {
        charset: 'us-ascii',
        encodeAs: 'gbk',
        transfer: '8bit',
      }),
    ]),
    expected: {
      ...plainView(
        'Weekly report due',
        sender('Office', 'office@corpus.example.test'),
        '请于周五下班前提交周报。',
        'c-weekly-report',
      ),
      searchFor: ['周报'],
    },
  },
  {
    id: 'no-label-latin1-detector',
    kind: 'text/plain without charset, 8-bit Latin-1 (valid GBK by accident): the detector decides',
    raw: eml([
      'From: Bureau <bureau@fr.example.test>',
      to,
      'Subject: Rapport trimestriel',
      ...head('nolabel-latin1'),
      ...body('text/plain', 'Le rapport trimestriel est prêt, merci de le vérifier avant jeudi.', {
        charset: null,
        encodeAs: 'latin1',
        transfer: '8bit',
      }),
    ]),
    expected: {
      ...plainView(
        'Rapport trimestriel',
        sender('Bureau', 'bureau@fr.example.test'),
        'Le rapport trimestriel est prêt, merci de le vérifier avant jeudi.',
        'c-rapport',
      ),
      searchFor: ['trimestriel'],
    },
  },
  {
    id: 'raw-latin1-headers-undeclared',
    kind: 'raw Latin-1 Subject and From, the message declares no charset: the detector decides',
    raw: eml([
      raw('From: ', bytesOf('Hélène Marchand <helene.marchand@fr.example.test>', 'latin1')),
      to,
      raw('Subject: ', bytesOf("Réunion d'équipe déplacée à vendredi", 'latin1')),
      ...head('raw-latin1-undeclared'),
      'Content-Type: text/plain',
      '',
      'See you on Friday.',
    ]),
    expected: plainView(
      "Réunion d'équipe déplacée à vendredi",
      sender('Hélène Marchand', 'helene.marchand@fr.example.test'),
      'See you on Friday.',
      'c-reunion',
    ),
  },
  {
    id: 'raw-koi8r-subject-declared',
    kind: 'raw KOI8-R Subject, the body declares koi8-r',
    raw: eml([
      'From: Ivan <ivan@ru.example.test>',
      to,
      raw('Subject: ', bytesOf('Отчёт за март', 'koi8-r')),
      ...head('raw-koi8r'),
      ...body('text/plain', 'Отчёт готов, посмотрите до пятницы.', { charset: 'koi8-r' }),
    ]),
    expected: {
      ...plainView(
        'Отчёт за март',
        sender('Ivan', 'ivan@ru.example.test'),
        'Отчёт готов, посмотрите до пятницы.',
        'c-otchet',
      ),
      searchFor: ['пятницы'],
    },
  },
  {
    id: 'meta-loses-to-mime-label',
    kind: 'text/html labelled gbk whose <meta> says utf-8: the MIME label wins',
    raw: eml([
      'From: HR <hr@corpus.example.test>',
      to,
      `Subject: ${wordB('年假安排', 'gbk')}`,
      ...head('meta-vs-label'),
      ...body(
        'text/html',
        '<html><head><meta charset="utf-8"></head><body><p>年假请在系统中申请。</p></body></html>',
        { charset: 'gbk' },
      ),
    ]),
    expected: plainView(
      '年假安排',
      sender('HR', 'hr@corpus.example.test'),
      '年假请在系统中申请。',
      'c-annual-leave',
    ),
  },
  {
    id: 'meta-big5-no-label',
    kind: 'text/html without charset whose http-equiv <meta> says big5',
    raw: eml([
      'From: Taipei Office <tpe@tw.example.test>',
      to,
      `Subject: ${wordB('季度會議通知', 'big5')}`,
      ...head('meta-big5'),
      ...body(
        'text/html',
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>會議改到下週二舉行。</p></body></html>',
        { charset: null, encodeAs: 'big5' },
      ),
    ]),
    expected: {
      ...plainView(
        '季度會議通知',
        sender('Taipei Office', 'tpe@tw.example.test'),
        '會議改到下週二舉行。',
        'c-tw-meeting',
      ),
      searchFor: ['舉行'],
    },
  },
  {
    id: 'iso-2022-jp-q-html',
    kind: 'ISO-2022-JP Q-encoded subject and a 7bit ISO-2022-JP HTML body',
    raw: eml([
      `From: ${wordB('鈴木一郎', 'ISO-2022-JP')} <suzuki@jp.example.test>`,
      to,
      `Subject: ${wordQ('納品日のご連絡', 'ISO-2022-JP')}`,
      ...head('iso2022jp-html'),
      'Content-Type: text/html; charset=iso-2022-jp',
      'Content-Transfer-Encoding: 7bit',
      '',
      bytesOf('<html><body><p>納品日は来週月曜日です。</p></body></html>', 'iso-2022-jp'),
    ]),
    expected: plainView(
      '納品日のご連絡',
      sender('鈴木一郎', 'suzuki@jp.example.test'),
      '納品日は来週月曜日です。',
      'c-nouhin',
    ),
  },
  {
    id: 'utf7-q-subject-body',
    kind: 'UTF-7 Q-encoded subject and a UTF-7 body (RFC 2152)',
    raw: eml([
      'From: Jürgen <juergen@de.example.test>',
      to,
      'Subject: =?UTF-7?Q?Gr+APwA3w-e_aus_K+APY-ln?=',
      ...head('utf7-q'),
      'Content-Type: text/plain; charset=utf-7',
      '',
      'Gr+APwA3w-e aus K+APY-ln, bis bald.',
    ]),
    expected: plainView(
      'Grüße aus Köln',
      sender('Jürgen', 'juergen@de.example.test'),
      'Grüße aus Köln, bis bald.',
      'c-koeln',
    ),
  },
  {
    id: 'raw-gbk-next-to-word',
    kind: 'raw 8-bit GBK next to an encoded word in one Subject; the body declares gbk',
    raw: eml([
      'From: Facilities <fm@corpus.example.test>',
      to,
      raw(
        'Subject: ',
        Buffer.concat([bytesOf('【通知】', 'gbk'), Buffer.from(` ${wordB('下周二停电', 'gbk')}`)]),
      ),
      ...head('raw-gbk-word'),
      ...body('text/plain', '停电时间为上午九点到十一点。', { charset: 'gbk' }),
    ]),
    expected: plainView(
      '【通知】 下周二停电',
      sender('Facilities', 'fm@corpus.example.test'),
      '停电时间为上午九点到十一点。',
      'c-power-cut',
    ),
  },
  {
    id: 'raw-utf8-inside-q-word',
    kind: 'an encoded word whose encoded text holds raw 8-bit UTF-8',
    raw: eml([
      'From: Finance <fin@corpus.example.test>',
      to,
      raw('Subject: ', Buffer.from('=?UTF-8?Q?季度总结_2024?=', 'utf8')),
      ...head('raw-in-q'),
      ...body('text/plain', '总结初稿已上传。'),
    ]),
    expected: {
      ...plainView(
        '季度总结 2024',
        sender('Finance', 'fin@corpus.example.test'),
        '总结初稿已上传。',
        'c-summary-2024',
      ),
      searchFor: ['初稿'],
    },
  },
  {
    id: 'euc-kr-labelled',
    kind: 'EUC-KR subject, sender and body',
    raw: eml([
      `From: ${wordB('김민수', 'euc-kr')} <minsu@kr.example.test>`,
      to,
      `Subject: ${wordB('회의 일정 안내', 'euc-kr')}`,
      ...head('euc-kr'),
      ...body('text/plain', '회의는 내일 오전 열 시입니다.', { charset: 'euc-kr' }),
    ]),
    expected: plainView(
      '회의 일정 안내',
      sender('김민수', 'minsu@kr.example.test'),
      '회의는 내일 오전 열 시입니다.',
      'c-kr-meeting',
    ),
  },
  {
    id: 'shift-jis-labelled',
    kind: 'Shift_JIS subject and 8-bit body',
    raw: eml([
      'From: Tanaka <tanaka@jp.example.test>',
      to,
      `Subject: ${wordB('請求書送付のお知らせ', 'shift_jis')}`,
      ...head('shift-jis'),
      ...body('text/plain', '請求書を添付しましたのでご確認ください。', {
        charset: 'shift_jis',
        transfer: '8bit',
      }),
    ]),
    expected: {
      ...plainView(
        '請求書送付のお知らせ',
        sender('Tanaka', 'tanaka@jp.example.test'),
        '請求書を添付しましたのでご確認ください。',
        'c-seikyu',
      ),
      searchFor: ['請求書'],
    },
  },
  {
    id: 'utf16le-bom-no-label',
    kind: 'text/plain without charset, UTF-16LE with a byte order mark (Windows Notepad)',
    raw: eml([
      'From: Notepad User <np@corpus.example.test>',
      to,
      'Subject: Exported notes',
      ...head('utf16-bom'),
      ...body('text/plain', '\uFEFF导出的笔记在这里。', { charset: null, encodeAs: 'utf-16le' }),
    ]),
    expected: {
      ...plainView(
        'Exported notes',
        sender('Notepad User', 'np@corpus.example.test'),
        '导出的笔记在这里。',
        'c-notes',
      ),
      searchFor: ['笔记'],
    },
  },
];
