import type { Page } from '@playwright/test';

/**
 * Click → body painted, timed by the page's own clock. The driver's wall clock around
 * `locator.click()` and `waitFor()` also counts Playwright's work before the click is
 * dispatched (actionability checks: scroll into view, stable, hit target — 22–80 ms
 * measured here) and the polling gaps of `waitFor` after the body is there (it retries at
 * +20, +50, +100 ms), none of which a person waits for. In the page:
 * - the click's time is the event's own `timeStamp` (when the browser created the input
 *   event; High Resolution Time, same origin as `performance.now()`), recorded by a
 *   capturing listener on the document, before the product's handlers run;
 * - "painted" is the first frame after the body's text entered the DOM: a
 *   MutationObserver sees the text, `requestAnimationFrame` waits for that frame's
 *   rendering, and a MessageChannel task then runs after the frame is produced (the
 *   usual after-paint probe; HTML Living Standard §8.1.7.3 event loop processing model).
 * Both in ms, `performance.now()` time base.
 */
export async function installClickClock(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__youjianClick = 0;
    document.addEventListener('click', (event) => { window.__youjianClick = event.timeStamp; }, true);
  })()`);
}

/**
 * Arms a watcher for `text` in the reading pane's articles; `await` the returned function
 * after the click: it resolves to ms from the click event to the frame that painted the
 * text. Throws when the text does not appear within `timeoutMs`.
 */
export async function armPaintWatch(
  page: Page,
  text: string,
  timeoutMs = 10_000,
): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    const text = ${JSON.stringify(text)};
    const shown = () => [...document.querySelectorAll('article, [role="article"]')]
      .some((article) => (article.textContent ?? '').includes(text));
    window.__youjianPainted = new Promise((resolve, reject) => {
      const afterPaint = () => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - window.__youjianClick);
        channel.port2.postMessage(0);
      });
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        clearTimeout(timer);
        afterPaint();
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('not painted within ${timeoutMs} ms: ' + text));
      }, ${timeoutMs});
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  })()`);
  return () => page.evaluate<number>('window.__youjianPainted');
}
