import { type Browser, chromium, expect, test } from '@playwright/test';
import { mailFrameDocument } from '../apps/web/src/lib/mail-frame';
import { proxyRemoteImages } from '../packages/mail/src/remote-images';
import { sanitizeMailHtml } from '../packages/mail/src/sanitize-html';
import { hostileCorpus } from './hostile/corpus';
import { type LoggingProxy, startLoggingProxy } from './hostile/logging-proxy';
import base from './playwright.config';

/**
 * Every message of the hostile corpus, sanitized and framed exactly as the reading pane
 * does (sandboxed srcdoc iframe with the frame's CSP), rendered in real Chromium whose
 * every non-loopback request goes to a logging proxy. Counted: script runs (console
 * "EXEC", dialogs, requests to exec.hostile.test) and requests before consent — both 0.
 */
const APP_ORIGIN = 'http://localhost:9';
const corpus = hostileCorpus();
let proxy: LoggingProxy;
/** Requests to the hosts the corpus names; Chromium's own update and sign-in traffic is not the mail's. */
const fromCorpus = () => proxy.requests.filter((request) => request.includes('hostile.test'));
let browser: Browser;

test.beforeAll(async () => {
  proxy = await startLoggingProxy();
  browser = await chromium.launch({
    ...base.use?.launchOptions,
    // the worker's own browser writes the run's NetLog (secrets check); a second one must not overwrite it
    args: base.use?.launchOptions?.args?.filter((arg) => !arg.startsWith('--log-net-log')),
    proxy: { server: proxy.url },
  });
});
test.afterAll(async () => {
  await browser.close();
  await proxy.close();
});

async function render(documents: string[]) {
  const page = await browser.newPage();
  const runs: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('EXEC')) runs.push(message.text());
  });
  page.on('dialog', (dialog) => {
    runs.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  for (const srcdoc of documents) {
    await page.setContent('<iframe sandbox="" style="width:600px;height:400px"></iframe>');
    await page.locator('iframe').evaluate((frame: HTMLIFrameElement, html) => {
      frame.srcdoc = html;
    }, srcdoc);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1000);
  await page.close();
  return runs;
}

test.setTimeout(300_000);

test(`the hostile corpus (${corpus.length} messages) runs no script and makes no request before consent`, async () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200);
  proxy.requests.length = 0;
  const runs = await render(
    corpus.map(({ html }) =>
      mailFrameDocument({
        html: sanitizeMailHtml(html, { allowRemoteImages: false }).html,
        appOrigin: APP_ORIGIN,
        allowRemoteImages: false,
      }),
    ),
  );
  console.log(
    `hostile corpus: ${corpus.length} messages, ${runs.length} script runs, ${fromCorpus().length} requests`,
  );
  expect(runs).toEqual([]);
  expect(fromCorpus()).toEqual([]);
});

test('after "show images" remote images go to the image proxy only', async () => {
  proxy.requests.length = 0;
  const documents = corpus.map(({ html }) =>
    mailFrameDocument({
      html: proxyRemoteImages(
        sanitizeMailHtml(html, { allowRemoteImages: true }).html,
        (url) => `${APP_ORIGIN}/api/image-proxy?u=${encodeURIComponent(url)}`,
      ),
      appOrigin: APP_ORIGIN,
      allowRemoteImages: true,
    }),
  );
  expect(documents.join('')).toContain('/api/image-proxy?u=');
  const runs = await render(documents);
  expect(runs).toEqual([]);
  expect(fromCorpus()).toEqual([]);
});

test('the harness sees escapes: the same corpus unsanitized and unframed leaks', async () => {
  proxy.requests.length = 0;
  const page = await browser.newPage();
  const runs: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('EXEC')) runs.push(message.text());
  });
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.setContent(
    corpus
      .slice(0, 40)
      .map(({ html }) => html)
      .join('\n'),
  );
  await page.waitForTimeout(2000);
  await page.close();
  console.log(`unsanitized control: ${runs.length} script runs, ${fromCorpus().length} requests`);
  expect(runs.length).toBeGreaterThan(0);
  expect(fromCorpus().length).toBeGreaterThan(0);
});
