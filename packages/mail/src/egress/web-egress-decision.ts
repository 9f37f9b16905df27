/**
 * The egress rule for web fetches the service makes on a user's behalf (remote images of
 * a mail, through the image proxy): a pure decision, executed by http-image.ts.
 */
import type { AddressClass } from './address-class';
import { type AllowedMailHost, isAllowedMailHost, normalizeHost } from './allowed-hosts';
import { decideResolvedAddresses } from './egress-decision';

/** http 80 and https 443 (RFC 9110 §4.2): a mail's images have no reason to name another port. */
export const WEB_PORTS: Readonly<Record<'http:' | 'https:', number>> = {
  'http:': 80,
  'https:': 443,
};

export type WebEgressDecision =
  | { type: 'resolve'; host: string; port: number; reason: 'allow-listed' | 'web port' }
  | { type: 'connect'; address: string; reason: 'allow-listed' | 'public address' }
  | { type: 'refuse'; reason: 'scheme' | 'credentials' | 'port' | 'no address' }
  | { type: 'refuse'; reason: 'address'; address: string; addressClass: AddressClass };

/**
 * Pure: may the service fetch this URL, and from which address? Called first with
 * `addresses: null` (refuses a non-http(s) scheme, userinfo and a non-default port before
 * any DNS query, or asks to resolve), then with the resolver's answer, refusing the URL
 * when ANY address is not public — a name that also resolves to 127.0.0.1 is a
 * rebinding attempt. `allowed` is the operator's YOUJIAN_ALLOWED_IMAGE_HOSTS, matched
 * against the name in the URL (any port, any address). The connection goes to the first
 * address, the one that was checked.
 */
export function decideWebEgress(request: {
  url: URL;
  allowed: readonly AllowedMailHost[];
  addresses: readonly string[] | null;
}): WebEgressDecision {
  const { url } = request;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { type: 'refuse', reason: 'scheme' };
  }
  if (url.username !== '' || url.password !== '') return { type: 'refuse', reason: 'credentials' };
  const host = normalizeHost(url.hostname);
  const port = url.port === '' ? WEB_PORTS[url.protocol] : Number(url.port);
  const allowListed = isAllowedMailHost(request.allowed, host, port);
  if (!allowListed && port !== WEB_PORTS[url.protocol]) return { type: 'refuse', reason: 'port' };
  if (request.addresses === null) {
    return { type: 'resolve', host, port, reason: allowListed ? 'allow-listed' : 'web port' };
  }
  return decideResolvedAddresses(request.addresses, allowListed);
}
