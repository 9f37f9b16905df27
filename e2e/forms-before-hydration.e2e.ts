import { expect, test } from '@playwright/test';
import { lastAccountMailUid, waitForAccountMail } from '@youjian/mailstack/account-mail';
import { ACCOUNT_MAIL_SUBJECTS } from '../packages/auth/src/account-messages';
import { pressConfirmIn } from './ui-fixture';

/**
 * Until React has hydrated a page, a form has no submit handler: submitted then, the
 * browser would send it natively, as a GET with the password or the authorization code
 * in the URL (and in every log and history entry it reaches). The forms that carry
 * secrets keep their submit button disabled until then. A page without JavaScript is
 * the server-rendered form exactly as it stands before hydration.
 */
test.use({ javaScriptEnabled: false });

const password = 'correct horse battery staple';

test('sign-up and add-mailbox forms put no secret in the URL before the page is interactive', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('early@example.test');
  await page.getByLabel('Password').fill(password);
  await expect(page.getByRole('button', { name: 'Sign up' })).toBeDisabled();
  await page.getByLabel('Password').press('Enter');
  expect(page.url()).not.toContain('password');
  expect(page.url()).not.toContain(encodeURIComponent(password));

  // a session from the auth API (this page has no script to sign up with) and the link
  // of the verification mail, which needs no script either
  const email = `early-${Date.now().toString(36)}@example.test`;
  const afterUid = await lastAccountMailUid(email);
  const signUp = await page.request.post('/api/auth/sign-up/email', {
    data: { email, password, name: 'Early' },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(signUp.ok()).toBe(true);
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS.verify,
    afterUid,
  });
  await pressConfirmIn(page, mail.links[0] ?? 'no link');

  await page.goto('/settings');
  await page.getByLabel('Email address').fill('alice@qq.test');
  await page.getByLabel('Authorization code').fill('alice-auth-code');
  await expect(page.getByRole('button', { name: 'Add mailbox' })).toBeDisabled();
  await page.getByLabel('Authorization code').press('Enter');
  expect(page.url()).not.toContain('alice-auth-code');
});
