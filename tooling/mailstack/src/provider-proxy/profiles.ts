/**
 * What the emulated providers differ in from a standards-complete server (Dovecot). The proxy
 * only rewrites these; Dovecot does all the real mail work behind it.
 */
export interface ProviderProfile {
  name: 'qq' | 'netease';
  /**
   * Dovecot capabilities the provider also has (plus every AUTH=…); the rest is hidden, so
   * a client cannot come to depend on an extension the real server lacks.
   */
  keptCapabilities: ReadonlySet<string>;
  /** capabilities the provider has and Dovecot lacks (answered by the proxy) */
  addedCapabilities: readonly string[];
  /** commands the provider does not implement: answered BAD without reaching Dovecot */
  unsupportedCommands: ReadonlySet<string>;
  /** answer the pre-RFC 6154 XLIST command (Gmail/QQ style) from Dovecot's LIST */
  xlist: boolean;
  /** drop RFC 6154 attributes from LIST, so roles are only known through XLIST */
  hideSpecialUseInList: boolean;
  /** no UIDNEXT in SELECT/EXAMINE (RFC 3501 §7.1) nor in STATUS (§6.3.10) */
  omitUidNext: boolean;
  /** NetEase refuses SELECT/EXAMINE until the client identified itself (RFC 2971 ID) */
  requireIdBeforeSelect: boolean;
}

// Neither provider has STARTTLS on 993, CONDSTORE/QRESYNC (RFC 7162), THREAD (RFC 5256),
// ESEARCH, SORT, LIST-STATUS, NOTIFY, BINARY, …: the kept lists follow what imap.qq.com
// and imap.163.com answer to CAPABILITY, restricted to what Dovecot implements.
export const QQ_PROFILE: ProviderProfile = {
  name: 'qq',
  keptCapabilities: new Set([
    'IMAP4REV1',
    'ID',
    'IDLE',
    'MOVE',
    'NAMESPACE',
    'CHILDREN',
    'UIDPLUS',
  ]),
  addedCapabilities: ['XLIST'],
  unsupportedCommands: new Set(),
  xlist: true,
  hideSpecialUseInList: true,
  omitUidNext: false,
  requireIdBeforeSelect: false,
};

export const NETEASE_PROFILE: ProviderProfile = {
  name: 'netease',
  keptCapabilities: new Set([
    'IMAP4REV1',
    'ID',
    'LITERAL+',
    'SASL-IR',
    'NAMESPACE',
    'UIDPLUS',
    'SPECIAL-USE',
  ]),
  addedCapabilities: [],
  unsupportedCommands: new Set(['IDLE', 'MOVE', 'UID MOVE']),
  xlist: false,
  hideSpecialUseInList: false,
  omitUidNext: true,
  requireIdBeforeSelect: true,
};

/** Exact text of NetEase's refusal (see DESIGN.md, "The two providers"). */
export const UNSAFE_LOGIN_TEXT = 'SELECT Unsafe Login. Please contact kefu@188.com for help';
