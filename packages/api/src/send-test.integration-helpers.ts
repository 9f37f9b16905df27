/**
 * Sending as the integration tests drive it: the worker's sending step for one mailbox,
 * and the delivered bytes read back from the recipient's INBOX on the local stack.
 */
import { eq, mailAccount } from '@youjian/db';
import { closeImap, openImap } from '@youjian/mail';
import { connectImap, MAILSTACK, type MailUser } from '@youjian/mailstack';
import { accountCredentials, sendQueuedMail } from '@youjian/sync';
import type { TestApi } from './test-support.integration-helpers';

/** Runs the worker's sending step for the mailbox `accountId`, as the worker does when woken. */
export async function runWorkerSend(api: TestApi, accountId: string): Promise<void> {
  const db = api.database.db;
  const [account] = await db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
  if (!account) throw new Error('no account');
  const client = await openImap(accountCredentials(account, api.secretBox));
  try {
    await sendQueuedMail({ db, client, account, secretBox: api.secretBox });
  } finally {
    await closeImap(client);
  }
}

/** The raw message with this Message-ID in the recipient's INBOX, once delivered (≤ 20 s). */
export async function receivedBy(recipient: MailUser, messageIdHeader: string): Promise<Buffer> {
  const deadline = Date.now() + 20_000;
  const client = await connectImap(recipient, MAILSTACK.ports.imap);
  try {
    for (;;) {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const uids = await client.search(
          { header: { 'message-id': messageIdHeader } },
          { uid: true },
        );
        const uid = uids ? uids[0] : undefined;
        if (uid !== undefined) {
          const found = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (found && found.source !== undefined) return found.source;
        }
      } finally {
        lock.release();
      }
      if (Date.now() > deadline)
        throw new Error(`${messageIdHeader} never reached ${recipient.address}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.logout();
  }
}
