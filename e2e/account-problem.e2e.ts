import { expect, test } from '@playwright/test';
import { createMailUser, replaceAuthCode } from '@youjian/mailstack';
import { linkMailbox, signUp } from './ui-fixture';

/**
 * A provider that revokes the 授权码 (QQ after a password change): the folder pane says so
 * in the user's language, says where QQ hands out a new one, and takes it in place — the
 * mailbox syncs again without being relinked.
 */
test('an expired 授权码 is told in the folder pane and replaced without relinking', async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const mailUser = await createMailUser('qq.test');
  await signUp(page, `e2e-code-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', mailUser.address, mailUser.authCode);
  await page.goto('/');
  const mailbox = page.getByRole('navigation').getByRole('group', { name: mailUser.address });
  await expect(mailbox.getByText('Up to date')).toBeVisible({ timeout: 60_000 });

  const renewed = await replaceAuthCode(mailUser);
  const problem = mailbox.getByRole('status').filter({ hasText: 'no longer accepts' });
  await expect(problem).toBeVisible({ timeout: 90_000 });
  await expect(problem).toContainText('生成授权码');

  await problem.getByRole('button', { name: 'Enter the new code' }).click();
  const field = problem.getByLabel(`New authorization code for ${mailUser.address}`);
  await field.fill('not-the-new-code');
  await problem.getByRole('button', { name: 'Save code' }).click();
  await expect(problem.getByRole('alert')).toContainText(/authorization code/i);
  await field.fill(renewed.authCode);
  await problem.getByRole('button', { name: 'Save code' }).click();
  await expect(mailbox.getByText('Up to date')).toBeVisible({ timeout: 60_000 });
  await expect(problem).toHaveCount(0);
});
