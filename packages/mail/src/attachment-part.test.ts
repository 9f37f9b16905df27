import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { decideAttachmentRead, structureLeaves } from './attachment-part';

const structure: MessageStructureObject = {
  type: 'multipart/mixed',
  childNodes: [
    { part: '1', type: 'text/plain', size: 20, encoding: '7bit' },
    {
      part: '2',
      type: 'application/pdf',
      size: 4_000,
      encoding: 'base64',
      disposition: 'attachment',
      dispositionParameters: { filename: '季度报告.pdf' },
    },
    { part: '3', type: 'image/png', size: 400, encoding: 'base64', parameters: { name: 'a.png' } },
    { part: '4', type: 'image/png', size: 800, encoding: 'base64', parameters: { name: 'a.png' } },
    {
      part: '5',
      type: 'message/rfc822',
      size: 900,
      childNodes: [{ part: '5.1', type: 'text/plain' }],
    },
  ],
};
const leaves = structureLeaves(structure);
const listed = [
  { index: 0, filename: '季度报告.pdf', contentType: 'application/pdf', size: 2_900 },
  { index: 1, filename: 'a.png', contentType: 'image/png', size: 290 },
  { index: 2, filename: 'a.png', contentType: 'image/png', size: 580 },
  { index: 3, filename: 'Fwd.eml', contentType: 'message/rfc822', size: 900 },
];

describe('reading one attachment from the BODYSTRUCTURE (RFC 3501 §7.4.2)', () => {
  it('lists leaves depth first and keeps a forwarded message whole', () => {
    expect(leaves.map((leaf) => leaf.part)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('streams the part with the listed file name and type', () => {
    expect(decideAttachmentRead({ leaves, listed, index: 0, maxBytes: 10_000 })).toMatchObject({
      type: 'stream',
      part: '2',
    });
  });

  it('takes the n-th part of that name for the n-th listed attachment of that name', () => {
    expect(decideAttachmentRead({ leaves, listed, index: 2, maxBytes: 10_000 })).toMatchObject({
      type: 'stream',
      part: '4',
    });
  });

  it('parses the whole message when no part matches (an unnamed forwarded message)', () => {
    expect(decideAttachmentRead({ leaves, listed, index: 3, maxBytes: 10_000 }).type).toBe(
      'parse-whole',
    );
  });

  it('refuses a part above the limit before reading it', () => {
    expect(decideAttachmentRead({ leaves, listed, index: 0, maxBytes: 2_000 })).toMatchObject({
      type: 'too-large',
    });
  });

  it('refuses by the encoded size when the listed size understates it (base64: 57 in 78)', () => {
    const understated = listed.map((entry) => (entry.index === 0 ? { ...entry, size: 10 } : entry));
    expect(
      decideAttachmentRead({ leaves, listed: understated, index: 0, maxBytes: 2_900 }),
    ).toMatchObject({ type: 'too-large', size: 2_923 });
  });
});
