import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderStatus } from './folder-status';
import { listFolders } from './folders';
import { closeImap, openImap } from './imap-connect';
import { freshCredentials, prepareStack } from './test-stack.integration-helpers';

beforeAll(prepareStack);

function rolesOf(folders: Awaited<ReturnType<typeof listFolders>>) {
  return Object.fromEntries(
    folders.filter((folder) => folder.role).map((folder) => [folder.role, folder.path]),
  );
}

describe('folders on the QQ emulation (XLIST, no SPECIAL-USE)', () => {
  let client: ImapFlow;
  beforeAll(async () => {
    client = await openImap(await freshCredentials('qq'));
  });
  afterAll(async () => {
    await closeImap(client);
  });

  it('finds the roles through XLIST', async () => {
    expect(client.capabilities.has('XLIST')).toBe(true);
    expect(client.capabilities.has('SPECIAL-USE')).toBe(false);
    const folders = await listFolders(client);
    expect(rolesOf(folders)).toEqual({
      inbox: 'INBOX',
      sent: 'Sent Messages',
      drafts: 'Drafts',
      trash: 'Deleted Messages',
      junk: 'Junk',
    });
    expect(folders.find((folder) => folder.path === '其他文件夹')?.role ?? null).toBeNull();
  });

  it('reports UIDNEXT in STATUS', async () => {
    const status = await folderStatus(client, 'INBOX');
    expect(status.uidNext).toBeGreaterThan(0);
    expect(status.uidValidity).toBeGreaterThan(0);
    expect(status.messages).toBe(0);
    expect(status.highestModSeq).toBeNull();
  });
});

describe('folders on the NetEase emulation (SPECIAL-USE on Chinese names)', () => {
  let client: ImapFlow;
  beforeAll(async () => {
    client = await openImap(await freshCredentials('163'));
  });
  afterAll(async () => {
    await closeImap(client);
  });

  it('finds 已发送, 草稿箱, 已删除 and 垃圾邮件 by their SPECIAL-USE flags', async () => {
    const folders = await listFolders(client);
    expect(rolesOf(folders)).toEqual({
      inbox: 'INBOX',
      sent: '已发送',
      drafts: '草稿箱',
      trash: '已删除',
      junk: '垃圾邮件',
    });
    const virus = folders.find((folder) => folder.path === '病毒文件夹');
    expect(virus).toMatchObject({ role: null, selectable: true, name: '病毒文件夹' });
  });

  it('reports uidNext as null because the server omits UIDNEXT', async () => {
    const status = await folderStatus(client, 'INBOX');
    expect(status.uidNext).toBeNull();
    expect(status.uidValidity).toBeGreaterThan(0);
    expect(status.unseen).toBe(0);
  });
});
