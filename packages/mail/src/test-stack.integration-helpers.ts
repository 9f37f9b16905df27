/**
 * Shared setup for this package's integration tests: the local providers running, the
 * presets pointed at them, and credentials for fresh users.
 */
import { createMailUser, MAILSTACK, type MailUserOptions } from '@youjian/mailstack';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll } from 'vitest';
import { closeImap, openImap } from './imap-connect';
import { resolveEndpoints } from './presets';
import type { MailCredentials, ProviderId } from './types';

/**
 * A fresh mailbox on the QQ or NetEase emulation, reached through the preset endpoints;
 * `options` set the mailbox's provider settings (QQ's Sent copy setting).
 */
export async function freshCredentials(
  preset: Extract<ProviderId, 'qq' | '163'>,
  options: MailUserOptions = {},
): Promise<MailCredentials> {
  const user = await createMailUser(preset === 'qq' ? 'qq.test' : '163.test', options);
  const creds = {
    address: user.address,
    username: user.address,
    secret: user.authCode,
    ...resolveEndpoints(preset),
  };
  return creds;
}

/** A logged-in session of a fresh user for the enclosing describe block. */
export function useImapSession(preset: Extract<ProviderId, 'qq' | '163'>): () => ImapFlow {
  let client: ImapFlow | undefined;
  beforeAll(async () => {
    client = await openImap(await freshCredentials(preset));
  });
  afterAll(async () => {
    if (client) await closeImap(client);
  });
  return () => {
    if (!client) throw new Error('the IMAP session did not open');
    return client;
  };
}

/** The same user straight on Dovecot, as the "Other (IMAP/SMTP)" provider sees it. */
export function asCustomProvider(creds: MailCredentials): MailCredentials {
  const { other } = MAILSTACK.providers;
  return { ...creds, imap: { ...other.imap }, smtp: { ...other.smtp } };
}

export { MAILSTACK };
