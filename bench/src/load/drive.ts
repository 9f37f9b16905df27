/**
 * One simulated person using the mail API as the web app does (tRPC over HTTP, superjson):
 * browsing All inboxes page by page, opening messages (bodies cached in the mirror) and
 * searching, with a think time between actions. Every request's latency and status is kept.
 */
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

async function trpcGet<T>(
  baseUrl: string,
  user: LoadUser,
  procedure: string,
  input: unknown,
): Promise<{ ok: boolean; value?: T; status: number }> {
  const url = `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(url, {
    headers: { cookie: user.cookie, 'x-forwarded-for': user.address },
  });
  const body = (await response.json()) as { result?: { data?: { json?: T } } };
  return { ok: response.ok, value: body.result?.data?.json, status: response.status };
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
