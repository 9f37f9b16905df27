/**
 * A start-up problem a person can fix, told in one line: what is wrong and what to do.
 * `npm start` prints the message alone, without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The message of anything thrown, in one line; never `undefined`. */
export function oneLine(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : `an unexpected ${error === undefined ? 'failure without a message' : String(error)}`;
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'an unexpected failure without a message';
}
