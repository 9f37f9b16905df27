import { describe, expect, it } from 'vitest';
import { imapEndpointOf, inProductWords, MailError, toMailError } from './errors';

const qqImap = { host: 'imap.qq.com', port: 993, security: 'tls' as const };
const qqSmtp = { host: 'smtp.qq.com', port: 465, security: 'tls' as const };

/** Shapes as the libraries build them (imapflow commands/login.js, nodemailer _formatError). */
function imapLoginRefused(text: string, serverResponseCode?: string) {
  return Object.assign(new Error('Command failed'), {
    responseStatus: 'NO',
    responseText: text,
    response: `A2 NO ${serverResponseCode ? `[${serverResponseCode}] ` : ''}${text}`,
    ...(serverResponseCode ? { serverResponseCode } : {}),
    authenticationFailed: true,
  });
}

function smtpError(message: string, code: string, response: string, command: string) {
  return Object.assign(new Error(`${message}: ${response}`), {
    code,
    response,
    responseCode: Number(response.slice(0, 3)),
    command,
  });
}

function systemError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, ...extra });
}

/** nodemailer keeps the socket's code in originalCode and sets its own. */
function nodemailerSocketError(originalCode: string, message: string, type = 'ESOCKET') {
  return Object.assign(new Error(message), { code: type, originalCode, command: 'CONN' });
}

