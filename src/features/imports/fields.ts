/**
 * The project fields a file's columns can be mapped to, their names in Swedish and English, and
 * the automatic proposal of a mapping from the file's headers: Swedish and English header names,
 * and exactly the headers the public CSV/XLSX export writes (so an export imports unchanged).
 */
import type { Lang } from '../../i18n/index.js';
import { projectExportColumns } from '../projects/export-columns.js';
import { MAPPING, type ImportIssue, issue, type Text, tx } from './text.js';
import { matchKey } from './values.js';

export const FIELD_KEYS = [
  'id',
  'url',
  'external_ref',
  'title_sv',
  'title_en',
  'summary_sv',
  'summary_en',
  'kind',
  'status',
  'start_date',
  'end_date',
  'year',
  'unit',
  'role',
  'programme',
  'partners',
  'countries',
  'themes',
  'target_groups',
  'budget_sek',
  'budget_eur',
  'staff_hours',
  'participants_total',
  'participants_youth',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** For each column of the file, the field it fills, or null to leave the column out. */
export type Mapping = (FieldKey | null)[];

export const FIELD_LABELS: Record<FieldKey, Text> = {
  id: tx('Projektets nummer i Utblick', 'Project number in Utblick'),
  url: tx('Projektets webbadress i Utblick', 'Project web address in Utblick'),
  external_ref: tx('Extern referens (id i annat system)', 'External reference (id in another system)'),
  title_sv: tx('Titel (svenska)', 'Title (Swedish)'),
  title_en: tx('Titel (engelska)', 'Title (English)'),
  summary_sv: tx('Sammanfattning (svenska)', 'Summary (Swedish)'),
  summary_en: tx('Sammanfattning (engelska)', 'Summary (English)'),
  kind: tx('Typ', 'Type'),
  status: tx('Status', 'Status'),
  start_date: tx('Startdatum', 'Start date'),
  end_date: tx('Slutdatum', 'End date'),
  year: tx('År', 'Year'),
  unit: tx('Ansvarig enhet', 'Responsible unit'),
  role: tx('Kommunens roll', 'Municipality’s role'),
  programme: tx('Program', 'Programme'),
  partners: tx('Partner', 'Partners'),
  countries: tx('Länder', 'Countries'),
  themes: tx('Teman', 'Themes'),
  target_groups: tx('Målgrupper', 'Target groups'),
  budget_sek: tx('Budget (kr)', 'Budget (SEK)'),
  budget_eur: tx('Budget (euro)', 'Budget (EUR)'),
  staff_hours: tx('Egen tid (timmar)', 'Own staff time (hours)'),
  participants_total: tx('Antal deltagare', 'Number of participants'),
  participants_youth: tx('Varav unga deltagare', 'Of whom young participants'),
};

/** Header names (compared by `matchKey`) proposed for each field, besides the export's own. */
const ALIASES: Record<FieldKey, string[]> = {
  id: ['nummer', 'projektnummer', 'nr', 'number', 'project number', 'utblick-id'],
  url: ['webbadress', 'web address', 'utblick-adress'],
  external_ref: ['extern referens', 'external reference', 'external_ref', 'referens', 'reference', 'id', 'projekt-id', 'projektid', 'project id', 'ärendenummer'],
  title_sv: ['titel', 'titel (svenska)', 'svensk titel', 'projekttitel', 'projektnamn', 'namn', 'benämning', 'title_sv', 'title (swedish)'],
  title_en: ['title', 'titel (engelska)', 'engelsk titel', 'english title', 'project title', 'project name', 'title_en', 'title (english)'],
  summary_sv: ['sammanfattning', 'sammanfattning (svenska)', 'beskrivning', 'kort beskrivning', 'syfte', 'summary_sv', 'summary (swedish)'],
  summary_en: ['summary', 'summary (english)', 'sammanfattning (engelska)', 'description', 'summary_en'],
  kind: ['typ', 'type', 'kind', 'slag', 'typ av projekt', 'project type'],
  status: ['status', 'läge'],
  start_date: ['startdatum', 'start', 'start date', 'från', 'from', 'projektstart', 'startdatum (åååå-mm-dd)'],
  end_date: ['slutdatum', 'slut', 'end', 'end date', 'till', 'to', 'projektslut', 'slutdatum (åååå-mm-dd)'],
  year: ['år', 'year', 'projektår', 'årtal'],
  unit: ['ansvarig enhet', 'enhet', 'förvaltning', 'ansvarig förvaltning', 'responsible unit', 'unit', 'department', 'projektägare inom kommunen'],
  role: ['kommunens roll', 'roll', 'municipality’s role', "municipality's role", 'role'],
  programme: ['program', 'programme', 'program/fond', 'fond', 'finansieringsprogram', 'funding programme'],
  partners: ['partner', 'partners', 'partner (organisationer)', 'samarbetspartner', 'partnerorganisationer', 'partner organisations'],
  countries: ['länder', 'land', 'countries', 'country', 'partnerländer'],
  themes: ['teman', 'tema', 'themes', 'theme', 'område', 'sakområde'],
  target_groups: ['målgrupper', 'målgrupp', 'target groups', 'target group'],
  budget_sek: ['budget (kr)', 'budget (sek)', 'budget kr', 'budget sek', 'budget', 'total budget', 'budget, kr'],
  budget_eur: ['budget (euro)', 'budget (eur)', 'budget eur', 'budget euro', 'budget, euro'],
  staff_hours: ['egen tid (timmar)', 'egen tid', 'timmar', 'own staff time (hours)', 'own staff time', 'staff hours'],
  participants_total: ['deltagare', 'antal deltagare', 'participants', 'number of participants'],
  participants_youth: ['varav unga', 'unga deltagare', 'varav unga deltagare', 'young participants', 'of whom young'],
};

const EXPORT_FIELD: Record<string, Record<Lang, FieldKey>> = {
  id: { sv: 'id', en: 'id' },
  title: { sv: 'title_sv', en: 'title_en' },
  kind: { sv: 'kind', en: 'kind' },
  status: { sv: 'status', en: 'status' },
  start: { sv: 'start_date', en: 'start_date' },
  end: { sv: 'end_date', en: 'end_date' },
  year: { sv: 'year', en: 'year' },
  unit: { sv: 'unit', en: 'unit' },
  role: { sv: 'role', en: 'role' },
  programme: { sv: 'programme', en: 'programme' },
  partners: { sv: 'partners', en: 'partners' },
  countries: { sv: 'countries', en: 'countries' },
  themes: { sv: 'themes', en: 'themes' },
  targets: { sv: 'target_groups', en: 'target_groups' },
  budget_sek: { sv: 'budget_sek', en: 'budget_sek' },
  budget_eur: { sv: 'budget_eur', en: 'budget_eur' },
  staff_hours: { sv: 'staff_hours', en: 'staff_hours' },
  summary: { sv: 'summary_sv', en: 'summary_en' },
  url: { sv: 'url', en: 'url' },
};

let headerIndex: Map<string, FieldKey> | undefined;

/** Header → field, built once: the export's headers first (they win), then the aliases. */
function headerFields(): Map<string, FieldKey> {
  if (headerIndex) return headerIndex;
  const index = new Map<string, FieldKey>();
  for (const lang of ['sv', 'en'] as const) {
    for (const column of projectExportColumns(lang)) {
      const field = EXPORT_FIELD[column.key]?.[lang];
      if (field && !index.has(matchKey(column.header))) index.set(matchKey(column.header), field);
    }
  }
  for (const field of FIELD_KEYS) {
    for (const alias of ALIASES[field]) if (!index.has(matchKey(alias))) index.set(matchKey(alias), field);
    for (const lang of ['sv', 'en'] as const) if (!index.has(matchKey(FIELD_LABELS[field][lang]))) index.set(matchKey(FIELD_LABELS[field][lang]), field);
  }
  // The field names themselves (as a file written for this import may use), after the aliases.
  for (const field of FIELD_KEYS) if (!index.has(field)) index.set(field, field);
  headerIndex = index;
  return index;
}

/** The field a header suggests, or null. */
export function fieldForHeader(header: string): FieldKey | null {
  return headerFields().get(matchKey(header)) ?? null;
}

/** Proposes a field for each header; a field is proposed for the first matching column only. */
export function proposeMapping(headers: readonly string[]): Mapping {
  const used = new Set<FieldKey>();
  return headers.map((h) => {
    const field = fieldForHeader(h);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

export function isFieldKey(v: string): v is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(v);
}

/** Problems with a mapping: a field chosen twice, or nothing that identifies a project. */
export function checkMapping(headers: readonly string[], mapping: Mapping): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<FieldKey, number>();
  mapping.forEach((field, i) => {
    if (!field) return;
    if (seen.has(field)) issues.push(issue(null, headers[i] ?? null, MAPPING.twice(FIELD_LABELS[field])));
    else seen.set(field, i);
  });
  if (!['id', 'url', 'external_ref', 'title_sv', 'title_en'].some((f) => seen.has(f as FieldKey))) issues.push(issue(null, null, MAPPING.noKey));
  return issues;
}
