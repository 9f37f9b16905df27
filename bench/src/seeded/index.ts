/**
 * The first sync of mailboxes seeded as `npm run demo` seeds them — 200 generated
 * messages each (GBK and UTF-8 Chinese, HTML, attachments, reply chains) — one on the QQ
 * emulation, one on the NetEase emulation (ID rule, no IDLE), synced side by side as the
 * worker syncs a user's accounts, then their bodies indexed.
 */
import { createMailUser, type MailstackDomain } from '@youjian/mailstack';
import { seedMailbox } from '@youjian/mailstack/seed';
import { syncAccount } from '@youjian/sync';
import { type BenchPreset, linkAccount, untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import { productBodyIndex } from '../folder/body-index';
import { countMirrored } from '../folder/header-sync';
import type { Figure } from '../report';
import { round, timed } from '../stats';

const MESSAGES = 200;
const MAILBOXES: Array<{ domain: MailstackDomain; preset: BenchPreset }> = [
  { domain: 'qq.test', preset: 'qq' },
  { domain: '163.test', preset: '163' },
];

export async function runSeededBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { log, secretBox } = ctx;
  const mailUsers = await Promise.all(MAILBOXES.map(({ domain }) => createMailUser(domain)));
  for (const [index, mailUser] of mailUsers.entries()) {
    await untilLoginWorks(mailUser);
    await seedMailbox(mailUser, { count: MESSAGES, seed: index + 1 });
  }
  const bench = await createBenchDatabase(ctx.postgresUrl);
  try {
    const accounts = await Promise.all(
      mailUsers.map((mailUser, i) =>
        linkAccount(bench.db, mailUser, MAILBOXES[i]?.preset ?? 'qq', secretBox),
      ),
    );
    const headers = await timed(() =>
      Promise.all(
        accounts.map(({ accountId }) => syncAccount({ db: bench.db, accountId, secretBox })),
      ),
    );
    for (const { accountId } of accounts) {
      const mirrored = await countMirrored(bench.db, accountId);
      if (mirrored !== MESSAGES) throw new Error(`mirror holds ${mirrored} of ${MESSAGES}`);
    }
    const bodies = await timed(() =>
      Promise.all(
        accounts.map(({ accountId }) => productBodyIndex(bench.db, secretBox, accountId)),
      ),
    );
    log(
      `seeded mailboxes: first sync ${(headers.ms / 1000).toFixed(2)} s, bodies indexed ${(bodies.ms / 1000).toFixed(2)} s later`,
    );
    const what = `a qq.test and a 163.test mailbox with ${MESSAGES} generated messages each (seedMailbox, as npm run demo), every folder`;
    return [
      {
        name: 'sync.seeded_first_sync_s',
        value: headers.ms / 1000,
        unit: 's',
        target: null,
        note: `${what}: syncAccount of both side by side (connect, LIST, every folder newest-first)`,
      },
      {
        name: 'sync.seeded_body_index_s',
        value: bodies.ms / 1000,
        unit: 's',
        target: null,
        note: `then indexBodies of both side by side: ${2 * MESSAGES} text parts fetched, decoded and indexed (${round((2 * MESSAGES * 1000) / bodies.ms)} msg/s)`,
      },
    ];
  } finally {
    await bench.drop();
  }
}
