import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size';

describe('formatSize', () => {
  it('shows bytes below a kilobyte', () => {
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(0, 'zh-CN')).toBe('0 B');
  });

  it('shows whole kilobytes', () => {
    expect(formatSize(14 * 1024 + 300, 'en')).toBe('14 KB');
    expect(formatSize(1023 * 1024, 'en')).toBe('1,023 KB');
  });

  it('shows megabytes with one decimal', () => {
    expect(formatSize(5.24 * 1024 * 1024, 'en')).toBe('5.2 MB');
    expect(formatSize(70 * 1024 * 1024, 'zh-CN')).toBe('70 MB');
  });

  it('shows gigabytes past a thousand megabytes', () => {
    expect(formatSize(1.5 * 1024 ** 3, 'en')).toBe('1.5 GB');
  });
});
