import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { mailAccount } from './mail';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export type ComposeFileState = 'uploading' | 'ready';

/**
 * A file attached in compose (uploaded, a forward's attachment, a pasted inline image),
 * kept until the mail that carries it was sent. The bytes live in compose_file_chunk, in
 * Postgres rather than on the web server's disk: the worker that sends the mail is another
 * process, possibly on another machine, and web and worker share only Postgres (DESIGN.md).
 */
export const composeFile = pgTable(
  'compose_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    /** bytes, counted while the upload streamed in */
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    state: text('state').$type<ComposeFileState>().notNull().default('uploading'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('compose_file_user_created_idx').on(t.userId, t.createdAt)],
);

/** The bytes of a compose file in order, CHUNK_BYTES each (the last one shorter). */
export const composeFileChunk = pgTable(
  'compose_file_chunk',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => composeFile.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

/**
 * People seen in a mailbox's mail, for compose's address autocomplete: one row per sender
 * address, kept by a statement-level trigger on message inserts (migration 0014:
 * contact_from_messages), so a lookup reads a few contacts instead of every message.
 * `score` is the sum over their messages of 2^(−age / 30 days) as of `lastSeen`: how often
 * and how recently at once (decayed to now when ranking).
 */
export const contact = pgTable(
  'contact',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    /** lower-cased */
    address: text('address').notNull(),
    /** the newest non-empty display name seen */
    name: text('name').notNull().default(''),
    times: integer('times').notNull().default(0),
    score: doublePrecision('score').notNull().default(0),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.address] }),
    index('contact_account_address_prefix_idx').on(t.accountId, sql`${t.address} text_pattern_ops`),
    index('contact_account_name_prefix_idx').on(
      t.accountId,
      sql`lower(${t.name}) text_pattern_ops`,
    ),
  ],
);
