/**
 * postal-mime with this product's charset decision (charset.ts): every inline text part is
 * decoded by decideBodyCharset before postal-mime assembles the body, so the reading pane
 * reads a part exactly as the list preview and the search index do. Also:
 * - `Content-Type: text` without a subtype is text/plain (RFC 2045 §5.2);
 * - message/rfc822 parts stay attachments (forwarded mail is a file, and its text is
 *   never mistaken for the outer message's);
 * - encoded words in file names are decoded by header-decode.ts (decodeNameWords).
 *
 * Hooks postal-mime 4's per-leaf step `collectNode` (not in its public types), the one
 * place where a part's decoded bytes and its labels meet before they become text.
 */
import PostalMime, { type Email } from 'postal-mime';
import { decideBodyCharset, declaredCharsets, decodeBytes } from './charset';
import { decodeEncodedWords } from './header-decode';

interface MimeNodeView {
  childNodes: MimeNodeView[];
  content: ArrayBuffer | null;
  contentType: {
    parsed: { value: string; params: Record<string, string> };
    multipart: string | false;
  };
  contentDisposition: { parsed: { value: string; params?: Record<string, string> } };
}

type CollectNode = (node: MimeNodeView, alternative: unknown, related: boolean) => Promise<void>;

const baseCollect = (PostalMime.prototype as unknown as { collectNode?: CollectNode }).collectNode;

/** Pure: a leaf's bytes re-encoded as UTF-8 under the decided charset (mutates the node). */
function decideLeaf(node: MimeNodeView, declared: readonly string[]): void {
  const type = node.contentType.parsed;
  if (type.value === 'text' || type.value === 'text/') type.value = 'text/plain';
  if (type.value !== 'text/plain' && type.value !== 'text/html') return;
  if (node.contentDisposition.parsed.value === 'attachment' || !node.content) return;
  const bytes = new Uint8Array(node.content);
  const charset = decideBodyCharset(bytes, type.params.charset, {
    html: type.value === 'text/html',
    declared,
  });
  const utf8 = new TextEncoder().encode(decodeBytes(bytes, charset));
  node.content = utf8.buffer.slice(utf8.byteOffset, utf8.byteOffset + utf8.byteLength);
  type.params.charset = 'utf-8';
}

/**
 * Decodes RFC 2047 words in a leaf's file name parameters ourselves (mutates the node):
 * adjacent words of one charset are joined as bytes first (header-decode.ts), so a name
 * split inside a GBK character across a padded word reads whole, which postal-mime's
 * word-by-word fallback does not.
 */
function decodeNameWords(node: MimeNodeView): void {
  for (const params of [node.contentDisposition.parsed.params, node.contentType.parsed.params]) {
    for (const key of ['filename', 'name']) {
      const value = params?.[key];
      if (params && value?.includes('=?')) params[key] = decodeEncodedWords(value);
    }
  }
}

class DecidingParser extends PostalMime {
  constructor(private readonly declared: readonly string[]) {
    super({ attachmentEncoding: 'arraybuffer', forceRfc822Attachments: true });
  }

  async collectNode(node: MimeNodeView, alternative: unknown, related: boolean): Promise<void> {
    if (!node.contentType.multipart) {
      decideLeaf(node, this.declared);
      decodeNameWords(node);
    }
    if (!baseCollect) throw new Error('postal-mime has no collectNode step');
    return baseCollect.call(this, node, alternative, related);
  }
}

/** Parses a message with postal-mime under the rules above. */
export function parseWithDecidedCharsets(raw: Buffer): Promise<Email> {
  return new DecidingParser(declaredCharsets(raw)).parse(raw);
}
