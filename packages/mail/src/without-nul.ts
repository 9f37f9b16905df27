/**
 * Pure: text without U+0000. Hostile or broken mail can carry NUL in an encoded-word or a
 * body, and Postgres text cannot hold it: left in, one such message would fail the write
 * of its whole batch, every time.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('') : text;
}
