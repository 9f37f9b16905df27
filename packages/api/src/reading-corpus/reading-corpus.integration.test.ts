/**
 * The reading corpus (issue 12): messages in the shapes real senders, relays and providers
 * produce, APPENDed to a real Dovecot mailbox, mirrored by the real sync and body index,
 * and read back through the API as a person sees them — the list row, the opened message
 * and search — against the values a person must see.
 */
import { and, eq, mailAccount, mailbox, message } from '@youjian/db';
import { closeImap, htmlToText, openImap } from '@youjian/mail';
import { connectImap, createMailUser, MAILSTACK, type MailUser } from '@youjian/mailstack';
import { accountCredentials, indexBodies, syncAccount } from '@youjian/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductUser,
  createTestApi,
  linkStackMailbox,
  type TestApi,
} from '../test-support.integration-helpers';
import { corpus } from './corpus';
import type { CorpusCase } from './corpus-case';

let api: TestApi;
let userId: string;
let accountId: string;
let mailUser: MailUser;

interface Mirrored {
  id: string;
  threadId: string | null;
  sentAt: Date | null;
  row: ListRow;
}
type Caller = ReturnType<TestApi['callerFor']>;
type ListRow = Awaited<ReturnType<Caller['messages']['list']>>['items'][number];

const mirrored = new Map<string, Mirrored>();
/**
 * query → ids search found right after the sync and the body index, before any message
 * was opened: opening one indexes the pane's text too, which would hide an index that
 * read nothing
 */
const foundBeforeOpening = new Map<string, string[]>();
const caller = () => api.callerFor(userId);

/** APPENDs every case; returns case id → (folder, UID). */
async function seed(cases: readonly CorpusCase[]) {
  const placed = new Map<string, { folder: string; uid: number }>();
  const client = await connectImap(mailUser);
  try {
    // every folder a case names, parents first, as a person creates them
    const folders = new Set(
      cases.flatMap((c) =>
        (c.folder ?? '')
          .split('/')
          .map((_, i, parts) => parts.slice(0, i + 1).join('/'))
          .filter(Boolean),
      ),
    );
    for (const folder of folders) await client.mailboxCreate(folder);
    // an arrival time per message, one minute apart, in corpus order
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (const [index, c] of cases.entries()) {
      const folder = c.folder ?? 'INBOX';
      const appended = await client.append(
        folder,
        c.raw,
        c.flags ?? [],
        new Date(start + index * 60_000),
      );
      const uid = appended ? appended.uid : undefined;
      if (!uid) throw new Error(`APPEND of ${c.id} gave no UID`);
      placed.set(c.id, { folder, uid });
    }
  } finally {
    await client.logout();
  }
  return placed;
}

async function indexAllBodies() {
  const [account] = await api.database.db
    .select()
    .from(mailAccount)
    .where(eq(mailAccount.id, accountId));
  if (!account) throw new Error('no account');
  const client = await openImap(accountCredentials(account, api.secretBox));
  try {
    await indexBodies({
      db: api.database.db,
      client,
      accountId,
      userId,
      shouldPause: () => false,
    });
  } finally {
    await closeImap(client);
  }
}

beforeAll(async () => {
  api = await createTestApi();
  userId = await createProductUser(api, 'corpus-reader@example.test');
  mailUser = await createMailUser('qq.test');
  accountId = await linkStackMailbox(api, userId, mailUser, MAILSTACK.providers.other);
  const placed = await seed(corpus);
  await syncAccount({ db: api.database.db, accountId, secretBox: api.secretBox });
  await indexAllBodies();
  const rows = await api.database.db
    .select({
      id: message.id,
      uid: message.uid,
      threadId: message.threadId,
      sentAt: message.sentAt,
      path: mailbox.path,
      mailboxId: mailbox.id,
    })
    .from(message)
    .innerJoin(mailbox, eq(mailbox.id, message.mailboxId))
    .where(and(eq(message.accountId, accountId)));
  const listed = new Map<string, ListRow>();
  for (const mailboxId of new Set(rows.map((r) => r.mailboxId))) {
    const page = await caller().messages.list({ accountId, mailboxId, limit: 200 });
    for (const item of page.items) listed.set(item.id, item);
  }
  for (const [caseId, { folder, uid }] of placed) {
    const row = rows.find((r) => r.path === folder && Number(r.uid) === uid);
    const item = row && listed.get(row.id);
    if (row && item) {
      mirrored.set(caseId, { id: row.id, threadId: row.threadId, sentAt: row.sentAt, row: item });
    }
  }
  for (const query of new Set(corpus.flatMap((c) => c.expected.searchFor ?? []))) {
    const found = await caller().messages.list({ accountId, query, limit: 200 });
    foundBeforeOpening.set(
      query,
      found.items.map((item) => item.id),
    );
  }
}, 240_000);

afterAll(async () => {
  await api?.close();
});

/** The pane's text as a person reads it: the text part, else the HTML's words. */
function paneText(body: { text: string | null; html: string | null }): string {
  return body.text?.trim() ? body.text : body.html ? htmlToText(body.html) : '';
}

