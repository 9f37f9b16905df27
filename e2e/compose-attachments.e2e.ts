import crypto from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { linkAliceAndBob, screenshotPath, signUp } from './ui-fixture';

/**
 * Writing mail with files, as a new user does it: alice@qq.test attaches a 5 MB report
 * with a Chinese name through "Attach files", sees it upload, is told in words that a file
 * over QQ Mail's limit was not attached, writes in the rich editor and sends to
 * bob@163.test; in bob's inbox the file shows under its name and downloads byte for byte.
 * Then a reply being written is photographed at desktop and phone width, in both languages.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const subject = `季度报告 ${run}`;
const fileName = '季度报告.pdf';
const FIVE_MB = 5 * 1024 * 1024;

test.use({ viewport: { width: 1280, height: 800 } });

/** Chooses files through the "Attach files" button's file chooser, as a person would. */
async function attach(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles(paths);
}

async function openBobsInbox(page: Page) {
  const account = page.getByRole('navigation').getByRole('group', { name: 'bob@163.test' });
  const link = account.getByRole('link', { name: /收件箱|Inbox/i });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

test('a 5 MB file with a Chinese name goes from alice to bob intact; a too-large one is refused', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const report = crypto.randomBytes(FIVE_MB);
  // the file's name on disk is the name the browser gives the server
  const reportPath = testInfo.outputPath(fileName);
  await writeFile(reportPath, report);
  // sparse: 60 MB on paper, over QQ Mail's 51 MB, nothing written to disk
  const hugePath = testInfo.outputPath('全年视频.mp4');
  await writeFile(hugePath, '');
  await truncate(hugePath, 60_000_000);

  // someone bob has mail from, for the address suggestions
  await deliverMessage({
    from: 'carol@qq.test',
    to: 'bob@163.test',
    raw: [
      `From: =?UTF-8?B?${Buffer.from('卡罗尔').toString('base64')}?= <carol@qq.test>`,
      'To: bob@163.test',
      `Subject: hello ${run}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${run}-carol@qq.test>`,
      '',
      'hi',
      '',
    ].join('\r\n'),
  });
  await signUp(page, `e2e-attach-${run}@example.test`, `e2e-attach-${run}`);
  await linkAliceAndBob(page);

  // alice's signature, set in Settings
  await page.goto('/settings');
  await page.getByLabel('Signature for alice@qq.test').fill('爱丽丝\n市场部');
  const signatures = page.getByRole('region', { name: 'Signatures' });
  await signatures.getByRole('button', { name: 'Save signature' }).first().click();
  await expect(signatures.getByText('Signature saved.')).toBeVisible();
  await page.goto('/');

  await page.getByRole('button', { name: 'Compose' }).click();
  const compose = page.getByRole('dialog');
  await compose.getByLabel('From').selectOption({ label: 'alice@qq.test' });
  const to = compose.getByLabel('To', { exact: true });
  await to.fill('bob@163.test');
  await to.press('Enter');
  await expect(compose.getByRole('list', { name: 'To recipients' })).toContainText('bob@163.test');
  await compose.getByLabel('Subject', { exact: true }).fill(subject);
  const message = compose.getByLabel('Message', { exact: true });
  await expect(message).toContainText('-- 爱丽丝市场部');
  await message.locator('p').first().click();
  await page.keyboard.type('报告见附件，');
  await compose.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('请周五前回复');
  await compose.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(`。${run}`);

  // the too-large file: refused in words before anything is uploaded, nothing listed
  await attach(page, [hugePath]);
  await expect(compose.getByRole('alert').filter({ hasText: '全年视频.mp4' })).toContainText(
    /was not attached: .*takes at most 51 MB/,
  );
  await expect(compose.getByRole('list', { name: 'Attachments' })).toHaveCount(0);

  // the report: progress while it uploads, then listed with its size and a Remove button
  const started = Date.now();
  await attach(page, [reportPath]);
  const listed = compose.getByRole('list', { name: 'Attachments' });
  await expect(listed).toContainText(fileName);
  await expect(compose.getByRole('button', { name: `Remove ${fileName}` })).toBeVisible();
  await expect(compose.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const throughput = FIVE_MB / 1_048_576 / seconds;
  testInfo.annotations.push({
    type: 'upload-throughput',
    description: `${throughput.toFixed(1)} MB/s (5 MiB in ${seconds.toFixed(2)} s)`,
  });
  console.log(`upload of 5 MiB: ${seconds.toFixed(2)} s, ${throughput.toFixed(1)} MiB/s`);
  await compose.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(compose).toBeHidden();

  // bob's inbox: the mail, its rich text, the file under its Chinese name, byte for byte
  await openBobsInbox(page);
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 90_000 });
  await row.click();
  const reading = page.getByRole('article');
  await expect(reading.getByRole('heading', { name: subject })).toBeVisible();
  const frame = reading.frameLocator('iframe');
  await expect(frame.locator('strong')).toHaveText('请周五前回复');
  await expect(frame.locator('body')).toContainText('市场部');
  const link = reading.getByRole('link', { name: fileName, exact: true });
  await expect(link).toBeVisible();
  const download = page.waitForEvent('download');
  await link.click();
  const saved = await (await download).path();
  expect(saved).toBeTruthy();
  const received = await readFile(saved ?? '');
  expect(received.length).toBe(report.length);
  expect(received.equals(report)).toBe(true);
  expect((await download).suggestedFilename()).toBe(fileName);

  // a reply being written, for the closing note's screenshots
  await reading.getByRole('button', { name: 'Reply', exact: true }).first().click();
  const reply = page.getByRole('dialog', { name: 'Reply' });
  await expect(
    reply.getByRole('list', { name: 'To recipients' }).getByRole('listitem'),
  ).toHaveAttribute('title', /<alice@qq\.test>$/);
  await expect(reply.getByLabel('Message', { exact: true })).toBeFocused();
  await page.keyboard.type('收到，周四给你答复。');
  // carol, from bob's mail, suggested in Cc as a few letters are typed
  const cc = reply.getByLabel('Cc', { exact: true });
  await cc.fill('car');
  await expect(reply.getByRole('option', { name: /carol@qq\.test/ })).toBeVisible();
  await cc.press('Enter');
  await expect(reply.getByRole('list', { name: 'Cc recipients' })).toContainText('卡罗尔');
  await reply.getByLabel('Message', { exact: true }).locator('p').first().click();
  await expect(reply.getByRole('blockquote').or(reply.locator('blockquote'))).toContainText(
    '请周五前回复',
  );
  await page.screenshot({ path: screenshotPath('reply-compose-desktop-en.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(reply.getByRole('button', { name: 'Send', exact: true })).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('reply-compose-phone-en.png') });

  // the same in Chinese, as a user who chose 中文 (the cookie Settings writes)
  await reply.getByRole('button', { name: 'Cancel' }).click();
  await page.context().addCookies([{ name: 'youjian-locale', value: 'zh-CN', url: page.url() }]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page
    .getByRole('article')
    .getByRole('button', { name: '回复', exact: true })
    .first()
    .click();
  const zh = page.getByRole('dialog', { name: '回复' });
  await expect(zh.getByLabel('正文', { exact: true })).toBeFocused();
  await page.keyboard.type('好的，收到。');
  // the attribution line in the interface's language, as QQ Mail writes it
  await expect(zh.getByLabel('正文', { exact: true })).toContainText(
    /在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}，.*写道：/,
  );
  await expect(zh.getByLabel('正文', { exact: true })).not.toContainText('wrote:');
  await page.screenshot({ path: screenshotPath('reply-compose-desktop-zh-CN.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(zh.getByRole('button', { name: '发送', exact: true })).toBeInViewport();
  await page.screenshot({ path: screenshotPath('reply-compose-phone-zh-CN.png') });
});
