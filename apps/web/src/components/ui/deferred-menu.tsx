'use client';

import { type ComponentType, type KeyboardEvent, type ReactNode, useState } from 'react';

/** A menu's button: it looks and is named the same before and after its menu has loaded. */
export interface MenuTrigger {
  className: string;
  /** the button's accessible name */
  label: string;
  disabled?: boolean;
  /** what the button shows (an icon) */
  children: ReactNode;
}

/** A menu once loaded: Radix DropdownMenu around `trigger`, open at once when `defaultOpen`. */
export type LoadedMenu<P> = ComponentType<P & { trigger: MenuTrigger; defaultOpen: boolean }>;

/**
 * A menu button whose menu (Radix DropdownMenu and its positioning, ~45 KB of gzipped
 * script) is loaded when first wanted, not with the page: the mail route shows a menu
 * button on every user folder, and its first load has a budget (issue 11,
 * ui.mail_route_js_kb ≤ 250 KB). The code starts loading as the pointer or focus reaches
 * the button; a press (click, Enter, Space, ArrowDown as a menu button takes) mounts the
 * loaded menu already open, and from then on it is the Radix menu itself (WAI-ARIA APG menu
 * button pattern: arrow keys, typeahead, Escape, focus back on the button).
 * `load` resolves to the menu component; `menu` are its own props.
 */
export function DeferredMenu<P extends object>(props: {
  load: () => Promise<LoadedMenu<P>>;
  trigger: MenuTrigger;
  menu: P;
}) {
  const [loaded, setLoaded] = useState<{ Menu: LoadedMenu<P> } | null>(null);
  const [loading, setLoading] = useState(false);
  const { trigger, load } = props;
  if (loaded) return <loaded.Menu {...props.menu} trigger={trigger} defaultOpen />;

  const warm = () => void load().catch(() => undefined);
  const open = () => {
    if (loading) return;
    setLoading(true);
    load()
      .then((Menu) => setLoaded({ Menu }))
      // offline, say: the button stays, and the next press tries again
      .catch(() => undefined)
      .finally(() => setLoading(false));
  };
  return (
    <button
      type="button"
      className={trigger.className}
      aria-label={trigger.label}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-busy={loading || undefined}
      disabled={trigger.disabled}
      onPointerEnter={warm}
      onFocus={warm}
      onClick={open}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'ArrowDown') return;
        event.preventDefault();
        open();
      }}
    >
      {trigger.children}
    </button>
  );
}
