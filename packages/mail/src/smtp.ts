/**
 * SMTP submission through nodemailer: implicit TLS for `tls` (port 465), mandatory
 * STARTTLS for `starttls` (RFC 3207), certificates always verified.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { buildRawMessage } from './compose';
import { toMailError } from './errors';
import type { MailCredentials, OutgoingMessage } from './types';

const DEFAULT_TIMEOUT_MS = 20_000;

export function createSmtpTransport(creds: MailCredentials, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const { host, port, security } = creds.smtp;
  const options: SMTPTransport.Options = {
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'plain',
    auth: { user: creds.username, pass: creds.secret },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    tls: { rejectUnauthorized: true },
  };
  return nodemailer.createTransport(options);
}

/** Submits the message; returns the exact bytes sent, so the caller can APPEND them to Sent. */
export async function sendMail(
  creds: MailCredentials,
  message: OutgoingMessage,
): Promise<{ raw: Buffer; accepted: string[] }> {
  const raw = await buildRawMessage(message);
  const transport = createSmtpTransport(creds);
  try {
    const info = await transport.sendMail({
      envelope: {
        from: message.from.address,
        to: [...message.to, ...message.cc].map((recipient) => recipient.address),
      },
      raw,
    });
    const accepted = info.accepted.map((entry: string | { address: string }) =>
      typeof entry === 'string' ? entry : entry.address,
    );
    return { raw, accepted };
  } catch (error) {
    throw toMailError(error, 'smtp', creds.smtp);
  } finally {
    transport.close();
  }
}
