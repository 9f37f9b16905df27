/**
 * The SSRF table: every refused address class, tried through every field where a user
 * names a host the service will reach — the IMAP host and the SMTP host of the link form
 * (as the worker and verifyCredentials open them) and a mail's image URL (the image
 * proxy). No allow-list is set, as in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImap } from '../imap-connect';
import { createSmtpTransport } from '../smtp';
import type { MailCredentials } from '../types';
import type { AddressClass } from './address-class';
import { fetchRemoteImage } from './http-image';

/** One literal per refused class; the URL form brackets IPv6. */
const REFUSED: ReadonlyArray<readonly [Exclude<AddressClass, 'public' | 'invalid'>, string]> = [
  ['loopback', '127.0.0.1'],
  ['loopback', '::1'],
  ['private', '10.0.0.5'],
  ['private', '192.168.1.1'],
  ['linkLocal', '169.254.169.254'],
  ['linkLocal', 'fe80::1'],
  ['carrierGradeNat', '100.64.0.1'],
  ['multicast', '224.0.0.1'],
  ['unspecified', '0.0.0.0'],
  ['broadcast', '255.255.255.255'],
  ['uniqueLocal', 'fd00::1'],
  ['ipv4Mapped', '::ffff:127.0.0.1'],
  ['ipv4Compatible', '::7f00:1'],
  ['reserved', '192.0.2.10'],
  ['special', '64:ff9b::a00:1'],
];

const saved = {
  mail: process.env.YOUJIAN_ALLOWED_MAIL_HOSTS,
  image: process.env.YOUJIAN_ALLOWED_IMAGE_HOSTS,
};
beforeAll(() => {
  delete process.env.YOUJIAN_ALLOWED_MAIL_HOSTS;
  delete process.env.YOUJIAN_ALLOWED_IMAGE_HOSTS;
});
afterAll(() => {
  if (saved.mail !== undefined) process.env.YOUJIAN_ALLOWED_MAIL_HOSTS = saved.mail;
  if (saved.image !== undefined) process.env.YOUJIAN_ALLOWED_IMAGE_HOSTS = saved.image;
});

function credentials(host: string): MailCredentials {
  return {
    address: 'victim@example.com',
    username: 'victim@example.com',
    secret: 'not-sent',
    imap: { host, port: 993, security: 'tls' },
    smtp: { host, port: 465, security: 'tls' },
  };
}

const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

describe('every refused address class through every user-named field', () => {
  it.each(REFUSED)('the IMAP host refuses %s (%s)', async (_, address) => {
    await expect(openImap(credentials(address), { timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'HOST_NOT_ALLOWED',
    });
  });

  it.each(REFUSED)('the SMTP host refuses %s (%s)', async (_, address) => {
    await expect(createSmtpTransport(credentials(address), 2000)).rejects.toMatchObject({
      code: 'HOST_NOT_ALLOWED',
    });
  });

  it.each(REFUSED)('an image URL naming %s (%s) is refused', async (addressClass, address) => {
    const result = await fetchRemoteImage(`http://${urlHost(address)}/pixel.png`);
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    expect(result.ok === false && result.decision).toMatchObject({ addressClass });
  });

  it.each(REFUSED)(
    'an image host that resolves to %s (%s) is refused',
    async (addressClass, address) => {
      const result = await fetchRemoteImage('https://images.example.com/pixel.png', {
        resolve: async () => [address],
      });
      expect(result.ok === false && result.decision).toMatchObject({
        reason: 'address',
        addressClass,
      });
    },
  );
});
