import { describe, expect, it } from 'vitest';
import { parseAllowedMailHosts } from './allowed-hosts';
import { decideWebEgress } from './web-egress-decision';

const none = parseAllowedMailHosts(undefined);
const decide = (url: string, addresses: string[] | null, allowed = none) =>
  decideWebEgress({ url: new URL(url), allowed, addresses });

describe('decideWebEgress before resolving', () => {
  it('asks to resolve an http or https URL on its default port', () => {
    expect(decide('https://img.example.com/a.png', null)).toEqual({
      type: 'resolve',
      host: 'img.example.com',
      port: 443,
      reason: 'web port',
    });
    expect(decide('http://img.example.com/a.png', null)).toMatchObject({ port: 80 });
  });

  it.each([
    ['ftp://img.example.com/a.png', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://img.example.com:6379/_', 'scheme'],
    ['https://user:pw@img.example.com/a.png', 'credentials'],
    ['http://img.example.com:6379/a.png', 'port'],
    ['https://img.example.com:8443/a.png', 'port'],
  ])('refuses %s (%s) without any DNS query', (url, reason) => {
    expect(decide(url, null)).toEqual({ type: 'refuse', reason });
  });

  it('lets an allow-listed image host use another port', () => {
    const allowed = parseAllowedMailHosts('images.corp.example');
    expect(decide('http://images.corp.example:8080/a.png', null, allowed)).toMatchObject({
      type: 'resolve',
      reason: 'allow-listed',
    });
  });
});

describe('decideWebEgress after resolving', () => {
  it('connects to the first address when every address is public', () => {
    expect(decide('https://img.example.com/a.png', ['93.184.215.14', '2606:4700::1'])).toEqual({
      type: 'connect',
      address: '93.184.215.14',
      reason: 'public address',
    });
  });

  it('refuses a name that resolves to a public and a private address (rebinding)', () => {
    expect(decide('https://img.example.com/a.png', ['93.184.215.14', '10.0.0.8'])).toMatchObject({
      type: 'refuse',
      reason: 'address',
      addressClass: 'private',
    });
  });

  it('refuses the metadata endpoint by literal', () => {
    expect(decide('http://169.254.169.254/latest/meta-data/', ['169.254.169.254'])).toMatchObject({
      type: 'refuse',
      addressClass: 'linkLocal',
    });
  });

  it('has nothing to connect to without an address', () => {
    expect(decide('https://img.example.com/a.png', [])).toEqual({
      type: 'refuse',
      reason: 'no address',
    });
  });
});
