import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { toTRPCError } from '@youjian/api';

/**
 * The response of a download route that failed: the same mapping as the API (a precise
 * message for known failures with their HTTP status), nothing internal for the rest.
 * `what` names the download in the server log.
 */
export function downloadErrorResponse(error: unknown, what: string): Response {
  const trpcError = toTRPCError(error);
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') {
    console.error(`${what}:`, error);
    return new Response('Download failed.', { status: 500 });
  }
  return new Response(trpcError.message, { status: getHTTPStatusCodeFromError(trpcError) });
}
