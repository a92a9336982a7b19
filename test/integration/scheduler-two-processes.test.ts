/**
 * Exactly-once scheduled work with two real Node processes against one PostgreSQL database.
 *
 * The scheduler is compiled with tsc (no type check, as the strategy import's CLI test does; a
 * few seconds). Two child processes start at the same moment (a shared start time) and each runs
 * four ticks at once, half of them without the advisory lock, so the rows in the database alone
 * must keep the work exactly once; `now` is passed to both. Then every reminder and every digest
 * must have arrived exactly once at the loopback SMTP server, and `scheduled_runs` must hold one
 * row per week. A second round runs a worker beside the real `reminders:run` command.
 * PostgreSQL only: skipped unless TEST_POSTGRES_URL is set.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { dueForPeople } from '../../src/features/reminders/jobs.js';
import type { TickResult } from '../../src/features/reminders/scheduler.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { type ReceivedMail, startTestSmtp } from '../support/auth-mail.js';

const ROOT = process.cwd();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-scheduler-'));
const BUILD = path.join(TMP, 'build');
const TS = '2026-01-01T00:00:00.000Z';
const TICKS_PER_PROCESS = 4;

/** The worker: waits for the common start time, then runs its ticks at once and prints their results. */
const WORKER = `
import { loadConfig } from './src/config/env.js';
import { openDatabase } from './src/db/database.js';
import { runScheduledWork } from './src/features/reminders/scheduler.js';
import { setLogLevel } from './src/log.js';
const config = loadConfig(process.env);
setLogLevel('silent');
const handle = openDatabase(config.database);
const now = new Date(process.env.TICK_NOW);
await new Promise((r) => setTimeout(r, Math.max(0, Number(process.env.START_AT) - Date.now())));
const ticks = Array.from({ length: Number(process.env.TICKS) }, (_, i) => runScheduledWork({ db: handle.db, config, now, advisoryLock: i % 2 === 0 }));
const results = await Promise.all(ticks);
process.stdout.write(JSON.stringify(results));
await handle.db.destroy();
`;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: BUILD, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? TMP, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!process.env.TEST_POSTGRES_URL)('scheduled work in two processes on one PostgreSQL database', () => {
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Compile the scheduler, its CLI and what they import, as `npm run` builds them.
    const started = Date.now();
    fs.writeFileSync(
      path.join(TMP, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.build.json'),
        compilerOptions: { outDir: BUILD, rootDir: ROOT, noCheck: true, sourceMap: false, types: [] },
        files: [path.join(ROOT, 'src/features/reminders/scheduler.ts'), path.join(ROOT, 'src/cli/reminders.ts')],
        include: [],
      }),
    );
    const tsc = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(TMP, 'tsconfig.json')]);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    if (!fs.existsSync(path.join(BUILD, 'src/features/reminders/scheduler.js'))) throw new Error(`tsc did not build the scheduler:\n${tsc.out}`);
    fs.writeFileSync(path.join(BUILD, 'package.json'), JSON.stringify({ type: 'module' }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(BUILD, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(BUILD, 'worker.mjs'), WORKER);
    process.stderr.write(`scheduler-two-processes: compiled in ${Date.now() - started} ms\n`);

    t = await createAdminTestApp('postgres');
    smtp = await startTestSmtp();
    const db = t.handle.db;
    // Deadlines of several kinds, for units A and B and for the municipality as a whole.
    const strategy = await db
      .insertInto('strategies')
      .values({ municipality_id: t.arvikaId, title_sv: 'Schemastrategi', title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'draft', superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = await db
      .insertInto('action_plans')
      .values({ municipality_id: t.arvikaId, strategy_id: Number(strategy.id), title_sv: 'Schemaplan', title_en: null, period_start: '2020-01-01', period_end: '2099-12-31', status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [title, unit] of [
      ['Schemaåtgärd A', t.ownUnit.id],
      ['Schemaåtgärd B', t.otherUnit.id],
    ] as const) {
      await db
        .insertInto('measures')
        .values({ municipality_id: t.arvikaId, plan_id: Number(plan.id), title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2020-01-01', end_date: '2026-11-30', status: 'ongoing', progress: 10, progress_updated_at: '2026-03-01T10:00:00.000Z', created_at: TS, updated_at: TS })
        .execute();
    }
    if (t.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    env = { DATABASE_URL: t.config.database.url, DATABASE_POOL_SIZE: '8', SMTP_URL: smtp.url, MAIL_FROM: 'Utblick <utblick@test.example>', BASE_URL: t.config.baseUrl, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' };
  }, 300_000);

  afterAll(async () => {
    await smtp?.close();
    await t?.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  const isDigest = (m: ReceivedMail) => m.subject.startsWith('Veckosammanfattning') || m.subject.startsWith('Weekly summary');
  /** The item lines of a mail ("- Kind: title" and its link): one per reminder. */
  const itemsOf = (m: ReceivedMail) => [...m.text.matchAll(/^- (.+)\n {2}.+\n {2}\S+ (http\S+)$/gm)].map((x) => `${x[1]} ${x[2]}`);

  /** What one process computes for `now`: each person's items within the reminder window. */
  async function expected(now: Date) {
    const { byPerson, people } = await dueForPeople(t.handle.db, todayInSweden(now));
    return [...byPerson].map(([userId, items]) => ({ person: people.get(userId)!, count: items.length }));
  }

  it('two processes ticking at the same moment send every reminder and digest exactly once', async () => {
    const now = new Date('2026-11-23T07:00:00Z'); // Monday 08:00 in Stockholm: reminders and week 48's digest
    const want = await expected(now);
    expect(want.length).toBeGreaterThanOrEqual(4);
    const startAt = String(Date.now() + 1500);
    const workerEnv = { ...env, TICK_NOW: now.toISOString(), START_AT: startAt, TICKS: String(TICKS_PER_PROCESS) };
    const [a, b] = await Promise.all([run(['worker.mjs'], workerEnv), run(['worker.mjs'], workerEnv)]);
    for (const r of [a, b]) expect(r.code, r.stderr).toBe(0);
    const results = [...(JSON.parse(a.stdout) as TickResult[]), ...(JSON.parse(b.stdout) as TickResult[])];
    expect(results).toHaveLength(2 * TICKS_PER_PROCESS);

    const reminders = smtp.mails.filter((m) => !isDigest(m));
    const digests = smtp.mails.filter(isDigest);
    // One reminder mail per person with something due, with all of their items; nothing twice.
    for (const { person, count } of want) {
      const theirs = reminders.filter((m) => m.to.includes(person.email));
      expect(theirs, person.email).toHaveLength(1);
      const lines = itemsOf(theirs[0]!);
      expect(lines, person.email).toHaveLength(count);
      expect(new Set(lines).size).toBe(lines.length);
    }
    expect(reminders).toHaveLength(want.length);
    // The ticks' own counts agree with what arrived and with the database.
    expect(results.reduce((n, r) => n + r.reminders.mails, 0)).toBe(reminders.length);
    expect(results.reduce((n, r) => n + r.reminders.reminders, 0)).toBe(want.reduce((n, w) => n + w.count, 0));
    const sentRows = await t.handle.db.selectFrom('reminders_sent').select(['user_id', 'reminder_key']).execute();
    expect(sentRows.filter((r) => !r.reminder_key.startsWith('digest:'))).toHaveLength(want.reduce((n, w) => n + w.count, 0));

    // The digest: once per person who wants it, in one claimed run.
    const wantDigest = want.filter((w) => !w.person.digestOptOut);
    for (const { person } of wantDigest) expect(digests.filter((m) => m.to.includes(person.email)), person.email).toHaveLength(1);
    expect(digests).toHaveLength(wantDigest.length);
    expect(results.filter((r) => r.digest.claimed)).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.digest.sent, 0)).toBe(digests.length);
    const runs = await t.handle.db.selectFrom('scheduled_runs').selectAll().execute();
    expect(runs.map((r) => [r.job, r.run_key])).toEqual([['weekly_digest', '2026-W48']]);
    expect(runs[0]!.finished_at).toBe(now.toISOString());
    expect(JSON.parse(runs[0]!.result!)).toEqual({ sent: digests.length, failed: 0 });
    // Both processes took part: ticks with the lock that found it taken did nothing; at least one of each process's ticks ran.
    for (const r of [a, b]) expect((JSON.parse(r.stdout) as TickResult[]).some((x) => x.ran)).toBe(true);
  }, 120_000);

  it('a worker beside the real reminders:run command: the next week’s digest once, no reminder again', async () => {
    const before = smtp.mails.length;
    const now = new Date('2026-11-30T07:00:00Z'); // the next Monday: week 49
    const wantDigest = (await expected(now)).filter((w) => !w.person.digestOptOut);
    const startAt = String(Date.now() + 1000);
    const [worker, cli] = await Promise.all([
      run(['worker.mjs'], { ...env, TICK_NOW: now.toISOString(), START_AT: startAt, TICKS: String(TICKS_PER_PROCESS) }),
      new Promise<Awaited<ReturnType<typeof run>>>((resolve) => setTimeout(() => resolve(run(['src/cli/reminders.js', '--json', '--now', now.toISOString()], env)), Number(startAt) - Date.now())),
    ]);
    expect(worker.code, worker.stderr).toBe(0);
    expect(cli.code, cli.stderr).toBe(0);
    const cliResult = JSON.parse(cli.stdout) as TickResult;
    const results = [...(JSON.parse(worker.stdout) as TickResult[]), cliResult];
    const mails = smtp.mails.slice(before);
    const digests = mails.filter(isDigest);
    for (const { person } of wantDigest) expect(digests.filter((m) => m.to.includes(person.email)), person.email).toHaveLength(1);
    expect(digests).toHaveLength(wantDigest.length);
    expect(digests.every((m) => /vecka 49|week 49/.test(m.subject))).toBe(true);
    expect(results.filter((r) => r.digest.claimed)).toHaveLength(1);
    // The measures ended on 30 November, within the reminder window already a week ago: nothing new to remind of.
    expect(mails.filter((m) => !isDigest(m))).toHaveLength(results.reduce((n, r) => n + r.reminders.mails, 0));
    for (const m of mails.filter((x) => !isDigest(x))) expect(itemsOf(m).some((l) => l.includes('Schemaåtgärd'))).toBe(false);
    const runs = await t.handle.db.selectFrom('scheduled_runs').select(['job', 'run_key', 'finished_at']).orderBy('run_key').execute();
    expect(runs.map((r) => [r.job, r.run_key])).toEqual([
      ['weekly_digest', '2026-W48'],
      ['weekly_digest', '2026-W49'],
    ]);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
  }, 120_000);
});
