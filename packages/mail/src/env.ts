/**
 * The only reader of process.env in the mail package.
 * YOUJIAN_PROVIDER_ENDPOINTS overrides preset endpoints, so tests and the demo can point
 * the qq/163 presets at the local provider emulation instead of the real servers.
 * YOUJIAN_ALLOWED_MAIL_HOSTS lets the egress guard reach hosts that are not public mail
 * servers; an overridden preset endpoint must be listed there too.
 */
import { type AllowedMailHost, parseAllowedMailHosts } from './egress/allowed-hosts';
import type { Endpoint, ProviderId } from './types';

export type EndpointOverrides = Partial<Record<ProviderId, { imap?: Endpoint; smtp?: Endpoint }>>;

const SECURITIES = new Set(['tls', 'starttls', 'plain']);

function isEndpoint(value: unknown): value is Endpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.host === 'string' &&
    candidate.host.length > 0 &&
    typeof candidate.port === 'number' &&
    Number.isInteger(candidate.port) &&
    candidate.port > 0 &&
    candidate.port < 65536 &&
    typeof candidate.security === 'string' &&
    SECURITIES.has(candidate.security)
  );
}

/** Pure: validates the JSON text of YOUJIAN_PROVIDER_ENDPOINTS; throws on a malformed value. */
export function parseEndpointOverrides(json: string | undefined): EndpointOverrides {
  if (!json || json.trim() === '') return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('YOUJIAN_PROVIDER_ENDPOINTS must be a JSON object keyed by provider id');
  }
  const overrides: EndpointOverrides = {};
  for (const [providerId, entry] of Object.entries(parsed)) {
    if (typeof entry !== 'object' || entry === null) {
      throw new Error(`YOUJIAN_PROVIDER_ENDPOINTS.${providerId} must be an object`);
    }
    const { imap, smtp } = entry as Record<string, unknown>;
    for (const [protocol, endpoint] of [
      ['imap', imap],
      ['smtp', smtp],
    ] as const) {
      if (endpoint !== undefined && !isEndpoint(endpoint)) {
        throw new Error(
          `YOUJIAN_PROVIDER_ENDPOINTS.${providerId}.${protocol} needs host, port and security (tls | starttls | plain)`,
        );
      }
    }
    overrides[providerId as ProviderId] = {
      ...(imap ? { imap: imap as Endpoint } : {}),
      ...(smtp ? { smtp: smtp as Endpoint } : {}),
    };
  }
  return overrides;
}

/** Read at call time, not import time, so a test can set the variable before linking. */
export function endpointOverrides(): EndpointOverrides {
  return parseEndpointOverrides(process.env.YOUJIAN_PROVIDER_ENDPOINTS);
}

/**
 * The operator's allow-list (egress/allowed-hosts.ts), read at call time so a test can set
 * or clear it around one call. Throws on a malformed port.
 */
export function allowedMailHosts(): AllowedMailHost[] {
  return parseAllowedMailHosts(process.env.YOUJIAN_ALLOWED_MAIL_HOSTS);
}

/**
 * YOUJIAN_ALLOWED_IMAGE_HOSTS: hosts the image proxy may fetch from although they are not
 * public (same syntax as YOUJIAN_ALLOWED_MAIL_HOSTS, a separate list so that allowing an
 * internal mail relay never lets a mail's <img> reach that host over HTTP). Read at call
 * time; throws on a malformed port.
 */
export function allowedImageHosts(): AllowedMailHost[] {
  return parseAllowedMailHosts(process.env.YOUJIAN_ALLOWED_IMAGE_HOSTS);
}
