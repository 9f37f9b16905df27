import type messages from '../../messages/en.json';
import { type Wait, waitOf } from './wait';

export type AppErrorKey = keyof (typeof messages)['errors'];

/** packages/api AppErrorCode → its sentence in the catalogues (errors.*). */
const KEY_OF_APP_CODE: Record<string, AppErrorKey> = {
  NOT_FOUND: 'notFound',
  UNAUTHENTICATED: 'unauthenticated',
  AUTH_FAILED: 'authFailed',
  HOST_NOT_ALLOWED: 'hostNotAllowed',
  PROVIDER_UNREACHABLE: 'providerUnreachable',
  TLS_FAILED: 'tlsFailed',
  TIMEOUT: 'timeout',
  ALREADY_LINKED: 'alreadyLinked',
  INVALID_INPUT: 'invalidInput',
  SEND_REJECTED: 'sendRejected',
  PROVIDER_ERROR: 'providerError',
  RATE_LIMITED: 'rateLimited',
};

/** The data every tRPC error carries (packages/api trpc.ts errorFormatter). */
interface ErrorData {
  appCode?: string | null;
  retryAfter?: number | null;
  code?: string;
}

/**
 * Which sentence to show for an error from a tRPC call: the server sends an application
 * code (and for a limit, the wait), the words come from the user's catalogue. Anything
 * without a known code reads as a generic failure, never as the server's text.
 */
export function appErrorMessage(error: unknown): {
  key: AppErrorKey;
  wait?: Wait;
  /** INVALID_INPUT: the server's sentence naming the field (not yet a code of its own) */
  detail?: string;
} {
  const data =
    typeof error === 'object' && error !== null && 'data' in error
      ? (error.data as ErrorData | undefined)
      : undefined;
  const code = data?.appCode ?? (data?.code === 'UNAUTHORIZED' ? 'UNAUTHENTICATED' : undefined);
  const key = (code && KEY_OF_APP_CODE[code]) || 'unknown';
  if (key === 'rateLimited') return { key, wait: waitOf(data?.retryAfter ?? 60) };
  const message = error instanceof Error ? error.message : undefined;
  if (key === 'invalidInput' && message) return { key, detail: message };
  return { key };
}

/**
 * A background problem as packages/api lib/problem.ts sends it (a failed sync, send or
 * change written back): a code, what its sentence names, and the provider's reply.
 */
export interface Problem {
  code: string | null;
  params: { cause?: string; count?: number; folder?: string; role?: string; protocol?: string };
  detail: string | null;
}

/** packages/sync StoredErrorCode → its sentence in the catalogues (errors.*). */
const KEY_OF_STORED_CODE: Record<string, AppErrorKey> = {
  AUTH_FAILED: 'authFailed',
  AUTH_NOT_OFFERED: 'authNotOffered',
  HOST_NOT_ALLOWED: 'hostNotAllowed',
  HOST_UNREACHABLE: 'providerUnreachable',
  TLS_FAILED: 'tlsFailed',
  TIMEOUT: 'timeout',
  SENDER_REJECTED: 'senderRejected',
  RECIPIENT_REJECTED: 'recipientRejected',
  MESSAGE_NOT_FOUND: 'notFound',
  MALFORMED_MESSAGE: 'malformedMessage',
  UIDVALIDITY_CHANGED: 'folderRenumbered',
  PROTOCOL: 'providerError',
  FOLDER_GONE: 'folderGone',
  SPECIAL_FOLDER_MISSING: 'specialFolderMissing',
  CHANGE_REFUSED: 'changeRefused',
  CHANGES_DROPPED: 'changesDropped',
  UNKNOWN: 'unknown',
};

/** One sentence of a problem: its key in errors.* and the values it names. */
export interface ProblemSentence {
  key: AppErrorKey;
  values?: Record<string, string | number>;
}

/** The sentence of one stored code; an unknown code (a newer server) reads as `unknown`. */
function sentenceOf(
  code: string,
  params: Problem['params'],
  roleName: (role: string) => string,
): ProblemSentence {
  const key = KEY_OF_STORED_CODE[code] ?? 'unknown';
  if (key === 'folderGone' && !params.folder) return { key: 'folderGoneUnnamed' };
  if (key === 'folderGone') return { key, values: { folder: params.folder ?? '' } };
  if (key === 'specialFolderMissing') return { key, values: { role: roleName(params.role ?? '') } };
  if (key === 'changesDropped') {
    return { key, values: { count: params.count ?? 1, folder: params.folder ?? '' } };
  }
  return { key };
}

/**
 * Pure: the sentences (errors.* keys and values) that say what a background problem was.
 * A refused change says so and then why (its cause); the provider's reply follows as
 * "Server said: …"; a row without a code (written before codes) reads as the generic
 * sentence with its old text as "Details: …". `roleName` names a folder role (sent, …).
 */
export function problemMessage(
  problem: Problem,
  roleName: (role: string) => string,
): ProblemSentence[] {
  if (!problem.code) {
    const generic: ProblemSentence = { key: 'unknown' };
    return problem.detail
      ? [generic, { key: 'details', values: { detail: problem.detail } }]
      : [generic];
  }
  const sentences = [sentenceOf(problem.code, problem.params, roleName)];
  const cause = problem.params.cause;
  // an UNKNOWN cause adds nothing a user can act on to "could not be applied"
  if (problem.code === 'CHANGE_REFUSED' && cause && cause !== 'UNKNOWN') {
    sentences.push(sentenceOf(cause, problem.params, roleName));
  }
  if (problem.detail) sentences.push({ key: 'serverSaid', values: { reply: problem.detail } });
  return sentences;
}

/**
 * Pure: a problem in words through the catalogue's translator `t` (errors namespace):
 * Chinese sentences end in their own full stop and are joined without a space.
 */
export function problemText(
  problem: Problem,
  t: (key: AppErrorKey, values?: Record<string, string | number>) => string,
  roleName: (role: string) => string,
  locale: string,
): string {
  const joiner = locale.startsWith('zh') ? '' : ' ';
  return problemMessage(problem, roleName)
    .map(({ key, values }) => t(key, values))
    .join(joiner);
}
