import { expect, test } from '@playwright/test';
import { deliver, letters, row, search, signUpWithBothMailboxes } from './find-fixture';

/**
 * Issue 11 in the browser: All inboxes shows both linked mailboxes' mail, the search box
 * finds a two-character Chinese word across them and narrows with operators, the keyboard
 * alone reads and archives, and a Shift range and "Select all" act on many messages.
 */
const run = letters();
const aliceSubject = `差旅 ${run} alice`;
const bobSubject = `差旅 ${run} bob`;
const batch = letters();

test('All inboxes shows both mailboxes; search finds 差旅 across them and operators narrow it', async ({
  page,
}) => {
  await deliver('alice@qq.test', 'boss@example.test', aliceSubject, `下周的差旅安排 ${run}`);
  await deliver('bob@163.test', 'hr@example.test', bobSubject, `请确认差旅预算 ${run}`);
  await signUpWithBothMailboxes(page, `find-${run}`);

  await expect(page.getByRole('link', { name: 'All inboxes' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(row(page, aliceSubject)).toBeVisible({ timeout: 60_000 });
  await expect(row(page, bobSubject)).toBeVisible({ timeout: 60_000 });
  // each row says whose it is
  await expect(row(page, aliceSubject)).toContainText('alice@qq.test');
  await expect(row(page, bobSubject)).toContainText('bob@163.test');
  await page.screenshot({ path: 'test-results/find-all-inboxes.png' });

  // the two-character word is only in the bodies
  await search(page, '差旅');
  await expect(row(page, aliceSubject)).toBeVisible();
  await expect(row(page, bobSubject)).toBeVisible();
  await expect(row(page, aliceSubject).locator('mark').first()).toHaveText('差旅');

  await search(page, `差旅 ${run} from:boss@example.test`);
  await expect(row(page, aliceSubject)).toBeVisible();
  await expect(row(page, bobSubject)).toHaveCount(0);

  await search(page, `差旅 ${run} account:bob@163.test`);
  await expect(row(page, bobSubject)).toBeVisible();
  await expect(row(page, aliceSubject)).toHaveCount(0);

  await search(page, `subject:${run} -bob`);
  await expect(row(page, aliceSubject)).toBeVisible();
  await expect(row(page, bobSubject)).toHaveCount(0);

  await search(page, `差旅 ${run} is:starred`);
  await expect(page.getByText('Nothing found.')).toBeVisible();

  // bad input is answered in words, not as a server error
  await search(page, 'before:someday');
  // the parser's own words (Next.js's route announcer is an alert too, and names the page)
  await expect(
    page.getByRole('alert').filter({ hasText: 'before: takes a date such as before:2024-03-31.' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/find-search-error.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await search(page, '差旅');
  await page.screenshot({ path: 'test-results/find-search-phone.png', fullPage: true });
});

test('the keyboard alone moves, opens, replies and archives (j, k, o, r, e)', async ({ page }) => {
  const first = `键盘 ${run} first`;
  const second = `键盘 ${run} second`;
  await deliver('alice@qq.test', 'news@example.test', first, '第一封');
  // the server's arrival time (INTERNALDATE) has whole seconds: in the same second the two
  // would tie and list in id order, so "second" must arrive in a later second to be newest
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await deliver('alice@qq.test', 'news@example.test', second, '第二封');
  await signUpWithBothMailboxes(page, `find-${run}`);
  await search(page, `键盘 ${run}`);
  await expect(row(page, first)).toBeVisible({ timeout: 60_000 });
  await expect(row(page, second)).toBeVisible();
  // no mouse from here: Escape leaves the search box, and the keys work on the page
  await page.keyboard.press('Escape');

  // newest first: second, then first
  await page.keyboard.press('j');
  await expect(row(page, second)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(row(page, first)).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, second)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('k');
  await expect(row(page, second)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('o');
  await expect(page.getByRole('article').getByRole('heading', { name: second })).toBeVisible();

  await page.keyboard.press('r');
  const reply = page.getByRole('dialog', { name: 'Reply' });
  await expect(reply).toBeVisible();
  // Tab order reaches Cancel; pressed with Enter, no mouse
  await reply.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(reply).toHaveCount(0);

  await page.keyboard.press('e');
  await expect(row(page, second)).toHaveCount(0);
  await expect(row(page, first)).toBeVisible();

  // with no message open the keys act on the keyboard's row: s stars it; once rows are
  // ticked (x) they act on the ticked ones: # deletes it
  await page.keyboard.press('j');
  await expect(row(page, first)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('s');
  await expect(row(page, first)).toContainText('Starred');
  await page.keyboard.press('x');
  await expect(page.getByRole('checkbox', { name: `Select ${first}` })).toBeChecked();
  await page.screenshot({ path: 'test-results/find-keyboard-ticked.png' });
  await page.keyboard.press('#');
  await expect(row(page, first)).toHaveCount(0);
  await search(page, `键盘 ${run} in:trash is:starred`);
  await expect(row(page, first)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Archive');
  await page.screenshot({ path: 'test-results/find-shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a Shift range ticks the rows between; Select all archives every result, then moves them', async ({
  page,
}) => {
  const subjects = [1, 2, 3, 4].map((n) => `Batch ${batch} ${n}`);
  for (const subject of subjects) {
    await deliver('alice@qq.test', 'news@example.test', subject, `批量 ${batch}`);
  }
  await signUpWithBothMailboxes(page, `find-${run}`);
  await search(page, `subject:${batch}`);
  for (const subject of subjects) await expect(row(page, subject)).toBeVisible({ timeout: 60_000 });

  // mail of one second lists in id order: read the order shown, tick the first row and
  // Shift-tick the third → the first three ticked, the fourth not
  const shown = (await page.locator('.message-list [role="row"] .subject').allTextContents()).map(
    (text) => subjects.find((subject) => text.includes(subject)) ?? text,
  );
  const box = (index: number) =>
    page.getByRole('checkbox', { name: `Select ${shown[index] ?? ''}` });
  await box(0).click();
  await box(2).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('group', { name: 'Actions for 3 selected' })).toBeVisible();
  await expect(box(1)).toBeChecked();
  await expect(box(2)).toBeChecked();
  await expect(box(3)).not.toBeChecked();
  await page.screenshot({ path: 'test-results/find-shift-range.png' });

  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await expect(page.getByText('All results selected')).toBeVisible();
  await page
    .getByRole('group', { name: 'Actions for all selected' })
    .getByRole('button', { name: 'Archive' })
    .click();
  await expect(row(page, subjects[0] ?? '')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/find-select-all-archived.png' });

  await search(page, `subject:${batch} in:inbox`);
  await expect(page.getByText('Nothing found.')).toBeVisible();
  await search(page, `subject:${batch} in:archive`);
  for (const subject of subjects) await expect(row(page, subject)).toBeVisible();

  // every result moved back: the folders are offered per mailbox (a search spans both)
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  const actions = page.getByRole('group', { name: 'Actions for all selected' });
  const move = actions.getByRole('combobox', { name: 'Move to' });
  const inbox = move.locator('optgroup[label="alice@qq.test"] option', { hasText: 'Inbox' });
  await move.selectOption(await inbox.getAttribute('value'));
  await expect(row(page, subjects[0] ?? '')).toHaveCount(0);
  await search(page, `subject:${batch} in:inbox`);
  for (const subject of subjects) await expect(row(page, subject)).toBeVisible();
});
