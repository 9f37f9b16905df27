import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const nonce = 'bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==';
const directives = (policy: string) =>
  new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('contentSecurityPolicy (CSP3 strict CSP)', () => {
  it("runs only scripts with this response's nonce: no 'unsafe-inline', no host allow-list", () => {
    const script = directives(
      contentSecurityPolicy({ nonce, https: false, development: false }),
    ).get('script-src');
    expect(script).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
  });

  it('allows eval only in development', () => {
    const dev = contentSecurityPolicy({ nonce, https: false, development: true });
    expect(directives(dev).get('script-src')).toContain("'unsafe-eval'");
  });

  it('forbids framing, plugins, base rewriting and foreign form targets', () => {
    const policy = directives(contentSecurityPolicy({ nonce, https: true, development: false }));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('securityHeaders', () => {
  it('sends HSTS (RFC 6797) when the public URL is https, and only then', () => {
    expect(securityHeaders({ nonce, https: true, development: false })).toMatchObject({
      'Strict-Transport-Security': 'max-age=31536000',
    });
    expect(
      securityHeaders({ nonce, https: false, development: false })['Strict-Transport-Security'],
    ).toBeUndefined();
  });

  it('refuses camera, microphone and location to the page and its frames', () => {
    const policy = securityHeaders({ nonce, https: false, development: false })[
      'Permissions-Policy'
    ];
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) {
      expect(policy).toContain(feature);
    }
  });
});
