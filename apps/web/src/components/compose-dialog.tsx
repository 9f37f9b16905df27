'use client';

import type { RouterInputs, RouterOutputs } from '@youjian/api';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ComposeDraft } from './compose/compose-draft';
import type { SendStatusTone } from './compose/use-send-feedback';

// Compose's form and its rich editor (Tiptap, ProseMirror: the largest part of the mail
// route's JavaScript) are loaded when compose first opens, not with the mail route; until they
// arrive the dialog shows its title and "Loading…". ssr: false — compose only ever opens
// on a click or a draft in the browser.
const ComposeBody = dynamic(() => import('./compose/compose-body').then((m) => m.ComposeBody), {
  ssr: false,
  loading: ComposeLoading,
});

type Account = RouterOutputs['accounts']['list'][number];
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

function ComposeLoading() {
  const t = useTranslations('app');
  return <p className="muted">{t('loading')}</p>;
}
