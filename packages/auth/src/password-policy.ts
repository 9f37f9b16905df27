import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * 12 characters: OWASP ASVS 4 §2.1.1 (level 1 and up) asks for at least 12, above the
 * 8 that NIST SP 800-63B §5.1.1.2 sets as its floor; a passphrase of three words
 * clears it, and it is what the login form says.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** ASVS 4 §2.1.2: at least 64 allowed, no more than 128 (bounds the hashing work). */
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON' | 'TOO_PREDICTABLE';

/**
 * Patterns at the top of the published rankings of Chinese leaks (CSDN, 163, Tianya)
 * that the English-centred list misses, in the lengths this policy lets through.
 */
const COMMON_IN_CHINA = [
  'woaini1314520',
  'iloveyou1314',
  '520131452013',
  'qq1234567890',
  'aa1234567890',
  'a12345678910',
  'woaiwojia520',
  'zhang1234567',
  'wang12345678',
];

/**
 * The zxcvbn-ts ranking of ~49,000 passwords seen most often in public breaches, lower
 * case: the "previously breached / commonly used" list NIST SP 800-63B §5.1.1.2 asks to
 * check against, kept in memory (a Set, built on first use).
 */
let commonPasswords: Set<string> | undefined;
function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set([...dictionary['passwords-common'], ...COMMON_IN_CHINA]);
  return commonPasswords.has(lowered);
}

/** Words anyone trying this account would guess first (SP 800-63B: "context-specific words"). */
function contextWords(email: string | undefined): string[] {
  const [local = '', domain = ''] = (email ?? '').toLowerCase().split('@');
  return ['youjian', '邮件', local, domain.split('.')[0] ?? ''].filter((word) => word.length >= 3);
}

/**
 * What is wrong with a password a person chose, or null when it is acceptable
 * (NIST SP 800-63B §5.1.1.2, OWASP ASVS 4 §2.1): long enough, not too long, not in the
 * list of common and breached passwords (also with a trailing run of digits or symbols
 * taken away, the usual "Password2024!"), and not just the service name, the address, or
 * one character repeated. No composition rules (SP 800-63B forbids them); length is
 * counted in characters after NFKC normalisation and collapsing runs of spaces, as
 * ASVS §2.1.1 says.
 */
export function passwordProblem(
  password: string,
  context: { email?: string } = {},
): PasswordProblem | null {
  const normalized = password.normalize('NFKC').replace(/ {2,}/g, ' ');
  const length = [...normalized].length;
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  const lowered = normalized.toLowerCase();
  const stem = lowered.replace(/[\d\W_]+$/u, '');
  if (isCommon(lowered) || (stem.length >= 4 && isCommon(stem))) return 'TOO_COMMON';
  if (new Set(lowered).size <= 2) return 'TOO_PREDICTABLE';
  let rest = lowered;
  for (const word of contextWords(context.email)) rest = rest.replaceAll(word, '');
  if ([...rest.replace(/[\d\W_]/gu, '')].length < 4 && rest !== lowered) return 'TOO_PREDICTABLE';
  return null;
}
