import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { chooseLook, userWithMail } from './ui-fixture';

/**
 * The open message's More menu (issue 10): View source and headers shows the header fields
 * and the raw source, Download as .eml saves the provider's bytes, Print opens a page with
 * the message alone (subject, From/To/Date, body) — in a zh-CN reader's words.
 */
test('view source, download as .eml and print an open message', async ({
  page,
  context,
  baseURL,
}) => {
  const { subject } = await userWithMail(page, 'tools');
  // the fixture signs up in English; the rest reads as a zh-CN user who chose 简体中文
  await chooseLook(context, baseURL ?? '', { locale: 'zh-CN', theme: 'light' });
  await page.goto('/');
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.getByRole('link').click();
  await expect(page.getByRole('article').getByRole('heading', { name: subject })).toBeVisible();

  // Download as .eml: the file is the message as the provider holds it
  await page.getByRole('button', { name: '更多操作' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '下载为 .eml' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${subject}.eml`);
  const eml = await readFile((await download.path()) ?? '', 'utf8');
  expect(eml).toMatch(/^From: =\?UTF-8\?B\?5Y2a5paH\?= <bob@163\.test>/m);
  expect(eml).toContain('下周二上午十点在三楼会议室讨论第四季度预算');

  // Print: a page of its own that prints itself, with nothing of the app around
  const [printTab] = await Promise.all([
    context.waitForEvent('page'),
    (async () => {
      await page.getByRole('button', { name: '更多操作' }).click();
      await page.getByRole('menuitem', { name: '打印' }).click();
    })(),
  ]);
  const printUrl = printTab.url();
  expect(printUrl).toMatch(/\/print\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  // the tab closes itself once the print dialog is done: read the page in a tab of our own
  const printPage = await context.newPage();
  await printPage.goto(printUrl);
  await expect(printPage.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(printPage.getByRole('row', { name: /发件人/ })).toContainText('bob@163.test');
  await expect(printPage.getByText('下周二上午十点在三楼会议室讨论第四季度预算')).toBeVisible();
  await expect(printPage.getByRole('navigation')).toHaveCount(0);
  await printPage.close();

  // View source and headers
  await page.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '查看原文和邮件头' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '邮件原文' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Message-ID/ })).toContainText('@163.test>');
  await expect(page.locator('.source-text')).toContainText(
    'Content-Type: text/plain; charset=utf-8',
  );
});
