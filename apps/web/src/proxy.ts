import { type NextRequest, NextResponse } from 'next/server';
import { readSurfaceEnv } from './env';
import { securityHeaders } from './lib/security-headers';

/**
 * Next.js 16 proxy (formerly middleware): a fresh CSP nonce for every request, handed to
 * the renderer in the request's Content-Security-Policy header (Next.js puts it on its own
 * scripts) and sent with the response together with the other security headers.
 */
let surfaceEnv: ReturnType<typeof readSurfaceEnv> | undefined;

export function proxy(request: NextRequest) {
  // read once: the environment does not change while the process runs
  surfaceEnv ??= readSurfaceEnv();
  const env = surfaceEnv;
  // 128 random bits (CSP3 §7.1 asks for at least that much entropy)
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({ nonce, https: env.https, development: env.development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // everything but Next's own hashed static files, which run no policy of their own, and
  // compose uploads: for a path the proxy runs on, Next.js copies the request body into
  // memory and cuts it at 10 MB (proxyClientMaxBodySize); the upload answers JSON only
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/compose-files).*)' }],
};
