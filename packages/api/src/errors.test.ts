import { TRPCError } from '@trpc/server';
import { MailError } from '@youjian/mail';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, toTRPCError } from './errors';

describe('toTRPCError', () => {
  it('turns an AppError into its tRPC code with the user message', () => {
    const error = toTRPCError(new AppError('ALREADY_LINKED', 'a@qq.com is already linked.'));
    expect([error.code, error.message]).toEqual(['CONFLICT', 'a@qq.com is already linked.']);
  });

  it('unwraps the error tRPC wrapped around what a procedure threw', () => {
    const thrown = new AppError('NOT_FOUND', 'This message no longer exists.');
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: thrown });
    expect(toTRPCError(wrapped).code).toBe('NOT_FOUND');
  });

  it('gives the first input problem in words', () => {
    const issue = z.object({ address: z.email('Enter the full e-mail address.') }).safeParse({
      address: 'nope',
    });
    const wrapped = new TRPCError({ code: 'BAD_REQUEST', cause: issue.error });
    expect(toTRPCError(wrapped).message).toBe('Enter the full e-mail address.');
  });

  it('keeps unknown failures opaque', () => {
    const error = toTRPCError(new Error('connection string with a password'));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('shows a mail error with its own precise message and a gateway code', () => {
    const userMessage = 'The IMAP server imap.163.com:993 did not answer within 15 s.';
    const error = toTRPCError(new MailError({ code: 'TIMEOUT', protocol: 'imap', userMessage }));
    expect([error.code, error.message]).toEqual(['GATEWAY_TIMEOUT', userMessage]);
  });

  it('treats a rejected authorization code as a problem with the input', () => {
    const rejected = new MailError({
      code: 'AUTH_FAILED',
      protocol: 'smtp',
      userMessage: '授权码 rejected',
    });
    expect(toTRPCError(rejected).code).toBe('BAD_REQUEST');
  });
});