describe('toMailError', () => {
  it.each([
    [
      'imapflow LOGIN NO with [AUTHENTICATIONFAILED]',
      imapLoginRefused('Invalid credentials', 'AUTHENTICATIONFAILED'),
      'imap',
    ],
    ['imapflow LOGIN NO without a response code', imapLoginRefused('LOGIN failed'), 'imap'],
    [
      'nodemailer EAUTH 535',
      smtpError('Invalid login', 'EAUTH', '535 5.7.8 Error: authentication failed', 'AUTH PLAIN'),
      'smtp',
    ],
  ] as const)('classifies %s as AUTH_FAILED with the 授权码 hint', (_, error, protocol) => {
    const mailError = toMailError(error, protocol, protocol === 'imap' ? qqImap : qqSmtp);
    expect(mailError.code).toBe('AUTH_FAILED');
    expect(mailError.userMessage).toContain('authorization code was rejected');
    expect(mailError.userMessage).toContain('授权码');
    expect(mailError.userMessage).toContain(
      protocol === 'imap' ? 'imap.qq.com:993' : 'smtp.qq.com:465',
    );
  });

  it('classifies a bare [AUTHENTICATIONFAILED] response code as AUTH_FAILED', () => {
    const error = Object.assign(new Error('Command failed'), {
      responseStatus: 'NO',
      serverResponseCode: 'AUTHENTICATIONFAILED',
    });
    expect(toMailError(error, 'imap').code).toBe('AUTH_FAILED');
  });

  it('does not blame the authorization code for a LOGIN refused with [UNAVAILABLE] (RFC 5530)', () => {
    const error = imapLoginRefused(
      'Internal error occurred. Refer to server log for more information.',
      'UNAVAILABLE',
    );
    const mailError = toMailError(error, 'imap', qqImap);
    expect(mailError.code).toBe('PROTOCOL');
    expect(mailError.userMessage).toBe(
      'The IMAP server imap.qq.com:993 refused the command: Internal error occurred. Refer to server log for more information.',
    );
  });

  it('names host and reason when the connection is refused', () => {
    const error = systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:993', {
      errno: -111,
      syscall: 'connect',
      address: '127.0.0.1',
      port: 993,
    });
    const mailError = toMailError(error, 'imap', qqImap);
    expect(mailError.code).toBe('HOST_UNREACHABLE');
    expect(mailError.userMessage).toBe(
      'IMAP server imap.qq.com:993 could not be reached (connection refused).',
    );
  });

  it('uses the address of the socket error when no endpoint is given', () => {
    const error = systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:31999', {
      address: '127.0.0.1',
      port: 31999,
    });
    expect(toMailError(error, 'imap').userMessage).toContain('127.0.0.1:31999');
  });

  it.each([
    [
      'DNS failure',
      systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND imap.example.invalid'),
      'host name not found',
    ],
    [
      'no route',
      systemError('EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.1:993'),
      'no route to host',
    ],
    [
      'nodemailer EDNS',
      nodemailerSocketError('ENOTFOUND', 'getaddrinfo ENOTFOUND smtp.x', 'EDNS'),
      'host name not found',
    ],
    [
      'nodemailer ESOCKET wrapping ECONNREFUSED',
      nodemailerSocketError('ECONNREFUSED', 'connect ECONNREFUSED'),
      'connection refused',
    ],
  ])('classifies %s as HOST_UNREACHABLE', (_, error, reason) => {
    const mailError = toMailError(error, 'smtp', qqSmtp);
    expect(mailError.code).toBe('HOST_UNREACHABLE');
    expect(mailError.userMessage).toBe(
      `SMTP server smtp.qq.com:465 could not be reached (${reason}).`,
    );
  });

  it.each([
    [
      'TLS spoken to a plain port',
      systemError(
        'ERR_SSL_WRONG_VERSION_NUMBER',
        'C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      ),
      'does not speak TLS',
    ],
    [
      'a self-signed certificate',
      systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      'not trusted',
    ],
    [
      'an unverifiable chain',
      systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
      'not trusted',
    ],
    [
      'a host name mismatch',
      systemError(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
      ),
      'does not match the host name',
    ],
    [
      'a reset during the handshake',
      systemError(
        'ECONNRESET',
        'Client network socket disconnected before secure TLS connection was established',
      ),
      'during the TLS handshake',
    ],
    [
      'nodemailer ESOCKET wrapping a certificate error',
      nodemailerSocketError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      'not trusted',
    ],
    [
      'nodemailer ETLS',
      Object.assign(new Error('Error initiating TLS - x'), { code: 'ETLS', command: 'STARTTLS' }),
      'TLS upgrade failed',
    ],
  ])('classifies %s as TLS_FAILED', (_, error, reason) => {
    const mailError = toMailError(error, 'imap', qqImap);
    expect(mailError.code).toBe('TLS_FAILED');
    expect(mailError.userMessage).toContain(
      'A secure connection to the IMAP server imap.qq.com:993 failed',
    );
    expect(mailError.userMessage).toContain(reason);
  });

  it('does not call an ordinary connection reset a TLS failure', () => {
    const error = systemError('ECONNRESET', 'read ECONNRESET');
    expect(toMailError(error, 'imap', qqImap).code).toBe('PROTOCOL');
  });

  it.each([
    [
      'imapflow GREETING_TIMEOUT',
      systemError('GREETING_TIMEOUT', 'Failed to receive greeting from server in required time'),
    ],
    [
      'imapflow CONNECT_TIMEOUT',
      systemError('CONNECT_TIMEOUT', 'Failed to establish connection in required time'),
    ],
    ['imapflow socket ETIMEOUT', systemError('ETIMEOUT', 'Socket timeout')],
    ['node ETIMEDOUT', systemError('ETIMEDOUT', 'connect ETIMEDOUT 10.1.1.1:993')],
    [
      'nodemailer ETIMEDOUT',
      Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT', command: 'CONN' }),
    ],
  ])('classifies %s as TIMEOUT', (_, error) => {
    const mailError = toMailError(error, 'imap', qqImap);
    expect(mailError.code).toBe('TIMEOUT');
    expect(mailError.userMessage).toBe('IMAP server imap.qq.com:993 did not answer in time.');
  });

  it("classifies NetEase's 553 on MAIL FROM as SENDER_REJECTED", () => {
    const error = smtpError(
      'Mail command failed',
      'EENVELOPE',
      '553 Mail from must equal authorized user',
      'MAIL FROM',
    );
    const mailError = toMailError(error, 'smtp', {
      host: 'smtp.163.com',
      port: 465,
      security: 'tls',
    });
    expect(mailError.code).toBe('SENDER_REJECTED');
    expect(mailError.userMessage).toContain('smtp.163.com:465 refused the sender address');
    expect(mailError.userMessage).toContain('Mail from must equal authorized user');
  });

  it("classifies Postfix's sender-login mismatch at RCPT TO as SENDER_REJECTED", () => {
    const error = smtpError(
      "Can't send mail - all recipients were rejected",
      'EENVELOPE',
      '553 5.7.1 <bob@163.test>: Sender address rejected: not owned by user alice@qq.test',
      'RCPT TO',
    );
    expect(toMailError(error, 'smtp', qqSmtp).code).toBe('SENDER_REJECTED');
  });

  it('classifies all recipients rejected as RECIPIENT_REJECTED with the server text', () => {
    const error = smtpError(
      "Can't send mail - all recipients were rejected",
      'EENVELOPE',
      '550 5.1.1 <nobody@qq.test>: Recipient address rejected',
      'RCPT TO',
    );
    const mailError = toMailError(error, 'smtp', qqSmtp);
    expect(mailError.code).toBe('RECIPIENT_REJECTED');
    expect(mailError.userMessage).toContain('Recipient address rejected');
    expect(mailError.serverReply).toBe('550 5.1.1 <nobody@qq.test>: Recipient address rejected');
  });

  it("keeps the server's own reply apart from the sentence, and none where it said nothing", () => {
    const refused = Object.assign(new Error('Command failed'), {
      responseStatus: 'NO',
      responseText: '  [CANNOT]  Mailbox\r\n  is read-only ',
    });
    expect(toMailError(refused, 'imap', qqImap).serverReply).toBe('[CANNOT] Mailbox is read-only');
    const refusedSocket = systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:993');
    expect(toMailError(refusedSocket, 'imap', qqImap).serverReply).toBeUndefined();
    const jsError = new TypeError('Cannot read properties of undefined');
    expect(toMailError(jsError, 'imap', qqImap).serverReply).toBeUndefined();
  });

  it('drops the server reply when the error is put in product words', () => {
    const error = smtpError('Mail command failed', 'EENVELOPE', '553 sender banned', 'MAIL FROM');
    expect(inProductWords(toMailError(error, 'smtp', qqSmtp)).serverReply).toBeUndefined();
  });

  it('reports a NO answer as PROTOCOL with what the server said', () => {
    const error = Object.assign(new Error('Command failed'), {
      responseStatus: 'NO',
      responseText: 'SELECT Unsafe Login. Please contact kefu@188.com for help',
    });
    const mailError = toMailError(error, 'imap', {
      host: 'imap.163.com',
      port: 993,
      security: 'tls',
    });
    expect(mailError.code).toBe('PROTOCOL');
    expect(mailError.userMessage).toBe(
      'The IMAP server imap.163.com:993 refused the command: SELECT Unsafe Login. Please contact kefu@188.com for help',
    );
  });

  it('reports nodemailer ECONNECTION as the server closing the connection', () => {
    const error = Object.assign(new Error('Connection closed unexpectedly'), {
      code: 'ECONNECTION',
      command: 'CONN',
    });
    expect(toMailError(error, 'smtp', qqSmtp).userMessage).toBe(
      'The SMTP server smtp.qq.com:465 closed the connection unexpectedly.',
    );
  });

  it('returns a MailError unchanged and wraps non-errors', () => {
    const original = new MailError({ code: 'TIMEOUT', protocol: 'imap', userMessage: 'x' });
    expect(toMailError(original, 'smtp')).toBe(original);
    const wrapped = toMailError('weird', 'imap');
    expect(wrapped).toBeInstanceOf(MailError);
    expect(wrapped.code).toBe('PROTOCOL');
  });
});

