import { deliverMessage } from '@youjian/mailstack';
import { describe, expect, it } from 'vitest';
import { folderStatus } from './folder-status';
import { listFolders } from './folders';
import { closeImap, openImap } from './imap-connect';
import { freshCredentials, useImapSession } from './test-stack.integration-helpers';

function rolesOf(folders: Awaited<ReturnType<typeof listFolders>>) {
  return Object.fromEntries(
    folders.filter((folder) => folder.role).map((folder) => [folder.role, folder.path]),
  );
}

describe('folders on the QQ emulation (XLIST, no SPECIAL-USE)', () => {
  const session = useImapSession('qq');

  it('finds the roles through XLIST', async () => {
    expect(session().capabilities.has('XLIST')).toBe(true);
    expect(session().capabilities.has('SPECIAL-USE')).toBe(false);
    const folders = await listFolders(session());
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
    const status = await folderStatus(session(), 'INBOX');
    expect(status.uidNext).toBeGreaterThan(0);
    expect(status.uidValidity).toBeGreaterThan(0);
    expect(status.messages).toBe(0);
    expect(status.highestModSeq).toBeNull();
  });
});

describe('folders on the NetEase emulation (SPECIAL-USE on Chinese names)', () => {
  const session = useImapSession('163');

  it('finds 已发送, 草稿箱, 已删除 and 垃圾邮件 by their SPECIAL-USE flags', async () => {
    const folders = await listFolders(session());
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
    const status = await folderStatus(session(), 'INBOX');
    expect(status.uidNext).toBeNull();
    expect(status.uidValidity).toBeGreaterThan(0);
    expect(status.unseen).toBe(0);
  });
});

describe('STATUS of the selected folder', () => {
  it('counts mail delivered after the folder was selected', async () => {
    const creds = await freshCredentials('qq');
    const client = await openImap(creds);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const before = await folderStatus(client, 'INBOX');
      await deliverMessage({
        from: 'sender@example.test',
        to: creds.address,
        raw: `From: sender@example.test\r\nTo: ${creds.address}\r\nSubject: after select\r\nMessage-ID: <after-select-${Date.now()}@example.test>\r\n\r\nbody\r\n`,
      });
      await expect
        .poll(async () => (await folderStatus(client, 'INBOX')).messages, { timeout: 5_000 })
        .toBe(before.messages + 1);
      expect((await folderStatus(client, 'INBOX')).uidNext).toBe((before.uidNext ?? 0) + 1);
    } finally {
      await closeImap(client);
    }
  });
});
