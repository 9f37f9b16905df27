import { expect, test } from '@playwright/test';
import { userWithMail } from './ui-fixture';

/**
 * Every destructive action answers with a toast that can undo it (issue 10): Archive from
 * the reading pane and Delete of a ticked row each take the message out of the inbox, the
 * toast says so, and its Undo puts the message back in the inbox.
 */
test('archive and delete say what happened and Undo puts the mail back', async ({ page }) => {
  const { subject } = await userWithMail(page, 'undo');
  await page.goto('/');
  const account = page.getByRole('navigation').getByRole('group', { name: 'alice@qq.test' });
  await account.getByRole('link', { name: /Inbox/ }).click();
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 60_000 });

  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'Archive' }).first().click();
  await expect(row).toHaveCount(0);
  // Radix Toast: the toasts are items of the region "Notifications (F8)"
  const toasts = page.getByRole('region', { name: /Notifications/ });
  await expect(toasts.getByText('Message archived')).toBeVisible();
  await toasts
    .getByRole('listitem')
    .filter({ hasText: 'Message archived' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(toasts.getByText('Undone')).toBeVisible();
  await expect(row).toBeVisible();

  await row.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete' }).first().click();
  await expect(row).toHaveCount(0);
  const trashed = toasts.getByRole('listitem').filter({ hasText: 'Message moved to Trash' });
  await expect(trashed).toBeVisible();
  // the toolbar that deleted it is gone with the selection; its toast's Undo still works
  await trashed.getByRole('button', { name: 'Undo' }).click();
  await expect(toasts.getByText('Undone').last()).toBeVisible();
  await expect(row).toBeVisible();
  // back in the inbox at the provider too: after a reload the row comes from the mirror
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: subject })).toBeVisible();
});
