import { describe, expect, it } from 'vitest';
import { parseAllowedMailHosts } from './allowed-hosts';
import { decideEgress, type EgressProtocol, MAIL_PORTS } from './egress-decision';

const none = parseAllowedMailHosts(undefined);
const localStack = parseAllowedMailHosts('127.0.0.1,relay.corp.example:25');

function decide(
  protocol: EgressProtocol,
  host: string,
  port: number,
  addresses: string[] | null,
  allowed = none,
) {
  return decideEgress({ protocol, host, port, addresses, allowed });
}

describe('decideEgress before resolving', () => {
  it.each([
    ['imap', 143],
    ['imap', 993],
    ['smtp', 25],
    ['smtp', 465],
    ['smtp', 587],
    ['smtp', 2525],
    ['pop3', 110],
    ['pop3', 995],
  ] as const)('asks to resolve a %s host on its mail port %i', (protocol, port) => {
    expect(decide(protocol, 'mail.example.com', port, null)).toEqual({
      type: 'resolve',
      reason: 'mail port',
    });
  });

  it.each([
    ['imap', 22],
    ['imap', 80],
    ['imap', 6379],
    ['imap', 465], // an SMTP port is not an IMAP port
    ['smtp', 993],
    ['smtp', 5432],
    ['smtp', 31025],
  ] as const)('refuses %s on port %i without any DNS query', (protocol, port) => {
    expect(decide(protocol, 'mail.example.com', port, null)).toEqual({
      type: 'refuse',
      reason: 'port',
      port,
    });
  });

  it('lets an allow-listed host use any port, and a host:port entry only its own', () => {
    expect(decide('imap', '127.0.0.1', 31993, null, localStack).type).toBe('resolve');
    expect(decide('smtp', 'relay.corp.example', 25, null, localStack).type).toBe('resolve');
    expect(decide('smtp', 'relay.corp.example', 2526, null, localStack)).toMatchObject({
      type: 'refuse',
      reason: 'port',
    });
  });

  it('names every mail port in one table', () => {
    expect(MAIL_PORTS).toEqual({
      imap: [143, 993],
      smtp: [25, 465, 587, 2525],
      pop3: [110, 995],
    });
  });
});

describe('decideEgress after resolving', () => {
  it('connects to the first address of a host whose addresses are all public', () => {
    expect(decide('imap', 'imap.qq.com', 993, ['14.18.175.154', '2408:8756:c52:1aec::1'])).toEqual({
      type: 'connect',
      address: '14.18.175.154',
      reason: 'public address',
    });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['10.0.0.5', 'private'],
    ['100.64.1.1', 'carrierGradeNat'],
    ['fd00::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['0.0.0.0', 'unspecified'],
  ])('refuses a host that resolves to %s (%s)', (address, addressClass) => {
    expect(decide('smtp', 'mail.example.com', 587, [address])).toEqual({
      type: 'refuse',
      reason: 'address',
      address,
      addressClass,
    });
  });

  it('refuses a name that resolves to a public AND a loopback address (DNS rebinding)', () => {
    expect(decide('imap', 'rebind.example', 993, ['93.184.215.14', '127.0.0.1'])).toMatchObject({
      type: 'refuse',
      reason: 'address',
      address: '127.0.0.1',
    });
  });

  it('connects an allow-listed host to its loopback or private address', () => {
    expect(decide('imap', '127.0.0.1', 31993, ['127.0.0.1'], localStack)).toEqual({
      type: 'connect',
      address: '127.0.0.1',
      reason: 'allow-listed',
    });
  });

  it('does not let an allow-listed address stand in for another name of it', () => {
    expect(decide('imap', 'localhost', 993, ['127.0.0.1'], localStack)).toMatchObject({
      type: 'refuse',
      reason: 'address',
    });
  });

  it('has no address to connect to when the resolver returned none', () => {
    expect(decide('imap', 'imap.qq.com', 993, [])).toEqual({
      type: 'refuse',
      reason: 'no address',
    });
  });
});
