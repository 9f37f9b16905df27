import { expect, type Page, test } from '@playwright/test';
import { userWithMail } from './ui-fixture';

/**
 * On a phone one pane shows at a time and nothing is wider than the screen: a new user
 * signs up, links a mailbox and reads a mail at 390×844, then at 360 px.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect(overflow.scroll, `${where}: page ${overflow.scroll}px wide on ${overflow.client}px`).toBe(
    overflow.client,
  );
}

test('reading a mail on a phone: one pane at a time, nothing overflows', async ({ page }) => {
  const { subject } = await userWithMail(page, 'phone');
  await expectNoHorizontalOverflow(page, 'settings');
  // the page is laid out for the phone, not zoomed out from a desktop width
  expect(await page.evaluate(() => window.innerWidth)).toBe(390);

  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/');
    const item = page.getByRole('row').filter({ hasText: subject });
    await expect(item).toBeVisible({ timeout: 60_000 });
    await expectNoHorizontalOverflow(page, `list at ${width}px`);

    await item.click();
    const reading = page.getByRole('article');
    await expect(reading.getByRole('heading', { name: subject })).toBeVisible();
    await expect(reading).toContainText('第四季度预算');
    await expect(page.getByRole('region', { name: 'Messages' })).toBeHidden();
    await expect(reading.getByRole('button', { name: 'Reply', exact: true })).toBeInViewport();
    await expectNoHorizontalOverflow(page, `message at ${width}px`);

    await page.goBack();
    await expect(item).toBeVisible();
  }
});

test('answering a mail on a phone: compose fills the screen and Send is in reach', async ({
  page,
}) => {
  const { subject } = await userWithMail(page, 'phone-reply');
  await page.goto('/');
  const item = page.getByRole('row').filter({ hasText: subject });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.getByRole('link').click();
  const reading = page.getByRole('article');
  await reading.getByRole('button', { name: 'Reply', exact: true }).click();

  const compose = page.getByRole('dialog');
  await expect(compose).toBeVisible();
  await compose.getByRole('textbox', { name: 'Message' }).fill('收到，周二见。');
  const send = compose.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeInViewport();
  await expectNoHorizontalOverflow(page, 'compose');
  await send.click();
  // accepted by the provider's SMTP (after the undo-send delay)
  await expect(page.getByText(`Sent “Re: ${subject}”.`)).toBeVisible({ timeout: 60_000 });
});
