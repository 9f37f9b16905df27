import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eq, message, messageBody, pendingImapOp } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the api package's own test setup (a migrated database of this file's own, seeded rows)
import {
  createTestApi,
  seedMailbox,
  seedMessage,
  type TestApi,
} from '../../../../../packages/api/src/test-support.integration-helpers';
import { signUpThroughRoute } from './route-tests.integration-helpers';

/**
 * Every route handler under app/api, found in the file tree (a new route.ts is covered the
 * day it is added), is called through its real module as Mallory — signed in through the
 * real auth route — with Alice's ids in its path. Nothing of Alice's may come back and
 * nothing of hers may change. A dynamic segment this table has no value for fails the
 * suite, so a new kind of id cannot slip past it.
 */

const API_DIR = path.dirname(fileURLToPath(import.meta.url));
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const BASE = 'http://localhost:3000';

let api: TestApi;
let aliceIds: { accountId: string; inboxId: string; messageId: string };
let markers: string[];
let malloryCookie: string;

/** The route files, as URL path templates (`attachments/[accountId]/…`). */
function routeTemplates(): string[] {
  return (fs.readdirSync(API_DIR, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => path.dirname(file).split(path.sep).join('/'))
    .sort();
}

/** What Mallory puts in each kind of dynamic segment: Alice's ids, or a path of hers. */
function segmentValue(segment: string, method: string): string | undefined {
  const values: Record<string, string> = {
    '[accountId]': aliceIds.accountId,
    '[messageId]': aliceIds.messageId,
    '[index]': '0',
    // tRPC: reading and flagging Alice's message by its ids
    '[trpc]':
      method === 'GET'
        ? `messages.get?input=${encodeURIComponent(JSON.stringify({ json: { accountId: aliceIds.accountId, messageId: aliceIds.messageId } }))}`
        : 'messages.setFlags',
    // Better Auth: the sessions Mallory may list or end
    '[...all]': method === 'GET' ? 'list-sessions' : 'revoke-other-sessions',
  };
  return values[segment];
}

function requestFor(template: string, method: string): { url: string; params: unknown } {
  const params: Record<string, string | string[]> = {};
  const parts = template.split('/').map((segment) => {
    if (!segment.startsWith('[')) return segment;
    const value = segmentValue(segment, method);
    if (value === undefined) throw new Error(`no value for the segment ${segment} of ${template}`);
    const name = segment.replace(/^\[(\.\.\.)?/, '').replace(/\]$/, '');
    params[name] = segment.startsWith('[...') ? value.split('/') : value;
    return value;
  });
  return { url: `${BASE}/api/${parts.join('/')}`, params: Promise.resolve(params) };
}

async function aliceState() {
  const db = api.database.db;
  return {
    message: await db.select().from(message).where(eq(message.id, aliceIds.messageId)),
    ops: await db
      .select()
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, aliceIds.accountId)),
  };
}

beforeAll(async () => {
  api = await createTestApi();
  // the web app reads these on first use (env.ts): this file's own database and keys
  Object.assign(process.env, {
    DATABASE_URL: api.database.url,
    BETTER_AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    BETTER_AUTH_URL: BASE,
    YOUJIAN_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
  });
  const alice = await signUpThroughRoute(api, 'alice@example.test');
  malloryCookie = (await signUpThroughRoute(api, 'mallory@example.test')).cookie;
  const folder = await seedMailbox(api, alice.id, 'alice@qq.test');
  const messageId = await seedMessage(api, folder, {
    uid: 3,
    subject: 'alice-secret-subject',
    receivedAt: '2024-05-01 09:00:00+08',
  });
  await api.database.db.insert(messageBody).values({
    accountId: folder.accountId,
    messageId,
    html: null,
    text: 'alice-secret-body',
  });
  aliceIds = { ...folder, messageId };
  markers = [...Object.values(aliceIds), 'alice@', 'alice-secret-subject', 'alice-secret-body'];
});

afterAll(async () => {
  await api?.close();
});

describe("every route handler, called by another user with Alice's ids", () => {
  const templates = routeTemplates();

  it('finds the route handlers in the file tree', () => {
    expect(templates).toEqual(expect.arrayContaining(['auth/[...all]', 'trpc/[trpc]']));
  });

  it.each(templates)(
    '%s returns nothing of Alice and changes nothing of hers',
    async (template) => {
      const module = (await import(
        /* @vite-ignore */ pathToFileURL(path.join(API_DIR, template, 'route.ts')).href
      )) as Record<string, (request: Request, context: { params: unknown }) => Promise<Response>>;
      const methods = METHODS.filter((method) => typeof module[method] === 'function');
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        const before = await aliceState();
        const { url, params } = requestFor(template, method);
        const body =
          method === 'GET'
            ? undefined
            : JSON.stringify(
                template.startsWith('trpc')
                  ? {
                      json: {
                        accountId: aliceIds.accountId,
                        messageIds: [aliceIds.messageId],
                        seen: true,
                      },
                    }
                  : {},
              );
        const response = await module[method]?.(
          new Request(url, {
            method,
            headers: { cookie: malloryCookie, origin: BASE, 'content-type': 'application/json' },
            body,
          }),
          { params },
        );
        const text = (await response?.text()) ?? '';
        expect(response?.status, `${method} ${url}`).toBeLessThan(500);
        for (const marker of markers) expect(text, `${method} ${url}`).not.toContain(marker);
        expect(await aliceState(), `${method} ${url}`).toEqual(before);
      }
    },
  );
});
