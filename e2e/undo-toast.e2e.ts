import { expect, test } from '@playwright/test';
import { deliver, letters, row as listRow, search, signUpWithBothMailboxes } from './find-fixture';
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
  const undone = toasts.getByRole('listitem').filter({ hasText: 'Undone' });
  await expect(undone).toBeVisible();
  await expect(row).toBeVisible();
  // dismissed, so that the "Undone" awaited below can only be the second Undo's
  await undone.getByRole('button', { name: 'Dismiss' }).click();
  await expect(undone).toHaveCount(0);

  await row.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete' }).first().click();
  await expect(row).toHaveCount(0);
  const trashed = toasts.getByRole('listitem').filter({ hasText: 'Message moved to Trash' });
  await expect(trashed).toBeVisible();
  // the toolbar that deleted it is gone with the selection; its toast's Undo still works
  await trashed.getByRole('button', { name: 'Undo' }).click();
  await expect(undone).toBeVisible();
  await expect(row).toBeVisible();
  // back in the inbox at the provider too: after a reload the row comes from the mirror
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: subject })).toBeVisible();
});

/**
 * "Select all" acts on every result, of both mailboxes, pages never loaded included: its
 * Delete answers with the same toast, and Undo puts every message back in its own inbox.
 */
test('Select all → Delete across two mailboxes says so and Undo puts all of them back', async ({
  page,
}) => {
  const batch = letters();
  const subjects = [
    ['alice@qq.test', `清理 ${batch} 甲`],
    ['alice@qq.test', `清理 ${batch} 乙`],
    ['bob@163.test', `清理 ${batch} 丙`],
  ] as const;
  for (const [to, subject] of subjects) {
    await deliver(to, 'news@example.test', subject, `批量删除 ${batch}`);
  }
  await signUpWithBothMailboxes(page, `undo-all-${batch}`);
  await search(page, `subject:${batch}`);
  for (const [, subject] of subjects) {
    await expect(listRow(page, subject)).toBeVisible({ timeout: 60_000 });
  }

  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page
    .getByRole('group', { name: 'Actions for all selected' })
    .getByRole('button', { name: 'Delete' })
    .click();
  for (const [, subject] of subjects) await expect(listRow(page, subject)).toHaveCount(0);
  const toasts = page.getByRole('region', { name: /Notifications/ });
  const trashed = toasts.getByRole('listitem').filter({ hasText: '3 messages moved to Trash' });
  await expect(trashed).toBeVisible();
  await page.screenshot({ path: 'test-results/undo-select-all-deleted.png' });

  await trashed.getByRole('button', { name: 'Undo' }).click();
  await expect(toasts.getByText('Undone')).toBeVisible();
  // each is back in its own mailbox's inbox after a reload (the mirror, not the list's cache)
  await page.reload();
  await search(page, `subject:${batch} in:inbox`);
  for (const [, subject] of subjects) await expect(listRow(page, subject)).toBeVisible();
  await search(page, `subject:${batch} in:trash`);
  await expect(page.getByText('Nothing found.')).toBeVisible();
});
