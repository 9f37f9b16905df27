import { getMessageSource } from '@youjian/api';
import { z } from 'zod';
import { attachmentHeaders } from '../../../../../../lib/attachment-headers';
import { downloadErrorResponse } from '../../../../../../server/download-error';
import { services } from '../../../../../../server/services';
import { sessionOf } from '../../../../../../server/session';

const params = z.object({ accountId: z.uuid(), messageId: z.uuid() });

/**
 * Downloads the raw source of one of the signed-in user's messages, as the provider holds
 * it: what the reading pane offers for a message it cannot read. Served as a download
 * (message/rfc822 is never rendered inline, see attachment-headers.ts).
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ accountId: string; messageId: string }> },
) {
  const session = await sessionOf(request.headers);
  if (!session) return new Response('Sign in first.', { status: 401 });
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return new Response('Not found.', { status: 404 });
  const { db, secretBox } = services();
  try {
    const source = await getMessageSource({
      db,
      secretBox,
      userId: session.user.id,
      ...parsed.data,
    });
    return new Response(Buffer.from(source.content), {
      headers: attachmentHeaders({ filename: source.filename, contentType: 'message/rfc822' }),
    });
  } catch (error) {
    return downloadErrorResponse(error, 'message source download');
  }
}

export const dynamic = 'force-dynamic';
