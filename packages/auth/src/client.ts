import { createAuthClient } from 'better-auth/react';

/** Browser-side Better Auth client; same origin, default base path /api/auth. */
export const authClient = createAuthClient();
