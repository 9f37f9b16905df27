'use client';

import dynamic from 'next/dynamic';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

// The toasts themselves (Radix Toast, toast-list.tsx) load with the first toast, not with
// every mail page: most visits show none. Nothing is on screen before then to fall back from.
const ToastList = dynamic(() => import('./toast-list').then((m) => m.ToastList), { ssr: false });

/** What a toast says and, optionally, the one thing it offers (Undo, Retry…). */
export type ToastRequest = {
  text: string;
  tone?: 'info' | 'done' | 'failed';
  action?: {
    label: string;
    /** what a screen reader user is told to do instead (Radix Toast's altText) */
    altText: string;
    onAction: () => void;
  };
  /** milliseconds before it closes; a failure stays until dismissed when left out */
  durationMs?: number;
};

export type Shown = ToastRequest & { id: number };

/** The default time a toast stays: long enough to reach Undo, short enough not to pile up. */
export const TOAST_MS = 8_000;

const ToastContext = createContext<((request: ToastRequest) => void) | null>(null);

/**
 * `const toast = useToast(); toast({ text, action })`. Throws outside <Toaster>, so a
 * page that forgot the provider fails loudly in development rather than dropping messages.
 */
export function useToast(): (request: ToastRequest) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs <Toaster> above it');
  return show;
}

let counter = 0;

/**
 * The toast provider of the mail pages; the newest three toasts are shown. The list (and its
 * viewport, which F8 reaches) is there from the first toast on.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown[]>([]);
  const [used, setUsed] = useState(false);
  const close = useCallback(
    (id: number) => setShown((current) => current.filter((each) => each.id !== id)),
    [],
  );
  const show = useCallback((request: ToastRequest) => {
    counter += 1;
    const id = counter;
    setUsed(true);
    setShown((current) => [...current.slice(-2), { ...request, id }]);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      {used && <ToastList shown={shown} onClose={close} />}
    </ToastContext.Provider>
  );
}
