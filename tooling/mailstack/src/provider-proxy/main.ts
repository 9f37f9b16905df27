import { readProxyEnv } from './env';
import { startProviderProxy } from './start-proxy';

// Entry point started by tooling/mailstack/start.sh (stdio goes to its log).
// Every test of every engineer goes through this process: one broken session must not take
// the others down. Log it (stdio is the proxy log) and keep serving.
process.on('uncaughtException', (error) => {
  console.error('provider proxy: uncaught', error);
});

const env = readProxyEnv();
const proxy = await startProviderProxy(env);
console.log(
  `provider proxy: QQ on ${env.qqPort}, NetEase on ${env.neteasePort} → ${env.upstreamPort}`,
);
const shutdown = () => {
  proxy.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  // open client sessions would keep close() waiting; the stack is going down anyway
  setTimeout(() => process.exit(0), 500).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
