// The partner organisation's report endpoint (DESIGN.md, "Sync protocol").
//
//   PUT /v1/reports/:uuid   sealed, padded body, application/octet-stream
//     201 stored · 200 same bytes again · 409 same id, other bytes · 413 too large
//     400 malformed · 429 rate limited (Retry-After)
//   GET /v1/health          {"ok":true}
//
// It stores only the sealed blob, its id and the UTC day it arrived. Nothing about the
// client is stored or logged: the rate limiter keys on a keyed hash of the remote address,
// held in memory only; log lines carry method, route pattern, status and duration.
import { createHmac, randomBytes } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { MAX_BUCKET } from '../src/core/sync/padding';
import { normalizeAppOrigin } from '../src/core/sync/profile';
import { isSealedBucketLength, SEAL_OVERHEAD } from '../src/core/sync/seal';
import { openStore, type ReportStore, type StoreOptions } from './store';

/** Fits the largest padding bucket (8 MiB) once sealed. */
export const DEFAULT_BODY_LIMIT = MAX_BUCKET + SEAL_OVERHEAD;
export const DEFAULT_RATE_LIMIT = { max: 300, timeWindow: 60_000 };

export const REPORT_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface LogDestination {
  write(line: string): void;
}

export interface ServerOptions {
  /** SQLite file path, ':memory:', or an already opened store (closed with the server). */
  db: string | ReportStore;
  /** The PWA's origin, the only one allowed by CORS, e.g. https://app.example.org */
  appOrigin: string;
  /** Maximum request body in bytes. Default: DEFAULT_BODY_LIMIT (8 MiB bucket + 48). */
  bodyLimit?: number;
  /** Per-client limit; false disables it (tests, benchmarks). */
  rateLimit?: { max: number; timeWindow: number | string } | false;
  /** false (default: silent), true (info to stdout), or a level and destination. */
  logger?: boolean | { level?: string; stream?: LogDestination };
  /**
   * Set only when a reverse proxy you control terminates TLS in front of the endpoint, so
   * rate limits apply per client instead of to the proxy. The proxy must not log IPs either.
   */
  trustProxy?: boolean | string | string[];
  /** SQLite synchronous mode with WAL (see StoreOptions). */
  synchronous?: StoreOptions['synchronous'];
}

/** Only method, route pattern, status and duration ever reach the log. */
class MinimalLogController extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(none)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: safeError(error) }, 'request errored');
    else reply.log.info(line, 'request');
  }
  override defaultErrorLog(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ err: safeError(error) }, 'error');
  }
  override writeHeadError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ err: safeError(error) }, 'writeHead failed');
  }
  override streamError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ err: safeError(error) }, 'stream error');
  }
}

/** Error fields for logs: type, code, message (truncated) and our own stack frames. */
function safeError(e: unknown): { type: string; code?: string; message: string; stack: string } {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return {
      type: e.name,
      ...(typeof code === 'string' ? { code } : {}),
      message: e.message.slice(0, 200),
      stack: (e.stack ?? '').split('\n').slice(1, 6).join('\n'),
    };
  }
  return { type: typeof e, message: 'non-error thrown', stack: '' };
}

function loggerOptions(logger: ServerOptions['logger']) {
  if (logger === undefined || logger === false) return false;
  const base = {
    level: 'info',
    base: null, // no pid/hostname
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      err: safeError,
    },
  };
  if (logger === true) return base;
  return {
    ...base,
    level: logger.level ?? 'info',
    ...(logger.stream ? { stream: logger.stream } : {}),
  };
}

/** IPv6 clients are grouped by /64 (one subscriber); IPv4 per address. */
export function clientGroup(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = (address.split('%')[0] ?? '').toLowerCase().split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const full = address.includes('::')
    ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t]
    : h;
  return `${full
    .slice(0, 4)
    .map((x) => x.padStart(4, '0'))
    .join(':')}::/64`;
}

