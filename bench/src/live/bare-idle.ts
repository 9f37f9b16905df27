import { MAILSTACK, type MailUser } from '@youjian/mailstack';
import { connectBare } from '../bare-imap';

export interface BareIdle {
  /** Date.now() of every EXISTS the server pushed */
  existsAt: number[];
  close: () => Promise<void>;
}

/**
 * The floor set by the mail servers: a bare imapflow client IDLEing (RFC 2177) on the same
 * INBOX through the same QQ emulation endpoint the product uses, noting when EXISTS comes.
 */
export async function idleOnInbox(mailUser: MailUser): Promise<BareIdle> {
  const client = await connectBare(mailUser, MAILSTACK.providers.qq.imap);
  const existsAt: number[] = [];
  client.on('exists', () => existsAt.push(Date.now()));
  await client.mailboxOpen('INBOX', { readOnly: true });
  void client.idle().catch(() => undefined);
  return {
    existsAt,
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}
