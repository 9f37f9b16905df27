'use client';

import { authClient } from '@youjian/auth/client';
import { useState } from 'react';

/**
 * Ends every other session of the signed-in user (a lost phone, a shared computer):
 * Better Auth's revoke-other-sessions, a POST; this browser stays signed in.
 */
export function SignOutEverywhereButton() {
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
        Sign out everywhere else
      </button>{' '}
      {state === 'done' && <span role="status">Every other session has ended.</span>}
      {state === 'failed' && (
        <span role="alert" className="error">
          That did not work. Try again.
        </span>
      )}
    </p>
  );
}
