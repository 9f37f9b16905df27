import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getAttachment, toTRPCError } from '@youjian/api';
import { z } from 'zod';
import { attachmentDisposition } from '../../../../../../lib/content-disposition';
import { services } from '../../../../../../server/services';
import { sessionOf } from '../../../../../../server/session';

const params = z.object({
  accountId: z.uuid(),
  messageId: z.uuid(),
  index: z.coerce.number().int().min(0),
});

/** Downloads one attachment of the signed-in user's message; never rendered inline. */
export async function GET(
  request: Request,
  context: { params: Promise<{ accountId: string; messageId: string; index: string }> },
) {
  const session = await sessionOf(request.headers);
  if (!session) return new Response('Sign in first.', { status: 401 });
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return new Response('Not found.', { status: 404 });

  const { db, secretBox } = services();
  try {
    const attachment = await getAttachment({
      db,
      secretBox,
      userId: session.user.id,
      ...parsed.data,
    });
    return new Response(Buffer.from(attachment.content), {
      headers: {
        'Content-Type': attachment.contentType || 'application/octet-stream',
        'Content-Disposition': attachmentDisposition(attachment.filename),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, max-age=3600',
      },
    });
  } catch (error) {
    // the same mapping as the API: a precise message for known failures, nothing internal
    const trpcError = toTRPCError(error);
    if (trpcError.code === 'INTERNAL_SERVER_ERROR') {
      console.error('attachment download:', error);
      return new Response('Download failed.', { status: 500 });
    }
    return new Response(trpcError.message, { status: getHTTPStatusCodeFromError(trpcError) });
  }
}

export const dynamic = 'force-dynamic';
