'use client';

import { useMutation } from '@tanstack/react-query';
import type { RouterInputs } from '@youjian/api';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../trpc/react';

type InResponseTo = NonNullable<RouterInputs['drafts']['save']['inResponseTo']>;

/** Saved this long after the last keystroke ("a few seconds after typing stops"). */
export const AUTOSAVE_MS = 2_000;

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Compose's fields by their form names, as drafts.save takes them. */
function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    accountId: text('from'),
    to: text('to'),
    cc: text('cc'),
    subject: text('subject'),
    text: text('message'),
    // the formatting too, so the draft reopens as it was written
    html: text('html'),
  };
}

/**
 * Autosave of compose: `onInput` (the form's input handler) saves AUTOSAVE_MS after
 * typing stops; saves run one after another, so the first one's draft id is known to the
 * next and one compose session is one draft. Closing compose with unsaved typing saves it
 * at once. `stop()` ends autosaving (Send) and gives the draft id, `resume()` undoes that
 * when the send is refused; `discard()` also removes the draft. `startDirty`: compose reopened with text that is not saved anywhere (Undo).
 */
export function useDraftAutosave(options: {
  form: RefObject<HTMLFormElement | null>;
  draftId?: string;
  inResponseTo?: InResponseTo;
  startDirty?: boolean;
}) {
  const trpc = useTRPC();
  // mutateAsync is stable across renders (the mutation result object is not)
  const { mutateAsync: save } = useMutation(trpc.drafts.save.mutationOptions());
  const { mutateAsync: discardDraft } = useMutation(trpc.drafts.discard.mutationOptions());
  const [state, setState] = useState<AutosaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const draftId = useRef(options.draftId);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(options.startDirty ?? false);
  const stopped = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const { form, inResponseTo } = options;

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const element = form.current;
    if (stopped.current || !dirty.current || !element) return chain.current;
    dirty.current = false;
    const fields = fieldsOf(element);
    chain.current = chain.current.then(async () => {
      if (stopped.current) return;
      setState('saving');
      try {
        const saved = await save({ ...fields, draftId: draftId.current, inResponseTo });
        // null: sent or discarded meanwhile; nothing to bring back
        if (saved) draftId.current = saved.draftId;
        setState('saved');
      } catch (cause) {
        dirty.current = true;
        setError(cause);
        setState('failed');
      }
    });
    return chain.current;
  }, [form, inResponseTo, save]);

  const onInput = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [saveNow]);

  // reopened text (Undo) is saved like typing; unsaved typing is saved when compose closes
  useEffect(() => {
    if (dirty.current) timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => void saveNow();
  }, [saveNow]);

  /** Sending: no more saves; the send removes the draft (after earlier saves finish). */
  const stop = useCallback(async () => {
    clearTimeout(timer.current);
    stopped.current = true;
    await chain.current;
    return draftId.current;
  }, []);

  /** The send was refused (a bad address…): typing is saved again. */
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  const discard = useCallback(async () => {
    const id = await stop();
    if (id) await discardDraft({ draftId: id });
  }, [stop, discardDraft]);

  return { state, error, onInput, stop, resume, discard };
}
