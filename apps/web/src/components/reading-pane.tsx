'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { mailFrameDocument } from '../lib/mail-frame';
import { useTRPC } from '../trpc/react';
import type { InResponseTo } from './compose-dialog';
import { formatAddress, formatSize } from './format';
import { useMailLocation } from './mail-location';
import { MessageActions, ReplyButtons } from './message-actions';

type OpenMessage = RouterOutputs['messages']['get'];
type Folder = RouterOutputs['accounts']['list'][number]['folders'][number];

export function ReadingPane({
  accountId,
  messageId,
  folders,
  onRespond,
}: {
  accountId: string | null;
  messageId: string | null;
  /** the open message's mailbox folders, for "Move to" */
  folders: Folder[];
  /** opens compose to reply to or forward the open message */
  onRespond: (inResponseTo: InResponseTo) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // remote images are shown for the one message the user asked for, not the next one
  const [showImagesFor, setShowImagesFor] = useState<string | null>(null);
  const showImages = messageId !== null && showImagesFor === messageId;

  const open = useQuery(
    trpc.messages.get.queryOptions(
      { accountId: accountId ?? '', messageId: messageId ?? '', allowRemoteImages: showImages },
      { enabled: accountId !== null && messageId !== null, staleTime: Number.POSITIVE_INFINITY },
    ),
  );

  // an opened unread message is marked read by a mutation (POST), never by the GET that
  // loaded it; then unread markers and counts are refreshed
  const openedId = open.data?.id;
  const openedUnread = open.data?.seen === false;
  const markRead = useMutation(trpc.messages.setFlags.mutationOptions());
  const { mutateAsync: markReadAsync } = markRead;
  useEffect(() => {
    if (!openedId || !accountId) return;
    const marked = openedUnread
      ? markReadAsync({ accountId, messageIds: [openedId], seen: true })
      : Promise.resolve();
    void marked.finally(() => {
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
    });
  }, [openedId, openedUnread, accountId, markReadAsync, queryClient, trpc]);

  if (!messageId)
    return <div className="reading-pane empty muted">Select a message to read it.</div>;
  if (open.isPending) return <div className="reading-pane muted pad">Opening…</div>;
  if (open.error) {
    return (
      <div className="reading-pane pad">
        <p className="error">{open.error.message}</p>
      </div>
    );
  }
  return (
    <MessageView
      message={open.data}
      folders={folders}
      onRespond={onRespond}
      showImages={showImages}
      onShowImages={() => setShowImagesFor(messageId)}
    />
  );
}

function MessageView(props: {
  message: OpenMessage;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
  showImages: boolean;
  onShowImages: () => void;
}) {
  const { message, showImages, folders } = props;
  const { body } = message;
  const router = useRouter();
  const location = useMailLocation();
  return (
    <article className="reading-pane">
      <header className="message-header">
        <h2>{message.subject || '(no subject)'}</h2>
        <ReplyButtons
          onRespond={(kind) =>
            props.onRespond({ kind, accountId: message.accountId, messageId: message.id })
          }
        />
        {/* keyed: the Star and Mark-unread state belongs to this message, not the last one */}
        <FlagButtons key={message.id} message={message} />
        <MessageActions
          accountId={message.accountId}
          messageIds={[message.id]}
          folder={folders.find((folder) => folder.id === message.mailboxId) ?? null}
          folders={folders}
          label="this message"
          onDone={() => router.push(location.href({ messageId: null }), { scroll: false })}
        />
        <dl className="address-lines">
          <dt>From</dt>
          <dd>{message.from ? formatAddress(message.from) : '(unknown sender)'}</dd>
          <dt>To</dt>
          <dd>{message.to.map(formatAddress).join(', ') || '—'}</dd>
          {message.cc.length > 0 && (
            <>
              <dt>Cc</dt>
              <dd>{message.cc.map(formatAddress).join(', ')}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>
            <time dateTime={(message.sentAt ?? message.receivedAt).toISOString()}>
              {(message.sentAt ?? message.receivedAt).toLocaleString()}
            </time>
          </dd>
        </dl>
      </header>
      {body.sourceUrl && (
        <p className="notice" role="status">
          This message could not be read as a whole; what could be read is shown below.{' '}
          <a href={body.sourceUrl} download>
            Download its source
          </a>
        </p>
      )}
      {body.hasRemoteImages && !showImages && (
        <p className="notice">
          Remote images are blocked to protect your privacy.{' '}
          <button type="button" onClick={props.onShowImages}>
            Show remote images
          </button>
        </p>
      )}
      {body.html !== null ? (
        <iframe
          className="message-frame"
          title="Mail body"
          sandbox=""
          srcDoc={mailFrameDocument({
            html: body.html,
            appOrigin: window.location.origin,
            allowRemoteImages: showImages,
          })}
        />
      ) : (
        <pre className="message-text" data-testid="message-text">
          {body.text ?? ''}
        </pre>
      )}
      {body.attachments.length > 0 && (
        <section className="attachments">
          <h3>Attachments</h3>
          <ul>
            {body.attachments.map((attachment) => (
              <li key={attachment.index}>
                <a
                  href={`/api/attachments/${message.accountId}/${message.id}/${attachment.index}`}
                  download={attachment.filename}
                >
                  {attachment.filename}
                </a>{' '}
                <span className="muted">{formatSize(attachment.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function FlagButtons({ message }: { message: OpenMessage }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [flagged, setFlagged] = useState(message.flagged);
  const [unread, setUnread] = useState(false);
  const setFlags = useMutation(
    trpc.messages.setFlags.mutationOptions({
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
      },
    }),
  );
  const ids = { accountId: message.accountId, messageIds: [message.id] };
  return (
    <div className="message-actions">
      <button
        type="button"
        aria-pressed={flagged}
        onClick={() => {
          setFlagged(!flagged);
          setFlags.mutate({ ...ids, flagged: !flagged });
        }}
      >
        {flagged ? '★ Starred' : '☆ Star'}
      </button>
      <button
        type="button"
        disabled={unread}
        onClick={() => {
          setUnread(true);
          setFlags.mutate({ ...ids, seen: false });
        }}
      >
        {unread ? 'Marked unread' : 'Mark unread'}
      </button>
      {setFlags.error && <span className="error">{setFlags.error.message}</span>}
    </div>
  );
}
