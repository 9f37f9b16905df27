import { serveTrpcRequest } from '../../../../server/trpc-entry';

/**
 * tRPC over HTTP through Next.js (`next dev`, `next start`); the production server
 * (server.ts) answers the same paths itself, through the same serveTrpcRequest.
 */
const handler = (request: Request) => serveTrpcRequest(request);

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
