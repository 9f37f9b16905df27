'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { useLocale, useTranslations } from 'next-intl';
import { useErrorText, useProblemText } from '../../i18n/use-error-text';
import { newCodeHowKey } from '../../lib/new-code-how';
import { useTRPC } from '../../trpc/react';
import { type ComposeDraft, composeDraftOf } from '../compose/compose-draft';
import { useToast } from '../ui/toaster';
import './outbox.css';

type Outgoing = RouterOutputs['outbox']['list'][number];

/** While something waits, the list is read again this often (the worker changes it). */
const REFRESH_MS = 2_000;

/**
 * The Outbox: every mail that has not gone — waiting out the undo delay, scheduled, being
 * sent, or failed with the provider's reason — with Retry (failed), Cancel and Edit (taken
 * back from the queue, race-free, and opened in compose).
 */
export function OutboxPane({ onEdit }: { onEdit: (draft: ComposeDraft) => void }) {
  const t = useTranslations('outbox');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const outbox = useQuery({
    ...trpc.outbox.list.queryOptions(),
    refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? REFRESH_MS : false),
  });
  return (
    <section className="message-list outbox" aria-labelledby="outbox-title">
      <div className="list-header">
        <h1 id="outbox-title" className="list-title">
          {t('title')}
        </h1>
      </div>
      {outbox.isPending && <p className="muted pad">…</p>}
      {outbox.error && <p className="error pad">{errorText(outbox.error)}</p>}
      {outbox.data?.length === 0 && <p className="muted pad">{t('empty')}</p>}
      {outbox.data && outbox.data.length > 0 && (
        <ul className="outbox-list">
          {outbox.data.map((row) => (
            <OutboxRow key={row.id} row={row} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OutboxRow({ row, onEdit }: { row: Outgoing; onEdit: (draft: ComposeDraft) => void }) {
  const t = useTranslations('outbox');
  const locale = useLocale();
  const accounts = useTranslations('accounts');
  const errorText = useErrorText();
  const problemText = useProblemText();
  const toast = useToast();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.outbox.list.queryKey() });
  const fail = (error: unknown) => toast({ text: errorText(error), tone: 'failed' });
  const subject = row.subject || t('noSubject');
  const cancel = useMutation(trpc.outbox.cancel.mutationOptions({ onSettled: refresh }));
  const retry = useMutation(trpc.outbox.retry.mutationOptions({ onSettled: refresh }));
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    row.notBefore,
  );
  const ref = { accountId: row.accountId, id: row.id };
  /** Edit and Cancel both take the mail back from the queue first (race-free on the server). */
  const takeBack = (then: (draft: ComposeDraft) => void) =>
    cancel.mutate(ref, { onSuccess: (fields) => then(composeDraftOf(fields)), onError: fail });
  const state =
    row.state === 'failed'
      ? t('stateFailed')
      : row.state === 'sending'
        ? t('stateSending')
        : row.scheduled
          ? t('stateScheduled', { time })
          : t('stateQueued', { time });
  return (
    <li className={`outbox-row ${row.state}`} aria-label={subject}>
      <div className="outbox-text">
        <strong>{subject}</strong>
        <span className="muted">
          {t('to', { recipients: row.to.join(', ') })} · {row.address}
        </span>
        <span className="outbox-state">{state}</span>
        {row.state === 'failed' && row.problem && (
          <span className="error">{t('reason', { reason: problemText(row.problem) })}</span>
        )}
        {row.state === 'failed' && row.problem?.code === 'AUTH_FAILED' && (
          <span className="error">{accounts(newCodeHowKey(row.provider))}</span>
        )}
      </div>
      {row.state !== 'sending' && (
        <div className="outbox-actions">
          {row.state === 'failed' && (
            <button
              type="button"
              disabled={retry.isPending}
              onClick={() =>
                retry.mutate(ref, {
                  onSuccess: () => toast({ text: t('retrying', { subject }), tone: 'done' }),
                  onError: fail,
                })
              }
            >
              {t('retry')}
            </button>
          )}
          <button type="button" disabled={cancel.isPending} onClick={() => takeBack(onEdit)}>
            {t('edit')}
          </button>
          <button
            type="button"
            disabled={cancel.isPending}
            onClick={() =>
              takeBack(() => toast({ text: t('cancelled', { subject }), tone: 'done' }))
            }
          >
            {t('cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
