import type { ErrorParams } from '@youjian/db';
import { MailError, type MailErrorCode, withoutNul } from '@youjian/mail';
import { PermanentOpError } from './apply-context';

/**
 * The codes a background problem is stored under (mail_account.last_error_code,
 * outgoing_mail.last_error_code); apps/web lib/app-error.ts puts each in words.
 * - the mail layer's own codes (packages/mail types.ts MailErrorCode);
 * - FOLDER_GONE, SPECIAL_FOLDER_MISSING: a queued change found its folder missing;
 * - CHANGE_REFUSED: a change made here was refused and undone (params.cause says why);
 * - CHANGES_DROPPED: queued changes lost their message when the folder was renumbered;
 * - UNKNOWN: anything else (a bug, the database): its text is never shown.
 */
export type StoredErrorCode =
  | MailErrorCode
  | 'FOLDER_GONE'
  | 'SPECIAL_FOLDER_MISSING'
  | 'CHANGE_REFUSED'
  | 'CHANGES_DROPPED'
  | 'UNKNOWN';

/** The three columns a problem is written to. */
export interface ErrorRecord {
  /** English, for operators and for rows written before codes (web: old rows) */
  lastError: string;
  lastErrorCode: StoredErrorCode;
  lastErrorParams: ErrorParams;
}

/** Every column set back to "no problem" (a send that went, a new code that works). */
export const NO_ERROR_RECORD = {
  lastError: null,
  lastErrorCode: null,
  lastErrorParams: null,
} as const;

/** The English text of any thrown value: MailError's userMessage, else its message. */
export function englishTextOf(error: unknown): string {
  if (error instanceof MailError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Pure: the stored form of a thrown value. A MailError keeps its code, its protocol and
 * the server's own reply; a PermanentOpError its reason; anything else is UNKNOWN.
 * NUL characters are taken out (Postgres text cannot hold them).
 */
export function errorRecordOf(error: unknown): ErrorRecord {
  const lastError = withoutNul(englishTextOf(error));
  if (error instanceof MailError) {
    const params: ErrorParams = { protocol: error.protocol };
    if (error.serverReply) params.serverReply = withoutNul(error.serverReply);
    return { lastError, lastErrorCode: error.code, lastErrorParams: params };
  }
  if (error instanceof PermanentOpError) {
    return { lastError, lastErrorCode: error.code, lastErrorParams: { ...error.params } };
  }
  return { lastError, lastErrorCode: 'UNKNOWN', lastErrorParams: {} };
}

/**
 * Pure: a change made here that the server refused (it has been undone in the mirror):
 * CHANGE_REFUSED with the refusal's own code as `cause` and its parameters.
 */
export function refusedChangeRecord(error: unknown): ErrorRecord {
  const why = errorRecordOf(error);
  return {
    lastError: `A change could not be applied: ${why.lastError}`,
    lastErrorCode: 'CHANGE_REFUSED',
    lastErrorParams: { ...why.lastErrorParams, cause: why.lastErrorCode },
  };
}

/**
 * Pure: `count` queued changes in the folder `folder` (its name) were dropped because the
 * server renumbered the folder (RFC 3501 §2.3.1.1) and their messages are gone.
 */
export function droppedChangesRecord(count: number, folder: string): ErrorRecord {
  return {
    lastError:
      `${count} queued change${count === 1 ? '' : 's'} in "${folder}" could not be applied: ` +
      'the server renumbered the folder and the message is no longer there.',
    lastErrorCode: 'CHANGES_DROPPED',
    lastErrorParams: { count, folder },
  };
}
