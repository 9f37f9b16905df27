/**
 * The image proxy's fetch against a real HTTP server on loopback. The server is reached
 * as "img.test", a name only the test's resolver knows, allow-listed like an operator's
 * internal image host would be; every other name and address stays refused.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedMailHosts } from './allowed-hosts';
import { fetchRemoteImage } from './http-image';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const seen: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];
let port = 0;

const server = http.createServer((request, response) => {
  seen.push({ url: request.url ?? '', headers: request.headers });
  const route = request.url ?? '';
  if (route === '/pixel.png') {
    response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  } else if (route === '/page.html') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>');
  } else if (route === '/disguised.png') {
    response.writeHead(200, { 'content-type': 'image/png' }).end('<svg onload="alert(1)"/>');
  } else if (route === '/huge.png') {
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(Buffer.concat([PNG, Buffer.alloc(64 * 1024)]));
  } else if (route === '/to-loopback') {
    response.writeHead(302, { location: `http://127.0.0.1:${port}/pixel.png` }).end();
  } else if (route === '/to-metadata') {
    response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  } else if (route === '/to-pixel') {
    response.writeHead(307, { location: '/pixel.png' }).end();
  } else if (route === '/loop') {
    response.writeHead(302, { location: '/loop' }).end();
  } else response.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allowed = parseAllowedMailHosts('img.test');
const resolveImgTest = async (host: string) => {
  if (host !== 'img.test') throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return ['127.0.0.1'];
};
const fetchTest = (path: string, options = {}) =>
  fetchRemoteImage(`http://img.test:${port}${path}`, {
    allowed,
    resolve: resolveImgTest,
    ...options,
  });

describe('fetchRemoteImage', () => {
  it('fetches an image without the reader’s cookies or referrer', async () => {
    seen.length = 0;
    const result = await fetchTest('/pixel.png');
    expect(result).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(result.ok && result.bytes.equals(PNG)).toBe(true);
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.referer).toBeUndefined();
    expect(seen[0]?.headers['user-agent']).toMatch(/^Youjian-ImageProxy/);
  });

  it('refuses a body that is not an image, by its label or by its bytes', async () => {
    expect(await fetchTest('/page.html')).toEqual({ ok: false, reason: 'not an image' });
    expect(await fetchTest('/disguised.png')).toEqual({ ok: false, reason: 'not an image' });
  });

  it('refuses a body over the size limit', async () => {
    expect(await fetchTest('/huge.png', { maxBytes: 32 * 1024 })).toEqual({
      ok: false,
      reason: 'too large',
    });
  });

  it('follows a redirect to an allowed address and checks it like the first URL', async () => {
    expect(await fetchTest('/to-pixel')).toMatchObject({
      ok: true,
      finalUrl: `http://img.test:${port}/pixel.png`,
    });
  });

  it('does not follow a redirect to loopback or to the metadata endpoint', async () => {
    seen.length = 0;
    expect(await fetchTest('/to-loopback')).toMatchObject({ ok: false, reason: 'refused' });
    expect(await fetchTest('/to-metadata')).toMatchObject({ ok: false, reason: 'refused' });
    expect(seen.map((request) => request.url)).toEqual(['/to-loopback', '/to-metadata']);
  });

  it('gives up after the redirect limit', async () => {
    expect(await fetchTest('/loop', { maxRedirects: 2 })).toEqual({
      ok: false,
      reason: 'redirects',
    });
  });

  it('connects to the checked address even when DNS answers differently afterwards (rebinding)', async () => {
    // first answer: the allowed server; any later answer: an address that must never be used
    const answers: string[][] = [['127.0.0.1']];
    const lookups: string[] = [];
    const rebinding = async (host: string) => {
      lookups.push(host);
      return answers.shift() ?? ['10.255.255.1'];
    };
    const result = await fetchTest('/pixel.png', { resolve: rebinding });
    expect(result).toMatchObject({ ok: true });
    expect(lookups).toEqual(['img.test']);
  });
});
