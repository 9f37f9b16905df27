import { expect, type Locator, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import pg from 'pg';
import { linkAliceAndBob, readSingleMessages, screenshotPath, signUp } from './ui-fixture';

/**
 * Answering mail as a new user does it: bob@163.test replies to a mail from alice@qq.test
 * and the reply reaches alice threaded under her original (in the mirror and in her
 * list); reply all writes to everyone but the user's own mailboxes; a forward and a
 * forward as attachment reach alice with their attachment.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const subject = `季度报告 ${run}`;
const forwardedSubject = `预算 ${run}`;
const attachmentName = '预算表.xlsx';
const userName = `e2e-reply-${run}`;

test.use({ viewport: { width: 1440, height: 900 } });

/** A mail from alice to bob with a Chinese-named attachment, as QQ Mail would send it. */
function mailWithAttachment(): string {
  const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
  return [
    `From: ${b64('爱丽丝')} <alice@qq.test>`,
    'To: bob@163.test',
    `Subject: ${b64(forwardedSubject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${run}-budget@qq.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `预算见附件。${run}`,
    '--b',
    'Content-Type: application/octet-stream',
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(attachmentName)}`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`budget ${run}`).toString('base64'),
    '--b--',
    '',
  ].join('\r\n');
}

async function signUpWithMailboxes(page: Page) {
  await signUp(page, `${userName}@example.test`, userName);
  // rows per message: the replies and forwards below are counted one by one
  await readSingleMessages(page);
  await linkAliceAndBob(page);
}

async function openFolder(page: Page, address: string, folder: RegExp) {
  const account = page.getByRole('navigation').getByRole('group', { name: address });
  const link = account.getByRole('link', { name: folder });
  await link.click();
  // the previous folder's rows stay on screen until the navigation lands: a row of the
  // right subject there (alice's "Re: …") must not be taken for one of this folder
  await expect(link).toHaveAttribute('aria-current', 'page');
}

async function openMessage(page: Page, text: string, nth = 0) {
  const item = page.getByRole('row').filter({ hasText: text }).nth(nth);
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.click();
  await expect(page.getByRole('article')).toBeVisible();
}

/**
 * Thread ids of this user's mirror of alice's mailbox (other tests' users may have linked
 * it too) for the messages whose subject contains `text`, by folder role.
 * The product's database is one of the test Postgres' youjian_e2e_* databases (server.ts
 * names it at random): the one holding this run's subject.
 */
