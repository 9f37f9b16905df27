'use client';

import { authClient } from '@youjian/auth/client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * Ends every other session of the signed-in user (a lost phone, a shared computer):
 * Better Auth's revoke-other-sessions, a POST; this browser stays signed in.
 */
export function SignOutEverywhereButton() {
  const t = useTranslations('settings');
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  return (
    <p>
      <button
        type="button"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          const result = await authClient.revokeOtherSessions();
          setState(result.error ? 'failed' : 'done');
        }}
      >
        {t('signOutEverywhere')}
      </button>{' '}
      {state === 'done' && <span role="status">{t('signedOutEverywhere')}</span>}
      {state === 'failed' && (
        <span role="alert" className="error">
          {t('signOutEverywhereFailed')}
        </span>
      )}
    </p>
  );
}
