'use client';

// Radix DropdownMenu: the menu pattern (arrow keys, typeahead, Escape, focus return) done
// right. Imported only by menus loaded on first use (deferred-menu.tsx), so its code stays
// out of a page's first load.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import type { MenuTrigger } from './deferred-menu';

/** One entry of a menu; `asChild` makes `children` (a link) the item itself. */
export const MenuItem = DropdownMenu.Item;

/**
 * A Radix DropdownMenu on `trigger` (the same button DeferredMenu showed before it loaded),
 * open at once when `defaultOpen`, its items (`MenuItem`s) in a portal below the button's
 * end edge.
 */
export function RadixMenu(props: {
  trigger: MenuTrigger;
  defaultOpen: boolean;
  children: ReactNode;
}) {
  const { trigger } = props;
  return (
    <DropdownMenu.Root defaultOpen={props.defaultOpen}>
      <DropdownMenu.Trigger
        className={trigger.className}
        aria-label={trigger.label}
        disabled={trigger.disabled}
      >
        {trigger.children}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {props.children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
