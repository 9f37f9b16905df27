import {
  bigint,
  customType,
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
