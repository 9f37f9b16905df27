import type { SentCopyPolicy } from '@youjian/mail';

/**
 * How often the Sent folder is looked at while a provider's copy is awaited: QQ and
 * NetEase file it within a second when they file it at all, so a few looks suffice.
 */
export const SENT_COPY_LOOK_EVERY_MS = 2_000;

/** How long after SMTP acceptance Youjian looks for the provider's copy before APPENDing. */
export const SENT_COPY_LOOK_FOR_MS = 15_000;

export type SentCopyStepType = 'filed-by-provider' | 'append' | 'look-again' | 'give-up';

export interface SentCopyStep {
  type: SentCopyStepType;
  reason: string;
  /** for `look-again`: when to look next */
  at?: Date;
}

/**
 * What to do about the Sent copy of a mail SMTP accepted, after one look at Sent.
 * Takes the provider's policy, whether its copy was found, the time now and the end of
 * the look (`lookUntil`); returns the step. Pure; the I/O is check-sent-copies.ts.
 */
export function decideSentCopyStep(input: {
  policy: SentCopyPolicy;
  found: boolean;
  now: Date;
  lookUntil: Date;
}): SentCopyStep {
  const { policy, found, now, lookUntil } = input;
  if (found) return { type: 'filed-by-provider', reason: 'the provider filed a copy in Sent' };
  if (policy === 'never') {
    return { type: 'append', reason: 'the provider never files a copy of submitted mail' };
  }
  if (now.getTime() < lookUntil.getTime()) {
    const next = Math.min(lookUntil.getTime(), now.getTime() + SENT_COPY_LOOK_EVERY_MS);
    return { type: 'look-again', reason: 'no copy in Sent yet', at: new Date(next) };
  }
  if (policy === 'files-copy') {
    // the provider is known to file it: a late copy arrives with a later sync; an APPEND
    // now would make two
    return { type: 'give-up', reason: 'the provider files the copy; it has not shown up yet' };
  }
  return {
    type: 'append',
    reason: 'no copy in Sent after looking for it; the provider did not file one',
  };
}
