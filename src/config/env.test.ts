import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to the SQLite file data/utblick.db and port 3000', () => {
    const c = loadConfig({}, '/srv/utblick');
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('/srv/utblick/data/utblick.db') });
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
  });
  it('reads sqlite: and postgres:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:other.db' }, '/srv').database).toEqual({ kind: 'sqlite', file: '/srv/other.db' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/u.db' }).database).toEqual({ kind: 'sqlite', file: '/var/lib/u.db' });
    const pg = loadConfig({ DATABASE_URL: 'postgres://u@db/utblick', DATABASE_POOL_SIZE: '5' }).database;
    expect(pg).toEqual({ kind: 'postgres', url: 'postgres://u@db/utblick', poolSize: 5, statementTimeoutMs: 15000 });
  });
  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BASE_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'BASE_URL', 'LOG_LEVEL']) expect(problems).toContain(name);
    }
  });
});

describe('operator', () => {
  it('names who runs the installation and where to report accessibility problems', () => {
    const c = loadConfig({ OPERATOR_NAME: 'Ale kommun', ACCESSIBILITY_EMAIL: 'tillganglighet@ale.se' });
    expect(c.operator).toEqual({ name: 'Ale kommun', accessibilityEmail: 'tillganglighet@ale.se', accessibilityPhone: undefined });
    expect(() => loadConfig({ ACCESSIBILITY_EMAIL: 'not-an-address' })).toThrow(/ACCESSIBILITY_EMAIL/);
  });
});

describe('scheduler', () => {
  it('runs scheduled work in the server every 300 seconds unless turned off', () => {
    expect(loadConfig({}).scheduler).toEqual({ enabled: true, intervalSeconds: 300 });
    expect(loadConfig({ SCHEDULER: 'off', SCHEDULER_INTERVAL_SECONDS: '60' }).scheduler).toEqual({ enabled: false, intervalSeconds: 60 });
    for (const env of [{ SCHEDULER: 'yes' }, { SCHEDULER_INTERVAL_SECONDS: '5' }, { SCHEDULER_INTERVAL_SECONDS: 'often' }]) {
      expect(() => loadConfig(env)).toThrow(/SCHEDULER/);
    }
  });
});
