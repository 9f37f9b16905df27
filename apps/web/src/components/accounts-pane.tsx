'use client';

import type { RouterOutputs } from '@youjian/api';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFolderLabel } from '../i18n/use-folder-label';
import { mailboxColour } from '../lib/account-colour';
import { folderDepth } from '../lib/folder-depth';
import { AccountStatus } from './account-status';
import { FolderItemActions, NewFolderButton } from './folder-actions';
import { ViewsNav } from './mail/views-nav';
import { type MailView, mailHref } from './mail-location';
import { FolderIcon } from './ui/folder-icon';

type Account = RouterOutputs['accounts']['list'][number];
/**
 * The folder pane: unified views, then each linked mailbox with its sync state and folders —
 * role folders by the role's name in the user's language and a lucide icon, nested folders
 * indented under their parent.
 */
export function AccountsPane({
  accounts,
  selectedFolderId,
  selectedView,
}: {
  accounts: Account[];
  selectedFolderId: string | null;
  /** the unified view shown, when no single folder is */
  selectedView: MailView | null;
}) {
  const t = useTranslations('folders');
  const folderLabel = useFolderLabel();
  return (
    <nav className="accounts-pane" aria-label={t('pane')}>
      <ViewsNav accounts={accounts} current={selectedView} />
      {accounts.map((account) => (
        <fieldset key={account.id} className="account">
          <legend className="account-address" title={account.address}>
            <span
              aria-hidden="true"
              className="account-swatch"
              style={{ background: mailboxColour(accounts, account.id) }}
            />
            {account.address}
          </legend>
          <AccountStatus account={account} />
          {account.folders.length === 0 ? (
            <p className="muted small">{t('noFolders')}</p>
          ) : (
            <ul className="folder-list">
              {account.folders.map((folder, _index, all) => (
                <li
                  key={folder.id}
                  // children of QQ's 其他文件夹 (and any nested folder) sit indented below it
                  style={{
                    paddingInlineStart: `calc(${folderDepth(
                      folder.path,
                      all.map((each) => each.path),
                    )} * var(--space-4))`,
                  }}
                >
                  <Link
                    href={mailHref({
                      accountId: account.id,
                      folderId: folder.id,
                      messageId: null,
                      query: '',
                    })}
                    aria-current={folder.id === selectedFolderId ? 'page' : undefined}
                    className="folder-link"
                  >
                    <FolderIcon role={folder.role} />
                    <span className="folder-name" title={folderLabel(folder)}>
                      {folderLabel(folder)}
                    </span>
                    {folder.unreadCount > 0 && (
                      <span className="unread-count">
                        <span aria-hidden="true">{folder.unreadCount}</span>
                        <span className="sr-only">
                          {t('unread', { count: folder.unreadCount })}
                        </span>
                      </span>
                    )}
                  </Link>
                  <FolderItemActions accountId={account.id} folder={folder} />
                </li>
              ))}
            </ul>
          )}
          <NewFolderButton accountId={account.id} />
        </fieldset>
      ))}
    </nav>
  );
}
