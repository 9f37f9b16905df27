import { describe, expect, it } from 'vitest';
import { withoutRoute } from './address-list';
import { repairStructure } from './repair-structure';

const repaired = (lines: string[]) => repairStructure(Buffer.from(lines.join('\r\n'))).toString();

describe('repairStructure', () => {
  it('starts the body at the first header line that is no field', () => {
    expect(repaired(['Subject: x', 'Content-Type: text/plain', '正文没有空行。'])).toBe(
      'Subject: x\r\nContent-Type: text/plain\r\n\r\n正文没有空行。',
    );
  });

  it('leaves well-formed messages, folded fields and non-headers alone', () => {
    const fine = ['Subject: a', '  folded', '', 'body: not a header'];
    expect(repaired(fine)).toBe(fine.join('\r\n'));
    expect(repaired(['From nobody Mon Jan 1', 'text'])).toBe('From nobody Mon Jan 1\r\ntext');
  });

  it('reads a nested multipart whose boundary never occurs as the entity it holds', () => {
    const message = [
      'Content-Type: multipart/mixed; boundary="o"',
      '',
      '--o',
      'Content-Type: multipart/alternative; boundary="gone"',
      'Content-Language: zh',
      '',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '正文',
      '--o--',
    ];
    expect(repaired(message)).toBe(
      [
        ...message.slice(0, 3),
        'Content-Language: zh',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '正文',
        '--o--',
      ].join('\r\n'),
    );
  });

  it('reads such a multipart as plain text when its body holds no header', () => {
    const message = ['Content-Type: multipart/mixed; boundary="o"', '', '--o'];
    const text = repaired([
      ...message,
      'Content-Type: multipart/related; boundary="gone"',
      '',
      'words',
      '--o--',
    ]);
    expect(text).toBe([...message, 'Content-Type: text/plain', '', 'words', '--o--'].join('\r\n'));
  });

  it('leaves a top-level multipart without its boundary to the unreadable-message notice', () => {
    const broken = ['Content-Type: multipart/mixed; boundary="declared"', '', '--other', 'x'];
    expect(repaired(broken)).toBe(broken.join('\r\n'));
  });
});

describe('withoutRoute', () => {
  it('drops an RFC 822 source route and nothing else', () => {
    expect(withoutRoute('@relay.example:ops@corp.example')).toBe('ops@corp.example');
    expect(withoutRoute('@a.example,@b.example:ops@corp.example')).toBe('ops@corp.example');
    expect(withoutRoute('ops@corp.example')).toBe('ops@corp.example');
    expect(withoutRoute('scanner@')).toBe('scanner@');
  });
});
