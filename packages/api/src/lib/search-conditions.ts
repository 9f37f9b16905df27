/**
 * A parsed search as SQL conditions on `message m`: the text as one `tsquery` against the
 * fielded search document (served by the GIN index on (account_id, search_document)), the
 * flags and dates as plain column tests.
 */
import { type SQL, searchTermQuery, sql } from '@youjian/db';
import { AppError } from '../errors';
import type { CalendarDate, SearchQuery } from './search-query';

/**
 * The `tsquery` text of every text condition ANDed, excluded ones negated; null when the
 * search has no text. Each condition's words match as a phrase; see searchTermQuery.
 */
export function searchTsQuery(query: SearchQuery): string | null {
  const parts: string[] = [];
  for (const condition of query.text) {
    const term = searchTermQuery(condition.text, {
      field: condition.field,
      prefix: condition.prefix,
    });
    if (term) parts.push(condition.exclude ? `!${term}` : term);
  }
  return parts.length > 0 ? parts.join(' & ') : null;
}

/**
 * Whether the search has text a GIN lookup can start from: a word, phrase or address that
 * must be present (not only excluded ones). Without it the GIN index cannot narrow anything.
 */
export function hasIndexedText(query: SearchQuery): boolean {
  return query.text.some(
    (c) => !c.exclude && searchTermQuery(c.text, { field: c.field, prefix: c.prefix }) !== null,
  );
}

/**
 * Zone names already proven valid. Building an Intl.DateTimeFormat to test one costs about
 * a quarter of a millisecond of CPU (ICU), and every list and search call checks its zone,
 * while a process meets a handful of zones. Names are case-insensitive, so spellings are
 * unbounded: the set starts over once it holds MAX_KNOWN_TIME_ZONES.
 */
const knownTimeZones = new Set<string>();
const MAX_KNOWN_TIME_ZONES = 1_000;

/** Throws INVALID_INPUT unless the name is an IANA time zone (Asia/Shanghai). */
export function checkTimeZone(timeZone: string): string {
  if (knownTimeZones.has(timeZone)) return timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('INVALID_INPUT', `"${timeZone}" is not a time zone the search knows.`);
  }
  if (knownTimeZones.size >= MAX_KNOWN_TIME_ZONES) knownTimeZones.clear();
  knownTimeZones.add(timeZone);
  return timeZone;
}

const startOfDay = (date: CalendarDate, timeZone: string) =>
  sql`make_timestamptz(${date.year}::int, ${date.month}::int, ${date.day}::int, 0, 0, 0, ${timeZone}::text)`;

/**
 * The search's text as one condition on `m.search_document` when the GIN index can start
 * from it (hasIndexedText), else null — then searchConditions keeps the text itself.
 */
export function searchTextCondition(query: SearchQuery): SQL | null {
  const tsQuery = hasIndexedText(query) ? searchTsQuery(query) : null;
  return tsQuery ? sql`m.search_document @@ ${tsQuery}::tsquery` : null;
}

/**
 * The conditions of a search on `message m`. Takes the parsed query and the user's time
 * zone (before:/after: are days there); returns SQL fragments to AND. `withoutText` leaves
 * out the text condition (the caller holds it as searchTextCondition).
 */
export function searchConditions(
  query: SearchQuery,
  timeZone: string,
  { withoutText = false }: { withoutText?: boolean } = {},
): SQL[] {
  const conditions: SQL[] = [];
  const tsQuery = withoutText ? null : searchTsQuery(query);
  if (tsQuery) conditions.push(sql`m.search_document @@ ${tsQuery}::tsquery`);
  if (query.hasAttachment !== null) {
    conditions.push(query.hasAttachment ? sql`m.has_attachments` : sql`not m.has_attachments`);
  }
  if (query.unread !== null) conditions.push(query.unread ? sql`not m.seen` : sql`m.seen`);
  if (query.starred !== null) conditions.push(query.starred ? sql`m.flagged` : sql`not m.flagged`);
  if (query.after) conditions.push(sql`m.received_at >= ${startOfDay(query.after, timeZone)}`);
  if (query.before) conditions.push(sql`m.received_at < ${startOfDay(query.before, timeZone)}`);
  return conditions;
}
