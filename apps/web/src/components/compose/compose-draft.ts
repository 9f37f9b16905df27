import type { RouterInputs } from '@youjian/api';

type InResponseTo = NonNullable<RouterInputs['messages']['send']['inResponseTo']>;
const KINDS = ['reply', 'replyAll', 'forward', 'forwardAsAttachment'] as const;

/**
 * What compose reopens with: a saved draft (from the Drafts folder), or a mail taken back
 * by Undo or by Edit in the Outbox (no draft id: not saved anywhere yet).
 */
export interface ComposeDraft {
  draftId?: string;
  accountId: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
  /** the editor's HTML when the draft kept it: reopened with its formatting */
  html?: string;
  inResponseTo?: InResponseTo;
}

/** The server's fields as a ComposeDraft; a response of an unknown kind is dropped. */
export function composeDraftOf(
  fields: Omit<ComposeDraft, 'inResponseTo' | 'html'> & {
    html?: string | null;
    inResponseTo?: { accountId: string; messageId: string; kind: string } | null;
  },
): ComposeDraft {
  const response = fields.inResponseTo;
  const kind = KINDS.find((candidate) => candidate === response?.kind);
  return {
    draftId: fields.draftId,
    accountId: fields.accountId,
    to: fields.to,
    cc: fields.cc,
    subject: fields.subject,
    text: fields.text,
    html: fields.html ?? undefined,
    inResponseTo: response && kind ? { ...response, kind } : undefined,
  };
}
