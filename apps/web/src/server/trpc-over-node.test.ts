import { describe, expect, it } from 'vitest';
import { isTrpcPath, shouldGzip } from './trpc-over-node';

describe('isTrpcPath', () => {
  it('takes the tRPC endpoint and nothing beside it', () => {
    expect(isTrpcPath('/api/trpc/messages.list?input=%7B%7D')).toBe(true);
    expect(isTrpcPath('/api/trpc/accounts.list,preferences.get?batch=1')).toBe(true);
    expect(isTrpcPath('/api/trpcx/messages.list')).toBe(false);
    expect(isTrpcPath('/api/auth/get-session')).toBe(false);
    expect(isTrpcPath('/')).toBe(false);
    expect(isTrpcPath(undefined)).toBe(false);
  });
});

describe('shouldGzip (RFC 9110 §12.5.3)', () => {
  it('gzips JSON for a client that accepts gzip', () => {
    expect(shouldGzip('application/json', 'gzip, deflate, br, zstd')).toBe(true);
    expect(shouldGzip('application/json', 'br;q=1.0, GZIP;q=0.5')).toBe(true);
  });

  it('sends plain bytes when gzip is not accepted or refused with q=0', () => {
    expect(shouldGzip('application/json', undefined)).toBe(false);
    expect(shouldGzip('application/json', 'identity')).toBe(false);
    expect(shouldGzip('application/json', 'gzip;q=0')).toBe(false);
    expect(shouldGzip('application/json', 'gzip; q=0.000, deflate')).toBe(false);
    expect(shouldGzip('application/json', 'x-gzip')).toBe(false);
  });

  it('never buffers a live event stream behind a compressor', () => {
    expect(shouldGzip('text/event-stream', 'gzip')).toBe(false);
    expect(shouldGzip('text/event-stream; charset=utf-8', 'gzip')).toBe(false);
  });
});
