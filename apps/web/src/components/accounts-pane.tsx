'use client';

import type { RouterOutputs } from '@youjian/api';
import Link from 'next/link';
import { accountColour } from '../lib/account-colour';
import { AccountStatus } from './account-status';
import { FolderItemActions, NewFolderButton } from './folder-actions';
import { ViewsNav } from './mail/views-nav';
import { type MailView, mailHref } from './mail-location';

type Account = RouterOutputs['accounts']['list'][number];
type Folder = Account['folders'][number];

// Plain symbols the system and CJK fonts carry (colour emoji are often missing on Linux).
const ROLE_ICON: Record<string, string> = {
  inbox: '⇩',
  drafts: '✎',
  sent: '↗',
  archive: '▤',
  junk: '⚠',
  trash: '✕',
};

/** INBOX is a reserved name (RFC 3501 §5.1); every other folder keeps the server's name. */
const folderLabel = (folder: Folder) => (folder.role === 'inbox' ? 'Inbox' : folder.name);

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
  const accountIds = accounts.map((account) => account.id);
  return (
    <nav className="accounts-pane" aria-label="Mailboxes">
      <ViewsNav accounts={accounts} current={selectedView} />
      {accounts.map((account) => (
        <fieldset key={account.id} className="account">
          <legend className="account-address" title={account.address}>
            <span
              aria-hidden="true"
              className="account-swatch"
              style={{ background: accountColour(accountIds, account.id) }}
            />
            {account.address}
          </legend>
          <AccountStatus account={account} />
          {account.folders.length === 0 ? (
            <p className="muted small">No folders yet.</p>
          ) : (
            <ul className="folder-list">
              {account.folders.map((folder) => (
                <li key={folder.id}>
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
                    <span aria-hidden="true" className="folder-icon">
                      {(folder.role && ROLE_ICON[folder.role]) ?? '▸'}
                    </span>
                    <span className="folder-name">{folderLabel(folder)}</span>
                    {folder.unreadCount > 0 && (
                      <span className="unread-count">
                        {folder.unreadCount}
                        <span className="sr-only"> unread</span>
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
