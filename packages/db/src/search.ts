/**
 * The search document: Postgres' `simple` parser keeps a run of Chinese characters as
 * one token, so a two-character word inside it can never match. Each run of CJK
 * characters is therefore stored as its single characters and its overlapping bigrams,
 * and a query is matched as a phrase of bigrams (see toSearchQuery). Everything else is
 * lower-cased words. Only core Postgres features are used (tsvector + GIN).
 */

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const CJK_RUN = new RegExp(`[${CJK}]+`, 'gv');
/** One pass over the text: a CJK run (group 1), or a word — letters, digits, _ but no CJK. */
const TOKEN = new RegExp(String.raw`([${CJK}]+)|[[\p{L}\p{N}_]--[${CJK}]]+`, 'gv');
const WORD = /[\p{L}\p{N}_]+/gu;

function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/**
 * Walks the tokens of a text in order, lower-cased: each word to `onWord`, each run of CJK
 * characters whole to `onCjkRun` (searchTokens makes its bigrams).
 */
export function scan(
  text: string,
  onWord: (word: string) => void,
  onCjkRun: (run: string) => void,
) {
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    if (match[1]) onCjkRun(match[1]);
    else onWord(match[0]);
  }
}

/** Tokens of a text, in order: words and CJK bigrams (single CJK chars on their own). */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  scan(
    text,
    (word) => tokens.push(word),
    (run) => tokens.push(...cjkBigrams(run)),
  );
  return tokens;
}

function wordsOf(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => m[0]);
}

/**
 * Document text for `to_tsvector('simple', …)`: tokens, then the single characters of
 * every CJK run (so a one-character query matches). Runs on every message the mirror
 * writes and every body it indexes, hence one regular-expression pass.
 */
export function toSearchDocument(text: string): string {
  const tokens: string[] = [];
  const singles: string[] = [];
  scan(
    text,
    (word) => tokens.push(word),
    (run) => {
      const chars = Array.from(run);
      singles.push(...chars);
      if (chars.length === 1) tokens.push(run);
      else for (let i = 0; i < chars.length - 1; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
    },
  );
  return tokens.concat(singles).join(' ');
}

const escapeLexeme = (token: string) => `'${token.replace(/'/g, "''")}'`;

/**
 * A `to_tsquery('simple', …)` expression: every word of the query must match; a CJK run
 * must match as consecutive bigrams (`<->`), a lone CJK character as itself; the last
 * Latin word matches as a prefix so results follow typing.
 */
export function toSearchQuery(query: string): string | null {
  const parts: string[] = [];
  const lower = query.toLowerCase();
  let last = 0;
  const pushWords = (text: string) => {
    for (const word of wordsOf(text)) parts.push(escapeLexeme(word));
  };
  for (const match of lower.matchAll(CJK_RUN)) {
    pushWords(lower.slice(last, match.index));
    parts.push(cjkBigrams(match[0]).map(escapeLexeme).join(' <-> '));
    last = match.index + match[0].length;
  }
  pushWords(lower.slice(last));
  if (parts.length === 0) return null;
  const lastPart = parts[parts.length - 1];
  if (lastPart && /^[\p{ASCII}]+$/u.test(lastPart) && !lastPart.includes('<->')) {
    parts[parts.length - 1] = `${lastPart}:*`;
  }
  return parts.join(' & ');
}
