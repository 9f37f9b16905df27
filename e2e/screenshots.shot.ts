import { expect, type Page, test } from '@playwright/test';
import { chooseLook, LOOKS, screenshotPath, userWithMail } from './ui-fixture';

/**
 * docs/screenshots/<page>-<locale>-<theme>.png for the inbox, a conversation, compose,
 * settings (top, Mailboxes, Your Youjian account) and the phone layout (390×844: list,
 * message, reply), in both languages and both themes.
 */
const COMPOSE = { en: 'Compose', 'zh-CN': '写信' } as const;
const REPLY = { en: 'Reply', 'zh-CN': '回复' } as const;
const SEND = { en: 'Send', 'zh-CN': '发送' } as const;
const ACCOUNT = { en: 'Your Youjian account', 'zh-CN': '你的 Youjian 账号' } as const;
// the last section of Settings to load (it waits for the mailboxes)
const MAILBOXES = { en: 'Mailboxes', 'zh-CN': '邮箱' } as const;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`${name}.png`) });
}

test('screenshots of every main page', async ({ page, context, baseURL }) => {
  test.setTimeout(600_000);
  const { subject } = await userWithMail(page, 'shots');
  for (const look of LOOKS) {
    const suffix = `${look.locale}-${look.theme}`;
    await chooseLook(context, baseURL ?? '', look);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    const item = page.getByRole('row').filter({ hasText: subject });
    await expect(item).toBeVisible({ timeout: 60_000 });
    await shoot(page, `inbox-${suffix}`);
    await item.click();
    await expect(page.getByRole('article').getByRole('heading', { name: subject })).toBeVisible();
    await shoot(page, `conversation-${suffix}`);
    await page.getByRole('button', { name: COMPOSE[look.locale] }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shoot(page, `compose-${suffix}`);
    await page.keyboard.press('Escape');
    await page.goto('/settings');
    await expect(
      page.getByRole('heading', { level: 2, name: MAILBOXES[look.locale], exact: true }),
    ).toBeVisible();
    await shoot(page, `settings-${suffix}`);
    // the page scrolls inside the app: the lower sections get pictures of their own
    await page
      .getByRole('heading', { level: 2, name: MAILBOXES[look.locale], exact: true })
      .scrollIntoViewIfNeeded();
    await shoot(page, `settings-mailboxes-${suffix}`);
    await page
      .getByRole('heading', { level: 2, name: ACCOUNT[look.locale] })
      .scrollIntoViewIfNeeded();
    await shoot(page, `settings-account-${suffix}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(item).toBeVisible();
    await shoot(page, `phone-list-${suffix}`);
    await item.click();
    await expect(page.getByRole('article').getByRole('heading', { name: subject })).toBeVisible();
    await shoot(page, `phone-message-${suffix}`);
    await page
      .getByRole('article')
      .getByRole('button', { name: REPLY[look.locale], exact: true })
      .click();
    // compose reads the original first: wait until it can be sent
    await expect(
      page.getByRole('dialog').getByRole('button', { name: SEND[look.locale], exact: true }),
    ).toBeVisible();
    await shoot(page, `phone-compose-${suffix}`);
    await page.keyboard.press('Escape');
  }
});
