/**
 * The dry run of a table import: each row is validated and matched to an existing project or
 * marked as new, and for existing projects only the fields whose values really differ are planned
 * as changes. Reads the database, writes nothing. The run (`apply.ts`) executes a plan made inside
 * its own transaction, so it always acts on fresh data.
 *
 * Matching, in order: the project number (when the file comes from this municipality's own export
 * or has no web address column), an external reference (or, for another municipality's export,
 * `utblick:<slug>:<number>`), and else the title, when exactly one project has it.
 */
import type { Db } from '../../db/database.js';
import type { MunicipalityRole, ProjectKind, ProjectStatus } from '../../db/schema.js';
import { MUNICIPALITY_ROLES, PROJECT_KINDS, PROJECT_STATUSES } from '../../i18n/labels.js';
import type { FieldKey, Mapping } from './fields.js';
import { countryCode, KINDS, parseProjectUrl, type Ref, refKey, ROLES, Resolver, STATUSES, sameSet, splitPartner } from './lookups.js';
import type { SourceRow } from './parse.js';
import { type Lookups, loadProjectStates, type ProjectState } from './repository.js';
import { CELL, type ImportIssue, issue, ROW, type Text } from './text.js';
import {
  cellText,
  matchKey,
  type Parsed,
  parseCount,
  parseDate,
  parseHours,
  parseMoneyMinor,
  parseText,
  parseYear,
  splitList,
} from './values.js';

export type { Ref } from './lookups.js';

export interface RowValues {
  external_ref?: string | null;
  title_sv?: string;
  title_en?: string | null;
  summary_sv?: string | null;
  summary_en?: string | null;
  kind?: ProjectKind;
  status?: ProjectStatus | null;
  start_date?: string | null;
  end_date?: string | null;
  year?: number | null;
  unit?: Ref | null;
  role?: MunicipalityRole | null;
  programme?: Ref | null;
  partners?: Ref[];
  countries?: string[];
  themes?: string[];
  target_groups?: string[];
  budget_sek?: number | null;
  budget_eur?: number | null;
  staff_hours?: number | null;
  participants_total?: number | null;
  participants_youth?: number | null;
}

export type RowAction = 'create' | 'update' | 'unchanged';

export interface PlannedRow {
  row: number;
  action: RowAction;
  projectId: number | null;
  title: string;
  /** The fields that will be set (create) or changed (update). */
  changes: (keyof RowValues)[];
  values: RowValues;
}

export interface ImportPlan {
  rows: PlannedRow[];
  issues: ImportIssue[];
  counts: Record<RowAction, number>;
  newUnits: { key: string; name: string }[];
  newOrganisations: { key: string; name: string; country: string | null }[];
  newProgrammes: { key: string; name: string }[];
}

export const MAX_TITLE = 300;
export const MAX_SUMMARY = 10_000;

// ── The plan ─────────────────────────────────────────────────────────────────────────────────────
interface Draft {
  row: number;
  cells: Map<FieldKey, SourceRow['cells'][number]>;
  headers: Map<FieldKey, string>;
  match: { projectId: number | null; externalRef: string | null; by: string };
}

