/**
 * Mail HTML made safe to show in a sandboxed iframe: formatting survives (tables, fonts,
 * inline styles without url()/expression()/fixed positioning); scripts, frames, forms,
 * event handlers and dangerous URLs do not; remote images are held back until the user
 * allows them, because loading them tells the sender the mail was read.
 */
import sanitizeHtml from 'sanitize-html';
import type { SanitizedHtml } from './types';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img',
  'font',
  'center',
  'span',
  'div',
  'u',
  's',
  'strike',
  'small',
  'big',
  'sub',
  'sup',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'col',
  'colgroup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'address',
  'ins',
  'del',
];

const COMMON_ATTRIBUTES = [
  'style',
  'class',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
  'color',
  'border',
  'cellpadding',
  'cellspacing',
  'dir',
  'lang',
  'title',
  'colspan',
  'rowspan',
  'face',
  'size',
  'background',
  'data-blocked-background',
];

/** Content of these is never shown as text either (raw-text and metadata elements). */
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'title',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'head',
];

const REMOTE_URL = /^\s*https?:\/\//i;
const SAFE_IMAGE_DATA = /^\s*data:image\/(png|gif|jpe?g|webp|bmp);/i;

/**
 * Pure: keeps only harmless declarations of an inline style attribute. CSS escapes and
 * comments are refused outright since they can spell "url(" or "expression(" in disguise.
 */
export function filterInlineStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => {
      if (!declaration.includes(':')) return false;
      const lower = declaration.toLowerCase();
      if (
        /[\\]|\/\*|url\s*\(|expression\s*\(|javascript:|vbscript:|@import|behavior\s*:|-moz-binding/.test(
          lower,
        )
      ) {
        return false;
      }
      return !/^position\s*:\s*(fixed|sticky)/.test(lower);
    })
    .join('; ');
}

export function sanitizeMailHtml(
  html: string,
  opts: { allowRemoteImages: boolean; cidUrl?: (cid: string) => string | null },
): SanitizedHtml {
  let hasRemoteImages = false;

  /** Shared by every tag: inline style filter and the legacy background attribute. */
  const transformAny = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const next: sanitizeHtml.Attributes = { ...attribs };
    if (next.style !== undefined) {
      const filtered = filterInlineStyle(next.style);
      if (filtered) next.style = filtered;
      else delete next.style;
    }
    if (next.background !== undefined) {
      const background = next.background;
      delete next.background;
      if (REMOTE_URL.test(background)) {
        hasRemoteImages = true;
        if (opts.allowRemoteImages) next.background = background;
        else next['data-blocked-background'] = background;
      }
    }
    return { tagName, attribs: next };
  };

  const transformImage = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const { attribs: next } = transformAny(tagName, attribs);
    const src = next.src ?? '';
    delete next.src;
    if (REMOTE_URL.test(src)) {
      hasRemoteImages = true;
      if (opts.allowRemoteImages) next.src = src;
      else next['data-blocked-src'] = src;
    } else if (/^\s*cid:/i.test(src)) {
      const url = opts.cidUrl?.(src.trim().slice(4).replace(/^<|>$/g, ''));
      if (url) next.src = url;
    } else if (SAFE_IMAGE_DATA.test(src)) {
      next.src = src;
    }
    if (next.srcset !== undefined) {
      const srcset = next.srcset;
      delete next.srcset;
      if (/https?:\/\//i.test(srcset)) {
        hasRemoteImages = true;
        if (opts.allowRemoteImages) next.srcset = srcset;
        else next['data-blocked-srcset'] = srcset;
      }
    }
    return { tagName, attribs: next };
  };

  const sanitized = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': COMMON_ATTRIBUTES,
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'srcset', 'alt', 'width', 'height', 'data-blocked-src', 'data-blocked-srcset'],
      table: ['summary'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    // Parsed here, not by sanitize-html: its allowedStyles needs a whitelist per property.
    parseStyleAttributes: false,
    transformTags: {
      '*': transformAny,
      img: transformImage,
      a: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...transformAny(tagName, attribs).attribs,
          target: '_blank',
          rel: 'noopener noreferrer',
        },
      }),
    },
  });
  return { html: sanitized, hasRemoteImages };
}
