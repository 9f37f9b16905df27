/**
 * Shared setup for this package's integration tests: the local providers running, the
 * presets pointed at them, and credentials for fresh users.
 */
import { createMailUser, ensureMailstack, MAILSTACK, providerEnv } from '@youjian/mailstack';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll } from 'vitest';
import { MailError } from './errors';
import { closeImap, openImap } from './imap-connect';
import { resolveEndpoints } from './presets';
import type { MailCredentials, ProviderId } from './types';

export async function prepareStack(): Promise<void> {
  const env = providerEnv();
  // Node reads NODE_EXTRA_CA_CERTS only at start-up: the runner must pass it to the worker.
  if (process.env.NODE_EXTRA_CA_CERTS !== env.NODE_EXTRA_CA_CERTS) {
    throw new Error(
      `run the integration tests with NODE_EXTRA_CA_CERTS=${env.NODE_EXTRA_CA_CERTS}`,
    );
  }
  process.env.YOUJIAN_PROVIDER_ENDPOINTS = env.YOUJIAN_PROVIDER_ENDPOINTS;
  await ensureMailstack();
}

/** A fresh mailbox on the QQ or NetEase emulation, reached through the preset endpoints. */
export async function freshCredentials(
  preset: Extract<ProviderId, 'qq' | '163'>,
): Promise<MailCredentials> {
  const user = await createMailUser(preset === 'qq' ? 'qq.test' : '163.test');
  const creds = {
    address: user.address,
    username: user.address,
    secret: user.authCode,
    ...resolveEndpoints(preset),
  };
  await waitUntilLoginWorks(creds);
  return creds;
}

/**
 * Dovecot may still hold the passwd-file from before the user was appended (two appends in
 * the same second keep its mtime): logins then fail with [AUTHENTICATIONFAILED] or, when
 * only the userdb is stale, [UNAVAILABLE]. Wait until it has re-read the file.
 */
async function waitUntilLoginWorks(creds: MailCredentials): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await closeImap(await openImap(creds));
      return;
    } catch (error) {
      const stale =
        error instanceof MailError && (error.code === 'PROTOCOL' || error.code === 'AUTH_FAILED');
      if (!stale || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
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
