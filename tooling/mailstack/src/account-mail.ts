import PostalMime from 'postal-mime';
import { connectImap, type MailUser } from './mailstack';

/**
 * The standing mailbox that receives every mail sent to a product account at example.test
 * or bench.test (postfix/product_accounts.regexp): tests read Youjian's verification and
 * password-reset mail here.
 */
export const ACCOUNTS_MAILBOX: MailUser = {
  address: 'accounts@qq.test',
  authCode: 'accounts-auth-code',
};

/** What a test needs of one mail: subject, plain text, and the links in it. */
export interface AccountMail {
  subject: string;
  text: string;
  links: string[];
  /** Dovecot's UID in accounts@qq.test's INBOX */
  uid: number;
}

export interface AccountMailQuery {
  /** the product account's address (the mail's To) */
  to: string;
  /** only mail whose subject contains this */
  subject?: string;
  /** only mail with a UID above this (mail already seen by the test) */
  afterUid?: number;
  /** ms to wait for it to arrive; default 30,000 */
  timeoutMs?: number;
}

/**
 * Waits for the newest mail to `to` in the accounts mailbox (polling every 250 ms) and
 * returns it parsed. Throws when none arrives in time, naming the address.
 */
export async function waitForAccountMail(query: AccountMailQuery): Promise<AccountMail> {
  const deadline = Date.now() + (query.timeoutMs ?? 30_000);
  for (;;) {
    const found = await newestAccountMail(query);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `no mail to ${query.to}${query.subject ? ` (${query.subject})` : ''} arrived`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every mail to `to` in the accounts mailbox now, oldest first. */
export async function accountMails(to: string): Promise<AccountMail[]> {
  const client = await connectImap(ACCOUNTS_MAILBOX);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const uids = (await client.search({ to }, { uid: true })) || [];
      const mails: AccountMail[] = [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (message === false || !message.source) continue;
        const parsed = await PostalMime.parse(message.source);
        // SEARCH TO is a substring match: a@example.test also matches aa@example.test
        if (!parsed.to?.some((entry) => entry.address?.toLowerCase() === to.toLowerCase())) {
          continue;
        }
        const text = parsed.text ?? '';
        mails.push({
          subject: parsed.subject ?? '',
          text,
          links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
          uid,
        });
      }
      return mails;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

async function newestAccountMail(query: AccountMailQuery): Promise<AccountMail | undefined> {
  const mails = await accountMails(query.to);
  return mails
    .filter((mail) => mail.uid > (query.afterUid ?? 0))
    .filter((mail) => !query.subject || mail.subject.includes(query.subject))
    .at(-1);
}

/** The UID of the newest mail to `to` now (0 for none): wait for mail after it. */
export async function lastAccountMailUid(to: string): Promise<number> {
  return (await accountMails(to)).at(-1)?.uid ?? 0;
}
