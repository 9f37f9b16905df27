import {
  and,
  type Database,
  type DraftContent,
  draft,
  eq,
  mailbox,
  type SecretBox,
} from '@youjian/db';
import { sanitizeOutgoingHtml } from '@youjian/mail';
import { draftIdOfMessageId, queueDraftSave, wakeWorker } from '@youjian/sync';
import { AppError } from '../errors';
import { requireOwnedAccount, requireOwnedMessage } from '../lib/owned-rows';
import { getMessage } from './get-message';
import { discardOwnedDraft } from './send-timing';

/**
 * Autosave: the draft is saved in the mirror at once and its server copy queued (each save
 * replaces the previous one, apply-draft-op.ts). A draft moved to another sending mailbox
 * (From changed) is discarded from the old one and saved anew in this one. Returns the
 * draft's id and revision; null when `draftId` names a draft that is gone (sent or
 * discarded meanwhile), so a late autosave never brings it back.
 */
export async function saveDraft(options: {
  db: Database;
  userId: string;
  accountId: string;
  draftId?: string;
  content: DraftContent;
}) {
  const { db, userId, accountId } = options;
  // stored and APPENDed as a sent mail's HTML would be: only the editor's tags survive
  const content =
    options.content.html === undefined
      ? options.content
      : { ...options.content, html: sanitizeOutgoingHtml(options.content.html) };
  await requireOwnedAccount(db, { userId, accountId });
  const saved = await db.transaction(async (tx) => {
    let draftId = options.draftId;
    if (draftId) {
      const [here] = await tx
        .select({ id: draft.id })
        .from(draft)
        .where(and(eq(draft.accountId, accountId), eq(draft.id, draftId)));
      if (!here) {
        if (!(await discardOwnedDraft(tx, userId, draftId))) return null;
        draftId = undefined;
      }
    }
    return queueDraftSave(tx, { accountId, draftId, content });
  });
  if (saved) await wakeWorker(db.$client, accountId);
  return saved;
}

/** Discard draft: gone from the mirror at once, from the server through the queue. */
export async function discardDraft(options: { db: Database; userId: string; draftId: string }) {
  const { db, userId, draftId } = options;
  const accountId = await db.transaction((tx) => discardOwnedDraft(tx, userId, draftId));
  if (!accountId) throw new AppError('NOT_FOUND', 'This draft no longer exists.');
  await wakeWorker(db.$client, accountId);
  return { draftId };
}

/**
 * A message of a Drafts folder opened into compose: a Youjian draft (its Message-ID names
 * it) comes back as last saved; a draft written elsewhere is adopted — a local draft with
 * its fields, whose first save replaces that server copy. Returns the draft's id and
 * compose's fields.
 */
export async function openDraft(options: {
  db: Database;
  secretBox: SecretBox;
  userId: string;
  accountId: string;
  messageId: string;
}) {
  const { db, userId, accountId, messageId } = options;
  const header = await requireOwnedMessage(db, { userId, accountId, messageId });
  const [folder] = await db
    .select({ role: mailbox.role })
    .from(mailbox)
    .where(and(eq(mailbox.accountId, accountId), eq(mailbox.id, header.mailboxId)));
  if (folder?.role !== 'drafts')
    throw new AppError('INVALID_INPUT', 'This message is not a draft.');
  const ownId = draftIdOfMessageId(header.messageId);
  const adoptedHere = {
    mailboxId: header.mailboxId,
    uid: header.uid,
    messageIdHeader: header.messageId,
  };
  const [existing] = await db
    .select()
    .from(draft)
    .where(
      and(
        eq(draft.accountId, accountId),
        ownId ? eq(draft.id, ownId) : eq(draft.adopted, adoptedHere),
      ),
    );
  if (existing) return { draftId: existing.id, accountId, content: existing.content };
  const message = await getMessage({
    db,
    secretBox: options.secretBox,
    userId,
    accountId,
    messageId,
  });
  const list = (addresses: { name: string; address: string }[]) =>
    addresses.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
  const content: DraftContent = {
    to: list(header.to),
    cc: list(header.cc),
    subject: header.subject,
    text: message.body.text ?? '',
  };
  const [adopted] = await db
    .insert(draft)
    .values({ accountId, content, adopted: adoptedHere })
    .returning({ id: draft.id });
  if (!adopted) throw new Error('draft not adopted');
  return { draftId: adopted.id, accountId, content };
}
