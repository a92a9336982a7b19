/**
 * The strategy and action-plan part of `npm run bench` (issue 4: "Updating progress one by one is
 * the top complaint about the anchors; make it fast"). bench/run.ts runs it per database after the
 * load test, each time on a fresh database of its own; `npm run bench -- --only strategy` runs this
 * part alone (and prints its tables without rewriting docs/PERFORMANCE.md).
 *
 * Data (seeded PRNG): the seed municipalities and 1,000 synthetic projects as run.ts makes them
 * (bench/generate.ts); in the busiest synthetic municipality an adopted strategy of 6 top goals × 4
 * sub-goals, 24 months of goal history, an active action plan with 500 measures over the
 * municipality's units (1–2 goal links each, 1–3 earlier progress notes each), a closed earlier
 * plan with 200 measures, and the municipality's projects linked to goals.
 *
 * Measured in-process with the real app behind real HTTP (startHttpServer on 127.0.0.1, the
 * response cache in front of Hono), as a signed-in coordinator (a user, a role and a complete
 * session made as test/support/admin.ts makes them; the CSRF token comes with the session):
 *  1. bulk: one POST of the bulk progress form with 50 rows (progress, status and a note each);
 *     also the whole form as the page posts it (all 500 rows, the same 50 changed) and the GET of
 *     the form page;
 *  2. one by one: the same 50 measures with 50 single progress-note POSTs;
 *  3. the ratio of the two (per round, then the median);
 *  4. the public page `/:kommun/strategi`, rendered (`Cache-Control: no-cache`) and cached, under
 *     load with the autocannon helper of run.ts (bench/load.ts);
 *  5. `loadStrategyProgress` and `recordGoalHistory` for the strategy, called directly.
 * Scenarios 1–2 are interleaved round by round with fresh values each round, after one warm-up round.
 */
import os from 'node:os';
import { hash } from '@node-rs/argon2';
import type { Config, DatabaseConfig } from '../src/config/env.js';
import { type DbHandle, nowIso, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { MeasureStatus, TrafficLight } from '../src/db/schema.js';
import { createSession, newToken } from '../src/features/auth/session.js';
import { todayInSweden } from '../src/features/decisions/registry.js';
import { loadStrategyProgress, recordGoalHistory } from '../src/features/strategy/progress/progress.js';
import { seedIfEmpty } from '../src/seed/load.js';
import { startHttpServer } from '../src/server.js';
import { generateSyntheticData, mulberry32, SYNTHETIC_SOURCE } from './generate.js';
import { engineName, fmt, fmtInt, gc, int, median, pad2, percentile, pick, say } from './common.js';

// ---------------------------------------------------------------------------------------------
// What run.ts hands over

/** A load-test scenario as run.ts's `measure` takes it. */
export interface LoadScenario {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

/** A load-test result as run.ts's `summarise` gives it. */
export interface LoadSummary {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  runs: { rpsMedian: number }[];
  failures: number;
}

export interface StrategyBenchContext {
  /** "SQLite" or "PostgreSQL". */
  label: string;
  /** A fresh, empty database of its own, and how to remove it afterwards. */
  database: DatabaseConfig;
  cleanup: () => Promise<void>;
  /** The app's configuration for that database (as run.ts builds it). */
  config: Config;
  /** Rounds of the write scenarios (after one warm-up round). */
  rounds: number;
  /** run.ts's load test: warm-up and interleaved rounds with autocannon in a child process. */
  loadTest: (origin: string, scenarios: LoadScenario[]) => Promise<LoadSummary[]>;
}

// ---------------------------------------------------------------------------------------------
// Sizes

const SEED = 20261121;
const PROJECTS = 1_000;
const TOP_GOALS = 6;
const SUB_GOALS = 4;
const MEASURES = 500;
const CLOSED_MEASURES = 200;
/** Measures changed per round, by each write scenario. */
const CHANGED = 50;
/** Calls of each in-process function (after warm-up). */
const CALLS = 30;
const HISTORY_MONTHS = 24;

// ---------------------------------------------------------------------------------------------
// Helpers

const dateOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
/** The first of the month `months` months before `today`'s month (`YYYY-MM-DD`). */
const monthsBefore = (today: string, months: number) => new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - months, 1)).toISOString().slice(0, 10);


// ---------------------------------------------------------------------------------------------
// Synthetic strategy (clearly synthetic texts; never load this into a real installation)

