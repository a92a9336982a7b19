/**
 * `npm run reminders:run [-- --json] [-- --now <tid>]`
 *
 * Runs one tick of the scheduled work (src/features/reminders/scheduler.ts): new e-mail reminders
 * of deadlines and, from Monday 06:00 Swedish time, the week's digest. For cron when the server
 * runs with `SCHEDULER=off`; safe beside running servers and other cron jobs against the same
 * database (each reminder and each week's digest is sent once). `--now` runs the tick as at
 * another time (an ISO 8601 timestamp), e.g. to send a week's digest that was missed.
 * Exit codes: 0 done (also when another process held the lock), 2 wrong arguments or
 * configuration, 1 anything else. Errors are one line in Swedish.
 */
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { runScheduledWork, type TickResult } from '../features/reminders/scheduler.js';
import { setLogLevel } from '../log.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const USAGE = `Användning:
  npm run reminders:run [-- --json] [-- --now 2026-11-23T07:00:00Z]

  --json   skriv ut resultatet som JSON
  --now    kör som vid en annan tidpunkt (ISO 8601)
`;

/** Wrong arguments (exit code 2). */
export class UsageError extends Error {}

/**
 * The command's arguments.
 * @example parseArgs(['--now', '2026-11-23T07:00:00Z']) // { json: false, now: Date(2026-11-23T07:00:00Z) }
 */
export function parseArgs(argv: string[]): { json: boolean; now?: Date } {
  let json = false;
  let now: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--now' || a.startsWith('--now=')) {
      const value = a === '--now' ? argv[++i] : a.slice('--now='.length);
      const parsed = value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
      if (!parsed || Number.isNaN(parsed.getTime())) throw new UsageError('--now behöver en tidpunkt, till exempel 2026-11-23T07:00:00Z.');
      now = parsed;
    } else throw new UsageError(`Okänt argument "${a}".`);
  }
  return { json, now };
}

/** The result as a line of Swedish. */
export function summary(result: TickResult): string {
  if (!result.ran) return 'En annan process körde de schemalagda jobben just nu; inget gjordes.';
  const { reminders, digest } = result;
  const parts = [`Påminnelser: ${reminders.mails} mejl med ${reminders.reminders} påminnelser`];
  if (reminders.failed) parts.push(`${reminders.failed} mejl kunde inte skickas`);
  if (digest.claimed) parts.push(`veckosammanfattning ${digest.runKey}: ${digest.sent} skickade${digest.failed ? `, ${digest.failed} misslyckades` : ''}`);
  else parts.push(digest.runKey ? `veckosammanfattning ${digest.runKey}: redan skickad` : 'veckosammanfattning: inte förrän måndag kl. 6');
  return `${parts.join('; ')}.`;
}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  let config: ReturnType<typeof loadConfig>;
  try {
    args = parseArgs(argv);
    config = loadConfig(io.env, io.cwd);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  setLogLevel(config.logLevel);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const result = await runScheduledWork({ db: handle.db, config, now: args.now });
    io.out(`${args.json ? JSON.stringify(result) : summary(result)}\n`);
    return 0;
  } finally {
    await handle.db.destroy();
  }
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('reminders.js') || entry.endsWith('reminders.ts')) {
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`De schemalagda jobben kunde inte köras: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
