import fs from 'node:fs';
import { MAILSTACK, type MailstackEndpoint, type MailUser } from '@youjian/mailstack';
import { ImapFlow } from 'imapflow';

/**
 * A bare imapflow session — no product code in between — on a TLS endpoint of the stack,
 * the reference side of the benchmarks.
 */
export async function connectBare(mailUser: MailUser, imap: MailstackEndpoint): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: true,
    tls: { ca: fs.readFileSync(MAILSTACK.caFile) },
    auth: { user: mailUser.address, pass: mailUser.authCode },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
