/**
 * One error type for the protocol layer. toMailError is a pure classifier of the error
 * shapes imapflow, nodemailer and node:net/node:tls really produce (see their sources:
 * imapflow commands/login.js sets authenticationFailed + serverResponseCode; nodemailer
 * smtp-connection _formatError sets code EAUTH/EENVELOPE/ESOCKET/ETIMEDOUT/ETLS/EDNS,
 * keeps the socket's own code in originalCode, and responseCode/command from the reply).
 */
import type { Endpoint, MailErrorCode } from './types';

export type MailProtocol = 'imap' | 'smtp';

export class MailError extends Error {
  readonly code: MailErrorCode;
  readonly protocol: MailProtocol;
  /** English, precise, safe to show: names the protocol and host, never the secret */
  readonly userMessage: string;
  /**
   * userMessage without anything the remote server said (its reply text, its banner): what
   * is shown where the server is not yet trusted, as when a mailbox is being linked.
   */
  readonly productMessage: string;
  /** UIDVALIDITY_CHANGED: the folder's UIDVALIDITY on the server now */
  readonly uidValidity?: number;
  /**
   * The server's own reply to the refused command, verbatim (whitespace folded, at most
   * 300 characters), for "Server said: …" in any language; absent when it said nothing.
   */
  readonly serverReply?: string;

  constructor(options: {
    code: MailErrorCode;
    protocol: MailProtocol;
    userMessage: string;
    /** when userMessage quotes the server; defaults to userMessage */
    productMessage?: string;
    cause?: unknown;
    uidValidity?: number;
    serverReply?: string;
  }) {
    super(options.userMessage, { cause: options.cause });
    this.name = 'MailError';
    this.code = options.code;
    this.protocol = options.protocol;
    this.userMessage = options.userMessage;
    this.productMessage = options.productMessage ?? options.userMessage;
    if (options.uidValidity !== undefined) this.uidValidity = options.uidValidity;
    if (options.serverReply) this.serverReply = options.serverReply;
  }
}

interface ErrorShape {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  response?: unknown;
  responseStatus?: string;
  responseText?: string;
  serverResponseCode?: string;
  authenticationFailed?: boolean;
  message?: string;
  address?: string;
  hostname?: string;
  host?: string;
  port?: number;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'EDNS',
]);

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ETIMEOUT',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'SOCKET_TIMEOUT',
]);

/** Certificate verification failures (node:tls / OpenSSL X509 codes). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** node:tls says this when the peer hangs up before the handshake completes. */
const HANDSHAKE_RESET = /before secure TLS connection was established/i;

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/** Every code the error carries: its own, nodemailer's originalCode, and its cause's. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const shape = current as ErrorShape;
    if (typeof shape.code === 'string') codes.push(shape.code);
    if (typeof shape.originalCode === 'string') codes.push(shape.originalCode);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function describeServer(protocol: MailProtocol, error: ErrorShape, endpoint?: Endpoint): string {
  const host = endpoint?.host ?? error.host ?? error.hostname ?? error.address;
  const port = endpoint?.port ?? error.port;
  const name = `${protocol.toUpperCase()} server`;
  if (!host) return name;
  return port ? `${name} ${host}:${port}` : `${name} ${host}`;
}

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);

/** What the server itself answered (IMAP responseText, SMTP reply line), if anything. */
function serverReplyOf(error: ErrorShape): string | undefined {
  const reply =
    error.responseText ?? (typeof error.response === 'string' ? error.response : undefined);
  return reply ? folded(reply) || undefined : undefined;
}

/** The server's own words, without the tag or status, for PROTOCOL messages. */
function serverText(error: ErrorShape): string | null {
  const text = serverReplyOf(error) ?? error.message;
  return text ? folded(text) : null;
}

/**
 * RFC 5530 codes that say the server, not the credentials, is at fault. imapflow marks
 * every NO to LOGIN as authenticationFailed, so these must be checked first.
 */
const SERVER_FAULT_CODES = new Set(['UNAVAILABLE', 'SERVERBUG', 'INUSE', 'LIMIT', 'OVERQUOTA']);

/**
 * nodemailer sends AUTH even when EHLO did not advertise it (forceAuth, smtp.ts); a server
 * without SMTP AUTH answers 502 (not implemented) or 503 (Postfix: "authentication not
 * enabled"), RFC 4954 §4 and RFC 5321 §4.2.4.
 */
function isAuthNotOffered(error: ErrorShape): boolean {
  return (
    typeof error.command === 'string' &&
    error.command.startsWith('AUTH') &&
    (error.responseCode === 502 || error.responseCode === 503)
  );
}

function isAuthFailure(error: ErrorShape, codes: string[]): boolean {
  if (error.serverResponseCode && SERVER_FAULT_CODES.has(error.serverResponseCode)) return false;
  if (error.authenticationFailed === true) return true;
  if (error.serverResponseCode === 'AUTHENTICATIONFAILED') return true;
  if (error.serverResponseCode === 'AUTHORIZATIONFAILED') return true;
  // RFC 4954 §6: 535 authentication credentials invalid, 534 mechanism too weak.
  if (error.responseCode === 535 || error.responseCode === 534) return true;
  return codes.includes('EAUTH');
}

