import { describe, expect, it } from 'vitest';
import { loopbackAliases } from './create-auth';

describe('loopbackAliases', () => {
  it('trusts 127.0.0.1 as well when the app is served as localhost', () => {
    expect(loopbackAliases('http://localhost:3000')).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
    ]);
  });

  it('trusts only the configured origin for a public host name', () => {
    expect(loopbackAliases('https://mail.example.com/')).toEqual(['https://mail.example.com']);
  });
});
