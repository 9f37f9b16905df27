import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MAILSTACK, type MailUser } from '@youjian/mailstack';
import { ratePerSecond, timed } from '../stats';

const run = promisify(execFile);

export interface MbsyncMirror {
  messages: number;
  ms: number;
  perSecond: number;
}

/**
 * The reference mirror: mbsync (isync) with its default settings — only what a pull of
 * INBOX into a Maildir needs is configured — over the same raw Dovecot IMAPS port the
 * product uses, into a fresh temporary folder.
 */
export async function mbsyncMirror(mbsync: string, mailUser: MailUser): Promise<MbsyncMirror> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-bench-mbsync-'));
  const { imap } = MAILSTACK.providers.other;
  const config = path.join(dir, 'mbsyncrc');
  fs.mkdirSync(path.join(dir, 'mail'));
  fs.writeFileSync(
    config,
    [
      'IMAPAccount bench',
      // mbsync checks the certificate's DNS names only; the stack's cert names localhost
      'Host localhost',
      `Port ${imap.port}`,
      `User ${mailUser.address}`,
      `Pass ${mailUser.authCode}`,
      'SSLType IMAPS',
      `CertificateFile ${MAILSTACK.caFile}`,
      '',
      'IMAPStore bench-remote',
      'Account bench',
      '',
      'MaildirStore bench-local',
      `Path ${dir}/mail/`,
      `Inbox ${dir}/mail/INBOX`,
      '',
      'Channel bench',
      'Far :bench-remote:',
      'Near :bench-local:',
      'Patterns INBOX',
      'Create Near',
      'Sync Pull',
      'SyncState *',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  try {
    const { ms } = await timed(() =>
      run(mbsync, ['-q', '-c', config, '-a'], { maxBuffer: 1 << 24 }),
    );
    const inbox = path.join(dir, 'mail', 'INBOX');
    const messages = ['cur', 'new']
      .map((sub) => path.join(inbox, sub))
      .filter((sub) => fs.existsSync(sub))
      .reduce((sum, sub) => sum + fs.readdirSync(sub).length, 0);
    return { messages, ms, perSecond: ratePerSecond(messages, ms) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
