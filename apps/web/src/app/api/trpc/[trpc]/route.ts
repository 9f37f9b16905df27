import { handleTrpcRequest } from '@youjian/api';
import { services } from '../../../../server/services';
import { sessionOf } from '../../../../server/session';

/** tRPC over HTTP: the router's one entry; queries by GET, mutations by POST only. */
const handler = (request: Request) =>
  handleTrpcRequest({
    request,
    endpoint: '/api/trpc',
    createContext: async () => {
      const { db, secretBox, events } = services();
      const session = await sessionOf(request.headers);
      return { db, secretBox, events, userId: session?.user.id ?? null };
    },
  });

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
