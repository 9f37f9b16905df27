import { TRPCError } from '@trpc/server';
import {
  eq,
  mailAccount,
  mailbox,
  message,
  messageBody,
  outgoingMail,
  pendingImapOp,
  publishMailEvent,
} from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from './root';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  seedMessage,
  type TestApi,
} from './test-support.integration-helpers';

/**
 * Every procedure of the router, found in the router itself (a new one is covered the day
 * it is added), is called as Mallory with Alice's ids in every id-shaped field of an input
 * generated from the procedure's own zod schema. Nothing of Alice's may come back, and
 * nothing of hers may change.
 */

let api: TestApi;
let alice: string;
let mallory: string;
let ids: Record<string, string>;
/** text that only Alice's rows hold: none of it may reach Mallory */
let aliceMarkers: string[];

beforeAll(async () => {
  api = await createTestApi();
  alice = await createProductUser(api, 'alice@example.test');
  mallory = await createProductUser(api, 'mallory@example.test');
  const folder = await seedMailbox(api, alice, 'alice@qq.test');
  const messageId = await seedMessage(api, folder, {
    uid: 7,
    subject: '绝密季度报告',
    receivedAt: '2024-05-01 09:00:00+08',
  });
  await api.database.db.insert(messageBody).values({
    accountId: folder.accountId,
    messageId,
    html: null,
    text: 'alice-private-body-text',
  });
  const outgoing = await api.callerFor(alice).messages.send({
    accountId: folder.accountId,
    to: 'bob@163.test',
    cc: '',
    subject: 'alice-private-outgoing',
    text: 'x',
  });
  // Mallory has a mailbox of his own, so "his" account filters have something to match
  await seedMailbox(api, mallory, 'mallory@163.test');
  ids = {
    accountId: folder.accountId,
    mailboxId: folder.inboxId,
    folderId: folder.inboxId,
    toMailboxId: folder.inboxId,
    messageId,
    id: outgoing.id,
  };
  aliceMarkers = [
    folder.accountId,
    folder.inboxId,
    messageId,
    outgoing.id,
    'alice@qq.test',
    '绝密季度报告',
    'alice-private-body-text',
  ];
});

afterAll(async () => {
  await api?.close();
});

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
};

const mentionsAnId = (schema: JsonSchema): boolean =>
  Object.entries(schema.properties ?? {}).some(
    ([name, property]) => name in ids || `${name}`.endsWith('Ids') || mentionsAnId(property),
  );

/** An input of the schema's shape with Alice's ids wherever an id goes. */
function attackValue(schema: JsonSchema, name: string): unknown {
  const idName = name.endsWith('Ids') ? name.slice(0, -1) : name;
  if (schema.anyOf) return attackValue(schema.anyOf.find((s) => s.type !== 'null') ?? {}, name);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const wanted =
          schema.required?.includes(key) ||
          key in ids ||
          key.endsWith('Ids') ||
          mentionsAnId(property);
        if (wanted) value[key] = attackValue(property, key);
      }
      return value;
    }
    case 'array':
      return [attackValue(schema.items ?? {}, idName)];
    case 'string':
      if (ids[idName]) return ids[idName];
      if (schema.format === 'email') return 'someone@example.test';
      if (schema.format === 'uuid') return crypto.randomUUID();
      return name === 'to' ? 'someone@example.test' : 'x';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

interface Procedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] };
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
);

function inputFor(procedure: Procedure): unknown {
  const [schema] = procedure._def.inputs;
  if (!schema) return undefined;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const input = attackValue(json, '');
  // the attack must be a well-formed call, or a refusal would prove nothing
  expect(schema.safeParse(input).success, JSON.stringify(input)).toBe(true);
  return input;
}

async function callAs(userId: string, path: string, input: unknown): Promise<unknown> {
  const caller = api.callerFor(userId) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  const [group = '', name = ''] = path.split('.');
  const procedure = caller[group]?.[name];
  if (!procedure) throw new Error(`no caller for ${path}`);
  return procedure(input);
}

/** Alice's rows as they stand: compared before and after Mallory's calls. */
async function aliceState() {
  const db = api.database.db;
  return {
    accounts: await db.select().from(mailAccount).where(eq(mailAccount.userId, alice)),
    folders: await db
      .select()
      .from(mailbox)
      .where(eq(mailbox.accountId, ids.accountId ?? '')),
    messages: await db
      .select()
      .from(message)
      .where(eq(message.accountId, ids.accountId ?? '')),
    ops: await db
      .select()
      .from(pendingImapOp)
      .where(eq(pendingImapOp.accountId, ids.accountId ?? '')),
    outgoing: await db
      .select()
      .from(outgoingMail)
      .where(eq(outgoingMail.accountId, ids.accountId ?? '')),
  };
}

describe("every procedure, called by another user with Alice's ids", () => {
  it('the router has procedures to test (the enumeration works)', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(procedures.filter(([, p]) => p._def.type !== 'subscription'))(
    '%s returns nothing of Alice and changes nothing of hers',
    async (path, procedure) => {
      const before = await aliceState();
      const input = inputFor(procedure);
      let outcome: string;
      try {
        outcome = JSON.stringify((await callAs(mallory, path, input)) ?? null);
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        // refused as the user's own mistake, never as a failure of ours
        expect(error.code, `${path}: ${error.message}`).not.toBe('INTERNAL_SERVER_ERROR');
        outcome = `${error.code} ${error.message}`;
      }
      for (const marker of aliceMarkers) expect(outcome, path).not.toContain(marker);
      expect(await aliceState(), path).toEqual(before);
    },
  );

  it.each(procedures.filter(([, p]) => p._def.type === 'subscription'))(
    "%s never delivers Alice's events to another user",
    async (path, procedure) => {
      const abort = new AbortController();
      const caller = api.callerFor(mallory, abort.signal) as unknown as Record<
        string,
        Record<string, (i: unknown) => Promise<AsyncIterable<unknown>>>
      >;
      const [group = '', name = ''] = path.split('.');
      const stream = await caller[group]?.[name]?.(inputFor(procedure));
      if (!stream) throw new Error(`no caller for ${path}`);
      const next = stream[Symbol.asyncIterator]().next();
      const received: unknown[] = [];
      void next.then(({ value }) => received.push(value));
      for (let round = 0; round < 10; round++) {
        await publishMailEvent(api.database.db.$client, {
          kind: 'account_changed',
          userId: alice,
          accountId: ids.accountId ?? '',
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      abort.abort();
      expect(received).toEqual([]);
    },
  );
});
