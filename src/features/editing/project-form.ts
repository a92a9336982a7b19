/**
 * The project form: what it may point at (`FormRefs`), the submitted values turned into a
 * structure, and the zod schema that validates it in one pass (every error at once, keyed by the
 * field's name, e.g. `funding.2.amount`, in the user's language). The values as typed (rows,
 * numbers with a decimal comma) are read in project-form-values.ts.
 */
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { FundingKind, MunicipalityRole, PartnerRole, ProjectKind } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { FUNDING_KINDS, MUNICIPALITY_ROLES, PARTNER_ROLES, PROJECT_KINDS } from '../../i18n/labels.js';
import { type FormValues, list, parseForm, type ParseResult, str } from '../../ui/forms.js';
import { isCountryCode } from '../registry/countries.js';
import { type GoalChoiceGroup, goalChoiceIds, loadGoalChoices } from '../strategy/goal-links.js';
import { ERR, FIELD, fill, ROW_FIELD, ROW_NAME } from './messages.js';
import type { FundingLine, LinkLine, ProjectData, ResultLine } from './project-data.js';
import { type Group, isEmptyRow, isRealDate, isWebAddress, parseAmountMinor, parseDecimal, rowsOf, SPACES } from './project-form-values.js';

export const KINDS = Object.keys(PROJECT_KINDS) as ProjectKind[];
export const ROLES = Object.keys(MUNICIPALITY_ROLES) as MunicipalityRole[];
export const PARTNER_ROLE_CODES = Object.keys(PARTNER_ROLES) as PartnerRole[];
export const FUNDING_KIND_CODES = Object.keys(FUNDING_KINDS) as FundingKind[];
/** Currencies offered for funding lines (the Nordic ones and the usual others). */
export const CURRENCIES = ['SEK', 'EUR', 'NOK', 'DKK', 'ISK', 'GBP', 'USD', 'CHF', 'PLN'] as const;

export interface NamedRef {
  id: number;
  name_sv: string;
  name_en: string | null;
}

/** What a project in a municipality may point at. */
export interface FormRefs {
  /** The municipality's own bodies and units (owner unit). */
  units: NamedRef[];
  /** External organisations (partners), with their country. */
  externalOrgs: (NamedRef & { country: string | null })[];
  programmes: NamedRef[];
  themes: { code: string; label_sv: string; label_en: string }[];
  targetGroups: { code: string; label_sv: string; label_en: string }[];
  partnerships: NamedRef[];
  /** Goals of the municipality's adopted and draft strategies, by strategy. */
  goals: GoalChoiceGroup[];
}

export async function loadFormRefs(db: Db, municipalityId: number): Promise<FormRefs> {
  const [orgs, programmes, themes, targetGroups, partnerships, goals] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name_sv', 'name_en', 'is_internal', 'country']).where('municipality_id', '=', municipalityId).orderBy('name_sv').execute(),
    db.selectFrom('funding_programmes').select(['id', 'name_sv', 'name_en']).orderBy('name_sv').execute(),
    db.selectFrom('themes').selectAll().orderBy('label_sv').execute(),
    db.selectFrom('target_groups').selectAll().orderBy('label_sv').execute(),
    db.selectFrom('partnerships').select(['id', 'title_sv', 'title_en']).where('municipality_id', '=', municipalityId).orderBy('title_sv').execute(),
    loadGoalChoices(db, municipalityId),
  ]);
  return {
    units: orgs.filter((o) => o.is_internal === 1).map((o) => ({ id: Number(o.id), name_sv: o.name_sv, name_en: o.name_en })),
    externalOrgs: orgs.filter((o) => o.is_internal !== 1).map((o) => ({ id: Number(o.id), name_sv: o.name_sv, name_en: o.name_en, country: o.country })),
    programmes: programmes.map((p) => ({ id: Number(p.id), name_sv: p.name_sv, name_en: p.name_en })),
    themes,
    targetGroups,
    partnerships: partnerships.map((p) => ({ id: Number(p.id), name_sv: p.title_sv, name_en: p.title_en })),
    goals,
  };
}

