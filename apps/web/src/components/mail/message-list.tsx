'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mailboxColour } from '../../lib/account-colour';
import { highlightTerms } from '../../lib/highlight';
import { keyTargets } from '../../lib/key-targets';
import {
  clickSelection,
  isSelected,
  type ListSelection,
  NOTHING_SELECTED,
} from '../../lib/selection';
import { useListItems } from '../conversation/use-list-items';
import { ShortcutsDialog } from '../keyboard/shortcuts-dialog';
import { mailHref, showMailUrl, useMailLocation } from '../mail-location';
import { ListTitle } from './list-title';
import { type ListInput, ListToolbar } from './list-toolbar';
import { MessageRow } from './message-row';
import { SearchBox } from './search-box';
import { useListShortcuts } from './use-list-shortcuts';
import { useReadAhead } from './use-read-ahead';
import { useRememberSearch } from './use-remember-search';
import './mail-list.css';

type Account = RouterOutputs['accounts']['list'][number];
type Folder = Account['folders'][number];

/** A row's height before it is measured; rows are measured once painted. */
const ROW_ESTIMATE = 78;
/** No search: nothing to mark (one array, so memoized rows see the same terms). */
const NO_TERMS: readonly string[] = [];

/**
 * The message list of a folder, a unified view or a search: virtualized (only the rows in
 * sight are in the page, so 100,000 messages scroll like 50), paged by keyset as the end
 * comes into view. The list is an ARIA grid whose current row (j/k, or the open message)
 * carries aria-selected="true".
 */
