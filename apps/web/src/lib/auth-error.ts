import type messages from '../../messages/en.json';
import { type Wait, waitOf } from './wait';

/** What Better Auth's client reports of a refused request (its JSON body and status). */
export interface AuthFailure {
  status?: number;
  message?: string;
  code?: string;
  /** RATE_LIMITED: whole seconds until the next attempt is accepted */
  retryAfter?: number;
}

export type AuthErrorKey = keyof (typeof messages)['authErrors'];

/**
 * Which sentence (authErrors.* in the catalogues) goes under an account form (sign-in,
 * sign-up, asking for a reset link, choosing a new password)
 * for a failure: the server sends codes (and for a limit, the wait in seconds); the server's
 * own message is never shown.
 */
export function authErrorMessage(
  error: AuthFailure,
  mode: 'sign-in' | 'sign-up' | 'forgot' | 'reset',
): { key: AuthErrorKey; wait?: Wait } {
  switch (error.code) {
    case 'RATE_LIMITED':
      return { key: 'rateLimited', wait: waitOf(error.retryAfter ?? 60) };
    case 'INVALID_EMAIL_OR_PASSWORD':
      return { key: 'invalidEmailOrPassword' };
    case 'PASSWORD_TOO_SHORT':
      return { key: 'passwordTooShort' };
    case 'PASSWORD_TOO_LONG':
      return { key: 'passwordTooLong' };
    case 'PASSWORD_TOO_COMMON':
      return { key: 'passwordTooCommon' };
    case 'PASSWORD_TOO_PREDICTABLE':
      return { key: 'passwordTooPredictable' };
    case 'EMAIL_NOT_VERIFIED':
      return { key: 'emailNotVerified' };
    case 'INVALID_TOKEN':
      return { key: 'invalidToken' };
  }
  if (error.code?.startsWith('USER_ALREADY_EXISTS')) return { key: 'userExists' };
  if (error.status === 429) return { key: 'rateLimited', wait: waitOf(60) };
  const failed = {
    'sign-in': 'signInFailed',
    'sign-up': 'signUpFailed',
    forgot: 'forgotFailed',
    reset: 'resetFailed',
  } as const;
  return { key: failed[mode] };
}
