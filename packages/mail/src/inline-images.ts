/**
 * Which of a message's parts the reading pane shows in place rather than lists: a part
 * whose Content-ID the HTML uses through cid: (RFC 2392) is part of the body; a part with
 * a Content-ID the HTML never uses stays an attachment. One decision for the pane
 * (packages/sync load-message-body.ts) and for the list's paperclip where BODYSTRUCTURE
 * cannot tell (pane-attachments.ts).
 */
import { sanitizeMailHtml } from './sanitize-html';
import type { ParsedMessage, SanitizedHtml } from './types';

/** Content-IDs are matched without angle brackets. */
const stripAngles = (cid: string) => cid.trim().replace(/^<|>$/g, '');

/**
 * The pane's sanitized HTML with each cid: image pointed at `urlOf(index)` of the part it
 * names, and the indexes of the parts so shown in place (not listed).
 */
export function placeInlineImages(
  parsed: Pick<ParsedMessage, 'html' | 'attachments'>,
  opts: { allowRemoteImages: boolean; urlOf: (index: number) => string },
): { sanitized: SanitizedHtml | null; shownInline: Set<number> } {
  const cidIndex = new Map<string, number>();
  parsed.attachments.forEach((attachment, index) => {
    if (attachment.contentId) cidIndex.set(stripAngles(attachment.contentId), index);
  });
  const shownInline = new Set<number>();
  const sanitized = parsed.html
    ? sanitizeMailHtml(parsed.html, {
        allowRemoteImages: opts.allowRemoteImages,
        cidUrl: (cid) => {
          const index = cidIndex.get(stripAngles(cid));
          if (index === undefined) return null;
          shownInline.add(index);
          return opts.urlOf(index);
        },
      })
    : null;
  return { sanitized, shownInline };
}

/** Pure: how many attachments the pane lists for a parsed message. */
export function listedAttachmentCount(parsed: Pick<ParsedMessage, 'html' | 'attachments'>): number {
  return listedAttachmentNames(parsed).length;
}

/** Pure: the file names of the attachments the pane lists, in MIME order. */
export function listedAttachmentNames(
  parsed: Pick<ParsedMessage, 'html' | 'attachments'>,
): string[] {
  const { shownInline } = placeInlineImages(parsed, {
    allowRemoteImages: false,
    urlOf: (index) => `/inline/${index}`,
  });
  return parsed.attachments
    .filter((_, index) => !shownInline.has(index))
    .map((attachment) => attachment.filename);
}
