import { expect, test } from '@playwright/test';
import { compose, failingSender } from './outbox-fixture';
import { chooseLook, linkAliceAndBob, screenshotPath, signUp } from './ui-fixture';

/**
 * docs/screenshots/outbox-<locale>.png: the Outbox at 1280×800 with a scheduled mail and
 * one the provider refused (reason, Retry, Edit, Cancel); phone-width pictures (390×844)
 * go to test-results only, to be looked at.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const userEmail = `e2e-outbox-shot-${run}@example.test`;

test('the Outbox in English and Chinese', async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, userEmail, 'Outbox');
  await linkAliceAndBob(page);

  const later = await compose(page, '第四季度预算评审', '请在周五前提交各部门数据。');
  await later.getByRole('button', { name: 'Schedule send' }).click();
  await later.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(later).toBeHidden();

  const alias = await failingSender(userEmail, run);
  try {
    await page.reload();
    const refused = await compose(page, 'Weekly report', 'Numbers attached.', alias.address);
    await refused.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('link', { name: 'Outbox' }).click();
    await expect(page.getByRole('listitem', { name: 'Weekly report' })).toContainText('Failed', {
      timeout: 60_000,
    });
  } finally {
    await alias.restore();
  }

  for (const locale of ['en', 'zh-CN'] as const) {
    await chooseLook(context, baseURL ?? '', { locale, theme: 'light' });
    for (const [width, height, where] of [
      [1280, 800, screenshotPath(`outbox-${locale}.png`)],
      [390, 844, testInfo.outputPath(`outbox-${locale}-phone.png`)],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/?view=outbox');
      await expect(page.getByRole('listitem', { name: 'Weekly report' })).toBeVisible();
      await page.screenshot({ path: where });
    }
  }
});

test('compose with Schedule send open, and Settings → Sending (looked at, not kept)', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, `e2e-schedule-shot-${run}@example.test`, 'Schedule');
  await linkAliceAndBob(page);
  for (const locale of ['en', 'zh-CN'] as const) {
    await chooseLook(context, baseURL ?? '', { locale, theme: 'light' });
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/settings');
      await page
        .getByRole('heading', { name: locale === 'en' ? 'Sending' : '发送' })
        .scrollIntoViewIfNeeded();
      await page.screenshot({
        path: testInfo.outputPath(`settings-sending-${locale}-${width}.png`),
      });
      await page.goto('/');
      await page
        .getByRole('button', { name: locale === 'en' ? 'Compose' : '写信' })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('button', { name: locale === 'en' ? 'Schedule send' : '定时发送' })
        .click();
      await page.screenshot({
        path: testInfo.outputPath(`compose-schedule-${locale}-${width}.png`),
      });
      await dialog
        .getByRole('button', { name: locale === 'en' ? 'Discard draft' : '放弃草稿' })
        .click();
    }
  }
});
