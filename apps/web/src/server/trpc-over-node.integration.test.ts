import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  seedMailbox,
  type TestApi,
} from '../../../../packages/api/src/test-support.integration-helpers';
import { signUpThroughRoute, useTestEnvironment } from '../app/api/route-tests.integration-helpers';
import { MAX_TRPC_BODY_BYTES, serveTrpcOverNode } from './trpc-over-node';

/**
 * The production server's tRPC path without Next.js, over a real HTTP server and the real
 * router: the signed-in user's data, gzipped, with the security headers every answer of
 * the app carries; nobody's data without a session; the method and size rules.
 */
let api: TestApi;
let server: http.Server;
let origin: string;
let cookie: string;
let address: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request over HTTP; the body un-gzipped when it came gzipped. */
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzipped = response.headers['content-encoding'] === 'gzip';
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: (gzipped ? zlib.gunzipSync(raw) : raw).toString('utf8'),
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

beforeAll(async () => {
  api = await createTestApi();
  useTestEnvironment(api);
  const run = Date.now().toString(36);
  const person = await signUpThroughRoute(api, `fast-path-${run}@example.test`);
  cookie = person.cookie;
  address = `fast-path-${run}@qq.test`;
  await seedMailbox(api, person.id, address);
  server = http.createServer((request, response) => {
    void serveTrpcOverNode(request, response, { https: false, development: false });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await api?.close();
});

describe('tRPC answered by the web server itself', () => {
  it("answers the signed-in user's query, gzipped, with the app's security headers", async () => {
    const answer = await call('/api/trpc/accounts.list', {
      headers: { cookie, 'accept-encoding': 'gzip, deflate' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toContain('Accept-Encoding');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    expect(answer.headers['permissions-policy']).toContain('camera=()');
    expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    expect(answer.text).toContain(address);
  });

  it('sends plain JSON to a client that does not accept gzip', async () => {
    const answer = await call('/api/trpc/accounts.list', { headers: { cookie } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.text).toContain(address);
  });

  it('answers a request without a session UNAUTHORIZED, with nothing of anyone', async () => {
    const answer = await call('/api/trpc/accounts.list');
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('UNAUTHORIZED');
    expect(answer.text).not.toContain(address);
  });

  it('runs a mutation only by POST, and refuses a body past the limit with 413', async () => {
    const byGet = await call('/api/trpc/messages.rememberSearch?input=%7B%7D', {
      headers: { cookie },
    });
    expect(byGet.status).toBe(405);
    const tooLarge = await call('/api/trpc/messages.rememberSearch', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_TRPC_BODY_BYTES + 1, 0x20),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
