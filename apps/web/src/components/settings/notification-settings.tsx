'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import {
  NOTIFICATIONS_KEY,
  type NotificationState,
  notificationState,
} from '../../lib/notifications';

function currentState(): NotificationState {
  const supported = typeof Notification !== 'undefined';
  return notificationState(
    supported,
    supported ? Notification.permission : 'default',
    localStorage.getItem(NOTIFICATIONS_KEY) === 'on',
  );
}

/**
 * Settings → Notifications: opt in to a desktop notification for new mail in this browser
 * (the browser asks for permission the first time); off by default, and says what to do
 * when the browser blocks them.
 */
export function NotificationSettings() {
  const t = useTranslations('settings');
  const [state, setState] = useState<NotificationState | null>(null);
  useEffect(() => setState(currentState()), []);

  async function toggle(on: boolean) {
    if (on && Notification.permission !== 'granted') await Notification.requestPermission();
    localStorage.setItem(NOTIFICATIONS_KEY, on ? 'on' : 'off');
    setState(currentState());
  }

  return (
    <section aria-labelledby="notifications-heading" className="card">
      <h2 id="notifications-heading">{t('notifications')}</h2>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={state === 'on'}
          disabled={state === null || state === 'unsupported' || state === 'denied'}
          onChange={(event) => void toggle(event.target.checked)}
        />
        {t('notifyNewMail')}
      </label>
      {state === 'denied' && <p className="muted">{t('notificationsBlocked')}</p>}
      {state === 'unsupported' && <p className="muted">{t('notificationsUnsupported')}</p>}
    </section>
  );
}
