import { expect, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { confirmSignUp } from './ui-fixture';

/**
 * A new user whose browser asks for Chinese: every step reads in 简体中文 — sign-up,
 * linking a QQ mailbox, reading a mail and opening a reply — and Settings switches the language
 * (kept per user) and the theme.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const subject = `项目周报 ${run}`;

test.use({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });

async function signUp(page: Page, who: string) {
  await page.goto('/sign-up');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '创建账户' })).toBeVisible();
  const email = `e2e-zh-${who}-${run}@example.test`;
  await page.getByLabel('邮箱地址').fill(email);
  await page.getByLabel('密码').fill('correct horse battery staple');
  await confirmSignUp(page, email, async () => {
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.getByRole('heading', { name: '请查收邮件' })).toBeVisible();
  });
}

async function linkQqMailbox(page: Page) {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
  await page.getByLabel('服务商').selectOption({ label: 'QQ 邮箱' });
  await page.getByLabel('邮箱地址').fill('alice@qq.test');
  await page.getByLabel('授权码').fill('wrong-code');
  await page.getByRole('button', { name: '添加邮箱' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '授权码' })).toBeVisible();
  await page.getByLabel('授权码').fill('alice-auth-code');
  await page.getByRole('button', { name: '添加邮箱' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'alice@qq.test' })).toContainText(
    '已添加',
  );
}

test('a Chinese-speaking user signs up, links QQ Mail and reads in Chinese', async ({ page }) => {
  await signUp(page, 'reader');
  await expect(page.getByRole('link', { name: '设置' })).toBeVisible();
  await linkQqMailbox(page);

  await deliverMessage({
    from: 'bob@163.test',
    to: 'alice@qq.test',
    raw: [
      'From: bob@163.test',
      'To: alice@qq.test',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${run}-zh@163.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `本周完成了登录页面。${run}`,
      '',
    ].join('\r\n'),
  });

  await page.goto('/');
  const item = page.getByRole('row').filter({ hasText: subject });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveTitle(/^\(\d+\) 所有收件箱 · Youjian$/);
  await item.click();
  const reading = page.getByRole('article');
  await expect(reading.getByRole('heading', { name: subject })).toBeVisible();
  await expect(reading).toContainText('本周完成了登录页面');
  await expect(reading.getByRole('button', { name: '回复全部' })).toBeVisible();
  await expect(reading.getByRole('button', { name: '转发', exact: true })).toBeVisible();

  await reading.getByRole('button', { name: '回复', exact: true }).click();
  const compose = page.getByRole('dialog', { name: '回复' });
  // the sender of the original, a chip of the 收件人 field
  await expect(
    compose.getByRole('list', { name: '收件人列表' }).getByRole('listitem'),
  ).toHaveAttribute('title', /bob@163\.test/);
  await expect(compose.getByRole('button', { name: '发送', exact: true })).toBeVisible();
  await compose.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('button', { name: '写信' })).toBeVisible();
});

test('Settings switches language and theme, and the language is kept for the user', async ({
  page,
  context,
}) => {
  await signUp(page, 'settings');
  await page.goto('/settings');
  await page.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page
    .getByRole('radiogroup', { name: '语言' })
    .getByRole('radio', { name: 'English' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }),
  ).toBeChecked();

  // kept per user, not only in this browser: without the cookies the choice still holds
  await context.clearCookies({ name: 'youjian-locale' });
  await context.clearCookies({ name: 'youjian-theme' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page
    .getByRole('radiogroup', { name: 'Language' })
    .getByRole('radio', { name: '简体中文' })
    .click();
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
});

test('Settings and the folder pane speak Chinese: mailboxes, reading pane, password', async ({
  page,
}) => {
  await signUp(page, 'prefs');
  await linkQqMailbox(page);

  // 邮箱: the name on sent mail is kept
  const mailboxes = page.getByRole('region', { name: '邮箱', exact: true });
  await mailboxes.getByLabel('发件人名称').fill('王小明');
  await mailboxes.getByLabel('发件人名称').press('Tab');
  await mailboxes.getByLabel('默认发件邮箱').selectOption({ label: 'alice@qq.test' });
  await expect(mailboxes.getByLabel('默认发件邮箱')).toBeEnabled();
  await page.reload();
  await expect(
    page.getByRole('region', { name: '邮箱', exact: true }).getByLabel('发件人名称'),
  ).toHaveValue('王小明');
  await expect(
    page.getByRole('region', { name: '邮箱', exact: true }).getByLabel('默认发件邮箱'),
  ).toHaveValue(/[0-9a-f-]{36}/);

  // 阅读窗格: below the list, rendered by the server
  await page
    .getByRole('radiogroup', { name: '邮件打开位置' })
    .getByRole('radio', { name: '列表下方' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('data-reading-pane', 'bottom');

  // 你的 Youjian 账号: a wrong current password is said so
  const account = page.getByRole('region', { name: '你的 Youjian 账号' });
  await account.getByLabel('当前密码').fill('not the password at all');
  await account.getByLabel('新密码').fill('another long passphrase here');
  await account.getByRole('button', { name: '修改密码' }).click();
  await expect(account.getByRole('alert')).toHaveText('密码不正确。');

  // the folder pane: role folders by their Chinese names, with 新建文件夹
  await page.goto('/');
  const pane = page.getByRole('navigation', { name: '邮箱' });
  const qq = pane.getByRole('group', { name: 'alice@qq.test' });
  for (const name of ['收件箱', '已发送', '草稿箱', '已删除', '垃圾邮件']) {
    await expect(qq.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible({
      timeout: 60_000,
    });
  }
  await expect(qq.getByRole('button', { name: '新建文件夹' })).toBeVisible();
  await qq.getByRole('link', { name: /^收件箱/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^收件箱/ })).toBeVisible();
});
