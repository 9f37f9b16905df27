import { expect, type Page, test } from '@playwright/test';
import { confirmSignUp } from './ui-fixture';

/**
 * The walking skeleton, as a new user lives it: sign up, link a QQ and a NetEase
 * mailbox (the local qq.test / 163.test providers), send a Chinese mail from one to the
 * other, watch it arrive without reloading, read it, and find the copy in Sent.
 */
const run = Date.now().toString(36);
const subject = `季度报告 会议通知 ${run}`;
const body = `各位好，明天下午三点在三楼会议室讨论季度报告。编号 ${run}`;

async function signUp(page: Page, email: string) {
  await page.goto('/sign-up');
  const name = page.getByLabel('Name');
  if (await name.count()) await name.fill('E2E 用户');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await confirmSignUp(page, email, () => page.getByRole('button', { name: 'Sign up' }).click());
}

async function addMailbox(page: Page, provider: string, address: string, code: string) {
  await page.goto('/settings');
  await page.getByLabel('Provider').selectOption({ label: provider });
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Authorization code').fill(code);
  await page.getByRole('button', { name: 'Add mailbox' }).click();
}

async function openFolder(page: Page, address: string, folder: RegExp) {
  const account = page.getByRole('navigation').getByRole('group', { name: address });
  await account.getByRole('link', { name: folder }).click();
}

test('a new user links QQ and 163 mailboxes, sends Chinese mail and reads it on arrival', async ({
  page,
}) => {
  await signUp(page, `e2e-${run}@example.test`);

  await addMailbox(page, 'QQ Mail', 'alice@qq.test', 'wrong-code');
  // Next renders a route announcer with role=alert too: pick the form's alert by its text
  await expect(page.getByRole('alert').filter({ hasText: /authorization code/i })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'alice@qq.test' })).toHaveCount(0);

  await addMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  await expect(page.getByRole('listitem').filter({ hasText: 'alice@qq.test' })).toBeVisible();
  await addMailbox(page, '163', 'bob@163.test', 'bob-auth-code');
  await expect(page.getByRole('listitem').filter({ hasText: 'bob@163.test' })).toBeVisible();

  await page.goto('/');
  await openFolder(page, 'bob@163.test', /收件箱|Inbox/i);

  await page.getByRole('button', { name: 'Compose' }).click();
  // within the dialog: the list behind it labels its checkboxes with subjects, and a
  // subject such as "sign-in to your account" would match the label "To" too
  const compose = page.getByRole('dialog');
  await compose.getByLabel('From').selectOption({ label: 'alice@qq.test' });
  await compose.getByLabel('To', { exact: true }).fill('bob@163.test');
  await compose.getByLabel('Subject', { exact: true }).fill(subject);
  await compose.getByLabel('Message', { exact: true }).fill(body);
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: subject })).toContainText('Sent');

  // no reload from here: the list must update by itself (bob's provider has no IDLE: polled)
  const item = page.getByRole('row').filter({ hasText: subject });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.click();
  const reading = page.getByRole('article');
  await expect(reading.getByRole('heading', { name: subject })).toBeVisible();
  await expect(reading).toContainText('alice@qq.test');
  // compose sends HTML with a text alternative: the pane shows the HTML, sandboxed
  await expect(reading.frameLocator('iframe').locator('body')).toContainText(
    '明天下午三点在三楼会议室讨论季度报告',
  );

  await openFolder(page, 'alice@qq.test', /已发送|Sent/i);
  await expect(page.getByRole('row').filter({ hasText: subject })).toHaveCount(1, {
    timeout: 60_000,
  });
});
