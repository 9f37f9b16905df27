import { connectImap, type MailUser } from '@youjian/mailstack';
import type { HostileMessage } from './corpus';

/**
 * The corpus as mail: each message an HTML mail from a hostile sender whose subject names
 * its id, APPENDed to `user`'s INBOX over one IMAP session (Dovecot, no provider in
 * between), one minute apart so the list's order is fixed.
 */
export async function appendCorpus(
  user: MailUser,
  corpus: HostileMessage[],
  run: string,
): Promise<void> {
  const client = await connectImap(user);
  try {
    const start = Date.UTC(2026, 0, 1);
    for (const [index, message] of corpus.entries()) {
      const raw = [
        'From: Mallory <mallory@hostile.test>',
        `To: ${user.address}`,
        `Subject: hostile ${message.id} ${run}`,
        `Date: ${new Date(start + index * 60_000).toUTCString()}`,
        `Message-ID: <${message.id}-${run}@hostile.test>`,
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(message.html).toString('base64').replace(/.{76}/g, '$&\r\n'),
        '',
      ].join('\r\n');
      await client.append('INBOX', raw, [], new Date(start + index * 60_000));
    }
  } finally {
    await client.logout();
  }
}
