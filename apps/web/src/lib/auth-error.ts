/** What Better Auth's client reports of a refused request (its JSON body and status). */
export interface AuthFailure {
  status?: number;
  message?: string;
  code?: string;
  /** RATE_LIMITED: whole seconds until the next attempt is accepted */
  retryAfter?: number;
}

/** A wait in seconds as words a person reads: "30 seconds", "15 minutes", "1 hour". */
export function describeWait(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/**
 * The sentence shown under the sign-in or sign-up form for a failure: the server sends
 * codes (and for a limit, the wait in seconds), the words are chosen here.
 */
export function describeAuthError(error: AuthFailure, mode: 'sign-in' | 'sign-up'): string {
  switch (error.code) {
    case 'RATE_LIMITED':
      return `Too many attempts. Try again in ${describeWait(error.retryAfter ?? 60)}.`;
    case 'INVALID_EMAIL_OR_PASSWORD':
      return 'Wrong email or password.';
    case 'PASSWORD_TOO_SHORT':
      return 'The password needs at least 12 characters. A few words make a good one.';
    case 'PASSWORD_TOO_LONG':
      return 'The password can have at most 128 characters.';
    case 'PASSWORD_TOO_COMMON':
      return 'This password is among the most common ones, which are guessed first. Choose another.';
    case 'PASSWORD_TOO_PREDICTABLE':
      return 'This password is too easy to guess (a repeated character, the address or the service name). Choose another.';
  }
  if (error.code?.startsWith('USER_ALREADY_EXISTS')) {
    return 'An account with this email already exists. Sign in instead.';
  }
  if (error.status === 429) return `Too many attempts. Try again in ${describeWait(60)}.`;
  return mode === 'sign-in' ? 'Signing in failed. Try again.' : 'Signing up failed. Try again.';
}
