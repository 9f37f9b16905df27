import { expect, test } from '@playwright/test';
import { chooseLook, screenshotPath } from './ui-fixture';

/**
 * docs/screenshots/account-<page>-<locale>-<width>.png: the account pages a signed-out
 * person meets (sign-in with "Forgot password?", "check your mail" after sign-up, asking
 * for a reset link, choosing a new password, confirming an address) in both languages,
 * at desktop and phone width.
 */
const PAGES = [
  ['sign-in', '/sign-in'],
  ['check-mail', '/check-mail'],
  ['forgot-password', '/forgot-password'],
  // the form as a reset link opens it (the token is checked when the form is sent)
  ['reset-password', '/reset-password?token=preview'],
  // the page a verification link opens: its button confirms (opening changes nothing)
  ['confirm-address', '/confirm-address?token=preview'],
  ['verify-link-dead', '/verified?error=TOKEN_EXPIRED'],
] as const;
const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

test('screenshots of the account pages', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  for (const locale of ['en', 'zh-CN'] as const) {
    await chooseLook(context, baseURL ?? '', { locale, theme: 'light' });
    for (const [name, url] of PAGES) {
      for (const [size, viewport] of SIZES) {
        await page.setViewportSize(viewport);
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await page.screenshot({ path: screenshotPath(`account-${name}-${locale}-${size}.png`) });
      }
    }
  }
});
