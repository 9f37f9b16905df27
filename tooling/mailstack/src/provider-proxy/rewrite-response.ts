import type { ProviderProfile } from './profiles';

/**
 * Pure rewrites of single server response lines (text without CRLF, decoded as latin1 so
 * that bytes round-trip). Each returns the line unchanged when it does not apply.
 */

/** RFC 3501 §7.2.1: a space-separated capability list, filtered for the profile. */
export function rewriteCapabilityList(capabilities: string, profile: ProviderProfile): string {
  const kept = capabilities
    .split(' ')
    .filter((cap) => cap !== '' && isKeptCapability(cap.toUpperCase(), profile));
  // Listed before and after login alike; clients only use XLIST once logged in.
  for (const cap of profile.addedCapabilities) {
    if (!kept.some((existing) => existing.toUpperCase() === cap)) kept.push(cap);
  }
  return kept.join(' ');
}

function isKeptCapability(cap: string, profile: ProviderProfile): boolean {
  return profile.keptCapabilities.has(cap) || cap.startsWith('AUTH=');
}

const CAPABILITY_CODE = /^(\S+ (?:OK|PREAUTH) \[CAPABILITY )([^\]]*)(\].*)$/i;
const CAPABILITY_DATA = /^(\* CAPABILITY )(.*)$/i;

/** Greeting `* OK [CAPABILITY …]`, `* CAPABILITY …` and `tag OK [CAPABILITY …] Logged in`. */
export function rewriteCapabilityLine(line: string, profile: ProviderProfile): string {
  const code = CAPABILITY_CODE.exec(line);
  if (code) return `${code[1]}${rewriteCapabilityList(code[2] ?? '', profile)}${code[3]}`;
  const data = CAPABILITY_DATA.exec(line);
  if (data) return `${data[1]}${rewriteCapabilityList(data[2] ?? '', profile)}`;
  return line;
}

/** SELECT/EXAMINE's `* OK [UIDNEXT n] Predicted next UID` — NetEase never sends it. */
export function isUidNextLine(line: string): boolean {
  return /^\* OK \[UIDNEXT \d+\]/i.test(line);
}

/** Removes `UIDNEXT n` from a STATUS attribute list (RFC 3501 §7.2.4). */
export function stripStatusUidNext(line: string): string {
  // Only the attribute list (the last parenthesis) — a mailbox name may say anything.
  const open = line.lastIndexOf('(');
  if (open === -1) return line;
  const attributes = line
    .slice(open)
    .replace(/(\(|\s)UIDNEXT \d+ ?/i, (_match, before: string) => before)
    .replace(' )', ')');
  return line.slice(0, open) + attributes;
}

/** RFC 6154 §2 attributes, which QQ does not show in LIST. */
const SPECIAL_USE_ATTRIBUTES = new Set([
  '\\ALL',
  '\\ARCHIVE',
  '\\DRAFTS',
  '\\FLAGGED',
  '\\JUNK',
  '\\SENT',
  '\\TRASH',
  '\\IMPORTANT',
]);

/** XLIST names for the RFC 6154 roles (XLIST predates it: \Spam, \AllMail, \Starred). */
const XLIST_ATTRIBUTE: Record<string, string> = {
  '\\JUNK': '\\Spam',
  '\\ALL': '\\AllMail',
  '\\FLAGGED': '\\Starred',
};

const LIST_LINE = /^\* LIST \(([^)]*)\)(.*)$/i;

/** QQ's LIST: the same line without special-use attributes. */
export function stripSpecialUseFromList(line: string): string {
  const match = LIST_LINE.exec(line);
  if (!match) return line;
  const attributes = (match[1] ?? '')
    .split(' ')
    .filter((attr) => attr !== '' && !SPECIAL_USE_ATTRIBUTES.has(attr.toUpperCase()));
  return `* LIST (${attributes.join(' ')})${match[2]}`;
}

/** A LIST line answering an XLIST command: `* XLIST` with \Inbox and XLIST role names. */
export function listToXlist(line: string): string {
  const match = LIST_LINE.exec(line);
  if (!match) return line;
  const rest = match[2] ?? '';
  const attributes = (match[1] ?? '')
    .split(' ')
    .filter((attr) => attr !== '')
    .map((attr) => XLIST_ATTRIBUTE[attr.toUpperCase()] ?? attr);
  if (/^ (?:"[^"]*"|NIL) "?INBOX"?$/i.test(rest)) attributes.push('\\Inbox');
  return `* XLIST (${attributes.join(' ')})${rest}`;
}

export interface ServerLineContext {
  profile: ProviderProfile;
  /** an XLIST command of this session is waiting for its tagged completion */
  xlistPending: boolean;
}

/**
 * The first line of an untagged or tagged server response. Returns the replacement text,
 * `null` to drop the response, or the same string when nothing applies.
 */
export function rewriteServerLine(line: string, context: ServerLineContext): string | null {
  const { profile } = context;
  if (/^\S+ (?:OK|PREAUTH) \[CAPABILITY /i.test(line) || /^\* CAPABILITY /i.test(line)) {
    return rewriteCapabilityLine(line, profile);
  }
  if (profile.omitUidNext) {
    if (isUidNextLine(line)) return null;
    if (/^\* STATUS /i.test(line)) return stripStatusUidNext(line);
  }
  if (/^\* LIST /i.test(line)) {
    if (context.xlistPending) return listToXlist(line);
    if (profile.hideSpecialUseInList) return stripSpecialUseFromList(line);
  }
  return line;
}
