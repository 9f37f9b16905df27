/**
 * Checks an address and authorization code before an account is saved: IMAP LOGIN and
 * SMTP AUTH, both within one total timeout, and nothing kept open afterwards.
 */
import { withDeadline } from './deadline';
import { timeoutError, toMailError } from './errors';
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

async function verifySmtp(creds: MailCredentials, timeoutMs: number): Promise<void> {
  const transport = createSmtpTransport(creds, timeoutMs);
  try {
    await withDeadline(transport.verify(), timeoutMs, () =>
      timeoutError('smtp', creds.smtp, Math.round(timeoutMs / 1000)),
    );
  } catch (error) {
    throw toMailError(error, 'smtp', creds.smtp);
  } finally {
    transport.close();
  }
}

/** Both checks run side by side; an IMAP failure is reported before an SMTP one. */
export async function verifyCredentials(
  creds: MailCredentials,
  opts: { timeoutMs?: number } = {},
): Promise<{ capabilities: string[] }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [imap, smtp] = await Promise.allSettled([
    verifyImap(creds, timeoutMs),
    verifySmtp(creds, timeoutMs),
  ]);
  if (imap.status === 'rejected') throw toMailError(imap.reason, 'imap', creds.imap);
  if (smtp.status === 'rejected') throw toMailError(smtp.reason, 'smtp', creds.smtp);
  return { capabilities: imap.value };
}
