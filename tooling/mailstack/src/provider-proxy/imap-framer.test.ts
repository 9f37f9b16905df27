import { describe, expect, it } from 'vitest';
import { ImapFramer, type LineHandler, parseLiteral } from './imap-framer';

/** Feeds `chunks` through a framer and returns what it passes on plus the lines it saw. */
function frame(chunks: string[], handler: LineHandler = () => undefined) {
  const seen: { text: string; fragment: number }[] = [];
  const framer = new ImapFramer((line, fragment, literal) => {
    seen.push({ text: line.toString('latin1'), fragment });
    return handler(line, fragment, literal);
  });
  const out: Buffer[] = [];
  for (const chunk of chunks) framer.push(Buffer.from(chunk, 'latin1'), out);
  return { output: Buffer.concat(out).toString('latin1'), seen, framer };
}

describe('parseLiteral', () => {
  it('reads synchronizing, non-synchronizing and literal8 announcements', () => {
    expect(parseLiteral(Buffer.from('a APPEND INBOX {310}\r\n'))).toEqual({
      size: 310,
      sync: true,
    });
    expect(parseLiteral(Buffer.from('a APPEND INBOX {12+}\r\n'))).toEqual({
      size: 12,
      sync: false,
    });
    expect(parseLiteral(Buffer.from('* 1 FETCH (BINARY[] ~{7}\r\n'))).toEqual({
      size: 7,
      sync: true,
    });
  });

  it('finds nothing in ordinary lines', () => {
    expect(parseLiteral(Buffer.from('* 1 FETCH (FLAGS (\\Seen))\r\n'))).toBeNull();
    expect(parseLiteral(Buffer.from('a LOGIN "x{1}" y\r\n'))).toBeNull();
    expect(parseLiteral(Buffer.from('* OK {}\r\n'))).toBeNull();
  });
});

describe('ImapFramer', () => {
  it('passes literal bytes through without showing them as lines, even across chunks', () => {
    const body = 'Subject: hi\r\n\r\n* 9 EXISTS\r\n';
    const response = `* 1 FETCH (BODY[] {${body.length}}\r\n${body})\r\n* 2 EXISTS\r\n`;
    const chunks = [response.slice(0, 20), response.slice(20, 41), response.slice(41)];
    const { output, seen } = frame(chunks);
    expect(output).toBe(response);
    expect(seen.map((line) => [line.text, line.fragment])).toEqual([
      [`* 1 FETCH (BODY[] {${body.length}}\r\n`, 0],
      [')\r\n', 1],
      ['* 2 EXISTS\r\n', 0],
    ]);
  });

  it('replaces and drops whole lines without touching the rest', () => {
    const { output } = frame(
      ['* OK [UIDNEXT 5] x\r\n* 1 EXISTS\r\n* CAPABILITY A B\r\n'],
      (line) => {
        const text = line.toString('latin1');
        if (text.startsWith('* OK [UIDNEXT')) return null;
        if (text.startsWith('* CAPABILITY')) return Buffer.from('* CAPABILITY A\r\n');
        return undefined;
      },
    );
    expect(output).toBe('* 1 EXISTS\r\n* CAPABILITY A\r\n');
  });

  it('drops a refused command together with its non-synchronizing literal', () => {
    const { output, seen } = frame(['t MOVE 1 {3+}\r\nabc\r\nu NOOP\r\n'], (line, fragment) =>
      fragment === 0 && line.toString().startsWith('t ') ? null : undefined,
    );
    expect(output).toBe('u NOOP\r\n');
    expect(seen.map((line) => line.text)).toEqual(['t MOVE 1 {3+}\r\n', 'u NOOP\r\n']);
  });

  it('expects no literal after refusing a synchronizing one (the client waits for +)', () => {
    const { output } = frame(['t MOVE 1 {3}\r\n', 'u NOOP\r\n'], (line) =>
      line.toString().startsWith('t ') ? null : undefined,
    );
    expect(output).toBe('u NOOP\r\n');
  });

  it('returns to line mode when the server refuses a synchronizing literal', () => {
    const { framer } = frame(['a APPEND INBOX {99999}\r\n']);
    expect(framer.atMessageBoundary).toBe(false);
    framer.cancelLiteral();
    expect(framer.atMessageBoundary).toBe(true);
    const out: Buffer[] = [];
    framer.push(Buffer.from('b NOOP\r\n'), out);
    expect(Buffer.concat(out).toString()).toBe('b NOOP\r\n');
  });

  it('joins a line split over chunks before deciding on it', () => {
    const { output, seen } = frame(['* CAPA', 'BILITY IMAP4rev1\r', '\n'], () =>
      Buffer.from('* CAPABILITY X\r\n'),
    );
    expect(seen).toHaveLength(1);
    expect(output).toBe('* CAPABILITY X\r\n');
  });

  it('inserts bytes between messages only', () => {
    let pending: Buffer | undefined = Buffer.from('x BAD no\r\n');
    const framer = new ImapFramer(
      () => undefined,
      () => {
        const inserted = pending;
        pending = undefined;
        return inserted;
      },
    );
    const out: Buffer[] = [];
    framer.push(Buffer.from('* 1 FETCH (BODY[] {4}\r\nab'), out);
    framer.push(Buffer.from('cd)\r\n* 2 EXISTS\r\n'), out);
    expect(Buffer.concat(out).toString()).toBe(
      '* 1 FETCH (BODY[] {4}\r\nabcd)\r\nx BAD no\r\n* 2 EXISTS\r\n',
    );
  });

  it('forwards a chunk without rewrites as the very same bytes in one piece', () => {
    const chunk = Buffer.from('* 1 FETCH (UID 1)\r\n* 2 FETCH (BODY[] {2}\r\nhi)\r\n');
    const framer = new ImapFramer(() => undefined);
    const out: Buffer[] = [];
    framer.push(chunk, out);
    expect(out).toHaveLength(1);
    expect(out[0]?.buffer).toBe(chunk.buffer);
  });
});
