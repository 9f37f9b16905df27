import { describe, expect, it } from 'vitest';
import { forwardSubject, replySubject, stripResponsePrefixes } from './subject';

describe('reply and forward subjects', () => {
  it('adds one Re: to a fresh subject', () => {
    expect(replySubject('季度报告')).toBe('Re: 季度报告');
  });

  it('never writes Re: Re: when answering a reply', () => {
    expect(replySubject('Re: 季度报告')).toBe('Re: 季度报告');
    expect(replySubject('RE: RE: Budget')).toBe('Re: Budget');
    expect(replySubject('re[2]: Budget')).toBe('Re: Budget');
  });

  it('understands the prefixes of QQ Mail, 163 and Outlook as existing prefixes', () => {
    expect(replySubject('回复: 会议通知')).toBe('Re: 会议通知');
    expect(replySubject('答复：会议通知')).toBe('Re: 会议通知');
    expect(replySubject('转发: Re: 会议通知')).toBe('Re: 会议通知');
    expect(replySubject('FW: Fwd: 会议通知')).toBe('Re: 会议通知');
  });

  it('forwards with one Fwd:', () => {
    expect(forwardSubject('Re: 会议通知')).toBe('Fwd: 会议通知');
    expect(forwardSubject('Fwd: 会议通知')).toBe('Fwd: 会议通知');
    expect(forwardSubject('Report')).toBe('Fwd: Report');
  });

  it('keeps words that only look like prefixes', () => {
    expect(stripResponsePrefixes('Reply needed: contract')).toBe('Reply needed: contract');
    expect(stripResponsePrefixes('Refund: order 42')).toBe('Refund: order 42');
  });

  it('answers an empty subject with a bare prefix', () => {
    expect(replySubject('')).toBe('Re:');
    expect(forwardSubject('  ')).toBe('Fwd:');
  });
});