/** Plans the import of `rows` (mapped by `mapping`) into the municipality of `lookups`. */
export async function planImport(db: Db, lookups: Lookups, headers: readonly string[], mapping: Mapping, rows: readonly SourceRow[]): Promise<ImportPlan> {
  const issues: ImportIssue[] = [];
  const add = (row: number, field: FieldKey | null, message: Text, draft?: Draft) => issues.push(issue(row, field ? (draft?.headers.get(field) ?? field) : null, message));
  const m = lookups.municipality;

  const projectIds = new Set(lookups.projects.map((p) => p.id));
  const byRef = new Map(lookups.projects.filter((p) => p.external_ref).map((p) => [p.external_ref as string, p.id]));
  const byTitle = new Map<string, number[]>();
  for (const p of lookups.projects) {
    for (const t of new Set([p.title_sv, p.title_en].filter((s): s is string => !!s).map(matchKey))) byTitle.set(t, [...(byTitle.get(t) ?? []), p.id]);
  }

  // 1. Match every row to a project (or to none: a new one).
  const drafts: Draft[] = [];
  const claimed = new Map<string, number>();
  for (const source of rows) {
    const cells = new Map<FieldKey, SourceRow['cells'][number]>();
    const names = new Map<FieldKey, string>();
    mapping.forEach((field, i) => {
      if (!field) return;
      cells.set(field, source.cells[i] ?? null);
      names.set(field, headers[i] ?? field);
    });
    const draft: Draft = { row: source.row, cells, headers: names, match: { projectId: null, externalRef: null, by: 'new' } };
    const idCell = parseCount(cells.get('id') ?? null, 9_999_999_999);
    if (idCell.error) add(source.row, 'id', idCell.error, draft);
    const urlText = cellText(cells.get('url') ?? null);
    const url = urlText ? parseProjectUrl(urlText) : null;
    if (urlText && !url) add(source.row, 'url', CELL.notUrl(urlText), draft);
    const ref = parseText(cells.get('external_ref') ?? null, 200);
    if (ref.error) add(source.row, 'external_ref', ref.error, draft);
    const number = idCell.value ?? url?.id ?? null;
    const fromHere = !url || url.slug === m.slug;
    if (number !== null && fromHere) {
      if (projectIds.has(number)) draft.match = { projectId: number, externalRef: ref.value ?? null, by: 'id' };
      else add(source.row, idCell.value !== null ? 'id' : 'url', ROW.projectNotFound(number, m.name_sv), draft);
    } else if (ref.value || (number !== null && url)) {
      const externalRef = ref.value ?? `utblick:${url!.slug}:${number}`;
      draft.match = { projectId: byRef.get(externalRef) ?? null, externalRef, by: 'ref' };
    } else {
      const title = cellText(cells.get('title_sv') ?? null) ?? cellText(cells.get('title_en') ?? null);
      const found = title ? (byTitle.get(matchKey(title)) ?? []) : [];
      if (found.length > 1) add(source.row, cells.has('title_sv') ? 'title_sv' : 'title_en', ROW.ambiguousTitle(found.length), draft);
      draft.match = { projectId: found.length === 1 ? found[0]! : null, externalRef: null, by: 'title' };
    }
    const claim = draft.match.projectId !== null ? `id:${draft.match.projectId}` : draft.match.externalRef ? `ref:${draft.match.externalRef}` : null;
    const titleClaim = draft.match.by === 'title' && draft.match.projectId === null ? `title:${matchKey(cellText(cells.get('title_sv') ?? null) ?? cellText(cells.get('title_en') ?? null) ?? '')}` : null;
    for (const key of [claim, titleClaim]) {
      if (!key || key === 'title:') continue;
      const other = claimed.get(key);
      if (other !== undefined) add(source.row, null, ROW.sameProjectTwice(other));
      else claimed.set(key, source.row);
    }
    drafts.push(draft);
  }

  // 2. Current state of the matched projects.
  const states = await loadProjectStates(db, m.id, [...new Set(drafts.map((d) => d.match.projectId).filter((x): x is number => x !== null))]);

  // 3. Values, and the changes they make.
  const resolver = new Resolver(lookups);
  const planned: PlannedRow[] = [];
  for (const draft of drafts) {
    const current = draft.match.projectId !== null ? states.get(draft.match.projectId) : undefined;
    const values = readValues(draft, current, resolver, (field, message) => add(draft.row, field, message, draft));
    if (draft.match.externalRef && (!current || current.external_ref !== draft.match.externalRef)) {
      const owner = byRef.get(draft.match.externalRef);
      if (owner !== undefined && owner !== current?.id) add(draft.row, 'external_ref', ROW.refTaken(draft.match.externalRef), draft);
      values.external_ref = draft.match.externalRef;
    }
    if (!current) {
      values.title_sv ??= values.title_en ?? undefined;
      if (!values.title_sv) add(draft.row, null, ROW.titleMissing);
      values.kind ??= 'project';
      checkConsistency(values, undefined, (field, message) => add(draft.row, field, message, draft));
      planned.push({ row: draft.row, action: 'create', projectId: null, title: values.title_sv ?? '', changes: changedKeys(values), values });
      continue;
    }
    const changes = diff(values, current);
    checkConsistency(values, current, (field, message) => add(draft.row, field, message, draft));
    const kept: RowValues = {};
    for (const k of changes) (kept as Record<string, unknown>)[k] = values[k];
    planned.push({ row: draft.row, action: changes.length ? 'update' : 'unchanged', projectId: current.id, title: current.title_sv, changes, values: kept });
  }

  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const p of planned) counts[p.action]++;
  return { rows: planned, issues, counts, ...resolver.created() };
}

