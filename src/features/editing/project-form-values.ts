/**
 * The project form's values as typed: repeating groups (`<group>.<row>.<field>`, e.g.
 * `partners.0.org`; a row left empty is ignored), numbers as Swedes write them ("125 000,50"),
 * dates and web addresses; and a saved project turned back into form values.
 */
import type { Lang } from '../../i18n/index.js';
import { type FormValues, str } from '../../ui/forms.js';
import type { ProjectData } from './project-data.js';

// ── Repeating groups ─────────────────────────────────────────────────────────

export const GROUPS = {
  countries: { fields: ['country'], content: ['country'], max: 60 },
  partners: { fields: ['org', 'role'], content: ['org'], max: 60 },
  funding: { fields: ['id', 'kind', 'programme_id', 'source_name', 'amount', 'currency', 'staff_hours', 'note'], content: ['kind', 'programme_id', 'source_name', 'amount', 'staff_hours', 'note'], max: 40 },
  results: {
    fields: ['id', 'description_sv', 'description_en', 'indicator', 'unit', 'baseline', 'target', 'actual', 'period'],
    content: ['description_sv', 'description_en', 'indicator', 'unit', 'baseline', 'target', 'actual', 'period'],
    max: 60,
  },
  links: { fields: ['label_sv', 'label_en', 'url'], content: ['label_sv', 'label_en', 'url'], max: 30 },
} as const;

export type Group = keyof typeof GROUPS;
export const GROUP_NAMES = Object.keys(GROUPS) as Group[];
type Row = Record<string, string>;

/** The rows of a group as posted, by index (gaps filled with empty rows); indices past the group's maximum are ignored. */
export function rowsOf(values: FormValues, group: Group): Row[] {
  const spec = GROUPS[group];
  const rows: Row[] = [];
  const re = new RegExp(`^${group}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, v] of Object.entries(values)) {
    const m = re.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    const field = m[2]!;
    if (index >= spec.max || !(spec.fields as readonly string[]).includes(field)) continue;
    while (rows.length <= index) rows.push(Object.fromEntries(spec.fields.map((f) => [f, ''])));
    rows[index]![field] = typeof v === 'string' ? v : '';
  }
  return rows;
}

export function isEmptyRow(group: Group, row: Row): boolean {
  return GROUPS[group].content.every((f) => (row[f] ?? '').trim() === '');
}

/** How many rows of each group the form shows: as posted (at least one), one more where "add a row" was pressed. */
export function postedRowCounts(values: FormValues): Record<Group, number> {
  const add = str(values, '_add');
  const out = {} as Record<Group, number>;
  for (const g of GROUP_NAMES) out[g] = Math.min(GROUPS[g].max, Math.max(1, rowsOf(values, g).length) + (add === g ? 1 : 0));
  return out;
}

/** Rows shown when a form opens: the filled rows plus two empty ones, at least three. */
export function initialRowCounts(values: FormValues): Record<Group, number> {
  const out = {} as Record<Group, number>;
  for (const g of GROUP_NAMES) {
    const filled = rowsOf(values, g).filter((r) => !isEmptyRow(g, r)).length;
    out[g] = Math.min(GROUPS[g].max, Math.max(3, filled + 2));
  }
  return out;
}

// ── Parsing numbers as Swedes write them ─────────────────────────────────────

export const SPACES = /[\s\u00a0\u202f]/g;

/** "125 000,50" → 12500050 (öre); undefined when not a non-negative amount with at most two decimals. */
export function parseAmountMinor(text: string): number | undefined {
  const s = text.replace(SPACES, '');
  const m = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** "12,5" → 12.5; undefined when not a number. */
export function parseDecimal(text: string): number | undefined {
  const s = text.replace(SPACES, '');
  if (!/^-?\d{1,12}(?:[.,]\d{1,6})?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/** Öre as the form shows them: 12500050 → "125000,50" (sv) / "125000.50" (en). */
export function formatAmountInput(minor: number, lang: Lang): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}${lang === 'sv' ? ',' : '.'}${String(cents).padStart(2, '0')}`;
}

function formatDecimalInput(n: number | null, lang: Lang): string {
  if (n === null) return '';
  const s = String(n);
  return lang === 'sv' ? s.replace('.', ',') : s;
}

/** A real calendar date written YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** http(s) address of at most 2000 characters with a host and no spaces. */
export function isWebAddress(s: string): boolean {
  if (s.length > 2000 || /\s/.test(s) || !/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** ProjectData as form values (to open the form on a saved project). */
export function valuesOfProject(d: ProjectData, lang: Lang): FormValues {
  const v: FormValues = {
    kind: d.kind,
    title_sv: d.title_sv,
    title_en: d.title_en ?? '',
    summary_sv: d.summary_sv ?? '',
    summary_en: d.summary_en ?? '',
    owner_unit_id: d.owner_unit_id === null ? '' : String(d.owner_unit_id),
    municipality_role: d.municipality_role ?? '',
    programme_id: d.programme_id === null ? '' : String(d.programme_id),
    start_date: d.start_date ?? '',
    end_date: d.end_date ?? '',
    year: d.year === null ? '' : String(d.year),
    participants_total: d.participants_total === null ? '' : String(d.participants_total),
    participants_youth: d.participants_youth === null ? '' : String(d.participants_youth),
    themes: [...d.themes],
    target_groups: [...d.target_groups],
    partnerships: d.partnerships.map(String),
    goals: (d.goals ?? []).map(String),
  };
  d.countries.forEach((c, i) => {
    v[`countries.${i}.country`] = c;
  });
  d.partners.forEach((p, i) => {
    v[`partners.${i}.org`] = String(p.organisation_id);
    v[`partners.${i}.role`] = p.role;
  });
  d.funding.forEach((f, i) => {
    const k = (x: string) => `funding.${i}.${x}`;
    v[k('id')] = f.id === undefined ? '' : String(f.id);
    v[k('kind')] = f.kind;
    v[k('programme_id')] = f.programme_id === null ? '' : String(f.programme_id);
    v[k('source_name')] = f.source_name ?? '';
    v[k('amount')] = f.amount_minor === null ? '' : formatAmountInput(f.amount_minor, lang);
    v[k('currency')] = f.currency;
    v[k('staff_hours')] = formatDecimalInput(f.staff_hours, lang);
    v[k('note')] = f.note_sv ?? '';
  });
  d.results.forEach((r, i) => {
    const k = (x: string) => `results.${i}.${x}`;
    v[k('id')] = r.id === undefined ? '' : String(r.id);
    v[k('description_sv')] = r.description_sv;
    v[k('description_en')] = r.description_en ?? '';
    v[k('indicator')] = r.indicator ?? '';
    v[k('unit')] = r.unit ?? '';
    v[k('baseline')] = formatDecimalInput(r.baseline, lang);
    v[k('target')] = formatDecimalInput(r.target, lang);
    v[k('actual')] = formatDecimalInput(r.actual, lang);
    v[k('period')] = r.period ?? '';
  });
  d.links.forEach((l, i) => {
    v[`links.${i}.label_sv`] = l.label_sv;
    v[`links.${i}.label_en`] = l.label_en ?? '';
    v[`links.${i}.url`] = l.url;
  });
  return v;
}