export function MessageList(props: {
  accounts: Account[];
  /** the folder shown and its mailbox; null in a unified view */
  account: Account | null;
  folder: Folder | null;
  onCompose: () => void;
}) {
  const { accounts, account, folder } = props;
  const t = useTranslations('mailList');
  const location = useMailLocation();
  const { query } = location;
  const searching = query.length > 0;
  const view = folder ? undefined : (location.view ?? (searching ? undefined : 'all-inboxes'));
  const input: ListInput = {
    view,
    accountId: folder ? (account?.id ?? undefined) : undefined,
    // a search covers every folder of the mailbox (or of all of them)
    mailboxId: searching ? undefined : folder?.id,
    query: searching ? query : undefined,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const listKey = JSON.stringify(input);
  // conversations or messages, as the reader chose in Settings (a search lists messages)
  const { list: messages, items } = useListItems(input);
  const order = useMemo(() => items.map((item) => item.id), [items]);
  useRememberSearch(query, searching && messages.isSuccess);

  // ticked rows and the keyboard's current row belong to one list; another starts afresh
  const [ticked, setTicked] = useState<{ listKey: string; selection: ListSelection }>({
    listKey,
    selection: NOTHING_SELECTED,
  });
  const selection = ticked.listKey === listKey ? ticked.selection : NOTHING_SELECTED;
  const select = (next: ListSelection) => setTicked({ listKey, selection: next });
  // the same function for every row and render while the list stays (rows are memoized)
  const tickRow = useCallback(
    (id: string, shiftKey: boolean) =>
      setTicked((previous) => ({
        listKey,
        selection: clickSelection(
          previous.listKey === listKey ? previous.selection : NOTHING_SELECTED,
          order,
          id,
          shiftKey,
        ),
      })),
    [listKey, order],
  );
  const [cursor, setCursor] = useState<string | null>(null);
  const currentId = cursor && order.includes(cursor) ? cursor : location.messageId;

  const pane = useRef<HTMLElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => pane.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: list.current?.offsetTop ?? 0,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  // what a click may open next: the rows in view and the screenful below (where j and the
  // scroll go), not the overscan above
  const { range } = virtualizer;
  useReadAhead(
    range ? items.slice(range.startIndex, 2 * range.endIndex - range.startIndex + 2) : [],
  );
  const lastShown = rows[rows.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= items.length - 10) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, items.length]);

  const hrefOf = (item: (typeof items)[number]) =>
    mailHref({
      view: location.view,
      accountId: item.accountId,
      folderId: folder?.id ?? null,
      messageId: item.id,
      query,
    });
  const multiMailbox = !folder || (searching && !input.accountId);
  const terms = useMemo(() => (searching ? highlightTerms(query) : NO_TERMS), [searching, query]);

  const keys = useListShortcuts({
    order,
    currentId,
    onMove: (id) => {
      setCursor(id);
      const index = order.indexOf(id);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // the row's link takes focus, so the focus ring shows where the keyboard is
      requestAnimationFrame(() =>
        list.current?.querySelector<HTMLElement>(`[data-id="${id}"] a`)?.focus(),
      );
    },
    onOpen: (id) => {
      const item = items.find((candidate) => candidate.id === id);
      // as a click does (message-row.tsx): the URL changes without a server round trip
      if (item) showMailUrl(hrefOf(item));
    },
    onToggle: (id) => select(clickSelection(selection, order, id, false)),
    onCompose: props.onCompose,
    onEscape: () => select(NOTHING_SELECTED),
    targets: () =>
      keyTargets({
        rows: items,
        // "all" of a search is the toolbar's (messages.bulk); keys act on the loaded rows
        ticked: selection.kind === 'some' ? selection.ids : new Set(order),
        currentId: cursor && order.includes(cursor) ? cursor : null,
        openId: location.messageId,
      }),
    folderRole: folder?.role ?? null,
  });

  const tickedIds = selection.kind === 'some' ? [...selection.ids] : [];
  // a ticked conversation stands for its messages in this folder or view (as in Gmail)
  const acted: ListSelection =
    selection.kind === 'some'
      ? {
          ...selection,
          ids: new Set(
            items
              .filter((item) => selection.ids.has(item.id))
              .flatMap((item) => item.messageIds ?? [item.id]),
          ),
        }
      : selection;
  const tickedAccounts = new Set(
    items.filter((item) => tickedIds.includes(item.id)).map((item) => item.accountId),
  );
  const tickedAccount = tickedAccounts.size === 1 ? ([...tickedAccounts][0] ?? null) : null;
  const tickedFolders = accounts.find((candidate) => candidate.id === tickedAccount)?.folders ?? [];

  return (
    <section className="message-pane" ref={pane} aria-label={t('messages')}>
      <div className="list-header">
        <ListTitle view={view ?? null} account={account} folder={folder} query={query} />
        <SearchBox mailboxAddress={folder ? (account?.address ?? null) : null} />
      </div>
      <ListToolbar
        input={input}
        selection={acted}
        loadedIds={order}
        accountId={tickedAccount}
        folder={folder && !searching ? folder : null}
        folders={tickedFolders}
        accounts={
          input.accountId ? accounts.filter((each) => each.id === input.accountId) : accounts
        }
        onSelectAll={(all) => select(all ? { kind: 'all' } : NOTHING_SELECTED)}
        onDone={() => select(NOTHING_SELECTED)}
      />
      {messages.isPending && <p className="muted pad">{t('loading')}</p>}
      {messages.error && (
        <p className="error pad" role="alert">
          {messages.error.message}
        </p>
      )}
      {messages.isSuccess && items.length === 0 && (
        <p className="muted pad">{searching ? t('nothingFound') : t('emptyFolder')}</p>
      )}
      {/* A grid, not a list: a row may carry aria-selected (the keyboard's current row) and
          holds two interactive cells (the tick box and the link), which an option may not.
          Only the rows in sight are in the page, so each says where it stands (aria-rowindex)
          and the grid how many rows are loaded (aria-rowcount). */}
      {/* biome-ignore lint/a11y/useSemanticElements: virtualized rows are absolutely placed, which table layout does not allow */}
      <div
        ref={list}
        role="grid"
        aria-label={t('messages')}
        aria-rowcount={items.length}
        className="message-list"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {rows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: see the grid's comment
            <div
              key={row.key}
              role="row"
              // the row's link takes the focus; the row itself only programmatically
              tabIndex={-1}
              aria-rowindex={row.index + 1}
              aria-selected={item.id === currentId}
              data-index={row.index}
              data-id={item.id}
              ref={virtualizer.measureElement}
              className={item.seen ? 'message-item' : 'message-item unread'}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <MessageRow
                item={item}
                href={hrefOf(item)}
                current={item.id === currentId}
                open={item.id === location.messageId}
                ticked={isSelected(selection, item.id)}
                colour={multiMailbox ? mailboxColour(accounts, item.accountId) : null}
                terms={terms}
                onTick={tickRow}
                onOpen={setCursor}
              />
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && <p className="muted pad">{t('loadingMore')}</p>}
      <ShortcutsDialog open={keys.helpOpen} onClose={keys.closeHelp} />
    </section>
  );
}
