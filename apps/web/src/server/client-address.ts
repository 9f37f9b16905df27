import net from 'node:net';

/** The proxies whose forwarding header is believed: addresses and CIDR ranges. */
export interface TrustedProxies {
  list: BlockList;
  /** as configured, for messages */
  entries: string[];
}
type BlockList = net.BlockList;

/**
 * Reads YOUJIAN_TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR ranges
 * (`10.0.0.5, 10.1.0.0/16, fd00::/8`). Empty means no proxy is trusted. Throws an Error
 * naming the first entry that is neither.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new net.BlockList();
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    ) {
      throw new Error(
        `YOUJIAN_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`,
      );
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { list, entries };
}

/** `::ffff:192.0.2.1` (a dual-stack socket's IPv4 peer) as 192.0.2.1; other text as is. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  const family = net.isIP(address);
  return family !== 0 && proxies.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The address of the client a request comes from: the socket's peer, unless that peer is
 * a trusted proxy — then X-Forwarded-For is read from the right, skipping trusted proxies,
 * and the first address not trusted is the client (what each proxy appended is believed,
 * nothing a client wrote to the left of it). A malformed hop ends the walk at the last
 * address known good. With no trusted proxies the header is ignored entirely, so a
 * forged X-Forwarded-For changes nothing.
 */
export function clientAddress(options: {
  socketAddress: string;
  forwardedFor: string | undefined;
  trustedProxies: TrustedProxies;
}): string {
  let client = plain(options.socketAddress);
  if (!isTrusted(client, options.trustedProxies)) return client;
  const hops = (options.forwardedFor ?? '')
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter(Boolean)
    .reverse();
  for (const hop of hops) {
    if (net.isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(hop, options.trustedProxies)) return client;
  }
  return client;
}
