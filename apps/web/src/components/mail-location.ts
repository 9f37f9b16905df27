'use client';

import type { RouterInputs } from '@youjian/api';
import { useSearchParams } from 'next/navigation';

export type MailView = NonNullable<RouterInputs['messages']['list']['view']>;

const VIEWS: readonly MailView[] = ['all-inboxes', 'sent', 'drafts', 'starred', 'unread'];

/**
 * What the mail view shows lives in the URL, so back/forward and reloads keep it. A folder
 * (with its account) shows that folder; otherwise a unified view, All inboxes when none is
 * named — the view after sign-in. In a unified view `accountId` is the open message's.
 */
export interface MailLocation {
  view: MailView | null;
  accountId: string | null;
  folderId: string | null;
  messageId: string | null;
  query: string;
}

export function useMailLocation(): MailLocation & {
  href: (change: Partial<MailLocation>) => string;
} {
  const params = useSearchParams();
  const view = params.get('view');
  const location: MailLocation = {
    view: VIEWS.find((candidate) => candidate === view) ?? null,
    accountId: params.get('account'),
    folderId: params.get('folder'),
    messageId: params.get('message'),
    query: params.get('q') ?? '',
  };
  return { ...location, href: (change) => mailHref({ ...location, ...change }) };
}

export function mailHref(location: Partial<MailLocation>): string {
  const params = new URLSearchParams();
  if (location.view && !location.folderId) params.set('view', location.view);
  if (location.accountId) params.set('account', location.accountId);
  if (location.folderId) params.set('folder', location.folderId);
  if (location.messageId) params.set('message', location.messageId);
  if (location.query) params.set('q', location.query);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/**
 * Shows a mail URL (only its query differs from the page's) without asking the server for
 * the page again: Next's router refetches a dynamic page's server components on every change
 * of its query — a round trip before the browser even knows which message to open — while
 * the mail page's server part does not read the query (MailApp does, in the browser). Next
 * keeps useSearchParams in step with the native history API, so back and forward still work.
 */
export function showMailUrl(href: string): void {
  window.history.pushState(null, '', href);
}

/** True for a plain primary click, which opens in place; others keep the link's own meaning. */
export function isPlainClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
