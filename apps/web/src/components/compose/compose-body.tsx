'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text';
import { useTRPC } from '../../trpc/react';
import type { ComposeRequest } from '../compose-dialog';
import { AttachmentsField } from './attachments-field';
import type { ComposeDraft } from './compose-draft';
import { DraftStatus } from './draft-status';
import { MessageEditor } from './message-editor';
import { firstInvalidAddress, RecipientFields } from './recipient-fields';
import { ScheduleSendButton, scheduledTime } from './schedule-send-button';
import { useAttachments } from './use-attachments';
import { useDraftAutosave } from './use-draft-autosave';
import { type SendStatusTone, useSendFeedback } from './use-send-feedback';

type Account = RouterOutputs['accounts']['list'][number];
type Prefill = RouterOutputs['messages']['prepareReply'];

/**
 * What compose holds for one opening: the original read for a reply or forward, then the
 * form with its rich editor (Tiptap). Its own module so that the mail route loads Tiptap
 * and ProseMirror only when compose first opens (compose-dialog.tsx imports it with
 * next/dynamic).
 */
export function ComposeBody(props: {
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
  // the attribution line and forward block are written in the interface's language
  const locale = useLocale();
  const prefill = useQuery(
    trpc.messages.prepareReply.queryOptions(
      {
        accountId: inResponseTo?.accountId ?? '',
        messageId: inResponseTo?.messageId ?? '',
        kind: inResponseTo?.kind ?? 'reply',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale,
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
        html?: string;
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
        prefillHtml={prefill?.html}
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
