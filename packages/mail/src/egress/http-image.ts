/**
 * The egress guard's HTTP(S) path: fetches one remote image of a mail for the image
 * proxy. Each hop's host is resolved once, checked (web-egress-decision.ts), and the
 * socket goes to the checked address — a DNS answer that changes between check and
 * connect (rebinding) is never asked for. No cookies, no Referer, nothing of the reader.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { allowedImageHosts } from '../env';
import type { AllowedMailHost } from './allowed-hosts';
import { type RasterImageType, sniffRasterImage } from './image-type';
import { decideWebEgress, type WebEgressDecision } from './web-egress-decision';

export interface RemoteImageLimits {
  /** largest body accepted, bytes; default 5 MiB */
  maxBytes?: number;
  /** redirects followed, each one checked like the first URL; default 3 */
  maxRedirects?: number;
  /** for the whole fetch, redirects included; default 10 000 ms */
  timeoutMs?: number;
}

export interface RemoteImageOptions extends RemoteImageLimits {
  /** default: YOUJIAN_ALLOWED_IMAGE_HOSTS, read at call time */
  allowed?: readonly AllowedMailHost[];
  /** default: the system resolver (getaddrinfo order, RFC 6724); tests give their own */
  resolve?: (host: string) => Promise<string[]>;
}

export type RemoteImageResult =
  | { ok: true; contentType: RasterImageType; bytes: Buffer; finalUrl: string }
  | {
      ok: false;
      reason: 'refused' | 'not an image' | 'too large' | 'status' | 'redirects' | 'unreachable';
      /** the refused hop's decision, for the log; never shown to the reader */
      decision?: WebEgressDecision;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Youjian-ImageProxy/1 (remote images of mail, fetched at the reader request)';

const systemResolve = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

type Hop =
  | { kind: 'body'; contentType: string; bytes: Buffer }
  | { kind: 'redirect'; location: string }
  | { kind: 'failed'; reason: 'status' | 'too large' | 'unreachable' };

/** One GET to `address`, with TLS verifying the URL's host name (RFC 6125). */
function getOnce(url: URL, address: string, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const family = net.isIP(address);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        signal,
        headers: { 'user-agent': USER_AGENT, accept: 'image/*' },
        // the only address this socket may reach: the one the decision checked
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all) callback(null, [{ address, family }]);
          else callback(null, address, family);
        },
        ...(net.isIP(url.hostname) === 0 ? { servername: url.hostname } : {}),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECTS.has(status) && location) {
          response.resume();
          resolve({ kind: 'redirect', location });
          return;
        }
        if (status !== 200) {
          response.resume();
          resolve({ kind: 'failed', reason: 'status' });
          return;
        }
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
          response.destroy();
          resolve({ kind: 'failed', reason: 'too large' });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            resolve({ kind: 'failed', reason: 'too large' });
          } else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            kind: 'body',
            contentType: String(response.headers['content-type'] ?? ''),
            bytes: Buffer.concat(chunks),
          }),
        );
        response.on('error', () => resolve({ kind: 'failed', reason: 'unreachable' }));
      },
    );
    request.on('error', () => resolve({ kind: 'failed', reason: 'unreachable' }));
    request.end();
  });
}

/**
 * Fetches a remote image for the image proxy. Takes an absolute http(s) URL; each hop
 * (the URL, then at most `maxRedirects` Location targets, RFC 9110 §15.4) is checked by
 * decideWebEgress and fetched from its checked address. A 200 answer is accepted only
 * when it declares an image/* type, its bytes carry a raster image signature and it
 * stays within `maxBytes`. Returns the sniffed type and the bytes, or why not; never
 * throws (a malformed URL is `refused`).
 */
export async function fetchRemoteImage(
  rawUrl: string,
  options: RemoteImageOptions = {},
): Promise<RemoteImageResult> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const allowed = options.allowed ?? allowedImageHosts();
  const resolve = options.resolve ?? systemResolve;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'refused' };
  }
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    const screened = decideWebEgress({ url, allowed, addresses: null });
    if (screened.type !== 'resolve') return { ok: false, reason: 'refused', decision: screened };
    let addresses: string[];
    try {
      // an IP literal is its own answer: no resolver may turn it into another address
      addresses = net.isIP(screened.host) ? [screened.host] : await resolve(screened.host);
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
    const decision = decideWebEgress({ url, allowed, addresses });
    if (decision.type !== 'connect') return { ok: false, reason: 'refused', decision };
    const answer = await getOnce(url, decision.address, maxBytes, signal);
    if (answer.kind === 'failed') return { ok: false, reason: answer.reason };
    if (answer.kind === 'redirect') {
      try {
        url = new URL(answer.location, url);
      } catch {
        return { ok: false, reason: 'refused' };
      }
      continue;
    }
    const sniffed = sniffRasterImage(answer.bytes);
    if (!/^image\//i.test(answer.contentType.trim()) || sniffed === null) {
      return { ok: false, reason: 'not an image' };
    }
    return { ok: true, contentType: sniffed, bytes: answer.bytes, finalUrl: url.href };
  }
  return { ok: false, reason: 'redirects' };
}
