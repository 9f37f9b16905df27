import { expect, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { linkAliceAndBob, signUp } from './ui-fixture';

/**
 * Conversations as a new user meets them: alice@qq.test writes to bob@163.test, bob
 * replies, and alice's inbox shows one conversation of two messages — her original from
 * Sent and bob's reply — opened as a region "Conversation" with one article per message,
 * the older folded. Settings → Reading switches to single messages. And the open
 * message's actions and flags are its own: after a move to Junk or Trash it offers that
 * folder's actions, and Star shows the state of the message on screen, not the last one.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const subject = `周会安排 ${run}`;

test.use({ viewport: { width: 1440, height: 900 } });

async function openFolder(page: Page, address: string, folder: RegExp) {
  const link = page
    .getByRole('navigation')
    .getByRole('group', { name: address })
    .getByRole('link', { name: folder });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

function plainMail(from: string, to: string, title: string): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(title).toString('base64')}?=`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${title.replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2)}@e2e.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${title} body`,
    '',
  ].join('\r\n');
}

test('alice writes, bob replies: one conversation of two in her inbox; Settings switches to single messages', async ({
  page,
}) => {
  await signUp(page, `e2e-conv-${run}@example.test`, `conv-${run}`);
  await linkAliceAndBob(page);

  // alice writes to bob from Youjian (her copy lands in her Sent)
  await page.getByRole('button', { name: 'Compose' }).click();
  let compose = page.getByRole('dialog');
  await compose.getByLabel('From').selectOption({ label: 'alice@qq.test' });
  const to = compose.getByLabel('To', { exact: true });
  await to.fill('bob@163.test');
  await to.press('Enter');
  await compose.getByLabel('Subject', { exact: true }).fill(subject);
  await compose.getByLabel('Message', { exact: true }).locator('p').first().click();
  await page.keyboard.type(`下周一上午十点开周会。${run}`);
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(compose).toBeHidden();

  // bob opens it — a conversation of one — and replies
  await openFolder(page, 'bob@163.test', /Inbox/);
  await row(page, subject).click({ timeout: 60_000 });
  const bobsView = page.getByRole('region', { name: 'Conversation' });
  await expect(bobsView.getByRole('article')).toHaveCount(1);
  await bobsView.getByRole('button', { name: 'Reply', exact: true }).click();
  compose = page.getByRole('dialog', { name: 'Reply' });
  await expect(compose.getByLabel('Subject', { exact: true })).toHaveValue(`Re: ${subject}`);
  // a reply opens with the caret in the message (the editor loads on first use): type
  // once it is there, as a person who sees the caret does
  await expect(compose.getByLabel('Message', { exact: true })).toBeFocused();
  await page.keyboard.type('好的，准时参加。');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(compose).toBeHidden();

  // alice: one row, two messages (her original from Sent, bob's reply)
  await openFolder(page, 'alice@qq.test', /Inbox/);
  const conversationRow = row(page, subject);
  await expect(conversationRow).toContainText('2 messages', { timeout: 90_000 });
  await expect(conversationRow).toHaveCount(1);
  await expect(conversationRow).toContainText(/conv-[^,]*, [^,]*conv-/);
  await conversationRow.click();

  const conversation = page.getByRole('region', { name: 'Conversation' });
  const articles = conversation.getByRole('article');
  await expect(articles).toHaveCount(2);
  const [original, reply] = [articles.nth(0), articles.nth(1)];
  // the older one (read, alice's own) is folded to one line; the newest is open
  const originalToggle = original.getByRole('button', { name: /conv-/ }).first();
  await expect(originalToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(original.locator('iframe')).toHaveCount(0);
  await expect(reply.getByRole('button', { name: /conv-/ }).first()).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // the mail was written in the rich editor: its HTML part shows in the sandboxed frame
  await expect(reply.frameLocator('iframe').locator('body')).toContainText('好的，准时参加。');
  await expect(reply.getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
  await expect(reply.getByRole('button', { name: 'Reply all' })).toBeVisible();
  await expect(reply.getByRole('button', { name: 'Forward', exact: true })).toBeVisible();

  // a click unfolds the original, Enter folds it again
  await originalToggle.click();
  await expect(originalToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(original.frameLocator('iframe').locator('body')).toContainText(
    '下周一上午十点开周会。',
  );
  await originalToggle.focus();
  await page.keyboard.press('Enter');
  await expect(originalToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(original.locator('iframe')).toHaveCount(0);

  // Settings → Reading → Single messages: the inbox lists bob's reply on its own
  await page.goto('/settings');
  const reading = page.getByRole('radiogroup', { name: 'Show mail as' });
  await expect(reading.getByRole('radio', { name: 'Conversations' })).toBeChecked();
  await reading.getByRole('radio', { name: 'Single messages' }).click();
  await expect(reading.getByRole('radio', { name: 'Single messages' })).toBeChecked();
  await page.goto('/');
  await openFolder(page, 'alice@qq.test', /Inbox/);
  const messageRow = row(page, subject);
  await expect(messageRow).toHaveCount(1);
  await expect(messageRow).not.toContainText('2 messages');
  await messageRow.click();
  await expect(
    page.getByRole('article').getByRole('heading', { name: `Re: ${subject}` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Conversation' })).toHaveCount(0);
  // and back, so the choice is the user's and not stuck
  await page.goto('/settings');
  await reading.getByRole('radio', { name: 'Conversations' }).click();
  await expect(reading.getByRole('radio', { name: 'Conversations' })).toBeChecked();
});

test("the open message's actions and Star follow the message shown, after moves too", async ({
  page,
}) => {
  const first = `Invoice ${run}`;
  const second = `Newsletter ${run}`;
  await signUp(page, `e2e-state-${run}@example.test`);
  await linkAliceAndBob(page);
  await deliverMessage({
    from: 'news@example.test',
    to: 'bob@163.test',
    raw: plainMail('news@example.test', 'bob@163.test', first),
  });
  await deliverMessage({
    from: 'news@example.test',
    to: 'bob@163.test',
    raw: plainMail('news@example.test', 'bob@163.test', second),
  });
  await openFolder(page, 'bob@163.test', /Inbox/);
  const pane = page.getByRole('region', { name: 'Conversation' });
  const star = pane.getByRole('button', { name: /^(Star|Starred)$/ });

  // Star one; the other shows its own (unstarred) state; the first keeps its star
  await row(page, first).click({ timeout: 60_000 });
  await expect(pane.getByRole('heading', { name: first })).toBeVisible();
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await row(page, second).click();
  await expect(pane.getByRole('heading', { name: second })).toBeVisible();
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await expect(pane.getByRole('button', { name: 'Mark unread' })).toBeEnabled();
  await pane.getByRole('button', { name: 'Mark unread' }).click();
  await expect(pane.getByRole('button', { name: 'Marked unread' })).toBeDisabled();
  await row(page, first).click();
  await expect(pane.getByRole('heading', { name: first })).toBeVisible();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(pane.getByRole('button', { name: 'Mark unread' })).toBeEnabled();

  // moved to Junk: opened there it offers "Not spam", not "Spam" — without a reload
  await pane.getByRole('button', { name: 'Spam', exact: true }).click();
  // the pane closes once the move is done (and the list no longer has the message)
  await expect(pane).toHaveCount(0);
  await expect(row(page, first)).toHaveCount(0);
  await openFolder(page, 'bob@163.test', /Junk|Spam/);
  await row(page, first).click();
  await expect(pane.getByRole('heading', { name: first })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Not spam' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Spam', exact: true })).toHaveCount(0);

  // moved to Trash: opened there it offers "Delete forever"
  await pane.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(pane).toHaveCount(0);
  await expect(row(page, first)).toHaveCount(0);
  await openFolder(page, 'bob@163.test', /Trash|Deleted/);
  await row(page, first).click();
  await expect(pane.getByRole('heading', { name: first })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Delete forever' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
});
