import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { imageProxyUrl } from '@youjian/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  type TestApi,
} from '../../../../../../packages/api/src/test-support.integration-helpers';
import {
  signUpThroughRoute,
  TEST_BASE_URL,
  useTestEnvironment,
} from '../route-tests.integration-helpers';

/**
 * GET /api/image-proxy through its real module, as two signed-in readers and an image
 * host on loopback that the operator allow-listed (YOUJIAN_ALLOWED_IMAGE_HOSTS): what a
 * reader, or someone using the proxy for something else, gets back.
 */
const BASE = TEST_BASE_URL;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const hits: string[] = [];
const imageHost = http.createServer((request, response) => {
  hits.push(request.url ?? '');
  if (request.url === '/pixel.png')
    response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  else response.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>');
});

let api: TestApi;
let route: { GET: (request: Request) => Promise<Response> };
let key: Buffer;
const readers = new Map<string, { id: string; cookie: string }>();
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}`;
  api = await createTestApi();
  useTestEnvironment(api, { YOUJIAN_ALLOWED_IMAGE_HOSTS: new URL(origin).host });
  for (const name of ['alice', 'mallory']) {
    readers.set(name, await signUpThroughRoute(api, `${name}@example.test`));
  }
  const { services } = await import('../../../server/services');
  key = services().secretBox.deriveKey('image-proxy');
  route = (await import('./route')) as typeof route;
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => imageHost.close(() => resolve()));
});

/** `reader` opens the proxy URL the reading pane made for `signedFor`. */
function open(reader: string, url: string, signedFor = reader): Promise<Response> {
  const path = imageProxyUrl({ key, userId: readers.get(signedFor)?.id ?? '', url });
  return route.GET(
    new Request(`${BASE}${path}`, { headers: { cookie: readers.get(reader)?.cookie ?? '' } }),
  );
}

describe('the image proxy', () => {
  it("serves the reader's allowed remote image as an image only", async () => {
    const response = await open('alice', `${origin}/pixel.png`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a URL signed for another reader with 403 and fetches nothing', async () => {
    hits.length = 0;
    const response = await open('mallory', `${origin}/pixel.png?for-mallory`, 'alice');

    expect(response.status).toBe(403);
    expect(hits).toEqual([]);
  });

  it('refuses an answer that is not an image', async () => {
    const response = await open('alice', `${origin}/page.html`);

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    expect(await response.text()).not.toContain('<script>');
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/pixel.png',
    'http://[::1]/pixel.png',
    'http://127.0.0.2/pixel.png',
  ])('refuses %s, an address the egress guard refuses', async (url) => {
    hits.length = 0;
    const response = await open('alice', url);

    expect(response.status).toBe(502);
    expect(hits).toEqual([]);
  });
});
