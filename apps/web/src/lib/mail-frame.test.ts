import { describe, expect, it } from 'vitest';
import { mailFrameDocument } from './mail-frame';

const policyOf = (document: string) =>
  /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(document)?.[1] ?? '';

describe('mailFrameDocument', () => {
  it('blocks scripts and remote images by default, allowing data: and attachment URLs', () => {
    const policy = policyOf(
      mailFrameDocument({
        html: '<p>你好</p>',
        appOrigin: 'http://localhost:3000',
        allowRemoteImages: false,
      }),
    );
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data: http://localhost:3000/api/attachments/');
    expect(policy).not.toContain('script-src');
    expect(policy).not.toMatch(/https:/);
  });

  it('allows remote images only through the image proxy, once the user asked to show them', () => {
    const policy = policyOf(
      mailFrameDocument({ html: '', appOrigin: 'http://localhost:3000', allowRemoteImages: true }),
    );
    expect(policy).toContain(
      'img-src data: http://localhost:3000/api/attachments/ http://localhost:3000/api/image-proxy;',
    );
    expect(policy).not.toMatch(/https:|http:(?!\/\/localhost:3000)/);
  });

  it('refuses a <base> that would move relative URLs to another host', () => {
    const policy = policyOf(
      mailFrameDocument({ html: '', appOrigin: 'http://localhost:3000', allowRemoteImages: true }),
    );
    expect(policy).toContain("base-uri 'none'");
  });

  it('puts the policy before the message so it applies to all of it', () => {
    const document = mailFrameDocument({
      html: '<img src="https://tracker.example/p.gif">',
      appOrigin: 'http://localhost:3000',
      allowRemoteImages: false,
    });
    expect(document.indexOf('Content-Security-Policy')).toBeLessThan(document.indexOf('<img'));
  });
});
