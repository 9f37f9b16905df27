'use client';

// Radix Toast: one well-kept primitive that announces through a live region, pauses on
// hover and focus, closes on swipe and Escape, and gives the action a keyboard path
// (F8 reaches the viewport) — the parts a home-made toast gets wrong.
import * as Toast from '@radix-ui/react-toast';
import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

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

type Shown = ToastRequest & { id: number };

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

/** The toast provider and viewport of the mail pages; the newest three toasts are shown. */
export function Toaster({ children }: { children: ReactNode }) {
  const t = useTranslations('toast');
  const [shown, setShown] = useState<Shown[]>([]);
  const close = useCallback(
    (id: number) => setShown((current) => current.filter((each) => each.id !== id)),
    [],
  );
  const show = useCallback((request: ToastRequest) => {
    counter += 1;
    const id = counter;
    setShown((current) => [...current.slice(-2), { ...request, id }]);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <Toast.Provider swipeDirection="down" label={t('name')}>
        {children}
        {shown.map((each) => (
          <Toast.Root
            key={each.id}
            className={`toast ${each.tone ?? 'info'}`}
            duration={
              each.durationMs ?? (each.tone === 'failed' ? Number.POSITIVE_INFINITY : TOAST_MS)
            }
            onOpenChange={(open) => {
              if (!open) close(each.id);
            }}
          >
            <Toast.Description className="toast-text">{each.text}</Toast.Description>
            {each.action && (
              <Toast.Action
                className="toast-action"
                altText={each.action.altText}
                onClick={each.action.onAction}
              >
                {each.action.label}
              </Toast.Action>
            )}
            <Toast.Close className="toast-close" aria-label={t('dismiss')}>
              <X aria-hidden="true" className="icon" size={16} />
            </Toast.Close>
          </Toast.Root>
        ))}
        {/* Radix puts the viewport's hot key where {hotkey} stands */}
        <Toast.Viewport className="toast-viewport" label={t('region', { hotkey: '{hotkey}' })} />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}
