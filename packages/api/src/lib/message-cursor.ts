import { AppError } from '../errors';

/**
 * Keyset position in a message list ordered by (received_at, id) descending. The
 * timestamp travels as Postgres printed it, so microseconds survive the round trip and
 * no row is skipped or repeated between pages.
 */
export interface MessageCursor {
  receivedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** timestamptz as Postgres prints it (ISO DateStyle); anything else never came from us */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor. Throws AppError INVALID_INPUT for anything else (a
 * tampered, truncated or hand-made cursor), so it never reaches SQL as a server error.
 */
export function decodeCursor(encoded: string): MessageCursor {
  const decoded = Buffer.from(encoded, 'base64url').toString('utf8');
  const separator = decoded.lastIndexOf('|');
  const receivedAt = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (
    separator <= 0 ||
    !UUID.test(id) ||
    !PG_TIMESTAMP.test(receivedAt) ||
    Number.isNaN(Date.parse(receivedAt))
  ) {
    throw new AppError('INVALID_INPUT', 'The list position is invalid; reload the list.');
  }
  return { receivedAt, id };
}
