/**
 * UID sets as IMAP writes them (RFC 3501 §9, sequence-set). Lists of UIDs are sent as
 * ranges: a first sync or a full diff may name tens of thousands of UIDs, and Dovecot
 * refuses a command argument that long ("Too long argument").
 */

/** Pure: `[1,2,3,7,9,10]` → `"1:3,7,9:10"`, in ascending order, duplicates dropped. */
export function compactUidSet(uids: Iterable<number>): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? `${start}` : `${start}:${end}`);
    i += 1;
  }
  return parts.join(',');
}

/** Pure: writes every a:b of a UID set low-to-high. RFC 3501 §9 allows either order, but
 * QQ Mail rejects high-to-low ranges. */
export function normalizeUidRange(range: string): string {
  return range
    .split(',')
    .map((part) => {
      const [low, high, ...rest] = part.split(':');
      if (rest.length > 0 || high === undefined || low === '*' || high === '*') return part;
      return Number(low) > Number(high) ? `${high}:${low}` : part;
    })
    .join(',');
}
