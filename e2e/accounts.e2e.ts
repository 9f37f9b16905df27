import { type Browser, expect, type Page, test } from '@playwright/test';
import { lastAccountMailUid, waitForAccountMail } from '@youjian/mailstack/account-mail';
import { ACCOUNT_MAIL_SUBJECTS } from '../packages/auth/src/account-messages';
import { confirmSignUp, pressConfirmIn } from './ui-fixture';

/**
 * Product accounts as a person meets them, with the mail read from the local stack:
 * sign-up → "check your mail" → the link → signed in; the same form for a taken address
 * answers exactly the same; "Forgot password?" → the mailed link → a new password (the
 * rules apply) → every other browser signed out; the used link is dead.
 */
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const password = 'correct horse battery staple';

async function fillSignUp(page: Page, email: string, secret = password) {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
}

async function signIn(page: Page, email: string, secret: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The form's own alert (Next.js's route announcer is an alert too). */
const formAlert = (page: Page) => page.locator('form [role="alert"], .stack [role="alert"]');

/** In the mail app: the root page, which sends the signed-out to /sign-in. */
const inMailApp = (page: Page) => expect(page).toHaveURL(/^http:\/\/[^/]+\/(\?.*)?$/);

async function freshPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('sign-up confirms the address by mail, and a taken address is answered the same', async ({
  page,
  browser,
}) => {
  const email = `accounts-${run}@example.test`;
  await fillSignUp(page, email);
  await confirmSignUp(page, email, () => page.getByRole('button', { name: 'Sign up' }).click());
  await inMailApp(page);

  // someone else tries the same address: the same page, and its owner gets a notice
  const other = await freshPage(browser);
  const afterUid = await lastAccountMailUid(email);
  await fillSignUp(other, email, 'someone else entirely');
  await other.getByRole('button', { name: 'Sign up' }).click();
  await expect(other).toHaveURL(/\/check-mail$/);
  await expect(other.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
  const notice = await waitForAccountMail({ to: email, afterUid });
  expect(notice.subject).toBe(ACCOUNT_MAIL_SUBJECTS['already-registered']);
  // and cannot sign in with the password they chose
  await signIn(other, email, 'someone else entirely');
  await expect(formAlert(other)).toHaveText('Wrong email or password.');
});

test('signing in before confirming is refused and mails a new link', async ({ page }) => {
  const email = `unconfirmed-${run}@example.test`;
  await fillSignUp(page, email);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/check-mail$/);
  const afterUid = await lastAccountMailUid(email);
  await signIn(page, email, password);
  await expect(formAlert(page)).toHaveText(
    'Confirm your address first: we have mailed you a new link.',
  );
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS.verify,
    afterUid,
  });
  await pressConfirmIn(page, mail.links[0] ?? '');
  await inMailApp(page);
});

test('forgot password: a mailed single-use link, the password rules, every other session ended', async ({
  page,
  browser,
}) => {
  const email = `forgot-${run}@example.test`;
  await fillSignUp(page, email);
  await confirmSignUp(page, email, () => page.getByRole('button', { name: 'Sign up' }).click());
  // the phone stays signed in with the old password until the reset
  const phone = await freshPage(browser);
  await signIn(phone, email, password);
  await inMailApp(phone);

  const laptop = await freshPage(browser);
  await laptop.goto('/sign-in');
  await laptop.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(laptop.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await laptop.getByLabel('Email').fill(email);
  const afterUid = await lastAccountMailUid(email);
  await laptop.getByRole('button', { name: 'Send link' }).click();
  await expect(laptop.getByRole('status')).toContainText('If an account uses this address');
  const mail = await waitForAccountMail({
    to: email,
    subject: ACCOUNT_MAIL_SUBJECTS.reset,
    afterUid,
  });
  const link = mail.links[0] ?? '';

  await laptop.goto(link);
  await expect(laptop).toHaveURL(/\/reset-password\?token=/);
  await laptop.getByLabel('New password').fill('password1234');
  await laptop.getByRole('button', { name: 'Save password' }).click();
  await expect(formAlert(laptop)).toContainText('among the most common');
  const newPassword = 'a brand new passphrase';
  await laptop.getByLabel('New password').fill(newPassword);
  await laptop.getByRole('button', { name: 'Save password' }).click();
  await expect(laptop.getByRole('status')).toContainText('every other device is signed out');

  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in/);
  await signIn(phone, email, password);
  await expect(formAlert(phone)).toHaveText('Wrong email or password.');
  await signIn(phone, email, newPassword);
  await inMailApp(phone);

  // the link again: dead, and the page offers a new one
  const later = await freshPage(browser);
  await later.goto(link);
  await expect(formAlert(later)).toHaveText(
    'This link has expired or was already used. Ask for a new one.',
  );
  await expect(later.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});
