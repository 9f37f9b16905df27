/**
 * What the mirror last saw of INBOX, compared with what SELECT/EXAMINE reports when the
 * runner starts watching it again. Mail that arrives between a pass's STATUS and the
 * moment IDLE or NOOP polling begins is announced by no later event: the server told
 * the session in the SELECT response itself (RFC 3501 §7.3.1 EXISTS, §7.1 UIDNEXT) or in
 * an untagged EXISTS while nobody was listening.
 */
export interface InboxSnapshot {
  /** messages in the folder (STATUS MESSAGES / EXISTS); null where never observed */
  messages: number | null;
  /** next UID to be assigned; null where the server does not report it (NetEase) */
  uidNext: number | null;
}

/**
 * True when the folder selected for watching differs from the mirror's last observation,
 * so the runner should sync at once instead of waiting for a change that already
 * happened. Unknown values on either side never count as a difference.
 */
export function changedSinceLastPass(known: InboxSnapshot, selected: InboxSnapshot): boolean {
  if (known.messages !== null && selected.messages !== null && known.messages !== selected.messages)
    return true;
  return known.uidNext !== null && selected.uidNext !== null && known.uidNext !== selected.uidNext;
}
