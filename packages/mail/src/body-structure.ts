/**
 * Whether a message has attachments, from BODYSTRUCTURE alone (RFC 3501 §7.4.2), so the
 * list can show a paperclip without downloading bodies.
 */
import type { MessageStructureObject } from 'imapflow';

/** Signature parts (RFC 3156, RFC 8551) are not something a reader would call an attachment. */
const SIGNATURE_TYPES = new Set([
  'application/pgp-signature',
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
]);

function isAttachmentPart(node: MessageStructureObject, insideRelated: boolean): boolean {
  const type = node.type.toLowerCase();
  if (SIGNATURE_TYPES.has(type)) return false;
  const disposition = node.disposition?.toLowerCase();
  if (disposition === 'attachment') return true;
  const named = Boolean(node.dispositionParameters?.filename || node.parameters?.name);
  // RFC 2387: a part referenced by Content-ID from the HTML is an inline image, not a file.
  if (insideRelated && node.id && disposition !== 'attachment') return false;
  if (type === 'message/rfc822') return true;
  // a Content-Type without a subtype, or one the server could not read (Dovecot reports
  // `text` as "/"), is text/plain (RFC 2045 §5.2)
  if (type.startsWith('text/') || type === 'text' || type === '/' || type === '') {
    return named && disposition !== 'inline';
  }
  return named || disposition !== 'inline';
}

/** Whether the message has a part a reader would call an attachment (the paperclip). */
export function hasAttachments(node: MessageStructureObject | undefined): boolean {
  return attachmentParts(node).length > 0;
}

/**
 * Pure: the file names of the parts hasAttachments counts, in MIME order, so the list's
 * paperclip and a `filename:` search agree. imapflow has already decoded RFC 2231
 * (filename*, continuations) and RFC 2047 names; an unnamed attachment gives no name.
 */
export function attachmentNames(node: MessageStructureObject | undefined): string[] {
  return attachmentParts(node)
    .map((part) => part.dispositionParameters?.filename || part.parameters?.name || '')
    .filter((name) => name !== '');
}

function attachmentParts(
  node: MessageStructureObject | undefined,
  insideRelated = false,
): MessageStructureObject[] {
  if (!node) return [];
  // a forwarded message is one file, whatever it holds (imapflow gives it child nodes)
  const type = node.type.toLowerCase();
  if (type === 'message/rfc822' || type === 'message/global') return [node];
  if (node.childNodes?.length || type.startsWith('multipart/')) {
    const related = type === 'multipart/related';
    return (node.childNodes ?? []).flatMap((child) => attachmentParts(child, related));
  }
  return isAttachmentPart(node, insideRelated) ? [node] : [];
}

/**
 * Pure: the Content-IDs (without angle brackets) of parts that hasAttachments left out of
 * the paperclip only because they sit in a multipart/related with a Content-ID: shown in
 * place when the HTML uses them through cid:, attachments when it does not — which only
 * the HTML can tell (the body index reads it, body-index.ts).
 */
export function relatedInlineIds(
  node: MessageStructureObject | undefined,
  insideRelated = false,
): string[] {
  if (!node) return [];
  const type = node.type.toLowerCase();
  if (type === 'message/rfc822' || type === 'message/global') return [];
  if (node.childNodes?.length || type.startsWith('multipart/')) {
    const related = type === 'multipart/related';
    return (node.childNodes ?? []).flatMap((child) => relatedInlineIds(child, related));
  }
  if (!insideRelated || !node.id || !isAttachmentPart(node, false)) return [];
  return isAttachmentPart(node, true) ? [] : [node.id.replace(/^<|>$/g, '')];
}
