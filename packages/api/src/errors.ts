import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { MailError, type MailErrorCode } from '@youjian/mail';
import { ZodError } from 'zod';

/** What went wrong, in the application's words; the one error type services throw. */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'AUTH_FAILED'
  | 'HOST_NOT_ALLOWED'
  | 'PROVIDER_UNREACHABLE'
  | 'TLS_FAILED'
  | 'TIMEOUT'
  | 'ALREADY_LINKED'
  | 'INVALID_INPUT'
  | 'SEND_REJECTED'
  | 'PROVIDER_ERROR'
  | 'RATE_LIMITED';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    /** shown to the user as is */
    readonly userMessage: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(userMessage, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  /** RATE_LIMITED: whole seconds until the limit lets the next request through */
  readonly retryAfterSeconds: number | undefined;
}

const APP_CODE_OF_MAIL_CODE: Record<MailErrorCode, AppErrorCode> = {
  AUTH_FAILED: 'AUTH_FAILED',
  // both say "this server will not be used", whatever the user types as the code
  AUTH_NOT_OFFERED: 'HOST_NOT_ALLOWED',
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  HOST_UNREACHABLE: 'PROVIDER_UNREACHABLE',
  TLS_FAILED: 'TLS_FAILED',
  TIMEOUT: 'TIMEOUT',
  SENDER_REJECTED: 'SEND_REJECTED',
  RECIPIENT_REJECTED: 'SEND_REJECTED',
  MESSAGE_NOT_FOUND: 'NOT_FOUND',
  MALFORMED_MESSAGE: 'PROVIDER_ERROR',
  // the folder was renumbered on the server and is being read again: try again shortly
  UIDVALIDITY_CHANGED: 'PROVIDER_ERROR',
  PROTOCOL: 'PROVIDER_ERROR',
};

const TRPC_CODE_OF_APP_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  // the provider refused the user's authorization code: a problem with what they typed
  AUTH_FAILED: 'BAD_REQUEST',
  // a server the service refuses to reach: a problem with what the user typed, not a fault
  HOST_NOT_ALLOWED: 'BAD_REQUEST',
  PROVIDER_UNREACHABLE: 'BAD_GATEWAY',
  TLS_FAILED: 'BAD_GATEWAY',
  TIMEOUT: 'GATEWAY_TIMEOUT',
  ALREADY_LINKED: 'CONFLICT',
  INVALID_INPUT: 'BAD_REQUEST',
  SEND_REJECTED: 'UNPROCESSABLE_CONTENT',
  PROVIDER_ERROR: 'BAD_GATEWAY',
  // RFC 6585 §4: the client reads retryAfter from the error's data
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

/** An AppError for anything the services or the mail package threw, or null if unknown. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof MailError) {
    return new AppError(APP_CODE_OF_MAIL_CODE[error.code], error.userMessage, { cause: error });
  }
  return null;
}

/**
 * The one place application and mail errors become tRPC errors: the message is the
 * userMessage; invalid input gives its first problem; unknown failures stay opaque 500s.
 */
export function toTRPCError(error: unknown): TRPCError {
  const source = error instanceof TRPCError && error.cause ? error.cause : error;
  const appError = toAppError(source);
  if (appError) {
    return new TRPCError({
      code: TRPC_CODE_OF_APP_CODE[appError.code],
      message: appError.userMessage,
      cause: appError,
    });
  }
  if (source instanceof ZodError) {
    // invalid input: the first problem in words, not the raw list of zod issues
    const message = source.issues[0]?.message ?? 'The input is invalid.';
    return new TRPCError({ code: 'BAD_REQUEST', message, cause: source });
  }
  return error instanceof TRPCError
    ? error
    : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}
