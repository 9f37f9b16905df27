/**
 * A file size as people read it: 512 B, 14 KB, 5.2 MB, 1.1 GB (binary multiples, as mail
 * providers quote their limits), with the number in the user's locale.
 */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // whole bytes and kilobytes; one decimal from a megabyte on, where it still matters
  const digits = unit >= 2 && value < 100 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
