import path from 'node:path';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { lastAccountMailUid, waitForAccountMail } from '@youjian/mailstack/account-mail';
import { ACCOUNT_MAIL_SUBJECTS } from '../packages/auth/src/account-messages';

/**
 * Where a README screenshot named `name` (e.g. `outbox-en.png`) is written: docs/screenshots
 * at the repository's root, whatever the Playwright run's working directory.
 */
export function screenshotPath(name: string): string {
  return path.resolve(import.meta.dirname, '../docs/screenshots', name);
}

/**
 * What a person does after pressing Sign up (`submit`): the "check your mail" page, then
 * the link of the verification mail, read over IMAP from the local stack (mail to
 * example.test lands in accounts@qq.test). Ends signed in, in the mail app.
 */
export async function confirmSignUp(
  page: Page,
  email: string,
  submit: () => Promise<void>,
): Promise<void> {
  const afterUid = await lastAccountMailUid(email);
  await submit();
  await expect(page).toHaveURL(/\/check-mail$/);
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS.verify,
    afterUid,
  });
  await pressConfirmIn(page, mail.links[0] ?? 'the verification mail has no link');
  await expect(page).not.toHaveURL(/sign-up|sign-in|check-mail|verified/);
}

/**
 * Opens the link of a verification mail and presses the page's button (opening the link
 * alone confirms nothing), in either language of the page.
 */
export async function pressConfirmIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page).toHaveURL(/\/confirm-address\?token=/);
  await page.getByRole('button', { name: /^(Confirm my address|确认我的邮箱地址)$/ }).click();
}

/** Signs up a new product user (filling Name where the form has it) and waits to be in. */
export async function signUp(page: Page, email: string, name?: string): Promise<void> {
  await page.goto('/sign-up');
  const nameField = page.getByLabel('Name');
  if (name && (await nameField.count())) await nameField.fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await confirmSignUp(page, email, () => page.getByRole('button', { name: 'Sign up' }).click());
}

/** Links a mailbox of the local stack through Settings, as a new user would. */
export async function linkMailbox(
  page: Page,
  provider: 'QQ Mail' | '163',
  address: string,
  authCode: string,
): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('Provider').selectOption({ label: provider });
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Authorization code').fill(authCode);
  await page.getByRole('button', { name: 'Add mailbox' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: address })).toBeVisible({
    timeout: 60_000,
  });
}

/**
 * Settings → Conversation view → Single messages, as a user who reads one message at a
 * time would choose it; for specs about single messages (rows and counts per message).
 */
export async function readSingleMessages(page: Page): Promise<void> {
  await page.goto('/settings');
  const single = page
    .getByRole('radiogroup', { name: 'Show mail as' })
    .getByRole('radio', { name: 'Single messages' });
  await single.click();
  await expect(single).toBeChecked();
}

/** alice@qq.test and bob@163.test, linked in that order, then the mail page. */
export async function linkAliceAndBob(page: Page): Promise<void> {
  await linkMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  await linkMailbox(page, '163', 'bob@163.test', 'bob-auth-code');
  await page.goto('/');
}

/**
 * A signed-up user with alice@qq.test linked and one Chinese mail in her inbox, for the
 * pages that the accessibility checks and the screenshots look at. The names are English:
 * the browser of these specs asks for English unless a test says otherwise.
 */
export async function userWithMail(page: Page, label: string): Promise<{ subject: string }> {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const subject = `季度预算 会议纪要 ${run}`;
  await signUp(page, `e2e-${label}-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  await mailFromBowen(subject, `${run}-ui`, [
    '各位好：',
    '',
    '下周二上午十点在三楼会议室讨论第四季度预算，请提前准备各部门的数据。',
    '',
    '博文',
  ]);
  return { subject };
}

/**
 * Delivers a plain-text mail from 博文 <bob@163.test> to alice@qq.test through the local
 * Postfix: `subject` (any language), Message-ID <`id`@163.test>, the body's lines.
 */
export async function mailFromBowen(subject: string, id: string, lines: string[]) {
  await deliverMessage({
    from: 'bob@163.test',
    to: 'alice@qq.test',
    raw: [
      'From: =?UTF-8?B?5Y2a5paH?= <bob@163.test>',
      'To: alice@qq.test',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${id}@163.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...lines,
      '',
    ].join('\r\n'),
  });
}

/** Language and theme as a user who picked them in Settings (the cookies Settings writes). */
export async function chooseLook(
  context: BrowserContext,
  baseURL: string,
  look: { locale: 'en' | 'zh-CN'; theme: 'light' | 'dark' },
) {
  await context.addCookies([
    { name: 'youjian-locale', value: look.locale, url: baseURL },
    { name: 'youjian-theme', value: look.theme, url: baseURL },
  ]);
}

export const LOOKS = [
  { locale: 'en', theme: 'light' },
  { locale: 'en', theme: 'dark' },
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
] as const;
