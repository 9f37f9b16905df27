import { type Browser, chromium, type Page } from '@playwright/test';
import { lastAccountMailUid, waitForAccountMail } from '@youjian/mailstack/account-mail';
import { ACCOUNT_MAIL_SUBJECTS } from '../../../packages/auth/src/account-messages';

/** Debian's Chromium with the flags of e2e/playwright.config.ts. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function signUp(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  const name = page.getByLabel('Name');
  if (await name.count()) await name.fill('Bench');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  // the address is confirmed through the mailed link (bench.test lands in accounts@qq.test)
  const afterUid = await lastAccountMailUid(email);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((url) => url.pathname === '/check-mail');
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS.verify,
    afterUid,
  });
  // the link opens /confirm-address, whose button confirms (opening it alone changes nothing)
  await page.goto(mail.links[0] ?? `${baseUrl}/no-link-in-the-mail`);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Links a mailbox in Settings; `provider` is the form's option value or label ('QQ Mail', '163'). */
export async function addMailbox(
  page: Page,
  baseUrl: string,
  provider: string,
  address: string,
  code: string,
) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByLabel('Provider').selectOption(provider);
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Authorization code').fill(code);
  await page.getByRole('button', { name: 'Add mailbox' }).click();
  await page.getByRole('listitem').filter({ hasText: address }).waitFor({ timeout: 60_000 });
}

export async function openInbox(page: Page, baseUrl: string, address: string): Promise<void> {
  await page.goto(baseUrl);
  const account = page.getByRole('navigation').getByRole('group', { name: address });
  await account.getByRole('link', { name: /收件箱|Inbox/i }).click();
}

/** What WATCH_SCRIPT keeps on the page's window. */
interface BenchWindow {
  benchPending: string[];
  benchSeen: Record<string, number>;
  benchEvents: number[];
}

/**
 * In the page: a MutationObserver notes (Date.now()) when a wanted subject first appears
 * in the DOM, and an EventSource on the tRPC live-event subscription notes every event.
 * Times are read back afterwards, so the polling from Playwright adds nothing to them.
 * Given as source text: tsx would wrap named functions in a helper the page lacks.
 */
const WATCH_SCRIPT = `
  window.benchPending = [];
  window.benchSeen = {};
  window.benchEvents = [];
  new MutationObserver(function () {
    var text = document.body.textContent || '';
    for (var subject of window.benchPending) {
      if (window.benchSeen[subject] === undefined && text.includes(subject)) {
        window.benchSeen[subject] = Date.now();
      }
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  new EventSource('/api/trpc/events.onMailEvent').onmessage = function () {
    window.benchEvents.push(Date.now());
  };
`;

export async function watchPage(page: Page): Promise<void> {
  await page.evaluate(WATCH_SCRIPT);
}

export async function expectSubject(page: Page, subject: string): Promise<void> {
  await page.evaluate((s) => (globalThis as unknown as BenchWindow).benchPending.push(s), subject);
}

export async function seenAt(page: Page, subject: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (s) => (globalThis as unknown as BenchWindow).benchSeen[s],
    subject,
    {
      timeout: timeoutMs,
      polling: 50,
    },
  );
  return Number(await handle.jsonValue());
}

export async function eventTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => (globalThis as unknown as BenchWindow).benchEvents);
}