describe('an SMTP server without AUTH (RFC 4954)', () => {
  it.each([
    ['Postfix without SASL', '503 5.5.1 Error: authentication not enabled'],
    ['a server without the AUTH command', '502 5.5.2 Error: command not recognized'],
  ])('is AUTH_NOT_OFFERED, not a wrong 授权码, for %s', (_, response) => {
    const error = smtpError('Invalid login', 'EAUTH', response, 'AUTH PLAIN');
    const mailError = toMailError(error, 'smtp', qqSmtp);
    expect(mailError.code).toBe('AUTH_NOT_OFFERED');
    expect(mailError.userMessage).toBe(
      'The SMTP server smtp.qq.com:465 does not ask for a login (no SMTP AUTH). Youjian only sends through a server that checks your password.',
    );
  });
});

describe('errors in the product words only', () => {
  it.each([
    [
      'a refused IMAP command',
      Object.assign(new Error('Command failed'), {
        responseStatus: 'NO',
        responseText: 'db-01.corp.internal Dovecot 2.3.19 ready',
      }),
      'imap',
      'The IMAP server imap.qq.com:993 refused the command.',
    ],
    [
      'a refused sender',
      smtpError('Mail command failed', 'EENVELOPE', '553 relay.corp.internal says no', 'MAIL FROM'),
      'smtp',
      "The SMTP server smtp.qq.com:465 refused the sender address. The provider only sends mail from the mailbox's own address.",
    ],
    [
      'a rejected recipient',
      smtpError('Recipient failed', 'EENVELOPE', '550 relay.corp.internal: unknown', 'RCPT TO'),
      'smtp',
      'The SMTP server smtp.qq.com:465 rejected a recipient.',
    ],
    [
      'an unexpected greeting',
      smtpError('Invalid greeting', 'EPROTOCOL', 'SSH-2.0-OpenSSH_9.2p1 corp-bastion', 'CONN'),
      'smtp',
      'The SMTP server smtp.qq.com:465 did not answer as a SMTP server should.',
    ],
  ] as const)('drop what the server said for %s', (_, error, protocol, expected) => {
    const mailError = toMailError(error, protocol, protocol === 'imap' ? qqImap : qqSmtp);
    expect(mailError.productMessage).toBe(expected);
    const shown = inProductWords(mailError);
    expect(shown.userMessage).toBe(expected);
    expect(shown.code).toBe(mailError.code);
  });

  it('keeps messages that quote nothing as they are', () => {
    const error = systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:993');
    const mailError = toMailError(error, 'imap', qqImap);
    expect(mailError.productMessage).toBe(mailError.userMessage);
  });
});

describe('imapEndpointOf', () => {
  it('names the host the session was opened for, not the address the guard connected to', () => {
    const client = {
      host: '14.18.175.154',
      servername: 'imap.qq.com',
      port: 993,
      secureConnection: true,
    };
    expect(imapEndpointOf(client).host).toBe('imap.qq.com');
    expect(imapEndpointOf({ ...client, host: '127.0.0.1', servername: false }).host).toBe(
      '127.0.0.1',
    );
  });
});
