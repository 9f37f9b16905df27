/**
 * The local mail providers for tests and the demo (tooling/mailstack/start.sh): raw Dovecot
 * ("Other IMAP/SMTP"), the QQ and NetEase emulations in front of it, and Postfix.
 * Import as `@youjian/mailstack`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { readProxyEnv } from './provider-proxy/env';

/**
 * qq.test and 163.test: QQ and NetEase folder names; courier.test: the personal namespace
 * "INBOX." with "." as separator (RFC 2342), as Courier-IMAP and Cyrus have it.
 */
export type MailstackDomain = 'qq.test' | '163.test' | 'courier.test';
export type EndpointSecurity = 'tls' | 'starttls' | 'plain';

export interface MailstackEndpoint {
  host: string;
  port: number;
  security: EndpointSecurity;
}

export interface MailUser {
  address: string;
  authCode: string;
}

const root = readProxyEnv().mailstackRoot;
const host = '127.0.0.1';

export const MAILSTACK = {
  root,
  host,
  /** self-signed certificate of every TLS port; trust it with NODE_EXTRA_CA_CERTS */
  caFile: path.join(root, 'tls', 'cert.pem'),
  ports: {
    /** Dovecot, plain + STARTTLS */
    imap: 31143,
    imaps: 31993,
    pop3: 31110,
    pop3s: 31995,
    lmtp: 31024,
    sasl: 31012,
    /** Postfix MX: delivery to qq.test / 163.test, no AUTH */
    smtp: 31025,
    /** Postfix submission: STARTTLS required, AUTH, sender = login */
    submission: 31587,
    /** Postfix SMTPS (implicit TLS), AUTH, sender = login; files a Sent copy (see sent-copy.sieve) */
    smtps: 31465,
    /** provider proxy, QQ profile (imap.qq.test) */
    qqImaps: 32993,
    /** provider proxy, NetEase profile (imap.163.test) */
    neteaseImaps: 33993,
  },
  /** what a preset points at in tests; `other` is raw Dovecot + Postfix */
  providers: {
    qq: {
      imap: { host, port: 32993, security: 'tls' },
      smtp: { host, port: 31465, security: 'tls' },
    },
    netease: {
      imap: { host, port: 33993, security: 'tls' },
      smtp: { host, port: 31465, security: 'tls' },
    },
    other: {
      imap: { host, port: 31993, security: 'tls' },
      smtp: { host, port: 31587, security: 'starttls' },
    },
    /** raw Dovecot too; a courier.test user sees the "INBOX." namespace there */
    courier: {
      imap: { host, port: 31993, security: 'tls' },
      smtp: { host, port: 31587, security: 'starttls' },
    },
  },
  /** the standing users; tests should prefer fresh ones from createMailUser() */
  users: {
    alice: { address: 'alice@qq.test', authCode: 'alice-auth-code' },
    carol: { address: 'carol@qq.test', authCode: 'carol-auth-code' },
    bob: { address: 'bob@163.test', authCode: 'bob-auth-code' },
    dave: { address: 'dave@163.test', authCode: 'dave-auth-code' },
  },
} as const satisfies {
  providers: Record<string, { imap: MailstackEndpoint; smtp: MailstackEndpoint }>;
  users: Record<string, MailUser>;
  [key: string]: unknown;
};

const START_SCRIPT = path.resolve(import.meta.dirname, '../start.sh');

function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function allPortsAnswer(): Promise<boolean> {
  const answers = await Promise.all(
    Object.values(MAILSTACK.ports).map((port) => portAnswers(port)),
  );
  return answers.every(Boolean);
}

let starting: Promise<void> | null = null;

const run = promisify(execFile);

/** Runs Dovecot's admin tool (doveadm(1)) against the stack's Dovecot. */
export function doveadm(...args: string[]) {
  return run('doveadm', ['-c', path.join(root, 'etc', 'dovecot.conf'), ...args]);
}

/**
 * Starts the stack unless every port already answers. Safe to call from many processes at
 * once: start.sh holds a lock, and whoever comes second finds the stack up.
 */
