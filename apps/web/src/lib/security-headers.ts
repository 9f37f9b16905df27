/**
 * Response headers of every page and API answer (OWASP ASVS 4 §14.4).
 *
 * The Content-Security-Policy is a strict CSP (CSP3, "strict-dynamic"): a script runs
 * only if it carries this response's nonce or was loaded by one that does, so markup an
 * attacker slips into a page cannot run script; `unsafe-eval` only in development,
 * where React needs it. Styles may be inline because the mail frame's `srcdoc` document
 * inherits this policy and mail is styled inline (the frame's own CSP, mail-frame.ts,
 * still forbids every load). `frame-ancestors 'none'` forbids framing (clickjacking).
 * HSTS (RFC 6797) is sent only when the public URL is https: over plain http a browser
 * ignores it, and a local install must stay reachable over http.
 */
export interface SecurityHeaderOptions {
  /** base64 of ≥ 128 random bits, new for each response */
  nonce: string;
  /** the public URL (BETTER_AUTH_URL) is https */
  https: boolean;
  development: boolean;
}

/** RFC 6797 §6.1.1: one year, the preload lists' minimum; subdomains are the operator's call. */
const HSTS = 'max-age=31536000';

/** Powerful features the mail client never uses, refused for it and for any frame in it. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** The Content-Security-Policy value for one response. */
export function contentSecurityPolicy({ nonce, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // remote images only ever appear inside the mail frame, after the user allowed them
    // there (its own CSP decides); the image proxy will let this shrink to 'self'
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header of a response, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
