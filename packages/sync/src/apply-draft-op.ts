import { type AdoptedDraft, and, draft, eq, mailbox, message, or, sql } from '@youjian/db';
import {
  appendMessage,
  buildRawMessage,
  expungeUids,
  type MailboxRef,
  setFlags,
} from '@youjian/mail';
import { type ApplyContext, PermanentOpError } from './apply-context';
import { syncFolderNow } from './sync-folder-now';
import type { MailboxRow } from './sync-folders';

/** `save_draft`: put revision `revision` of a draft on the server, replacing older copies. */
export interface SaveDraftPayload {
  draftId: string;
  revision: number;
}

/** `discard_draft`: remove every server copy of a draft (discarded, or sent). */
export interface DiscardDraftPayload {
  draftId: string;
  /** a draft made elsewhere that this one had replaced locally */
  adopted?: AdoptedDraft | null;
}

/**
 * The Message-ID (RFC 5322 §3.6.4) of a draft revision's server copy. It names the draft
 * and the revision, so the op recognises its own copies in Drafts after a crash without
 * any state outside Postgres and the server.
 */
export function draftMessageId(draftId: string, revision: number, address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1) || 'youjian.local';
  return `<draft.${draftId}.${revision}@${domain}>`;
}

/** The draft id a server copy's Message-ID names, or null for any other message. */
export function draftIdOfMessageId(messageIdHeader: string | null): string | null {
  const match = /^<draft\.([0-9a-f-]{36})\.\d+@/.exec(messageIdHeader ?? '');
  return match?.[1] ?? null;
}

type DraftCopy = { uid: number; messageId: string | null };

async function draftsFolder(ctx: ApplyContext): Promise<MailboxRow> {
  const [folder] = await ctx.db
    .select()
    .from(mailbox)
    .where(and(eq(mailbox.accountId, ctx.account.id), eq(mailbox.role, 'drafts')));
  if (!folder)
    throw new PermanentOpError('The mailbox has no Drafts folder.', 'SPECIAL_FOLDER_MISSING', {
      role: 'drafts',
    });
  return folder;
}

/** The server copies of a draft the mirror knows in Drafts, after syncing that folder. */
export async function draftCopies(
  ctx: ApplyContext,
  folder: MailboxRow,
  draftId: string,
  adopted?: AdoptedDraft | null,
): Promise<DraftCopy[]> {
  await syncFolderNow(ctx, folder);
  // a uuid holds no LIKE wildcard
  const ownCopy = sql`${message.messageId} like ${`<draft.${draftId}.%`}`;
  const adoptedCopy =
    adopted && adopted.mailboxId === folder.id
      ? adopted.messageIdHeader
        ? eq(message.messageId, adopted.messageIdHeader)
        : eq(message.uid, adopted.uid)
      : undefined;
  return ctx.db
    .select({ uid: message.uid, messageId: message.messageId })
    .from(message)
    .where(
      and(
        eq(message.accountId, ctx.account.id),
        eq(message.mailboxId, folder.id),
        adoptedCopy ? or(ownCopy, adoptedCopy) : ownCopy,
      ),
    );
}

/**
 * Removes server copies by UID: UID EXPUNGE where the server has UIDPLUS (RFC 4315 §2.1),
 * which touches nothing else; without it only \Deleted is set, since a plain EXPUNGE would
 * also remove whatever else the user marked deleted in Drafts. The mirror follows by a sync.
 */
async function removeCopies(ctx: ApplyContext, folder: MailboxRow, copies: DraftCopy[]) {
  const uids = copies.map((copy) => copy.uid).filter((uid) => uid > 0);
  if (uids.length === 0) return;
  const ref: MailboxRef = { path: folder.path, uidValidity: folder.uidValidity ?? null };
  if (ctx.client.capabilities.has('UIDPLUS')) await expungeUids(ctx.client, ref, uids);
  else await setFlags(ctx.client, ref, uids, { add: ['\\Deleted'] });
  await syncFolderNow(ctx, folder);
}

/**
 * Step one of `save_draft`: APPENDs the revision with \Draft (RFC 3501 §2.3.2) unless a
 * copy with its Message-ID is in Drafts already (an earlier try got that far). Returns the
 * copies of the draft now in Drafts. Nothing when the draft is gone or a newer revision
 * exists: a later op in the queue writes that one.
 */
export async function appendDraftRevision(
  ctx: ApplyContext,
  payload: SaveDraftPayload,
): Promise<{ folder: MailboxRow; current: string; copies: DraftCopy[] } | null> {
  const [row] = await ctx.db
    .select()
    .from(draft)
    .where(and(eq(draft.accountId, ctx.account.id), eq(draft.id, payload.draftId)));
  if (!row || row.revision !== payload.revision) return null;
  const folder = await draftsFolder(ctx);
  const current = draftMessageId(row.id, row.revision, ctx.account.address);
  let copies = await draftCopies(ctx, folder, row.id, row.adopted);
  if (!copies.some((copy) => copy.messageId === current)) {
    const { content } = row;
    const raw = await buildRawMessage({
      from: { name: ctx.account.displayName, address: ctx.account.address },
      to: parseAddresses(content.to),
      cc: parseAddresses(content.cc),
      subject: content.subject,
      text: content.text,
      // with the editor's HTML: multipart/alternative, as the mail will be sent
      ...(content.html ? { html: content.html } : {}),
      messageId: current,
    });
    await appendMessage(ctx.client, folder.path, raw, ['\\Draft', '\\Seen']);
    copies = await draftCopies(ctx, folder, row.id, row.adopted);
  }
  return { folder, current, copies };
}

/**
 * `save_draft`, exactly once in effect: step one (appendDraftRevision) never APPENDs a
 * second copy of a revision, and step two expunges every other copy of the draft — older
 * revisions and the adopted draft made elsewhere — so a crash between the two is repaired
 * by the repeat, which finds the copy and only expunges.
 */
export async function applySaveDraft(ctx: ApplyContext, payload: SaveDraftPayload) {
  const appended = await appendDraftRevision(ctx, payload);
  if (!appended) return;
  const { folder, current, copies } = appended;
  await removeCopies(
    ctx,
    folder,
    copies.filter((copy) => copy.messageId !== current),
  );
}

/** `discard_draft`: every server copy of the draft goes; a repeat finds none left. */
export async function applyDiscardDraft(ctx: ApplyContext, payload: DiscardDraftPayload) {
  const folder = await draftsFolder(ctx);
  await removeCopies(ctx, folder, await draftCopies(ctx, folder, payload.draftId, payload.adopted));
}

/**
 * Recipients as compose typed them ("Name <a@b>, c@d"): a draft may be half written, so
 * what does not look like an address is left out of the copy (the draft row keeps it).
 */
function parseAddresses(text: string): { name: string; address: string }[] {
  const addresses: { name: string; address: string }[] = [];
  for (const part of text.split(/[,;，；]/)) {
    const match = /^\s*(?:"?([^"<]*)"?\s*<)?([^\s<>@]+@[^\s<>@]+)>?\s*$/.exec(part);
    if (match?.[2]) addresses.push({ name: (match[1] ?? '').trim(), address: match[2] });
  }
  return addresses;
}
