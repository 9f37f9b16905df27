/**
 * The one door to a user-named mail host: every IMAP and SMTP connection asks here first
 * and then connects to the address this returns, so the name is resolved exactly once and
 * a DNS answer that changes between check and connect (DNS rebinding) changes nothing.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { allowedMailHosts } from '../env';
import { MailError, type MailProtocol } from '../errors';
import type { Endpoint } from '../types';
import { normalizeHost } from './allowed-hosts';
import { decideEgress, type EgressDecision, MAIL_PORTS } from './egress-decision';

export interface GuardedEndpoint {
  /** the checked IP address to open the socket to */
  address: string;
  /**
   * The name TLS presents (SNI, RFC 6066 §3) and verifies the certificate against
   * (RFC 6125); undefined when the user gave an IP literal, which is verified as such.
   */
  servername: string | undefined;
}

function refusal(protocol: MailProtocol, endpoint: Endpoint, decision: EgressDecision): MailError {
  const name = protocol.toUpperCase();
  const server = `${name} server ${endpoint.host}:${endpoint.port}`;
  // One sentence for every refused address class: saying which one it was would tell the
  // user what an internal name resolves to.
  const why =
    decision.type === 'refuse' && decision.reason === 'port'
      ? `Youjian connects to ${name} only on ports ${MAIL_PORTS[protocol].join(', ')}`
      : 'Youjian connects only to mail servers on the public internet';
  return new MailError({
    code: 'HOST_NOT_ALLOWED',
    protocol,
    userMessage: `The ${server} is not allowed: ${why}.`,
    cause: decision,
  });
}

/** node:dns found no address: the shape toMailError already reads as "host name not found". */
function notFound(host: string): Error {
  return Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND', hostname: host });
}

/**
 * Checks an endpoint against the egress rule (egress-decision.ts) and the operator's
 * YOUJIAN_ALLOWED_MAIL_HOSTS, read at call time. Resolves the host once with the system
 * resolver (node:dns lookup, all addresses, in getaddrinfo's order — RFC 6724).
 * Returns the address to connect to and the TLS server name.
 * Throws MailError HOST_NOT_ALLOWED for a refused port or address; a failed lookup throws
 * node:dns's own error (ENOTFOUND, EAI_AGAIN), which toMailError reads as HOST_UNREACHABLE.
 */
export async function guardEndpoint(
  protocol: MailProtocol,
  endpoint: Endpoint,
): Promise<GuardedEndpoint> {
  const host = normalizeHost(endpoint.host);
  const request = { protocol, host, port: endpoint.port, allowed: allowedMailHosts() };
  const screened = decideEgress({ ...request, addresses: null });
  if (screened.type === 'refuse') throw refusal(protocol, endpoint, screened);

  const resolved = await lookup(host, { all: true, verbatim: true });
  const decision = decideEgress({ ...request, addresses: resolved.map((entry) => entry.address) });
  if (decision.type === 'refuse' && decision.reason === 'no address') throw notFound(host);
  if (decision.type !== 'connect') throw refusal(protocol, endpoint, decision);
  return { address: decision.address, servername: net.isIP(host) ? undefined : host };
}
