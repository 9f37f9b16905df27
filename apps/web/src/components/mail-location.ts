'use client';

import { useSearchParams } from 'next/navigation';

/** What the mail view shows lives in the URL, so back/forward and reloads keep it. */
export interface MailLocation {
  accountId: string | null;
  folderId: string | null;
  messageId: string | null;
  query: string;
}

export function useMailLocation(): MailLocation & {
  href: (change: Partial<MailLocation>) => string;
} {
  const params = useSearchParams();
  const location: MailLocation = {
    accountId: params.get('account'),
    folderId: params.get('folder'),
    messageId: params.get('message'),
    query: params.get('q') ?? '',
  };
  return { ...location, href: (change) => mailHref({ ...location, ...change }) };
}

export function mailHref(location: MailLocation): string {
  const params = new URLSearchParams();
  if (location.accountId) params.set('account', location.accountId);
  if (location.folderId) params.set('folder', location.folderId);
  if (location.messageId) params.set('message', location.messageId);
  if (location.query) params.set('q', location.query);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
