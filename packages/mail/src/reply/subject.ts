/**
 * Subjects of replies and forwards. Clients write their own prefixes — Outlook `RE:` and
 * `FW:`, QQ and 163 `回复:` / `答复:` / `转发:`, German `AW:` — so any run of them is taken
 * as the existing prefix and replaced by exactly one of ours: replying to `回复: Re: 会议`
 * gives `Re: 会议`, never `Re: 回复: Re: 会议`.
 */

/** one prefix, with an optional counter (`Re[2]:`) and an ASCII or full-width colon */
const RESPONSE_PREFIX =
  /^\s*(?:(?:re|fw|fwd|aw|sv|vs|wg)(?:\s*\[\d+\])?|回复|答复|转发|回覆|答覆|轉發)\s*[:：]\s*/i;

/** The subject without any leading reply or forward prefixes. */
export function stripResponsePrefixes(subject: string): string {
  let current = subject;
  for (;;) {
    const next = current.replace(RESPONSE_PREFIX, '');
    if (next === current) return current.trim();
    current = next;
  }
}

/** The subject of a reply: `Re: ` and the original subject without its prefixes. */
export function replySubject(original: string): string {
  return `Re: ${stripResponsePrefixes(original)}`.trimEnd();
}

/** The subject of a forward: `Fwd: ` and the original subject without its prefixes. */
export function forwardSubject(original: string): string {
  return `Fwd: ${stripResponsePrefixes(original)}`.trimEnd();
}
