/**
 * The egress rule as a pure decision: may the service open a connection to a mail host a
 * user named, and to which address? The I/O layer (guard-endpoint.ts) only executes it.
 */
import { type AddressClass, addressClass } from './address-class';
import { type AllowedMailHost, isAllowedMailHost } from './allowed-hosts';

export type EgressProtocol = 'imap' | 'smtp' | 'pop3';

/**
 * The ports a mail client has reason to reach, by protocol: IMAP 143 (STARTTLS, RFC 9051)
 * and 993 (implicit TLS, RFC 8314); SMTP 25 (RFC 5321), 465 (implicit TLS submission,
 * RFC 8314), 587 (submission, RFC 6409) and 2525 (the common alternative submission port
 * of hosted senders); POP3 110 (RFC 1939) and 995 (RFC 8314). Anything else — 22, 80,
 * 6379, a database — is not a mailbox and is refused unless the operator allowed the host.
 */
export const MAIL_PORTS: Readonly<Record<EgressProtocol, readonly number[]>> = {
  imap: [143, 993],
  smtp: [25, 465, 587, 2525],
  pop3: [110, 995],
};

export interface EgressRequest {
  protocol: EgressProtocol;
  /** as the user or the preset named it */
  host: string;
  port: number;
  allowed: readonly AllowedMailHost[];
  /** what the resolver returned for the host, in its order; null before resolving */
  addresses: readonly string[] | null;
}

export type EgressDecision =
  | { type: 'resolve'; reason: 'allow-listed' | 'mail port' }
  | { type: 'connect'; address: string; reason: 'allow-listed' | 'public address' }
  | { type: 'refuse'; reason: 'port'; port: number }
  | { type: 'refuse'; reason: 'address'; address: string; addressClass: AddressClass }
  | { type: 'refuse'; reason: 'no address' };

/**
 * Pure: first called with `addresses: null` (refuse a non-mail port before any DNS query,
 * or ask for resolution), then with the resolver's answer. An allow-listed host may reach
 * any address; any other host is refused if ANY of its addresses is not public, since a
 * name that also resolves to 127.0.0.1 is a rebinding attempt, not a mail provider.
 * Either way the connection goes to the first address, the one that was checked.
 */
export function decideEgress(request: EgressRequest): EgressDecision {
  const allowListed = isAllowedMailHost(request.allowed, request.host, request.port);
  if (!allowListed && !MAIL_PORTS[request.protocol].includes(request.port)) {
    return { type: 'refuse', reason: 'port', port: request.port };
  }
  if (request.addresses === null) {
    return { type: 'resolve', reason: allowListed ? 'allow-listed' : 'mail port' };
  }
  return decideResolvedAddresses(request.addresses, allowListed);
}

/** The part of a decision taken on the resolver's answer, shared by mail and web egress. */
export type ResolvedAddressDecision = Extract<
  EgressDecision,
  { type: 'connect' } | { reason: 'address' | 'no address' }
>;

/**
 * Pure: where a host whose name resolved to `addresses` may be reached. An allow-listed
 * host connects to its first address; any other host is refused when ANY address is not
 * public (a name that also resolves to 127.0.0.1 is a rebinding attempt), else connects to
 * the first address — the one that was checked.
 */
export function decideResolvedAddresses(
  addresses: readonly string[],
  allowListed: boolean,
): ResolvedAddressDecision {
  const [first] = addresses;
  if (first === undefined) return { type: 'refuse', reason: 'no address' };
  if (allowListed) return { type: 'connect', address: first, reason: 'allow-listed' };
  for (const address of addresses) {
    const kind = addressClass(address);
    if (kind !== 'public')
      return { type: 'refuse', reason: 'address', address, addressClass: kind };
  }
  return { type: 'connect', address: first, reason: 'public address' };
}
