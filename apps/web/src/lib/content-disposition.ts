/**
 * `Content-Disposition: attachment` with the filename in both forms of RFC 6266 §4.3:
 * an ASCII fallback in `filename` and the exact UTF-8 name in `filename*` (RFC 8187),
 * so 季度报告.pdf downloads under its own name.
 */
export function attachmentDisposition(filename: string): string {
  const name = filename.replace(/[\r\n"\\/]/g, '_').trim() || 'attachment';
  const fallback = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

function encodeRfc8187(value: string): string {
  // attr-char of RFC 8187 §3.2.1; everything else percent-encoded as UTF-8
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
