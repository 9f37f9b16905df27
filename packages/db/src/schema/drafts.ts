import { index, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { mailAccount } from './mail';

/** What compose holds: the fields a draft keeps between two openings. */
export interface DraftContent {
  to: string;
  cc: string;
  subject: string;
  text: string;
  /**
   * the rich editor's HTML (sanitized as an outgoing mail's), so a reopened draft keeps
   * its formatting; absent in drafts saved before it was kept and in adopted ones
   */
  html?: string;
  /** the message this draft answers or forwards (messages.send's inResponseTo) */
  inResponseTo?: {
    accountId: string;
    messageId: string;
    kind: 'reply' | 'replyAll' | 'forward' | 'forwardAsAttachment';
  };
}

/**
 * A draft made elsewhere (another client, the provider's web mail) that this draft
 * replaces: its first save removes that server copy.
 */
export interface AdoptedDraft {
  mailboxId: string;
  uid: number;
  messageIdHeader: string | null;
}

/**
 * The local copy of a draft, saved at once by autosave; its server copy in the account's
 * Drafts folder follows through the write-back queue (a `save_draft` op per revision,
 * apply-draft-op.ts). Each server copy carries the Message-ID
 * `<draft.{id}.{revision}@{domain}>`, so the op recognises its own copies after a crash.
 */
export const draft = pgTable(
  'draft',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => mailAccount.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** bumped by every save; only the newest revision is ever APPENDed */
    revision: integer('revision').notNull().default(1),
    content: jsonb('content').$type<DraftContent>().notNull(),
    adopted: jsonb('adopted').$type<AdoptedDraft | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('draft_account_updated_idx').on(t.accountId, t.updatedAt.desc()),
  ],
);
