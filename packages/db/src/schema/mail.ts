import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import type { ErrorParams } from './error-record';

// Every mirror table leads its keys and indexes with account_id and every query filters
// by it, so the data can later be distributed by account (Citus) unchanged.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const uid = (name: string) => bigint(name, { mode: 'number' });
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export type TransportSecurity = 'tls' | 'starttls' | 'plain';
export type AccountStatus = 'pending' | 'syncing' | 'ok' | 'auth_failed' | 'unreachable' | 'error';
export type FolderRole = 'inbox' | 'sent' | 'drafts' | 'trash' | 'junk' | 'archive';
export interface MailAddress {
  name: string;
  address: string;
}
export interface AttachmentSummary {
  /** index into the parsed message's attachment list */
  index: number;
  filename: string;
  contentType: string;
  size: number;
}

export const mailAccount = pgTable(
  'mail_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    displayName: text('display_name').notNull().default(''),
    /** the colour the user chose for this mailbox (#rrggbb); null: one from the palette */
    colour: text('colour'),
    /** where the user put this mailbox in their list (0 first); null: by the time linked */
    position: integer('position'),
    /** the signature compose adds to new mail and replies from this mailbox (plain text) */
    signature: text('signature').notNull().default(''),
    /** provider preset id (qq, 163, 126, yeah, custom) */
    provider: text('provider').notNull(),
    username: text('username').notNull(),
    imapHost: text('imap_host').notNull(),
    imapPort: integer('imap_port').notNull(),
    imapSecurity: text('imap_security').$type<TransportSecurity>().notNull(),
    smtpHost: text('smtp_host').notNull(),
    smtpPort: integer('smtp_port').notNull(),
    smtpSecurity: text('smtp_security').$type<TransportSecurity>().notNull(),
    /** AES-256-GCM sealed authorization code; never leaves the server */
    secretSealed: text('secret_sealed').notNull(),
    status: text('status').$type<AccountStatus>().notNull().default('pending'),
    /** the problem in English (the server's reply quoted); for operators and old rows */
    lastError: text('last_error'),
    /** the problem as a code the web puts in words (sync error-record.ts); null: old rows */
    lastErrorCode: text('last_error_code'),
    lastErrorParams: jsonb('last_error_params').$type<ErrorParams>(),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    /** first-sync progress 0..100 */
    syncProgress: integer('sync_progress').notNull().default(0),
    capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
    /**
     * the server's first personal namespace (RFC 2342 NAMESPACE): new folders are created
     * below its prefix ("INBOX." at Courier and Cyrus); null until the worker first connected
     */
    personalNamespace: jsonb('personal_namespace').$type<{
      prefix: string;
      delimiter: string | null;
    }>(),
    /** worker lease: one owner at a time */
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('mail_account_user_address_idx').on(t.userId, t.address)],
);

export const mailbox = pgTable(
  'mailbox',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    path: text('path').notNull(),
    delimiter: text('delimiter'),
    name: text('name').notNull(),
    role: text('role').$type<FolderRole>(),
    uidValidity: uid('uid_validity'),
    /** null where the server does not report UIDNEXT (NetEase) */
    uidNext: uid('uid_next'),
    highestModSeq: bigint('highest_modseq', { mode: 'bigint' }),
    /** highest UID mirrored so far; first sync fills downwards from the top */
    highestSyncedUid: uid('highest_synced_uid'),
    /** lowest UID mirrored so far during the newest-first first sync */
    lowestSyncedUid: uid('lowest_synced_uid'),
    firstSyncDone: boolean('first_sync_done').notNull().default(false),
    totalCount: integer('total_count').notNull().default(0),
    unreadCount: integer('unread_count').notNull().default(0),
    serverMessageCount: integer('server_message_count'),
    lastFullSyncAt: timestamp('last_full_sync_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    uniqueIndex('mailbox_account_path_idx').on(t.accountId, t.path),
  ],
);

export const thread = pgTable(
  'thread',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** normalized subject, the fallback key when References are missing */
    subjectKey: text('subject_key').notNull(),
    lastDate: timestamp('last_date', { withTimezone: true }),
    /**
     * lower-cased addresses of the thread's senders and recipients (From, To, Cc), minus
     * the account's own, capped: what a subject-only reply is matched against so it joins
     * the conversation of the people it is between (threading.ts). NULL: threaded before
     * participants were recorded.
     */
    participants: text('participants').array(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    // the newest thread of a subject, one index probe per subject
    index('thread_account_subject_date_idx').on(t.accountId, t.subjectKey, t.lastDate.desc()),
  ],
);

/**
 * Every Message-ID an account's mirror knows → its thread: the Message-ID of each mirrored
 * message and each ID its References / In-Reply-To name (RFC 5322 §3.6.4). Threading a
 * batch is then one primary-key lookup, whatever the size of the mirror, and replies that
 * share a parent the mirror lacks still meet in one thread. Rows outlive their messages:
 * a later message naming the same IDs joins the same thread.
 */
