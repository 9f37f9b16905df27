'use client';

import { MoreHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { DeferredMenu } from '../ui/deferred-menu';

/** The menu's code, loaded on first use (ui/deferred-menu.tsx). */
const loadMessageMenu = () => import('./message-menu').then((module) => module.MessageMenu);

/** "More" for one open message: Print, View source, Download as .eml (message-menu.tsx). */
export function MessageMoreMenu(props: { accountId: string; messageId: string }) {
  const t = useTranslations('mail');
  return (
    <DeferredMenu
      load={loadMessageMenu}
      trigger={{
        className: 'icon-button',
        label: t('more'),
        children: <MoreHorizontal aria-hidden="true" className="icon" size={16} />,
      }}
      menu={props}
    />
  );
}
