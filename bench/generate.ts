/**
 * Synthetic benchmark data: Sweden's 290 municipalities (from `official_municipalities`), some
 * internal units and external partner organisations per municipality, and N published projects
 * with partners, countries, themes, target groups and funding lines.
 *
 * Everything is clearly synthetic: `source = 'synthetic-benchmark'`, partner names such as
 * "Syntetisk partner 123 (Norge)", summaries that start with "Syntetiskt testprojekt". Never load
 * this into a real installation.
 *
 * Deterministic: a seeded PRNG (mulberry32) picks everything; calling it twice with the same seed
 * on the same database adds more projects with the same distribution over municipalities.
 *
 * Fast: explicit ids, multi-row INSERTs chunked under the parameter limit (SQLite ~32k per
 * statement), a few thousand projects per transaction, no per-row round trips.
 */
import { CompiledQuery, type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { type DbHandle, nowIso } from '../src/db/database.js';
import type {
  Database,
  ExternalOrganisationKind,
  FundingKind,
  InternalOrganisationKind,
  MunicipalityRole,
  PartnerRole,
  ProjectKind,
  ProjectStatus,
} from '../src/db/schema.js';
import { buildSearchText } from '../src/features/projects/search-text.js';
import { countryName } from '../src/i18n/index.js';
import { loadReferenceData } from '../src/seed/load.js';
import { int, pick, type Rng } from './common.js';

export const SYNTHETIC_SOURCE = 'synthetic-benchmark';

export interface GenerateOptions {
  /** How many projects to add. */
  projects: number;
  /** PRNG seed; the same seed gives the same data. */
  seed: number;
  /** Projects per transaction (default 5,000). */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  municipalitiesCreated: number;
  organisationsCreated: number;
  projectsCreated: number;
  partnerLinks: number;
  fundingLines: number;
  /** Ids of the municipalities the seed favours most, heaviest first (the same for every call). */
  heaviestMunicipalities: number[];
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


function weighted<T>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of list) total += w;
  let r = rng() * total;
  for (const [v, w] of list) {
    r -= w;
    if (r < 0) return v;
  }
  return list[list.length - 1]![0];
}

/** `count` distinct items, weighted, without replacement. */
function distinctWeighted<T>(rng: Rng, list: readonly (readonly [T, number])[], count: number): T[] {
  const out: T[] = [];
  let rest = [...list];
  while (out.length < count && rest.length) {
    const v = weighted(rng, rest);
    out.push(v);
    rest = rest.filter(([x]) => x !== v);
  }
  return out;
}

function distinct<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0] as T);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word lists (Swedish, with the words people search for: vänort, entreprenörer, Interreg, Norge…)

const COUNTRIES: readonly (readonly [string, number])[] = [
  ['NO', 20], ['FI', 12], ['DK', 10], ['DE', 10], ['EE', 5], ['PL', 5], ['LV', 4], ['LT', 4], ['NL', 4], ['GB', 4],
  ['IS', 3], ['FR', 3], ['ES', 3], ['IT', 3], ['IE', 2], ['UA', 2], ['TZ', 2], ['KE', 2], ['ZA', 2], ['US', 2],
  ['BW', 1], ['CN', 1], ['JP', 1],
];

const THEME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['youth', 14], ['education', 14], ['culture', 10], ['business', 10], ['labour_market', 6], ['tourism', 6],
  ['environment', 8], ['care', 4], ['infrastructure', 3], ['skills', 6], ['democracy', 5], ['administration', 4],
  ['language', 4], ['marketing', 3],
];

const TARGET_WEIGHTS: readonly (readonly [string, number])[] = [
  ['youth', 14], ['pupils', 12], ['teachers', 8], ['staff', 8], ['politicians', 4], ['businesses', 8],
  ['jobseekers', 4], ['residents', 6], ['associations', 6],
];

const KINDS: readonly (readonly [ProjectKind, number])[] = [
  ['project', 40], ['exchange', 20], ['visit', 10], ['study_trip', 10], ['network_activity', 10], ['training', 10],
];
const ROLES: readonly (readonly [MunicipalityRole, number])[] = [['lead', 50], ['partner', 35], ['associated', 15]];

