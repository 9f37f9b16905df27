'use client';

// Radix Toast: one well-kept primitive that announces through a live region, pauses on
// hover and focus, closes on swipe and Escape, and gives the action a keyboard path
// (F8 reaches the viewport) — the parts a home-made toast gets wrong.
import * as Toast from '@radix-ui/react-toast';
import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { type Shown, TOAST_MS } from './toaster';

/**
 * The shown toasts in Radix Toast's provider and viewport. Its own module: the mail route
 * loads it with the first toast (toaster.tsx, next/dynamic), not on every visit.
 */
export function ToastList({ shown, onClose }: { shown: Shown[]; onClose: (id: number) => void }) {
  const t = useTranslations('toast');
  return (
    <Toast.Provider swipeDirection="down" label={t('name')}>
      {shown.map((each) => (
        <Toast.Root
          key={each.id}
          className={`toast ${each.tone ?? 'info'}`}
          duration={
            each.durationMs ?? (each.tone === 'failed' ? Number.POSITIVE_INFINITY : TOAST_MS)
          }
          onOpenChange={(open) => {
            if (!open) onClose(each.id);
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
  );
}
