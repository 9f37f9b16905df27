'use client';

import { useQuery } from '@tanstack/react-query';
import { Clock } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../../trpc/react';

/** "Outbox" among the unified views, with how many mails have not gone yet. */
export function OutboxLink() {
  const t = useTranslations('outbox');
  const trpc = useTRPC();
  const current = useSearchParams().get('view') === 'outbox';
  const outbox = useQuery(trpc.outbox.list.queryOptions());
  const waiting = outbox.data?.length ?? 0;
  return (
    <Link href="/?view=outbox" aria-current={current ? 'page' : undefined} className="folder-link">
      <Clock aria-hidden="true" className="icon" size={16} strokeWidth={1.75} />
      <span className="folder-name">{t('title')}</span>
      {waiting > 0 && (
        <span className="unread-count" aria-hidden="true">
          {waiting}
        </span>
      )}
    </Link>
  );
}
