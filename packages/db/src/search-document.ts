/**
 * The fielded search document (a `tsvector` literal) and the `tsquery` text of one search
 * term. Both sides live here because they must agree on every lexeme:
 *
 * - every word (lower-cased letters, digits, _) and every CJK bigram of the subject, the
 *   names and addresses, the body and the attachment file names, at consecutive positions,
 *   so quoted phrases and Chinese words (a phrase of bigrams) match with `<->`;
 * - the single characters of CJK runs, so a one-character query matches;
 * - per address three exact lexemes — the whole address, the local part and the domain —
 *   so an address is one index probe instead of a prefix such as `com:*` that expands over
 *   nearly every document (DESIGN.md, service size);
 * - the same lexemes of a field again with a tag (`f:` from, `t:` to, `c:` cc, `s:` subject,
 *   `n:` file name) at the same positions, so `from:` or `subject:` is an index probe too.
 *
 * The literal is cast with `::tsvector` (no parser runs over it, so `@` and `:` stay inside
 * lexemes); a query is cast with `::tsquery` for the same reason. Core Postgres only.
 */
import type { MailAddress } from './schema';
import { scan, searchTokens } from './search';

export type SearchField = 'from' | 'to' | 'cc' | 'subject' | 'filename';

const TAG: Record<SearchField, string> = {
  from: 'f:',
  to: 't:',
  cc: 'c:',
  subject: 's:',
  filename: 'n:',
};

/** What a message's document is made of; body and file names are absent until known. */
export interface SearchDocumentFields {
  subject: string;
  from: MailAddress | null;
  to: readonly MailAddress[];
  cc: readonly MailAddress[];
  body?: string;
  attachmentNames?: readonly string[];
}

// tsvector limits (PostgreSQL manual §8.11.1): positions 1..16383, 256 per lexeme, a lexeme
// under 2 KB
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_CHARS = 200;

const EMAIL = /^[^\s@]+@[^\s@]+$/u;
const DOMAIN = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

const quoteLexeme = (lexeme: string) =>
  lexeme.includes("'") || lexeme.includes('\\')
    ? `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
    : `'${lexeme}'`;

class DocumentBuilder {
  private readonly positions = new Map<string, number[]>();
  private position = 1;

  private add(lexeme: string, position: number, tag: string | null) {
    if (lexeme.length === 0 || lexeme.length > MAX_LEXEME_CHARS) return;
    this.record(lexeme, position);
    if (tag) this.record(tag + lexeme, position);
  }

  private record(key: string, position: number) {
    const list = this.positions.get(key);
    if (!list) this.positions.set(key, [Math.min(position, MAX_POSITION)]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(Math.min(position, MAX_POSITION));
  }

  /**
   * Words and CJK bigrams at consecutive positions, CJK single characters beside them (a
   * bigram's first character at its position, its second at the next): the tokens of
   * searchTokens, walked without building them first, since the body index runs this over
   * every body it reads.
   */
  text(text: string, tag: string | null) {
    scan(
      text,
      (word) => {
        this.add(word, this.position, tag);
        this.position++;
      },
      (run) => {
        const chars = Array.from(run);
        if (chars.length === 1) {
          this.add(run, this.position, tag);
          this.position++;
          return;
        }
        for (let i = 0; i < chars.length - 1; i++) {
          const first = chars[i] ?? '';
          const second = chars[i + 1] ?? '';
          this.add(first + second, this.position, tag);
          this.add(first, this.position, tag);
          this.add(second, this.position + 1, tag);
          this.position++;
        }
      },
    );
    this.position++; // a gap: a phrase never runs from one field into the next
  }

  /** The name's words, the address's exact lexemes and then its words. */
  address(address: MailAddress, tag: string) {
    this.text(address.name, tag);
    const lower = address.address.toLowerCase();
    const at = lower.lastIndexOf('@');
    if (at > 0 && at < lower.length - 1) {
      for (const exact of [lower, lower.slice(0, at), lower.slice(at + 1)]) {
        this.add(exact, this.position, tag);
      }
    }
    this.text(lower, tag);
  }

  toString(): string {
    return Array.from(
      this.positions,
      ([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`,
    ).join(' ');
  }
}

/**
 * The search document of a message as a `tsvector` literal, to be written with
 * `${literal}::tsvector`. Takes the header fields, the body text and the attachment file
 * names when known; returns '' for a message with nothing to index.
 */
export function searchDocumentOf(fields: SearchDocumentFields): string {
  const document = new DocumentBuilder();
  document.text(fields.subject, TAG.subject);
  if (fields.from) document.address(fields.from, TAG.from);
  for (const address of fields.to) document.address(address, TAG.to);
  for (const address of fields.cc) document.address(address, TAG.cc);
  for (const name of fields.attachmentNames ?? []) document.text(name, TAG.filename);
  if (fields.body) document.text(fields.body, null);
  return document.toString();
}

/**
 * The `tsquery` text (cast with `::tsquery`) that matches one search term, or null when the
 * term holds no word. An address matches its exact lexeme (`alice@qq.com`, `@qq.com` or
 * `qq.com` the domain, `alice@` the local part); other text matches as a phrase of its words
 * and CJK bigrams, so 发票, "季度 报告" and Q3报告 each match consecutive tokens. With a
 * field only that field's lexemes match. `prefix` lets the last Latin word match as a prefix.
 */
export function searchTermQuery(
  text: string,
  options: { field?: SearchField | null; prefix?: boolean } = {},
): string | null {
  const tag = options.field ? TAG[options.field] : '';
  const lower = text.toLowerCase().trim();
  const exact = (lexeme: string) => quoteLexeme(tag + lexeme);
  const isAddressField = options.field !== 'subject' && options.field !== 'filename';
  if (isAddressField && EMAIL.test(lower)) {
    const domain = lower.slice(lower.lastIndexOf('@') + 1);
    if (DOMAIN.test(domain)) return exact(lower);
    // a partial address such as alice@fox: its words in a row, the last one as typed so far
    return phraseOf(lower, tag, true);
  }
  if (isAddressField && /^@[^\s@]+$/u.test(lower)) return exact(lower.slice(1));
  if (isAddressField && /^[^\s@]+@$/u.test(lower)) return exact(lower.slice(0, -1));
  const phrase = phraseOf(lower, tag, options.prefix ?? false);
  if (isAddressField && DOMAIN.test(lower) && phrase) return `( ${exact(lower)} | ${phrase} )`;
  return phrase;
}

function phraseOf(text: string, tag: string, prefix: boolean): string | null {
  const tokens = searchTokens(text).map((token) => quoteLexeme(tag + token));
  const last = tokens.length - 1;
  if (last < 0) return null;
  if (prefix && /^[\p{ASCII}]+$/u.test(tokens[last] ?? '')) tokens[last] = `${tokens[last]}:*`;
  return tokens.length === 1 ? (tokens[0] ?? null) : `( ${tokens.join(' <-> ')} )`;
}
