/**
 * Project queries. Functions take the database handle first; only published projects are read
 * here (this module serves the public site and the open API).
 */
import { sql } from 'kysely';
import type { DbHandle, Db } from '../../db/database.js';
import type { SearchTerm } from './text.js';

/** The columns search and facets need, for every published project of a municipality. */
export interface FacetRow {
  id: number;
  kind: string;
  status: string | null;
  year: number | null;
  owner_unit_id: number | null;
  municipality_role: string | null;
  programme_id: number | null;
  start_date: string | null;
  published_at: string | null;
  budget_sek_minor: number | null;
  title_sv: string;
  title_en: string | null;
  themes: string[];
  countries: string[];
  partners: number[];
  targets: string[];
}

export async function loadFacetRows(db: Db, municipalityId: number): Promise<FacetRow[]> {
  const base = await db
    .selectFrom('projects')
    .select([
      'id', 'kind', 'status', 'year', 'owner_unit_id', 'municipality_role', 'programme_id', 'start_date',
      'published_at', 'budget_sek_minor', 'title_sv', 'title_en',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('publication_state', '=', 'published')
    .execute();
  const rows = new Map<number, FacetRow>();
  for (const r of base) rows.set(Number(r.id), { ...r, id: Number(r.id), themes: [], countries: [], partners: [], targets: [] });
  if (rows.size === 0) return [];

  const pairs = async (table: string, column: string) =>
    (
      await sql<{ project_id: number; v: string | number }>`select x.project_id, x.${sql.ref(column)} as v
        from ${sql.table(table)} x join projects p on p.id = x.project_id
        where p.municipality_id = ${municipalityId} and p.publication_state = 'published'`.execute(db)
    ).rows;
  const [themes, countries, partners, targets] = await Promise.all([
    pairs('project_themes', 'theme'),
    pairs('project_countries', 'country'),
    pairs('project_partners', 'organisation_id'),
    pairs('project_target_groups', 'target_group'),
  ]);
  for (const r of themes) rows.get(Number(r.project_id))?.themes.push(String(r.v));
  for (const r of countries) rows.get(Number(r.project_id))?.countries.push(String(r.v));
  for (const r of partners) rows.get(Number(r.project_id))?.partners.push(Number(r.v));
  for (const r of targets) rows.get(Number(r.project_id))?.targets.push(String(r.v));
  return [...rows.values()];
}

/** Facet rows and labels of one municipality: what a search needs besides the text match. */
export interface FacetData {
  /** Shared between requests: read, never modify. */
  rows: readonly FacetRow[];
  labels: FacetLabels;
  /**
   * The rows' search texts, lower-cased, in the same order: kept with cached data of a
   * municipality of at most MAX_IN_MEMORY_TEXTS projects, so its searches need no index query.
   */
  texts?: readonly string[];
}

/** Above this many projects a municipality's texts stay in the database's index only. */
export const MAX_IN_MEMORY_TEXTS = 20_000;

async function loadTexts(db: Db, municipalityId: number, rows: readonly FacetRow[]): Promise<string[]> {
  const found = await db
    .selectFrom('projects')
    .select(['id', 'search_text'])
    .where('municipality_id', '=', municipalityId)
    .where('publication_state', '=', 'published')
    .execute();
  const byId = new Map(found.map((r) => [Number(r.id), r.search_text.normalize('NFC').toLowerCase()]));
  return rows.map((r) => byId.get(r.id) ?? '');
}

interface FacetCacheEntry extends FacetData {
  version: string;
}

const FACET_CACHE_MUNICIPALITIES = 32;
const facetCaches = new WeakMap<Db, Map<number, FacetCacheEntry>>();

/**
 * Facet rows and labels, loaded as `loadFacetRows` and `loadFacetLabels` do. Loading them is most
 * of a search's cost in a large municipality (thousands of rows from several queries), and they
 * change only when the data does; so where the database tells its data version cheaply (SQLite,
 * `DbHandle.dataVersion`) they are kept per municipality (the 32 used last) and reused while it
 * is unchanged. The version is read before loading, so a change
 * committed during the load is picked up by the next search. PostgreSQL, and queries inside a
 * transaction, always load.
 */
export async function loadFacetData(handle: DbHandle, municipalityId: number): Promise<FacetData> {
  const { db } = handle;
  const load = async (): Promise<FacetData> => {
    const [rows, labels] = await Promise.all([loadFacetRows(db, municipalityId), loadFacetLabels(db, municipalityId)]);
    return { rows, labels };
  };
  if (!handle.dataVersion || db.isTransaction) return load();
  let cache = facetCaches.get(db);
  if (!cache) {
    cache = new Map();
    facetCaches.set(db, cache);
  }
  const version = handle.dataVersion();
  const hit = cache.get(municipalityId);
  if (hit && hit.version === version) {
    cache.delete(municipalityId);
    cache.set(municipalityId, hit);
    return hit;
  }
  const data = await load();
  if (data.rows.length <= MAX_IN_MEMORY_TEXTS) data.texts = await loadTexts(db, municipalityId, data.rows);
  cache.delete(municipalityId);
  if (cache.size >= FACET_CACHE_MUNICIPALITIES) cache.delete(cache.keys().next().value as number);
  cache.set(municipalityId, { ...data, version });
  return data;
}

function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The municipality's marker in the trigram index (see the initial migration). */
export function trigramMarker(municipalityId: number): string {
  return `\u{E000}${String.fromCodePoint(0x4e00 + municipalityId)}\u{E000}`;
}

/**
 * Ids of the municipality's published projects whose text matches every term. Terms are matched
 * inside words (trigrams: "vänort" finds "vänortssamarbetet") or, when short, at word starts.
 * Both SQLite queries are scoped by a municipality marker whose posting list holds only that
 * municipality's projects, so their cost follows the municipality's size, not the installation's.
 * Ranking is done by the caller, identically for both databases.
 */
export async function matchText(handle: DbHandle, municipalityId: number, terms: SearchTerm[]): Promise<Set<number>> {
  if (terms.length === 0) return new Set();
  if (handle.dialect === 'sqlite') {
    const long = terms.filter((t) => !t.prefixOnly);
    const short = terms.filter((t) => t.prefixOnly);
    let ids: Set<number> | null = null;
    if (long.length) {
      const q = `muni:${ftsPhrase(trigramMarker(municipalityId))} AND ${long.map((t) => `search_text:${ftsPhrase(t.stem)}`).join(' AND ')}`;
      const rows = await sql<{ id: number }>`select rowid as id from project_fts_tri where project_fts_tri match ${q}`.execute(handle.db);
      ids = new Set(rows.rows.map((r) => Number(r.id)));
    }
    if (short.length) {
      const muni = `m${String(municipalityId).padStart(6, '0')}`;
      const q = `muni:${muni} AND ${short.map((t) => `search_text:${ftsPhrase(t.stem)}*`).join(' AND ')}`;
      const rows = await sql<{ id: number }>`select rowid as id from project_fts where project_fts match ${q}`.execute(handle.db);
      const found = rows.rows.map((r) => Number(r.id));
      ids = ids === null ? new Set(found) : new Set(found.filter((id) => ids!.has(id)));
    }
    return ids ?? new Set();
  }
  // PostgreSQL: the municipality's rows by index, then substring (trigram index) for long terms
  // and word prefix for short ones.
  let q = handle.db.selectFrom('projects').select('id').where('municipality_id', '=', municipalityId).where('publication_state', '=', 'published');
  for (const term of terms) {
    if (term.prefixOnly) {
      q = q.where(sql<boolean>`to_tsvector('simple', search_text) @@ to_tsquery('simple', ${`${term.stem}:*`})`);
    } else {
      q = q.where(sql<boolean>`lower(search_text) like ${`%${term.stem.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
    }
  }
  return new Set((await q.execute()).map((r) => Number(r.id)));
}

/** Full records of the given published projects (for a results page or an export). */
export async function loadProjects(db: Db, municipalityId: number, ids: number[]) {
  if (ids.length === 0) return [];
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const out = [];
  for (const chunk of chunks) out.push(...(await loadChunk(db, municipalityId, chunk)));
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

async function loadChunk(db: Db, municipalityId: number, ids: number[]) {
  const [projects, partners, countries, themes, targets, funding, results, links, partnerships] = await Promise.all([
    db
      .selectFrom('projects as p')
      .leftJoin('organisations as u', 'u.id', 'p.owner_unit_id')
      .leftJoin('funding_programmes as fp', 'fp.id', 'p.programme_id')
      .select([
        'p.id', 'p.kind', 'p.title_sv', 'p.title_en', 'p.summary_sv', 'p.summary_en', 'p.municipality_role', 'p.status',
        'p.start_date', 'p.end_date', 'p.year', 'p.participants_total', 'p.participants_youth', 'p.budget_sek_minor',
        'p.published_at', 'p.updated_at', 'p.source', 'p.owner_unit_id',
        'u.name_sv as unit_name_sv', 'u.name_en as unit_name_en',
        'fp.code as programme_code', 'fp.name_sv as programme_name_sv', 'fp.name_en as programme_name_en',
      ])
      .where('p.municipality_id', '=', municipalityId)
      .where('p.publication_state', '=', 'published')
      .where('p.id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['pp.project_id', 'pp.role', 'o.id', 'o.name_sv', 'o.name_en', 'o.country', 'o.kind', 'o.website'])
      .where('pp.project_id', 'in', ids)
      .orderBy('pp.position')
      .execute(),
    db.selectFrom('project_countries').select(['project_id', 'country']).where('project_id', 'in', ids).orderBy('country').execute(),
    db
      .selectFrom('project_themes as x')
      .innerJoin('themes as th', 'th.code', 'x.theme')
      .select(['x.project_id', 'th.code', 'th.label_sv', 'th.label_en'])
      .where('x.project_id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_target_groups as x')
      .innerJoin('target_groups as tg', 'tg.code', 'x.target_group')
      .select(['x.project_id', 'tg.code', 'tg.label_sv', 'tg.label_en'])
      .where('x.project_id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_funding as f')
      .leftJoin('funding_programmes as fp', 'fp.id', 'f.programme_id')
      .select([
        'f.project_id', 'f.id', 'f.kind', 'f.source_name', 'f.amount_minor', 'f.currency', 'f.staff_hours', 'f.note_sv',
        'fp.code as programme_code', 'fp.name_sv as programme_name_sv', 'fp.name_en as programme_name_en',
      ])
      .where('f.project_id', 'in', ids)
      .orderBy('f.id')
      .execute(),
    db
      .selectFrom('project_results')
      .select(['project_id', 'id', 'description_sv', 'description_en', 'indicator', 'unit', 'baseline', 'target', 'actual', 'period'])
      .where('project_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('project_links').select(['project_id', 'id', 'kind', 'url', 'label_sv', 'label_en']).where('project_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('project_partnerships as x')
      .innerJoin('partnerships as ps', 'ps.id', 'x.partnership_id')
      .select(['x.project_id', 'ps.id', 'ps.title_sv', 'ps.title_en', 'ps.kind'])
      .where('x.project_id', 'in', ids)
      .where('ps.publication_state', '=', 'published')
      .execute(),
  ]);
  const by = <T extends { project_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const k = Number(r.project_id);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const [bp, bc, bt, bg, bf, br, bl, bs] = [by(partners), by(countries), by(themes), by(targets), by(funding), by(results), by(links), by(partnerships)];
  return projects.map((p) => {
    const id = Number(p.id);
    return {
      ...p,
      id,
      partners: (bp.get(id) ?? []).map((r) => ({ ...r, id: Number(r.id) })),
      countries: (bc.get(id) ?? []).map((r) => r.country),
      themes: bt.get(id) ?? [],
      targets: bg.get(id) ?? [],
      funding: bf.get(id) ?? [],
      results: br.get(id) ?? [],
      links: bl.get(id) ?? [],
      partnerships: (bs.get(id) ?? []).map((r) => ({ ...r, id: Number(r.id) })),
    };
  });
}

export type ProjectRecord = Awaited<ReturnType<typeof loadChunk>>[number];

/** Names for facet values that are ids or codes: organisations, programmes, themes, target groups. */
export async function loadFacetLabels(db: Db, municipalityId: number) {
  const [orgs, programmes, themes, targets] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name_sv', 'name_en', 'country']).where('municipality_id', '=', municipalityId).execute(),
    db.selectFrom('funding_programmes').select(['id', 'code', 'name_sv', 'name_en']).execute(),
    db.selectFrom('themes').select(['code', 'label_sv', 'label_en']).execute(),
    db.selectFrom('target_groups').select(['code', 'label_sv', 'label_en']).execute(),
  ]);
  return {
    orgs: new Map(orgs.map((o) => [Number(o.id), o])),
    programmes: new Map(programmes.map((p) => [Number(p.id), p])),
    programmeByCode: new Map(programmes.map((p) => [p.code, { ...p, id: Number(p.id) }])),
    themes: new Map(themes.map((t) => [t.code, t])),
    targets: new Map(targets.map((t) => [t.code, t])),
  };
}
export type FacetLabels = Awaited<ReturnType<typeof loadFacetLabels>>;