function json(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

const OCTET_STREAM = 'application/octet-stream';

function mediaType(header: string | undefined): string {
  return ((header ?? '').split(';')[0] ?? '').trim().toLowerCase();
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const maxPadded = bodyLimit - SEAL_OVERHEAD;
  const origin = normalizeAppOrigin(options.appOrigin);
  if (!origin.ok) throw new Error(`appOrigin must be an https origin, got ${options.appOrigin}`);
  const appOrigin = origin.value;
  const store =
    typeof options.db === 'string'
      ? openStore(options.db, { synchronous: options.synchronous ?? 'FULL' })
      : options.db;

  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController: new MinimalLogController(),
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    requestTimeout: 120_000,
    return503OnClosing: true,
    frameworkErrors: (error, request, reply) => {
      // Bad percent-encoding, over-long path parameters and the like: always 4xx.
      const inReports = request.raw.url?.startsWith('/v1/reports/') ?? false;
      const status = inReports || error.code === 'FST_ERR_BAD_URL' ? 400 : 404;
      json(reply, status, { error: status === 400 ? 'bad_request' : 'not_found' });
    },
  });
  app.addHook('onClose', async () => {
    store.close();
  });

  // Remove any body parser we did not ask for; the only body we take is octet-stream.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(OCTET_STREAM, { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );

  // Response hygiene: nothing cacheable, nothing identifying, never a cookie.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('set-cookie');
    reply.removeHeader('x-powered-by');
    reply.removeHeader('server');
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  // Set before any plugin adds routes: a route keeps the error handler it was created with.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) return json(reply, 429, { error: 'rate_limited' });
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return json(reply, 413, { error: 'too_large' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return json(reply, 400, { error: 'bad_content_type' });
    }
    if (status >= 400 && status < 500) return json(reply, status, { error: 'bad_request' });
    request.log.error({ err: safeError(error) }, 'unhandled error');
    reply.header('retry-after', '30');
    return json(reply, 503, { error: 'unavailable' });
  });

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin === appOrigin),
    methods: ['PUT', 'GET'],
    allowedHeaders: ['content-type'],
    exposedHeaders: ['retry-after'],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
    hook: 'onRequest',
  });

  if (options.rateLimit !== false) {
    const limits = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    // Per-process random key: the limiter's in-memory table holds no plain addresses.
    const hmacKey = randomBytes(32);
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      max: limits.max,
      timeWindow: limits.timeWindow,
      cache: 10_000,
      keyGenerator: (req) =>
        createHmac('sha256', hmacKey).update(clientGroup(req.ip)).digest('base64url'),
      addHeaders: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
        'retry-after': true,
      },
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      errorResponseBuilder: (_req, ctx) => {
        const e = new Error('rate limited') as Error & { statusCode: number };
        e.statusCode = ctx.statusCode;
        return e;
      },
    });
  }

  const allowByPath = (path: string): string | null => {
    if (path.startsWith('/v1/reports/')) return 'PUT';
    if (path === '/v1/health') return 'GET, HEAD';
    return null;
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.raw.url ?? '').split('?')[0] ?? '';
    const allow = allowByPath(path);
    if (allow === null) return json(reply, 404, { error: 'not_found' });
    if (allow === 'PUT' && request.method === 'PUT') {
      return json(reply, 400, { error: 'bad_id' }); // e.g. /v1/reports/a/b
    }
    reply.header('allow', allow);
    return json(reply, 405, { error: 'method_not_allowed' });
  };
  if (options.rateLimit !== false) {
    app.setNotFoundHandler({ preHandler: app.rateLimit() }, notFound);
  } else {
    app.setNotFoundHandler(notFound);
  }

  app.get('/v1/health', async (_request, reply) => json(reply, 200, { ok: true }));

  app.put<{ Params: { id: string } }>(
    '/v1/reports/:id',
    {
      // Checks that need no body run before it is read.
      preParsing: async (request, reply, payload) => {
        if (!REPORT_ID_RE.test(request.params.id)) {
          return json(reply, 400, { error: 'bad_id' });
        }
        if (mediaType(request.headers['content-type']) !== OCTET_STREAM) {
          return json(reply, 400, { error: 'bad_content_type' });
        }
        const encoding = request.headers['content-encoding'];
        if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
          return json(reply, 400, { error: 'bad_content_encoding' });
        }
        const declared = request.headers['content-length'];
        if (declared !== undefined) {
          const n = /^\d{1,15}$/.test(declared) ? Number(declared) : Number.NaN;
          if (Number.isNaN(n)) return json(reply, 400, { error: 'bad_request' });
          if (n > bodyLimit) return json(reply, 413, { error: 'too_large' });
          if (!isSealedBucketLength(n, maxPadded)) return json(reply, 400, { error: 'bad_size' });
        }
        return payload;
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || !isSealedBucketLength(body.length, maxPadded)) {
        return json(reply, 400, { error: 'bad_size' });
      }
      const outcome = await store.putAsync(request.params.id, body);
      if (outcome === 'created') return json(reply, 201, { stored: true });
      if (outcome === 'duplicate') return json(reply, 200, { stored: true });
      return json(reply, 409, { error: 'conflict' });
    },
  );

  return app;
}

/** Closes the server (in-flight requests finish), then the database, on SIGINT/SIGTERM. */
export function closeOnSignals(app: FastifyInstance, onClosed?: (error?: unknown) => void): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      onClosed?.(new Error('shutdown timed out'));
    }, 15_000);
    timer.unref();
    app.close().then(
      () => onClosed?.(),
      (e: unknown) => onClosed?.(e),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
