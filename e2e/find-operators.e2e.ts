import { expect, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { letters, rawMail, row, search, signUpWithBothMailboxes } from './find-fixture';

/**
 * Issue 11: each search operator narrows the results as the issue states, over three
 * messages of this run in two mailboxes, and a search's words are marked in the reading
 * pane — in a plain-text body and inside the sandboxed frame of an HTML body.
 */
const run = letters();
const plan = `Plan ${run}`;
const notes = `Notes ${run}`;
const digest = `Digest ${run}`;
const all = [plan, notes, digest];

test.beforeAll(async () => {
  await deliverMessage({
    from: 'boss@example.test',
    to: 'alice@qq.test',
    raw: rawMail({
      from: 'boss@example.test',
      to: 'alice@qq.test',
      cc: 'carol@example.test',
      subject: plan,
      body: `请查收发票。 blue green sky ${run}`,
    }),
  });
  await deliverMessage({
    from: 'hr@example.test',
    to: 'bob@163.test',
    raw: rawMail({
      from: 'hr@example.test',
      to: 'bob@163.test',
      subject: notes,
      html: true,
      body: `<p>会议纪要：<b>发票</b>请在周五前提交 ${run}</p>`,
      attachment: `预算表${run}.xlsx`,
    }),
  });
  await deliverMessage({
    from: 'news@example.test',
    to: 'alice@qq.test',
    raw: rawMail({
      from: 'news@example.test',
      to: 'alice@qq.test',
      subject: digest,
      body: `weekly ${run}`,
    }),
  });
});

/** Searches and expects exactly these of the run's messages in the list, no other row. */
async function expectFound(page: Page, query: string, shown: readonly string[]) {
  await search(page, query);
  if (shown.length === 0) {
    await expect(page.getByText('Nothing found.')).toBeVisible();
    return;
  }
  for (const subject of shown) await expect(row(page, subject)).toBeVisible();
  for (const subject of all.filter((each) => !shown.includes(each))) {
    await expect(row(page, subject)).toHaveCount(0);
  }
  await expect(page.locator('.message-list [role="row"]')).toHaveCount(shown.length);
}

/** A day as before:/after: take it, in the browser's (and this process's) zone. */
const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('en-CA');

test('each operator narrows the results; the pane marks the words searched for', async ({
  page,
  browser,
}) => {
  // issue 11 found every row prefetching its page (127 aborted requests in one session)
  const rowPrefetches: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.headers()['next-router-prefetch'] && url.searchParams.has('message')) {
      rowPrefetches.push(request.url());
    }
  });
  await signUpWithBothMailboxes(page, `operators-${run}`);
  await search(page, run);
  for (const subject of all) await expect(row(page, subject)).toBeVisible({ timeout: 60_000 });
  // bodies and file names are indexed after the rows are listed (the worker's body index):
  // search again until both bodies with 发票 are found
  await search(page, `发票 ${run}`);
  await expect(async () => {
    await page.reload();
    await expect(row(page, notes)).toBeVisible({ timeout: 3_000 });
    await expect(row(page, plan)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000 });

  await expectFound(page, `from:boss ${run}`, [plan]);
  await expectFound(page, `to:bob@163.test ${run}`, [notes]);
  await expectFound(page, `cc:carol ${run}`, [plan]);
  await expectFound(page, `subject:digest ${run}`, [digest]);
  await expectFound(page, `has:attachment ${run}`, [notes]);
  // never opened: the file name comes from the sync's BODYSTRUCTURE, kept by the body index
  await expectFound(page, `filename:预算表 ${run}`, [notes]);
  await expectFound(page, `account:bob@163.test ${run}`, [notes]);
  await expectFound(page, `account:alice@qq.test ${run}`, [plan, digest]);
  await expectFound(page, `after:${day(-1)} ${run}`, all);
  await expectFound(page, `before:${day(0)} ${run}`, []);
  await expectFound(page, `"blue green" ${run}`, [plan]);
  await expectFound(page, `"green blue" ${run}`, []);
  await expectFound(page, `${run} -发票`, [digest]);
  await expectFound(page, `is:unread ${run}`, all);
  await expectFound(page, `is:starred ${run}`, []);
  await expectFound(page, `in:inbox ${run}`, all);

  // the words searched for are marked in the opened message too
  await expectFound(page, `发票 ${run}`, [plan, notes]);
  await row(page, plan).getByRole('link').click();
  await expect(page.getByTestId('message-text').locator('mark').first()).toHaveText('发票');
  await page.getByRole('button', { name: 'Star', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Starred', exact: true }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/find-pane-text-marked.png' });
  await row(page, notes).getByRole('link').click();
  const frame = page.frameLocator('iframe.message-frame');
  await expect(frame.locator('b mark')).toHaveText('发票');
  await expect(frame.locator('mark', { hasText: run })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/find-pane-html-marked.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/find-pane-html-marked-phone.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  // the same in Chinese, for the screenshots
  const chinese = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    storageState: await page.context().storageState(),
  });
  const zh = await chinese.newPage();
  await zh.goto(page.url());
  await expect(zh.frameLocator('iframe.message-frame').locator('b mark')).toHaveText('发票');
  await zh.screenshot({ path: 'test-results/find-pane-html-marked-zh-CN.png' });
  await zh.setViewportSize({ width: 390, height: 844 });
  await zh.screenshot({ path: 'test-results/find-pane-html-marked-zh-CN-phone.png' });
  await chinese.close();
  await page.getByRole('button', { name: 'Archive', exact: true }).first().click();
  await expect(row(page, notes)).toHaveCount(0);

  // opened: read; starred; archived
  await expectFound(page, `is:read ${run}`, [plan, notes]);
  await expectFound(page, `is:unread ${run}`, [digest]);
  await expectFound(page, `is:starred ${run}`, [plan]);
  await expectFound(page, `in:archive ${run}`, [notes]);
  await expectFound(page, `in:inbox ${run}`, [plan, digest]);

  expect(rowPrefetches).toEqual([]);

  // searches are offered again, newest first
  const offered = page.locator('datalist option');
  await expect(offered.first()).toHaveAttribute('value', `in:inbox ${run}`);
});
