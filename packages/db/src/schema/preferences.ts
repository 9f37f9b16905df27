import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { mailAccount } from './mail';

/**
 * How one person wants the interface: kept per user, so it follows them to every browser.
 * A missing row (or a null column) means "not chosen": the language then comes from the
 * browser and the theme from the system.
 */
export const userPreferences = pgTable('user_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  /** 'en' | 'zh-CN' */
  locale: text('locale'),
  /** 'system' | 'light' | 'dark' */
  theme: text('theme'),
  /** 'comfortable' | 'compact' message list rows */
  density: text('density'),
  /** 'conversation' (messages grouped by thread, the default) | 'message' (one row per message) */
  readingMode: text('reading_mode'),
  /** seconds a sent mail waits for Undo (0–30); null: the default, 10 */
  undoSendSeconds: integer('undo_send_seconds'),
  /** the mailbox new mail is sent from; null: the first linked (or the one in view) */
  defaultAccountId: uuid('default_account_id').references(() => mailAccount.id, {
    onDelete: 'set null',
  }),
  /** 'right' (beside the list, the default) | 'bottom' (below it) */
  readingPane: text('reading_pane'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
