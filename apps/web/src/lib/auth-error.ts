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
 * Which sentence (authErrors.* in the catalogues) goes under the sign-in or sign-up form
 * for a failure: the server sends codes (and for a limit, the wait in seconds); the server's
 * own message is never shown.
 */
export function authErrorMessage(
  error: AuthFailure,
  mode: 'sign-in' | 'sign-up',
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
  }
  if (error.code?.startsWith('USER_ALREADY_EXISTS')) return { key: 'userExists' };
  if (error.status === 429) return { key: 'rateLimited', wait: waitOf(60) };
  return { key: mode === 'sign-in' ? 'signInFailed' : 'signUpFailed' };
}
