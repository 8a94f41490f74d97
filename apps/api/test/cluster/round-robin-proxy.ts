import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The load balancer in front of a cluster's API processes, as nginx's upstream does it by default:
 * each request to the next backend in turn; a backend that refuses the connection is skipped (the
 * request never reached it, so it is safe to send elsewhere); a backend that dies while it holds a
 * request answers 502, not a retry (the request may have acted: a client retries it with its
 * Idempotency-Key, as it would behind nginx's `proxy_next_upstream` without `non_idempotent`).
 */
export interface TProxy {
  url: string;
  /** How many requests each backend was sent, by port: proof that the load was spread. */
  sent: Map<number, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backendPorts: readonly number[]): Promise<TProxy> {
  const sent = new Map<number, number>(backendPorts.map((port) => [port, 0]));
  let next = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: number): void => {
    if (tried === backendPorts.length) {
      badGateway(res, 'no backend answers');
      return;
    }
    const port = backendPorts[next++ % backendPorts.length] as number;
    // A connection of its own per request: a pooled one to a backend killed since would fail a request that never reached it.
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
      sent.set(port, (sent.get(port) ?? 0) + 1);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') forward(req, res, body, tried + 1);
      else if (!res.headersSent) badGateway(res, `backend ${port} failed: ${error.code ?? error.message}`);
      else res.destroy();
    });
    upstream.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 0));
  });
  // Long-lived keep-alive: a short one races fetch reusing a socket the proxy is closing ("fetch
  // failed"). close() cuts the connections left.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function badGateway(res: ServerResponse, detail: string): void {
  res.writeHead(502, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 502, title: 'Bad Gateway', detail }));
}
