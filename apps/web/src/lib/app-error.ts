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
