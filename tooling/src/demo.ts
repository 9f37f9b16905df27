import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createCaller, createMailEventHub } from '@youjian/api';
import { createAuth } from '@youjian/auth';
import {
  closeDb,
  createDb,
  createSecretBox,
  eq,
  loadSecretKey,
  mailAccount,
  readDbEnv,
  user,
} from '@youjian/db';
import { ensureMailstack, MAILSTACK, providerEnv } from '@youjian/mailstack';
import { seedMailbox } from '@youjian/mailstack/seed';
import { REPO_ROOT, startProduct } from './product';
import { exitOnStartupFailure } from './startup-failure';

/**
 * `npm run demo`: the local stand-ins for QQ Mail and NetEase with seeded mailboxes, a
 * demo user who has alice@qq.test and bob@163.test linked, and Youjian itself.
 */
const DEMO_EMAIL = 'demo@youjian.test';
// passes the product's password policy (12+ characters, not a common password)
const DEMO_PASSWORD = 'plum blossom tea';
const LINKED = [
  { provider: 'qq' as const, address: 'alice@qq.test', authCode: 'alice-auth-code' },
  { provider: '163' as const, address: 'bob@163.test', authCode: 'bob-auth-code' },
];

// Node reads NODE_EXTRA_CA_CERTS only at start-up: run again with the local CA trusted.
if (process.env.NODE_EXTRA_CA_CERTS !== MAILSTACK.caFile) {
  await ensureMailstack();
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...providerEnv() },
  });
  process.exit(again.status ?? 1);
}

process.env.YOUJIAN_DATA_DIR ??= path.join(REPO_ROOT, '.data/demo');
await ensureMailstack();
for (const [index, mailbox] of LINKED.entries()) {
  const added = await seedMailbox(mailbox, { count: 200, seed: index + 1, once: true });
  if (added > 0) console.log(`seeded ${added} messages into ${mailbox.address}`);
}

// no poll interval override: 163.test gets the NetEase preset's NOOP every 10 s, as users do
const product = await startProduct({
  env: providerEnv(),
  beforeStart: createDemoUser,
}).catch(exitOnStartupFailure);

console.log(`
  Youjian demo is running at ${product.url}

  Sign in as   ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}
  (alice@qq.test and bob@163.test are linked already)

  Or sign up as a new user and link any of these local mailboxes
  (provider → address → authorization code):
    QQ Mail  alice@qq.test   alice-auth-code
    QQ Mail  carol@qq.test   carol-auth-code
    163      bob@163.test    bob-auth-code
    163      dave@163.test   dave-auth-code
    Other    any of them, IMAP 127.0.0.1:31143 STARTTLS, SMTP 127.0.0.1:31587 STARTTLS

  Ctrl-C stops Youjian; \`npm run mailstack:stop\` stops the mail servers.
`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void product.stop().then(() => process.exit(0)));
}

/** Signs the demo user up through Better Auth and links both mailboxes through the API. */
async function createDemoUser(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const [existing] = await db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, DEMO_EMAIL));
    let userId = existing?.id;
    if (!userId) {
      // only signs the user up; the web process signs sessions with its own secret
      const secret = crypto.randomBytes(32).toString('base64url');
      // the demo account is made by the operator, who vouches for its address: no mail
      const auth = createAuth({
        db,
        secret,
        baseURL: 'http://localhost',
        mailer: { send: async () => {} },
      });
      const created = await auth.api.signUpEmail({
        body: { email: DEMO_EMAIL, password: DEMO_PASSWORD, name: 'Demo' },
      });
      userId = created.user.id;
      await db.update(user).set({ emailVerified: true }).where(eq(user.id, userId));
    }
    const linked = await db
      .select({ address: mailAccount.address })
      .from(mailAccount)
      .where(eq(mailAccount.userId, userId));
    const events = createMailEventHub(db);
    const caller = createCaller({
      db,
      secretBox: createSecretBox(loadSecretKey(readDbEnv())),
      userId,
      events,
    });
    for (const mailbox of LINKED) {
      if (linked.some((row) => row.address === mailbox.address)) continue;
      await caller.accounts.link(mailbox);
      console.log(`linked ${mailbox.address} to ${DEMO_EMAIL}`);
    }
  } finally {
    await closeDb(db);
  }
}
