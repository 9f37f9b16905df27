/**
 * The fixed mix of 200 searches: two-character Chinese words, English words, addresses,
 * operators and combinations, built from words that occur in the searched mail (picked by
 * frequency from its bodies, so common, middling and rare words all appear). Pure.
 */
export interface QueryMix {
  /** all 200 searches, in the order they run */
  all: string[];
  /** the plain body words among them, also asked of Dovecot as IMAP SEARCH TEXT */
  bodyWords: string[];
}

/** Words ranked by how many messages hold them, spread over the ranks: common to rare. */
export function spread(ranked: readonly string[], count: number): string[] {
  if (ranked.length <= count) return [...ranked];
  return Array.from(
    { length: count },
    (_, i) => ranked[Math.floor((i * (ranked.length - 1)) / (count - 1))] ?? '',
  );
}

export function queryMix(input: {
  chineseWords: readonly string[];
  englishWords: readonly string[];
  senders: readonly string[];
  subjectWords: readonly string[];
}): QueryMix {
  const zh = spread(input.chineseWords, 12);
  const en = spread(input.englishWords, 8);
  const senders = spread(input.senders, 10);
  const at = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
  const all: string[] = [];
  for (let i = 0; i < 60; i++) all.push(at(zh, i));
  for (let i = 0; i < 40; i++) all.push(at(en, i));
  for (let i = 0; i < 25; i++) {
    const sender = at(senders, i);
    const domain = sender.slice(sender.indexOf('@') + 1);
    all.push(
      [`from:${sender}`, sender, `from:@${domain}`, `to:${sender}`, domain][i % 5] ?? sender,
    );
  }
  for (let i = 0; i < 25; i++) {
    const word = at(zh, i + 3);
    all.push(
      [
        `is:unread ${word}`,
        `has:attachment ${at(en, i)}`,
        `subject:${at(input.subjectWords, i)}`,
        `is:starred`,
        `in:inbox ${word}`,
      ][i % 5] ?? word,
    );
  }
  for (let i = 0; i < 25; i++) {
    all.push(
      [
        `${at(zh, i)} ${at(zh, i + 5)}`,
        `"${at(en, i)} ${at(en, i + 1)}"`,
        `${at(zh, i + 1)} -${at(zh, i + 2)}`,
        `after:2023-01-01 ${at(en, i + 2)}`,
        `from:${at(senders, i)} ${at(zh, i + 4)}`,
      ][i % 5] ?? '',
    );
  }
  for (let i = 0; i < 25; i++) {
    all.push(
      [
        `q${(i % 4) + 1}`,
        `${at(zh, i)}*`,
        `${2019 + (i % 6)}`,
        `${at(en, i)}*`,
        `in:inbox ${at(en, i + 3)}`,
      ][i % 5] ?? '',
    );
  }
  return { all, bodyWords: [...zh, ...en] };
}
