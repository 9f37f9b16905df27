import { and, eq, messageBody } from '@youjian/db';
import { htmlToText, MailError, type ParsedMessage, placeInlineImages } from '@youjian/mail';
import { indexedBody, writeIndexedBodies } from './body-index';
import { fetchParsedMessage, type MessageRef } from './fetch-message-source';

export interface MessageBody {
  html: string | null;
  text: string | null;
  hasRemoteImages: boolean;
  attachments: Array<{ index: number; filename: string; contentType: string; size: number }>;
  /**
   * the message could not be read as MIME: the pane shows what was recovered (its raw
   * text, or nothing) with a note saying so and a link to the source
   */
  unreadable: boolean;
}

/** Where the web app serves attachment `index` of a message (also inline cid: images). */
export function attachmentUrl(accountId: string, messageId: string, index: number): string {
  return `/api/attachments/${accountId}/${messageId}/${index}`;
}

/**
 * The body of a message, fetched from the provider on first open and cached sanitized
 * (remote images blocked). Showing remote images is an explicit, rare choice, so it
 * refetches and re-sanitizes rather than keeping unsanitized HTML at rest, where any
 * later code path could serve it by mistake.
 */
export async function loadMessageBody(
  ref: MessageRef & { allowRemoteImages?: boolean },
): Promise<MessageBody> {
  const { db, accountId, messageId } = ref;
  if (!ref.allowRemoteImages) {
    const [cached] = await db
      .select()
      .from(messageBody)
      .where(and(eq(messageBody.accountId, accountId), eq(messageBody.messageId, messageId)));
    if (cached) {
      const { html, text, hasRemoteImages, attachments } = cached;
      return { html, text, hasRemoteImages, attachments, unreadable: false };
    }
  }
  let parsed: ParsedMessage;
  try {
    parsed = await fetchParsedMessage(ref);
  } catch (error) {
    if (!(error instanceof MailError && error.code === 'MALFORMED_MESSAGE')) throw error;
    return { html: null, text: null, hasRemoteImages: false, attachments: [], unreadable: true };
  }
  const body = renderBody(parsed, accountId, messageId, ref.allowRemoteImages ?? false);
  // the cache holds readable bodies only: an unreadable one is recovered anew on each open
  if (!ref.allowRemoteImages && !body.unreadable) await cacheBody(ref, parsed, body);
  return body;
}

export function renderBody(
  parsed: ParsedMessage,
  accountId: string,
  messageId: string,
  allowRemoteImages: boolean,
): MessageBody {
  // RFC 2392: a part the HTML shows through cid: is part of the body, not a file to list;
  // a part with a Content-ID the HTML never uses stays an attachment (inline-images.ts)
  const { sanitized, shownInline } = placeInlineImages(parsed, {
    allowRemoteImages,
    urlOf: (index) => attachmentUrl(accountId, messageId, index),
  });
  return {
    html: sanitized?.html ?? null,
    text: parsed.text,
    hasRemoteImages: sanitized?.hasRemoteImages ?? false,
    attachments: parsed.attachments
      .map((a, index) => ({
        index,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
      }))
      .filter((a) => !shownInline.has(a.index)),
    unreadable: parsed.malformed === true,
  };
}

/** Caches the body and, now that the text is known, indexes it (see body-index.ts). */
async function cacheBody(ref: MessageRef, parsed: ParsedMessage, body: MessageBody) {
  const { db, accountId, messageId } = ref;
  const text = parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : '';
  await db.transaction(async (tx) => {
    const { unreadable: _, ...cached } = body;
    await tx
      .insert(messageBody)
      .values({ accountId, messageId, ...cached })
      .onConflictDoNothing();
    await writeIndexedBodies(tx, accountId, [indexedBody({ ...parsed, id: messageId }, text)]);
  });
}
