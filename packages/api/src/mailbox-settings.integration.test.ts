import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let owner: string;
let other: string;
let first: string;
let second: string;
let theirs: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = await createProductUser(api, 'settings-owner@example.test');
  other = await createProductUser(api, 'settings-other@example.test');
  first = (await seedMailbox(api, owner, 'first@qq.test')).accountId;
  second = (await seedMailbox(api, owner, 'second@163.test')).accountId;
  theirs = (await seedMailbox(api, other, 'theirs@qq.test')).accountId;
});

afterAll(async () => {
  await api?.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('mailbox settings', () => {
  it('keeps a display name and a colour per mailbox, and lists them', async () => {
    const caller = api.callerFor(owner);
    await caller.accounts.update({ accountId: first, displayName: '  王小明 ', colour: '#188038' });
    const listed = await caller.accounts.list();
    expect(listed.find((account) => account.id === first)).toMatchObject({
      displayName: '王小明',
      colour: '#188038',
    });
    await caller.accounts.update({ accountId: first, colour: null });
    expect((await caller.accounts.list()).find((a) => a.id === first)?.colour).toBeNull();
  });

  it('refuses a colour that is not #rrggbb and another user’s mailbox', async () => {
    const caller = api.callerFor(owner);
    expect(await codeOf(caller.accounts.update({ accountId: first, colour: 'red' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(caller.accounts.update({ accountId: theirs, displayName: 'x' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('lists mailboxes in the order the user put them', async () => {
    const caller = api.callerFor(owner);
    expect((await caller.accounts.list()).map((a) => a.id)).toEqual([first, second]);
    await caller.accounts.reorder({ accountIds: [second, first] });
    expect((await caller.accounts.list()).map((a) => a.id)).toEqual([second, first]);
    // every mailbox of the user, each once, and only theirs
    expect(await codeOf(caller.accounts.reorder({ accountIds: [second] }))).toBe('BAD_REQUEST');
    expect(await codeOf(caller.accounts.reorder({ accountIds: [second, theirs] }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('keeps a default sending mailbox of the user’s own and the reading-pane position', async () => {
    const caller = api.callerFor(owner);
    const saved = await caller.preferences.update({
      defaultAccountId: second,
      readingPane: 'bottom',
    });
    expect(saved).toMatchObject({ defaultAccountId: second, readingPane: 'bottom' });
    expect(await codeOf(caller.preferences.update({ defaultAccountId: theirs }))).toBe('NOT_FOUND');
    await caller.accounts.remove({ accountId: second });
    expect((await caller.preferences.get()).defaultAccountId).toBeNull();
  });
});
