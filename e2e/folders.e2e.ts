import { expect, test } from '@playwright/test';
import { linkMailbox, signUp } from './ui-fixture';

/**
 * A user's own folders in the folder pane: New folder, then its menu (a menu button whose
 * menu code loads on first use, components/ui/deferred-menu.tsx) — opened from the
 * keyboard, closed with Escape back onto its button, Rename…, then Delete folder… after the
 * browser's confirmation. Each change is made at the provider: after a reload the folder
 * pane shows what the mirror holds.
 */
test.use({ viewport: { width: 1280, height: 800 } });

test('a folder is created, renamed and deleted through its menu, from the keyboard too', async ({
  page,
}) => {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const first = `项目 ${run}`;
  const renamed = `归档项目 ${run}`;
  await signUp(page, `e2e-folders-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  await page.goto('/');
  const mailbox = page.getByRole('navigation').getByRole('group', { name: 'alice@qq.test' });
  await expect(mailbox.getByText('Up to date')).toBeVisible({ timeout: 60_000 });

  await mailbox.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('Folder name').fill(first);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(mailbox.getByRole('link', { name: first, exact: true })).toBeVisible();

  // the menu button from the keyboard: Enter opens it, Escape closes it onto the button
  const actions = mailbox.getByRole('button', { name: `Actions for folder ${first}` });
  await actions.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeVisible();
  await page.screenshot({ path: 'test-results/folder-menu-open.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(mailbox.getByRole('button', { name: `Actions for folder ${first}` })).toBeFocused();

  await page.keyboard.press('Enter');
  await menu.getByRole('menuitem', { name: 'Rename…' }).click();
  const newName = page.getByLabel(`New name for ${first}`);
  await expect(newName).toBeFocused();
  await newName.fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(mailbox.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  await expect(mailbox.getByRole('link', { name: first, exact: true })).toHaveCount(0);

  await page.reload();
  await expect(mailbox.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain(renamed);
    void dialog.accept();
  });
  await mailbox.getByRole('button', { name: `Actions for folder ${renamed}` }).click();
  await menu.getByRole('menuitem', { name: 'Delete folder…' }).click();
  await expect(mailbox.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(mailbox.getByText('Up to date')).toBeVisible({ timeout: 60_000 });
  await expect(mailbox.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
});