async function aliceThreads(text: string): Promise<Array<{ role: string; thread: string }>> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows: databases } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'youjian_e2e_%'",
  );
  await admin.end();
  for (const { datname } of databases) {
    const url = new URL(serverUrl);
    url.pathname = `/${datname}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      const { rows } = await client.query<{ role: string; thread: string }>(
        `select b.role, m.thread_id as thread from message m
           join mailbox b on b.account_id = m.account_id and b.id = m.mailbox_id
           join mail_account a on a.id = m.account_id
           join "user" u on u.id = a.user_id
          where u.email = $2 and a.address = 'alice@qq.test' and m.subject like $1`,
        [`%${text}%`, `${userName}@example.test`],
      );
      if (rows.length > 0) return rows;
    } catch {
      // a database another run is creating or dropping
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return [];
}

/** The one chip of compose's To or Cc field (its title is the address as written). */
function recipients(compose: Locator, field: 'To' | 'Cc') {
  return compose.getByRole('list', { name: `${field} recipients` }).getByRole('listitem');
}

/** Compose forgets what was typed and the last error after Cancel, and has Discard draft. */
async function cancelAndDiscard(page: Page) {
  await page.getByRole('button', { name: 'Compose' }).click();
  const first = page.getByRole('dialog');
  await first.getByLabel('To', { exact: true }).fill('not an address');
  await first.getByLabel('Subject', { exact: true }).fill('draft words');
  await first.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(first.getByRole('alert')).toContainText('not an e-mail address');
  await first.getByRole('button', { name: 'Cancel' }).click();
  await expect(first).toBeHidden();

  await page.getByRole('button', { name: 'Compose' }).click();
  const again = page.getByRole('dialog');
  await expect(again.getByLabel('To', { exact: true })).toHaveValue('');
  await expect(again.getByLabel('Subject', { exact: true })).toHaveValue('');
  await expect(again.getByText('not an e-mail address')).toHaveCount(0);
  await again.getByLabel('Subject', { exact: true }).fill('more words');
  await again.getByRole('button', { name: 'Discard draft' }).click();
  await expect(again).toBeHidden();
  await page.getByRole('button', { name: 'Compose' }).click();
  await expect(again.getByLabel('Subject', { exact: true })).toHaveValue('');
  await again.getByRole('button', { name: 'Cancel' }).click();
}

test('bob replies, replies to all and forwards mail from alice; each reaches her', async ({
  page,
}, testInfo) => {
  await deliverMessage({ from: 'alice@qq.test', to: 'bob@163.test', raw: mailWithAttachment() });
  await signUpWithMailboxes(page);
  await cancelAndDiscard(page);

  // alice writes to bob, with carol in Cc
  await page.getByRole('button', { name: 'Compose' }).click();
  let compose = page.getByRole('dialog');
  await compose.getByLabel('From').selectOption({ label: 'alice@qq.test' });
  await compose.getByLabel('To', { exact: true }).fill('bob@163.test');
  await compose.getByLabel('Cc', { exact: true }).fill('carol@qq.test');
  await compose.getByLabel('Subject', { exact: true }).fill(subject);
  await compose.getByLabel('Message', { exact: true }).fill(`明天下午三点开会。\n${run}`);
  await compose.getByRole('button', { name: 'Send', exact: true }).click();

  // bob replies: compose opens with alice, one Re:, the quote, the caret above it
  await openFolder(page, 'bob@163.test', /收件箱|Inbox/i);
  await openMessage(page, subject);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  compose = page.getByRole('dialog', { name: 'Reply' });
  // the user's name (sign-up takes it from the address) is on alice's mail too: both
  // mailboxes are this user's
  await expect(recipients(compose, 'To')).toHaveAttribute('title', `${userName} <alice@qq.test>`);
  await expect(compose.getByLabel('From').locator('option:checked')).toHaveText('bob@163.test');
  await expect(compose.getByLabel('Subject', { exact: true })).toHaveValue(`Re: ${subject}`);
  const message = compose.getByLabel('Message', { exact: true });
  await expect(message.locator('p').first()).toHaveText('');
  await expect(message).toContainText(new RegExp(`On .+, ${userName} <alice@qq\\.test> wrote:`));
  await expect(message.locator('blockquote')).toContainText('明天下午三点开会。');
  // the caret waits in the empty first line, above the attribution and the quote
  await expect(message).toBeFocused();
  expect(
    await message.evaluate((el) => {
      const anchor = getSelection()?.anchorNode ?? null;
      return el.firstElementChild?.contains(anchor) ?? false;
    }),
  ).toBe(true);
  await page.keyboard.type('收到，三点见。');
  await page.screenshot({ path: screenshotPath('reply-compose.png') });
  const sendClicked = Date.now();
  await compose.getByRole('button', { name: 'Send', exact: true }).click();

  // the reply reaches alice's list by itself, and sits in the thread of her original
  await openFolder(page, 'alice@qq.test', /收件箱|Inbox/i);
  const reply = page.getByRole('row').filter({ hasText: `Re: ${subject}` });
  await expect(reply).toBeVisible({ timeout: 60_000 });
  const sendToListMs = Date.now() - sendClicked;
  testInfo.annotations.push({ type: 'send-to-list-ms', description: String(sendToListMs) });
  console.log(`Send → reply in alice's list: ${sendToListMs} ms`);
  await reply.click();
  const reading = page.getByRole('article');
  await expect(reading.getByRole('heading', { name: `Re: ${subject}` })).toBeVisible();
  await expect(reading).toContainText(`${userName} <bob@163.test>`);
  // sent as HTML with a text alternative: the pane shows the HTML, the quote a blockquote
  const body = reading.frameLocator('iframe');
  await expect(body.locator('body')).toContainText('收到，三点见。');
  await expect(body.locator('blockquote')).toContainText('明天下午三点开会。');
  await expect
    .poll(
      async () => {
        const rows = await aliceThreads(subject);
        const sent = rows.find((row) => row.role === 'sent');
        const inbox = rows.find((row) => row.role === 'inbox');
        return sent && inbox ? sent.thread === inbox.thread : `not yet: ${JSON.stringify(rows)}`;
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // reply all: alice, and carol in Cc as before; bob (the user's own) is left out
  await openFolder(page, 'bob@163.test', /收件箱|Inbox/i);
  await openMessage(page, subject);
  await page.getByRole('button', { name: 'Reply all' }).click();
  compose = page.getByRole('dialog', { name: 'Reply all' });
  await expect(recipients(compose, 'To')).toHaveAttribute('title', `${userName} <alice@qq.test>`);
  await expect(recipients(compose, 'Cc')).toHaveAttribute('title', 'carol@qq.test');
  await page.keyboard.type('抄送各位。');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await openFolder(page, 'alice@qq.test', /收件箱|Inbox/i);
  await expect(page.getByRole('row').filter({ hasText: `Re: ${subject}` })).toHaveCount(2, {
    timeout: 60_000,
  });

  // forward: the original's attachment goes along
  await openFolder(page, 'bob@163.test', /收件箱|Inbox/i);
  await openMessage(page, forwardedSubject);
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  compose = page.getByRole('dialog', { name: 'Forward' });
  await expect(compose.getByLabel('Subject', { exact: true })).toHaveValue(
    `Fwd: ${forwardedSubject}`,
  );
  await expect(compose.getByRole('list', { name: 'Attachments' })).toContainText(attachmentName);
  const forwarded = compose.getByLabel('Message', { exact: true });
  await expect(forwarded).toContainText('---------- Forwarded message ----------');
  await expect(forwarded).toContainText('From: 爱丽丝 <alice@qq.test>');
  await compose.getByLabel('To', { exact: true }).fill('alice@qq.test');
  await page.screenshot({ path: screenshotPath('forward-compose.png') });
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await openFolder(page, 'alice@qq.test', /收件箱|Inbox/i);
  await openMessage(page, `Fwd: ${forwardedSubject}`);
  await expect(page.getByRole('article').getByRole('link', { name: attachmentName })).toBeVisible();

  // forward as attachment: the original itself, as <subject>.eml
  await openFolder(page, 'bob@163.test', /收件箱|Inbox/i);
  await openMessage(page, forwardedSubject);
  await page.getByRole('button', { name: 'Forward as attachment' }).click();
  compose = page.getByRole('dialog', { name: 'Forward as attachment' });
  await expect(compose.getByRole('list', { name: 'Attachments' })).toContainText(
    `${forwardedSubject}.eml`,
  );
  await compose.getByLabel('To', { exact: true }).fill('alice@qq.test');
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await openFolder(page, 'alice@qq.test', /收件箱|Inbox/i);
  await expect(page.getByRole('row').filter({ hasText: `Fwd: ${forwardedSubject}` })).toHaveCount(
    2,
    { timeout: 60_000 },
  );
  // newest first: the forward as attachment
  await openMessage(page, `Fwd: ${forwardedSubject}`, 0);
  await expect(
    page.getByRole('article').getByRole('link', { name: `${forwardedSubject}.eml` }),
  ).toBeVisible();
});
