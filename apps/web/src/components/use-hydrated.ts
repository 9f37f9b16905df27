import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False in the server render and until React has hydrated the page, then true. A form
 * whose submit handler is not attached yet would submit natively, as a GET with every
 * field in the URL: forms that carry a password or an authorization code keep their
 * submit button disabled until this is true (a disabled default button also stops
 * implicit submission with Enter, HTML §4.10.21.2).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
