/**
 * A cache of rendered public responses in front of the application, at the node:http level.
 *
 * The public site and the open API are read far more often than the data changes. A response to
 * an anonymous GET is kept, keyed by its URL (and, for the API, the answer language), together
 * with the data version it was rendered at; it is served again, byte for byte, while the data
 * version is unchanged. Invalidation is exact where the database tells its version cheaply
 * (SQLite: `DbHandle.dataVersion`, which also sees commits of other processes). Where it cannot
 * (PostgreSQL, several processes), an entry lives at most `ttlMs` (default 1 s): a micro-cache that
 * bounds how stale a page can be.
 *
 * Never cached: requests with a Cookie or Authorization header (signed-in people), conditional
 * requests (If-None-Match: the app answers 304), requests that ask `Cache-Control: no-cache`,
 * responses that set cookies, downloads (Content-Disposition), anything but 200, and the health
 * check. Every served response gets its own X-Request-Id and `X-Cache: hit` or `miss`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';

type Fetch = (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;

export interface ResponseCacheOptions {
  /** Data version; undefined → entries expire after ttlMs instead. */
  dataVersion?: () => string;
  ttlMs?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
}

interface Entry {
  version: string;
  expires: number;
  status: number;
  /** Flat [name, value, …] list, ready for writeHead; without x-request-id (set per response). */
  headers: string[];
  body: Buffer;
}

export interface ResponseCache {
  listener: RequestListener;
}

const UNCACHEABLE_PATHS = new Set(['/healthz']);

function langKey(accept: string | undefined): string {
  return /^\s*en\b/i.test(accept ?? '') ? 'en' : 'sv';
}

/** The cache key of a request, or undefined when the request must not use the cache. */
function keyOf(method: string | undefined, url: string | undefined, headers: IncomingMessage['headers']): string | undefined {
  if (method !== 'GET' || !url) return undefined;
  if (headers.cookie || headers.authorization || headers['if-none-match']) return undefined;
  const cc = headers['cache-control'];
  if (cc && /no-cache|no-store|max-age=0/i.test(cc)) return undefined;
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (UNCACHEABLE_PATHS.has(path) || /^(\/en)?\/admin(\/|$)/.test(path)) return undefined;
  return path.startsWith('/api/') ? `${url}\n${langKey(headers['accept-language'] as string | undefined)}` : url;
}

/**
 * Wraps the application's fetch handler in a node:http request listener with the response cache.
 * @example http.createServer(createResponseCache(app.fetch, { dataVersion }).listener)
 */
export function createResponseCache(fetch: Fetch, options: ResponseCacheOptions = {}): ResponseCache {
  const ttlMs = options.ttlMs ?? 1000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const currentVersion = () => (options.dataVersion ? options.dataVersion() : 'ttl');

  const remove = (key: string) => {
    const e = entries.get(key);
    if (e) {
      bytes -= e.body.length;
      entries.delete(key);
    }
  };

  const store = (key: string, entry: Entry) => {
    remove(key);
    while (bytes + entry.body.length > maxBytes && entries.size > 0) remove(entries.keys().next().value as string);
    entries.set(key, entry);
    bytes += entry.body.length;
  };

  const cachingFetch: Fetch = async (request, env) => {
    const key = keyOf(env.incoming.method, env.incoming.url, env.incoming.headers);
    if (key === undefined) return fetch(request, env);
    // The version is read before rendering: a change during rendering makes the next request miss.
    const version = currentVersion();
    const response = await fetch(request, env);
    if (
      response.status !== 200 ||
      response.headers.has('set-cookie') ||
      response.headers.has('content-disposition') ||
      /no-store|private/.test(response.headers.get('cache-control') ?? '')
    ) {
      return response;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const headers: string[] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'x-request-id' && name !== 'content-length') headers.push(name, value);
    });
    headers.push('content-length', String(body.length), 'x-cache', 'hit');
    if (body.length <= maxEntryBytes) store(key, { version, expires: Date.now() + ttlMs, status: response.status, headers, body });
    const replay = new Headers(response.headers);
    replay.set('X-Cache', 'miss');
    return new Response(body, { status: response.status, headers: replay });
  };

  const app = getRequestListener(cachingFetch as Parameters<typeof getRequestListener>[0]);

  const listener: RequestListener = (req, res) => {
    const key = keyOf(req.method, req.url, req.headers);
    if (key !== undefined) {
      const entry = entries.get(key);
      if (entry) {
        const fresh = options.dataVersion ? entry.version === currentVersion() : entry.expires > Date.now();
        if (fresh) {
          // Most recently used last: the first key is the one to evict.
          entries.delete(key);
          entries.set(key, entry);
          res.writeHead(entry.status, [...entry.headers, 'x-request-id', randomUUID()]);
          res.end(entry.body);
          return;
        }
        remove(key);
      }
    }
    void app(req, res);
  };

  return { listener };
}
