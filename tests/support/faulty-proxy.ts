// An HTTP proxy that misbehaves on purpose, in front of the real partner endpoint. Each
// request draws one fault from a seeded random source (reproducible runs):
//   pass               forwarded, answered normally
//   drop-after-store   forwarded; once the server has answered (the report is stored) the
//                      client's connection is destroyed without an answer
//   reset              the client's connection is reset (TCP RST) before forwarding
//   error-500          answered 500 without forwarding
//   stall              never answered, never forwarded: the client must time out
//   stall-after-store  forwarded (stored), then never answered
// It counts the faults it drew and the statuses the server really sent.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULTS = [
  'pass',
  'drop-after-store',
  'reset',
  'error-500',
  'stall',
  'stall-after-store',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultyProxy {
  url: string;
  /** How often each fault was drawn. */
  faults: Record<Fault, number>;
  /** Statuses the upstream server answered (whether or not the client got them). */
  upstream: Map<number, number>;
  close(): Promise<void>;
}

/** mulberry32: small, fast, good enough to pick faults reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultyProxy(options: {
  upstream: string;
  seed?: number;
  /** Relative weights; missing faults get 0. */
  weights: Partial<Record<Fault, number>>;
}): Promise<FaultyProxy> {
  const random = seeded(options.seed ?? 1);
  const target = new URL(options.upstream);
  const total = FAULTS.reduce((sum, f) => sum + (options.weights[f] ?? 0), 0);
  const pick = (): Fault => {
    let r = random() * total;
    for (const f of FAULTS) {
      r -= options.weights[f] ?? 0;
      if (r < 0) return f;
    }
    return 'pass';
  };
  const faults = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const upstream = new Map<number, number>();
  const sockets = new Set<Socket>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

  const server = http.createServer((req, res) => {
    const fault = pick();
    faults[fault]++;
    if (fault === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault === 'error-500') {
      req.resume();
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":"proxy"}');
      });
      return;
    }
    if (fault === 'stall') {
      req.resume(); // read the body, answer nothing
      return;
    }
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        const status = answer.statusCode ?? 0;
        upstream.set(status, (upstream.get(status) ?? 0) + 1);
        if (fault === 'drop-after-store') {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        if (fault === 'stall-after-store') {
          answer.resume();
          return;
        }
        res.writeHead(status, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    upstream,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
