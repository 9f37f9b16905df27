import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';

const none = parseTrustedProxies('');
const proxies = parseTrustedProxies('10.0.0.5, 10.1.0.0/16, fd00::/8');

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(
      clientAddress({
        socketAddress: '198.51.100.7',
        forwardedFor: '1.2.3.4',
        trustedProxies: none,
      }),
    ).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', () => {
    expect(
      clientAddress({
        socketAddress: '198.51.100.7',
        forwardedFor: '1.2.3.4',
        trustedProxies: proxies,
      }),
    ).toBe('198.51.100.7');
  });

  it('takes the address the trusted proxy appended, not what the client wrote before it', () => {
    expect(
      clientAddress({
        socketAddress: '10.0.0.5',
        forwardedFor: '6.6.6.6, 203.0.113.9',
        trustedProxies: proxies,
      }),
    ).toBe('203.0.113.9');
  });

  it('walks through a chain of trusted proxies', () => {
    expect(
      clientAddress({
        socketAddress: '::ffff:10.0.0.5',
        forwardedFor: '203.0.113.9, 10.1.2.3',
        trustedProxies: proxies,
      }),
    ).toBe('203.0.113.9');
  });

  it('stops at a malformed hop, keeping the last address it can vouch for', () => {
    expect(
      clientAddress({
        socketAddress: '10.0.0.5',
        forwardedFor: 'evil, 10.1.2.3',
        trustedProxies: proxies,
      }),
    ).toBe('10.1.2.3');
  });

  it('understands IPv6 ranges', () => {
    expect(
      clientAddress({
        socketAddress: 'fd00::1',
        forwardedFor: '2001:db8::7',
        trustedProxies: proxies,
      }),
    ).toBe('2001:db8::7');
  });
});

describe('parseTrustedProxies', () => {
  it.each(['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', 'fd00::/129'])(
    'refuses %s with the variable named',
    (entry) => {
      expect(() => parseTrustedProxies(entry)).toThrow(/YOUJIAN_TRUSTED_PROXIES/);
    },
  );
});
