/**
 * Every text that replies and forwards put into the message body, in one place, so that
 * the i18n issue can give each language its own set. English only for now.
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
  /** the subject of a message without one */
  noSubject: string;
  /** the sender of a message without a From */
  unknownSender: string;
  /** the locale dates are written in (BCP 47) */
  dateLocale: string;
}

export const ENGLISH_PHRASES: ResponsePhrases = {
  attribution: (date, sender) => `On ${date}, ${sender} wrote:`,
  forwardedMessage: '---------- Forwarded message ----------',
  from: 'From',
  date: 'Date',
  subject: 'Subject',
  to: 'To',
  cc: 'Cc',
  noSubject: '(no subject)',
  unknownSender: 'an unknown sender',
  dateLocale: 'en-GB',
};
