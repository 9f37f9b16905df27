import { expect, type Page, test } from '@playwright/test';
import { createMailUser } from '@youjian/mailstack';
import { hostileCorpus } from './hostile/corpus';
import { type LoggingProxy, startLoggingProxy } from './hostile/logging-proxy';
import { appendCorpus } from './hostile/seed-corpus';
import { linkMailbox, signUp } from './ui-fixture';

/**
 * The hostile corpus through the running product: every message APPENDed to a real
 * mailbox (Dovecot), synced by the worker, opened in the real reading pane of a signed-in
 * user, in Chromium whose every non-loopback request goes to a logging proxy outside the
 * page (request interception misses sandboxed srcdoc frames). Counted: script runs
 * (console "EXEC", dialogs, requests to exec.hostile.test) and requests to the corpus's
 * hosts before the reader allows images — both must be 0 — and after "Show remote images",
 * still none from the browser (the images come through the product's image proxy).
 */
const corpus = hostileCorpus();
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
let proxy: LoggingProxy;
const fromCorpus = () => proxy.requests.filter((request) => request.includes('hostile.test'));

test.beforeAll(async () => {
  proxy = await startLoggingProxy();
});
test.afterAll(async () => {
  await proxy?.close();
});

interface ListedMessage {
  id: string;
  accountId: string;
  subject: string;
}

/** Every message of All inboxes, through the product's own API (tRPC GET, superjson). */
async function listAll(page: Page): Promise<ListedMessage[]> {
  const items: ListedMessage[] = [];
  let cursor: string | null = null;
  do {
    const input = JSON.stringify({ json: { view: 'all-inboxes', limit: 200, cursor } });
    const response = await page.request.get(
      `/api/trpc/messages.list?input=${encodeURIComponent(input)}`,
    );
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as {
      result: { data: { json: { items: ListedMessage[]; nextCursor: string | null } } };
    };
    items.push(...body.result.data.json.items);
    cursor = body.result.data.json.nextCursor;
  } while (cursor);
  return items;
}

/** Opens one message as a link to it would, and waits for its body to be in the pane. */
async function openInPane(page: Page, message: ListedMessage) {
  await page.goto(`/?view=all-inboxes&account=${message.accountId}&message=${message.id}`);
  const body = page.locator('iframe.message-frame, [data-testid="message-text"]');
  await expect(body.first()).toBeAttached({ timeout: 30_000 });
  // the frame's own document: parsed and its subresources asked for by now
  await page.waitForTimeout(150);
}

test(`the hostile corpus (${corpus.length} messages) in the product's reading pane runs no script and makes no request before consent`, async ({
  baseURL,
  browser,
}) => {
  test.setTimeout(1_200_000);
  expect(corpus.length).toBeGreaterThanOrEqual(200);
  const user = await createMailUser('qq.test');
  await appendCorpus(user, corpus, run);

  // the worker's own browser (its NetLog feeds the secrets check), with every request but
  // the product's own (loopback) sent to the logging proxy
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    proxy: { server: proxy.url, bypass: 'localhost,127.0.0.1,[::1]' },
  });
  const page = await context.newPage();
  const runs: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('EXEC')) runs.push(message.text());
  });
  page.on('dialog', (dialog) => {
    runs.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signUp(page, `hostile-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', user.address, user.authCode);

  await expect
    .poll(async () => (await listAll(page)).length, { timeout: 180_000 })
    .toBe(corpus.length);
  const listed = await listAll(page);
  proxy.requests.length = 0;

  let framed = 0;
  for (const message of listed) {
    await openInPane(page, message);
    if (await page.locator('iframe.message-frame').count()) framed += 1;
  }
  const before = fromCorpus().length;
  // what else went through the proxy (Chromium's own traffic), by host, for the log
  const otherHosts = new Set(
    proxy.requests.map(
      (request) =>
        request
          .split(' ')[1]
          ?.replace(/^\w+:\/\//, '')
          .split(/[/:]/)[0],
    ),
  );
  console.log(
    `hostile corpus in the reading pane: ${listed.length} opened (${framed} in the frame), ${runs.length} script runs, ${before} requests before consent, ${proxy.requests.length} non-loopback requests in all (hosts: ${[...otherHosts].slice(0, 8).join(', ')})`,
  );
  expect(runs).toEqual([]);
  expect(fromCorpus()).toEqual([]);
  expect(framed).toBe(corpus.length);

  // after consent: the remote images of every message that has them come through the
  // product's image proxy (same origin, loopback) — the browser still reaches no corpus host
  const withImages = listed.filter((message) => /hostile h2[2-5]-/.test(message.subject));
  let consented = 0;
  for (const message of withImages) {
    await openInPane(page, message);
    const show = page.getByRole('button', { name: 'Show remote images' });
    if (!(await show.count())) continue;
    await show.click();
    await expect(show).toHaveCount(0);
    await page.waitForTimeout(300);
    consented += 1;
  }
  console.log(
    `after consent: ${consented} of ${withImages.length} messages showed images, ${fromCorpus().length} corpus requests, ${runs.length} script runs`,
  );
  expect(consented).toBeGreaterThan(0);
  expect(fromCorpus()).toEqual([]);
  expect(runs).toEqual([]);

  // the harness sees escapes in this browser: the same messages, raw, in a plain page
  const control = await context.newPage();
  const controlRuns: string[] = [];
  control.on('console', (message) => {
    if (message.text().startsWith('EXEC')) controlRuns.push(message.text());
  });
  control.on('dialog', (dialog) => void dialog.dismiss());
  await control.setContent(
    corpus
      .slice(0, 40)
      .map(({ html }) => html)
      .join('\n'),
  );
  await control.waitForTimeout(2000);
  console.log(`raw control: ${controlRuns.length} script runs, ${fromCorpus().length} requests`);
  expect(controlRuns.length).toBeGreaterThan(0);
  expect(fromCorpus().length).toBeGreaterThan(0);
  await context.close();
});
