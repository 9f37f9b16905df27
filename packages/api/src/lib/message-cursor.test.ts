import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor } from './message-cursor';

describe('message cursor', () => {
  it('round-trips a Postgres timestamp with microseconds and the id', () => {
    const cursor = {
      receivedAt: '2024-05-01 12:34:56.123456+00',
      id: '0b6f1c52-8f7e-4d5b-9a65-2f0c9d7e8a11',
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('is opaque URL-safe text', () => {
    const encoded = encodeCursor({
      receivedAt: '2024-05-01 12:34:56+08',
      id: '0b6f1c52-8f7e-4d5b-9a65-2f0c9d7e8a11',
    });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects a date Postgres would not read instead of failing in SQL', () => {
    const id = '0b6f1c52-8f7e-4d5b-9a65-2f0c9d7e8a11';
    for (const receivedAt of ['1 2024', 'March 1, 2024', '2024-03-01T08:00:00Z; drop']) {
      expect(() => decodeCursor(encodeCursor({ receivedAt, id }))).toThrow(AppError);
    }
  });

  it('rejects a tampered cursor with a user-facing message', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor({ receivedAt: 'yesterday', id: 'x' }))).toThrow(
      /list position/,
    );
  });
});