export function ensureMailstack(): Promise<void> {
  starting ??= (async () => {
    if (await allPortsAnswer()) return;
    await new Promise<void>((resolve, reject) => {
      execFile(
        'bash',
        [START_SCRIPT],
        { env: { ...process.env, ROOT: root }, timeout: 180_000 },
        (error, _stdout, stderr) => {
          if (error) reject(new Error(`mailstack start failed: ${stderr.trim() || error.message}`));
          else resolve();
        },
      );
    });
  })().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

export interface MailUserOptions {
  /**
   * qq.test only: QQ's setting "SMTP发信后保存到服务器" (save mail sent over SMTP on the
   * server), off by default as at QQ. On, mail the user submits over SMTP is filed in
   * "Sent Messages"; off, no copy is filed. 163.test always files one.
   */
  smtpSaveToServer?: boolean;
}

/**
 * A fresh user of the given domain, usable at once over IMAP, POP3 and SMTP AUTH: Dovecot
 * reads a user's passwd-file on first lookup, and Postfix accepts any local part.
 */
export async function createMailUser(
  domain: MailstackDomain,
  options: MailUserOptions = {},
): Promise<MailUser> {
  await ensureMailstack();
  const localPart = `u${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const user = { address: `${localPart}@${domain}`, authCode: randomBytes(12).toString('hex') };
  // passwd-file(5) extra fields: a userdb_ field the plugin block does not know becomes a
  // plugin setting, which dovecot/sent-copy.sieve reads as vnd.dovecot.config.smtp_save_sent
  const extra = options.smtpSaveToServer ? 'userdb_sieve_env_smtp_save_sent=yes' : '';
  // Written under a temporary name and renamed: Dovecot never sees half a file.
  const file = path.join(root, 'etc', 'users', domain, localPart);
  await writeFile(`${file}.tmp`, `${user.address}:{PLAIN}${user.authCode}::::::${extra}\n`, {
    mode: 0o644,
  });
  await rename(`${file}.tmp`, file);
  return user;
}

/**
 * Revokes a stack user's authorization code and hands out a new one, as QQ does after a
 * password change and NetEase after 授权密码 is reset: the passwd-file is rewritten (Dovecot
 * reads it on every lookup) and the user's open sessions are ended (doveadm kick), so a
 * client still holding the old code fails at its next login. Returns the user with the
 * new code.
 */
export async function replaceAuthCode(user: MailUser): Promise<MailUser> {
  const [localPart, domain] = user.address.split('@');
  if (!localPart || !domain) throw new Error(`not an address: ${user.address}`);
  const file = path.join(root, 'etc', 'users', domain, localPart);
  const next = { address: user.address, authCode: randomBytes(12).toString('hex') };
  const line = (await readFile(file, 'utf8')).replace(
    `{PLAIN}${user.authCode}:`,
    `{PLAIN}${next.authCode}:`,
  );
  await writeFile(`${file}.tmp`, line, { mode: 0o644 });
  await rename(`${file}.tmp`, file);
  await doveadm('kick', user.address).catch(() => undefined);
  return next;
}

/**
 * A logged-in imapflow client of a stack user: raw Dovecot (plain IMAP) by default, or any
 * IMAPS port of the stack (the QQ/NetEase emulations, Dovecot's 31993) trusting the test CA.
 */
export async function connectImap(
  user: MailUser,
  port: number = MAILSTACK.ports.imap,
): Promise<ImapFlow> {
  const secure = port !== MAILSTACK.ports.imap;
  const client = new ImapFlow({
    host,
    port,
    secure,
    doSTARTTLS: false,
    ...(secure ? { tls: { ca: await readFile(MAILSTACK.caFile) } } : {}),
    auth: { user: user.address, pass: user.authCode },
    logger: false,
  });
  await client.connect();
  return client;
}

/** APPENDs a message straight to Dovecot (no provider emulation in between). */
export async function appendMessage(
  user: MailUser,
  folderPath: string,
  raw: Buffer | string,
  flags: string[] = [],
): Promise<{ uid: number | null }> {
  const client = await connectImap(user);
  try {
    const appended = await client.append(folderPath, raw, flags);
    return { uid: appended ? (appended.uid ?? null) : null };
  } finally {
    await client.logout();
  }
}

/** Delivers like another provider's MTA would: Postfix's MX port, no AUTH. */
export async function deliverMessage(message: {
  from: string;
  to: string | string[];
  raw: Buffer | string;
}): Promise<void> {
  const transport = nodemailer.createTransport({
    host,
    port: MAILSTACK.ports.smtp,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({
      envelope: { from: message.from, to: message.to },
      raw: message.raw,
    });
    if (info.rejected.length > 0) throw new Error(`rejected: ${info.rejected.join(', ')}`);
  } finally {
    transport.close();
  }
}

/**
 * Environment for a process that should talk to the local providers: the qq and NetEase
 * presets pointed at the emulations (read by packages/mail's env.ts), the egress guard's
 * allow-list opened to the stack's host (every port: the stack listens on high ones), the
 * test CA, and the SMTP server and sender of the product's account mail.
 */
export function providerEnv(): Record<string, string> {
  const { qq, netease } = MAILSTACK.providers;
  return {
    YOUJIAN_PROVIDER_ENDPOINTS: JSON.stringify({ qq, 163: netease, 126: netease, yeah: netease }),
    // 127.0.0.1 is where every endpoint points; localhost is the name on its certificate
    YOUJIAN_ALLOWED_MAIL_HOSTS: `${host},localhost`,
    NODE_EXTRA_CA_CERTS: MAILSTACK.caFile,
    // the product's own mail (verification, password reset) goes out through the MX port;
    // mail to example.test and bench.test accounts lands in accounts@qq.test (account-mail.ts)
    YOUJIAN_SMTP_URL: `smtp://${host}:${MAILSTACK.ports.smtp}`,
    YOUJIAN_MAIL_FROM: 'Youjian <noreply@youjian.test>',
  };
}
