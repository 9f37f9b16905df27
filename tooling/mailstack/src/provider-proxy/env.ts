import path from 'node:path';

/** The only place the provider proxy reads the environment (set by tooling/mailstack/start.sh). */
export interface ProxyEnv {
  /** state directory of the mail stack; the TLS certificate is under tls/ */
  mailstackRoot: string;
  upstreamHost: string;
  upstreamPort: number;
  qqPort: number;
  neteasePort: number;
}

export function readProxyEnv(env: NodeJS.ProcessEnv = process.env): ProxyEnv {
  return {
    mailstackRoot: path.resolve(env.YOUJIAN_MAILSTACK_ROOT || '/tmp/youjian-mailstack'),
    upstreamHost: '127.0.0.1',
    upstreamPort: Number(env.YOUJIAN_PROXY_UPSTREAM_PORT || 31143),
    qqPort: Number(env.YOUJIAN_PROXY_QQ_PORT || 32993),
    neteasePort: Number(env.YOUJIAN_PROXY_NETEASE_PORT || 33993),
  };
}
