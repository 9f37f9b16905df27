'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { SHORTCUTS, type ShortcutScope, shortcutHelp } from '../../lib/shortcuts';

const SCOPES: readonly ShortcutScope[] = ['list', 'message', 'anywhere'];

/** The `?` overlay: the shortcut table itself, grouped by where each key works. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const help = shortcutHelp(SHORTCUTS);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
    >
      <h2 id="shortcuts-title">{t('title')}</h2>
      {SCOPES.map((scope) => (
        <section key={scope}>
          <h3>{t(`scopes.${scope}`)}</h3>
          <dl>
            {help
              .filter((entry) => entry.scope === scope)
              .map((entry) => (
                <div key={entry.action} className="shortcut-row">
                  <dt>
                    {entry.keys.map((keys, index) => (
                      <span key={keys.join(' ')}>
                        {index > 0 && ` ${t('or')} `}
                        {keys.map((key, step) => (
                          <span key={key}>
                            {step > 0 && ` ${t('then')} `}
                            <kbd>{key}</kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{t(entry.description)}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit">{t('close')}</button>
      </form>
    </dialog>
  );
}
