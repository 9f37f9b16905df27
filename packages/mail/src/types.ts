/**
 * The mail package's contract: what sync, api and the worker may rely on.
 * Provider differences live in presets and capability checks here, never in callers.
 */
import type { Readable } from 'node:stream';
import type { FolderRole, MailAddress, TransportSecurity } from '@youjian/db/schema';
import type { TextPart } from './text-part';

export type { FolderRole, MailAddress, TransportSecurity };

export interface Endpoint {
  host: string;
  port: number;
  security: TransportSecurity;
}

export type ProviderId = 'qq' | '163' | '126' | 'yeah' | 'custom';

export interface ProviderPreset {
  id: ProviderId;
  /** shown in the "Add mailbox" form */
  label: string;
  /** address domains that belong to the preset, e.g. qq.com, foxmail.com */
  domains: string[];
  /**
   * ms between two looks at INBOX where the server has no IDLE (RFC 2177); absent: the
   * worker's default, about once a minute. YOUJIAN_POLL_INTERVAL_MS overrides it.
   */
  pollIntervalMs?: number;
  /** undefined for `custom`: the user types host/port/security */
  imap?: Endpoint;
  smtp?: Endpoint;
  /** where the user gets the 授权码 (authorization code); shown in the form */
  authCodeHelp: string;
  /** whether the provider files mail submitted over SMTP into Sent itself */
  sentCopy: SentCopyPolicy;
  /**
   * the largest message, in bytes, the provider's SMTP server takes (its SIZE, RFC 1870) —
   * attachments are base64 inside it; absent: a conservative default (attachment-limit.ts)
   */
  maxMessageBytes?: number;
}

/**
 * Does the provider file a copy of SMTP-submitted mail in Sent?
 * - `files-copy`: always; Youjian never APPENDs (it only waits for the copy to appear)
 * - `never`: Youjian APPENDs the copy right after sending
 * - `unknown`: it depends on a user setting or is undocumented (QQ's
 *   "SMTP发信后保存到服务器", off by default; NetEase): Youjian looks for the provider's copy
 *   for a bounded time and APPENDs only when none appeared
 */
export type SentCopyPolicy = 'files-copy' | 'never' | 'unknown';

/** Everything needed to talk to one mailbox; the secret is already opened. */
export interface MailCredentials {
  address: string;
  username: string;
  /** the authorization code (授权码) or password */
  secret: string;
  imap: Endpoint;
  smtp: Endpoint;
}

export type MailErrorCode =
  | 'AUTH_FAILED' // wrong authorization code, or IMAP/SMTP not enabled at the provider
  | 'AUTH_NOT_OFFERED' // an SMTP server that sends without a login: never used (open relay)
  | 'HOST_NOT_ALLOWED' // the egress guard refused the host, its address or its port
  | 'HOST_UNREACHABLE' // DNS failure, connection refused, no route
  | 'TLS_FAILED' // handshake failed, certificate rejected, TLS spoken to a plain port
  | 'TIMEOUT'
  | 'SENDER_REJECTED' // e.g. NetEase 553 Mail from must equal authorized user
  | 'RECIPIENT_REJECTED'
  | 'MESSAGE_NOT_FOUND'
  | 'MALFORMED_MESSAGE'
  | 'UIDVALIDITY_CHANGED' // the folder's UIDs were renumbered: cached UIDs name other mail
  | 'PROTOCOL'; // anything else the server said

/**
 * A folder as the mirror knows it, for UID-addressed commands: the UIDs sent were valid
 * under `uidValidity` (RFC 3501 §2.3.1.1). null: not known yet (never synced), unchecked.
 */
export interface MailboxRef {
  path: string;
  uidValidity: number | null;
}

export interface RemoteFolder {
  path: string;
  delimiter: string | null;
  /** last path segment, decoded (modified UTF-7 already undone by imapflow) */
  name: string;
  role: FolderRole | null;
  /** \Noselect folders hold no messages and are not mirrored */
  selectable: boolean;
}

/** What STATUS / SELECT told us about a folder; absent items are null (NetEase omits UIDNEXT). */
export interface FolderStatus {
  uidValidity: number;
  uidNext: number | null;
  highestModSeq: bigint | null;
  messages: number;
  unseen: number | null;
}

/** The header-level view of a message that the mirror stores. */
export interface MessageSummary {
  uid: number;
  flags: string[];
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  sentAt: Date | null;
  receivedAt: Date;
  size: number;
  hasAttachments: boolean;
  /**
   * file names of the attachments the paperclip counts (body-structure.ts attachmentNames),
   * for `filename:` search before the message is opened; absent where not read
   */
  attachmentNames?: string[];
  /** the part the message is read from (text-part.ts), null for a message without text */
  textPart: TextPart | null;
  /** list preview from the first bytes of the text part; absent where not fetched */
  snippet?: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array;
  /** Content-ID without angle brackets, for cid: images in the HTML (RFC 2392) */
  contentId?: string | null;
  /** 'inline' for parts shown inside the HTML, 'attachment' otherwise */
  disposition?: 'inline' | 'attachment';
}

export interface ParsedMessage {
  messageId: string | null;
  /** RFC 5322 §3.6.2: where replies should go; absent or empty when the header is */
  replyTo?: MailAddress[];
  inReplyTo?: string | null;
  references?: string[];
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  sentAt: Date | null;
  html: string | null;
  text: string | null;
  attachments: ParsedAttachment[];
  /**
   * the MIME parser refused the message (or it ends inside its header) and what is shown
   * was recovered from the raw bytes: the pane says so and offers the source
   */
  malformed?: boolean;
}

export interface SanitizedHtml {
  html: string;
  /** the message referenced remote images, which were blocked */
  hasRemoteImages: boolean;
}

export interface OutgoingMessage {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** the text/plain part; with `html`, its faithful alternative (RFC 2046 §5.1.4) */
  text: string;
  /** the text/html part, already sanitized; absent: a plain-text mail */
  html?: string;
  /** chosen by the caller so a retried send is recognisable (RFC 5322 §3.6.4) */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** files carried along: a forward's attachments, or the forwarded message itself */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  /** the bytes, or a stream of them read while the message is built (the compose store) */
  content: Uint8Array | Readable;
  /** an image the HTML shows as cid:<contentId> (RFC 2392): inline, in multipart/related */
  contentId?: string;
}
