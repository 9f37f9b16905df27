/**
 * Opens a logged-in IMAP session, only through the egress guard. TLS certificates are
 * always verified against the host's name (tests trust the local CA through
 * NODE_EXTRA_CA_CERTS), and the client identifies itself with ID (RFC 2971) after LOGIN,
 * which NetEase requires before any SELECT.
 */
import { ImapFlow } from 'imapflow';
import { withDeadline } from './deadline';
import { type GuardedEndpoint, guardEndpoint } from './egress/guard-endpoint';
import { timeoutError, toMailError } from './errors';
import type { MailCredentials } from './types';

const DEFAULT_TIMEOUT_MS = 20_000;
/** Sync keeps sessions open between commands; IDLE is restarted well before this. */
const SOCKET_TIMEOUT_MS = 5 * 60_000;

export const CLIENT_INFO = { name: 'Youjian', version: '0.1.0', vendor: 'Youjian' };

/** imapflow's command runner; public API has no way to send ID on demand. */
interface CommandRunner {
  run(command: 'ID', clientInfo: Record<string, string>): Promise<unknown>;
}

/**
 * imapflow sends ID before LOGIN and repeats it afterwards only when the first answer was
 * short. NetEase (Coremail) only honours an ID sent in the authenticated state, so one is
 * sent after LOGIN here unless the server does not offer ID at all.
 */
async function sendIdAfterLogin(client: ImapFlow): Promise<void> {
  if (!client.capabilities.has('ID')) return;
  await (client as unknown as CommandRunner).run('ID', CLIENT_INFO);
}

/** One ImapFlow for the checked address; TLS presents and verifies the host's name. */
function imapClient(creds: MailCredentials, target: GuardedEndpoint, timeoutMs: number): ImapFlow {
  const { port, security } = creds.imap;
  return new ImapFlow({
    host: target.address,
    ...(target.servername ? { servername: target.servername } : {}),
    port,
    secure: security === 'tls',
    // starttls: refuse to continue in cleartext if the server does not offer STARTTLS.
    doSTARTTLS: security === 'starttls' ? true : security === 'plain' ? false : undefined,
    auth: { user: creds.username, pass: creds.secret },
    clientInfo: CLIENT_INFO,
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: SOCKET_TIMEOUT_MS,
    disableAutoIdle: true,
    tls: { rejectUnauthorized: true },
  });
}

/**
 * Opens a logged-in session to `creds.imap` within `timeoutMs` (default 20 s) in total,
 * through the egress guard: the host is resolved once and the socket opened to the checked
 * address. Throws MailError (HOST_NOT_ALLOWED, HOST_UNREACHABLE, TLS_FAILED, AUTH_FAILED,
 * TIMEOUT, PROTOCOL); nothing stays open after a failure.
 */
export async function openImap(
  creds: MailCredentials,
  opts: { timeoutMs?: number } = {},
): Promise<ImapFlow> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Held outside the attempt so a deadline that fires mid-way can close what it opened.
  const attempt: { client: ImapFlow | null; abandoned: boolean } = {
    client: null,
    abandoned: false,
  };
  const open = async (): Promise<ImapFlow> => {
    const target = await guardEndpoint('imap', creds.imap);
    if (attempt.abandoned) throw new Error('the IMAP connection attempt was abandoned');
    const client = imapClient(creds, target, timeoutMs);
    attempt.client = client;
    // Without a listener a socket error after login would crash the process; callers learn
    // of a dead session from the 'close' event and from the next command's rejection.
    client.on('error', () => undefined);
    await client.connect();
    await sendIdAfterLogin(client);
    return client;
  };
  try {
    return await withDeadline(open(), timeoutMs, () =>
      timeoutError('imap', creds.imap, Math.round(timeoutMs / 1000)),
    );
  } catch (error) {
    attempt.abandoned = true;
    attempt.client?.close();
    throw toMailError(error, 'imap', creds.imap);
  }
}

/** Logs out politely; a session that is already gone is simply closed. */
export async function closeImap(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}
