/**
 * Which words of a search to mark in the list and the reading pane, and where they occur.
 * Only what the search looks for in text is marked: free words, quoted phrases and the
 * values of from: to: cc: subject: filename:, never excluded words or is:/in:/before: and
 * the like.
 */

const TEXT_OPERATORS = new Set(['from', 'to', 'cc', 'subject', 'filename']);

/** The pieces of the search box's text worth marking, longest first. */
export function highlightTerms(query: string): string[] {
  const terms: string[] = [];
  // a token: optional -, optional operator:, then a quoted phrase or a run without spaces
  for (const match of query.matchAll(/(-?)(?:([a-z]+)[:：])?(?:["“]([^"”]*)["”]?|(\S+))/giu)) {
    const [, minus, operator, phrase, word] = match;
    if (minus) continue;
    if (operator && !TEXT_OPERATORS.has(operator.toLowerCase())) continue;
    const text = (phrase ?? word ?? '').replace(/\*$/u, '').trim();
    if (text) terms.push(text);
  }
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export interface TextPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text cut where the terms occur (case-insensitive), so a view can mark those parts. */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'iu');
  // split keeps the captured matches at the odd places
  return text
    .split(pattern)
    .map((part, index) => ({ text: part, match: index % 2 === 1 }))
    .filter((part) => part.text !== '');
}
