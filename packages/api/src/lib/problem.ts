import type { ErrorParams } from '@youjian/db';

/**
 * A background problem (a sync, a send, a change written back) as the web receives it:
 * the web puts `code` and `params` in the user's words (apps/web lib/app-error.ts) and
 * shows `detail` beside them.
 */
export interface Problem {
  /** sync error-record.ts StoredErrorCode; null for rows written before codes */
  code: string | null;
  /** what the sentence names (folder, count, cause, protocol); never the server's reply */
  params: Omit<ErrorParams, 'serverReply'>;
  /**
   * coded rows: the provider's own reply, verbatim ("Server said: …"), or null; rows
   * written before codes: their English text, the only account of them there is; an
   * UNKNOWN problem (a bug, the database): null, its text is for operators only
   */
  detail: string | null;
}

/**
 * Pure: the Problem of a row's last_error columns, or null when there is none.
 */
export function problemOf(row: {
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorParams: ErrorParams | null;
}): Problem | null {
  if (row.lastErrorCode) {
    const { serverReply, ...params } = row.lastErrorParams ?? {};
    const detail = row.lastErrorCode === 'UNKNOWN' ? null : (serverReply ?? null);
    return { code: row.lastErrorCode, params, detail };
  }
  if (row.lastError) return { code: null, params: {}, detail: row.lastError };
  return null;
}
