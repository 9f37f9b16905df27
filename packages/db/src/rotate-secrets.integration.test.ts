import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateSealedSecrets } from './rotate-secrets';
import { mailAccount, user } from './schema';
import { createSecretBox } from './secret-box';
import { createTestDatabase, type TestDatabase } from './testing';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test.drop();
});

async function linkAccount(address: string, secretSealed: string): Promise<string> {
  const userId = crypto.randomUUID();
  await test.db.insert(user).values({ id: userId, name: 'T', email: `${userId}@example.test` });
  const [row] = await test.db
    .insert(mailAccount)
    .values({
      userId,
      address,
      provider: 'qq',
      username: address,
      imapHost: 'imap.qq.com',
      imapPort: 993,
      imapSecurity: 'tls',
      smtpHost: 'smtp.qq.com',
      smtpPort: 465,
      smtpSecurity: 'tls',
      secretSealed,
    })
    .returning({ id: mailAccount.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

describe('rotateSealedSecrets', () => {
  it('re-seals old secrets so that the new key alone opens every one', async () => {
    const oldKey = crypto.randomBytes(32);
    const newKey = crypto.randomBytes(32);
    const oldId = await linkAccount(
      'alice@qq.test',
      createSecretBox(oldKey).seal('alice-auth-code'),
    );
    const newId = await linkAccount(
      'carol@qq.test',
      createSecretBox(newKey).seal('carol-auth-code'),
    );

    const count = await rotateSealedSecrets(test.db, createSecretBox(newKey, [oldKey]));
    expect(count).toEqual({ resealed: 1, current: 1 });

    const onlyNew = createSecretBox(newKey);
    const sealedOf = async (id: string) =>
      (await test.db.select().from(mailAccount).where(eq(mailAccount.id, id)))[0]?.secretSealed ??
      '';
    expect(onlyNew.open(await sealedOf(oldId))).toBe('alice-auth-code');
    expect(onlyNew.open(await sealedOf(newId))).toBe('carol-auth-code');
    expect(await rotateSealedSecrets(test.db, createSecretBox(newKey, [oldKey]))).toEqual({
      resealed: 0,
      current: 2,
    });
  });

  it('stops without changing anything when a secret opens with no key', async () => {
    const stray = await linkAccount(
      'dave@163.test',
      createSecretBox(crypto.randomBytes(32)).seal('x'),
    );
    await expect(
      rotateSealedSecrets(test.db, createSecretBox(crypto.randomBytes(32))),
    ).rejects.toThrow(/no secret key opens/);
    await test.db.delete(mailAccount).where(eq(mailAccount.id, stray));
  });
});
