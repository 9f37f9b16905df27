import { getAttachment } from '@youjian/api';
import { z } from 'zod';
import { attachmentHeaders } from '../../../../../../lib/attachment-headers';
import { downloadErrorResponse } from '../../../../../../server/download-error';
import { services } from '../../../../../../server/services';
import { sessionOf } from '../../../../../../server/session';

const params = z.object({
  accountId: z.uuid(),
  messageId: z.uuid(),
  index: z.coerce.number().int().min(0),
});

/** The largest attachment served, bytes: QQ Mail's own message limit (73,400,320 bytes). */
const MAX_ATTACHMENT_BYTES = 73_400_320;

/**
 * Downloads one attachment of the signed-in user's message, streamed from the IMAP
 * server where the message's structure allows: any sender-written Content-Type is served
 * safely (attachment-headers.ts); only raster images inline. 413 with a message saying
 * so above MAX_ATTACHMENT_BYTES, decided before the part is read.
 */
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
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    // decided from the message's structure before the part is read, where it allows
    if (attachment.type === 'too-large') {
      return new Response(
        `This attachment is larger than ${Math.floor(MAX_ATTACHMENT_BYTES / 1_048_576)} MB; download it from your provider's web mail.`,
        { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
      );
    }
    return new Response(attachment.content, { headers: attachmentHeaders(attachment) });
  } catch (error) {
    return downloadErrorResponse(error, 'attachment download');
  }
}

export const dynamic = 'force-dynamic';
