'use client';

import { Download, FileCode, Printer } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { LoadedMenu } from '../ui/deferred-menu';
import { MenuItem, RadixMenu } from '../ui/radix-menu';

/**
 * The "More" menu of one open message (loaded on first use, message-more-menu.tsx): Print
 * (a page of its own that prints itself, app/(print)/print), View source and headers
 * (app/(mail)/source) and Download as .eml (the source route, RFC 5322 bytes as the
 * provider holds them).
 */
export const MessageMenu: LoadedMenu<{ accountId: string; messageId: string }> = ({
  accountId,
  messageId,
  trigger,
  defaultOpen,
}) => {
  const t = useTranslations('mail');
  const path = `${accountId}/${messageId}`;
  return (
    <RadixMenu trigger={trigger} defaultOpen={defaultOpen}>
      <MenuItem
        className="menu-item"
        onSelect={() => window.open(`/print/${path}`, '_blank', 'noopener')}
      >
        <Printer aria-hidden="true" className="icon" size={14} />
        {t('print')}
      </MenuItem>
      <MenuItem className="menu-item" asChild>
        <Link href={`/source/${path}`} prefetch={false}>
          <FileCode aria-hidden="true" className="icon" size={14} />
          {t('viewSource')}
        </Link>
      </MenuItem>
      <MenuItem className="menu-item" asChild>
        <a href={`/api/messages/${path}/source`} download>
          <Download aria-hidden="true" className="icon" size={14} />
          {t('downloadEml')}
        </a>
      </MenuItem>
    </RadixMenu>
  );
};
