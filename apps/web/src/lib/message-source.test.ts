import { describe, expect, it } from 'vitest';
import { splitSource } from './message-source';

describe('splitSource', () => {
  it('unfolds header fields and keeps their order', () => {
    const { headers, body } = splitSource(
      'Received: from a\r\n\tby b\r\nSubject: =?UTF-8?B?5L2g5aW9?=\r\nFrom: x@y\r\n\r\nHello\r\n\r\nWorld',
    );
    expect(headers).toEqual([
      { name: 'Received', value: 'from a by b' },
      { name: 'Subject', value: '=?UTF-8?B?5L2g5aW9?=' },
      { name: 'From', value: 'x@y' },
    ]);
    expect(body).toBe('Hello\r\n\r\nWorld');
  });

  it('reads bare LF sources and a source that is all header', () => {
    expect(splitSource('A: 1\nB: 2\n\nbody').headers.map((h) => h.name)).toEqual(['A', 'B']);
    expect(splitSource('A: 1').body).toBe('');
  });
});
