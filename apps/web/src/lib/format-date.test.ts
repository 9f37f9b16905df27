import { describe, expect, it } from 'vitest';
import { formatFullDate, formatListDate } from './format-date';

const now = new Date('2026-11-30T05:00:00Z'); // 13:00 on 30 November in Shanghai

describe('formatListDate', () => {
  it('shows only the time for mail from today', () => {
    const date = new Date('2026-11-30T01:05:00Z');
    expect(formatListDate(date, { locale: 'en', timeZone: 'Asia/Shanghai', now })).toBe('09:05 AM');
    expect(formatListDate(date, { locale: 'zh-CN', timeZone: 'Asia/Shanghai', now })).toBe('09:05');
  });

  it('shows month and day for mail from earlier this year', () => {
    const date = new Date('2026-03-08T10:00:00Z');
    expect(formatListDate(date, { locale: 'en', timeZone: 'Asia/Shanghai', now })).toBe('Mar 8');
    expect(formatListDate(date, { locale: 'zh-CN', timeZone: 'Asia/Shanghai', now })).toBe(
      '3月8日',
    );
  });

  it('shows the full date for mail from an earlier year', () => {
    const date = new Date('2025-12-31T10:00:00Z');
    expect(formatListDate(date, { locale: 'en', timeZone: 'Asia/Shanghai', now })).toBe(
      'Dec 31, 2025',
    );
    expect(formatListDate(date, { locale: 'zh-CN', timeZone: 'Asia/Shanghai', now })).toBe(
      '2025年12月31日',
    );
  });

  it('decides "today" in the reader time zone, not the server one', () => {
    // 20:00 UTC on 29 November is already 30 November, 04:00 in Shanghai
    const date = new Date('2026-11-29T20:00:00Z');
    expect(formatListDate(date, { locale: 'en', timeZone: 'Asia/Shanghai', now })).toBe('04:00 AM');
    expect(formatListDate(date, { locale: 'en', timeZone: 'UTC', now })).toBe('Nov 29');
  });

  it('decides "this year" in the reader time zone', () => {
    const newYear = new Date('2027-01-01T02:00:00Z');
    const lastYear = new Date('2026-12-31T20:00:00Z'); // 1 January 2027 in Shanghai
    expect(
      formatListDate(lastYear, { locale: 'en', timeZone: 'Asia/Shanghai', now: newYear }),
    ).toBe('04:00 AM');
    expect(formatListDate(lastYear, { locale: 'en', timeZone: 'UTC', now: newYear })).toBe(
      'Dec 31, 2026',
    );
  });
});

describe('formatFullDate', () => {
  it('gives date and time in the reader language and zone', () => {
    const date = new Date('2026-11-30T01:05:00Z');
    expect(formatFullDate(date, { locale: 'en', timeZone: 'Asia/Shanghai' })).toBe(
      'Nov 30, 2026, 9:05 AM',
    );
    expect(formatFullDate(date, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).toBe(
      '2026年11月30日 09:05',
    );
  });
});
