import { handleTrpcRequest } from '@youjian/api';
import { services } from './services';
import { sessionOf } from './session';

/** The endpoint every tRPC call is made to (the client's httpBatchLink url). */
export const TRPC_ENDPOINT = '/api/trpc';

/**
 * Answers one tRPC request as the signed-in user of its cookies (or none): queries by GET,
 * mutations by POST only, batches capped (packages/api http-handler.ts). The one entry of
 * the router, whether the request came through Next.js (app/api/trpc) or straight from the
 * web server (trpc-over-node.ts). Returns the Response; never throws.
 */
export function serveTrpcRequest(request: Request): Promise<Response> {
  return handleTrpcRequest({
    request,
    endpoint: TRPC_ENDPOINT,
    createContext: async () => {
      const { db, secretBox, events } = services();
      const session = await sessionOf(request.headers);
      return { db, secretBox, events, userId: session?.user.id ?? null };
    },
  });
}