export function refName(r: { name_sv: string; name_en: string | null } | undefined, lang: Lang): string {
  if (!r) return '';
  return lang === 'en' && r.name_en ? r.name_en : r.name_sv;
}

// ── The schema ───────────────────────────────────────────────────────────────

export interface FormOptions {
  lang: Lang;
  refs: FormRefs;
  /** Units the actor may give the project; undefined when any (coordinator, admin). */
  allowedUnits?: ReadonlySet<number>;
}

type Ctx = z.core.$RefinementCtx;

/** Trimmed text, null when empty; adds an issue (at `path`, relative to the current value) when too long or required and missing. */
function checkText(ctx: Ctx, raw: string, o: { label: string; max: number; required?: boolean; oneLine?: boolean; lang: Lang; row?: string; path?: (string | number)[] }): string | null {
  const v = raw.replace(/\r\n?/g, '\n').trim();
  const path = o.path ?? [];
  const field = o.label.toLowerCase();
  if (!v) {
    if (o.required) ctx.addIssue({ code: 'custom', path, message: o.row ? fill(ERR.rowRequired[o.lang], { row: o.row, field }) : fill(ERR.required[o.lang], { field }) });
    return null;
  }
  if (v.length > o.max) ctx.addIssue({ code: 'custom', path, message: o.row ? fill(ERR.rowTooLong[o.lang], { row: o.row, field: o.label, max: o.max }) : fill(ERR.tooLong[o.lang], { field: o.label, max: o.max }) });
  else if (o.oneLine && v.includes('\n')) ctx.addIssue({ code: 'custom', path, message: fill(ERR.oneLine[o.lang], { field: o.label }) });
  return v;
}

/** One of `codes`, or null when empty; an issue when something else. */
function checkOption<T extends string>(ctx: Ctx, raw: string, codes: readonly T[], o: { label: string; lang: Lang; required?: boolean; row?: string; path?: (string | number)[] }): T | null {
  const path = o.path ?? [];
  const field = o.label.toLowerCase();
  if (raw === '') {
    if (o.required) ctx.addIssue({ code: 'custom', path, message: o.row ? fill(ERR.rowChoose[o.lang], { row: o.row, field }) : fill(ERR.choose[o.lang], { field }) });
    return null;
  }
  if (!(codes as readonly string[]).includes(raw)) {
    ctx.addIssue({ code: 'custom', path, message: o.row ? fill(ERR.rowOption[o.lang], { row: o.row, field }) : fill(ERR.option[o.lang], { field }) });
    return null;
  }
  return raw as T;
}

function idOption(ctx: Ctx, raw: string, ids: ReadonlySet<number>, o: { label: string; lang: Lang; required?: boolean; row?: string; path?: (string | number)[] }): number | null {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : Number.NaN;
  const codes = Number.isNaN(id) || !ids.has(id) ? [] : [raw];
  const v = checkOption(ctx, raw, codes, o);
  return v === null ? null : id;
}

const L = (lang: Lang, key: keyof typeof FIELD) => FIELD[key][lang];
const RL = (lang: Lang, key: keyof typeof ROW_FIELD) => ROW_FIELD[key][lang];
const rowName = (lang: Lang, group: Group, i: number) => `${ROW_NAME[group][lang]} ${i + 1}`;

const rowArray = z.array(z.record(z.string(), z.string()));

/**
 * The schema of the project form for one municipality and editor. Input: `structureProjectForm`
 * of the posted values. Output: ProjectData.
 */
