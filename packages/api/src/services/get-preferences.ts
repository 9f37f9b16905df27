import { type Database, eq, userPreferences } from '@youjian/db';

export interface Preferences {
  locale: 'en' | 'zh-CN' | null;
  theme: 'system' | 'light' | 'dark' | null;
  density: 'comfortable' | 'compact' | null;
  /** how the list and the reading pane show mail; null: conversations, the default */
  readingMode: 'conversation' | 'message' | null;
  /** seconds a sent mail waits for Undo (0–30); null: the default (send-timing.ts) */
  undoSendSeconds: number | null;
  /** the mailbox new mail is sent from; null: the first linked (or the one in view) */
  defaultAccountId: string | null;
  /** where the open message shows; null: beside the list ('right') */
  readingPane: 'right' | 'bottom' | null;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;

/** The interface choices of one user; null where they have not chosen (or a value we no longer offer). */
export async function getPreferences({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<Preferences> {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  return {
    locale: pick(row?.locale ?? null, ['en', 'zh-CN'] as const),
    theme: pick(row?.theme ?? null, ['system', 'light', 'dark'] as const),
    density: pick(row?.density ?? null, ['comfortable', 'compact'] as const),
    readingMode: pick(row?.readingMode ?? null, ['conversation', 'message'] as const),
    undoSendSeconds: row?.undoSendSeconds ?? null,
    defaultAccountId: row?.defaultAccountId ?? null,
    readingPane: pick(row?.readingPane ?? null, ['right', 'bottom'] as const),
  };
}