const TOP_TITLES = [
  'Internationell samverkan stärker kommunens utveckling',
  'Barn och unga får internationella erfarenheter',
  'Ett konkurrenskraftigt näringsliv i omvärlden',
  'Hållbar utveckling och klimat i samarbete över gränser',
  'Demokrati och mänskliga rättigheter',
  'En attraktiv kommun att bo, besöka och verka i',
] as const;
const SUB_SUBJECTS = ['Fler elever', 'Kommunens medarbetare', 'Företag i kommunen', 'Föreningslivet', 'Vänorterna', 'Unga vuxna', 'Förvaltningarna', 'Politiker'] as const;
const SUB_VERBS = ['deltar i utbyten', 'söker EU-finansiering', 'samverkar i nätverk', 'tar del av omvärldsbevakning', 'möter partner i Norden', 'delar erfarenheter'] as const;
const MEASURE_VERBS = ['Genomföra', 'Utveckla', 'Ta fram', 'Samordna', 'Söka medel för', 'Följa upp', 'Arrangera', 'Kartlägga'] as const;
const MEASURE_OBJECTS = [
  'elevutbyte med vänorten', 'ansökan till Erasmus+', 'Interreg-projekt om arbetsmarknad', 'studieresa för lärare', 'nätverk för unga entreprenörer',
  'kulturutbyte i Östersjöregionen', 'omvärldsbevakning inom omsorgen', 'klimatsamarbete med partnerkommun', 'demokratidialog med ungdomsråd',
  'besök från partnerregionen', 'kompetensutveckling i projektledning', 'informationsdag om EU-program',
] as const;

/** The data `createStrategyData` made (exported for profiling scripts). */
export interface Setup {
  municipality: { id: number; slug: string; name: string };
  strategyId: number;
  planId: number;
  goals: number;
  measureIds: number[];
  links: number;
  projectLinks: number;
  units: number;
  user: { cookie: string; csrf: string };
  ms: number;
}

