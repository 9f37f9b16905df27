import { describe, expect, it } from 'vitest';
import { listedAttachmentCount } from './inline-images';
import type { ParsedAttachment } from './types';

const part = (contentId: string | null, filename: string): ParsedAttachment => ({
  filename,
  contentType: 'image/png',
  size: 1,
  content: new Uint8Array([0]),
  contentId,
  disposition: 'inline',
});

describe('listedAttachmentCount', () => {
  it('lists the parts the HTML does not show through cid: (RFC 2392)', () => {
    const attachments = [
      part('sig@d', 'sig.png'),
      part('draft@d', 'draft.png'),
      part(null, 'a.pdf'),
    ];
    expect(listedAttachmentCount({ html: '<img src="cid:sig@d"><p>x</p>', attachments })).toBe(2);
    expect(listedAttachmentCount({ html: null, attachments })).toBe(3);
  });
});
