/**
 * The load generator, run as a child process (pinned to its own core when `taskset` exists) so it
 * does not share a core with the server it measures. Usage:
 *   node dist/bench/load.js '{"url":"http://127.0.0.1:1234/","connections":10,"duration":8}'
 * Prints one JSON line (LoadResult) on stdout. Only loopback URLs are accepted.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  url: string;
  /** Median of autocannon's per-second request counts. */
  rpsMedian: number;
  /** Mean of autocannon's per-second request counts. */
  rpsMean: number;
  totalRequests: number;
  durationS: number;
  /** Latency percentiles (ms) from every response's own hrtime duration (autocannon's 'response' event). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** autocannon's own latency histogram, 1 ms resolution. */
  acP50: number;
  acP99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const u = new URL(opts.url);
  if (u.hostname !== '127.0.0.1') throw new Error(`The load generator only targets 127.0.0.1, not ${u.hostname}`);
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, connections: opts.connections, duration: opts.duration, pipelining: 1, timeout: 10, headers: opts.headers ?? {} },
      (err, result) => {
        if (err) return reject(err);
        const sorted = latencies.slice(0, n).sort();
        resolve({
          url: opts.url,
          rpsMedian: result.requests.p50,
          rpsMean: result.requests.average,
          totalRequests: result.requests.total,
          durationS: result.duration,
          p50: percentile(sorted, 50),
          p90: percentile(sorted, 90),
          p99: percentile(sorted, 99),
          max: percentile(sorted, 100),
          acP50: result.latency.p50,
          acP99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerResponse: n ? Math.round(bytes / n) : 0,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
      if (statusCode < 200 || statusCode >= 300) return;
      if (n === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[n++] = responseTime;
      bytes += resBytes;
    });
  });
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('load.js') || entry.endsWith('load.ts')) {
  const opts = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
  runLoad(opts).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`load: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
