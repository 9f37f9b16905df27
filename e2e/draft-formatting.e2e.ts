import { expect, test } from '@playwright/test';
import { ALICE, compose } from './outbox-fixture';
import { linkAliceAndBob, signUp } from './ui-fixture';

/**
 * A draft keeps its formatting (issue 9, drafts): bold and a bulleted list typed in the
 * rich editor are autosaved as HTML, and the draft opened again from Drafts after a reload
 * shows them as bold and as a list — not as flattened text.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test.use({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });

test('a draft with bold and a list reopens from Drafts with both', async ({ page }) => {
  await signUp(page, `e2e-draft-html-${run}@example.test`, `draft-html-${run}`);
  await linkAliceAndBob(page);
  const subject = `格式 ${run}`;
  const dialog = await compose(page, subject, '请看：');
  await dialog.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('周五截止');
  await dialog.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('预算');
  await page.keyboard.press('Enter');
  await page.keyboard.type('人员');
  const saved = page.waitForResponse(
    (r) => r.url().includes('drafts.save') && r.request().postData()?.includes('人员') === true,
  );
  await saved;
  await expect(dialog.getByText('Draft saved')).toBeVisible();
  await page.reload();

  const account = page.getByRole('navigation').getByRole('group', { name: ALICE.address });
  await account.getByRole('link', { name: /Drafts/ }).click();
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  const editor = page.getByRole('dialog').getByLabel('Message', { exact: true });
  await expect(editor.locator('strong')).toHaveText('周五截止');
  await expect(editor.getByRole('listitem')).toHaveText(['预算', '人员']);
  await page.screenshot({ path: 'test-results/draft-formatting-reopened.png' });
});
