/**
 * Every text that replies and forwards put into the message body, in one place, one set
 * per interface language: the reply is written in the language the user reads Youjian in.
 */
export interface ResponsePhrases {
  /** the line above a quoted original, e.g. "On Mon, 3 Jun 2024, 14:05, Alice <a@b> wrote:" */
  attribution: (date: string, sender: string) => string;
  /** the first line of a forwarded message's header block */
  forwardedMessage: string;
  from: string;
  date: string;
  subject: string;
  to: string;
  cc: string;
  /** the order of the forward header block's lines (Cc left out when empty) */
  headerOrder: ReadonlyArray<'from' | 'date' | 'subject' | 'to' | 'cc'>;
  /** the subject of a message without one */
  noSubject: string;
  /** the sender of a message without a From */
  unknownSender: string;
  /** the locale dates are written in (BCP 47) */
  dateLocale: string;
  /** how dates are written (the time zone is added per reader) */
  dateOptions: Intl.DateTimeFormatOptions;
}

export const ENGLISH_PHRASES: ResponsePhrases = {
  attribution: (date, sender) => `On ${date}, ${sender} wrote:`,
  forwardedMessage: '---------- Forwarded message ----------',
  from: 'From',
  date: 'Date',
  subject: 'Subject',
  to: 'To',
  cc: 'Cc',
  // Gmail's and Thunderbird's order
  headerOrder: ['from', 'date', 'subject', 'to', 'cc'],
  noSubject: '(no subject)',
  unknownSender: 'an unknown sender',
  dateLocale: 'en-GB',
  dateOptions: {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  },
};

/**
 * As QQ Mail's web mail writes them: "在 2026年11月30日 09:18，张三 <a@qq.com> 写道：" above a
 * reply's quote, and the "原始邮件" block with 发件人/发送时间/收件人/抄送/主题 (QQ's order) above
 * a forward. The date is "2026年11月30日 09:18", 24-hour.
 */
export const CHINESE_PHRASES: ResponsePhrases = {
  attribution: (date, sender) => `在 ${date}，${sender} 写道：`,
  forwardedMessage: '------------------ 原始邮件 ------------------',
  from: '发件人',
  date: '发送时间',
  subject: '主题',
  to: '收件人',
  cc: '抄送',
  headerOrder: ['from', 'date', 'to', 'cc', 'subject'],
  noSubject: '（无主题）',
  unknownSender: '未知发件人',
  dateLocale: 'zh-CN',
  dateOptions: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  },
};

/**
 * The phrase set for an interface language (BCP 47): any Chinese tag (zh, zh-CN, zh-Hans,
 * zh-TW) gets the Chinese set, everything else (or nothing) English.
 */
export function responsePhrases(locale: string | null | undefined): ResponsePhrases {
  const tag = (locale ?? '').toLowerCase();
  return tag === 'zh' || tag.startsWith('zh-') ? CHINESE_PHRASES : ENGLISH_PHRASES;
}