function tlsReason(error: ErrorShape, codes: string[]): string | null {
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return 'its certificate does not match the host name';
  }
  if (codes.some((code) => CERTIFICATE_CODES.has(code))) {
    return 'its certificate is not trusted (self-signed, expired or incomplete chain)';
  }
  if (
    codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') ||
    codes.includes('ERR_SSL_PACKET_LENGTH_TOO_LONG')
  ) {
    return 'the port does not speak TLS; check the security setting (SSL/TLS vs STARTTLS) and the port';
  }
  if (codes.some((code) => code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) {
    return 'the TLS handshake failed';
  }
  if (codes.includes('ECONNRESET') && HANDSHAKE_RESET.test(error.message ?? '')) {
    return 'the connection was closed during the TLS handshake; check the security setting and the port';
  }
  if (codes.includes('ETLS')) return 'the TLS upgrade failed';
  return null;
}

/**
 * NetEase answers MAIL FROM with "553 Mail from must equal authorized user"; Postfix's
 * reject_sender_login_mismatch answers at RCPT TO with "Sender address rejected".
 */
const SENDER_REJECTION_TEXT = /sender address rejected|mail from must equal|not owned by user/i;

function isSenderRejection(error: ErrorShape): boolean {
  if (error.command === 'MAIL FROM') return true;
  return typeof error.response === 'string' && SENDER_REJECTION_TEXT.test(error.response);
}

function unreachableReason(codes: string[]): string {
  if (codes.includes('ECONNREFUSED')) return 'connection refused';
  if (codes.some((code) => code.startsWith('EAI_') || code === 'ENOTFOUND' || code === 'EDNS')) {
    return 'host name not found';
  }
  return 'no route to host';
}

/**
 * Pure: maps any thrown value to a MailError. `endpoint` lets the message name the host
 * even when the library's error does not carry it (imapflow's do not).
 */
export function toMailError(
  error: unknown,
  protocol: MailProtocol,
  endpoint?: Endpoint,
): MailError {
  if (error instanceof MailError) return error;
  const shape = shapeOf(error);
  const codes = codesOf(error);
  const server = describeServer(protocol, shape, endpoint);
  const serverReply = serverReplyOf(shape);
  const make = (code: MailErrorCode, userMessage: string, productMessage?: string) =>
    new MailError({ code, protocol, userMessage, productMessage, cause: error, serverReply });

  if (protocol === 'smtp' && isAuthNotOffered(shape)) {
    return make(
      'AUTH_NOT_OFFERED',
      `The ${server} does not ask for a login (no SMTP AUTH). Youjian only sends through a server that checks your password.`,
    );
  }
  if (isAuthFailure(shape, codes)) {
    return make(
      'AUTH_FAILED',
      `The authorization code was rejected by the ${server}. Check the 授权码 and that IMAP/SMTP is enabled in your mailbox settings.`,
    );
  }
  const tls = tlsReason(shape, codes);
  if (tls) return make('TLS_FAILED', `A secure connection to the ${server} failed: ${tls}.`);
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) {
    return make(
      'HOST_UNREACHABLE',
      `${server} could not be reached (${unreachableReason(codes)}).`,
    );
  }
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return make('TIMEOUT', `${server} did not answer in time.`);
  }
  const text = serverText(shape) ?? 'no details';
  if (protocol === 'smtp' && isSenderRejection(shape)) {
    const advice = "The provider only sends mail from the mailbox's own address.";
    return make(
      'SENDER_REJECTED',
      `The ${server} refused the sender address (${text}). ${advice}`,
      `The ${server} refused the sender address. ${advice}`,
    );
  }
  if (protocol === 'smtp' && shape.command === 'RCPT TO') {
    return make(
      'RECIPIENT_REJECTED',
      `The ${server} rejected a recipient (${text}).`,
      `The ${server} rejected a recipient.`,
    );
  }
  if (shape.responseStatus === 'NO' || shape.responseStatus === 'BAD') {
    return make(
      'PROTOCOL',
      `The ${server} refused the command: ${text}`,
      `The ${server} refused the command.`,
    );
  }
  if (codes.includes('ECONNRESET') || codes.includes('ECONNECTION') || codes.includes('EPIPE')) {
    return make('PROTOCOL', `The ${server} closed the connection unexpectedly.`);
  }
  if (codes.some((code) => code.startsWith('ClosedAfterConnect') || code === 'NoConnection')) {
    return make('PROTOCOL', `The ${server} closed the connection unexpectedly.`);
  }
  return make(
    'PROTOCOL',
    `The ${server} failed: ${text}`,
    `The ${server} did not answer as a ${protocol.toUpperCase()} server should.`,
  );
}

/**
 * Pure: the same error in the product's own words only (its productMessage becomes the
 * userMessage), for answers to a user about a server they named themselves — the link
 * check — so that the form cannot be used to read other services' banners.
 */
export function inProductWords(error: MailError): MailError {
  return new MailError({
    code: error.code,
    protocol: error.protocol,
    userMessage: error.productMessage,
    cause: error,
  });
}

/** Where an open imapflow session is connected, so errors after login name the server too. */
export function imapEndpointOf(client: {
  host: string;
  /** the name the session was opened for; its `host` is the checked address (egress guard) */
  servername?: string | false;
  port: number;
  secureConnection: boolean;
}): Endpoint {
  return {
    host: client.servername || client.host,
    port: client.port,
    security: client.secureConnection ? 'tls' : 'starttls',
  };
}

/** A deadline of our own (a total timeout around several steps), classified as TIMEOUT. */
export function timeoutError(
  protocol: MailProtocol,
  endpoint: Endpoint,
  seconds: number,
): MailError {
  return new MailError({
    code: 'TIMEOUT',
    protocol,
    userMessage: `${protocol.toUpperCase()} server ${endpoint.host}:${endpoint.port} did not answer within ${seconds} s.`,
  });
}
