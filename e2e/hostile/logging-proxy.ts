/**
 * An HTTP proxy that forwards nothing and records everything: Chromium is pointed at it
 * (--proxy-server), so every request a page or any of its frames makes to a remote host —
 * sandboxed srcdoc frames included, which request interception misses — lands here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggingProxy {
  url: string;
  /** "GET http://host/path" or "CONNECT host:443", in arrival order */
  requests: string[];
  close: () => Promise<void>;
}

export async function startLoggingProxy(): Promise<LoggingProxy> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(404).end();
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
