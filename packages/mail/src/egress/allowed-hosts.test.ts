import { describe, expect, it } from 'vitest';
import { isAllowedMailHost, normalizeHost, parseAllowedMailHosts } from './allowed-hosts';

describe('parseAllowedMailHosts', () => {
  it('reads host names, host:port, IPv4 and bracketed or bare IPv6 literals', () => {
    expect(
      parseAllowedMailHosts(
        ' 127.0.0.1, Mail.Corp.Example. ,relay.corp.example:587,[::1]:993,[fd00::25],fd00::26,,',
      ),
    ).toEqual([
      { host: '127.0.0.1', port: null },
      { host: 'mail.corp.example', port: null },
      { host: 'relay.corp.example', port: 587 },
      { host: '::1', port: 993 },
      { host: 'fd00::25', port: null },
      { host: 'fd00::26', port: null },
    ]);
  });

  it('is empty when the variable is unset or blank', () => {
    expect(parseAllowedMailHosts(undefined)).toEqual([]);
    expect(parseAllowedMailHosts(' , ')).toEqual([]);
  });

  it.each([['relay:smtp'], ['relay:0'], ['relay:70000'], ['[::1]:x'], [':25']])(
    'refuses the malformed entry %j, naming it',
    (entry) => {
      expect(() => parseAllowedMailHosts(`ok.example,${entry}`)).toThrow(entry);
    },
  );
});

describe('isAllowedMailHost', () => {
  const allowed = parseAllowedMailHosts('127.0.0.1,relay.corp.example:587,[::1]:993');

  it('allows every port of a host listed without one', () => {
    expect(isAllowedMailHost(allowed, '127.0.0.1', 31993)).toBe(true);
    expect(isAllowedMailHost(allowed, '127.0.0.1', 25)).toBe(true);
  });

  it('allows only the listed port of a host:port entry', () => {
    expect(isAllowedMailHost(allowed, 'Relay.Corp.Example.', 587)).toBe(true);
    expect(isAllowedMailHost(allowed, 'relay.corp.example', 25)).toBe(false);
    expect(isAllowedMailHost(allowed, '[::1]', 993)).toBe(true);
    expect(isAllowedMailHost(allowed, '::1', 143)).toBe(false);
  });

  it('matches the name as given, not other names of the same address', () => {
    expect(isAllowedMailHost(allowed, 'localhost', 993)).toBe(false);
    expect(isAllowedMailHost(allowed, '127.0.0.2', 993)).toBe(false);
  });

  it('allows nothing when the list is empty', () => {
    expect(isAllowedMailHost([], 'imap.qq.com', 993)).toBe(false);
  });
});

describe('normalizeHost', () => {
  it('lower-cases, unbrackets and drops the root dot', () => {
    expect(normalizeHost(' [FE80::1] ')).toBe('fe80::1');
    expect(normalizeHost('IMAP.QQ.COM.')).toBe('imap.qq.com');
  });
});
