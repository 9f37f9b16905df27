import { and, draft, eq, outgoingMail, pendingImapOp } from '@youjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  seedMailbox,
  type TestApi,
} from './test-support.integration-helpers';

let api: TestApi;
let userId: string;
let accountId: string;
const caller = () => api.callerFor(userId);
const db = () => api.database.db;

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'writer@example.test');
  ({ accountId } = await seedMailbox(api, userId, 'writer@qq.test'));
});

afterAll(async () => {
  await api?.close();
});

const opsOf = (kind: 'save_draft' | 'discard_draft') =>
  db()
    .select({ payload: pendingImapOp.payload })
    .from(pendingImapOp)
    .where(and(eq(pendingImapOp.accountId, accountId), eq(pendingImapOp.kind, kind)));

async function outgoing(id: string) {
  const [row] = await db()
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.accountId, accountId), eq(outgoingMail.id, id)));
  if (!row) throw new Error('no outgoing row');
  return row;
}

describe('drafts, undo send, scheduled send, outbox', () => {
  it('autosaves are one draft with rising revisions, each queuing a save_draft op', async () => {
    const fields = { accountId, to: 'bob@163.test', cc: '', subject: '周报', text: '第一' };
    const first = await caller().drafts.save(fields);
    const second = await caller().drafts.save({ ...fields, draftId: first?.draftId, text: '第二' });
    expect(second).toEqual({ draftId: first?.draftId, revision: 2 });
    const [row] = await db().select().from(draft).where(eq(draft.accountId, accountId));
    expect(row?.content.text).toBe('第二');
    expect((await opsOf('save_draft')).map((op) => op.payload.revision)).toEqual([1, 2]);
  });

  it('sending from a draft removes it and waits out the default 10 s undo delay', async () => {
    const [saved] = await db().select().from(draft).where(eq(draft.accountId, accountId));
    const before = Date.now();
    const sent = await caller().messages.send({
      accountId,
      to: 'bob@163.test',
      subject: '周报',
      text: '第二',
      draftId: saved?.id,
    });
    expect(sent.scheduled).toBe(false);
    expect(sent.notBefore.getTime() - before).toBeGreaterThanOrEqual(9_000);
    expect(sent.notBefore.getTime() - before).toBeLessThan(12_000);
    expect(await db().select().from(draft).where(eq(draft.accountId, accountId))).toEqual([]);
    expect((await opsOf('discard_draft')).map((op) => op.payload.draftId)).toEqual([saved?.id]);
    // a late autosave of the sent draft does not bring it back
    const late = await caller().drafts.save({
      accountId,
      draftId: saved?.id,
      to: '',
      cc: '',
      subject: '',
      text: '',
    });
    expect(late).toBeNull();
    // Undo: the row is cancelled and compose's fields come back
    const undone = await caller().outbox.cancel({ accountId, id: sent.id });
    expect(undone).toMatchObject({ accountId, to: 'bob@163.test', subject: '周报', text: '第二' });
    expect((await outgoing(sent.id)).state).toBe('cancelled');
    await expect(caller().outbox.cancel({ accountId, id: sent.id })).rejects.toThrow(/Too late/);
  });

  it('the undo delay is a preference: 0 sends at once', async () => {
    await caller().preferences.update({ undoSendSeconds: 0 });
    expect((await caller().preferences.get()).undoSendSeconds).toBe(0);
    await expect(caller().preferences.update({ undoSendSeconds: 31 })).rejects.toThrow();
    const before = Date.now();
    const sent = await caller().messages.send({
      accountId,
      to: 'bob@163.test',
      subject: 'now',
      text: '',
    });
    expect(sent.notBefore.getTime() - before).toBeLessThan(1_000);
  });

  it('a scheduled send waits in the Outbox until its time; a failed one shows its reason and retries', async () => {
    const sendAt = new Date(Date.now() + 3_600_000);
    const scheduled = await caller().messages.send({
      accountId,
      to: 'carol@qq.test',
      subject: '明天见',
      text: '',
      sendAt,
    });
    expect(scheduled).toMatchObject({ scheduled: true, notBefore: sendAt });
    await expect(
      caller().messages.send({
        accountId,
        to: 'a@b.test',
        subject: 'x',
        text: '',
        sendAt: new Date(0),
      }),
    ).rejects.toThrow(/in the future/);
    const failed = await caller().messages.send({
      accountId,
      to: 'dan@qq.test',
      subject: 'bounce',
      text: '',
    });
    await db()
      .update(outgoingMail)
      .set({ state: 'failed', lastError: '550 no such user' })
      .where(and(eq(outgoingMail.accountId, accountId), eq(outgoingMail.id, failed.id)));
    const outbox = await caller().outbox.list();
    expect(outbox.map((row) => [row.subject, row.state, row.scheduled])).toEqual(
      expect.arrayContaining([
        ['明天见', 'queued', true],
        ['bounce', 'failed', false],
      ]),
    );
    // a row failed before codes were stored: its text is the detail under a generic sentence
    expect(outbox.find((row) => row.subject === 'bounce')?.problem).toEqual({
      code: null,
      params: {},
      detail: '550 no such user',
    });
    await caller().outbox.retry({ accountId, id: failed.id });
    expect((await outgoing(failed.id)).state).toBe('queued');
    // another user sees none of it
    const mallory = await createProductUser(api, 'mallory@example.test');
    expect(await api.callerFor(mallory).outbox.list()).toEqual([]);
    await expect(
      api.callerFor(mallory).outbox.cancel({ accountId, id: scheduled.id }),
    ).rejects.toThrow();
  });
});
