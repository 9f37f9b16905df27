import { createMailUser, type MailUser } from '@youjian/mailstack';
import { writeMaildir } from '@youjian/mailstack/seed';
import { untilLoginWorks } from '../accounts';
import { timed } from '../stats';

export interface LargeFolder {
  mailUser: MailUser;
  messages: number;
  bytes: number;
  seedMs: number;
}

/**
 * A fresh qq.test mailbox user whose INBOX holds `count` generated messages (Chinese and
 * English, GBK/UTF-8, HTML, attachments), written straight into its Maildir and indexed by
 * Dovecot. Both sides of every folder benchmark read it over raw Dovecot's IMAPS port.
 */
export async function seedLargeFolder(count: number): Promise<LargeFolder> {
  const mailUser = await createMailUser('qq.test');
  await untilLoginWorks(mailUser);
  const { value, ms } = await timed(() => writeMaildir(mailUser.address, 'INBOX', count));
  return { mailUser, messages: value.written, bytes: value.bytes, seedMs: ms };
}
