/** The columns of a project export, with headers a person can read, in the page's language. */
import type { Lang } from '../../i18n/index.js';
import type { ExportColumn } from './export.js';
import type { PublicProject } from './presenter.js';

const h = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const list = (xs: string[]) => xs.join('; ');

export function projectExportColumns(lang: Lang): ExportColumn<PublicProject>[] {
  return [
    { key: 'id', header: h(lang, 'Nummer', 'Number'), value: (p) => p.id, type: 'number', width: 9 },
    { key: 'title', header: h(lang, 'Titel', 'Title'), value: (p) => p.title, width: 40 },
    { key: 'kind', header: h(lang, 'Typ', 'Type'), value: (p) => p.kindLabel, width: 14 },
    { key: 'status', header: h(lang, 'Status', 'Status'), value: (p) => p.statusLabel, width: 12 },
    { key: 'start', header: h(lang, 'Startdatum', 'Start date'), value: (p) => p.startDate, type: 'date', width: 12 },
    { key: 'end', header: h(lang, 'Slutdatum', 'End date'), value: (p) => p.endDate, type: 'date', width: 12 },
    { key: 'year', header: h(lang, 'År', 'Year'), value: (p) => p.year, type: 'number', width: 7 },
    { key: 'unit', header: h(lang, 'Ansvarig enhet', 'Responsible unit'), value: (p) => p.responsibleUnit?.name, width: 24 },
    { key: 'role', header: h(lang, 'Kommunens roll', 'Municipality’s role'), value: (p) => p.municipalityRoleLabel, width: 18 },
    { key: 'programme', header: h(lang, 'Program', 'Programme'), value: (p) => p.programme?.name, width: 18 },
    { key: 'partners', header: h(lang, 'Partner', 'Partners'), value: (p) => list(p.partners.map((x) => (x.countryName ? `${x.name} (${x.countryName})` : x.name))), width: 40 },
    { key: 'countries', header: h(lang, 'Länder', 'Countries'), value: (p) => list(p.countries.map((c) => c.name)), width: 20 },
    { key: 'themes', header: h(lang, 'Teman', 'Themes'), value: (p) => list(p.themes.map((x) => x.label)), width: 24 },
    { key: 'targets', header: h(lang, 'Målgrupper', 'Target groups'), value: (p) => list(p.targetGroups.map((x) => x.label)), width: 20 },
    { key: 'budget_sek', header: h(lang, 'Budget (kr)', 'Budget (SEK)'), value: (p) => p.fundingTotals.find((x) => x.currency === 'SEK')?.amount ?? null, type: 'number', width: 14 },
    { key: 'budget_eur', header: h(lang, 'Budget (euro)', 'Budget (EUR)'), value: (p) => p.fundingTotals.find((x) => x.currency === 'EUR')?.amount ?? null, type: 'number', width: 14 },
    { key: 'staff_hours', header: h(lang, 'Egen tid (timmar)', 'Own staff time (hours)'), value: (p) => p.staffHoursTotal, type: 'number', width: 12 },
    { key: 'summary', header: h(lang, 'Sammanfattning', 'Summary'), value: (p) => p.summary, width: 60 },
    { key: 'url', header: h(lang, 'Webbadress', 'Web address'), value: (p) => p.url, width: 40 },
  ];
}
