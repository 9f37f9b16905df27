import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { SurfaceEnv } from '../env';
import { securityHeaders } from '../lib/security-headers';
import { serveTrpcRequest, TRPC_ENDPOINT } from './trpc-entry';

/** What of the web environment decides the security headers (lib/security-headers.ts). */
type Surface = Pick<SurfaceEnv, 'https' | 'development'>;

/**
 * The largest request body a tRPC call may send, in bytes: what Next.js allowed on these
 * paths before (the proxy copies a body into memory and cuts it at 10 MB,
 * proxyClientMaxBodySize). A draft's HTML is the largest thing sent this way.
 */
export const MAX_TRPC_BODY_BYTES = 10 * 1024 * 1024;

/** True for a request path the production server answers without Next.js. */
export function isTrpcPath(url: string | undefined): boolean {
  return url?.startsWith(`${TRPC_ENDPOINT}/`) === true;
}

/**
 * Whether an answer is gzipped: when the client accepts gzip (RFC 9110 §12.5.3) and it is
 * not a live event stream, whose events must reach the browser as they are written.
 */
export function shouldGzip(
  contentType: string | null,
  acceptEncoding: string | undefined,
): boolean {
  if (contentType?.startsWith('text/event-stream')) return false;
  return (acceptEncoding ?? '').split(',').some((entry) => {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return coding === 'gzip' && (quality === undefined || Number(quality.slice(2)) > 0);
  });
}

/**
 * Answers a tRPC request straight from Node's HTTP server, without Next.js. Under load
 * the Next.js layer around an API call cost 10–13 ms of CPU of the web process per call
 * (request pipeline, proxy invocation, Node↔web stream conversion; bench load group,
 * notes in bench/README.md) — more than the call itself. What Next.js added is added
 * here the same way: the security headers of every answer (lib/security-headers.ts, a
 * fresh nonce), gzip, the 10 MB body limit, and the end of a live stream when the
 * browser goes (the request's AbortSignal). The router and its context are the same
 * as through app/api/trpc (trpc-entry.ts).
 * Takes Node's request and response; resolves when the answer is sent; never throws.
 */
export async function serveTrpcOverNode(
  request: IncomingMessage,
  response: ServerResponse,
  surface: Surface,
): Promise<void> {
  const closed = new AbortController();
  response.on('close', () => closed.abort());
  try {
    const body = await bodyOf(request);
    if (body === 'too large') return answerStatus(response, 413, surface);
    const answer = await serveTrpcRequest(
      new Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), {
        method: request.method,
        headers: headersOf(request),
        body: body && new Uint8Array(body),
        signal: closed.signal,
      }),
    );
    await send(answer, request, response, surface);
  } catch (error) {
    // a browser that left mid-answer is no failure of ours
    if (closed.signal.aborted) return;
    console.error('tRPC over node:', error);
    if (!response.headersSent) answerStatus(response, 500, surface);
    else response.destroy();
  }
}

/** The request body (none for GET and HEAD), or 'too large' past MAX_TRPC_BODY_BYTES. */
async function bodyOf(request: IncomingMessage): Promise<Buffer | undefined | 'too large'> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_TRPC_BODY_BYTES) return 'too large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Node's request headers as a Headers object (repeated fields joined, RFC 9110 §5.3). */
function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value);
  }
  return headers;
}

function headerLines(surface: Surface): Record<string, string> {
  const nonce = randomBytes(16).toString('base64');
  return { ...securityHeaders({ nonce, ...surface }), 'Cache-Control': 'private, no-store' };
}

function answerStatus(response: ServerResponse, status: number, surface: Surface): void {
  response.writeHead(status, headerLines(surface)).end();
}

/** Writes the router's answer: status, its headers and ours, the body gzipped or streamed. */
async function send(
  answer: Response,
  request: IncomingMessage,
  response: ServerResponse,
  surface: Surface,
): Promise<void> {
  const gzip = shouldGzip(answer.headers.get('content-type'), request.headers['accept-encoding']);
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const vary = answer.headers.get('vary');
  Object.assign(headers, headerLines(surface), {
    vary: vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding',
  });
  if (gzip) headers['content-encoding'] = 'gzip';
  response.writeHead(answer.status, headers);
  if (!answer.body) {
    response.end();
    return;
  }
  const source = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream);
  if (gzip) await pipeline(source, zlib.createGzip(), response);
  else await pipeline(source, response);
}
