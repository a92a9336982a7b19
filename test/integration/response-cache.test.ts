/**
 * The cache of rendered responses in front of the app, through a real HTTP server: served again
 * while the data is unchanged, rendered anew after a change (SQLite: exact, from the data version;
 * PostgreSQL: after the time-to-live), and never used for what must not be shared.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/seed/load.js';
import { startHttpServer } from '../../src/server.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';

const kinds = await availableDatabases();

describe.each(kinds)('response cache on %s', (kind) => {
  let t: TestDb;
  let server: http.Server;
  let origin: string;
  const ttlMs = 300;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedIfEmpty(t.handle);
    const config = { ...t.config, host: '127.0.0.1', port: 0, responseCache: { enabled: true, maxBytes: 8 * 1024 * 1024, ttlMs } };
    const started = await startHttpServer(t.handle, config);
    server = started.server;
    origin = `http://127.0.0.1:${started.port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(origin + path, { headers });

  it('serves a page again from memory, byte for byte, with its own request id', async () => {
    const first = await get('/ale/projekt?q=Ruukki');
    const firstBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await get('/ale/projekt?q=Ruukki');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('renders anew after the data changes', async () => {
    const list = await (await get('/api/v1/municipalities/ale/projects?q=Vikinga')).json();
    const id = list.items[0].id as number;
    const before = await (await get(`/ale/projekt/${id}`)).text();
    expect((await get(`/ale/projekt/${id}`)).headers.get('x-cache')).toBe('hit');
    await t.handle.db.updateTable('projects').set({ title_sv: 'Vikinga-projektet (ändrad titel)' }).where('id', '=', id).execute();
    if (kind === 'postgres') await new Promise((r) => setTimeout(r, ttlMs + 100));
    const after = await get(`/ale/projekt/${id}`);
    expect(after.headers.get('x-cache')).toBe('miss');
    const body = await after.text();
    expect(body).not.toBe(before);
    expect(body).toContain('Vikinga-projektet (ändrad titel)');
  });

  it('keeps the API languages apart', async () => {
    await get('/api/v1/municipalities');
    const en = await get('/api/v1/municipalities', { 'Accept-Language': 'en' });
    expect((await en.json()).items.find((m: { slug: string }) => m.slug === 'ale').name).toBe('Ale Municipality');
    const sv = await get('/api/v1/municipalities');
    expect((await sv.json()).items.find((m: { slug: string }) => m.slug === 'ale').name).toBe('Ale kommun');
  });

  it('never caches for signed-in people, conditional or no-cache requests, downloads or errors', async () => {
    await get('/ale');
    for (const headers of [{ Cookie: 'session=x' }, { Authorization: 'Bearer x' }, { 'Cache-Control': 'no-cache' }] as Record<string, string>[]) {
      expect((await get('/ale', headers)).headers.get('x-cache'), JSON.stringify(headers)).toBeNull();
    }
    await get('/ale/projekt.csv');
    expect((await get('/ale/projekt.csv')).headers.get('x-cache')).not.toBe('hit');
    await get('/ale/projekt/999999');
    const missing = await get('/ale/projekt/999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-cache')).not.toBe('hit');
    expect((await get('/healthz')).headers.get('x-cache')).toBeNull();
  });
});
