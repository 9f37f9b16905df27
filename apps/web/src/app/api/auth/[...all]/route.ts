import { services } from '../../../../server/services';

// Better Auth serves every /api/auth/* endpoint (sign-up, sign-in, sign-out, session).
const handler = (request: Request) => services().auth.handler(request);

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
