import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem (NIST SP 800-63B §5.1.1.2, ASVS 4 §2.1)', () => {
  it('accepts a passphrase of ordinary words', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('我的邮箱密码是春天来了吧')).toBeNull();
  });

  it('refuses fewer than 12 characters, counted as characters not bytes', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toBe('TOO_SHORT');
    expect(passwordProblem('春眠不觉晓处处闻啼鸟')).toBe('TOO_SHORT');
    expect(passwordProblem('a     b     c')).toBe('TOO_SHORT');
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblem('x'.repeat(64) + 'y'.repeat(65))).toBe('TOO_LONG');
  });

  it('refuses the commonest and breached passwords, whatever the case', () => {
    for (const common of [
      'Qwerty123456',
      'QAZWSXEDCRFV',
      '1qaz2wsx3edc',
      'woaini1314520',
      'leavemealone',
    ]) {
      expect(passwordProblem(common), common).toBe('TOO_COMMON');
    }
  });

  it('refuses a common password with digits or symbols tacked on', () => {
    expect(passwordProblem('sunshine2024!')).toBe('TOO_COMMON');
  });

  it('refuses one or two characters repeated, and the service name or address', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('TOO_PREDICTABLE');
    expect(passwordProblem('abababababab')).toBe('TOO_PREDICTABLE');
    expect(passwordProblem('youjian12345678')).toBe('TOO_PREDICTABLE');
    expect(passwordProblem('zhangwei-2024!', { email: 'zhangwei@163.com' })).toBe(
      'TOO_PREDICTABLE',
    );
  });

  it('has no composition rules: lower case letters and spaces alone are fine', () => {
    expect(passwordProblem('plum tea in the rain')).toBeNull();
  });
});
