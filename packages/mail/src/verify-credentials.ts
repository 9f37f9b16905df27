/**
 * Checks an address and authorization code before an account is saved: IMAP LOGIN and
 * SMTP AUTH, both within one total timeout, and nothing kept open afterwards. Both go
 * through the egress guard; an SMTP server without AUTH is refused (it would relay mail
 * with any sender); errors are in the product's words only, never the server's.
 */
import { withDeadline } from './deadline';
import { inProductWords, timeoutError, toMailError } from './errors';
import { closeImap, openImap } from './imap-connect';
import { createSmtpTransport } from './smtp';
import type { MailCredentials } from './types';

const DEFAULT_TIMEOUT_MS = 20_000;

async function verifyImap(creds: MailCredentials, timeoutMs: number): Promise<string[]> {
  const client = await openImap(creds, { timeoutMs });
  const capabilities = [...client.capabilities.keys()];
  await closeImap(client);
  return capabilities;
}

/**
 * The egress check with its DNS lookup, then EHLO, TLS and AUTH (forced even when not
 * advertised, see smtp.ts) and QUIT, all within the deadline.
 */
async function verifySmtp(creds: MailCredentials, timeoutMs: number): Promise<void> {
  const opened: { transport: Awaited<ReturnType<typeof createSmtpTransport>> | null } = {
    transport: null,
  };
  const verify = async () => {
    opened.transport = await createSmtpTransport(creds, timeoutMs);
    await opened.transport.verify();
  };
  try {
    await withDeadline(verify(), timeoutMs, () =>
      timeoutError('smtp', creds.smtp, Math.round(timeoutMs / 1000)),
    );
  } catch (error) {
    throw toMailError(error, 'smtp', creds.smtp);
  } finally {
    opened.transport?.close();
  }
}

/**
 * Both checks run side by side within `timeoutMs` (default 20 s). An IMAP failure is
 * reported as soon as it happens and before an SMTP one; the SMTP check still closes its
 * connection when it ends. Returns the IMAP server's capabilities. Throws MailError
 * (HOST_NOT_ALLOWED, AUTH_NOT_OFFERED, AUTH_FAILED, HOST_UNREACHABLE, TLS_FAILED, TIMEOUT,
 * PROTOCOL) whose userMessage never quotes the server.
 */
export async function verifyCredentials(
  creds: MailCredentials,
  opts: { timeoutMs?: number } = {},
): Promise<{ capabilities: string[] }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const smtp = verifySmtp(creds, timeoutMs);
  // Observed here so an SMTP failure is never unhandled while IMAP's is being reported.
  smtp.catch(() => undefined);
  try {
    const capabilities = await verifyImap(creds, timeoutMs);
    await smtp;
    return { capabilities };
  } catch (error) {
    throw inProductWords(toMailError(error, 'imap', creds.imap));
  }
}
