/**
 * The compose store: files attached in compose, kept in Postgres (compose_file and its
 * chunks) from upload until the mail carrying them was sent. Writing and reading stream
 * CHUNK_BYTES at a time, so neither the web process nor the worker ever holds a whole file.
 */
import { Readable } from 'node:stream';
import {
  and,
  composeFile,
  composeFileChunk,
  type Database,
  eq,
  inArray,
  lt,
  type OutgoingDraftAttachment,
  sql,
} from '@youjian/db';
import type { DbOrTx } from './db-types';

/** Bytes per stored chunk: large enough for few rows, small enough to stream. */
export const CHUNK_BYTES = 256 * 1024;

/** Thrown while writing when the file passes its limit; the partial file is gone by then. */
export class ComposeFileTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file is larger than ${limitBytes} bytes.`);
  }
}

export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Stores `body` as a new file of the user's mailbox, chunk by chunk as it arrives. Throws
 * ComposeFileTooLarge once more than `maxBytes` arrived (the rows written so far are
 * deleted), and deletes them too when `body` fails (an aborted upload). The file is
 * `ready` only once all of it was stored.
 */
export async function writeComposeFile(
  db: Database,
  options: {
    userId: string;
    accountId: string;
    filename: string;
    contentType: string;
    body: AsyncIterable<Uint8Array>;
    maxBytes: number;
  },
): Promise<StoredFile> {
  const [row] = await db
    .insert(composeFile)
    .values({
      userId: options.userId,
      accountId: options.accountId,
      filename: options.filename,
      contentType: options.contentType,
    })
    .returning({ id: composeFile.id });
  if (!row) throw new Error('compose file was not created');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** stores whole chunks of what arrived; `last` stores the remainder too */
  const flush = async (last: boolean) => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    let at = 0;
    for (; data.length - at >= CHUNK_BYTES || (last && at < data.length); at += CHUNK_BYTES) {
      await db
        .insert(composeFileChunk)
        .values({ fileId: row.id, seq: seq++, data: data.subarray(at, at + CHUNK_BYTES) });
    }
    pending = at < data.length ? [data.subarray(at)] : [];
    pendingBytes = data.length - Math.min(at, data.length);
  };
  try {
    for await (const piece of options.body) {
      size += piece.byteLength;
      if (size > options.maxBytes) throw new ComposeFileTooLarge(options.maxBytes);
      pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      pendingBytes += piece.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    }
    await flush(true);
  } catch (error) {
    await db.delete(composeFile).where(eq(composeFile.id, row.id));
    throw error;
  }
  await db.update(composeFile).set({ size, state: 'ready' }).where(eq(composeFile.id, row.id));
  return { id: row.id, filename: options.filename, contentType: options.contentType, size };
}

/**
 * A stream of the file's bytes, one chunk per query as the reader asks for more; it
 * fails if a chunk is missing (the file was deleted meanwhile).
 */
export function readComposeFile(db: Database, fileId: string): Readable {
  let seq = 0;
  return new Readable({
    async read() {
      try {
        const [chunk] = await db
          .select({ data: composeFileChunk.data })
          .from(composeFileChunk)
          .where(and(eq(composeFileChunk.fileId, fileId), eq(composeFileChunk.seq, seq)));
        seq += 1;
        this.push(chunk ? chunk.data : null);
      } catch (error) {
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
}

/**
 * The user's ready files among `ids`, in the order asked; throws when one is not theirs
 * or not completely uploaded. Any of the user's mailboxes may send a file (From may change
 * after attaching); the sender's provider limit is checked on the total by the caller.
 */
export async function ownedReadyFiles(
  db: DbOrTx,
  options: { userId: string; ids: string[] },
): Promise<StoredFile[]> {
  if (options.ids.length === 0) return [];
  const rows = await db
    .select({
      id: composeFile.id,
      filename: composeFile.filename,
      contentType: composeFile.contentType,
      size: composeFile.size,
    })
    .from(composeFile)
    .where(
      and(
        inArray(composeFile.id, options.ids),
        eq(composeFile.userId, options.userId),
        eq(composeFile.state, 'ready'),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return options.ids.map((id) => {
    const file = byId.get(id);
    if (!file) throw new Error(`compose file ${id} is not a ready file of this user`);
    return file;
  });
}

/** Deletes the user's files among `ids` (removed in compose); returns how many went. */
export async function deleteComposeFiles(
  db: DbOrTx,
  options: { userId: string; ids: string[] },
): Promise<number> {
  if (options.ids.length === 0) return 0;
  const gone = await db
    .delete(composeFile)
    .where(and(inArray(composeFile.id, options.ids), eq(composeFile.userId, options.userId)))
    .returning({ id: composeFile.id });
  return gone.length;
}

/** The stored files a queued mail refers to, deleted once it was sent. */
export async function deleteSentFiles(
  db: DbOrTx,
  attachments: OutgoingDraftAttachment[] | undefined,
): Promise<void> {
  const ids = (attachments ?? []).flatMap((a) => (a.fileId ? [a.fileId] : []));
  if (ids.length > 0) await db.delete(composeFile).where(inArray(composeFile.id, ids));
}

/**
 * Deletes the user's files older than `olderThanMs` (compose closed without sending, a
 * tab gone mid-upload) that no queued mail refers to; run at each upload, so the store
 * holds no more than a day of a user's abandoned files. Returns how many went.
 */
export async function sweepComposeFiles(
  db: Database,
  options: { userId: string; olderThanMs: number },
): Promise<number> {
  const before = new Date(Date.now() - options.olderThanMs);
  const gone = await db
    .delete(composeFile)
    .where(
      and(
        eq(composeFile.userId, options.userId),
        lt(composeFile.createdAt, before),
        sql`not exists (
          select 1 from outgoing_mail o,
            jsonb_array_elements(coalesce(o.draft->'attachments', '[]'::jsonb)) a
          where o.account_id = ${composeFile.accountId}
            and o.state in ('queued', 'sending')
            and a->>'fileId' = ${composeFile.id}::text)`,
      ),
    )
    .returning({ id: composeFile.id });
  return gone.length;
}
