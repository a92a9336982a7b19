/**
 * What of a project leaves the server. Public pages, exports and the API all go through here, so
 * an internal field added to the table can never reach the public by accident.
 */
import { countryName, formatMoney, type Lang } from '../../i18n/index.js';
import { FUNDING_KINDS, label, MUNICIPALITY_ROLES, PARTNER_ROLES, PROJECT_KINDS, PROJECT_STATUSES } from '../../i18n/labels.js';
import type { ProjectRecord } from './repository.js';

const pick = (lang: Lang, sv: string | null | undefined, en: string | null | undefined) => (lang === 'en' && en ? en : (sv ?? ''));

export function publicProject(p: ProjectRecord, lang: Lang, baseUrl: string, municipalitySlug: string) {
  const money = new Map<string, number>();
  let staffHours = 0;
  for (const f of p.funding) {
    if (f.amount_minor != null) money.set(f.currency, (money.get(f.currency) ?? 0) + Number(f.amount_minor));
    if (f.staff_hours != null) staffHours += Number(f.staff_hours);
  }
  return {
    id: p.id,
    url: `${baseUrl}${lang === 'en' ? '/en' : ''}/${municipalitySlug}/projekt/${p.id}`,
    kind: p.kind,
    kindLabel: label(PROJECT_KINDS, p.kind as keyof typeof PROJECT_KINDS, lang),
    title: pick(lang, p.title_sv, p.title_en),
    titleSv: p.title_sv,
    titleEn: p.title_en,
    summary: pick(lang, p.summary_sv, p.summary_en) || null,
    summarySv: p.summary_sv,
    summaryEn: p.summary_en,
    hasEnglish: Boolean(p.title_en),
    status: p.status,
    statusLabel: p.status ? label(PROJECT_STATUSES, p.status as keyof typeof PROJECT_STATUSES, lang) : null,
    startDate: p.start_date,
    endDate: p.end_date,
    year: p.year,
    municipalityRole: p.municipality_role,
    municipalityRoleLabel: p.municipality_role ? label(MUNICIPALITY_ROLES, p.municipality_role as keyof typeof MUNICIPALITY_ROLES, lang) : null,
    responsibleUnit: p.owner_unit_id ? { id: Number(p.owner_unit_id), name: pick(lang, p.unit_name_sv, p.unit_name_en) } : null,
    programme: p.programme_code ? { code: p.programme_code, name: pick(lang, p.programme_name_sv, p.programme_name_en) } : null,
    themes: p.themes.map((th) => ({ code: th.code, label: pick(lang, th.label_sv, th.label_en) })),
    targetGroups: p.targets.map((tg) => ({ code: tg.code, label: pick(lang, tg.label_sv, tg.label_en) })),
    countries: p.countries.map((c) => ({ code: c, name: countryName(lang, c) ?? c })),
    partners: p.partners.map((x) => ({
      id: x.id,
      name: pick(lang, x.name_sv, x.name_en),
      role: x.role,
      roleLabel: label(PARTNER_ROLES, x.role as keyof typeof PARTNER_ROLES, lang),
      country: x.country,
      countryName: x.country ? (countryName(lang, x.country) ?? x.country) : null,
      website: x.website,
    })),
    funding: p.funding.map((f) => ({
      kind: f.kind,
      kindLabel: label(FUNDING_KINDS, f.kind as keyof typeof FUNDING_KINDS, lang),
      source: f.source_name ?? (f.programme_code ? pick(lang, f.programme_name_sv, f.programme_name_en) : null),
      programme: f.programme_code,
      amountMinor: f.amount_minor == null ? null : Number(f.amount_minor),
      amount: f.amount_minor == null ? null : Number(f.amount_minor) / 100,
      amountText: f.amount_minor == null ? null : formatMoney(lang, Number(f.amount_minor), f.currency),
      currency: f.currency,
      staffHours: f.staff_hours == null ? null : Number(f.staff_hours),
      note: f.note_sv,
    })),
    fundingTotals: [...money].map(([currency, minor]) => ({ currency, amountMinor: minor, amount: minor / 100, text: formatMoney(lang, minor, currency) })),
    staffHoursTotal: staffHours || null,
    participants: p.participants_total == null ? null : { total: p.participants_total, youth: p.participants_youth },
    results: p.results.map((r) => ({
      description: pick(lang, r.description_sv, r.description_en),
      indicator: r.indicator,
      unit: r.unit,
      baseline: r.baseline,
      target: r.target,
      actual: r.actual,
      period: r.period,
    })),
    links: p.links.map((l) => ({ kind: l.kind, url: l.url, label: pick(lang, l.label_sv, l.label_en) })),
    partnerships: p.partnerships.map((x) => ({ id: x.id, title: pick(lang, x.title_sv, x.title_en), kind: x.kind })),
    source: p.source,
    publishedAt: p.published_at,
    updatedAt: p.updated_at,
  };
}

export type PublicProject = ReturnType<typeof publicProject>;

/** Human-readable period: "2019-03-01 – 2021-12-31", "från 2019-03-01", "1998" or null. */
export function periodText(p: Pick<PublicProject, 'startDate' | 'endDate' | 'year'>, lang: Lang): string | null {
  if (p.startDate && p.endDate) return `${p.startDate} – ${p.endDate}`;
  if (p.startDate) return lang === 'sv' ? `från ${p.startDate}` : `from ${p.startDate}`;
  if (p.endDate) return lang === 'sv' ? `till ${p.endDate}` : `until ${p.endDate}`;
  return p.year ? String(p.year) : null;
}

/** Where a record comes from, readable: "Ale kommuns internationella strategi (2006), rad 44". */
export function sourceText(source: string | null, lang: Lang): string | null {
  if (!source) return null;
  const m = /^seeds\/(\S+?\.txt):(\d+(?:-\d+)?)$/.exec(source);
  if (!m) return source;
  const docs: Record<string, { sv: string; en: string }> = {
    '000_af5e98bccb955d3a.txt': { sv: 'Arvika kommuns internationella strategi (2012)', en: 'Arvika municipality’s international strategy (2012)' },
    '004_80a054d53fd2fabb.txt': { sv: 'Ale kommuns internationella strategi (2006)', en: 'Ale municipality’s international strategy (2006)' },
  };
  const doc = docs[m[1] as string]?.[lang] ?? m[1];
  return lang === 'sv' ? `${doc}, rad ${m[2]}` : `${doc}, line ${m[2]}`;
}
