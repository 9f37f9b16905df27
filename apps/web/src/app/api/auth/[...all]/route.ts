import { handleAuthRequest } from '@youjian/auth';
import { services } from '../../../../server/services';

// Better Auth serves every /api/auth/* endpoint (sign-up, sign-in, sign-out, sessions,
// revoke-other-sessions); over a limit it answers 429 with code RATE_LIMITED and Retry-After.
const handler = (request: Request) => handleAuthRequest(services().auth, request);

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