async function opened(caseId: string) {
  const found = mirrored.get(caseId);
  if (!found) throw new Error(`${caseId} is not listed`);
  return caller().messages.get({ accountId, messageId: found.id });
}

describe.each(corpus.map((c) => [c.id, c] as const))('%s', (caseId, c) => {
  const e = c.expected;

  it(`is listed with what a person must see (${c.kind})`, () => {
    const found = mirrored.get(caseId);
    expect(found, 'listed').toBeDefined();
    if (!found) return;
    const { row } = found;
    if (e.subject !== undefined) expect(row.subject).toBe(e.subject);
    if (e.fromName !== undefined) expect(row.from?.name).toBe(e.fromName);
    if (e.fromAddress !== undefined) expect(row.from?.address).toBe(e.fromAddress);
    const shown = `${row.from?.name ?? ''} ${row.from?.address ?? ''}`;
    expect(shown).not.toMatch(/MISSING_MAILBOX|MISSING_DOMAIN|\.MISSING-HOST-NAME\./);
    if (e.to !== undefined) expect(row.to).toEqual(e.to);
    if (e.snippet !== undefined) expect(row.snippet).toBe(e.snippet);
    if (e.snippetOneOf !== undefined) expect(e.snippetOneOf).toContain(row.snippet);
    for (const text of e.snippetMustNotContain ?? []) expect(row.snippet).not.toContain(text);
    if (e.hasAttachments !== undefined) expect(row.hasAttachments).toBe(e.hasAttachments);
    if (e.seen !== undefined) expect(row.seen).toBe(e.seen);
    if (e.flagged !== undefined) expect(row.flagged).toBe(e.flagged);
    if (e.sentAt !== undefined) {
      expect(found.sentAt?.toISOString() ?? null).toBe(e.sentAt);
    }
  });

  it('opens with the same text and the attachments a person must see', async () => {
    const message = await opened(caseId);
    const { body } = message;
    const text = paneText(body);
    if (e.firstLine !== undefined) {
      expect(
        text
          .split(/\r?\n/)
          .find((line) => line.trim())
          ?.trim(),
      ).toBe(e.firstLine);
    }
    if (e.textContains !== undefined) expect(body.text ?? '').toContain(e.textContains);
    if (e.htmlContains !== undefined) expect(body.html ?? '').toContain(e.htmlContains);
    if (e.attachments !== undefined) {
      expect(body.attachments.map((a) => a.filename)).toEqual(e.attachments);
    }
    if (e.attachmentContentType !== undefined) {
      expect(body.attachments.map((a) => a.contentType)).toEqual([e.attachmentContentType]);
    }
    if (e.htmlImagesResolve) {
      const sources = [...(body.html ?? '').matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
      expect(sources.length).toBeGreaterThan(0);
      for (const src of sources) expect(src).toMatch(/^\/api\/attachments\//);
    }
    if (e.ccAddresses !== undefined)
      expect(message.cc.map((a) => a.address)).toEqual(e.ccAddresses);
    // the list row and the pane never disagree about one message
    const found = mirrored.get(caseId);
    if (found && text.trim() && found.row.snippet) {
      const words = (s: string) => s.replace(/\s+/g, ' ').trim();
      expect(words(text)).toContain(words(found.row.snippet).replace(/…$/, ''));
    }
  });

  if (e.searchFor?.length) {
    it('is found by search, by the body index alone and once opened', async () => {
      for (const query of e.searchFor ?? []) {
        expect(foundBeforeOpening.get(query), `${query} before opening`).toContain(
          mirrored.get(caseId)?.id,
        );
        const found = await caller().messages.list({ accountId, query, limit: 200 });
        expect(found.items.map((item) => item.id)).toContain(mirrored.get(caseId)?.id);
      }
    });
  }
});

describe('folders', () => {
  it('lists every folder a case lives in by its own name, its parents too', async () => {
    const [account] = (await caller().accounts.list()).filter((a) => a.id === accountId);
    const paths = (account?.folders ?? []).map((f) => f.path);
    for (const c of corpus.filter((c) => c.folder)) {
      const parts = (c.folder ?? '').split('/');
      parts.forEach((_, i) => {
        expect(paths).toContain(parts.slice(0, i + 1).join('/'));
      });
    }
  });
});

describe('threads', () => {
  const labelled = corpus.filter((c) => c.expected.thread);
  it('joins each reply to its own conversation and keeps same-subject conversations apart', () => {
    const actual = labelled.map((c) => mirrored.get(c.id)?.threadId ?? null);
    for (const [i, a] of labelled.entries()) {
      for (const [j, b] of labelled.entries()) {
        if (j <= i) continue;
        const same = a.expected.thread === b.expected.thread;
        expect(
          actual[i] === actual[j],
          `${a.id} and ${b.id} ${same ? 'share' : 'do not share'} a thread`,
        ).toBe(same);
      }
    }
  });
});
