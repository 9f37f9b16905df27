/**
 * The operator's allow-list of mail hosts (YOUJIAN_ALLOWED_MAIL_HOSTS): hosts the service
 * may reach although they are not public mail servers — an internal relay, or the local
 * test providers on 127.0.0.1 and their high ports.
 */

export interface AllowedMailHost {
  /** lower case, without brackets or a trailing dot */
  host: string;
  /** null: every port of the host */
  port: number | null;
}

/** Pure: the comparable form of a host name or IP literal: "[::1]" → "::1", "Mail.Example." → "mail.example". */
export function normalizeHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  const unbracketed =
    trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

function parsePort(text: string, entry: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`YOUJIAN_ALLOWED_MAIL_HOSTS: "${entry}" has no valid port (1–65535)`);
  }
  return port;
}

function parseEntry(entry: string): AllowedMailHost {
  // "[::1]:993" or "[::1]": a bracketed IPv6 literal, with or without a port
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const port = bracketed[2];
    return {
      host: normalizeHost(bracketed[1] ?? ''),
      port: port === undefined ? null : parsePort(port, entry),
    };
  }
  const colons = entry.split(':').length - 1;
  // more than one colon without brackets: a bare IPv6 literal, which cannot carry a port
  if (colons !== 1) return { host: normalizeHost(entry), port: null };
  const [host = '', port = ''] = entry.split(':');
  if (host.trim() === '') throw new Error(`YOUJIAN_ALLOWED_MAIL_HOSTS: "${entry}" has no host`);
  return { host: normalizeHost(host), port: parsePort(port, entry) };
}

/**
 * Pure: parses the comma-separated value of YOUJIAN_ALLOWED_MAIL_HOSTS. An entry is a host
 * name or IP literal (every port allowed) or `host:port` (that port only); IPv6 literals
 * take brackets when they carry a port (`[::1]:993`). Blank entries are skipped.
 * Throws an Error naming the entry when a port is not a number in 1–65535.
 */
export function parseAllowedMailHosts(value: string | undefined): AllowedMailHost[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseEntry);
}

/**
 * Pure: whether the host as the user or the preset named it (not what it resolves to) is
 * allowed on this port. Matching the name keeps the rule readable for the operator: an
 * allowed "mail.corp.example" does not also allow every name that resolves to its address.
 */
export function isAllowedMailHost(
  allowed: readonly AllowedMailHost[],
  host: string,
  port: number,
): boolean {
  const wanted = normalizeHost(host);
  return allowed.some(
    (entry) => entry.host === wanted && (entry.port === null || entry.port === port),
  );
}
