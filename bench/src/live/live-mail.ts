import crypto from 'node:crypto';

/** A small plain-text mail (RFC 5322) with a Chinese body, as the live groups deliver it. */
export function rawMail(to: string, subject: string, from: string): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${crypto.randomUUID()}@bench.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `实时推送测试 ${subject}`,
    '',
  ].join('\r\n');
}
