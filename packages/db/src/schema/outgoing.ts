import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ErrorParams } from './error-record';
import { type MailAddress, mailAccount } from './mail';

// The outgoing queue: mail written in Youjian waits here until the worker sends it through
// the account's own SMTP server, and then until its Sent copy is found or filed.

/**
 * `queued` until due (not_before) and claimed, `sending` while SMTP runs, then `sent` or
 * `failed`; `cancelled` by Undo, or by Cancel / Edit of a scheduled mail before it went.
 */
export type OutgoingState = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
/**
 * The Sent copy of a sent mail: `awaiting` while Youjian looks for the provider's copy
 * (QQ, NetEase), then `filed_by_provider`, `appended` (an `append` op was queued in the
 * same transaction) or `not_found` (a provider known to file it had not yet).
 */
export type SentCopyState = 'awaiting' | 'filed_by_provider' | 'appended' | 'not_found';
/**
 * A file the worker attaches: one of the compose store (uploaded, a forward's attachment,
 * the forwarded message, a pasted image), streamed from compose_file_chunk at send time.
 * `contentBase64` only in rows queued before the store existed.
 */
export interface OutgoingDraftAttachment {
  filename: string;
  contentType: string;
  /** compose_file.id */
  fileId?: string;
  /** bytes, as counted when stored */
  size?: number;
  /** set for an image the HTML shows as cid:<contentId> (RFC 2392) */
  contentId?: string;
  contentBase64?: string;
}

export interface OutgoingDraft {
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** the text/plain part (with `html`, derived from it) */
  text: string;
  /** the sanitized text/html part of a mail written in the rich editor */
  html?: string;
  inReplyTo?: string;
  references?: string[];
  /** the sender's name in From; absent in rows queued before it was recorded */
  fromName?: string;
  attachments?: OutgoingDraftAttachment[];
  /** the mirror message this one replies to: it gets \Answered once sent (RFC 3501 §2.3.2) */
  answers?: { messageId: string };
  /** what compose had, to reopen it after Undo or for Edit (the typed recipients, the response) */
  compose?: {
    to: string;
    cc: string;
    inResponseTo?: { accountId: string; messageId: string; kind: string };
  };
}

/** Outgoing mail, sent by the worker through the account's own SMTP server. */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** RFC 5322 Message-ID chosen before sending, so a retry never sends twice */
    messageIdHeader: text('message_id_header').notNull(),
    draft: jsonb('draft').$type<OutgoingDraft>().notNull(),
    state: text('state').$type<OutgoingState>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** why the last try failed, in English (the server's reply quoted) */
    lastError: text('last_error'),
    /** the same as a code the web puts in words (sync error-record.ts); null: old rows */
    lastErrorCode: text('last_error_code'),
    lastErrorParams: jsonb('last_error_params').$type<ErrorParams>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the worker sends no earlier: the undo-send delay, or the time a send was scheduled for */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    /** a scheduled send (shown as such in the Outbox), not an undo delay */
    scheduled: boolean('scheduled').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** null until SMTP accepted the mail (and for mail sent before this column existed) */
    sentCopy: text('sent_copy').$type<SentCopyState>(),
    /** while `awaiting`: when to look at Sent next, and when to stop looking */
    sentCopyCheckAt: timestamp('sent_copy_check_at', { withTimezone: true }),
    sentCopyLookUntil: timestamp('sent_copy_look_until', { withTimezone: true }),
    /** while `awaiting`: the exact bytes SMTP accepted, base64, to APPEND if no copy shows */
    sentCopyRawBase64: text('sent_copy_raw_base64'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('outgoing_mail_account_state_idx').on(t.accountId, t.state),
    // the worker's next due send, and when to wake for it
    index('outgoing_mail_due_idx').on(t.accountId, t.notBefore).where(sql`${t.state} = 'queued'`),
    index('outgoing_mail_sent_copy_due_idx')
      .on(t.accountId, t.sentCopyCheckAt)
      .where(sql`${t.sentCopy} = 'awaiting'`),
  ],
);
