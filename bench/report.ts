/**
 * The half-year report part of `npm run bench` (issue 5: "generating the half-year report for a
 * municipality with 500 projects, time and peak memory"). bench/run.ts runs it per database on a
 * fresh database of its own; `npm run bench -- --only report` runs this part alone and rewrites
 * only its own section of docs/PERFORMANCE.md.
 *
 * Data (seeded PRNG): the seed municipalities and 1,000 synthetic projects as run.ts makes them
 * (bench/generate.ts); then the busiest synthetic municipality is filled up to 500 projects, most
 * of them running in the first half of the current year, each with 1–4 funding lines of every kind
 * (EU and other grants, own cash, staff hours; some in EUR), 0–3 results, countries and themes;
 * 150 decisions over three years linked to projects, 20 partnerships with partners, 3–6 events
 * each and evaluations, an adopted strategy with 20 goals and an active plan of 120 measures over
 * the municipality's units, and a budget with entries.
 *
 * Measured:
 *  1. in-process, after one warm-up call: `buildReportData` and each renderer (Word, PDF, HTML),
 *     ROUNDS calls each, median and range;
 *  2. the command as a person runs it (`report:half-year`: open the database, compute, render the
 *     three documents, write them), CLI_RUNS times, each in a fresh child process: wall time and
 *     the process's peak resident memory (`process.resourceUsage().maxRSS`), with the resident
 *     memory before the command started (Node, the modules and nothing else) for comparison.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Insertable, sql } from 'kysely';
import type { DatabaseConfig } from '../src/config/env.js';
import { type DbHandle, nowIso, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database, FundingKind, ProjectStatus, ProjectTable } from '../src/db/schema.js';
import { todayInSweden } from '../src/features/decisions/registry.js';
import { buildReportData } from '../src/features/reports/data.js';
import { type HalfYear, halfYear } from '../src/features/reports/period.js';
import { renderReportDocx, renderReportHtml, renderReportPdf } from '../src/features/reports/render/index.js';
import { seedIfEmpty } from '../src/seed/load.js';
import { generateSyntheticData, mulberry32, SYNTHETIC_SOURCE } from './generate.js';
import { engineName, fmt, fmtInt, int, median, pad2, pick, type Rng, say } from './common.js';

// ---------------------------------------------------------------------------------------------
// Sizes

const SEED = 20261121;
const BACKGROUND_PROJECTS = 1_000;
const PROJECTS = 500;
const DECISIONS = 150;
const PARTNERSHIPS = 20;
const MEASURES = 120;
/** In-process calls of each step, after one warm-up call. */
const ROUNDS = 5;
/** Runs of the command, each in a fresh process. */
const CLI_RUNS = 3;

// ---------------------------------------------------------------------------------------------
// Helpers

const MiB = 1024 * 1024;
const dayIn = (rng: Rng, year: number, fromMonth = 1, toMonth = 12) => `${year}-${pad2(int(rng, fromMonth, toMonth))}-${pad2(int(rng, 1, 28))}`;

/** Inserts rows in chunks (far under both databases' parameter limits) and returns their ids. */
async function insertAll<T extends keyof Database & string>(handle: DbHandle, table: T, rows: Insertable<Database[T]>[], returning = true): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot type a table name chosen at run time.
    const q = (handle.db as any).insertInto(table).values(rows.slice(i, i + 200));
    if (returning) ids.push(...((await q.returning('id').execute()) as { id: unknown }[]).map((r) => Number(r.id)));
    else await q.execute();
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Synthetic data (clearly synthetic texts; never load this into a real installation)

export interface ReportSetup {
  municipality: { id: number; slug: string; name: string };
  period: HalfYear;
  projects: number;
  fundingLines: number;
  results: number;
  decisions: number;
  partnerships: number;
  events: number;
  measures: number;
  units: number;
  ms: number;
}

const FUNDING_KINDS: FundingKind[] = ['eu_grant', 'eu_grant', 'other_grant', 'municipal_cash', 'own_staff_time', 'own_staff_time', 'partner'];
const SOURCES = ['Interreg Sverige–Norge', 'Interreg Aurora', 'Erasmus+', 'Sida', 'Nordiska ministerrådet', 'Svenska institutet', null];
const WORDS = ['Ungdomsutbyte', 'Lärarnätverk', 'Klimatsamverkan', 'Kulturbyte', 'Kompetensresa', 'Gränsregional samverkan', 'Entreprenörskap', 'Vänortsbesök'];

