/**
 * The body index: the worker reads the text of every mirrored message (text part only,
 * see packages/mail text-part.ts; attachments are fetched when downloaded) and adds it to
 * the message's search document, so search finds words of the body, Chinese included,
 * without asking a server whose SEARCH cannot. Newest first, folder by folder, in windows
 * written one transaction each: an interrupted pass resumes where it stopped.
 */
import { type Database, eq, mailbox, publishMailEvent, searchDocumentOf, sql } from '@youjian/db';
import {
  fetchBodyTexts,
  fetchPaneAttachments,
  type ImapFlow,
  type MailAddress,
  snippetOf,
  type TextPart,
} from '@youjian/mail';
import { rowsOf, type Tx } from './db-types';

/** UIDs per window: one BODYSTRUCTURE FETCH, one text FETCH per section, one UPDATE. */
export const BODY_WINDOW = 500;
/** How much of a text part is read; the rest of a very long mail is not searchable. */
export const BODY_PART_BYTES = 256 * 1024;
/** How much body text goes into a search document (Postgres caps a tsvector at 1 MB). */
export const INDEXED_BODY_CHARS = 20_000;

export interface IndexedBody {
  /** the mirror's message id (uuid) */
  id: string;
  snippet: string;
  searchDocument: string;
  /** the pane's answer to 'has attachments' where the structure could not decide */
  hasAttachments?: boolean;
}

/**
 * Pure: the index entry of a message whose body text is now known (and, when the whole
 * message was parsed, its attachments' file names).
 */
export function indexedBody(
  row: {
    id: string;
    subject: string;
    from: MailAddress | null;
    to: MailAddress[];
    cc?: MailAddress[];
    attachments?: readonly { filename: string }[];
  },
  bodyText: string,
): IndexedBody {
  const body = bodyText.slice(0, INDEXED_BODY_CHARS);
  return {
    id: row.id,
    snippet: snippetOf({ html: null, text: body }),
    searchDocument: searchDocumentOf({
      ...row,
      cc: row.cc ?? [],
      body,
      attachmentNames: row.attachments?.map((a) => a.filename),
    }),
  };
}

/** Records bodies in the index; a snippet already shown in the list is kept. */
export async function writeIndexedBodies(
  tx: Tx | Database,
  accountId: string,
  bodies: readonly IndexedBody[],
): Promise<void> {
  if (bodies.length === 0) return;
  await tx.execute(sql`update message set
      snippet = case when message.snippet = '' then b.snippet else message.snippet end,
      search_document = b.search_document::tsvector, body_indexed = true,
      has_attachments = coalesce(b.has_attachments, message.has_attachments)
    from unnest(${sql.param(bodies.map((b) => b.id))}::uuid[],
      ${sql.param(bodies.map((b) => b.snippet))}::text[],
      ${sql.param(bodies.map((b) => b.searchDocument))}::text[],
      ${sql.param(bodies.map((b) => b.hasAttachments ?? null))}::boolean[])
      as b(id, snippet, search_document, has_attachments)
    where message.account_id = ${accountId} and message.id = b.id`);
}

export interface IndexBodiesContext {
  db: Database;
  client: ImapFlow;
  accountId: string;
  /** the owner, told (live event) when a folder's snippets and search results changed */
  userId: string;
  /** checked between windows: true hands the session back (new work, a time slice used up) */
  shouldPause: () => boolean;
}

interface Window {
  bodies: IndexedBody[];
  lowestUid: number;
}

/**
 * Indexes the bodies of an account's messages not indexed yet, INBOX first, then Sent, then
 * the other folders. The next window is read from the server while the current one is
 * written. Returns true when nothing is left, false when paused.
 */
