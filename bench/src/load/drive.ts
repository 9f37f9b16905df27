/**
 * One simulated person using the mail API as the web app does (tRPC over HTTP, superjson):
 * browsing All inboxes page by page, opening messages (bodies cached in the mirror) and
 * searching, with a think time between actions. Every request's latency and status is kept.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { LoadUser } from './users';

export type LoadAction = 'browse' | 'open' | 'search';

export interface Sample {
  action: LoadAction;
  ms: number;
  ok: boolean;
  error?: string;
}

const SEARCHES = ['季度报告', 'report', 'from:sender12@example.test', '发票 Q3', 'subject:Q2'];

interface Listed {
  id: string;
  accountId: string;
}
interface ListPage {
  items: Listed[];
  nextCursor: string | null;
}

/**
 * An idle kept-alive socket is closed after this long: before the server's own
 * keep-alive timeout (Node's 5 s, announced as `Keep-Alive: timeout=5`), so a request is
 * never written into a socket the server is closing (ECONNRESET) — as fetch (undici) does,
 * which drops a socket 1 s before the announced timeout.
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * Keep-alive connections shared by every simulated person, as fetch's global dispatcher
 * shared them. node:http rather than fetch: the load generator runs on the same two cores
 * as the product, and fetch (WHATWG streams) cost ~1.4 ms of CPU per request against
 * ~0.5 ms for node:http (50-row list answer, load ~6) — CPU the server under test lost.
 */
const agent = new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });

/** What fetch sends besides the caller's headers, so the server does the same work. */
const FETCH_HEADERS = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'user-agent': 'node',
  'accept-encoding': 'gzip, deflate',
};

/** GETs `url`; resolves with the status and the body, decompressed as fetch would. */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent, headers: { ...FETCH_HEADERS, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = response.headers['content-encoding'];
            const body =
              encoding === 'gzip'
                ? zlib.gunzipSync(raw)
                : encoding === 'deflate'
                  ? zlib.inflateSync(raw)
                  : raw;
            resolve({ status: response.statusCode ?? 0, body: body.toString('utf8') });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
  });
}

async function trpcGet<T>(
  baseUrl: string,
  user: LoadUser,
  procedure: string,
  input: unknown,
): Promise<{ ok: boolean; value?: T; status: number }> {
  const url = `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await get(url, { cookie: user.cookie, 'x-forwarded-for': user.address });
  const body = JSON.parse(response.body) as { result?: { data?: { json?: T } } };
  const ok = response.status >= 200 && response.status < 300;
  return { ok, value: body.result?.data?.json, status: response.status };
}

/**
 * Runs one person until `deadline` (performance.now() ms), pushing a sample per request.
 * `random` is the source of choices (seeded per person by the caller).
 */
export async function drivePerson(
  baseUrl: string,
  user: LoadUser,
  deadline: number,
  thinkMs: () => number,
  random: () => number,
  samples: Sample[],
): Promise<void> {
  let cursor: string | null = null;
  let pagesRead = 0;
  let seen: Listed[] = [];
  while (performance.now() < deadline) {
    const roll = random();
    const action: LoadAction =
      roll < 0.5 || seen.length === 0 ? 'browse' : roll < 0.8 ? 'open' : 'search';
    const started = performance.now();
    try {
      if (action === 'browse') {
        const page: { ok: boolean; value?: ListPage } = await trpcGet<ListPage>(
          baseUrl,
          user,
          'messages.list',
          {
            view: 'all-inboxes',
            limit: 50,
            cursor,
          },
        );
        if (page.value) {
          if (!cursor) seen = page.value.items;
          // next page, back to the first after four (the newest mail is what is read)
          pagesRead = cursor ? pagesRead + 1 : 1;
          cursor = pagesRead < 4 ? page.value.nextCursor : null;
        }
        samples.push({ action, ms: performance.now() - started, ok: page.ok });
      } else if (action === 'open') {
        const message = seen[Math.floor(random() * seen.length)];
        const opened = await trpcGet(baseUrl, user, 'messages.get', {
          accountId: message?.accountId,
          messageId: message?.id,
        });
        samples.push({ action, ms: performance.now() - started, ok: opened.ok });
      } else {
        const query = SEARCHES[Math.floor(random() * SEARCHES.length)];
        const found = await trpcGet<ListPage>(baseUrl, user, 'messages.list', {
          view: 'all-inboxes',
          query,
          limit: 50,
        });
        samples.push({ action, ms: performance.now() - started, ok: found.ok });
      }
    } catch (error) {
      samples.push({ action, ms: performance.now() - started, ok: false, error: String(error) });
    }
    await new Promise((resolve) => setTimeout(resolve, thinkMs()));
  }
}