function projectFormSchema(opts: FormOptions) {
  const { lang, refs } = opts;
  const unitIds = new Set(refs.units.map((u) => u.id));
  const allowedUnits = opts.allowedUnits ? new Set([...opts.allowedUnits].filter((u) => unitIds.has(u))) : unitIds;
  const orgIds = new Set(refs.externalOrgs.map((o) => o.id));
  const programmeIds = new Set(refs.programmes.map((p) => p.id));
  const partnershipIds = new Set(refs.partnerships.map((p) => p.id));
  const goalIds = goalChoiceIds(refs.goals);
  const themeCodes = refs.themes.map((t) => t.code);
  const targetCodes = refs.targetGroups.map((t) => t.code);

  const text = (label: keyof typeof FIELD, max: number, extra: { required?: boolean; oneLine?: boolean } = {}) =>
    z.string().transform((v, ctx) => checkText(ctx, v, { label: L(lang, label), max, lang, ...extra }));
  const count = (label: keyof typeof FIELD) =>
    z.string().transform((v, ctx) => {
      const s = v.replace(SPACES, '');
      if (s === '') return null;
      if (!/^\d{1,8}$/.test(s) || Number(s) > 10_000_000) {
        ctx.addIssue({ code: 'custom', message: fill(ERR.count[lang], { field: L(lang, label) }) });
        return null;
      }
      return Number(s);
    });
  const date = (label: keyof typeof FIELD) =>
    z.string().transform((v, ctx) => {
      const s = v.trim();
      if (s === '') return null;
      if (!isRealDate(s)) {
        ctx.addIssue({ code: 'custom', message: fill(ERR.date[lang], { field: L(lang, label) }) });
        return null;
      }
      return s;
    });
  const checked = <T extends string | number>(label: keyof typeof FIELD, ok: (v: string) => T | undefined) =>
    z.array(z.string()).transform((vs, ctx) => {
      const out: T[] = [];
      for (const v of vs) {
        const x = ok(v);
        if (x === undefined) {
          ctx.addIssue({ code: 'custom', message: fill(ERR.option[lang], { field: L(lang, label).toLowerCase() }) });
          return [];
        }
        if (!out.includes(x)) out.push(x);
      }
      return out;
    });

  return z
    .object({
      kind: z.string().transform((v, ctx) => checkOption(ctx, v, KINDS, { label: L(lang, 'kind'), lang, required: true })),
      title_sv: text('title_sv', 200, { required: true, oneLine: true }),
      title_en: text('title_en', 200, { oneLine: true }),
      summary_sv: text('summary_sv', 5000),
      summary_en: text('summary_en', 5000),
      owner_unit_id: z.string().transform((v, ctx) => {
        if (v === '' && opts.allowedUnits) {
          ctx.addIssue({ code: 'custom', message: ERR.unitRequired[lang] });
          return null;
        }
        const id = idOption(ctx, v, unitIds, { label: L(lang, 'owner_unit_id'), lang });
        if (id !== null && !allowedUnits.has(id)) {
          ctx.addIssue({ code: 'custom', message: ERR.unitNotYours[lang] });
          return null;
        }
        return id;
      }),
      municipality_role: z.string().transform((v, ctx) => checkOption(ctx, v, ROLES, { label: L(lang, 'municipality_role'), lang })),
      programme_id: z.string().transform((v, ctx) => idOption(ctx, v, programmeIds, { label: L(lang, 'programme_id'), lang })),
      start_date: date('start_date'),
      end_date: date('end_date'),
      year: z.string().transform((v, ctx) => {
        const s = v.trim();
        if (s === '') return null;
        if (!/^\d{4}$/.test(s) || Number(s) < 1900 || Number(s) > 2100) {
          ctx.addIssue({ code: 'custom', message: ERR.year[lang] });
          return null;
        }
        return Number(s);
      }),
      participants_total: count('participants_total'),
      participants_youth: count('participants_youth'),
      themes: checked('themes', (v) => (themeCodes.includes(v) ? v : undefined)),
      target_groups: checked('target_groups', (v) => (targetCodes.includes(v) ? v : undefined)),
      countries: rowArray.transform((rows, ctx) => {
        const out: string[] = [];
        rows.forEach((r, i) => {
          if (isEmptyRow('countries', r)) return;
          const code = (r.country ?? '').trim().toUpperCase();
          const row = rowName(lang, 'countries', i);
          if (!isCountryCode(code)) ctx.addIssue({ code: 'custom', path: [i, 'country'], message: fill(ERR.country[lang], { row }) });
          else if (out.includes(code)) ctx.addIssue({ code: 'custom', path: [i, 'country'], message: fill(ERR.duplicateCountry[lang], { row }) });
          else out.push(code);
        });
        return out;
      }),
      partners: rowArray.transform((rows, ctx) => {
        const out: ProjectData['partners'] = [];
        rows.forEach((r, i) => {
          if (isEmptyRow('partners', r)) return;
          const row = rowName(lang, 'partners', i);
          const org = idOption(ctx, r.org ?? '', orgIds, { label: RL(lang, 'org'), lang, required: true, row, path: [i, 'org'] });
          const role = checkOption(ctx, r.role ?? '', PARTNER_ROLE_CODES, { label: RL(lang, 'role'), lang, required: true, row, path: [i, 'role'] });
          if (org !== null && out.some((p) => p.organisation_id === org)) ctx.addIssue({ code: 'custom', path: [i, 'org'], message: fill(ERR.duplicatePartner[lang], { row }) });
          else if (org !== null && role !== null) out.push({ organisation_id: org, role });
        });
        return out;
      }),
      funding: rowArray.transform((rows, ctx) => {
        const out: FundingLine[] = [];
        rows.forEach((r, i) => {
          if (isEmptyRow('funding', r)) return;
          const row = rowName(lang, 'funding', i);
          const kind = checkOption(ctx, r.kind ?? '', FUNDING_KIND_CODES, { label: RL(lang, 'kind'), lang, required: true, row, path: [i, 'kind'] });
          const programme_id = idOption(ctx, r.programme_id ?? '', programmeIds, { label: RL(lang, 'programme_id'), lang, row, path: [i, 'programme_id'] });
          const source_name = checkText(ctx, r.source_name ?? '', { label: RL(lang, 'source_name'), max: 200, lang, row, path: [i, 'source_name'] });
          let amount_minor: number | null = null;
          if ((r.amount ?? '').trim() !== '') {
            const a = parseAmountMinor(r.amount ?? '');
            if (a === undefined) ctx.addIssue({ code: 'custom', path: [i, 'amount'], message: fill(ERR.amount[lang], { row }) });
            else amount_minor = a;
          }
          const currency = checkOption(ctx, r.currency || 'SEK', CURRENCIES, { label: RL(lang, 'currency'), lang, required: true, row, path: [i, 'currency'] });
          let staff_hours: number | null = null;
          if ((r.staff_hours ?? '').trim() !== '') {
            const h = parseDecimal(r.staff_hours ?? '');
            if (h === undefined || h < 0 || h > 10_000_000) ctx.addIssue({ code: 'custom', path: [i, 'staff_hours'], message: fill(ERR.hours[lang], { row }) });
            else staff_hours = h;
          }
          const note_sv = checkText(ctx, r.note ?? '', { label: RL(lang, 'note'), max: 1000, lang, row, path: [i, 'note'] });
          const id = /^[1-9]\d{0,14}$/.test(r.id ?? '') ? Number(r.id) : undefined;
          if (kind !== null && currency !== null) out.push({ ...(id ? { id } : {}), kind, programme_id, source_name, amount_minor, currency, staff_hours, note_sv });
        });
        return out;
      }),
      results: rowArray.transform((rows, ctx) => {
        const out: ResultLine[] = [];
        rows.forEach((r, i) => {
          if (isEmptyRow('results', r)) return;
          const row = rowName(lang, 'results', i);
          const t = (f: 'description_sv' | 'description_en' | 'indicator' | 'unit' | 'period', max: number, required = false) =>
            checkText(ctx, r[f] ?? '', { label: RL(lang, f), max, lang, row, required, path: [i, f] });
          const n = (f: 'baseline' | 'target' | 'actual') => {
            const s = (r[f] ?? '').trim();
            if (s === '') return null;
            const v = parseDecimal(s);
            if (v === undefined) ctx.addIssue({ code: 'custom', path: [i, f], message: fill(ERR.number[lang], { row, field: RL(lang, f).toLowerCase() }) });
            return v ?? null;
          };
          const line = {
            description_sv: t('description_sv', 1000, true),
            description_en: t('description_en', 1000),
            indicator: t('indicator', 200),
            unit: t('unit', 50),
            baseline: n('baseline'),
            target: n('target'),
            actual: n('actual'),
            period: t('period', 50),
          };
          const id = /^[1-9]\d{0,14}$/.test(r.id ?? '') ? Number(r.id) : undefined;
          if (line.description_sv !== null) out.push({ ...(id ? { id } : {}), ...line, description_sv: line.description_sv });
        });
        return out;
      }),
      links: rowArray.transform((rows, ctx) => {
        const out: LinkLine[] = [];
        rows.forEach((r, i) => {
          if (isEmptyRow('links', r)) return;
          const row = rowName(lang, 'links', i);
          const label_sv = checkText(ctx, r.label_sv ?? '', { label: RL(lang, 'label_sv'), max: 200, lang, row, required: true, oneLine: true, path: [i, 'label_sv'] });
          const label_en = checkText(ctx, r.label_en ?? '', { label: RL(lang, 'label_en'), max: 200, lang, row, oneLine: true, path: [i, 'label_en'] });
          const url = (r.url ?? '').trim();
          if (!isWebAddress(url)) ctx.addIssue({ code: 'custom', path: [i, 'url'], message: fill(ERR.url[lang], { row }) });
          else if (label_sv !== null) out.push({ label_sv, label_en, url });
        });
        return out;
      }),
      partnerships: checked('partnerships', (v) => (/^[1-9]\d{0,14}$/.test(v) && partnershipIds.has(Number(v)) ? Number(v) : undefined)),
      goals: checked('goals', (v) => (/^[1-9]\d{0,14}$/.test(v) && goalIds.has(Number(v)) ? Number(v) : undefined)),
    })
    .superRefine(
      (o, ctx) => {
        // Cross-field rules, checked even when other fields have errors (all errors at once).
        if (typeof o.start_date === 'string' && typeof o.end_date === 'string' && o.end_date < o.start_date) {
          ctx.addIssue({ code: 'custom', path: ['end_date'], message: ERR.endBeforeStart[lang] });
        }
        if (typeof o.participants_total === 'number' && typeof o.participants_youth === 'number' && o.participants_youth > o.participants_total) {
          ctx.addIssue({ code: 'custom', path: ['participants_youth'], message: ERR.youthOverTotal[lang] });
        }
      },
      { when: () => true },
    )
    .transform((o): ProjectData => ({ ...o, kind: o.kind as ProjectKind, title_sv: o.title_sv ?? '' }));
}

