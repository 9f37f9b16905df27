'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouterInputs, RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { useErrorText } from '../i18n/use-error-text';
import { formatSize } from '../lib/format-size';
import { useTRPC } from '../trpc/react';
import type { ComposeDraft } from './compose/compose-draft';
import { DraftStatus } from './compose/draft-status';
import { ScheduleSendButton, scheduledTime } from './compose/schedule-send-button';
import { useDraftAutosave } from './compose/use-draft-autosave';
import { type SendStatusTone, useSendFeedback } from './compose/use-send-feedback';

type Account = RouterOutputs['accounts']['list'][number];
type Prefill = RouterOutputs['messages']['prepareReply'];
export type InResponseTo = NonNullable<RouterInputs['messages']['send']['inResponseTo']>;
export type ResponseKind = InResponseTo['kind'];

/** One opening of compose: new mail, or an answer to / forward of an open message. */
export interface ComposeRequest {
  /** a new id per opening, so nothing typed, and no error, outlives Cancel or Discard */
  id: number;
  inResponseTo?: InResponseTo;
  /** reopened with these fields: a draft from Drafts, or a mail taken back by Undo / Edit */
  draft?: ComposeDraft;
}

export type { SendStatusTone };

const TITLES = {
  new: 'compose.newMail',
  reply: 'mail.reply',
  replyAll: 'mail.replyAll',
  forward: 'mail.forward',
  forwardAsAttachment: 'compose.forwardAsAttachment',
} as const satisfies Record<ResponseKind | 'new', string>;

export function ComposeDialog(props: {
  request: ComposeRequest | null;
  accounts: Account[];
  defaultAccountId: string | null;
  onClose: () => void;
  onStatus: (status: string, tone: SendStatusTone) => void;
  onReopen: (draft: ComposeDraft) => void;
}) {
  const t = useTranslations();
  const { request, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const open = request !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const kind = request?.inResponseTo?.kind ?? 'new';
  return (
    <dialog ref={dialog} className="compose" aria-labelledby="compose-title" onClose={onClose}>
      <h2 id="compose-title" className="compose-title">
        {t(TITLES[kind])}
      </h2>
      {request && (
        // keyed by the opening: Cancel and Discard leave nothing behind for the next one
        <ComposeBody key={request.id} {...props} request={request} />
      )}
    </dialog>
  );
}

function ComposeBody(props: {
  request: ComposeRequest;
  accounts: Account[];
  defaultAccountId: string | null;
  onClose: () => void;
  onStatus: (status: string, tone: SendStatusTone) => void;
  onReopen: (draft: ComposeDraft) => void;
}) {
  const { inResponseTo } = props.request;
  const t = useTranslations('compose');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const prefill = useQuery(
    trpc.messages.prepareReply.queryOptions(
      {
        accountId: inResponseTo?.accountId ?? '',
        messageId: inResponseTo?.messageId ?? '',
        kind: inResponseTo?.kind ?? 'reply',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      // each opening reads the original afresh: the user may have edited nothing yet
      { enabled: inResponseTo !== undefined && !props.request.draft, staleTime: 0, gcTime: 0 },
    ),
  );
  const { draft } = props.request;
  if (draft) return <ComposeForm {...props} prefill={{ ...draft, attachments: [] }} />;
  if (!inResponseTo) return <ComposeForm {...props} prefill={null} />;
  if (prefill.isPending) return <p className="muted">{t('readingOriginal')}</p>;
  if (prefill.error) {
    return (
      <div className="stack">
        <p className="error">{errorText(prefill.error)}</p>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </div>
    );
  }
  return <ComposeForm {...props} prefill={prefill.data} />;
}

function ComposeForm(props: {
  request: ComposeRequest;
  accounts: Account[];
  defaultAccountId: string | null;
  prefill:
    | (Pick<Prefill, 'to' | 'cc' | 'subject' | 'text' | 'attachments'> & {
        accountId?: string;
      })
    | null;
  onClose: () => void;
  onStatus: (status: string, tone: SendStatusTone) => void;
  onReopen: (draft: ComposeDraft) => void;
}) {
  const { request, accounts, prefill, onClose } = props;
  const t = useTranslations('compose');
  const locale = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const send = useMutation(trpc.messages.send.mutationOptions());
  const form = useRef<HTMLFormElement>(null);
  const autosave = useDraftAutosave({
    form,
    draftId: request.draft?.draftId,
    inResponseTo: request.inResponseTo,
    startDirty: request.draft !== undefined && !request.draft.draftId,
  });
  const afterQueued = useSendFeedback(props);
  const to = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLTextAreaElement>(null);
  const messageId = useId();
  const attachmentsId = useId();
  const kind = request.inResponseTo?.kind;

  // A reply is written above the quote (caret at the top, as in QQ Mail, 163 and Gmail);
  // a forward starts with its recipients.
  useEffect(() => {
    if (kind === 'reply' || kind === 'replyAll') {
      message.current?.focus();
      message.current?.setSelectionRange(0, 0);
      if (message.current) message.current.scrollTop = 0;
    } else {
      to.current?.focus();
    }
  }, [kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sendAt = scheduledTime(event.nativeEvent as SubmitEvent, data);
    const text = (name: string) => String(data.get(name) ?? '');
    const input = {
      accountId: text('from'),
      to: text('to'),
      cc: text('cc'),
      subject: text('subject'),
      text: text('message'),
      inResponseTo: request.inResponseTo,
      sendAt,
      draftId: await autosave.stop(),
    };
    send.mutate(input, {
      onSuccess: (queued) => {
        onClose();
        afterQueued(input, queued);
      },
      onError: autosave.resume,
    });
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} onInput={autosave.onInput}>
      <label className="field">
        <span>{t('from')}</span>
        {/* the sending mailbox defaults to the one that received the original */}
        <select name="from" defaultValue={prefill?.accountId ?? props.defaultAccountId ?? ''}>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.address}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('to')}</span>
        <input
          ref={to}
          name="to"
          type="text"
          autoComplete="off"
          required
          placeholder="name@example.com, …"
          defaultValue={prefill?.to}
        />
      </label>
      <label className="field">
        <span>{t('cc')}</span>
        <input name="cc" type="text" autoComplete="off" defaultValue={prefill?.cc} />
      </label>
      <label className="field">
        <span>{t('subject')}</span>
        <input name="subject" type="text" autoComplete="off" defaultValue={prefill?.subject} />
      </label>
      {/* not wrapped in its label: a textarea's text is its content, and a wrapping label
          would read the whole quoted original into the field's accessible name */}
      <div className="field">
        <label htmlFor={messageId}>{t('message')}</label>
        <textarea
          id={messageId}
          ref={message}
          name="message"
          rows={14}
          defaultValue={prefill?.text}
        />
      </div>
      {prefill && prefill.attachments.length > 0 && (
        <div className="field">
          <span id={attachmentsId}>{t('attachments')}</span>
          <ul className="compose-attachments" aria-labelledby={attachmentsId}>
            {prefill.attachments.map((attachment) => (
              <li key={attachment.filename}>
                {attachment.filename}{' '}
                <span className="muted">{formatSize(attachment.size, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div role="alert" className="error">
        {send.error && errorText(send.error)}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="discard-button"
          onClick={() => autosave.discard().finally(onClose)}
        >
          {t('discard')}
        </button>
        <DraftStatus state={autosave.state} error={autosave.error} />
        <span className="spacer" />
        <ScheduleSendButton disabled={send.isPending} />
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
