'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@youjian/api';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../trpc/react';

type Account = RouterOutputs['accounts']['list'][number];

const POLL_MS = 1_000;
const POLL_LIMIT = 120;

export function ComposeDialog(props: {
  open: boolean;
  accounts: Account[];
  defaultAccountId: string | null;
  onClose: () => void;
  onStatus: (status: string) => void;
}) {
  const { open, accounts, defaultAccountId, onClose, onStatus } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const send = useMutation(trpc.messages.send.mutationOptions());
  // The sender is chosen when the dialog opens; a later change of the open folder (or a
  // live refresh) must not overwrite what the user picked.
  const [fromAccountId, setFromAccountId] = useState(defaultAccountId ?? '');
  const latestDefault = useRef(defaultAccountId);
  latestDefault.current = defaultAccountId;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setFromAccountId(latestDefault.current ?? '');
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  /** The worker sends in the background; report how it went in the status line. */
  async function followDelivery(accountId: string, id: string, subject: string) {
    for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const status = await queryClient.fetchQuery({
        ...trpc.messages.outgoingStatus.queryOptions({ accountId, id }),
        staleTime: 0,
      });
      if (status.state === 'sent') return onStatus(`Sent “${subject}”.`);
      if (status.state === 'failed') {
        return onStatus(`Not sent: ${status.lastError ?? 'the provider refused the message.'}`);
      }
    }
    onStatus(`“${subject}” is still waiting to be sent.`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const input = {
      accountId: text('from'),
      to: text('to'),
      cc: text('cc'),
      subject: text('subject'),
      text: text('message'),
    };
    send.mutate(input, {
      onSuccess: ({ id }) => {
        form.current?.reset();
        onStatus(`Sending “${input.subject}”…`);
        onClose();
        followDelivery(input.accountId, id, input.subject).catch((error: unknown) =>
          onStatus(error instanceof Error ? error.message : 'Could not check the sending status.'),
        );
      },
    });
  }

  return (
    <dialog ref={dialog} className="compose" aria-labelledby="compose-title" onClose={onClose}>
      <form ref={form} className="stack" onSubmit={submit}>
        <h2 id="compose-title" className="compose-title">
          New mail
        </h2>
        <label className="field">
          <span>From</span>
          <select
            name="from"
            value={fromAccountId}
            onChange={(event) => setFromAccountId(event.target.value)}
          >
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.address}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>To</span>
          <input
            name="to"
            type="text"
            autoComplete="off"
            required
            placeholder="name@example.com, …"
          />
        </label>
        <label className="field">
          <span>Cc</span>
          <input name="cc" type="text" autoComplete="off" />
        </label>
        <label className="field">
          <span>Subject</span>
          <input name="subject" type="text" autoComplete="off" />
        </label>
        <label className="field">
          <span>Message</span>
          <textarea name="message" rows={12} />
        </label>
        <div role="alert" className="error">
          {send.error?.message}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
