import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** One plain-text mail from the product to one of its users. */
export interface OutgoingAccountMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends the product's own mail; resolves once the SMTP server accepted it. */
export interface AccountMailer {
  send(mail: OutgoingAccountMail): Promise<void>;
}

/**
 * Mail through the operator's SMTP server (nodemailer, which the mail package already
 * uses for users' own mail). `url` is nodemailer's connection URL —
 * `smtps://user:pass@smtp.example.com:465` or `smtp://host:587` (STARTTLS when offered) —
 * and `from` the sender, e.g. `Youjian <noreply@example.com>`. Throws on a refused mail.
 */
export function createSmtpMailer({ url, from }: { url: string; from: string }): AccountMailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      if (info.rejected.length > 0) throw new Error('the SMTP server refused the recipient');
    },
  };
}

/**
 * Without an SMTP server (a local install): each mail is written as an .eml file (0600)
 * into `folder`, where the person running Youjian opens it. The log names the file, never
 * the link in it.
 */
export function createOutboxMailer(
  folder: string,
  log: (line: string) => void = console.log,
): AccountMailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: 'Youjian <youjian@localhost>', ...mail });
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const file = path.join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.@-]/g, '')}.eml`,
      );
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      log(`account mail to ${mail.to} written to ${file} (no YOUJIAN_SMTP_URL set)`);
    },
  };
}
