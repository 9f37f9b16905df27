import type { MailAddress } from '../types';
import { ENGLISH_PHRASES, type ResponsePhrases } from './phrases';

/** The original as the body of a reply or forward shows it. */
export interface OriginalForBody {
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** when it was written (Date), else when it arrived */
  date: Date;
  /** its text: the text/plain part, or the HTML made text */
  text: string;
}

export interface BodyOptions {
  /** the reader's IANA time zone, e.g. Asia/Shanghai; unknown zones fall back to UTC */
  timeZone?: string;
  phrases?: ResponsePhrases;
}

/** `Name <address>`, or the bare address when there is no name. */
export function displayAddress(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

/** A date as the attribution line and the forward header block write it. */
export function formatResponseDate(date: Date, options: BodyOptions = {}): string {
  const phrases = options.phrases ?? ENGLISH_PHRASES;
  const format = (timeZone: string | undefined) =>
    new Intl.DateTimeFormat(phrases.dateLocale, { ...phrases.dateOptions, timeZone }).format(date);
  try {
    return format(options.timeZone);
  } catch {
    return format('UTC');
  }
}

const lines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');

/**
 * Text quoted the way mail clients have long done it (RFC 3676 §4.5): each line gets a
 * `>`; a line already quoted gets one more `>` without a space, so levels stay readable.
 */
export function quoteText(text: string): string {
  return lines(text)
    .map((line) => (line.startsWith('>') ? `>${line}` : line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * The body a reply starts with: an empty line for the answer (the caret goes to offset 0,
 * above the quote, as QQ Mail, 163 and Gmail place it), the attribution line, and the
 * original quoted.
 */
export function replyBody(original: OriginalForBody, options: BodyOptions = {}): string {
  const phrases = options.phrases ?? ENGLISH_PHRASES;
  const sender = original.from ? displayAddress(original.from) : phrases.unknownSender;
  const attribution = phrases.attribution(formatResponseDate(original.date, options), sender);
  return `\n\n${attribution}\n${quoteText(original.text)}\n`;
}

/**
 * The body a forward starts with: room for a note, then the block Gmail and Thunderbird
 * write — From, Date, Subject, To and Cc of the original (QQ Mail's 原始邮件 block in
 * Chinese) — and its text unquoted.
 */
export function forwardBody(original: OriginalForBody, options: BodyOptions = {}): string {
  const phrases = options.phrases ?? ENGLISH_PHRASES;
  const fields = {
    from: original.from ? displayAddress(original.from) : phrases.unknownSender,
    date: formatResponseDate(original.date, options),
    subject: original.subject || phrases.noSubject,
    to: original.to.map(displayAddress).join(', '),
    cc: original.cc.map(displayAddress).join(', '),
  };
  const header = [
    phrases.forwardedMessage,
    ...phrases.headerOrder
      .filter((field) => field !== 'cc' || fields.cc !== '')
      .map((field) => `${phrases[field]}: ${fields[field]}`),
  ];
  return `\n\n${header.join('\n')}\n\n${lines(original.text).join('\n')}\n`;
}

/**
 * The file name of a message forwarded as an attachment: its subject, without characters
 * that file systems refuse, and `.eml` (RFC 5322 message, message/rfc822 per RFC 2046 §5.2.1).
 */
export function forwardedFileName(
  subject: string,
  phrases: ResponsePhrases = ENGLISH_PHRASES,
): string {
  const base = subject
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${(base || phrases.noSubject).slice(0, 120)}.eml`;
}
