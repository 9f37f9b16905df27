'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId } from 'react';
import { useTRPC } from '../../trpc/react';
import { useMailLocation } from '../mail-location';

/** The element `/` focuses. */
export const SEARCH_INPUT_ID = 'mail-search';

/**
 * The search box: all mailboxes, or only the open one when a folder is shown; the user's
 * recent searches are offered as they type (a datalist, so the browser's own list and its
 * keyboard handling serve them).
 */
export function SearchBox({ mailboxAddress }: { mailboxAddress: string | null }) {
  const t = useTranslations('mailList');
  const tMail = useTranslations('mail');
  const trpc = useTRPC();
  const router = useRouter();
  const location = useMailLocation();
  const recentId = useId();
  const scopeId = useId();
  const recent = useQuery(trpc.messages.recentSearches.queryOptions());

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const query = String(form.get('q') ?? '').trim();
    const here = form.get('scope') === 'mailbox';
    router.push(
      location.href({
        view: here ? null : location.view,
        accountId: here ? location.accountId : null,
        folderId: here ? location.folderId : null,
        messageId: null,
        query,
      }),
    );
  }

  return (
    <search>
      <form onSubmit={search} className="search-form">
        <input
          id={SEARCH_INPUT_ID}
          name="q"
          type="search"
          aria-label={tMail('search')}
          defaultValue={location.query}
          key={location.query}
          placeholder={t('searchPlaceholder')}
          list={recentId}
          autoComplete="off"
        />
        <datalist id={recentId}>
          {recent.data?.map((query) => (
            <option key={query} value={query} />
          ))}
        </datalist>
        {mailboxAddress && (
          <>
            <label htmlFor={scopeId} className="sr-only">
              {t('searchIn')}
            </label>
            <select id={scopeId} name="scope" defaultValue="mailbox">
              <option value="mailbox">{mailboxAddress}</option>
              <option value="all">{t('allMailboxes')}</option>
            </select>
          </>
        )}
        <button type="submit">{t('searchButton')}</button>
      </form>
    </search>
  );
}
