'use client';

import { useEffect, useRef } from 'react';
import { keyToken, matchShortcut, type ShortcutAction } from '../../lib/shortcuts';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/** Where typing happens: keys there are text, not shortcuts (Escape only leaves the field). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** A key a focused control already answers (Enter on a link or button, Space on a box). */
function isNativeActivation(target: EventTarget | null, key: string): boolean {
  return key === 'Enter' && target instanceof HTMLElement && target.closest('a, button') !== null;
}

/**
 * Listens for the shortcut table's keys on the page and runs the handler of the action
 * they complete. Off while typing in a field and inside another dialog (compose).
 */
export function useMailShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    let pending: string[] = [];
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target;
      // a dialog's keys are its own (Escape closes compose; blurring its field would not)
      if (target instanceof HTMLElement && target.closest('dialog, [role="dialog"]')) return;
      if (isTypingTarget(target)) {
        if (event.key === 'Escape' && target instanceof HTMLElement) target.blur();
        return;
      }
      const token = keyToken(event);
      if (!token || isNativeActivation(target, token)) return;
      const match = matchShortcut(pending, token);
      pending = match.pending;
      const handler = match.shortcut && latest.current[match.shortcut.action];
      if (handler) {
        event.preventDefault();
        handler();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Presses a button of the open message by its accessible name — the reading pane's own
 * Reply, Archive, Delete… — so a key does exactly what the button does. In an open
 * conversation that is the newest unfolded message.
 */
export function pressInOpenMessage(name: string | RegExp): boolean {
  const unfolded = document.querySelectorAll(
    'article.reading-pane, .reading-pane article.message-view, .reading-pane article.expanded',
  );
  const article = unfolded[unfolded.length - 1];
  const buttons = article ? [...article.querySelectorAll<HTMLButtonElement>('button')] : [];
  const button = buttons.find((candidate) => {
    const text = (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (!button || button.disabled) return false;
  button.click();
  return true;
}
