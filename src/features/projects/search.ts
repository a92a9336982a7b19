/**
 * Project search with facets. The municipality's published projects are filtered in memory after
 * the text match: a municipality has hundreds to a few thousand projects, which makes this both
 * fast and identical on SQLite and PostgreSQL. Facet counts follow the usual rule: each facet
 * counts with every other filter applied, but not its own, so a visitor sees what picking another
 * value would give.
 */
import type { DbHandle } from '../../db/database.js';
import { AppError, type FieldError } from '../../errors/index.js';
import { countryName, type Lang, t } from '../../i18n/index.js';
import { label, MUNICIPALITY_ROLES, PROJECT_KINDS, PROJECT_STATUSES } from '../../i18n/labels.js';
import { FACETS, type Facet, type ProjectSearchQuery, paramLabel } from './schemas.js';
import { type FacetLabels, type FacetRow, loadFacetData, loadProjects, matchText, type ProjectRecord } from './repository.js';
import { matchInMemory, searchTerms } from './text.js';

/** The most values a facet lists (by count); a chosen value is always listed. */
export const MAX_FACET_VALUES = 100;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchOutcome {
  query: ProjectSearchQuery;
  sort: 'relevance' | 'newest' | 'start' | 'budget';
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  ids: number[];
  facets: Record<Facet, FacetValue[]>;
  labels: FacetLabels;
}

function valuesOf(row: FacetRow, facet: Facet): (string | number)[] {
  switch (facet) {
    case 'kind':
      return [row.kind];
    case 'theme':
      return row.themes;
    case 'country':
      return row.countries;
    case 'partner':
      return row.partners;
    case 'programme':
      return row.programme_id == null ? [] : [row.programme_id];
    case 'status':
      return row.status ? [row.status] : [];
    case 'year':
      return row.year == null ? [] : [row.year];
    case 'unit':
      return row.owner_unit_id == null ? [] : [row.owner_unit_id];
    case 'role':
      return row.municipality_role ? [row.municipality_role] : [];
    case 'target':
      return row.targets;
  }
}

/** A facet row with each facet's values as distinct strings, in FACETS order. */
interface IndexedRow {
  row: FacetRow;
  values: string[][];
}

// Built once per set of facet rows (the rows are cached while the data is unchanged), so a search
// allocates nothing per row and facet.
const indexCache = new WeakMap<readonly FacetRow[], IndexedRow[]>();
function indexRows(rows: readonly FacetRow[]): IndexedRow[] {
  let indexed = indexCache.get(rows);
  if (!indexed) {
    indexed = rows.map((row) => ({ row, values: FACETS.map((f) => [...new Set(valuesOf(row, f).map(String))]) }));
    indexCache.set(rows, indexed);
  }
  return indexed;
}

const collators = { sv: new Intl.Collator('sv'), en: new Intl.Collator('en') };

/** The filter values of a query, normalised to what `valuesOf` returns (programme code → id). */
function activeFilters(query: ProjectSearchQuery, labels: FacetLabels, lang: Lang): Map<Facet, string> {
  const active = new Map<Facet, string>();
  const errors: FieldError[] = [];
  const unknown = (facet: Facet, value: string) =>
    errors.push({ field: facet, message: t(lang, 'v_unknown_value', { name: paramLabel(facet, lang), value }) });
  for (const facet of FACETS) {
    const raw = query[facet];
    if (raw === undefined) continue;
    const value = String(raw);
    switch (facet) {
      case 'theme':
        if (!labels.themes.has(value)) unknown(facet, value);
        break;
      case 'target':
        if (!labels.targets.has(value)) unknown(facet, value);
        break;
      case 'country':
        if (!countryName('en', value)) unknown(facet, value);
        break;
      case 'programme': {
        const p = labels.programmeByCode.get(value);
        if (!p) unknown(facet, value);
        else active.set(facet, String(p.id));
        continue;
      }
      case 'partner':
      case 'unit':
        if (!labels.orgs.has(Number(value))) unknown(facet, value);
        break;
    }
    active.set(facet, value);
  }
  if (errors.length) throw new AppError('invalid_query', errors.map((e) => e.message).join(' '), errors);
  return active;
}

function facetLabel(facet: Facet, value: string, labels: FacetLabels, lang: Lang): string {
  switch (facet) {
    case 'kind':
      return label(PROJECT_KINDS, value as keyof typeof PROJECT_KINDS, lang);
    case 'status':
      return label(PROJECT_STATUSES, value as keyof typeof PROJECT_STATUSES, lang);
    case 'role':
      return label(MUNICIPALITY_ROLES, value as keyof typeof MUNICIPALITY_ROLES, lang);
    case 'theme': {
      const th = labels.themes.get(value);
      return th ? (lang === 'sv' ? th.label_sv : th.label_en) : value;
    }
    case 'target': {
      const tg = labels.targets.get(value);
      return tg ? (lang === 'sv' ? tg.label_sv : tg.label_en) : value;
    }
    case 'country':
      return countryName(lang, value) ?? value;
    case 'programme': {
      const p = labels.programmes.get(Number(value));
      return p ? (lang === 'sv' ? p.name_sv : p.name_en) : value;
    }
    case 'partner':
    case 'unit': {
      const o = labels.orgs.get(Number(value));
      return o ? (lang === 'en' && o.name_en ? o.name_en : o.name_sv) : value;
    }
    case 'year':
      return value;
  }
}

