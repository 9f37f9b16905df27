/**
 * The web app's HTTP server: Next.js behind one step `next start` cannot do — writing the
 * client's real address into the request before anything reads it — and tRPC calls
 * answered without Next.js (src/server/trpc-over-node.ts). `next start` keeps a
 * client's own X-Forwarded-For and offers route handlers no socket address, so a forged
 * header would pick the address every per-client limit counts. Here the socket's peer
 * decides, and X-Forwarded-For is believed only from YOUJIAN_TRUSTED_PROXIES.
 * Run as `node --import tsx server.ts` (npm start does) with NODE_ENV=production.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_ADDRESS_HEADER } from '@youjian/auth';
import next from 'next';
import { readSurfaceEnv } from './src/env';
import { clientAddress } from './src/server/client-address';
import { isTrpcPath, serveTrpcOverNode } from './src/server/trpc-over-node';

const env = readSurfaceEnv();
const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), port: env.port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const forwarded = request.headers['x-forwarded-for'];
  const address = clientAddress({
    socketAddress: request.socket.remoteAddress ?? '',
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trustedProxies: env.trustedProxies,
  });
  // assignment replaces whatever the client sent under either name
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  request.headers['x-forwarded-for'] = address;
  // API calls skip Next.js: its layer cost more CPU than the call (trpc-over-node.ts)
  if (isTrpcPath(request.url)) void serveTrpcOverNode(request, response, env);
  else void handle(request, response);
});
server.listen(env.port, () => console.log(`web: listening on port ${env.port}`));
