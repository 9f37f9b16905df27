import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailError } from './errors';
import { asCustomProvider, freshCredentials, MAILSTACK } from './test-stack.integration-helpers';
import type { MailCredentials } from './types';
import { verifyCredentials } from './verify-credentials';

async function failureOf(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailError) return error;
    throw error;
  }
  throw new Error('expected a MailError');
}

/** A port nothing listens on: bound, noted and released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('verifyCredentials on the local providers', () => {
  let qq: MailCredentials;

  beforeAll(async () => {
    qq = await freshCredentials('qq');
  });

  it('accepts a fresh qq.test user on the QQ preset endpoints', async () => {
    expect(qq.imap.port).toBe(MAILSTACK.ports.qqImaps);
    const { capabilities } = await verifyCredentials(qq);
    expect(capabilities).toContain('XLIST');
    expect(capabilities).not.toContain('SPECIAL-USE');
  });

  it('accepts the same user on raw Dovecot as a custom provider (STARTTLS submission)', async () => {
    const { capabilities } = await verifyCredentials(asCustomProvider(qq));
    expect(capabilities).toContain('SPECIAL-USE');
  });

  it('rejects a wrong authorization code with AUTH_FAILED', async () => {
    const error = await failureOf(verifyCredentials({ ...qq, secret: 'not-the-auth-code' }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.protocol).toBe('imap');
    expect(error.userMessage).toBe(
      `The authorization code was rejected by the IMAP server 127.0.0.1:${MAILSTACK.ports.qqImaps}. Check the 授权码 and that IMAP/SMTP is enabled in your mailbox settings.`,
    );
  });

  it('reports a closed port as HOST_UNREACHABLE', async () => {
    const port = await closedPort();
    const error = await failureOf(
      verifyCredentials({ ...qq, imap: { host: '127.0.0.1', port, security: 'tls' } }),
    );
    expect(error.code).toBe('HOST_UNREACHABLE');
    expect(error.userMessage).toBe(
      `IMAP server 127.0.0.1:${port} could not be reached (connection refused).`,
    );
  });

  it('reports TLS spoken to the plain IMAP port as TLS_FAILED', async () => {
    const error = await failureOf(
      verifyCredentials({
        ...qq,
        imap: { host: '127.0.0.1', port: MAILSTACK.ports.imap, security: 'tls' },
      }),
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.userMessage).toContain(`IMAP server 127.0.0.1:${MAILSTACK.ports.imap} failed`);
    expect(error.userMessage).toContain('does not speak TLS');
  });

  it('reports a server that accepts and never speaks as TIMEOUT', async () => {
    // The one fake here: a silent server is a fault the real stack cannot produce.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const error = await failureOf(
        verifyCredentials(
          { ...qq, imap: { host: '127.0.0.1', port, security: 'plain' } },
          { timeoutMs: 1500 },
        ),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.userMessage).toContain(`IMAP server 127.0.0.1:${port} did not answer`);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
