/**
 * `npm run audit:verify [-- --json]`: recomputes the hash of every entry in the audit trail and
 * checks that each links to the one before. Exits 0 when the chain is whole, 1 when it is broken
 * (and says where), 2 when the database cannot be read.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/env.js';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../features/audit/chain.js';

/** The report's text and the exit code. */
export async function auditVerify(db: Db, json: boolean): Promise<{ text: string; exitCode: 0 | 1 }> {
  const report = await verifyAuditChain(db);
  const text = json
    ? JSON.stringify(report)
    : report.ok
      ? `Ändringsloggen är hel: ${report.checked} poster kontrollerade.`
      : `Ändringsloggen är bruten vid post ${report.brokenAt?.id}: ${report.brokenAt?.reason} (${report.checked} poster före den är hela).`;
  return { text: `${text}\n`, exitCode: report.ok ? 0 : 1 };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const { text, exitCode } = await auditVerify(handle.db, process.argv.includes('--json'));
    process.stdout.write(text);
    process.exitCode = exitCode;
  } finally {
    await handle.db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
