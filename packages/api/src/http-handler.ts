import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root';
import type { Context } from './trpc';

/**
 * Procedures one HTTP request may batch. The app's own batches stay far below (a page
 * asks for a handful of queries at once); the cap stops one request from fanning out
 * into hundreds of database queries (OWASP ASVS 4 §11.1.4, §13.1.4 — denial of service
 * through a batch). The client's httpBatchLink uses the same number as maxItems.
 */
export const MAX_BATCH_SIZE = 10;

export interface HandleTrpcRequestOptions {
  request: Request;
  /** the endpoint's path, e.g. /api/trpc */
  endpoint: string;
  createContext: () => Promise<Context>;
  /** told of every unforeseen failure, whose cause the response never shows */
  logInternalError?: (path: string | undefined, cause: unknown) => void;
}

/**
 * Answers one tRPC HTTP request: queries by GET, mutations only by POST (no method
 * override), at most MAX_BATCH_SIZE procedures per batch, error bodies as the router's
 * errorFormatter shapes them. Returns the Response; never throws.
 */
export function handleTrpcRequest({
  request,
  endpoint,
  createContext,
  logInternalError = (path, cause) => console.error(`tRPC ${path ?? ''}:`, cause),
}: HandleTrpcRequestOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint,
    req: request,
    router: appRouter,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    allowMethodOverride: false,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') logInternalError(path, error.cause ?? error);
    },
  });
}