/** The fields a new project gets a value in (empty cells and empty lists leave nothing to show). */
const changedKeys = (v: RowValues) =>
  (Object.keys(v) as (keyof RowValues)[]).filter((k) => {
    const x = v[k];
    return x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0);
  });


type Report = (field: FieldKey | null, message: Text) => void;

/** Reads the mapped cells of a row into values (only the mapped fields are present). */
function readValues(draft: Draft, current: ProjectState | undefined, resolver: Resolver, report: Report): RowValues {
  const v: RowValues = {};
  const has = (f: FieldKey) => draft.cells.has(f);
  const cell = (f: FieldKey) => draft.cells.get(f) ?? null;
  const take = <T>(f: FieldKey, parsed: Parsed<T>): T | undefined => {
    if (parsed.error) {
      report(f, parsed.error);
      return undefined;
    }
    return parsed.value;
  };
  const enumValue = <K extends string>(f: FieldKey, index: Map<string, K>, labels: Record<K, { sv: string; en: string }>): K | null | undefined => {
    const s = cellText(cell(f));
    if (s === null) return null;
    const code = index.get(matchKey(s));
    if (!code) report(f, CELL.unknownValue(s, Object.values<{ sv: string }>(labels).map((l) => l.sv)));
    return code;
  };

  if (has('title_sv')) {
    const t = take('title_sv', parseText(cell('title_sv'), MAX_TITLE));
    if (t === null && current) report('title_sv', ROW.titleCannotBeCleared);
    else if (t) v.title_sv = t;
  }
  if (has('title_en')) v.title_en = take('title_en', parseText(cell('title_en'), MAX_TITLE));
  if (has('summary_sv')) v.summary_sv = take('summary_sv', parseText(cell('summary_sv'), MAX_SUMMARY));
  if (has('summary_en')) v.summary_en = take('summary_en', parseText(cell('summary_en'), MAX_SUMMARY));
  if (has('kind')) {
    const k = enumValue('kind', KINDS, PROJECT_KINDS);
    if (k) v.kind = k;
  }
  if (has('status')) v.status = enumValue('status', STATUSES, PROJECT_STATUSES);
  if (has('role')) v.role = enumValue('role', ROLES, MUNICIPALITY_ROLES);
  if (has('start_date')) v.start_date = take('start_date', parseDate(cell('start_date')));
  if (has('end_date')) v.end_date = take('end_date', parseDate(cell('end_date')));
  if (has('year')) v.year = take('year', parseYear(cell('year')));
  if (has('participants_total')) v.participants_total = take('participants_total', parseCount(cell('participants_total')));
  if (has('participants_youth')) v.participants_youth = take('participants_youth', parseCount(cell('participants_youth')));
  if (has('budget_sek')) v.budget_sek = take('budget_sek', parseMoneyMinor(cell('budget_sek')));
  if (has('budget_eur')) v.budget_eur = take('budget_eur', parseMoneyMinor(cell('budget_eur')));
  if (has('staff_hours')) v.staff_hours = take('staff_hours', parseHours(cell('staff_hours')));
  if (has('unit')) {
    const name = take('unit', parseText(cell('unit'), 200));
    if (name !== undefined) v.unit = name === null ? null : resolver.unit(name);
  }
  if (has('programme')) {
    const name = take('programme', parseText(cell('programme'), 200));
    if (name !== undefined) v.programme = name === null ? null : resolver.programme(name);
  }
  if (has('partners')) {
    const currentIds = new Set(current?.partners.map((p) => p.organisation_id) ?? []);
    const refs: Ref[] = [];
    for (const item of splitList(cell('partners'), 'semicolon')) {
      const { name, country } = splitPartner(item);
      if (name.length > 200) {
        report('partners', CELL.tooLong(200));
        continue;
      }
      const ref = resolver.partner(name, country, currentIds);
      if (!refs.some((r) => refKey(r) === refKey(ref))) refs.push(ref);
    }
    v.partners = refs;
  }
  if (has('countries')) {
    const codes: string[] = [];
    for (const item of splitList(cell('countries'), 'any')) {
      const code = countryCode(item);
      if (code) codes.push(code);
      else report('countries', CELL.unknownCountry(item));
    }
    v.countries = [...new Set(codes)];
  }
  for (const [field, lookup, all] of [
    ['themes', (s: string) => resolver.theme(s), resolver.lookups.themes],
    ['target_groups', (s: string) => resolver.target(s), resolver.lookups.targets],
  ] as const) {
    if (!has(field)) continue;
    const codes: string[] = [];
    for (const item of splitList(cell(field), 'any')) {
      const code = lookup(item);
      if (code) codes.push(code);
      else report(field, CELL.unknownValue(item, all.map((t) => t.label_sv)));
    }
    v[field] = [...new Set(codes)];
  }
  // A failed cell leaves its field undefined: nothing is planned for it, and the row has an issue.
  for (const k of Object.keys(v) as (keyof RowValues)[]) if (v[k] === undefined) delete v[k];
  return v;
}

