'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouterInputs, RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../i18n/use-error-text';
import { useTRPC } from '../trpc/react';
import { AttachmentsField } from './compose/attachments-field';
import type { ComposeDraft } from './compose/compose-draft';
import { DraftStatus } from './compose/draft-status';
import { MessageEditor } from './compose/message-editor';
import { firstInvalidAddress, RecipientFields } from './compose/recipient-fields';
import { ScheduleSendButton, scheduledTime } from './compose/schedule-send-button';
import { useAttachments } from './compose/use-attachments';
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
  const kind = request.inResponseTo?.kind;
  const replying = kind === 'reply' || kind === 'replyAll';
  const [problem, setProblem] = useState('');
  const senderOf = (id: string) => accounts.find((account) => account.id === id);
  const [senderId, setSenderId] = useState(prefill?.accountId ?? props.defaultAccountId ?? '');
  const attachments = useAttachments({
    sender: () => {
      const account = senderOf(String(new FormData(form.current ?? undefined).get('from')));
      return { accountId: account?.id ?? '', limitBytes: account?.attachmentLimitBytes ?? 0 };
    },
  });

  // A reply is written above the quote (the editor's caret at the top, as in QQ Mail, 163
  // and Gmail); anything else starts with its recipients.
  useEffect(() => {
    if (!replying) to.current?.focus();
  }, [replying]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sendAt = scheduledTime(event.nativeEvent as SubmitEvent, data);
    const text = (name: string) => String(data.get(name) ?? '');
    const invalid = firstInvalidAddress(`${text('to')}, ${text('cc')}`);
    setProblem(
      invalid
        ? t('invalidAddress', { address: invalid })
        : attachments.uploading
          ? t('uploadsPending')
          : '',
    );
    if (invalid || attachments.uploading) return;
    const html = text('html');
    const input = {
      accountId: text('from'),
      to: text('to'),
      cc: text('cc'),
      subject: text('subject'),
      text: text('message'),
      html,
      files: attachments.files(html),
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
        <select name="from" value={senderId} onChange={(event) => setSenderId(event.target.value)}>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.address}
            </option>
          ))}
        </select>
      </label>
      <RecipientFields prefillTo={prefill?.to} prefillCc={prefill?.cc} toRef={to} />
      <label className="field">
        <span>{t('subject')}</span>
        <input name="subject" type="text" autoComplete="off" defaultValue={prefill?.subject} />
      </label>
      <MessageEditor
        prefillText={prefill?.text}
        // a reopened draft already carries its signature
        signature={request.draft ? undefined : senderOf(senderId)?.signature}
        autofocus={replying}
        onImages={(files) => attachments.add(files, true).flatMap((a) => a.inline?.objectUrl ?? [])}
        toContentIds={attachments.toContentIds}
      />
      <AttachmentsField
        items={attachments.items}
        forwarded={prefill?.attachments ?? []}
        error={attachments.error}
        onAdd={(files) => attachments.add(files)}
        onRemove={attachments.remove}
      />
      <div role="alert" className="error">
        {problem || (send.error && errorText(send.error))}
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
