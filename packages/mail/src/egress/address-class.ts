/**
 * What kind of network an IP address belongs to, so that a host the user typed can only
 * lead the service to a mail server on the public internet — never to this machine, the
 * operator's private network or a cloud metadata endpoint (169.254.169.254).
 */
import ipaddr from 'ipaddr.js';

/**
 * `public` is the one class the service connects to without the operator's allow-list.
 * The others are ipaddr.js's special-purpose ranges (IANA registries, RFC 6890), plus
 * `ipv4Compatible` for ::a.b.c.d (RFC 4291 §2.5.5.1), which ipaddr.js calls unicast.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'uniqueLocal'
  | 'ipv4Mapped'
  | 'ipv4Compatible'
  | 'reserved'
  | 'special'
  | 'invalid';

const NAMED_CLASSES = new Set<string>([
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'multicast',
  'unspecified',
  'broadcast',
  'uniqueLocal',
  'ipv4Mapped',
  'reserved',
]);

/** ::/96 with anything in the low 32 bits: an IPv4 address in the deprecated compatible form. */
function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

/**
 * Pure: the class of one address as the resolver returned it ("10.0.0.5", "fe80::1%eth0",
 * "::ffff:127.0.0.1"). Only `unicast` in ipaddr.js's terms is `public`; every other
 * special range (benchmarking, 6to4, Teredo, NAT64 …) is refused as `special`, because
 * several of them carry an IPv4 address inside that would bypass the IPv4 checks.
 * Returns `invalid` for text that is not an IP address; never throws.
 */
export function addressClass(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  const range: string = parsed.range();
  if (range === 'unicast') {
    return parsed.kind() === 'ipv6' && isIpv4Compatible(parsed as ipaddr.IPv6)
      ? 'ipv4Compatible'
      : 'public';
  }
  if (NAMED_CLASSES.has(range)) return range as AddressClass;
  // ipaddr.js names site-local fec0::/10 "deprecatedSiteLocal": a private range in effect.
  if (range === 'deprecatedSiteLocal') return 'private';
  return 'special';
}