const INTERNAL_UNITS: readonly (readonly [string, string, InternalOrganisationKind])[] = [
  ['Kommunledningskontoret', 'Municipal executive office', 'department'],
  ['Utbildningsförvaltningen', 'Education department', 'department'],
  ['Kultur- och fritidsförvaltningen', 'Culture and leisure department', 'department'],
  ['Näringslivsenheten', 'Business development unit', 'unit'],
  ['Socialförvaltningen', 'Social services department', 'department'],
  ['Miljö- och byggförvaltningen', 'Environment and building department', 'department'],
];
const EXTERNAL_KINDS: readonly ExternalOrganisationKind[] = [
  'municipality', 'municipality', 'municipality', 'region', 'network', 'university', 'school', 'company', 'association', 'authority',
];
const INTERNAL_PER_MUNICIPALITY = 4;
const PARTNERS_PER_MUNICIPALITY = 20;

// About a quarter of the projects mention a twin town (vänort…), as in the seed documents.
const TITLE_SUBJECTS = [
  'Vänortssamarbete', 'Ungdomsutbyte', 'Entreprenörer utan gränser', 'Interreg-projekt', 'Kulturutbyte', 'Lärarutbyte',
  'Studieresa', 'Kompetensutveckling', 'Hållbar turism', 'Klimatanpassning', 'Demokratidialog', 'Digital skola',
  'Gränsregional arbetsmarknad', 'Unga entreprenörer', 'Elevutbyte', 'Vänortsbesök', 'Kommunalt partnerskap',
  'Innovationsnätverk', 'Folkhälsa och idrott', 'Mat och landsbygd',
] as const;
const TITLE_LINKS = ['med', 'i', 'för', 'mellan'] as const;
const TITLE_OBJECTS = [
  'grannkommunen', 'Norge', 'grannlandet', 'Östersjöregionen', 'Barentsregionen', 'gränsregionen', 'skolor och föreningar',
  'små företag', 'unga i glesbygd', 'kommunens förvaltning',
] as const;
const TITLE_EN = [
  'Twin town cooperation', 'Youth exchange', 'Entrepreneurs without borders', 'Interreg project', 'Cultural exchange',
  'Teacher exchange', 'Study visit', 'Skills development', 'Sustainable tourism', 'Democracy dialogue',
] as const;

const SENTENCE_A = [
  'Projektet samlar', 'Kommunen bjuder in', 'Tillsammans med vänorten utvecklar vi', 'Genom ungdomsutbyte möts',
  'Med stöd från Interreg stärker vi', 'Ett nätverk för', 'Under året träffas', 'Projektet riktar sig till',
  'Genom studiebesök i Norge möter', 'Kommunen och regionen stöttar',
] as const;
const SENTENCE_B = [
  'unga entreprenörer', 'lärare och elever', 'föreningslivet', 'företagare i gränsregionen', 'politiker och tjänstepersoner',
  'ungdomar från Norge och Sverige', 'kulturskolans elever', 'arbetssökande och arbetsgivare',
] as const;
const SENTENCE_C = [
  'kring hållbar utveckling.', 'för att skapa nya jobb.', 'genom utbyte av erfarenheter.', 'i ett gemensamt projekt.',
  'med fokus på språk och kultur.', 'för ett starkare näringsliv.', 'över nationsgränsen.', 'inom skola och omsorg.',
] as const;
const SENTENCE_EN = [
  'Young people and teachers meet across the border.', 'Entrepreneurs share experience with a partner town.',
  'Funded in part by Interreg.', 'A network for sustainable development.',
] as const;

// ---------------------------------------------------------------------------------------------

