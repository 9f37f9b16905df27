import type { Locator, Page } from '@playwright/test';
import { connectImap } from '@youjian/mailstack';
import { productQuery } from './product-db';

/** The local stack's test mailboxes (tooling/mailstack/users). */
export const ALICE = { address: 'alice@qq.test', authCode: 'alice-auth-code' };
export const BOB = { address: 'bob@163.test', authCode: 'bob-auth-code' };

/** Subjects (and flags) of the messages in a mailbox's folder of a special use, over IMAP. */
export async function serverMessages(
  user: typeof ALICE,
  use: '\\Drafts' | '\\Inbox',
  containing: string,
) {
  const client = await connectImap(user);
  try {
    const folders = await client.list();
    const path =
      use === '\\Inbox' ? 'INBOX' : (folders.find((f) => f.specialUse === use)?.path ?? 'Drafts');
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found: { subject: string; flags: string[] }[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return found;
      for await (const m of client.fetch('1:*', { envelope: true, flags: true })) {
        const subject = m.envelope?.subject ?? '';
        if (subject.includes(containing)) found.push({ subject, flags: [...(m.flags ?? [])] });
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

/** Opens compose from alice (or `from`) to bob with a subject and a first line of text. */
export async function compose(
  page: Page,
  subject: string,
  text: string,
  from = ALICE.address,
): Promise<Locator> {
  await page.getByRole('button', { name: 'Compose' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('From').selectOption({ label: from });
  const to = dialog.getByLabel('To', { exact: true });
  await to.fill(BOB.address);
  await to.press('Enter');
  await dialog.getByLabel('Subject', { exact: true }).fill(subject);
  await dialog.getByLabel('Message', { exact: true }).click();
  await page.keyboard.type(text);
  return dialog;
}

/**
 * Makes this user's alice@qq.test send as an address alice's login does not own, so the
 * provider refuses the sender (RFC 5321 MAIL FROM rejected, as QQ and 163 do for an alias
 * that is not set up): the way to a permanent send failure on the local stack.
 * `restore()` gives the mailbox its address back.
 */
export async function failingSender(userEmail: string, run: string) {
  const address = `alias-${run}@qq.test`;
  const rename = (from: string, to: string) =>
    productQuery(
      `update mail_account a set address = $3 from "user" u
        where u.id = a.user_id and u.email = $1 and a.address = $2 returning a.id`,
      [userEmail, from, to],
    );
  await rename(ALICE.address, address);
  return { address, restore: () => rename(address, ALICE.address) };
}
