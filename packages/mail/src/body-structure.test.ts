import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { attachmentNames, hasAttachments, relatedInlineIds } from './body-structure';

const text: MessageStructureObject = {
  part: '1',
  type: 'text/plain',
  parameters: { charset: 'utf-8' },
};
const html: MessageStructureObject = { part: '2', type: 'text/html' };

describe('hasAttachments', () => {
  it.each<[string, MessageStructureObject, boolean]>([
    ['a plain text message', { type: 'text/plain' }, false],
    // Dovecot reports `Content-Type: text` (no subtype) as "/": text/plain, RFC 2045 §5.2
    ['a Content-Type the server could not read', { type: '/', encoding: 'base64' }, false],
    [
      'multipart/alternative text and HTML',
      { type: 'multipart/alternative', childNodes: [text, html] },
      false,
    ],
    [
      'an attachment disposition',
      {
        type: 'multipart/mixed',
        childNodes: [
          text,
          {
            type: 'application/pdf',
            disposition: 'attachment',
            dispositionParameters: { filename: '报告.pdf' },
          },
        ],
      },
      true,
    ],
    [
      'a named part without disposition',
      {
        type: 'multipart/mixed',
        childNodes: [text, { type: 'application/zip', parameters: { name: 'a.zip' } }],
      },
      true,
    ],
    [
      'an inline cid image in multipart/related',
      {
        type: 'multipart/related',
        childNodes: [html, { type: 'image/png', id: '<logo@x>', disposition: 'inline' }],
      },
      false,
    ],
    [
      'a forwarded message',
      { type: 'multipart/mixed', childNodes: [text, { type: 'message/rfc822' }] },
      true,
    ],
    [
      'only a PGP signature',
      { type: 'multipart/signed', childNodes: [text, { type: 'application/pgp-signature' }] },
      false,
    ],
    [
      'a text attachment',
      {
        type: 'multipart/mixed',
        childNodes: [
          text,
          {
            type: 'text/csv',
            disposition: 'attachment',
            dispositionParameters: { filename: 'a.csv' },
          },
        ],
      },
      true,
    ],
  ])('answers for %s', (_, structure, expected) => {
    expect(hasAttachments(structure)).toBe(expected);
  });
});

describe('relatedInlineIds', () => {
  const image = (
    id: string,
    extra: Partial<MessageStructureObject> = {},
  ): MessageStructureObject => ({
    type: 'image/png',
    id: `<${id}>`,
    ...extra,
  });

  it('names the images of a multipart/related only the HTML can place', () => {
    const related: MessageStructureObject = {
      type: 'multipart/related',
      childNodes: [
        html,
        image('sig@d'),
        image('draft@d', { disposition: 'inline', dispositionParameters: { filename: 'd.png' } }),
        image('file@d', { disposition: 'attachment' }),
      ],
    };
    expect(relatedInlineIds(related)).toEqual(['sig@d', 'draft@d']);
  });

  it('names nothing outside a multipart/related', () => {
    expect(relatedInlineIds({ type: 'multipart/mixed', childNodes: [html, image('x@d')] })).toEqual(
      [],
    );
  });
});

describe('attachmentNames', () => {
  it('names the parts the paperclip counts, filename before name, in MIME order', () => {
    const mixed: MessageStructureObject = {
      type: 'multipart/mixed',
      childNodes: [
        {
          type: 'multipart/related',
          childNodes: [
            html,
            { type: 'image/png', id: '<logo@d>', parameters: { name: 'logo.png' } },
          ],
        },
        {
          type: 'application/pdf',
          disposition: 'attachment',
          dispositionParameters: { filename: '季度报告.pdf' },
          parameters: { name: 'other.pdf' },
        },
        { type: 'application/octet-stream', disposition: 'attachment' },
        { type: 'text/csv', parameters: { name: 'data.csv' } },
        { type: 'application/pgp-signature', parameters: { name: 'signature.asc' } },
        { type: 'message/rfc822', parameters: { name: 'fwd.eml' }, childNodes: [text] },
      ],
    };
    expect(attachmentNames(mixed)).toEqual(['季度报告.pdf', 'data.csv', 'fwd.eml']);
    expect(attachmentNames({ type: 'multipart/alternative', childNodes: [text, html] })).toEqual(
      [],
    );
  });
});
