/**
 * Mail HTML made safe to show in a sandboxed iframe: formatting survives (tables, fonts,
 * inline styles without url()/expression()/fixed positioning); scripts, frames, forms,
 * event handlers and dangerous URLs do not; remote images are held back until the user
 * allows them, because loading them tells the sender the mail was read.
 */
import postcss from 'postcss';
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
 * CSS functions that draw with what the declaration itself says and never fetch. Every
 * other function is refused: url(), src(), image-set(), -webkit-image-set(), image(),
 * cross-fade(), element(), paint(), expression() and whatever a browser adds next, since
 * the CSS Images 4 and Values 4 drafts keep adding url-bearing functions (an allow-list
 * cannot fall behind that way).
 */
const SAFE_CSS_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'linear-gradient',
  'radial-gradient',
  'conic-gradient',
  'repeating-linear-gradient',
  'repeating-radial-gradient',
  'repeating-conic-gradient',
  'translate',
  'translatex',
  'translatey',
  'rotate',
  'scale',
  'scalex',
  'scaley',
  'skew',
  'skewx',
  'skewy',
  'matrix',
  'cubic-bezier',
  'steps',
]);

const CSS_FUNCTION = /([-\w]*)\s*\(/g;

/** Pure: whether one declaration (property and value as the CSS parser split them) is harmless. */
function isHarmlessDeclaration(prop: string, value: string): boolean {
  const property = prop.toLowerCase();
  const lower = value.toLowerCase();
  if (!/^-?-?[a-z][-a-z0-9]*$/.test(property)) return false;
  if (property === 'behavior' || property === '-moz-binding') return false;
  if (property === 'position' && /\b(fixed|sticky)\b/.test(lower)) return false;
  // escapes and comments can spell any function name in disguise (u\72l( is url()
  if (/[\\]|\/\*|@|<|javascript:|vbscript:/.test(lower)) return false;
  for (const [, name = ''] of lower.matchAll(CSS_FUNCTION)) {
    // a bare "(" only groups inside calc(); any named function must be on the list
    if (name !== '' && !SAFE_CSS_FUNCTIONS.has(name)) return false;
  }
  return true;
}

/**
 * Pure: keeps only harmless declarations of an inline style attribute, as
 * `prop: value[ !important]` joined by "; ". The attribute is split by a real CSS parser
 * (PostCSS), so a quoted string cannot split a declaration (`font-family:'x;background:
 * url(…)'` stays one string value) and a style that does not parse is dropped whole.
 * Declarations that could fetch anything — any CSS function outside SAFE_CSS_FUNCTIONS,
 * escapes, comments — are removed, as are fixed or sticky overlays. Returns "" when
 * nothing is left; never throws.
 */
export function filterInlineStyle(style: string): string {
  let root: postcss.Root;
  try {
    root = postcss.parse(style);
  } catch {
    return '';
  }
  const kept: string[] = [];
  for (const node of root.nodes) {
    if (node.type === 'comment') continue;
    // a rule or at-rule inside a style attribute is an attempt, not formatting
    if (node.type !== 'decl') return '';
    if (!isHarmlessDeclaration(node.prop, node.value)) continue;
    kept.push(`${node.prop}: ${node.value}${node.important ? ' !important' : ''}`);
  }
  return kept.join('; ');
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
