/**
 * `npm run audit:verify`: recomputes the hash of every entry in the audit trail and checks that
 * each links to the one before. Exits 0 when the chain is whole, 1 when it is broken (and says
 * where), 2 when the database cannot be read.
 */
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../features/audit/chain.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const report = await verifyAuditChain(handle.db);
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
    else if (report.ok) process.stdout.write(`Granskningsloggen är hel: ${report.checked} poster kontrollerade.\n`);
    else {
      process.stdout.write(
        `Granskningsloggen är bruten vid post ${report.brokenAt?.id}: ${report.brokenAt?.reason} (${report.checked} poster var hela före den).\n`,
      );
    }
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await handle.db.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
