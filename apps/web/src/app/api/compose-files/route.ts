import { UploadTooLarge, uploadComposeFile } from '@youjian/api';
import { z } from 'zod';
import { downloadErrorResponse } from '../../../server/download-error';
import { services } from '../../../server/services';
import { sessionOf } from '../../../server/session';

const headers = z.object({
  accountId: z.uuid(),
  filename: z.string().min(1).max(1_000),
});

/** The request body as chunks as they arrive, never gathered into one buffer. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Uploads one file for compose: the raw bytes as the body (not multipart, so nothing has
 * to be parsed around them), the sending mailbox in X-Account-Id and the file's name,
 * URI-encoded, in X-File-Name. The body is streamed into the compose store as it arrives
 * (packages/sync compose-files.ts); the proxy leaves this path alone, since Next.js would
 * otherwise copy the whole body in memory for it and cut it at 10 MB. The custom headers
 * also make it a request no other site's form can send (CSRF). Answers 201 with the
 * stored file { id, filename, contentType, size }; 413 { error, limitBytes } above the
 * provider's limit (attachmentLimitBytes), with nothing kept; 401 signed out; 404 for a
 * mailbox not the user's.
 */
export async function POST(request: Request) {
  const session = await sessionOf(request.headers);
  if (!session) return json({ error: 'Sign in first.' }, 401);
  let filename = '';
  try {
    filename = decodeURIComponent(request.headers.get('x-file-name') ?? '');
  } catch {
    // a malformed escape leaves the name empty: refused below
  }
  const parsed = headers.safeParse({ accountId: request.headers.get('x-account-id'), filename });
  if (!parsed.success || !request.body) return json({ error: 'Not a file upload.' }, 400);
  const length = request.headers.get('content-length');
  const { db } = services();
  try {
    const stored = await uploadComposeFile({
      db,
      userId: session.user.id,
      accountId: parsed.data.accountId,
      filename: parsed.data.filename,
      contentType: (request.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
      declaredBytes: length && /^\d+$/.test(length) ? Number(length) : null,
      body: chunksOf(request.body),
    });
    return json(stored, 201);
  } catch (error) {
    if (error instanceof UploadTooLarge) {
      return json({ error: error.userMessage, limitBytes: error.limitBytes }, 413);
    }
    return downloadErrorResponse(error, 'compose upload');
  }
}

export const dynamic = 'force-dynamic';
