import { expect, test } from '@playwright/test';
import { linkMailbox, mailFromBowen, signUp } from './ui-fixture';

/**
 * Opt-in desktop notifications for new mail (issue 10): with the browser's permission
 * granted and the opt-in ticked in Settings, a mail that arrives while the tab is in the
 * background gives one notification — the sender as the title, the subject as the text —
 * and a click on it opens that message. The page's `Notification` is the browser's own,
 * recorded as it is constructed; the tab counts as in the background (document.hasFocus).
 */
test.use({ viewport: { width: 1280, height: 800 } });

declare global {
  interface Window {
    recordedNotifications: Notification[];
  }
}

test('a new mail gives one notification with its sender and subject; a click opens it', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await context.addInitScript(() => {
    window.recordedNotifications = [];
    const BrowserNotification = window.Notification;
    window.Notification = class extends BrowserNotification {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        window.recordedNotifications.push(this);
      }
    };
    // the tab is behind another window: the product notifies only then
    Document.prototype.hasFocus = () => false;
  });

  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, `e2e-notify-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  await page.goto('/settings');
  const optIn = page.getByLabel('Show a desktop notification for new mail in this browser');
  await optIn.check();
  await expect(optIn).toBeChecked();

  await page.goto('/');
  const mailbox = page.getByRole('navigation').getByRole('group', { name: 'alice@qq.test' });
  await expect(mailbox.getByText('Up to date')).toBeVisible({ timeout: 60_000 });
  const subject = `新邮件提醒 ${run}`;
  await mailFromBowen(subject, `${run}-notify`, ['有新邮件。']);

  const about = () =>
    page.evaluate((wanted) => {
      const shown = window.recordedNotifications.filter((n) => n.body === wanted);
      return shown.map((n) => ({ title: n.title, body: n.body }));
    }, subject);
  await expect.poll(about, { timeout: 60_000 }).toEqual([{ title: '博文', body: subject }]);

  await page.evaluate((wanted) => {
    const shown = window.recordedNotifications.find((n) => n.body === wanted);
    shown?.onclick?.(new Event('click'));
  }, subject);
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  // one notification for the mail, however often the list was fetched again meanwhile
  expect(await about()).toHaveLength(1);
});