/** The value as it appears in a URL (programme ids go out as codes). */
function urlValue(facet: Facet, value: string, labels: FacetLabels): string {
  if (facet === 'programme') return labels.programmes.get(Number(value))?.code ?? value;
  return value;
}

/**
 * Runs a search for one municipality.
 * @throws AppError invalid_query when a filter names a value that does not exist (e.g. a theme).
 */
export async function searchProjects(handle: DbHandle, municipalityId: number, query: ProjectSearchQuery, lang: Lang): Promise<SearchOutcome> {
  const terms = searchTerms(query.q);
  const data = await loadFacetData(handle, municipalityId);
  const { rows, labels } = data;
  let matches: Set<number> | null = null;
  if (terms.length && data.texts) matches = new Set(matchInMemory(data.texts, terms).map((i) => (rows[i] as FacetRow).id));
  else if (terms.length) matches = await matchText(handle, municipalityId, terms);
  const active = activeFilters(query, labels, lang);
  const indexed = indexRows(rows);
  const candidates = matches ? indexed.filter((r) => matches.has(r.row.id)) : indexed;
  const activeList = [...active].map(([facet, value]) => [FACETS.indexOf(facet), value] as const);
  const collator = collators[lang];

  const passes = (r: IndexedRow, exceptIndex = -1) => {
    for (const [fi, value] of activeList) {
      if (fi !== exceptIndex && !r.values[fi]!.includes(value)) return false;
    }
    return true;
  };

  const facets = {} as Record<Facet, FacetValue[]>;
  for (const [fi, facet] of FACETS.entries()) {
    const counts = new Map<string, number>();
    for (const r of candidates) {
      if (!passes(r, fi)) continue;
      for (const v of r.values[fi]!) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const selected = active.get(facet);
    if (selected !== undefined && !counts.has(selected)) counts.set(selected, 0);
    const values = [...counts].map(([value, count]) => ({
      value: urlValue(facet, value, labels),
      label: facetLabel(facet, value, labels, lang),
      count,
      selected: value === selected,
    }));
    values.sort(facet === 'year' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || collator.compare(a.label, b.label));
    // A list of thousands of partners helps nobody: the most frequent values, and the chosen one.
    const shown = values.slice(0, MAX_FACET_VALUES);
    const chosen = values.find((v) => v.selected);
    if (chosen && !shown.includes(chosen)) shown.push(chosen);
    facets[facet] = shown;
  }

  const hits = candidates.filter((r) => passes(r)).map((r) => r.row);
  // Relevance: every project here matches every term; those with the terms in their title first.
  const scores = new Map<number, number>();
  const relevance = (r: FacetRow) => {
    let score = scores.get(r.id);
    if (score === undefined) {
      const title = `${r.title_sv}\n${r.title_en ?? ''}`.toLowerCase();
      score = terms.reduce((s, term) => s + (title.includes(term.stem) ? 2 : 0) + (title.includes(term.word) ? 1 : 0), 0);
      scores.set(r.id, score);
    }
    return score;
  };
  const sort = query.sort ?? (terms.length ? 'relevance' : 'newest');
  const title = (r: FacetRow) => (lang === 'en' && r.title_en ? r.title_en : r.title_sv);
  const byTitle = (a: FacetRow, b: FacetRow) => collator.compare(title(a), title(b));
  const desc = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);
  hits.sort((a, b) => {
    switch (sort) {
      case 'relevance':
        return relevance(b) - relevance(a) || desc(a.published_at, b.published_at) || byTitle(a, b);
      case 'newest':
        return desc(a.published_at, b.published_at) || b.id - a.id;
      case 'start':
        return desc(a.start_date ?? (a.year ? String(a.year) : null), b.start_date ?? (b.year ? String(b.year) : null)) || byTitle(a, b);
      case 'budget':
        return desc(a.budget_sek_minor, b.budget_sek_minor) || byTitle(a, b);
      default:
        return 0;
    }
  });
  const total = hits.length;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const start = (query.page - 1) * query.pageSize;
  return {
    query,
    sort,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages,
    ids: hits.slice(start, start + query.pageSize).map((r) => r.id),
    facets,
    labels,
  };
}

/** Every matching id, in order, for exports (no paging). */
export async function searchAllIds(handle: DbHandle, municipalityId: number, query: ProjectSearchQuery, lang: Lang): Promise<SearchOutcome> {
  return searchProjects(handle, municipalityId, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, lang);
}

export async function loadPage(handle: DbHandle, municipalityId: number, ids: number[]): Promise<ProjectRecord[]> {
  return loadProjects(handle.db, municipalityId, ids);
}
