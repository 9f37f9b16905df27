import { highlightParts } from '../../lib/highlight';

/** Text with the search's words marked (<mark>, which screen readers may announce). */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts = highlightParts(text, terms);
  if (parts.length === 1 && !parts[0]?.match) return text;
  return parts.map((part, index) =>
    // parts of one string never reorder: the index is a stable key
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  );
}
