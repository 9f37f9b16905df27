import { expect, test } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { chooseLook, linkMailbox, screenshotPath, signUp } from './ui-fixture';

/**
 * docs/screenshots/conversation-thread-<width>-<locale>.png: a conversation of three
 * messages (two folded, the newest open) at desktop (1280×800) and phone (390×844) width,
 * in English and Chinese, light theme. Part of `npm run screenshots`.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const subject = `项目进度 第三季度 ${run}`;
const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

function mail(n: number, from: string, title: string, body: string, minutesAgo: number) {
  const parent = n > 1 ? [`In-Reply-To: <${run}-${n - 1}@shots.test>`] : [];
  const refs =
    n > 1
      ? [
          `References: ${Array.from({ length: n - 1 }, (_, i) => `<${run}-${i + 1}@shots.test>`).join(' ')}`,
        ]
      : [];
  return [
    `From: ${from}`,
    'To: alice@qq.test',
    `Subject: ${b64(title)}`,
    `Date: ${new Date(Date.now() - minutesAgo * 60_000).toUTCString()}`,
    `Message-ID: <${run}-${n}@shots.test>`,
    ...parent,
    ...refs,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

test('screenshots of a conversation', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await signUp(page, `e2e-conv-shots-${run}@example.test`);
  await linkMailbox(page, 'QQ Mail', 'alice@qq.test', 'alice-auth-code');
  const thread = [
    [
      `${b64('王芳')} <bob@163.test>`,
      subject,
      '各位好：\n\n第三季度的项目进度见下，请在周五前补充各自负责的部分。\n\n王芳',
      30,
    ],
    [
      `${b64('李雷')} <lilei@163.test>`,
      `Re: ${subject}`,
      '收到，我负责的接口部分周四可以完成。\n\n李雷',
      20,
    ],
    [
      `${b64('王芳')} <bob@163.test>`,
      `回复：${subject}`,
      '好的，谢谢！周五下午三点我们开会过一遍。\n\n王芳',
      10,
    ],
  ] as const;
  for (const [index, [from, title, body, minutesAgo]] of thread.entries()) {
    await deliverMessage({
      from: 'bob@163.test',
      to: 'alice@qq.test',
      raw: mail(index + 1, from, title, body, minutesAgo),
    });
  }
  const row = page.getByRole('row').filter({ hasText: subject });
  // open once so all three are read: then the older two show folded, as they do for a reader
  await page.goto('/');
  await expect(row).toContainText('3', { timeout: 60_000 });
  await row.click();
  await expect(page.getByRole('region').getByRole('article')).toHaveCount(3);
  // each unfolded message is marked read once it has opened; the row follows
  await expect(row).not.toHaveClass(/unread/, { timeout: 30_000 });

  for (const locale of ['en', 'zh-CN'] as const) {
    await chooseLook(context, baseURL ?? '', { locale, theme: 'light' });
    for (const [width, size] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto('/');
      await row.click();
      const articles = page.getByRole('region').getByRole('article');
      await expect(articles).toHaveCount(3);
      await expect(articles.nth(2).getByTestId('message-text')).toBeVisible();
      await expect(articles.nth(0).getByTestId('message-text')).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`conversation-thread-${width}-${locale}.png`) });
    }
  }
});