const sumOf = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((s, x) => s + (x ?? 0), 0) : null);

/** Totals as the public export shows them: per currency, and own staff time (0 shows as empty). */
export function currentTotals(p: ProjectState) {
  const amount = (currency: string) => sumOf(p.funding.filter((f) => f.currency === currency && f.amount_minor !== null).map((f) => f.amount_minor));
  const hours = p.funding.reduce((s, f) => s + (f.staff_hours ?? 0), 0);
  return { budget_sek: amount('SEK'), budget_eur: amount('EUR'), staff_hours: hours === 0 ? null : Math.round(hours * 100) / 100 };
}

const refEquals = (ref: Ref | null | undefined, id: number | null) => (ref === null ? id === null : ref !== undefined && 'id' in ref && ref.id === id);

/** The fields whose new value differs from the project's current one. */
function diff(v: RowValues, p: ProjectState): (keyof RowValues)[] {
  const totals = currentTotals(p);
  const changed: (keyof RowValues)[] = [];
  const check = (k: keyof RowValues, same: boolean) => {
    if (v[k] !== undefined && !same) changed.push(k);
  };
  check('external_ref', v.external_ref === p.external_ref);
  check('title_sv', v.title_sv === p.title_sv);
  // The English export shows the Swedish text where there is no English one: that is no change.
  check('title_en', v.title_en === p.title_en || (p.title_en === null && v.title_en === p.title_sv));
  check('summary_sv', v.summary_sv === p.summary_sv);
  check('summary_en', v.summary_en === p.summary_en || (p.summary_en === null && v.summary_en === p.summary_sv));
  check('kind', v.kind === p.kind);
  check('status', v.status === p.status);
  check('role', v.role === p.municipality_role);
  check('start_date', v.start_date === p.start_date);
  check('end_date', v.end_date === p.end_date);
  check('year', v.year === p.year);
  check('participants_total', v.participants_total === p.participants_total);
  check('participants_youth', v.participants_youth === p.participants_youth);
  check('budget_sek', v.budget_sek === totals.budget_sek);
  check('budget_eur', v.budget_eur === totals.budget_eur);
  check('staff_hours', (v.staff_hours || null) === totals.staff_hours);
  check('unit', refEquals(v.unit, p.owner_unit_id));
  check('programme', refEquals(v.programme, p.programme_id));
  check(
    'partners',
    v.partners?.every((r) => 'id' in r) === true &&
      sameSet(
        v.partners.map((r) => (r as { id: number }).id),
        p.partners.map((x) => x.organisation_id),
      ),
  );
  check('countries', v.countries !== undefined && sameSet(v.countries, p.countries));
  check('themes', v.themes !== undefined && sameSet(v.themes, p.themes));
  check('target_groups', v.target_groups !== undefined && sameSet(v.target_groups, p.targets));
  return changed;
}

/** Rules across fields, on the values the project will have after the row. */
function checkConsistency(v: RowValues, p: ProjectState | undefined, report: Report): void {
  const start = v.start_date !== undefined ? v.start_date : (p?.start_date ?? null);
  const end = v.end_date !== undefined ? v.end_date : (p?.end_date ?? null);
  if (start && end && end < start) report(v.end_date !== undefined ? 'end_date' : 'start_date', CELL.endBeforeStart);
  const total = v.participants_total !== undefined ? v.participants_total : (p?.participants_total ?? null);
  const youth = v.participants_youth !== undefined ? v.participants_youth : (p?.participants_youth ?? null);
  if (total !== null && youth !== null && youth > total) report('participants_youth', CELL.youthAboveTotal);
}
