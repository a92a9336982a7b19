/**
 * Projects under publication with review (AL-14): the review adapter, and a project's fields as
 * readable label/value pairs (the back-office project page and the before/after view).
 */
import type { Db } from '../../db/database.js';
import { countryName, formatMoney, type Lang } from '../../i18n/index.js';
import { FUNDING_KINDS, label, MUNICIPALITY_ROLES, PARTNER_ROLES, PROJECT_KINDS } from '../../i18n/labels.js';
import { findGoalChoice, goalLabel } from '../strategy/goal-links.js';
import { FIELD } from './messages.js';
import { applyProjectData, budgetOf, createProject, loadProjectData, type ProjectData } from './project-data.js';
import { type FormRefs, loadFormRefs, refName } from './project-form.js';
import type { ReviewAdapter, ReviewField } from './review.js';

// Up to six decimals (what the form accepts), so not formatNumber from i18n; one formatter per language.
const decimalFormats = { sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 6 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }) };
const num = (n: number | null, lang: Lang) => (n === null ? '' : decimalFormats[lang].format(n));

/** Every field of a project as text, names looked up; lists are lines separated by "\n". */
export function describeProject(d: ProjectData, refs: FormRefs, lang: Lang): ReviewField[] {
  const byId = <T extends { id: number }>(xs: T[], id: number | null) => (id === null ? undefined : xs.find((x) => x.id === id));
  const f = (key: keyof typeof FIELD, value: string): ReviewField => ({ key, label: FIELD[key][lang], value });
  const budget = budgetOf(d);
  return [
    f('kind', label(PROJECT_KINDS, d.kind, lang)),
    f('title_sv', d.title_sv),
    f('title_en', d.title_en ?? ''),
    f('summary_sv', d.summary_sv ?? ''),
    f('summary_en', d.summary_en ?? ''),
    f('owner_unit_id', d.owner_unit_id === null ? '' : refName(byId(refs.units, d.owner_unit_id), lang) || `#${d.owner_unit_id}`),
    f('municipality_role', label(MUNICIPALITY_ROLES, d.municipality_role, lang)),
    f('programme_id', d.programme_id === null ? '' : refName(byId(refs.programmes, d.programme_id), lang)),
    f('start_date', d.start_date ?? ''),
    f('end_date', d.end_date ?? ''),
    f('year', d.year === null ? '' : String(d.year)),
    f('participants_total', num(d.participants_total, lang)),
    f('participants_youth', num(d.participants_youth, lang)),
    f('themes', d.themes.map((c) => refs.themes.find((t) => t.code === c)).map((t) => (t ? (lang === 'sv' ? t.label_sv : t.label_en) : '')).filter(Boolean).join('\n')),
    f('target_groups', d.target_groups.map((c) => refs.targetGroups.find((t) => t.code === c)).map((t) => (t ? (lang === 'sv' ? t.label_sv : t.label_en) : '')).filter(Boolean).join('\n')),
    f('countries', d.countries.map((c) => countryName(lang, c) ?? c).join('\n')),
    f('partners', d.partners.map((p) => `${refName(byId(refs.externalOrgs, p.organisation_id), lang) || `#${p.organisation_id}`} (${label(PARTNER_ROLES, p.role, lang)})`).join('\n')),
    f(
      'funding',
      d.funding
        .map((x) =>
          [
            label(FUNDING_KINDS, x.kind, lang),
            x.source_name,
            x.programme_id === null ? null : refName(byId(refs.programmes, x.programme_id), lang),
            x.amount_minor === null ? null : formatMoney(lang, x.amount_minor, x.currency),
            x.staff_hours === null ? null : `${num(x.staff_hours, lang)} ${lang === 'sv' ? 'timmar' : 'hours'}`,
            x.note_sv,
          ]
            .filter(Boolean)
            .join(', '),
        )
        .concat(budget ? [`${lang === 'sv' ? 'Summa i kronor' : 'Total in SEK'}: ${formatMoney(lang, budget, 'SEK')}`] : [])
        .join('\n'),
    ),
    f(
      'results',
      d.results
        .map((r) => {
          const figures = [
            r.indicator,
            r.baseline === null ? null : `${lang === 'sv' ? 'utgångsvärde' : 'baseline'} ${num(r.baseline, lang)}`,
            r.target === null ? null : `${lang === 'sv' ? 'mål' : 'target'} ${num(r.target, lang)}`,
            r.actual === null ? null : `${lang === 'sv' ? 'utfall' : 'actual'} ${num(r.actual, lang)}`,
            r.unit,
            r.period,
          ].filter(Boolean);
          const text = lang === 'en' && r.description_en ? r.description_en : r.description_sv;
          return figures.length ? `${text} (${figures.join(', ')})` : text;
        })
        .join('\n'),
    ),
    f('links', d.links.map((l) => `${lang === 'en' && l.label_en ? l.label_en : l.label_sv}: ${l.url}`).join('\n')),
    f('partnerships', d.partnerships.map((id) => refName(byId(refs.partnerships, id), lang) || `#${id}`).join('\n')),
    f(
      'goals',
      (d.goals ?? [])
        .map((id) => {
          const goal = findGoalChoice(refs.goals, id);
          return goal ? goalLabel(goal, lang) : `#${id}`;
        })
        .join('\n'),
    ),
  ];
}

export const projectReviewAdapter: ReviewAdapter<ProjectData> = {
  entity: 'project',
  loadLive: loadProjectData,
  apply: applyProjectData,
  create: createProject,
  ownerUnitOf: (data) => data.owner_unit_id,
  title: (data, lang) => (lang === 'en' && data.title_en ? data.title_en : data.title_sv),
  describe: async (db: Db, municipalityId, data, lang) => describeProject(data, await loadFormRefs(db, municipalityId), lang),
  path: (slug, id) => `/${slug}/projekt/${id}`,
};
