/**
 * The load benchmark's users: each signs up through the product's HTTP API as a person
 * behind a listed proxy would (its own X-Forwarded-For, so the per-address sign-up limit
 * counts each apart), confirms its address through the mailed link (bench.test lands in
 * the stack's accounts mailbox), and gets mail written into the mirror by bulk SQL.
 */
import { type Database, sql } from '@youjian/db';
import { signUpAndConfirm } from '../../../packages/auth/src/account-mail.integration-helpers';
import { seedUiUser } from '../ui/seed';

export interface LoadUser {
  cookie: string;
  /** client address it comes from (X-Forwarded-For through the trusted proxy) */
  address: string;
}

export async function createLoadUser(
  db: Database,
  baseUrl: string,
  index: number,
  run: string,
  mail: { messages: number; cachedBodies: number },
): Promise<LoadUser> {
  const address = `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  const email = `load-${run}-${index}@bench.test`;
  const cookie = await signUpAndConfirm(
    (request) => {
      request.headers.set('x-forwarded-for', address);
      return fetch(request, { redirect: 'manual' });
    },
    baseUrl,
    email,
  );
  const found = await db.execute<{ id: string }>(sql`select id from "user" where email = ${email}`);
  const userId = found.rows[0]?.id;
  if (!userId) throw new Error(`${email} is not in the database`);
  await seedUiUser(db, userId, mail.messages, mail.cachedBodies);
  return { cookie, address };
}
