import { describe, expect, it } from 'vitest';
import { addressClass } from './address-class';

describe('addressClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['fec0::1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:10.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['::ffff:7f00:1', 'ipv4Mapped'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['64:ff9b::a00:1', 'special'],
    ['2002:7f00:1::1', 'special'],
    ['2001::1', 'special'],
    ['198.18.0.1', 'reserved'],
    ['192.31.196.1', 'special'],
  ] as const)('refuses %s as %s', (address, expected) => {
    expect(addressClass(address)).toBe(expected);
  });

  it.each([
    ['14.18.175.154'], // imap.qq.com
    ['220.181.12.100'], // imap.163.com
    ['8.8.8.8'],
    ['172.32.0.1'], // just past 172.16.0.0/12
    ['100.128.0.1'], // just past 100.64.0.0/10
    ['2408:8756:c52:1aec::1'],
    ['2606:4700:4700::1111'],
  ])('accepts the public address %s', (address) => {
    expect(addressClass(address)).toBe('public');
  });

  it.each([['imap.qq.com'], [''], ['999.1.1.1'], ['[::1]']])(
    'calls %j invalid rather than guessing',
    (text) => {
      expect(addressClass(text)).toBe('invalid');
    },
  );
});
