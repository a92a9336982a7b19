/**
 * `npm run feedback [-- --municipality <slug>] [--json]`: prints the answers to "Hjälpte
 * informationen på sidan dig?" per page, until the back office shows them. Comments are counted,
 * not printed: they may hold personal data and belong in the back office.
 */
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { feedbackCounts } from '../features/feedback/repository.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const slugIndex = args.indexOf('--municipality');
  const slug = slugIndex >= 0 ? args[slugIndex + 1] : undefined;
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    let scope: number | 'all' = 'all';
    if (slug) {
      const m = await handle.db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst();
      if (!m) {
        process.stderr.write(`Det finns ingen kommun med adressen "${slug}".\n`);
        process.exitCode = 2;
        return;
      }
      scope = Number(m.id);
    }
    const rows = await feedbackCounts(handle.db, scope);
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) {
      process.stdout.write('Inga svar ännu. / No answers yet.\n');
      return;
    }
    const width = Math.max(4, ...rows.map((r) => r.path.length));
    process.stdout.write(`${'Sida'.padEnd(width)}  Ja  Nej  Kommentarer\n`);
    for (const r of rows) process.stdout.write(`${r.path.padEnd(width)}  ${String(r.yes).padStart(2)}  ${String(r.no).padStart(3)}  ${String(r.comments).padStart(11)}\n`);
  } finally {
    await handle.db.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
