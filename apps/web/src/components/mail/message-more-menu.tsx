'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Download, FileCode, MoreHorizontal, Printer } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * "More" for one open message (Radix DropdownMenu): Print (a page of its own that prints
 * itself, app/(print)/print), View source and headers (app/(mail)/source) and Download as
 * .eml (the source route, RFC 5322 bytes as the provider holds them).
 */
export function MessageMoreMenu({
  accountId,
  messageId,
}: {
  accountId: string;
  messageId: string;
}) {
  const t = useTranslations('mail');
  const path = `${accountId}/${messageId}`;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="icon-button" aria-label={t('more')}>
        <MoreHorizontal aria-hidden="true" className="icon" size={16} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Item
            className="menu-item"
            onSelect={() => window.open(`/print/${path}`, '_blank', 'noopener')}
          >
            <Printer aria-hidden="true" className="icon" size={14} />
            {t('print')}
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" asChild>
            <Link href={`/source/${path}`} prefetch={false}>
              <FileCode aria-hidden="true" className="icon" size={14} />
              {t('viewSource')}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" asChild>
            <a href={`/api/messages/${path}/source`} download>
              <Download aria-hidden="true" className="icon" size={14} />
              {t('downloadEml')}
            </a>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
