'use client';

import { useQuery } from '@tanstack/react-query';
import { PenSquare } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../i18n/use-error-text';
import { useTRPC } from '../trpc/react';
import { AccountsPane } from './accounts-pane';
import type { ComposeDraft } from './compose/compose-draft';
import { useOpenDraft } from './compose/use-open-draft';
import {
  ComposeDialog,
  type ComposeRequest,
  type InResponseTo,
  type SendStatusTone,
} from './compose-dialog';
import { MessageList } from './mail/message-list';
import { useMailLocation } from './mail-location';
import { OutboxPane } from './outbox/outbox-pane';
import { ReadingPane } from './reading-pane';

/** How long "Sent …" stays in the toast; a failure stays until dismissed. */
const SENT_TOAST_MS = 6_000;

/** The three panes: mailboxes and folders, the message list, the open message. */
export function MailApp() {
  const t = useTranslations('mail');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const location = useMailLocation();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const preferences = useQuery(trpc.preferences.get.queryOptions());
  const [compose, setCompose] = useState<ComposeRequest | null>(null);
  const [sendStatus, setSendStatus] = useState<{ text: string; tone: SendStatusTone } | null>(null);
  const composeCount = useRef(0);
  const openCompose = useCallback((inResponseTo?: InResponseTo, draft?: ComposeDraft) => {
    composeCount.current += 1;
    setCompose({ id: composeCount.current, inResponseTo, draft });
  }, []);
  const reopen = useCallback(
    (draft: ComposeDraft) => openCompose(draft.inResponseTo, draft),
    [openCompose],
  );
  const showOutbox = useSearchParams().get('view') === 'outbox';
  const draftsFolder = accounts.data
    ?.find((candidate) => candidate.id === location.accountId)
    ?.folders.find((candidate) => candidate.id === location.folderId)?.role;
  useOpenDraft({
    location,
    inDrafts: location.view === 'drafts' || draftsFolder === 'drafts',
    onOpen: reopen,
  });
  useEffect(() => {
    if (sendStatus?.tone !== 'done') return;
    const timer = setTimeout(() => setSendStatus(null), SENT_TOAST_MS);
    return () => clearTimeout(timer);
  }, [sendStatus]);

  if (accounts.isPending) return <p className="muted pad">{t('loadingMailboxes')}</p>;
  if (accounts.error) return <p className="error pad">{errorText(accounts.error)}</p>;
  if (accounts.data.length === 0) {
    return (
      <main className="empty-state">
        <h1>{t('welcome')}</h1>
        <p>{t('welcomeText')}</p>
        <Link className="button primary" href="/settings">
          {t('addMailbox')}
        </Link>
      </main>
    );
  }

  // A folder named in the URL is shown with its mailbox; otherwise a unified view (All
  // inboxes without a choice), where the URL's account is the open message's.
  const account = accounts.data.find((candidate) => candidate.id === location.accountId) ?? null;
  const folder = account?.folders.find((candidate) => candidate.id === location.folderId) ?? null;

  return (
    <div className="mail-layout">
      {/* on phones the folders open over the list at #folders (responsive.css) */}
      <div className="left-column" id="folders">
        <button
          type="button"
          className="primary compose-button icon-button"
          onClick={() => openCompose()}
        >
          <PenSquare aria-hidden="true" className="icon" size={16} />
          {t('compose')}
        </button>
        <AccountsPane
          accounts={accounts.data}
          selectedFolderId={folder?.id ?? null}
          selectedView={
            folder || location.query || showOutbox ? null : (location.view ?? 'all-inboxes')
          }
        />
      </div>
      {showOutbox ? (
        <OutboxPane onEdit={reopen} />
      ) : (
        <MessageList
          accounts={accounts.data}
          account={folder ? account : null}
          folder={folder}
          onCompose={() => openCompose()}
        />
      )}
      <ReadingPane
        accountId={account?.id ?? null}
        messageId={location.messageId}
        folders={account?.folders ?? []}
        onRespond={openCompose}
      />
      <ComposeDialog
        request={compose}
        accounts={accounts.data}
        defaultAccountId={
          account?.id ?? preferences.data?.defaultAccountId ?? accounts.data[0]?.id ?? null
        }
        onClose={() => setCompose(null)}
        onStatus={(text, tone) => setSendStatus({ text, tone })}
        onReopen={reopen}
      />
      <p role="status" className="send-status" aria-live="polite">
        {sendStatus?.text}
        {sendStatus?.tone === 'failed' && (
          <button type="button" className="link-button" onClick={() => setSendStatus(null)}>
            {t('dismiss')}
          </button>
        )}
      </p>
    </div>
  );
}