/** The posted values as the schema's input: scalar fields as strings, checkboxes as lists, groups as rows. */
function structureProjectForm(values: FormValues) {
  const scalar = (k: string) => str(values, k);
  return {
    kind: scalar('kind'),
    title_sv: scalar('title_sv'),
    title_en: scalar('title_en'),
    summary_sv: scalar('summary_sv'),
    summary_en: scalar('summary_en'),
    owner_unit_id: scalar('owner_unit_id'),
    municipality_role: scalar('municipality_role'),
    programme_id: scalar('programme_id'),
    start_date: scalar('start_date'),
    end_date: scalar('end_date'),
    year: scalar('year'),
    participants_total: scalar('participants_total'),
    participants_youth: scalar('participants_youth'),
    themes: list(values, 'themes').slice(0, 100),
    target_groups: list(values, 'target_groups').slice(0, 100),
    countries: rowsOf(values, 'countries'),
    partners: rowsOf(values, 'partners'),
    funding: rowsOf(values, 'funding'),
    results: rowsOf(values, 'results'),
    links: rowsOf(values, 'links'),
    partnerships: list(values, 'partnerships').slice(0, 500),
    goals: list(values, 'goals').slice(0, 500),
  };
}

/** Validates the posted project form: the data, or every error keyed by field name. */
export function parseProjectForm(values: FormValues, opts: FormOptions): ParseResult<ProjectData> {
  const labels = Object.fromEntries(Object.entries(FIELD).map(([k, v]) => [k, v[opts.lang]]));
  return parseForm(projectFormSchema(opts), structureProjectForm(values), opts.lang, labels);
}
