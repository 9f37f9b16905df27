import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import type { ProxyEnv } from './env';
import { NETEASE_PROFILE, type ProviderProfile, QQ_PROFILE } from './profiles';
import { bridgeSession } from './proxy-session';

export interface RunningProxy {
  close(): Promise<void>;
}

/** Starts the IMAPS listeners of the emulated providers in front of plain-IMAP Dovecot. */
export async function startProviderProxy(env: ProxyEnv): Promise<RunningProxy> {
  const tlsDir = path.join(env.mailstackRoot, 'tls');
  const [cert, key] = await Promise.all([
    readFile(path.join(tlsDir, 'cert.pem')),
    readFile(path.join(tlsDir, 'key.pem')),
  ]);
  const listeners = [
    { port: env.qqPort, profile: QQ_PROFILE },
    { port: env.neteasePort, profile: NETEASE_PROFILE },
  ];
  const servers = await Promise.all(
    listeners.map(({ port, profile }) => listen(port, profile, { cert, key }, env)),
  );
  return {
    close: async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function listen(
  port: number,
  profile: ProviderProfile,
  credentials: { cert: Buffer; key: Buffer },
  env: ProxyEnv,
): Promise<tls.Server> {
  const server = tls.createServer(credentials, (client) => {
    client.setNoDelay(true);
    const upstream = net.connect({ host: env.upstreamHost, port: env.upstreamPort });
    upstream.setNoDelay(true);
    bridgeSession(client, upstream, profile);
  });
  // A client that fails the TLS handshake is its own problem, not the proxy's.
  server.on('tlsClientError', () => {});
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
