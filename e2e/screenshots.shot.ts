import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chooseLook, LOOKS, userWithMail } from './ui-fixture';

/**
 * docs/screenshots/<page>-<locale>-<theme>.png for the inbox, a conversation, compose,
 * settings and the phone layout (390×844), in both languages and both themes.
 */
const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const COMPOSE = { en: 'Compose', 'zh-CN': '写信' } as const;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
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
    await shoot(page, `settings-${suffix}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(item).toBeVisible();
    await shoot(page, `phone-list-${suffix}`);
    await item.click();
    await expect(page.getByRole('article').getByRole('heading', { name: subject })).toBeVisible();
    await shoot(page, `phone-message-${suffix}`);
  }
});
