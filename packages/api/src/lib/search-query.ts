/**
 * The search box's language, parsed into a typed structure by one pure function. Gmail's
 * operators, as people already type them: `from:` `to:` `cc:` `subject:` `filename:`
 * `has:attachment` `is:unread` `is:read` `is:starred` `in:<folder>` `account:<address>`
 * `before:` `after:` (calendar dates, read in the user's time zone by the service),
 * "quoted phrases", `-` to exclude, and a trailing `*` for a prefix. A full-width colon
 * (：) and Chinese quotes (“”) work as their ASCII twins, since Chinese input methods type
 * them. Free text is kept as typed; splitting it into words and CJK bigrams is the search
 * document's job (@youjian/db searchTermQuery).
 */
import type { SearchField } from '@youjian/db';
import { AppError } from '../errors';

/** One piece of text to find: free text (field null) or one field's text. */
export interface TextCondition {
  field: SearchField | null;
  text: string;
  /** true for "quoted" text */
  phrase: boolean;
  /** `word*`: the last word matches as a prefix */
  prefix: boolean;
  exclude: boolean;
}

/** A calendar date as typed, e.g. { year: 2024, month: 3, day: 31 } (month 1..12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface SearchQuery {
  text: TextCondition[];
  /** has:attachment → true, -has:attachment → false, absent → null */
  hasAttachment: boolean | null;
  /** is:unread → true, is:read → false */
  unread: boolean | null;
  /** is:starred → true, -is:starred → false */
  starred: boolean | null;
  /** in: folder names or roles as typed (inbox, sent, 已发送…); any of them */
  folders: string[];
  /** account: addresses (or a local part or domain) of linked mailboxes; any of them */
  accounts: string[];
  /** mail received before the start of this day */
  before: CalendarDate | null;
  /** mail received on or after the start of this day */
  after: CalendarDate | null;
}

const TEXT_FIELDS: Record<string, SearchField> = {
  from: 'from',
  to: 'to',
  cc: 'cc',
  subject: 'subject',
  filename: 'filename',
};
const OPERATORS = new Set([
  ...Object.keys(TEXT_FIELDS),
  'has',
  'is',
  'in',
  'account',
  'before',
  'after',
]);

const invalid = (message: string) => new AppError('INVALID_INPUT', message);

interface Token {
  exclude: boolean;
  operator: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the input into tokens: [-][operator:](word | "phrase"). */
function tokenize(input: string): Token[] {
  const text = input.replace(/：/g, ':').replace(/[“”]/g, '"');
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/u.test(text[i] ?? '')) {
      i++;
      continue;
    }
    let exclude = false;
    if (text[i] === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1] ?? '')) {
      exclude = true;
      i++;
    }
    let operator: string | null = null;
    const head = /^([a-z]+):/i.exec(text.slice(i));
    if (head?.[1] && OPERATORS.has(head[1].toLowerCase())) {
      operator = head[1].toLowerCase();
      i += head[0].length;
    }
    let value: string;
    let quoted = false;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw invalid('A quoted phrase is missing its closing quote (").');
      value = text.slice(i + 1, end);
      quoted = true;
      i = end + 1;
    } else {
      const start = i;
      while (i < text.length && !/\s/u.test(text[i] ?? '')) i++;
      value = text.slice(start, i);
    }
    if (operator && value.trim() === '') {
      throw invalid(
        `${operator}: needs a value right after the colon, e.g. ${EXAMPLES[operator]}.`,
      );
    }
    tokens.push({ exclude, operator, value: value.trim(), quoted });
  }
  return tokens;
}

const EXAMPLES: Record<string, string> = {
  from: 'from:alice@qq.com',
  to: 'to:bob@163.com',
  cc: 'cc:张伟',
  subject: 'subject:发票',
  filename: 'filename:pdf',
  has: 'has:attachment',
  is: 'is:unread',
  in: 'in:sent',
  account: 'account:alice@qq.com',
  before: 'before:2024-03-31',
  after: 'after:2024-03-01',
};

/** A date as 2024-03-31, 2024/3/31 or 2024.03.31; throws INVALID_INPUT otherwise. */
export function parseCalendarDate(value: string, operator: string): CalendarDate {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw invalid(`${operator}: takes a date such as ${EXAMPLES[operator]}.`);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalid(`${operator}:${value} is not a date on the calendar.`);
  }
  return { year, month, day };
}

/**
 * Parses what the user typed in the search box. Takes the raw text (at most a few hundred
 * characters); returns the conditions, every one of which a result must meet. Throws
 * AppError INVALID_INPUT with a sentence for the user when the text cannot mean a search:
 * an unclosed quote, an operator without a value, an unknown is:/has: value, a date that
 * is not one, is:read with is:unread, or no word at all.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const query: SearchQuery = {
    text: [],
    hasAttachment: null,
    unread: null,
    starred: null,
    folders: [],
    accounts: [],
    before: null,
    after: null,
  };
  const setOnce = (key: 'unread' | 'starred', value: boolean) => {
    if (query[key] !== null && query[key] !== value) {
      throw invalid('is:read and is:unread (or is:starred and -is:starred) exclude each other.');
    }
    query[key] = value;
  };
  for (const { exclude, operator, value, quoted } of tokenize(input)) {
    const lower = value.toLowerCase();
    const textField = operator ? TEXT_FIELDS[operator] : undefined;
    if (operator === null || textField) {
      const prefix = !quoted && value.endsWith('*');
      const text = prefix ? value.replace(/\*+$/, '') : value;
      if (/[\p{L}\p{N}]/u.test(text)) {
        query.text.push({ field: textField ?? null, text, phrase: quoted, prefix, exclude });
      } else if (textField) {
        throw invalid(`${operator}: needs a word or an address, e.g. ${EXAMPLES[operator ?? '']}.`);
      }
    } else if (operator === 'has') {
      if (lower !== 'attachment') throw invalid('has: takes attachment, as in has:attachment.');
      query.hasAttachment = !exclude;
    } else if (operator === 'is') {
      if (lower === 'unread' || lower === 'read')
        setOnce('unread', (lower === 'unread') !== exclude);
      else if (lower === 'starred') setOnce('starred', !exclude);
      else throw invalid(`is: takes unread, read or starred; "${value}" is none of them.`);
    } else if (exclude) {
      throw invalid(`-${operator}: cannot exclude; search for ${operator}: without the minus.`);
    } else if (operator === 'in') {
      query.folders.push(value);
    } else if (operator === 'account') {
      query.accounts.push(lower);
    } else if (operator === 'before' || operator === 'after') {
      query[operator] = parseCalendarDate(value, operator);
    }
  }
  const looksFor =
    query.text.length > 0 ||
    query.hasAttachment !== null ||
    query.unread !== null ||
    query.starred !== null ||
    query.folders.length + query.accounts.length > 0 ||
    query.before !== null ||
    query.after !== null;
  if (!looksFor) {
    throw invalid('Type a word, an address or an operator such as from: to search.');
  }
  return query;
}