/** Fills the busiest synthetic municipality up to PROJECTS projects with everything a report shows. */
export async function createReportData(handle: DbHandle, today: string): Promise<ReportSetup> {
  const started = performance.now();
  const { db } = handle;
  await migrateToLatest(db);
  await seedIfEmpty(handle);
  const seeded = Number((await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const gen = await generateSyntheticData(handle, { projects: Math.max(0, BACKGROUND_PROJECTS - seeded), seed: SEED });
  const synthetic = await db.selectFrom('municipalities').select(['id', 'slug', 'name_sv']).where('source', '=', SYNTHETIC_SOURCE).execute();
  const row = gen.heaviestMunicipalities.map((id) => synthetic.find((m) => Number(m.id) === id)).find((m) => m !== undefined);
  if (!row) throw new Error('no synthetic municipality');
  const municipality = { id: Number(row.id), slug: row.slug, name: row.name_sv };
  const orgs = await db.selectFrom('organisations').select(['id', 'is_internal']).where('municipality_id', '=', municipality.id).orderBy('id').execute();
  const units = orgs.filter((o) => Number(o.is_internal) === 1).map((o) => Number(o.id));
  const partners = orgs.filter((o) => Number(o.is_internal) === 0).map((o) => Number(o.id));
  if (units.length === 0 || partners.length === 0) throw new Error(`no units or partners in ${municipality.slug}`);
  const programmes = (await db.selectFrom('funding_programmes').select('id').execute()).map((r) => Number(r.id));
  const themes = (await db.selectFrom('themes').select('code').execute()).map((r) => r.code);
  const rng = mulberry32(SEED ^ 0x4e9047);
  const now = nowIso();
  const year = Number(today.slice(0, 4));
  const period = halfYear(year, 1);

  // Projects up to PROJECTS, most of them running in the first half of this year.
  const have = Number((await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', municipality.id).executeTakeFirstOrThrow()).n);
  const projectRows: Insertable<ProjectTable>[] = [];
  for (let i = 0; i < PROJECTS - have; i++) {
    const startYear = pick(rng, [year - 2, year - 1, year - 1, year, year, year]);
    const start = startYear === year ? dayIn(rng, year, 1, 6) : dayIn(rng, startYear);
    const status = pick<ProjectStatus>(rng, ['ongoing', 'ongoing', 'ongoing', 'completed', 'completed', 'planned', 'cancelled']);
    const end = rng() < 0.2 ? null : status === 'completed' ? dayIn(rng, year, 1, 6) : dayIn(rng, pick(rng, [year, year + 1, year + 2]));
    const title = `${pick(rng, WORDS)} ${i + 1} (syntetiskt)`;
    projectRows.push({
      municipality_id: municipality.id, kind: 'project', title_sv: title, title_en: null, summary_sv: 'Syntetiskt testprojekt för prestandamätning.', summary_en: null,
      owner_unit_id: pick(rng, units), municipality_role: 'partner', programme_id: rng() < 0.6 ? pick(rng, programmes) : null, status,
      lifecycle: status === 'ongoing' ? 'ongoing' : status === 'completed' ? 'completed' : status === 'cancelled' ? 'cancelled' : 'idea',
      start_date: start, end_date: end, year: startYear, participants_total: rng() < 0.7 ? int(rng, 5, 400) : null, participants_youth: rng() < 0.5 ? int(rng, 0, 150) : null,
      budget_sek_minor: null, publication_state: rng() < 0.7 ? 'published' : 'draft', published_at: null, search_text: title.toLowerCase(), source: SYNTHETIC_SOURCE, created_at: now, updated_at: now,
    });
  }
  const newIds = await insertAll(handle, 'projects', projectRows);
  const projectIds = (await db.selectFrom('projects').select('id').where('municipality_id', '=', municipality.id).execute()).map((r) => Number(r.id));

  const funding: Insertable<Database['project_funding']>[] = [];
  const results: Insertable<Database['project_results']>[] = [];
  const countries: Insertable<Database['project_countries']>[] = [];
  const projectThemes: Insertable<Database['project_themes']>[] = [];
  for (const id of newIds) {
    for (let l = int(rng, 1, 4); l > 0; l--) {
      const kind = pick(rng, FUNDING_KINDS);
      const hours = kind === 'own_staff_time' ? int(rng, 4, 2000) / 4 : null;
      funding.push({ project_id: id, kind, programme_id: rng() < 0.3 ? pick(rng, programmes) : null, source_name: kind === 'eu_grant' || kind === 'other_grant' ? pick(rng, SOURCES) : null, amount_minor: hours !== null ? null : int(rng, 10, 5_000) * 100_00, currency: rng() < 0.9 ? 'SEK' : 'EUR', staff_hours: hours, note_sv: null, source: SYNTHETIC_SOURCE });
    }
    for (let r = int(rng, 0, 3); r > 0; r--) {
      results.push({ project_id: id, description_sv: `Syntetiskt resultat ${r}`, description_en: null, indicator: 'Deltagare', unit: 'personer', baseline: 0, target: int(rng, 10, 200), actual: rng() < 0.6 ? int(rng, 0, 250) : null, period: period.key, source: SYNTHETIC_SOURCE });
    }
    countries.push({ project_id: id, country: pick(rng, ['NO', 'FI', 'DK', 'DE', 'EE', 'PL']) });
    projectThemes.push({ project_id: id, theme: pick(rng, themes) });
  }
  await insertAll(handle, 'project_funding', funding);
  await insertAll(handle, 'project_results', results);
  await insertAll(handle, 'project_countries', countries, false);
  await insertAll(handle, 'project_themes', projectThemes, false);

  // Partnerships with partners, events, evaluations and linked projects.
  const partnershipIds = await insertAll(
    handle,
    'partnerships',
    Array.from({ length: PARTNERSHIPS }, (_, i) => ({
      municipality_id: municipality.id, kind: pick(rng, ['twinning', 'network', 'cooperation'] as const), title_sv: `Syntetiskt samarbete ${i + 1}`, title_en: null,
      status: pick(rng, ['active', 'active', 'active', 'dormant', 'ended'] as const), summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null,
      publication_state: 'published' as const, source: SYNTHETIC_SOURCE, created_at: now, updated_at: now, owner_unit_id: pick(rng, units),
    })),
  );
  await insertAll(handle, 'partnership_partners', partnershipIds.flatMap((p) => [...new Set([pick(rng, partners), pick(rng, partners)])].map((o, position) => ({ partnership_id: p, organisation_id: o, position }))), false);
  const events = partnershipIds.flatMap((p) =>
    Array.from({ length: int(rng, 3, 6) }, () => {
      const day = dayIn(rng, pick(rng, [year - 1, year, year]));
      return { partnership_id: p, kind: pick(rng, ['exchange', 'exchange', 'other', 'agreement_signed'] as const), date_from: day, date_to: day, date_precision: 'day' as const, description_sv: 'Syntetiskt utbyte', description_en: null, place: null, decision_id: null, source: SYNTHETIC_SOURCE };
    }),
  );
  await insertAll(handle, 'partnership_events', events);
  await insertAll(
    handle,
    'partnership_evaluations',
    partnershipIds.filter(() => rng() < 0.4).map((p) => ({
      municipality_id: municipality.id, partnership_id: p, evaluated_on: dayIn(rng, year, 1, 6), period_start: `${year - 4}-01-01`, period_end: `${year - 1}-12-31`,
      benefit_residents_sv: 'Syntetisk nytta', benefit_organisation_sv: null, costs_minor: null, costs_sv: null, partner_view_sv: null, recommendation: 'continue' as const, recommendation_sv: null, decision_id: null, user_id: null, created_at: now,
    })),
  );
  await insertAll(handle, 'project_partnerships', [...new Set(newIds.filter(() => rng() < 0.3))].map((id) => ({ project_id: id, partnership_id: pick(rng, partnershipIds) })), false);

  // Decisions over three years, each about a project.
  const decisionIds = await insertAll(
    handle,
    'decisions',
    Array.from({ length: DECISIONS }, (_, i) => ({
      municipality_id: municipality.id, body_id: rng() < 0.5 ? pick(rng, units) : null, delegate_role: 'förvaltningschef', decided_on: dayIn(rng, pick(rng, [year - 1, year, year + 1])), paragraph: `§ ${i + 1}`,
      registry_number: `KS ${year}/${i + 1}`, subject_sv: `Syntetiskt beslut ${i + 1}`, subject_en: null, outcome: 'approved' as const, conditions_sv: null, source: SYNTHETIC_SOURCE, created_at: now,
    })),
  );
  await insertAll(handle, 'project_decisions', decisionIds.map((d) => ({ project_id: pick(rng, newIds.length ? newIds : projectIds), decision_id: d })), false);

  // An adopted strategy (5 × 3 goals) and an active plan with measures over the units.
  const [strategyId] = await insertAll(handle, 'strategies', [
    { municipality_id: municipality.id, title_sv: 'Internationell strategi (syntetisk)', title_en: null, vision_sv: null, vision_en: null, adopted_by: 'Kommunfullmäktige', adopted_on: `${year - 1}-03-10`, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: SYNTHETIC_SOURCE, created_at: now, updated_at: now },
  ]);
  const goalRow = (parent: number | null, position: number, level: string) => ({ municipality_id: municipality.id, strategy_id: strategyId!, parent_id: parent, position, level_name: level, title_sv: `Syntetiskt mål ${level} ${position + 1}`, title_en: null, description_sv: null, description_en: null, created_at: now, updated_at: now });
  const tops = await insertAll(handle, 'strategy_goals', Array.from({ length: 5 }, (_, i) => goalRow(null, i, 'Övergripande mål')));
  const subs = await insertAll(handle, 'strategy_goals', tops.flatMap((t) => [0, 1, 2].map((j) => goalRow(t, j, 'Delmål'))));
  const [planId] = await insertAll(handle, 'action_plans', [{ municipality_id: municipality.id, strategy_id: strategyId!, title_sv: 'Handlingsplan (syntetisk)', title_en: null, period_start: `${year - 1}-01-01`, period_end: `${year + 1}-12-31`, status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: now, updated_at: now }]);
  const measureIds = await insertAll(
    handle,
    'measures',
    Array.from({ length: MEASURES }, (_, i) => ({
      municipality_id: municipality.id, plan_id: planId!, position: i, title_sv: `Syntetisk åtgärd ${i + 1}`, title_en: null, description_sv: null, description_en: null, owner_unit_id: pick(rng, units),
      start_date: `${year - 1}-01-01`, end_date: dayIn(rng, pick(rng, [year - 1, year, year + 1])), status: pick(rng, ['planned', 'ongoing', 'ongoing', 'done'] as const), progress: int(rng, 0, 100), progress_updated_at: null, created_at: now, updated_at: now,
    })),
  );
  await insertAll(handle, 'measure_goals', measureIds.map((m) => ({ measure_id: m, goal_id: pick(rng, subs) })), false);
  await insertAll(handle, 'project_goals', [...new Set(newIds.filter(() => rng() < 0.4))].map((id) => ({ project_id: id, goal_id: pick(rng, subs) })), false);

  // The year's budget: allocations and entries.
  await insertAll(handle, 'budget_allocations', [
    { municipality_id: municipality.id, year, category: 'twinning', amount_minor: 500_000_00, note_sv: null, updated_by: null, updated_at: now },
    { municipality_id: municipality.id, year, category: 'preparation', amount_minor: 200_000_00, note_sv: null, updated_by: null, updated_at: now },
  ]);
  await insertAll(
    handle,
    'budget_entries',
    Array.from({ length: 30 }, (_, i) => ({ municipality_id: municipality.id, category: pick(rng, ['twinning', 'preparation'] as const), spent_on: dayIn(rng, year, 1, 6), amount_minor: int(rng, 1, 200) * 100_00, description_sv: `Syntetisk utgift ${i + 1}`, project_id: null, partnership_id: null, user_id: null, created_at: now, updated_at: now })),
  );
  await sql`analyze`.execute(db);
  return {
    municipality,
    period,
    projects: projectIds.length,
    fundingLines: funding.length,
    results: results.length,
    decisions: DECISIONS,
    partnerships: PARTNERSHIPS,
    events: events.length,
    measures: MEASURES,
    units: units.length,
    ms: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------
// Results

export interface ReportBenchContext {
  /** "SQLite" or "PostgreSQL". */
  label: string;
  /** A fresh, empty database of its own, and how to remove it afterwards. */
  database: DatabaseConfig;
  cleanup: () => Promise<void>;
}

export interface ReportResult {
  label: string;
  engine: string;
  setup: ReportSetup;
  /** Projects in the report, by phase. */
  reportProjects: { started: number; ongoing: number; finished: number };
  /** ms of the first (cold) call and of ROUNDS calls after it, per step. */
  build: { first: number; runs: number[] };
  docx: { first: number; runs: number[] };
  pdf: { first: number; runs: number[] };
  html: { first: number; runs: number[] };
  bytes: { docx: number; pdf: number; html: number; json: number };
  /** The command in a fresh process: wall time (ms), peak RSS and RSS before it started (MiB), per run. */
  cli: { ms: number[]; maxRssMiB: number[]; baseRssMiB: number[] };
  loadAverage: number[];
}

interface ChildAnswer {
  ms: number;
  maxRssMiB: number;
  baseRssMiB: number;
  code: number;
  err: string;
}

/** One run of the command in a fresh Node process (this file in child mode). */
function runCli(database: DatabaseConfig, slug: string, period: string): ChildAnswer {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-bench-report-'));
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? out, LOG_LEVEL: 'silent', DATABASE_URL: database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url };
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify(['--municipality', slug, '--period', period, '--out', out])], { env, encoding: 'utf8', timeout: 300_000 });
    const answer = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as Partial<ChildAnswer>;
    if (child.status !== 0 || answer.code !== 0) throw new Error(`report:half-year failed (${child.status}): ${answer.err ?? ''}${child.stderr}`);
    if (fs.readdirSync(out).length !== 3) throw new Error(`report:half-year wrote ${fs.readdirSync(out).join(', ')}`);
    return answer as ChildAnswer;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Child mode: runs the command once and prints its time and memory as JSON. */
async function child(argv: string[]): Promise<void> {
  const baseRssMiB = process.memoryUsage.rss() / MiB;
  const { main } = await import('../src/cli/report-half-year.js');
  let err = '';
  const t = performance.now();
  const code = await main(argv, { out: () => {}, err: (s) => (err += s), env: process.env, cwd: process.cwd() });
  const ms = performance.now() - t;
  // maxRSS is in KiB.
  process.stdout.write(`${JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, baseRssMiB, code, err })}\n`);
}

/** The first (cold) call's time, then ROUNDS calls' times, ms. */
async function timeCalls(f: () => Promise<unknown>): Promise<{ first: number; runs: number[] }> {
  let t = performance.now();
  await f();
  const first = performance.now() - t;
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  return { first, runs };
}

export async function runReportBench(ctx: ReportBenchContext): Promise<ReportResult> {
  say(`\n== Half-year report: ${ctx.label} ==`);
  const loadAverage = os.loadavg();
  const handle = openDatabase(ctx.database);
  try {
    const today = todayInSweden();
    const setup = await createReportData(handle, today);
    say(`${setup.municipality.name} (/${setup.municipality.slug}): ${setup.projects} projects, ${fmtInt(setup.fundingLines)} funding lines, ${setup.decisions} decisions, ${setup.partnerships} partnerships; set up in ${fmt(setup.ms / 1000)} s`);
    const build = () => buildReportData(handle.db, setup.municipality.id, setup.period, { today });
    let data = await build();
    const buildMs = await timeCalls(async () => (data = await build()));
    say(`  buildReportData: median ${fmt(median(buildMs.runs))} ms (${data.projects.length} projects in ${setup.period.key})`);
    let docxBytes = 0;
    let pdfBytes = 0;
    let htmlBytes = 0;
    const docx = await timeCalls(async () => (docxBytes = (await renderReportDocx(data, 'sv')).length));
    const pdf = await timeCalls(async () => (pdfBytes = (await renderReportPdf(data, 'sv')).length));
    const html = await timeCalls(async () => (htmlBytes = Buffer.byteLength(renderReportHtml(data, 'sv'))));
    say(`  Word ${fmt(median(docx.runs))} ms, PDF ${fmt(median(pdf.runs))} ms, HTML ${fmt(median(html.runs))} ms`);
    const cli = { ms: [] as number[], maxRssMiB: [] as number[], baseRssMiB: [] as number[] };
    for (let i = 0; i < CLI_RUNS; i++) {
      const a = runCli(ctx.database, setup.municipality.slug, setup.period.key);
      cli.ms.push(a.ms);
      cli.maxRssMiB.push(a.maxRssMiB);
      cli.baseRssMiB.push(a.baseRssMiB);
      say(`  report:half-year run ${i + 1}/${CLI_RUNS}: ${fmt(a.ms)} ms, peak RSS ${fmt(a.maxRssMiB, 0)} MiB (${fmt(a.baseRssMiB, 0)} MiB before)`);
    }
    return {
      label: ctx.label,
      engine: await engineName(handle),
      setup,
      reportProjects: { started: data.totals.started, ongoing: data.totals.ongoing, finished: data.totals.finished },
      build: buildMs,
      docx,
      pdf,
      html,
      bytes: { docx: docxBytes, pdf: pdfBytes, html: htmlBytes, json: Buffer.byteLength(JSON.stringify(data)) },
      cli,
      loadAverage,
    };
  } finally {
    await handle.db.destroy();
    await ctx.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const range = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;

function rows(r: ReportResult): string[] {
  const step = (name: string, x: { first: number; runs: number[] }, output: string) => `| ${name} | ${fmt(median(x.runs))} | ${range(x.runs)} | ${fmt(x.first)} | ${output} |`;
  return [
    `| Step | Median of ${ROUNDS} (ms) | Range (ms) | First call (ms) | Output |`,
    '|---|---:|---:|---:|---:|',
    step('`buildReportData`', r.build, `${fmtInt(r.bytes.json / 1024)} KiB of JSON`),
    step('Word (`renderReportDocx`)', r.docx, `${fmtInt(r.bytes.docx / 1024)} KiB`),
    step('PDF (`renderReportPdf`)', r.pdf, `${fmtInt(r.bytes.pdf / 1024)} KiB`),
    step('HTML (`renderReportHtml`)', r.html, `${fmtInt(r.bytes.html / 1024)} KiB`),
    `| \`report:half-year\`, the whole command in a fresh process (${CLI_RUNS} runs) | ${fmt(median(r.cli.ms))} | ${range(r.cli.ms)} | – | three files |`,
  ];
}

function memoryLine(r: ReportResult): string {
  return `Peak memory of the command (\`process.resourceUsage().maxRSS\` of the fresh process): **${fmt(median(r.cli.maxRssMiB), 0)} MiB** (median; runs: ${r.cli.maxRssMiB.map((x) => fmt(x, 0)).join(', ')} MiB), ` +
    `against ${fmt(median(r.cli.baseRssMiB), 0)} MiB resident before the command started (Node.js and the modules).`;
}

/** `warmed`: an earlier database's part ran in this process, so its first calls were not cold. */
function coldLine(r: ReportResult, warmed: boolean): string {
  const steps = [r.build, r.docx, r.pdf, r.html];
  const first = steps.reduce((n, x) => n + x.first, 0);
  const warm = steps.reduce((n, x) => n + median(x.runs), 0);
  return `Computing and rendering all three documents: ${fmt(first)} ms in the first calls${warmed ? ' (not cold: the part for the first database ran earlier in this process)' : ' (cold: the first in this process)'}, ` +
    `${fmt(warm)} ms warm (sum of the medians). The command in its fresh process pays the cold start, opening the database and writing the files: ${fmt(median(r.cli.ms))} ms (median).`;
}

/** Lines for the terminal. */
export function reportConsole(r: ReportResult): string[] {
  return ['', `${r.label}, half-year report of ${r.setup.projects} projects (${r.reportProjects.started + r.reportProjects.ongoing + r.reportProjects.finished} in ${r.setup.period.key})`, ...rows(r), memoryLine(r)];
}

/** The "Half-year report" section of docs/PERFORMANCE.md. */
export function reportSection(results: ReportResult[]): string[] {
  const first = results[0];
  if (!first) return [];
  const s = first.setup;
  const lines = [
    REPORT_HEADING,
    '',
    'Issue 5: "generating the half-year report for a municipality with 500 projects, time and peak memory". Measured by bench/report.ts (alone: `npm run bench -- --only report`, which rewrites only this section).',
    '',
    '### Method',
    '',
    `- Data: a fresh database per engine (migrated, seeded, ${fmtInt(BACKGROUND_PROJECTS)} synthetic projects over all municipalities as above). ${s.municipality.name} (\`/${s.municipality.slug}\`) is filled up to ${s.projects} projects, ` +
      `most of them running in ${s.period.key}, with ${fmtInt(s.fundingLines)} funding lines (EU and other grants, own cash, staff hours; a tenth in EUR), ${fmtInt(s.results)} results, ` +
      `${s.decisions} decisions over three years, ${s.partnerships} partnerships with ${s.events} events and evaluations, an adopted strategy of 20 goals with an active plan of ${s.measures} measures over ${s.units} units, ` +
      'and a budget with allocations and 30 entries (seeded PRNG, `source = synthetic-benchmark`).',
    `- In-process: \`buildReportData\` for ${s.period.key} as a fresh draft (default structure: every unit with projects or measures gets a section), then each renderer on its result, in Swedish; the first call timed on its own, then ${ROUNDS} calls each, median and range.`,
    `- The command as a person runs it: \`report:half-year --municipality ${s.municipality.slug} --period ${s.period.key} --out <temp folder>\` (open the database, compute, render the three documents, write them), ` +
      `${CLI_RUNS} times, each in a fresh Node.js process, so its peak resident memory is the report's alone (\`process.resourceUsage().maxRSS\`); the resident memory when the command starts (Node.js and the modules loaded) is shown beside it.`,
    '',
  ];
  for (const [i, r] of results.entries()) {
    lines.push(
      `### Results: ${r.label}`,
      '',
      `${r.engine}. Setting up the data took ${fmt(r.setup.ms / 1000)} s. Load average when this part started: ${r.loadAverage.map((x) => fmt(x, 2)).join(', ')}. ` +
        `The report holds ${r.reportProjects.started + r.reportProjects.ongoing + r.reportProjects.finished} of the ${r.setup.projects} projects (${r.reportProjects.started} started, ${r.reportProjects.ongoing} ongoing, ${r.reportProjects.finished} finished).`,
      '',
      ...rows(r),
      '',
      coldLine(r, i > 0),
      '',
      memoryLine(r),
      '',
    );
  }
  lines.push(
    '### Reading',
    '',
    '- `buildReportData` reads the municipality\'s projects in one query and the funding lines, countries, themes, goals and results of the period\'s projects in chunked `in (…)` queries (1,000 ids each), ' +
      'so the number of queries does not grow with the projects; decisions, partnerships, goals, budget and due items are a few queries each.',
    '- Most of the time is the Word and PDF rendering (see the table; not profiled further here), and in a fresh process the first calls, which load and compile that code. ' +
      'The machine is shared (see the load average): compare the rows of one run rather than figures between runs.',
    '',
  );
  return lines;
}

/** The heading that starts the section; `replaceReportSection` finds the section by it. */
export const REPORT_HEADING = '## Half-year report';

/**
 * The document with its "Half-year report" section replaced by `section` (from the heading to the
 * next `## ` heading or the end), or `section` appended when there is none.
 */
export function replaceReportSection(doc: string, section: string[]): string {
  const text = section.join('\n');
  const start = doc.indexOf(`\n${REPORT_HEADING}\n`);
  if (start < 0) return `${doc.replace(/\n*$/, '\n\n')}${text}`;
  const next = doc.indexOf('\n## ', start + REPORT_HEADING.length + 1);
  return `${doc.slice(0, start + 1)}${text}${next < 0 ? '' : doc.slice(next)}`;
}

const entry = process.argv[1] ?? '';
if (process.argv[2] === '--child' && (entry.endsWith('report.js') || entry.endsWith('report.ts'))) {
  child(JSON.parse(process.argv[3] ?? '[]') as string[]).then(
    () => process.exit(0),
    (e: unknown) => {
      process.stdout.write(`${JSON.stringify({ code: 1, err: e instanceof Error ? e.message : String(e) })}\n`);
      process.exit(1);
    },
  );
}