export async function indexBodies(ctx: IndexBodiesContext): Promise<boolean> {
  const { db, accountId } = ctx;
  const pending = await db.execute(sql`select 1 from message
    where account_id = ${accountId} and not body_indexed and uid > 0 limit 1`);
  if (rowsOf(pending).length === 0) return true;
  const folders = await db
    .select({ id: mailbox.id, path: mailbox.path, uidValidity: mailbox.uidValidity })
    .from(mailbox)
    .where(eq(mailbox.accountId, accountId))
    .orderBy(
      sql`${mailbox.role} = 'inbox' desc nulls last, ${mailbox.role} = 'sent' desc nulls last`,
      mailbox.path,
    );
  // writes are Postgres' work (to_tsvector, GIN) and reads the server's and ours: the
  // next window is read while up to two are written, each on its own pooled connection
  const writing: Promise<void>[] = [];
  const announce = async (folder: { id: string }) => {
    await Promise.all(writing.splice(0));
    await publishMailEvent(db.$client, {
      kind: 'mailbox_changed',
      userId: ctx.userId,
      accountId,
      mailboxId: folder.id,
    });
  };
  try {
    for (const folder of folders) {
      let next = readWindow(ctx, folder, Number.MAX_SAFE_INTEGER);
      let written = false;
      for (;;) {
        const window = await next;
        if (!window) break;
        const write = db.transaction((tx) => writeIndexedBodies(tx, accountId, window.bodies));
        // awaited below or in finally; meanwhile its rejection must not go unhandled
        write.catch(() => {});
        writing.push(write);
        written = true;
        if (ctx.shouldPause()) {
          await announce(folder);
          return false;
        }
        next = readWindow(ctx, folder, window.lowestUid);
        next.catch(() => {});
        if (writing.length >= 2) await writing.shift();
      }
      if (written) await announce(folder);
    }
  } finally {
    await Promise.all(writing);
  }
  return true;
}

async function readWindow(
  ctx: IndexBodiesContext,
  folder: { id: string; path: string; uidValidity: number | null },
  belowUid: number,
): Promise<Window | null> {
  const rows = rowsOf<{
    id: string;
    uid: string | number;
    subject: string;
    from: MailAddress | null;
    to: MailAddress[];
    cc: MailAddress[];
    attachment_names: string[] | null;
    text_part: TextPart | null;
    part_unknown: boolean;
  }>(
    // UIDs < 0 are moved-in messages awaiting their server UID (see queue-message-move.ts)
    await ctx.db.execute(sql`select id, uid, subject, "from", "to", cc, attachment_names, text_part,
        text_part is null as part_unknown
      from message
      where account_id = ${ctx.accountId} and mailbox_id = ${folder.id} and not body_indexed
        and uid > 0 and uid < ${belowUid}
      order by uid desc limit ${BODY_WINDOW}`),
  );
  if (rows.length === 0) return null;
  const targets = rows.map((row) => ({
    uid: Number(row.uid),
    // mirrored before the text part was recorded: fetchBodyTexts asks BODYSTRUCTURE
    part: row.part_unknown ? undefined : row.text_part,
  }));
  // a renumbered folder throws UIDVALIDITY_CHANGED: its texts wait for the sync's rebuild
  const texts = await fetchBodyTexts(ctx.client, folder, targets, BODY_PART_BYTES);
  // images whose paperclip only the HTML decides: ask the pane's parser (pane-attachments)
  const undecided = rows
    .filter((row) => row.text_part?.inlineIds?.length)
    .map((r) => Number(r.uid));
  const paneListed = await fetchPaneAttachments(ctx.client, folder, undecided);
  const uids = targets.map((target) => target.uid);
  return {
    // a message without a text part (or expunged meanwhile) is indexed by its headers; the
    // file names the sync recorded (or the pane's, where it decided) stay in the document
    bodies: rows.map((row) => {
      const listed = paneListed.get(Number(row.uid));
      const names = listed ?? row.attachment_names ?? [];
      return {
        ...indexedBody(
          { ...row, attachments: names.map((filename) => ({ filename })) },
          texts.get(Number(row.uid)) ?? '',
        ),
        hasAttachments: listed && listed.length > 0,
      };
    }),
    lowestUid: Math.min(...uids),
  };
}