export const threadLink = pgTable(
  'thread_link',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    threadId: uuid('thread_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.messageId] })],
);

export const message = pgTable(
  'message',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    mailboxId: uuid('mailbox_id').notNull(),
    uid: uid('uid').notNull(),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    threadId: uuid('thread_id'),
    subject: text('subject').notNull().default(''),
    from: jsonb('from').$type<MailAddress | null>(),
    to: jsonb('to').$type<MailAddress[]>().notNull().default([]),
    cc: jsonb('cc').$type<MailAddress[]>().notNull().default([]),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    size: integer('size').notNull().default(0),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    seen: boolean('seen').notNull().default(false),
    flagged: boolean('flagged').notNull().default(false),
    snippet: text('snippet').notNull().default(''),
    hasAttachments: boolean('has_attachments').notNull().default(false),
    /** CJK-aware search document: words plus overlapping CJK bigrams (see search.ts) */
    searchDocument: tsvector('search_document'),
    /**
     * the MIME part the message is read from: section, transfer encoding, charset, html
     * (SQL NULL: not known, mirrored before this was recorded; JSON null: no text part)
     */
    textPart: jsonb('text_part').$type<{
      section: string;
      encoding: string;
      charset: string;
      html: boolean;
    } | null>(),
    /**
     * attachment file names from BODYSTRUCTURE at sync (the paperclip's rule, body-structure.ts),
     * kept so the body index's rewrite of the search document keeps `filename:` matches
     * (SQL NULL: mirrored before this was recorded)
     */
    attachmentNames: text('attachment_names').array(),
    /** whether the search document holds the body text yet (the worker's body index) */
    bodyIndexed: boolean('body_indexed').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    uniqueIndex('message_account_mailbox_uid_idx').on(t.accountId, t.mailboxId, t.uid),
    // Keyset paging of a folder: newest first, id breaks ties. NULLS FIRST is what a plain
    // `ORDER BY … DESC` means; an index declared NULLS LAST cannot serve it, and every page
    // became a bitmap scan of the whole folder plus a sort (DESIGN.md, service size).
    index('message_account_mailbox_received_idx').on(
      t.accountId,
      t.mailboxId,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // unified views and search across an account's folders, newest first
    index('message_account_received_idx').on(
      t.accountId,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // the Starred and Unread views read only their few rows, not the whole account
    index('message_account_flagged_idx')
      .on(t.accountId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.flagged}`),
    index('message_account_unread_idx')
      .on(t.accountId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`not ${t.seen}`),
    index('message_account_message_id_idx').on(t.accountId, t.messageId),
    // A conversation's messages, newest first: the conversation list keeps a row only when
    // no newer message of its thread is in view, one probe of this index per row, and reads
    // each listed conversation's members (count, markers, participants) from it.
    index('message_account_thread_idx').on(
      t.accountId,
      t.threadId,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // what the body index still has to read, newest first; empty once it caught up
    index('message_body_pending_idx')
      .on(t.accountId, t.mailboxId, t.uid.desc())
      .where(sql`not ${t.bodyIndexed}`),
    // One tenant's matches only: with btree_gin the account is a key of the same GIN index,
    // so a common word no longer returns every tenant's postings before the account filter
    // (86 ms → ~1 ms per account at 2.1M messages, DESIGN.md).
    index('message_account_search_idx').using('gin', t.accountId, t.searchDocument),
  ],
);

/** Bodies are fetched on first open and cached here. */
export const messageBody = pgTable(
  'message_body',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').notNull(),
    /** sanitized HTML (remote images already rewritten to placeholders) or null */
    html: text('html'),
    text: text('text'),
    hasRemoteImages: boolean('has_remote_images').notNull().default(false),
    attachments: jsonb('attachments').$type<AttachmentSummary[]>().notNull().default([]),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.messageId] })],
);

export type PendingImapOpKind =
  | 'set_flags'
  | 'move'
  | 'delete'
  | 'append'
  | 'create_folder'
  | 'rename_folder'
  | 'delete_folder'
  | 'save_draft'
  | 'discard_draft';
export type QueueState = 'pending' | 'done' | 'failed';

/** IMAP writes, queued in the same transaction as the mirror change they mirror. */
export const pendingImapOp = pgTable(
  'pending_imap_op',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    kind: text('kind').$type<PendingImapOpKind>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<QueueState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('pending_imap_op_account_state_idx').on(t.accountId, t.state, t.id),
  ],
);

/** The last searches a person ran, newest first, offered again under the search box. */
export const recentSearch = pgTable(
  'recent_search',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    query: text('query').notNull(),
    searchedAt: timestamp('searched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // a handful of rows per person: the key alone serves the newest-first read
  (t) => [primaryKey({ columns: [t.userId, t.query] })],
);
