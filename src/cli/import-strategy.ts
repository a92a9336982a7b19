/**
 * `npm run import:strategy -- <fil> [--json] [--municipality <kommun>]`
 *
 * Proposes a strategy's goal tree from its document (.txt, .md or .docx; see
 * src/features/strategy/import/). With `--json` it prints the proposal as JSON and touches no
 * database (the configuration is not even read). With `--municipality <kommun>` (and without
 * `--json`) it saves the proposal as a draft strategy of that municipality in the configured
 * database, audited as `system:import`, and prints its id. With neither, it prints the proposed
 * tree as text and saves nothing.
 * Exit codes: 0 done, 2 wrong arguments or input (unknown municipality, missing or unreadable
 * file), 1 anything else. Errors are one line in Swedish, never a stack trace.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { documentToText } from '../features/strategy/import/document.js';
import { proposeStrategy } from '../features/strategy/import/parse.js';
import { countGoals, saveProposedStrategy } from '../features/strategy/import/save.js';
import type { ProposedNode, ProposedStrategy } from '../features/strategy/model.js';
import { setLogLevel } from '../log.js';
import { seedIfEmpty } from '../seed/load.js';

export const USAGE = `Användning:
  npm run import:strategy -- <fil> --json
  npm run import:strategy -- <fil> --municipality <kommun>

  <fil>            strategin som .docx, .txt eller .md
  --json           skriv ut förslaget till målträd som JSON; inget sparas
  --municipality   spara förslaget som utkast till strategi i kommunen, till exempel arvika

Utan --json och --municipality skrivs förslaget ut som text och inget sparas.
`;

/** Files larger than this are not read (a strategy is a few pages). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Wrong arguments or input (exit code 2); `showUsage` when the usage text helps. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface ImportStrategyArgs {
  file: string;
  json: boolean;
  municipality?: string;
  help: boolean;
}

/** Reads the arguments. @throws UsageError with a Swedish message. */
export function parseArgs(argv: string[]): ImportStrategyArgs {
  const out: ImportStrategyArgs = { file: '', json: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--municipality' || arg.startsWith('--municipality=')) {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new UsageError('--municipality behöver ett värde, till exempel --municipality arvika.');
      out.municipality = v;
    } else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Okänt argument "${arg}".`);
    else files.push(arg);
  }
  if (out.help) return out;
  if (files.length === 0) throw new UsageError('Ange filen med strategin, till exempel: npm run import:strategy -- strategi.docx --json');
  if (files.length > 1) throw new UsageError(`Ange en fil åt gången (fick ${files.length}: ${files.join(', ')}).`);
  out.file = files[0]!;
  return out;
}

/** The proposal as the command prints it with --json. */
export function proposalJson(p: ProposedStrategy) {
  const node = (n: ProposedNode): object => ({ levelName: n.levelName, title: n.title, description: n.description, children: n.children.map(node) });
  return {
    title: p.title,
    vision: p.vision,
    adoptedBy: p.adoptedBy,
    adoptedOn: p.adoptedOn,
    minuteParagraph: p.minuteParagraph,
    registryNumber: p.registryNumber,
    responsibilities: p.responsibilities,
    goals: p.goals.map(node),
    warnings: p.warnings,
  };
}

/** Counts per level name, in the order the levels first appear: "4 Övergripande mål, 4 Målområde". */
export function levelSummary(nodes: ProposedNode[]): string {
  const counts = new Map<string, number>();
  const walk = (ns: ProposedNode[]) => {
    for (const n of ns) {
      counts.set(n.levelName, (counts.get(n.levelName) ?? 0) + 1);
      walk(n.children);
    }
  };
  walk(nodes);
  return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
}

function treeLines(nodes: ProposedNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}- ${n.levelName}: ${n.title}`, ...treeLines(n.children, depth + 1)]);
}

function factsLines(p: ProposedStrategy): string[] {
  const lines = [`Titel: ${p.title || '(ingen hittades)'}`];
  if (p.vision) lines.push(`Vision: ${p.vision}`);
  if (p.adoptedBy || p.adoptedOn) lines.push(`Antagen av ${p.adoptedBy || '(okänt organ)'}${p.adoptedOn ? ` ${p.adoptedOn}` : ''}${p.minuteParagraph ? `, ${p.minuteParagraph}` : ''}`);
  if (p.registryNumber) lines.push(`Diarienummer: ${p.registryNumber}`);
  const total = countGoals(p.goals);
  lines.push(total ? `Mål: ${total} (${levelSummary(p.goals)})` : 'Mål: inga hittades');
  return lines;
}

function warningLines(p: ProposedStrategy): string[] {
  return p.warnings.length ? ['Att kontrollera:', ...p.warnings.map((w) => `  - ${w.sv}`)] : [];
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Reads the file and makes the proposal. @throws UsageError when the file cannot be read. */
async function proposalFrom(file: string, cwd: string): Promise<ProposedStrategy> {
  const full = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory()) throw new UsageError(`${file} är en mapp, inte en fil.`, false);
    if (stat.size > MAX_FILE_BYTES) throw new UsageError(`Filen ${file} är för stor (${Math.round(stat.size / 1024 / 1024)} MB); högst 50 MB läses.`, false);
    bytes = await fs.readFile(full);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`Filen ${file} finns inte.`, false);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`Filen ${file} går inte att läsa: behörighet saknas.`, false);
    throw new UsageError(`Filen ${file} går inte att läsa.`, false);
  }
  const doc = await documentToText(bytes, path.basename(full));
  if (!doc.ok) throw new UsageError(`${file}: ${doc.message.sv}`, false);
  return proposeStrategy(doc.text);
}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const proposal = await proposalFrom(args.file, io.cwd);
    if (args.json) {
      io.out(`${JSON.stringify(proposalJson(proposal), null, 2)}\n`);
      return 0;
    }
    if (!args.municipality) {
      io.out([...factsLines(proposal), '', ...treeLines(proposal.goals), ...(proposal.goals.length ? [''] : []), ...warningLines(proposal), '', 'Inget har sparats. Ange --municipality <kommun> för att spara förslaget som utkast, eller --json för JSON.', ''].join('\n'));
      return 0;
    }
    return await save(args.municipality, args.file, proposal, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.showUsage ? `${e.message}\n\n${USAGE}` : `${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`Strategin kunde inte importeras: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

async function save(slug: string, file: string, proposal: ProposedStrategy, io: CliIo): Promise<number> {
  const config = loadConfig(io.env, io.cwd);
  setLogLevel(config.logLevel === 'info' ? 'error' : config.logLevel);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    if (config.seedOnEmpty) await seedIfEmpty(handle);
    const municipality = await handle.db.selectFrom('municipalities').select(['id', 'slug', 'name_sv']).where('slug', '=', slug).executeTakeFirst();
    if (!municipality) {
      io.err(`Det finns ingen kommun med adressen "${slug}" i databasen.\n`);
      return 2;
    }
    const id = await saveProposedStrategy(handle.db, null, Number(municipality.id), proposal, path.basename(file));
    io.out(
      [
        `Strategin är sparad som utkast i ${municipality.name_sv} med id ${id}.`,
        ...factsLines({ ...proposal, title: proposal.title || 'Importerad strategi' }),
        ...warningLines(proposal),
        `Granska och ändra den i förvaltningsdelen: /admin/${municipality.slug}/strategi/${id}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await handle.db.destroy();
  }
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('import-strategy.js') || entry.endsWith('import-strategy.ts')) {
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Strategin kunde inte importeras: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
