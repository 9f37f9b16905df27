import { type Database, eq, mailAccount, type SecretBox, userPreferences } from '@youjian/db';
import {
  displayAddress,
  forwardBody,
  forwardedFileName,
  forwardSubject,
  htmlToText,
  type MailAddress,
  parseMessage,
  replyBody,
  replyRecipients,
  replySubject,
  responsePhrases,
} from '@youjian/mail';
import { fetchMessageSource } from '@youjian/sync';
import { requireOwnedAccount, requireOwnedMessage } from '../lib/owned-rows';
import type { ResponseKind } from '../lib/response-kind';

export interface PrepareReplyOptions {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
  kind: ResponseKind;
  /** the reader's IANA time zone, for the date in the attribution line */
  timeZone?: string;
  /** the interface language (BCP 47) of the attribution and forward block; else the saved one */
  locale?: string;
}

/** What compose opens with for a reply or forward; the user may change all of it. */
export interface ReplyPrefill {
  /** the sending mailbox: the one that received the original */
  accountId: string;
  /** recipients as the To and Cc fields show them, comma-separated */
  to: string;
  cc: string;
  subject: string;
  text: string;
  /** files the message will carry (read from the original when it is sent) */
  attachments: Array<{ filename: string; size: number }>;
}

/**
 * Fills compose for a reply, reply all, forward or forward as attachment of one of the
 * user's messages: recipients (Reply-To honoured, every linked mailbox of the user left
 * out of reply all), one Re:/Fwd: prefix, and the original quoted under an attribution
 * line or below a forward header block. Reads the original from the provider, because
 * the mirror keeps neither Reply-To nor the body text of every message.
 */
export async function prepareReply(options: PrepareReplyOptions): Promise<ReplyPrefill> {
  const { db, secretBox, userId, accountId, messageId, kind, timeZone } = options;
  const phrases = responsePhrases(options.locale ?? (await savedLocale(db, userId)));
  const header = await requireOwnedMessage(db, { userId, accountId, messageId });
  const account = await requireOwnedAccount(db, { userId, accountId });
  const source = await fetchMessageSource({ db, accountId, messageId, secretBox });
  const parsed = await parseMessage(source);
  const original = {
    from: header.from,
    to: header.to,
    cc: header.cc,
    subject: header.subject,
    date: header.sentAt ?? header.receivedAt,
    text: parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : '',
  };

  if (kind === 'forward' || kind === 'forwardAsAttachment') {
    return {
      accountId,
      to: '',
      cc: '',
      subject: forwardSubject(header.subject),
      text: kind === 'forward' ? forwardBody(original, { timeZone, phrases }) : '',
      attachments:
        kind === 'forward'
          ? parsed.attachments.map(({ filename, size }) => ({ filename, size }))
          : [{ filename: forwardedFileName(header.subject, phrases), size: source.byteLength }],
    };
  }
  const recipients = replyRecipients({
    original: { ...original, replyTo: parsed.replyTo ?? [] },
    ownAddresses: await linkedAddresses(db, userId),
    replyingAddress: account.address,
    all: kind === 'replyAll',
  });
  return {
    accountId,
    to: addressField(recipients.to),
    cc: addressField(recipients.cc),
    subject: replySubject(header.subject),
    text: replyBody(original, { timeZone, phrases }),
    attachments: [],
  };
}

/** The interface language the user saved (Settings), or null when none was chosen. */
async function savedLocale(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ locale: userPreferences.locale })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return row?.locale ?? null;
}

/** Every address of every mailbox the user linked. */
async function linkedAddresses(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ address: mailAccount.address })
    .from(mailAccount)
    .where(eq(mailAccount.userId, userId));
  return rows.map((row) => row.address);
}

/**
 * Recipients as compose's text field takes them back (address-list.ts splits on commas
 * and semicolons): a name holding a separator or angle bracket is left out, keeping the
 * address.
 */
function addressField(addresses: MailAddress[]): string {
  return addresses
    .map((address) =>
      /[,;，；<>"]/.test(address.name) ? address.address : displayAddress(address),
    )
    .join(', ');
}
