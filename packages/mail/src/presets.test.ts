import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEndpointOverrides } from './env';
import { getPreset, PROVIDER_PRESETS, presetForAddress, resolveEndpoints } from './presets';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('presets', () => {
  it('points QQ Mail at imap.qq.com:993 and smtp.qq.com:465 over TLS', () => {
    const qq = getPreset('qq');
    expect(qq.domains).toEqual(['qq.com', 'foxmail.com']);
    expect(qq.imap).toEqual({ host: 'imap.qq.com', port: 993, security: 'tls' });
    expect(qq.smtp).toEqual({ host: 'smtp.qq.com', port: 465, security: 'tls' });
    expect(qq.sentCopy).toBe('unknown');
    expect(qq.authCodeHelp).toContain('生成授权码');
  });

  it.each([
    ['163', 'imap.163.com', 'smtp.163.com'],
    ['126', 'imap.126.com', 'smtp.126.com'],
    ['yeah', 'imap.yeah.net', 'smtp.yeah.net'],
  ] as const)(
    'points NetEase %s at its own hosts and explains the 授权码',
    (id, imapHost, smtpHost) => {
      const preset = getPreset(id);
      expect(preset.imap).toEqual({ host: imapHost, port: 993, security: 'tls' });
      expect(preset.smtp).toEqual({ host: smtpHost, port: 465, security: 'tls' });
      expect(preset.authCodeHelp).toContain('POP3/SMTP/IMAP');
      expect(preset.sentCopy).toBe('unknown');
    },
  );

  it('leaves custom without endpoints and APPENDs to Sent itself', () => {
    const custom = getPreset('custom');
    expect(custom.imap).toBeUndefined();
    expect(custom.sentCopy).toBe('never');
    expect(PROVIDER_PRESETS.map((preset) => preset.id)).toEqual([
      'qq',
      '163',
      '126',
      'yeah',
      'custom',
    ]);
  });

  it('finds the preset of an address by domain', () => {
    expect(presetForAddress('someone@Foxmail.com')?.id).toBe('qq');
    expect(presetForAddress('someone@yeah.net')?.id).toBe('yeah');
    expect(presetForAddress('someone@example.org')).toBeNull();
  });
});

describe('resolveEndpoints', () => {
  it('uses the real provider endpoints without an override', () => {
    vi.stubEnv('YOUJIAN_PROVIDER_ENDPOINTS', '');
    expect(resolveEndpoints('163').imap).toEqual({
      host: 'imap.163.com',
      port: 993,
      security: 'tls',
    });
  });

  it('applies YOUJIAN_PROVIDER_ENDPOINTS to the preset it names', () => {
    vi.stubEnv(
      'YOUJIAN_PROVIDER_ENDPOINTS',
      JSON.stringify({
        qq: {
          imap: { host: '127.0.0.1', port: 32993, security: 'tls' },
          smtp: { host: '127.0.0.1', port: 31465, security: 'tls' },
        },
      }),
    );
    expect(resolveEndpoints('qq')).toEqual({
      imap: { host: '127.0.0.1', port: 32993, security: 'tls' },
      smtp: { host: '127.0.0.1', port: 31465, security: 'tls' },
    });
    expect(resolveEndpoints('126').imap?.host).toBe('imap.126.com');
  });

  it('returns what the user typed for custom', () => {
    const custom = {
      imap: { host: 'mail.example.org', port: 143, security: 'starttls' as const },
      smtp: { host: 'mail.example.org', port: 587, security: 'starttls' as const },
    };
    expect(resolveEndpoints('custom', custom)).toEqual(custom);
    expect(() => resolveEndpoints('custom')).toThrow(/custom provider needs/);
  });

  it('rejects a malformed override instead of connecting somewhere unexpected', () => {
    expect(() => parseEndpointOverrides('{"qq":{"imap":{"host":"x","port":"993"}}}')).toThrow(
      /qq\.imap needs host, port and security/,
    );
    expect(() => parseEndpointOverrides('[1]')).toThrow(/JSON object/);
  });
});
