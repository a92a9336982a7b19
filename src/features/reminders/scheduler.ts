/**
 * Scheduled work that runs exactly once however many Utblick processes share one database.
 *
 * - A tick (`runScheduledWork`) sends new reminders and, once a week, the weekly digest.
 * - On PostgreSQL a tick first takes a session advisory lock on one connection
 *   (`pg_try_advisory_lock`) and does all its work on that connection; a process that does not get
 *   the lock skips the tick, so two processes do not even compute twice. The lock is released at
 *   the end, and by PostgreSQL when the connection or process dies.
 * - Exactness does not rest on the lock: a weekly run is claimed by inserting its
 *   `scheduled_runs` row (primary key job + run key: one process wins, the others skip), and every
 *   mail by inserting its `reminders_sent` row first (see jobs.ts). On SQLite those rows suffice
 *   (write transactions there are serialised by BEGIN IMMEDIATE).
 * - Crash safety: a run claimed but not finished for more than 30 minutes (the process died, or
 *   some mail could not be sent) may be taken over by the next tick of any process; mail already
 *   sent is not sent again, because its `reminders_sent` row is still there.
 * - `startScheduler` runs a tick every `SCHEDULER_INTERVAL_SECONDS` in the server process (an
 *   unref'd timer); `npm run reminders:run` runs one tick, e.g. from cron.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../../config/env.js';
import { isPostgres } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { log } from '../../log.js';
import { todayInSweden } from '../decisions/registry.js';
import { type Mailer, mailerFor } from '../mail/mailer.js';
import { type DigestResult, digestRunKey, dueForPeople, type ReminderResult, sendReminders, sendWeeklyDigest } from './jobs.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The advisory lock key of a tick (any constant shared by every Utblick process): "utbl" in ASCII. */
export const SCHEDULER_LOCK_KEY = 0x7574626c;

/** A claimed run not finished after this long may be taken over by another process. */
export const TAKEOVER_AFTER_MS = 30 * 60_000;

/** Who claims: host, process and a random part (two schedulers in one process differ too). */
export function processIdentity(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Claims a run of a job: inserts its row, or takes over a run claimed more than 30 minutes ago
 * that never finished. True for exactly one caller per run (the database decides).
 */
export async function claimRun(db: Db, job: string, runKey: string, claimedBy: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('scheduled_runs')
    .values({ job, run_key: runKey, claimed_by: claimedBy, claimed_at: now.toISOString(), finished_at: null, result: null })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('job')
    .execute();
  if (inserted.length > 0) return true;
  const takenOver = await db
    .updateTable('scheduled_runs')
    .set({ claimed_by: claimedBy, claimed_at: now.toISOString() })
    .where('job', '=', job)
    .where('run_key', '=', runKey)
    .where('finished_at', 'is', null)
    .where('claimed_at', '<', new Date(now.getTime() - TAKEOVER_AFTER_MS).toISOString())
    .executeTakeFirst();
  return Number(takenOver.numUpdatedRows) > 0;
}

/**
 * Records a run's result; marks it finished unless some of its mail failed (then it stays open,
 * and after 30 minutes a tick takes it over and tries again).
 */
export async function finishRun(db: Db, job: string, runKey: string, claimedBy: string, result: DigestResult, now: Date): Promise<void> {
  await db
    .updateTable('scheduled_runs')
    .set({ finished_at: result.failed === 0 ? now.toISOString() : null, result: JSON.stringify(result) })
    .where('job', '=', job)
    .where('run_key', '=', runKey)
    .where('claimed_by', '=', claimedBy)
    .execute();
}

export interface TickOptions {
  db: Kysely<Database>;
  config: Pick<Config, 'baseUrl' | 'mail'>;
  /** `mailerFor(config)` by default. */
  mailer?: Mailer;
  /** The time of the tick; now by default (tests pass a fixed time). */
  now?: Date;
  /** Who claims runs; a new `processIdentity()` by default. */
  claimedBy?: string;
  /**
   * PostgreSQL: take the advisory lock (default true). Turned off only by tests that check that
   * the rows in the database alone keep the work exactly once.
   */
  advisoryLock?: boolean;
}

export interface TickResult {
  /** False when another process held the lock and this tick did nothing. */
  ran: boolean;
  reminders: ReminderResult;
  digest: { runKey: string | null; claimed: boolean } & DigestResult;
}

const idle = (): TickResult => ({ ran: false, reminders: { mails: 0, reminders: 0, failed: 0 }, digest: { runKey: null, claimed: false, sent: 0, failed: 0 } });

/**
 * One tick of the scheduled work: new reminders, and the weekly digest when its week's run has
 * not been claimed yet. Returns what it did.
 * @example await runScheduledWork({ db, config, now: new Date('2026-11-23T07:00:00Z') }) // { ran: true, reminders: { mails: 3, … }, digest: { runKey: '2026-W48', claimed: true, sent: 4, failed: 0 } }
 */
export async function runScheduledWork(options: TickOptions): Promise<TickResult> {
  const { db } = options;
  if (!isPostgres(db) || options.advisoryLock === false) return tick(db, options);
  return db.connection().execute(async (conn) => {
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${sql.lit(SCHEDULER_LOCK_KEY)}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return idle();
    try {
      return await tick(conn, options);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(SCHEDULER_LOCK_KEY)})`.execute(conn);
    }
  });
}

async function tick(db: Kysely<Database>, options: TickOptions): Promise<TickResult> {
  const now = options.now ?? new Date();
  const claimedBy = options.claimedBy ?? processIdentity();
  const ctx = { db, baseUrl: options.config.baseUrl, mailer: options.mailer ?? mailerFor(options.config), now };
  // What is due for whom today: computed once, for the reminders and the digest alike.
  const due = await dueForPeople(db, todayInSweden(now));
  const reminders = await sendReminders(ctx, due);
  const runKey = digestRunKey(now) ?? null;
  let digest: TickResult['digest'] = { runKey, claimed: false, sent: 0, failed: 0 };
  if (runKey && (await claimRun(db, 'weekly_digest', runKey, claimedBy, now))) {
    const result = await sendWeeklyDigest(ctx, runKey, due);
    await finishRun(db, 'weekly_digest', runKey, claimedBy, result, now);
    digest = { runKey, claimed: true, ...result };
  }
  if (reminders.mails + reminders.failed + digest.sent + digest.failed > 0) log('info', 'scheduled work', { reminders, digest });
  return { ran: true, reminders, digest };
}

export interface Scheduler {
  /** Stops the timer and waits for a running tick to end. */
  stop(): Promise<void>;
}

/**
 * Runs a tick every `config.scheduler.intervalSeconds` (the first after a few seconds), on an
 * unref'd timer so it never keeps the process alive. A tick still running when the next is due
 * makes that one skip; errors are logged, never thrown.
 */
export function startScheduler(db: Kysely<Database>, config: Pick<Config, 'baseUrl' | 'mail' | 'scheduler'>): Scheduler {
  const claimedBy = processIdentity();
  let running: Promise<unknown> | undefined;
  const run = () => {
    if (running) return;
    running = runScheduledWork({ db, config, claimedBy })
      .catch((e: unknown) => log('error', 'scheduled work failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 5_000);
  const every = setInterval(run, config.scheduler.intervalSeconds * 1000);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
