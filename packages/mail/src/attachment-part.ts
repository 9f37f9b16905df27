/**
 * Which BODYSTRUCTURE part (RFC 3501 §7.4.2) holds an attachment the reading pane listed,
 * and whether it may be read at all, decided before a byte of it is fetched. Pure.
 */
import type { MessageStructureObject } from 'imapflow';

/** A leaf of the message's MIME tree as the server described it. */
export interface StructureLeaf {
  /** the section number for BODY[…] (RFC 3501 §6.4.5), e.g. "2" or "1.3" */
  part: string;
  /** type/subtype, lower case */
  type: string;
  /** filename disposition parameter, else the Content-Type name parameter (RFC 2183 §2.3) */
  filename: string | undefined;
  /** the part's size in its transfer encoding, octets */
  encodedSize: number;
  encoding: string;
}

/** An attachment as the reading pane listed it (message_body.attachments). */
export interface ListedAttachment {
  index: number;
  filename: string;
  contentType: string;
  /** decoded size, octets */
  size: number;
}

export type AttachmentRead =
  | { type: 'stream'; part: string; size: number; reason: string }
  | { type: 'too-large'; size: number; reason: string }
  | { type: 'parse-whole'; reason: string };

/**
 * The leaves of a BODYSTRUCTURE, depth first, in the order a MIME parser meets them. A
 * message/rfc822 part is one leaf (forwarded mail is served as one file), not descended.
 */
export function structureLeaves(node: MessageStructureObject): StructureLeaf[] {
  const type = node.type.toLowerCase();
  if (node.childNodes?.length && type !== 'message/rfc822') {
    return node.childNodes.flatMap(structureLeaves);
  }
  if (!node.part) return [];
  return [
    {
      part: node.part,
      type,
      filename: node.dispositionParameters?.filename ?? node.parameters?.name,
      encodedSize: node.size ?? 0,
      encoding: (node.encoding ?? '7bit').toLowerCase(),
    },
  ];
}

/**
 * Decides how to read attachment `index` of `listed` (the pane's list, built by the full
 * parser): stream the one leaf with the same file name and type — the n-th such leaf for
 * the n-th such listed attachment — or, when no leaf matches unambiguously (an unnamed
 * part, a name the server decoded differently), parse the whole message as before.
 * Too large when the decoded size is above `maxBytes`: the listed size, or what the
 * server's encoded size implies at least (decodedAtLeast) when that is more.
 */
export function decideAttachmentRead(options: {
  leaves: StructureLeaf[];
  listed: ListedAttachment[];
  index: number;
  maxBytes: number;
}): AttachmentRead {
  const { leaves, listed, index, maxBytes } = options;
  const wanted = listed.find((entry) => entry.index === index);
  if (!wanted) return { type: 'parse-whole', reason: 'the attachment is not in the listed ones' };
  const same = (entry: { filename: string | undefined; type: string }) =>
    entry.filename === wanted.filename && entry.type === wanted.contentType.toLowerCase();
  const ordinal = listed.filter(
    (entry) =>
      entry.index < index &&
      same({ filename: entry.filename, type: entry.contentType.toLowerCase() }),
  ).length;
  const candidates = leaves.filter(same);
  const listedAlike = listed.filter((entry) =>
    same({ filename: entry.filename, type: entry.contentType.toLowerCase() }),
  ).length;
  const leaf = candidates[ordinal];
  if (!leaf || candidates.length !== listedAlike) {
    return { type: 'parse-whole', reason: 'no part of the structure matches by name and type' };
  }
  const size = Math.max(wanted.size, decodedAtLeast(leaf));
  if (size > maxBytes) {
    return { type: 'too-large', size: Math.round(size), reason: 'above the download limit' };
  }
  return { type: 'stream', part: leaf.part, size: wanted.size, reason: 'the part matches' };
}

/**
 * The fewest octets a part of this encoded size decodes to: base64 lines of at most 76
 * characters plus CRLF carry 57 octets in 78 (RFC 2045 §6.8); quoted-printable at worst
 * 1 in 3 (=XX, §6.7); other encodings are the octets themselves.
 */
function decodedAtLeast(leaf: StructureLeaf): number {
  if (leaf.encoding === 'base64') return Math.floor((leaf.encodedSize * 57) / 78);
  if (leaf.encoding === 'quoted-printable') return Math.floor(leaf.encodedSize / 3);
  return leaf.encodedSize;
}
