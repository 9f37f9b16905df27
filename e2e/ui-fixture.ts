import { type BrowserContext, expect, type Page } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';

/**
 * A signed-up user with alice@qq.test linked and one Chinese mail in her inbox, for the
 * pages that the accessibility checks and the screenshots look at. The names are English:
 * the browser of these specs asks for English unless a test says otherwise.
 */
export async function userWithMail(page: Page, label: string): Promise<{ subject: string }> {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const subject = `季度预算 会议纪要 ${run}`;
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(`e2e-${label}-${run}@example.test`);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).not.toHaveURL(/sign-up/);
  await page.goto('/settings');
  await page.getByLabel('Provider').selectOption({ label: 'QQ Mail' });
  await page.getByLabel('Email address').fill('alice@qq.test');
  await page.getByLabel('Authorization code').fill('alice-auth-code');
  await page.getByRole('button', { name: 'Add mailbox' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'alice@qq.test' })).toBeVisible();
  await deliverMessage({
    from: 'bob@163.test',
    to: 'alice@qq.test',
    raw: [
      'From: =?UTF-8?B?5Y2a5paH?= <bob@163.test>',
      'To: alice@qq.test',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${run}-ui@163.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '各位好：',
      '',
      '下周二上午十点在三楼会议室讨论第四季度预算，请提前准备各部门的数据。',
      '',
      '博文',
      '',
    ].join('\r\n'),
  });
  return { subject };
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
