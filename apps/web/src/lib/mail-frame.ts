/**
 * The document shown in the reading pane's `<iframe sandbox="" srcdoc>`. The sandbox
 * (no allow-scripts, no allow-same-origin) already stops scripts and cookie access; the
 * CSP inside stops what a sandbox does not: loads from remote hosts (tracking pixels) and
 * any other fetch. Images come from data:, the attachment route (cid:) and — once the
 * user asked for images — the product's image proxy; never from the sender's host, so a
 * remote URL the sanitizer missed still cannot load (CSP Level 3 §6.1.6 img-src).
 */
export function mailFrameDocument(options: {
  html: string;
  /** origin of Youjian itself, for attachment (cid:) images */
  appOrigin: string;
  allowRemoteImages: boolean;
}): string {
  const imageSources = ['data:', `${options.appOrigin}/api/attachments/`];
  if (options.allowRemoteImages) imageSources.push(`${options.appOrigin}/api/image-proxy`);
  const policy = [
    "default-src 'none'",
    `img-src ${imageSources.join(' ')}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<base target="_blank">',
    `<style>${FRAME_STYLE}</style>`,
    `</head><body>${options.html}</body></html>`,
  ].join('');
}

const FRAME_STYLE = [
  'body{margin:0;padding:16px;font:15px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2328;word-wrap:break-word}',
  'img{max-width:100%;height:auto}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 8px;padding-left:12px;border-left:3px solid #d0d7de;color:#57606a}',
  // a search's words (highlight-html.ts), as the list marks them (mail-list.css)
  'mark{background:#fde68a;color:inherit;border-radius:2px}',
].join('');
