/**
 * Start-up: validate the configuration, open and migrate the database, load the seed
 * municipalities when it is empty, then serve. `GET /healthz` answers once all that is done.
 */
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { ConfigError, type Config, loadConfig } from './config/env.js';
import { type DbHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { todayInSweden } from './features/decisions/registry.js';
import { startScheduler } from './features/reminders/scheduler.js';
import { createResponseCache } from './http/response-cache.js';
import { log, setLogLevel } from './log.js';
import { seedIfEmpty } from './seed/load.js';

/** Opens, migrates and (if empty) seeds the database. */
export async function prepareDatabase(config: Config): Promise<DbHandle> {
  const handle = openDatabase(config.database);
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log('info', 'migrations applied', { applied });
  if (config.seedOnEmpty && (await seedIfEmpty(handle))) log('info', 'seed municipalities loaded');
  return handle;
}

/**
 * The HTTP server of an app: the response cache in front of Hono when enabled.
 * @returns the server, listening once the promise resolves, and its port.
 */
export async function startHttpServer(handle: DbHandle, config: Config): Promise<{ server: http.Server; port: number }> {
  const app = createApp({ handle, config });
  // The date is part of the version: the strategy page's traffic lights compare progress with today.
  const { dataVersion } = handle;
  const versionToday = dataVersion ? () => `${dataVersion()}|${todayInSweden()}` : undefined;
  const listener = config.responseCache.enabled
    ? createResponseCache(app.fetch, { dataVersion: versionToday, maxBytes: config.responseCache.maxBytes, ttlMs: config.responseCache.ttlMs }).listener
    : getRequestListener(app.fetch);
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : config.port };
}

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  setLogLevel(config.logLevel);
  const handle = await prepareDatabase(config);
  const { server, port } = await startHttpServer(handle, config);
  log('info', 'Utblick is serving', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    database: config.database.kind,
    responseCache: config.responseCache.enabled,
    scheduler: config.scheduler.enabled,
  });
  // Reminders and the weekly digest; exactly once across processes (src/features/reminders/scheduler.ts).
  const scheduler = config.scheduler.enabled ? startScheduler(handle.db, config) : undefined;
  const stop = () => {
    const schedulerStopped = scheduler?.stop() ?? Promise.resolve();
    server.close(() => {
      void schedulerStopped.then(() => handle.db.destroy()).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('server.js') || entry.endsWith('server.ts')) {
  main().catch((e: unknown) => {
    process.stderr.write(`Utblick could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