export async function createStrategyData(handle: DbHandle, config: Config, today: string): Promise<Setup> {
  const started = performance.now();
  const { db } = handle;
  await migrateToLatest(db);
  await seedIfEmpty(handle);
  const seeded = Number((await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const gen = await generateSyntheticData(handle, { projects: Math.max(0, PROJECTS - seeded), seed: SEED });
  // The busiest synthetic municipality (the seed municipalities have strategies of their own).
  const synthetic = await db.selectFrom('municipalities').select(['id', 'slug', 'name_sv']).where('source', '=', SYNTHETIC_SOURCE).execute();
  const muniRow = gen.heaviestMunicipalities.map((id) => synthetic.find((m) => Number(m.id) === id)).find((m) => m !== undefined);
  if (!muniRow) throw new Error('no synthetic municipality');
  const municipality = { id: Number(muniRow.id), slug: muniRow.slug, name: muniRow.name_sv };
  const units = (await db.selectFrom('organisations').select('id').where('municipality_id', '=', municipality.id).where('is_internal', '=', 1).orderBy('id').execute()).map((u) => Number(u.id));
  if (units.length === 0) throw new Error(`no units in ${municipality.slug}`);
  const rng = mulberry32(SEED ^ 0x57a7e6);
  const now = nowIso();
  const year = Number(today.slice(0, 4));

  const result = await db.transaction().execute(async (trx) => {
    const { id: sid } = await trx
      .insertInto('strategies')
      .values({
        municipality_id: municipality.id,
        title_sv: 'Internationell strategi (syntetisk, för prestandamätning)',
        title_en: 'International strategy (synthetic, for benchmarking)',
        vision_sv: 'Syntetiska data för prestandamätning, inte verkliga uppgifter.',
        vision_en: 'Synthetic benchmark data, not real information.',
        adopted_by: 'Kommunfullmäktige',
        adopted_on: `${year - 1}-03-10`,
        minute_paragraph: '§ 42',
        registry_number: `KS ${year - 2}/123`,
        responsibilities_sv: 'Varje förvaltning ansvarar för sina åtgärder i handlingsplanen.',
        responsibilities_en: null,
        body_sv: 'Syntetisk strategi för prestandamätning.',
        summary_en: null,
        status: 'adopted',
        superseded_by_id: null,
        source: SYNTHETIC_SOURCE,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const strategyId = Number(sid);

    // 6 top goals × 4 sub-goals.
    const subGoals: number[] = [];
    const allGoals: number[] = [];
    for (let i = 0; i < TOP_GOALS; i++) {
      const { id: top } = await trx
        .insertInto('strategy_goals')
        .values({
          municipality_id: municipality.id,
          strategy_id: strategyId,
          parent_id: null,
          position: i,
          level_name: 'Övergripande mål',
          title_sv: TOP_TITLES[i % TOP_TITLES.length]!,
          title_en: null,
          description_sv: 'Syntetiskt mål för prestandamätning.',
          description_en: null,
          weight: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      allGoals.push(Number(top));
      for (let j = 0; j < SUB_GOALS; j++) {
        const { id: sub } = await trx
          .insertInto('strategy_goals')
          .values({
            municipality_id: municipality.id,
            strategy_id: strategyId,
            parent_id: Number(top),
            position: j,
            level_name: 'Delmål',
            title_sv: `${i + 1}.${j + 1} ${pick(rng, SUB_SUBJECTS)} ${pick(rng, SUB_VERBS)}`,
            title_en: null,
            description_sv: null,
            description_en: null,
            weight: rng() < 0.2 ? 2 : 1,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        subGoals.push(Number(sub));
        allGoals.push(Number(sub));
      }
    }

    // A closed earlier plan (history: listed on the public page, not counted) and the active one.
    const plan = async (title: string, start: string, end: string, status: 'active' | 'closed', previous: number | null) =>
      Number(
        (
          await trx
            .insertInto('action_plans')
            .values({ municipality_id: municipality.id, strategy_id: strategyId, title_sv: title, title_en: null, period_start: start, period_end: end, status, evaluation_interval_months: 24, previous_plan_id: previous, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const closedId = await plan(`Handlingsplan ${year - 4}–${year - 2} (syntetisk)`, `${year - 4}-01-01`, `${year - 2}-12-31`, 'closed', null);
    const planId = await plan(`Handlingsplan ${year - 1}–${year + 1} (syntetisk)`, `${year - 1}-01-01`, `${year + 1}-12-31`, 'active', closedId);

    /** Adds `count` measures to plan `pid`; returns their ids and the number of goal links. */
    const addMeasures = async (pid: number, count: number, firstYear: number, closed: boolean): Promise<{ ids: number[]; links: number }> => {
      const rows = [];
      const goalsOf: number[][] = [];
      const notes: { noted_on: string; progress: number; status: MeasureStatus }[][] = [];
      for (let k = 0; k < count; k++) {
        const status: MeasureStatus = closed ? pick(rng, ['done', 'done', 'done', 'cancelled', 'ongoing'] as const) : pick(rng, ['planned', 'ongoing', 'ongoing', 'ongoing', 'ongoing', 'done', 'done', 'cancelled'] as const);
        const progress = status === 'done' ? 100 : status === 'planned' ? 0 : int(rng, 5, 95);
        const sy = firstYear + int(rng, 0, 1);
        const start = dateOf(sy, int(rng, 1, 12), 1);
        const end = dateOf(Math.min(firstYear + 2, sy + int(rng, 0, 2)), int(rng, 1, 12), 28);
        const updated = closed ? dateOf(firstYear + 2, int(rng, 1, 12), int(rng, 1, 28)) : monthsBefore(today, int(rng, 0, 6));
        rows.push({
          municipality_id: municipality.id,
          plan_id: pid,
          position: k,
          title_sv: `${pick(rng, MEASURE_VERBS)} ${pick(rng, MEASURE_OBJECTS)} (${k + 1})`,
          title_en: null,
          description_sv: rng() < 0.5 ? 'Syntetisk åtgärd för prestandamätning.' : null,
          description_en: null,
          owner_unit_id: rng() < 0.95 ? pick(rng, units) : null,
          start_date: rng() < 0.9 ? start : null,
          end_date: rng() < 0.9 ? end : null,
          status,
          progress,
          weight: rng() < 0.15 ? 2 : 1,
          progress_updated_at: status === 'planned' ? null : `${updated}T09:00:00.000Z`,
          created_at: now,
          updated_at: now,
        });
        // 1–2 goal links, mostly sub-goals.
        const first = rng() < 0.9 ? pick(rng, subGoals) : pick(rng, allGoals);
        const second = rng() < 0.35 ? pick(rng, subGoals) : first;
        goalsOf.push(first === second ? [first] : [first, second]);
        const n = status === 'planned' ? 0 : int(rng, 1, 3);
        // Earlier notes, oldest first: in the closed plan's period, or in the months before today.
        const noteDates = Array.from({ length: n }, () => (closed ? dateOf(firstYear + int(rng, 0, 2), int(rng, 1, 12), int(rng, 1, 28)) : monthsBefore(today, int(rng, 1, 18)))).sort();
        notes.push(noteDates.map((noted_on, i) => ({ noted_on, progress: Math.round((progress * (i + 1)) / n), status: 'ongoing' as MeasureStatus })));
      }
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('measures').values(rows.slice(i, i + 200)).execute();
      const ids = (await trx.selectFrom('measures').select('id').where('plan_id', '=', pid).orderBy('position').execute()).map((r) => Number(r.id));
      const linkRows = ids.flatMap((id, k) => goalsOf[k]!.map((goal_id) => ({ measure_id: id, goal_id })));
      const noteRows = ids.flatMap((id, k) =>
        notes[k]!.map((x) => ({ measure_id: id, noted_on: x.noted_on, progress: x.progress, status: x.status, text_sv: 'Syntetisk lägesrapport.', user_id: null, actor_label: 'Prestandamätning', created_at: now })),
      );
      for (let i = 0; i < linkRows.length; i += 500) await trx.insertInto('measure_goals').values(linkRows.slice(i, i + 500)).execute();
      for (let i = 0; i < noteRows.length; i += 500) await trx.insertInto('measure_notes').values(noteRows.slice(i, i + 500)).execute();
      return { ids, links: linkRows.length };
    };
    await addMeasures(closedId, CLOSED_MEASURES, year - 4, true);
    const { ids: measureIds, links } = await addMeasures(planId, MEASURES, year - 1, false);

    // 24 months of goal history before today (a slow random walk per goal).
    const lights: TrafficLight[] = ['on_track', 'on_track', 'at_risk', 'behind'];
    const history = allGoals.flatMap((goal_id) => {
      let p = int(rng, 0, 20);
      return Array.from({ length: HISTORY_MONTHS }, (_, i) => {
        p = Math.min(100, p + int(rng, 0, 4));
        return { goal_id, recorded_on: monthsBefore(today, HISTORY_MONTHS - i), progress: p, light: pick(rng, lights) };
      });
    });
    for (let i = 0; i < history.length; i += 500) await trx.insertInto('goal_progress_history').values(history.slice(i, i + 500)).execute();

    // The municipality's published projects serve one goal each.
    const projects = await trx.selectFrom('projects').select('id').where('municipality_id', '=', municipality.id).where('publication_state', '=', 'published').execute();
    const projectRows = projects.map((p) => ({ project_id: Number(p.id), goal_id: pick(rng, subGoals) }));
    if (projectRows.length > 0) await trx.insertInto('project_goals').values(projectRows).execute();

    await recordGoalHistory(trx, strategyId, today);
    return { strategyId, planId, goals: allGoals.length, measureIds, links, projectLinks: projectRows.length };
  });

  // A coordinator of the municipality with a complete session, as test/support/admin.ts makes one.
  const { id: uid } = await db
    .insertInto('users')
    .values({
      email: 'samordnare@bench.example.se',
      display_name: 'Syntetisk samordnare',
      password_hash: await hash(newToken()),
      totp_secret: null,
      totp_enabled_at: now,
      is_platform_admin: 0,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const userId = Number(uid);
  await db.insertInto('user_roles').values({ user_id: userId, municipality_id: municipality.id, role: 'coordinator' }).execute();
  const token = await createSession(db, config, userId, 'complete', 'password');
  const session = await db.selectFrom('sessions').select('csrf_token').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return { municipality, ...result, units: units.length, user: { cookie: `__Host-utblick_session=${token}`, csrf: session.csrf_token }, ms: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// Results

export interface StrategyResult {
  label: string;
  engine: string;
  municipality: { slug: string; name: string };
  setupMs: number;
  goals: number;
  measures: number;
  closedMeasures: number;
  goalLinks: number;
  projectLinks: number;
  units: number;
  changed: number;
  rounds: number;
  /** One bulk POST with `changed` rows, ms per round. */
  bulk: number[];
  /** One bulk POST of the whole form (every measure's row, `changed` of them changed), ms per round. */
  bulkFull: number[];
  /** `changed` single progress-note POSTs one after another: wall time per round, ms. */
  singleTotal: number[];
  /** Every single progress-note POST, ms. */
  single: number[];
  /** One by one ÷ bulk, per round. */
  ratios: number[];
  /** GET of the bulk form page (every measure), ms per round, and its size. */
  formGet: number[];
  formBytes: number;
  page: { rendered: LoadSummary; cached: LoadSummary; bytes: number; path: string };
  loadProgressMs: number[];
  recordHistoryMs: number[];
  /** Notes written by the scenarios, as counted in the database afterwards, and as expected. */
  notesWritten: number;
  notesExpected: number;
  /** Highest resident set size sampled during this part, MiB. */
  peakRssMiB: number;
  /** os.loadavg() when this part started. */
  loadAverage: number[];
}

// ---------------------------------------------------------------------------------------------
// The scenarios

interface Answer {
  ms: number;
  status: number;
  location: string;
  body: string;
}

async function timed(url: string, init: RequestInit): Promise<Answer> {
  const t = performance.now();
  const res = await fetch(url, { ...init, redirect: 'manual' });
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, location: res.headers.get('location') ?? '', body };
}

function expectRedirect(a: Answer, what: string, location: RegExp): void {
  if (a.status !== 303 || !location.test(a.location)) {
    const text = a.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 400);
    throw new Error(`${what} answered ${a.status} ${a.location}: ${text}`);
  }
}

interface MeasureState {
  id: number;
  progress: number;
  status: MeasureStatus;
  updated_at: string;
}

async function measureStates(handle: DbHandle, planId: number): Promise<Map<number, MeasureState>> {
  const rows = await handle.db.selectFrom('measures').select(['id', 'progress', 'status', 'updated_at']).where('plan_id', '=', planId).orderBy('position').execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), progress: Number(r.progress), status: r.status, updated_at: r.updated_at }]));
}

/** New values for a measure: always a different progress, and the status that goes with it. */
function nextValues(m: MeasureState, step: number): { progress: number; status: MeasureStatus } {
  const progress = (m.progress + 1 + (step % 100)) % 101;
  return { progress, status: progress === 0 ? 'planned' : progress === 100 ? 'done' : 'ongoing' };
}

export async function runStrategyBench(ctx: StrategyBenchContext): Promise<StrategyResult> {
  say(`\n== Strategy and action plan: ${ctx.label} ==`);
  const loadAverage = os.loadavg();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  sampler.unref();
  const handle = openDatabase(ctx.database);
  let server: Awaited<ReturnType<typeof startHttpServer>>['server'] | undefined;
  try {
    const today = todayInSweden();
    const setup = await createStrategyData(handle, ctx.config, today);
    const { municipality: muni, planId, strategyId, user } = setup;
    say(
      `${muni.name} (/${muni.slug}): ${setup.goals} goals, ${setup.measureIds.length} measures in the active plan over ${setup.units} units (${setup.links} goal links), ` +
        `${CLOSED_MEASURES} in a closed one, ${setup.projectLinks} projects linked; set up in ${fmt(setup.ms / 1000)} s`,
    );

    const started = await startHttpServer(handle, ctx.config);
    server = started.server;
    const origin = `http://127.0.0.1:${started.port}`;
    const planPath = `/admin/${muni.slug}/handlingsplaner/${planId}`;
    const headers = { cookie: user.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' };
    const post = (path: string, form: URLSearchParams) => timed(origin + path, { method: 'POST', headers, body: form.toString() });

    // The 50 measures: every tenth, so they spread over units and goals.
    const stride = Math.max(1, Math.floor(setup.measureIds.length / CHANGED));
    const chosen = setup.measureIds.filter((_, i) => i % stride === 0).slice(0, CHANGED);
    const notesBefore = Number((await handle.db.selectFrom('measure_notes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let notesExpected = 0;

    const bulk: number[] = [];
    const bulkFull: number[] = [];
    const singleTotal: number[] = [];
    const single: number[] = [];
    const ratios: number[] = [];
    const formGet: number[] = [];
    let formBytes = 0;
    let step = 0;
    for (let r = 0; r <= ctx.rounds; r++) {
      const warm = r === 0;

      // 1. Bulk: one POST with the 50 rows.
      gc();
      let states = await measureStates(handle, planId);
      let form = new URLSearchParams({ _csrf: user.csrf });
      for (const id of chosen) {
        const m = states.get(id)!;
        const v = nextValues(m, step++);
        form.append(`m-${id}-progress`, String(v.progress));
        form.append(`m-${id}-status`, v.status);
        form.append(`m-${id}-note`, `Lägesrapport ${r}: arbetet går enligt plan, se protokoll från avstämningsmötet.`);
        form.append(`m-${id}-version`, m.updated_at);
      }
      const b = await post(`${planPath}/lagesrapport`, form);
      expectRedirect(b, 'bulk POST', new RegExp(`klart=bulk&antal=${chosen.length}$`));
      notesExpected += chosen.length;

      // 1b. The whole form as the page posts it: every measure's row, the same 50 changed.
      gc();
      states = await measureStates(handle, planId);
      form = new URLSearchParams({ _csrf: user.csrf });
      const changedNow = new Set(chosen);
      for (const m of states.values()) {
        const v = changedNow.has(m.id) ? nextValues(m, step++) : { progress: m.progress, status: m.status };
        form.append(`m-${m.id}-progress`, String(v.progress));
        form.append(`m-${m.id}-status`, v.status);
        form.append(`m-${m.id}-note`, changedNow.has(m.id) ? `Lägesrapport ${r} via hela formuläret.` : '');
        form.append(`m-${m.id}-version`, m.updated_at);
      }
      const f = await post(`${planPath}/lagesrapport`, form);
      expectRedirect(f, 'bulk POST (whole form)', new RegExp(`klart=bulk&antal=${chosen.length}$`));
      notesExpected += chosen.length;

      // 2. One by one: the same measures, one progress-note POST each.
      gc();
      states = await measureStates(handle, planId);
      const each: number[] = [];
      const t0 = performance.now();
      for (const id of chosen) {
        const v = nextValues(states.get(id)!, step++);
        const note = new URLSearchParams({ _csrf: user.csrf, noted_on: today, progress: String(v.progress), status: v.status, text: `Lägesrapport ${r}: arbetet går enligt plan.` });
        const a = await post(`${planPath}/atgarder/${id}/lagesrapport`, note);
        expectRedirect(a, 'progress-note POST', /klart=note$/);
        each.push(a.ms);
      }
      const total = performance.now() - t0;
      notesExpected += chosen.length;

      // The bulk form page itself (every measure), as the coordinator opens it.
      gc();
      const g = await timed(`${origin}${planPath}/lagesrapport`, { headers: { cookie: user.cookie } });
      if (g.status !== 200) throw new Error(`bulk form page answered ${g.status}`);
      formBytes = Buffer.byteLength(g.body);

      if (!warm) {
        bulk.push(b.ms);
        bulkFull.push(f.ms);
        singleTotal.push(total);
        single.push(...each);
        ratios.push(total / b.ms);
        formGet.push(g.ms);
      }
      say(
        `  ${warm ? 'warm-up  ' : `round ${String(r).padStart(2)}/${ctx.rounds}`} bulk ${fmt(b.ms)} ms, whole form ${fmt(f.ms)} ms, ` +
          `one by one ${fmt(total)} ms (median ${fmt(median(each), 2)} ms per POST), ×${fmt(total / b.ms)}; form page ${fmt(g.ms)} ms`,
      );
    }
    const notesWritten = Number((await handle.db.selectFrom('measure_notes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) - notesBefore;

    // 4. The public page under load, rendered and cached.
    const pagePath = `/${muni.slug}/strategi`;
    const page = await fetch(origin + pagePath, { headers: { 'cache-control': 'no-cache' } });
    const html = await page.text();
    const anchors = html.match(/id="mal-\d+"/g)?.length ?? 0;
    if (page.status !== 200 || anchors !== setup.goals) throw new Error(`${pagePath} answered ${page.status} with ${anchors} goal anchors (expected ${setup.goals})`);
    const [rendered, cached] = await ctx.loadTest(origin, [
      { name: 'Public strategy page, rendered (no-cache)', path: pagePath, headers: { 'Cache-Control': 'no-cache' } },
      { name: 'Public strategy page (cached)', path: pagePath },
    ]);

    // 5. The roll-up and the goal history, called directly.
    const loadProgressMs: number[] = [];
    const recordHistoryMs: number[] = [];
    for (let i = -3; i < CALLS; i++) {
      let t = performance.now();
      const progress = await loadStrategyProgress(handle.db, strategyId, today);
      if (i >= 0) loadProgressMs.push(performance.now() - t);
      if (progress.size !== setup.goals) throw new Error(`loadStrategyProgress gave ${progress.size} goals`);
      t = performance.now();
      await recordGoalHistory(handle.db, strategyId, today);
      if (i >= 0) recordHistoryMs.push(performance.now() - t);
    }
    say(`  loadStrategyProgress median ${fmt(median(loadProgressMs), 2)} ms, recordGoalHistory median ${fmt(median(recordHistoryMs), 2)} ms`);

    return {
      label: ctx.label,
      engine: await engineName(handle),
      municipality: { slug: muni.slug, name: muni.name },
      setupMs: setup.ms,
      goals: setup.goals,
      measures: setup.measureIds.length,
      closedMeasures: CLOSED_MEASURES,
      goalLinks: setup.links,
      projectLinks: setup.projectLinks,
      units: setup.units,
      changed: chosen.length,
      rounds: ctx.rounds,
      bulk,
      bulkFull,
      singleTotal,
      single,
      ratios,
      formGet,
      formBytes,
      page: { rendered: rendered!, cached: cached!, bytes: Buffer.byteLength(html), path: pagePath },
      loadProgressMs,
      recordHistoryMs,
      notesWritten,
      notesExpected,
      peakRssMiB: peakRss / 2 ** 20,
      loadAverage,
    };
  } finally {
    clearInterval(sampler);
    if (server) {
      const srv = server;
      srv.closeAllConnections?.();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
    }
    await handle.db.destroy();
    await ctx.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function writeRows(r: StrategyResult): string[] {
  const n = r.changed;
  const row = (name: string, xs: number[], per: number) => `| ${name} | ${fmt(median(xs), 1)} | ${fmt(percentile(xs, 90), 1)} | ${fmt(median(xs) / per, 2)} | ${xs.length} |`;
  return [
    '| Scenario | Median (ms) | p90 (ms) | Median per measure (ms) | Samples |',
    '|---|---:|---:|---:|---:|',
    row(`Bulk form, ${n} rows, one POST`, r.bulk, n),
    row(`Bulk form as the page posts it: all ${fmtInt(r.measures)} rows, ${n} changed, one POST`, r.bulkFull, n),
    row(`One by one: ${n} progress-note POSTs, total`, r.singleTotal, n),
    row('One by one: one progress-note POST', r.single, 1),
    row(`Bulk form page, GET (${fmtInt(r.measures)} rows, ${fmtInt(r.formBytes / 1024)} KiB)`, r.formGet, r.measures),
    row(`\`loadStrategyProgress\` (in-process, ${r.goals} goals)`, r.loadProgressMs, Number.NaN),
    row(`\`recordGoalHistory\` (in-process, ${r.goals} goals)`, r.recordHistoryMs, Number.NaN),
  ];
}

function pageRows(r: StrategyResult): string[] {
  return [
    '| Scenario | req/s | p50 (ms) | p99 (ms) | Server CPU per request (ms) | req/s per round | Failed requests |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...[r.page.rendered, r.page.cached].map(
      (s) => `| ${s.name} | ${fmtInt(s.rps)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${fmt(s.cpuMs, 3)} | ${s.runs.map((x) => fmtInt(x.rpsMedian)).join(', ')} | ${s.failures} |`,
    ),
  ];
}

function pageLines(r: StrategyResult): string[] {
  const { rendered, cached } = r.page;
  return [
    `- Rendering the page anew costs ${fmt(rendered.cpuMs, 1)} ms of CPU per request (${fmtInt(r.page.bytes)} bytes: ${r.goals} goals, the ${fmtInt(r.measures)} measures under their goals, the linked projects); ` +
      `from the response cache a visitor gets it at ${fmtInt(cached.rps)} req/s, ×${fmt(cached.rps / rendered.rps, 0)} the rendered rate, for ${fmt(cached.cpuMs, 3)} ms of CPU.`,
  ];
}

function ratioLines(r: StrategyResult): string[] {
  const perBulk = median(r.bulk) / r.changed;
  const perSingle = median(r.single);
  return [
    `- **One by one ÷ bulk** (${r.changed} measures; wall time of the ${r.changed} single POSTs ÷ the one bulk POST, per round, then the median): **×${fmt(median(r.ratios), 1)}** ` +
      `(rounds: ${fmt(Math.min(...r.ratios), 1)}–${fmt(Math.max(...r.ratios), 1)}). Per measure: ${fmt(perBulk, 2)} ms in bulk against ${fmt(perSingle, 2)} ms one by one (median POST), ×${fmt(perSingle / perBulk, 1)}.`,
    `- The whole form (all ${fmtInt(r.measures)} rows posted, ${r.changed} changed) takes ×${fmt(median(r.bulkFull) / median(r.bulk), 2)} the time of the ${r.changed}-row POST ` +
      `(the difference spread over the ${fmtInt(r.measures - r.changed)} unchanged rows, which are parsed, checked and skipped: ${fmt((median(r.bulkFull) - median(r.bulk)) / (r.measures - r.changed), 3)} ms each).`,
  ];
}

/** Lines for the terminal. */
export function strategyConsole(r: StrategyResult): string[] {
  return [
    '',
    `${r.label}, strategy and action plan: ${r.rounds} rounds, medians`,
    ...writeRows(r),
    ...ratioLines(r),
    '',
    ...pageRows(r),
    `Peak RSS during this part: ${fmt(r.peakRssMiB, 0)} MiB. Notes written ${fmtInt(r.notesWritten)} (expected ${fmtInt(r.notesExpected)}).`,
  ];
}

/** The "Strategy and action plan" section of docs/PERFORMANCE.md. */
export function strategySection(results: StrategyResult[], loadRounds: number, loadDuration: number): string[] {
  const first = results[0];
  if (!first) return [];
  const lines = [
    '## Strategy and action plan',
    '',
    'Issue 4: "Updating progress one by one is the top complaint about the anchors; make it fast." Measured by bench/strategy.ts (alone: `npm run bench -- --only strategy`).',
    '',
    '### Method',
    '',
    `- Data: a fresh database per engine (migrated, seeded, ${fmtInt(PROJECTS)} synthetic projects as above). In ${first.municipality.name} (\`/${first.municipality.slug}\`), a synthetic adopted strategy of ` +
      `${TOP_GOALS} top goals with ${SUB_GOALS} sub-goals each (${first.goals} goals, ${HISTORY_MONTHS} months of goal history), an active action plan with ${fmtInt(first.measures)} measures over the municipality's ` +
      `${first.units} units with ${fmtInt(first.goalLinks)} goal links (1–2 per measure, mostly sub-goals) and 1–3 earlier progress notes each, a closed earlier plan with ${fmtInt(first.closedMeasures)} measures, ` +
      `and the municipality's ${first.projectLinks} projects linked to goals (seeded PRNG).`,
    '- The app runs in-process behind real HTTP on 127.0.0.1 (`startHttpServer`, as in the load test); requests come from `fetch` in the same process, one at a time, ' +
      'as a coordinator of the municipality with a complete session (made as test/support/admin.ts makes one; the CSRF token and the Origin header sent as a browser sends them). ' +
      'Times are from sending the request to the last byte of the answer (the 303 redirect, not the page it leads to).',
    `- Writes: ${first.changed} measures (every tenth of the plan, so over all units and goals), ${first.rounds} rounds after one warm-up round, with new values every round. ` +
      `In each round: (1) the bulk form (\`POST …/handlingsplaner/:id/lagesrapport\`) with the ${first.changed} rows (progress, status, a note and the row's version), ` +
      `(1b) the same form as the page posts it, with every measure's row and the ${first.changed} changed, ` +
      `(2) the ${first.changed} measures one by one, a progress-note POST each (\`…/atgarder/:measureId/lagesrapport\`), then the GET of the bulk form page. ` +
      'Each answer is checked (a 303 to the confirmation that names the number of measures saved), and the notes written are counted in the database afterwards.',
    `- Ratio: the wall time of the ${first.changed} single POSTs ÷ the time of the bulk POST, per round (noise hits a round's scenarios alike), then the median.`,
    `- Public page \`/:kommun/strategi\` (${first.goals} goals, ${fmtInt(first.measures)} measures): the load test above (${loadRounds} rounds of ${loadDuration} s, interleaved), rendered anew (\`Cache-Control: no-cache\`) and as a visitor gets it from the response cache.`,
    `- \`loadStrategyProgress\` and \`recordGoalHistory\` (src/features/strategy/progress/progress.ts): called directly, ${CALLS} times each after 3 warm-up calls; \`recordGoalHistory\` in its own transaction each time.`,
    '- Peak RSS: the highest resident set size of the process sampled every 50 ms during this part (in a full run the process has run the 100,000-project load test before, so it says little more than "no growth").',
    '',
  ];
  for (const r of results) {
    lines.push(
      `### Results: ${r.label}`,
      '',
      `${r.engine}. Setting up the data took ${fmt(r.setupMs / 1000)} s. Load average when this part started: ${r.loadAverage.map((x) => fmt(x, 2)).join(', ')}. ` +
        `Peak RSS ${fmt(r.peakRssMiB, 0)} MiB. Notes written by the scenarios: ${fmtInt(r.notesWritten)} (expected ${fmtInt(r.notesExpected)}).`,
      '',
      ...writeRows(r),
      '',
      ...ratioLines(r),
      '',
      `Public page \`${r.page.path}\` (${fmtInt(r.page.bytes)} bytes):`,
      '',
      ...pageRows(r),
      '',
      ...pageLines(r),
      '',
    );
  }
  lines.push(...STRATEGY_NOTES, '');
  return lines;
}

/** What the figures mean; kept with the code so it is reviewed with it. */
const STRATEGY_NOTES: string[] = [
  '### Where the time goes',
  '',
  'From profiling on 2026-11-21 (SQLite, requests sent in-process with `app.request`, the V8 sampling profiler; PostgreSQL timed statement by statement; this machine was busy, so read the shares):',
  '',
  '- **One progress-note POST** costs about 7 ms of CPU on SQLite, and about half of it is `recordGoalHistory` (about 3.7 ms in-process): every note recomputes the whole strategy — ' +
    '`loadStrategyProgress` reads all 500 measures, their goal links and the goals (three queries) and rolls them up, then the latest earlier history row of each of the 30 goals is read and all 30 are upserted. ' +
    'Building the note form\'s zod schema anew on every request (`noteSchema(lang)`) is another 5–8 %; the note, the measure update and the audit chain\'s three statements about 10 %; ' +
    'the rest is what every back-office request costs (session, actor, plan and measure look-ups, form parsing, the redirect). ' +
    'On PostgreSQL `recordGoalHistory` takes about 15 ms (its queries about 4–8 ms, the latest-earlier-row query about 3 ms, the upsert with its commit about 3 ms, the transaction about 1.7 ms), most of a one-by-one POST.',
  '- **The bulk POST** pays for the request and the roll-up once. What grows with the rows is, per changed row, a note insert, a measure update and the audit chain\'s three statements ' +
    '(read the head, insert the entry, move the head): `recordAudit` is about 18 % of the bulk POST\'s CPU. The plan\'s measures are loaded twice per POST ' +
    '(`listMeasures` in the route\'s permission check and again in `saveBulkProgress`: 500 measures with their goal links and latest note date each time), about 15 %.',
  '- SQLite commits here are cheap (a one-row update commits in well under 0.1 ms on this disk); on a disk where fsync is slow, the one-by-one path pays it 50 times and the bulk path once, so the ratio grows.',
];
