/**
 * A no-change incremental sync of an account with 20 folders (QQ profile: no CONDSTORE,
 * so every folder costs a STATUS and a decision): after the first sync, nothing changes
 * on the server and the same sync runs again.
 */
import { eq, mailAccount, sql } from '@youjian/db';
import { openImap } from '@youjian/mail';
import { connectImap, createMailUser, type MailUser } from '@youjian/mailstack';
import { accountCredentials, syncAccount, syncMailboxes } from '@youjian/sync';
import { linkAccount, untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import type { Figure } from '../report';
import { median, timed } from '../stats';

const FOLDERS = 20;
const RUNS = 9;

/** INBOX, the five folders QQ creates, and extra folders up to 20, three messages each. */
async function seedFolders(mailUser: MailUser): Promise<void> {
  const client = await connectImap(mailUser);
  try {
    const existing = (await client.list()).filter((f) => !f.flags.has('\\Noselect'));
    const paths = existing.map((f) => f.path);
    for (let i = 1; paths.length < FOLDERS; i++) {
      const path = `Project ${i}`;
      await client.mailboxCreate(path);
      paths.push(path);
    }
    for (const path of paths) {
      for (let n = 0; n < 3; n++) {
        const raw = `From: Sender <sender@example.test>\r\nTo: ${mailUser.address}\r\nSubject: ${path} ${n}\r\nMessage-ID: <${path.replace(/\W/g, '')}-${n}@bench.test>\r\nDate: ${new Date().toUTCString()}\r\n\r\nbody ${n}\r\n`;
        await client.append(path, raw, n === 0 ? ['\\Seen'] : []);
      }
    }
  } finally {
    await client.logout();
  }
}

export async function runNoopBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { secretBox, log } = ctx;
  const mailUser = await createMailUser('qq.test');
  await untilLoginWorks(mailUser);
  await seedFolders(mailUser);
  const bench = await createBenchDatabase(ctx.postgresUrl);
  const { db } = bench;
  try {
    const { accountId } = await linkAccount(db, mailUser, 'qq', secretBox);
    await syncAccount({ db, accountId, secretBox });
    const counted = await db.execute<{ folders: number; messages: number }>(sql`select
      (select count(*)::int from mailbox where account_id = ${accountId}) as folders,
      (select count(*)::int from message where account_id = ${accountId}) as messages`);
    const { folders = 0, messages = 0 } = counted.rows[0] ?? {};
    if (folders !== FOLDERS) throw new Error(`the mirror has ${folders} folders, not ${FOLDERS}`);
    log(`first sync: ${folders} folders, ${messages} messages`);

    const [account] = await db.select().from(mailAccount).where(eq(mailAccount.id, accountId));
    if (!account) throw new Error('account vanished');
    // the worker's pass over an open session (it stays logged in between passes)
    const client = await openImap(accountCredentials(account, secretBox));
    const cycle: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        cycle.push((await timed(() => syncMailboxes({ db, client, account }))).ms);
      }
    } finally {
      await client.logout();
    }
    // the contract's one-shot syncAccount: TLS connect, LOGIN, ID, the same pass, LOGOUT
    const oneShot: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      oneShot.push((await timed(() => syncAccount({ db, accountId, secretBox }))).ms);
    }
    log(
      `no-change pass: ${cycle.map((ms) => ms.toFixed(0)).join(', ')} ms; syncAccount: ${oneShot.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    return [
      {
        name: 'sync.noop_incremental_ms',
        value: median(cycle),
        unit: 'ms',
        target: 150,
        direction: 'max',
        note: `syncMailboxes (the worker's full pass: LIST + STATUS/decide per folder) on an open session, qq.test emulation, ${FOLDERS} folders, nothing changed; median of ${RUNS}`,
      },
      {
        name: 'sync.noop_sync_account_ms',
        value: median(oneShot),
        unit: 'ms',
        target: null,
        note: `syncAccount (adds TLS connect + LOGIN + ID + LOGOUT) for the same account; median of ${RUNS}`,
      },
    ];
  } finally {
    await bench.drop();
  }
}
