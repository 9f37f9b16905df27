/**
 * SMTP submission through nodemailer: implicit TLS for `tls` (port 465), mandatory
 * STARTTLS for `starttls` (RFC 3207), certificates always verified, always authenticated
 * (RFC 4954), and only through the egress guard.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { buildRawMessage } from './compose';
import { guardEndpoint } from './egress/guard-endpoint';
import { toMailError } from './errors';
import type { MailCredentials, OutgoingMessage } from './types';

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * A transport to the address the egress guard checked for `creds.smtp` (the host is
 * resolved once, here), with the host's name for SNI and certificate verification.
 * `forceAuth`: AUTH is sent even when the server does not advertise it, so a server that
 * would relay without a login fails verification and sending instead of being used
 * unauthenticated. Throws MailError HOST_NOT_ALLOWED, or node:dns's error for an unknown
 * host (the caller maps it with toMailError).
 */
export async function createSmtpTransport(creds: MailCredentials, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const { port, security } = creds.smtp;
  const target = await guardEndpoint('smtp', creds.smtp);
  const options: SMTPTransport.Options = {
    host: target.address,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'plain',
    auth: { user: creds.username, pass: creds.secret },
    forceAuth: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    tls: {
      rejectUnauthorized: true,
      ...(target.servername ? { servername: target.servername } : {}),
    },
  };
  return nodemailer.createTransport(options);
}

/** Submits the message; returns the exact bytes sent, so the caller can APPEND them to Sent. */
export async function sendMail(
  creds: MailCredentials,
  message: OutgoingMessage,
): Promise<{ raw: Buffer; accepted: string[] }> {
  const raw = await buildRawMessage(message);
  const transport = await createSmtpTransport(creds).catch((error: unknown) => {
    throw toMailError(error, 'smtp', creds.smtp);
  });
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
