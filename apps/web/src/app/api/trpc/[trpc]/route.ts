import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@youjian/api';
import { services } from '../../../../server/services';
import { sessionOf } from '../../../../server/session';

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () => {
      const { db, secretBox, events } = services();
      const session = await sessionOf(request.headers);
      return { db, secretBox, events, userId: session?.user.id ?? null };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path ?? ''}:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
