'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { useTRPC } from '../trpc/react';
import { formatListDate, senderName } from './format';
import { mailHref } from './mail-location';
import { MessageActions } from './message-actions';

type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

export function MessageList(props: {
  accountId: string | null;
  folder: Folder | null;
  folders: Folder[];
  query: string;
  selectedMessageId: string | null;
}) {
  const { accountId, folder, folders, query, selectedMessageId } = props;
  // the ticked messages, for actions on several at once; a new folder starts empty
  const [ticked, setTicked] = useState<{ listKey: string; ids: string[] }>({
    listKey: '',
    ids: [],
  });
  const listKey = `${accountId}/${folder?.id}/${query}`;
  const trpc = useTRPC();
  const router = useRouter();
  const searchId = useId();
  const searching = query.length > 0;
  // a search covers every folder of the mailbox; browsing shows one folder
  const input = {
    accountId: accountId ?? undefined,
    mailboxId: searching ? undefined : folder?.id,
    query: searching ? query : undefined,
    limit: 50,
  };
  const messages = useInfiniteQuery(
    trpc.messages.list.infiniteQueryOptions(input, {
      enabled: accountId !== null && (searching || folder !== null),
      getNextPageParam: (page) => page.nextCursor,
    }),
  );

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    router.push(
      mailHref({ accountId, folderId: folder?.id ?? null, messageId: null, query: text }),
    );
  }

  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const selected = ticked.listKey === listKey ? ticked.ids : [];
  const toggle = (id: string, on: boolean) =>
    setTicked({ listKey, ids: on ? [...selected, id] : selected.filter((other) => other !== id) });
  return (
    <section className="message-pane">
      <div className="list-header">
        <h1 className="list-title">
          {searching
            ? `Search: ${query}`
            : ((folder?.name === 'INBOX' ? 'Inbox' : folder?.name) ?? 'Mail')}
        </h1>
        <search>
          <form onSubmit={search} className="search-form">
            <label htmlFor={searchId} className="sr-only">
              Search mail
            </label>
            <input
              id={searchId}
              name="q"
              type="search"
              defaultValue={query}
              key={query}
              placeholder="Search"
            />
            <button type="submit">Search</button>
          </form>
        </search>
      </div>
      {accountId && selected.length > 0 && (
        <div className="list-toolbar">
          <span>{selected.length} selected</span>
          <MessageActions
            accountId={accountId}
            messageIds={selected}
            folder={searching ? null : folder}
            folders={folders}
            label={`${selected.length} selected`}
            onDone={() => setTicked({ listKey, ids: [] })}
          />
        </div>
      )}
      {messages.isPending && messages.fetchStatus !== 'idle' && (
        <p className="muted pad">Loading…</p>
      )}
      {messages.error && <p className="error pad">{messages.error.message}</p>}
      {messages.isSuccess && items.length === 0 && (
        <p className="muted pad">{searching ? 'Nothing found.' : 'This folder is empty.'}</p>
      )}
      <ul className="message-list">
        {items.map((item) => (
          <li key={item.id} className={item.seen ? 'message-item' : 'message-item unread'}>
            <input
              type="checkbox"
              className="message-select"
              aria-label={`Select ${item.subject || '(no subject)'}`}
              checked={selected.includes(item.id)}
              onChange={(event) => toggle(item.id, event.target.checked)}
            />
            <Link
              href={mailHref({
                accountId: item.accountId,
                folderId: folder?.id ?? null,
                messageId: item.id,
                query,
              })}
              aria-current={item.id === selectedMessageId ? 'true' : undefined}
              scroll={false}
            >
              <span className="message-line">
                <span className="sender">{senderName(item.from)}</span>
                <time dateTime={item.receivedAt.toISOString()}>
                  {formatListDate(item.receivedAt)}
                </time>
              </span>
              <span className="message-line">
                <span className="subject">
                  {!item.seen && (
                    <span className="marker unread-dot" title="Unread">
                      <span className="sr-only">Unread. </span>
                    </span>
                  )}
                  {item.flagged && (
                    <span className="marker star" title="Starred">
                      ★<span className="sr-only"> Starred. </span>
                    </span>
                  )}
                  {item.subject || '(no subject)'}
                </span>
                {item.hasAttachments && (
                  <span title="Has attachments">
                    ✉<span className="sr-only">Has attachments</span>
                  </span>
                )}
              </span>
              <span className="snippet">{item.snippet}</span>
            </Link>
          </li>
        ))}
      </ul>
      {messages.hasNextPage && (
        <button
          type="button"
          className="load-more"
          onClick={() => void messages.fetchNextPage()}
          disabled={messages.isFetchingNextPage}
        >
          {messages.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
