import { type ProviderProfile, UNSAFE_LOGIN_TEXT } from './profiles';

export type CommandRoute =
  /** send to Dovecot, possibly rewritten (`line` without CRLF) */
  | { kind: 'forward'; tag: string; line?: string; identifies?: boolean; xlist?: boolean }
  /** answer the client directly (`reply` without CRLF); Dovecot never sees the command */
  | { kind: 'answer'; tag: string; reply: string };

export interface SessionState {
  /** the client has sent ID (RFC 2971) in this session */
  identified: boolean;
}

/**
 * Decides what happens to a client command, given its first line (text without CRLF).
 * RFC 3501 §2.2.1: `tag SP command [SP arguments]`; `UID` prefixes FETCH/STORE/COPY/MOVE/….
 */
export function routeCommand(
  line: string,
  profile: ProviderProfile,
  session: SessionState,
): CommandRoute {
  const match = /^(\S+) ([A-Za-z]+)(?: ([A-Za-z]+))?/.exec(line);
  if (!match) return { kind: 'forward', tag: '' };
  const tag = match[1] ?? '';
  const verb = (match[2] ?? '').toUpperCase();
  const name = verb === 'UID' && match[3] ? `UID ${match[3].toUpperCase()}` : verb;

  if (profile.unsupportedCommands.has(name)) {
    return { kind: 'answer', tag, reply: `${tag} BAD Unsupported command` };
  }
  if (name === 'ID') return { kind: 'forward', tag, identifies: true };
  if ((name === 'SELECT' || name === 'EXAMINE') && profile.requireIdBeforeSelect) {
    if (!session.identified)
      return { kind: 'answer', tag, reply: `${tag} NO ${UNSAFE_LOGIN_TEXT}` };
  }
  if (name === 'XLIST' && profile.xlist) {
    // Same arguments as LIST (reference name, mailbox pattern); responses become XLIST.
    return { kind: 'forward', tag, line: `${tag} LIST${line.slice(tag.length + 6)}`, xlist: true };
  }
  return { kind: 'forward', tag };
}
