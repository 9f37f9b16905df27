import { expect, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { confirmSignUp } from './ui-fixture';

/**
 * Organizing mail in the browser: a message archived from the reading pane and one
 * deleted from the list leave the list at once and show up in Archive and Trash.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const archiveSubject = `归档测试 ${run}`;
const deleteSubject = `删除测试 ${run}`;

function rawMail(subject: string): string {
  return [
    'From: Newsletter <news@example.test>',
    'To: alice@qq.test',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${run}-${subject.length}-${Math.random().toString(36).slice(2)}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `正文 ${subject}`,
    '',
  ].join('\r\n');
}

async function openFolder(page: Page, folder: RegExp) {
  const account = page.getByRole('navigation').getByRole('group', { name: 'alice@qq.test' });
  await account.getByRole('link', { name: folder }).click();
}

test('archiving and deleting move messages out of the list and into Archive and Trash', async ({
  page,
}) => {
  for (const subject of [archiveSubject, deleteSubject]) {
    await deliverMessage({ from: 'news@example.test', to: 'alice@qq.test', raw: rawMail(subject) });
  }

  await page.goto('/sign-up');
  const name = page.getByLabel('Name');
  if (await name.count()) await name.fill('整理 用户');
  const email = `organize-${run}@example.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await confirmSignUp(page, email, () => page.getByRole('button', { name: 'Sign up' }).click());

  await page.goto('/settings');
  await page.getByLabel('Provider').selectOption({ label: 'QQ Mail' });
  await page.getByLabel('Email address').fill('alice@qq.test');
  await page.getByLabel('Authorization code').fill('alice-auth-code');
  await page.getByRole('button', { name: 'Add mailbox' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'alice@qq.test' })).toBeVisible();

  await page.goto('/');
  await openFolder(page, /收件箱|Inbox/i);
  const list = page.locator('.message-list');
  const toArchive = list.getByRole('row').filter({ hasText: archiveSubject });
  const toDelete = list.getByRole('row').filter({ hasText: deleteSubject });
  await expect(toArchive).toBeVisible({ timeout: 60_000 });
  await expect(toDelete).toBeVisible({ timeout: 60_000 });

  // archive from the reading pane
  await toArchive.getByRole('link').click();
  const reading = page.getByRole('article');
  await expect(reading.getByRole('heading', { name: archiveSubject })).toBeVisible();
  await reading.getByRole('button', { name: 'Archive' }).click();
  await expect(toArchive).toHaveCount(0);

  // delete from the list, after ticking the message
  await toDelete.getByRole('checkbox', { name: `Select ${deleteSubject}` }).check();
  await page
    .getByRole('group', { name: 'Actions for 1 selected' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(toDelete).toHaveCount(0);

  await openFolder(page, /Archive/);
  await expect(list.getByRole('row').filter({ hasText: archiveSubject })).toHaveCount(1, {
    timeout: 30_000,
  });
  await openFolder(page, /已删除|Deleted Messages|Trash/i);
  await expect(list.getByRole('row').filter({ hasText: deleteSubject })).toHaveCount(1, {
    timeout: 30_000,
  });
});