/** URL slug of a municipality name: "Upplands Väsby" → "upplands-vasby". */
export function municipalitySlug(name: string): string {
  return name
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

type Tx = Kysely<Database> | Transaction<Database>;

/**
 * Multi-row INSERTs, chunked so no statement has more than `maxParams` parameters. Built as plain
 * SQL with placeholders (`?` / `$n`): Kysely's query builder costs more than SQLite itself here.
 */
async function insertChunked<T extends keyof Database & string>(db: Tx, pg: boolean, table: T, rows: Insertable<Database[T]>[], maxParams = 30_000): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const per = Math.max(1, Math.floor(maxParams / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(i, i + per) as Record<string, unknown>[]) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(row[c] ?? null);
        marks.push(pg ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params));
  }
}

async function maxId(db: Tx, table: 'projects' | 'organisations'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

interface Org {
  id: number;
  names: string[];
  country: string | null;
}

interface MuniOrgs {
  id: number;
  units: Org[];
  partners: Org[];
}

/**
 * Adds synthetic municipalities (those of the official 290 not yet present), their organisations
 * (once per municipality) and `projects` published projects spread over all 290.
 */
export async function generateSyntheticData(handle: DbHandle, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const { db } = handle;
  const batchSize = options.batchSize ?? 5_000;
  const pg = handle.dialect === 'postgres';
  const now = nowIso();
  await loadReferenceData(db);

  // 1. Municipalities: the official 290, skipping codes that exist (e.g. the seeded Arvika and Ale).
  const official = await db.selectFrom('official_municipalities').selectAll().orderBy('code').execute();
  const existing = await db.selectFrom('municipalities').select(['id', 'code', 'slug']).execute();
  const haveCode = new Set(existing.map((m) => m.code));
  const haveSlug = new Set(existing.map((m) => m.slug));
  const newMunis = official
    .filter((o) => !haveCode.has(o.code))
    .map((o) => {
      let slug = municipalitySlug(o.short_name);
      if (!slug || haveSlug.has(slug)) slug = `${slug || 'kommun'}-${o.code}`;
      haveSlug.add(slug);
      return {
        code: o.code,
        slug,
        name_sv: o.name,
        name_en: `${o.short_name} Municipality`,
        county_code: o.county_code,
        county_name: o.county_name,
        vision_sv: 'Syntetiska data för prestandamätning, inte verkliga uppgifter.',
        vision_en: 'Synthetic benchmark data, not real information.',
        languages: 'sv,en',
        website: null,
        source: SYNTHETIC_SOURCE,
        created_at: now,
      };
    });
  await db.transaction().execute((trx) => insertChunked(trx, pg, 'municipalities', newMunis));
  const municipalities = (await db.selectFrom('municipalities').select(['id', 'code']).orderBy('code').execute())
    .map((m) => ({ id: Number(m.id), code: m.code }))
    .filter((m) => official.some((o) => o.code === m.code));

  // 2. Organisations: internal units and external partners, once per municipality.
  const orgRng = mulberry32(options.seed ^ 0x5eed0001);
  const synthOrgs = await db
    .selectFrom('organisations')
    .select(['id', 'municipality_id', 'is_internal', 'name_sv', 'name_en', 'country'])
    .where('source', '=', SYNTHETIC_SOURCE)
    .orderBy('id')
    .execute();
  const byMuni = new Map<number, MuniOrgs>(municipalities.map((m) => [m.id, { id: m.id, units: [], partners: [] }]));
  for (const o of synthOrgs) {
    const entry = byMuni.get(Number(o.municipality_id));
    const org = { id: Number(o.id), names: [o.name_sv, o.name_en].filter((s): s is string => !!s), country: o.country };
    if (entry) (o.is_internal ? entry.units : entry.partners).push(org);
  }
  let organisationsCreated = 0;
  await db.transaction().execute(async (trx) => {
    let next = (await maxId(trx, 'organisations')) + 1;
    const rows: Insertable<Database['organisations']>[] = [];
    for (const entry of byMuni.values()) {
      if (entry.units.length || entry.partners.length) continue;
      for (const [i, unit] of distinct(orgRng, INTERNAL_UNITS, INTERNAL_PER_MUNICIPALITY).entries()) {
        const [sv, en, kind] = unit;
        const name_sv = `${sv} (syntetisk enhet ${i + 1})`;
        const name_en = `${en} (synthetic unit ${i + 1})`;
        const id = next++;
        rows.push(orgRow(id, entry.id, 1, kind, name_sv, name_en, null, now));
        entry.units.push({ id, names: [name_sv, name_en], country: null });
      }
      for (let i = 0; i < PARTNERS_PER_MUNICIPALITY; i++) {
        const id = next++;
        const country = weighted(orgRng, COUNTRIES);
        const name_sv = `Syntetisk partner ${id} (${countryName('sv', country) ?? country})`;
        const name_en = `Synthetic partner ${id} (${countryName('en', country) ?? country})`;
        rows.push(orgRow(id, entry.id, 0, pick(orgRng, EXTERNAL_KINDS), name_sv, name_en, country, now));
        entry.partners.push({ id, names: [name_sv, name_en], country });
      }
    }
    organisationsCreated = rows.length;
    await insertChunked(trx, pg, 'organisations', rows);
  });

  // 3. Reference lists for labels and programme ids.
  const programmes = new Map((await db.selectFrom('funding_programmes').select(['id', 'code', 'name_sv', 'name_en']).execute()).map((p) => [p.code, { ...p, id: Number(p.id) }]));
  const themes = new Map((await db.selectFrom('themes').selectAll().execute()).map((t) => [t.code, t]));
  const targets = new Map((await db.selectFrom('target_groups').selectAll().execute()).map((t) => [t.code, t]));
  const themeWeights = THEME_WEIGHTS.filter(([c]) => themes.has(c));
  const targetWeights = TARGET_WEIGHTS.filter(([c]) => targets.has(c));

  // 4. How projects spread over municipalities: Zipf-like (s = 0.5) over an order shuffled by the
  // seed alone, so every call with the same seed favours the same municipalities. With 100,000
  // projects the largest municipality gets about 3,000, the smallest about 180.
  const order = distinct(mulberry32(options.seed ^ 0x5eed0002), municipalities, municipalities.length);
  const cumulative: number[] = [];
  let acc = 0;
  for (let i = 0; i < order.length; i++) {
    acc += 1 / Math.sqrt(i + 1);
    cumulative.push(acc);
  }
  const pickMunicipality = (r: number) => {
    const x = r * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return byMuni.get(order[lo]!.id)!;
  };

  // Continue the sequence: a second call with the same seed adds different projects.
  const already = Number(
    (await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('source', '=', SYNTHETIC_SOURCE).executeTakeFirstOrThrow()).n,
  );
  const rng = mulberry32((options.seed * 1_000_003 + already) >>> 0);

  // Test data, not records: on SQLite skip the fsync per commit while generating (restored after).
  let restoreSync: string | null = null;
  if (handle.dialect === 'sqlite') {
    const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    restoreSync = String(r.rows[0]?.synchronous ?? 2);
    await sql`pragma synchronous = OFF`.execute(db);
  }

  let partnerLinks = 0;
  let fundingLines = 0;
  let done = 0;
  try {
  while (done < options.projects) {
    const n = Math.min(batchSize, options.projects - done);
    await db.transaction().execute(async (trx) => {
      let nextId = (await maxId(trx, 'projects')) + 1;
      const projects: Insertable<Database['projects']>[] = [];
      const partners: Insertable<Database['project_partners']>[] = [];
      const countries: Insertable<Database['project_countries']>[] = [];
      const themeRows: Insertable<Database['project_themes']>[] = [];
      const targetRows: Insertable<Database['project_target_groups']>[] = [];
      const funding: Insertable<Database['project_funding']>[] = [];
      for (let i = 0; i < n; i++) {
        const id = nextId++;
        const m = pickMunicipality(rng());
        const kind = weighted(rng, KINDS);
        const year = int(rng, 2000, 2026);
        const status: ProjectStatus =
          year >= 2026
            ? pick(rng, ['planned', 'applied', 'ongoing'] as const)
            : year >= 2024
              ? pick(rng, ['ongoing', 'ongoing', 'completed'] as const)
              : rng() < 0.9
                ? 'completed'
                : 'cancelled';
        const month = int(rng, 1, 12);
        const startDate = `${year}-${String(month).padStart(2, '0')}-01`;
        const endDate =
          status === 'planned' || status === 'applied' ? null : `${Math.min(2026, year + int(rng, 0, 2))}-12-31`;
        const role = weighted(rng, ROLES);
        const unit = pick(rng, m.units);

        const projectPartners = distinct(rng, m.partners, int(rng, 1, 4));
        const partnerRoles: PartnerRole[] = projectPartners.map((_, j) =>
          j === 0 && role !== 'lead' ? 'lead' : rng() < 0.8 ? 'partner' : 'associated',
        );
        const projectCountries = [...new Set(projectPartners.map((p) => p.country).filter((c): c is string => !!c))];
        const projectThemes = distinctWeighted(rng, themeWeights, int(rng, 1, 3));
        const projectTargets = distinctWeighted(rng, targetWeights, int(rng, 1, 2));

        const lines: { kind: FundingKind; programme: string | null; source_name: string | null; amount_minor: number }[] = [];
        const lineCount = int(rng, 1, 3);
        for (let j = 0; j < lineCount; j++) {
          const r = rng();
          if (j === 0 && r < 0.6) {
            const programme = year <= 2006 && rng() < 0.3 ? 'objective3' : pick(rng, ['interreg', 'interreg', 'erasmus', 'esf'] as const);
            lines.push({ kind: 'eu_grant', programme, source_name: programmes.get(programme)?.name_sv ?? null, amount_minor: int(rng, 10, 500) * 10_000 * 100 });
          } else if (r < 0.75) {
            lines.push({ kind: 'municipal_cash', programme: null, source_name: 'Kommunen (syntetisk)', amount_minor: int(rng, 2, 50) * 10_000 * 100 });
          } else if (r < 0.9) {
            lines.push({ kind: 'other_grant', programme: 'icld', source_name: 'ICLD', amount_minor: int(rng, 5, 100) * 10_000 * 100 });
          } else {
            lines.push({ kind: 'partner', programme: null, source_name: projectPartners[0]!.names[0] ?? null, amount_minor: int(rng, 1, 30) * 10_000 * 100 });
          }
        }
        const programmeCode = lines.find((l) => l.programme)?.programme ?? null;
        const budget = lines.reduce((s, l) => s + l.amount_minor, 0);

        const titleSv = `${pick(rng, TITLE_SUBJECTS)} ${pick(rng, TITLE_LINKS)} ${pick(rng, TITLE_OBJECTS)}`;
        const titleEn = rng() < 0.4 ? `${pick(rng, TITLE_EN)} (synthetic ${id})` : null;
        const sentences = int(rng, 1, 2);
        let summarySv = 'Syntetiskt testprojekt för prestandamätning.';
        for (let j = 0; j < sentences; j++) summarySv += ` ${pick(rng, SENTENCE_A)} ${pick(rng, SENTENCE_B)} ${pick(rng, SENTENCE_C)}`;
        const summaryEn = rng() < 0.5 ? `Synthetic benchmark project. ${pick(rng, SENTENCE_EN)}` : null;

        const programmeNames = [programmeCode, ...lines.map((l) => l.programme)]
          .flatMap((c): (string | null | undefined)[] => (c ? [programmes.get(c)?.name_sv, programmes.get(c)?.name_en] : []))
          .concat(lines.map((l) => l.source_name))
          .filter((s): s is string => !!s);
        const searchText = buildSearchText({
          kind,
          title_sv: titleSv,
          title_en: titleEn,
          summary_sv: summarySv,
          summary_en: summaryEn,
          partnerNames: projectPartners.flatMap((p) => p.names),
          countries: projectCountries,
          themeLabels: projectThemes.flatMap((c) => [themes.get(c)?.label_sv, themes.get(c)?.label_en].filter((s): s is string => !!s)),
          targetLabels: projectTargets.flatMap((c) => [targets.get(c)?.label_sv, targets.get(c)?.label_en].filter((s): s is string => !!s)),
          programmeNames,
          unitNames: unit ? unit.names : [],
          resultTexts: [],
        });
        const participants = kind === 'project' ? null : int(rng, 5, 300);
        const publishedYear = Math.min(2026, year + int(rng, 0, 1));

        projects.push({
          id,
          municipality_id: m.id,
          kind,
          title_sv: titleSv,
          title_en: titleEn,
          summary_sv: summarySv,
          summary_en: summaryEn,
          owner_unit_id: unit ? unit.id : null,
          municipality_role: role,
          programme_id: programmeCode ? (programmes.get(programmeCode)?.id ?? null) : null,
          status,
          start_date: startDate,
          end_date: endDate,
          year,
          participants_total: participants,
          participants_youth: participants === null ? null : Math.floor(participants * rng()),
          budget_sek_minor: budget > 0 ? budget : null,
          publication_state: 'published',
          published_at: `${publishedYear}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}T10:00:00.000Z`,
          search_text: searchText,
          source: SYNTHETIC_SOURCE,
          created_at: now,
          updated_at: now,
        });
        for (const [position, p] of projectPartners.entries()) partners.push({ project_id: id, organisation_id: p.id, role: partnerRoles[position]!, position });
        for (const country of projectCountries) countries.push({ project_id: id, country });
        for (const theme of projectThemes) themeRows.push({ project_id: id, theme });
        for (const target_group of projectTargets) targetRows.push({ project_id: id, target_group });
        for (const l of lines) {
          funding.push({
            project_id: id,
            kind: l.kind,
            programme_id: l.programme ? (programmes.get(l.programme)?.id ?? null) : null,
            source_name: l.source_name,
            amount_minor: l.amount_minor,
            currency: 'SEK',
            staff_hours: null,
            note_sv: null,
            source: SYNTHETIC_SOURCE,
          });
        }
      }
      await insertChunked(trx, pg, 'projects', projects);
      await insertChunked(trx, pg, 'project_partners', partners);
      await insertChunked(trx, pg, 'project_countries', countries);
      await insertChunked(trx, pg, 'project_themes', themeRows);
      await insertChunked(trx, pg, 'project_target_groups', targetRows);
      await insertChunked(trx, pg, 'project_funding', funding);
      partnerLinks += partners.length;
      fundingLines += funding.length;
    });
    done += n;
    options.onProgress?.(done, options.projects);
  }
  } finally {
    if (restoreSync !== null) await sql.raw(`pragma synchronous = ${Number(restoreSync)}`).execute(db);
  }

  if (handle.dialect === 'postgres') {
    // Explicit ids bypass the sequences: move them past the highest id.
    for (const t of ['projects', 'organisations'] as const) {
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 1))`.execute(db);
    }
  }
  return {
    municipalitiesCreated: newMunis.length,
    organisationsCreated,
    projectsCreated: done,
    partnerLinks,
    fundingLines,
    heaviestMunicipalities: order.slice(0, 5).map((m) => m.id),
    ms: performance.now() - started,
  };
}

function orgRow(
  id: number,
  municipalityId: number,
  isInternal: number,
  kind: InternalOrganisationKind | ExternalOrganisationKind,
  name_sv: string,
  name_en: string,
  country: string | null,
  now: string,
): Insertable<Database['organisations']> {
  return {
    id,
    municipality_id: municipalityId,
    is_internal: isInternal,
    kind,
    name_sv,
    name_en,
    short_name: null,
    parent_id: null,
    country,
    region: null,
    population: null,
    population_year: null,
    website: null,
    latitude: null,
    longitude: null,
    description_sv: isInternal ? null : 'Syntetisk organisation för prestandamätning.',
    description_en: isInternal ? null : 'Synthetic organisation for benchmarking.',
    source: SYNTHETIC_SOURCE,
    created_at: now,
    updated_at: now,
  };
}
