/**
 * `npm run import:interreg -- --municipality <slug> [--file <path>] [--dry-run] [--include <name>]
 * [--exclude <name>]`: imports the Interreg 2021–2027 projects in which the municipality or one of
 * its own organisations is a partner, as draft projects (see src/features/imports/interreg/cli.ts).
 */
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importInterregCommand } from '../features/imports/interreg/cli.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    process.exitCode = await importInterregCommand(handle.db, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
  } finally {
    await handle.db.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
