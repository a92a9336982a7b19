/**
 * The Interreg import from the command line (`src/cli/import-interreg.ts` wires it to the
 * configured database). Kept here, with the database handed in, so tests run it in-process.
 *
 *   --municipality <slug>   required
 *   --file <path>           the partner list (default: ../shared/data/reference/…json)
 *   --dry-run               show what would be imported; write nothing
 *   --include <name>        also import the projects of this organisation (repeatable), e.g. a
 *                           name listed as "possible"; names are compared as the import compares them
 *   --exclude <name>        leave out an organisation found automatically (repeatable)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/database.js';
import { PROJECT_ROOT } from '../../../paths.js';
import { readInterregRows } from './interreg.js';
import { createInterregRun, interregCandidates, previewInterreg, runInterreg } from './run.js';
import { orgKey } from './org-names.js';
import { findMunicipality } from '../../municipalities/repository.js';

export const DEFAULT_INTERREG_FILE = path.resolve(PROJECT_ROOT, '../shared/data/reference/interreg-2021-2027-swedish-partners.json');

function values(args: string[], flag: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === flag && args[i + 1] !== undefined) out.push(args[i + 1] as string);
  });
  return out;
}

/** Runs the command; returns the exit code (0 done, 1 failed, 2 bad arguments). */
export async function importInterregCommand(db: Db, args: string[], write: (line: string) => void, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  const slug = values(args, '--municipality')[0];
  const file = values(args, '--file')[0] ?? DEFAULT_INTERREG_FILE;
  const dryRun = args.includes('--dry-run');
  if (!slug) {
    write('Ange kommunen: --municipality <adress>, till exempel --municipality arvika. / Give the municipality: --municipality <slug>.');
    return 2;
  }
  const municipality = await findMunicipality(db, slug);
  if (!municipality) {
    write(`Det finns ingen kommun med adressen "${slug}". / There is no municipality "${slug}".`);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    write(`Filen ${file} går inte att läsa. / The file ${file} cannot be read.`);
    return 2;
  }
  const { rows, issues } = readInterregRows(text);
  for (const i of issues.slice(0, 20)) write(`rad/row ${i.row ?? '-'}: ${i.message.sv}`);
  if (rows.length === 0) return 1;

  const candidates = await interregCandidates(db, municipality, rows);
  const include = new Set(values(args, '--include').map(orgKey));
  const exclude = new Set(values(args, '--exclude').map(orgKey));
  const chosen = new Set([...candidates.filter((c) => c.match !== 'possible').map((c) => c.key), ...include].filter((k) => !exclude.has(k)));
  write(`${municipality.name_sv}: organisationer i listan / organisations in the list`);
  if (candidates.length === 0) write('  (inga / none)');
  for (const c of candidates) write(`  [${chosen.has(c.key) ? 'x' : ' '}] ${c.names.join(' | ')} (${c.match}, ${c.projects} projekt)`);
  for (const k of include) if (!candidates.some((c) => c.key === k)) write(`  [x] ${k} (--include)`);

  const plan = await previewInterreg(db, municipality, rows, [...chosen], today);
  write(`Nya / new: ${plan.counts.create}, ändrade / updated: ${plan.counts.update}, oförändrade / unchanged: ${plan.counts.unchanged}`);
  for (const p of plan.projects) write(`  ${p.action.padEnd(9)} ${p.externalRef}  ${p.title} (${p.role}${p.changes.length ? `; ${p.changes.join(', ')}` : ''})`);
  if (plan.newProgrammes.length) write(`Nya program / new programmes: ${plan.newProgrammes.join(', ')}`);
  if (plan.newOrganisations.length) write(`Nya organisationer / new organisations: ${plan.newOrganisations.length}`);
  if (dryRun) {
    write('Provkörning: inget har sparats. / Dry run: nothing has been saved.');
    return 0;
  }
  if (plan.projects.length === 0) return 0;
  const runId = await createInterregRun(db, { municipalityId: municipality.id, userId: null, filename: path.basename(file), rows, readIssues: issues });
  const outcome = await runInterreg(db, municipality, runId, [...chosen], { userId: null, label: 'system:import-interreg' }, today);
  if (!outcome.ok) {
    for (const i of outcome.issues) write(i.message.sv);
    return 1;
  }
  write(`Klart (import ${runId}): ${outcome.plan.counts.create} nya, ${outcome.plan.counts.update} ändrade utkast. / Done.`);
  return 0;
}
