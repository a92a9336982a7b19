/**
 * The adopted strategy in the open API (`GET /municipalities/{slug}/strategy`): the same data as
 * the public strategy page (`loadStrategyPage`: adopted strategy only, measures of active plans,
 * published projects and partnerships), presented as flat lists. Allow-listed fields only.
 */
import type { TrafficLight } from '../../db/schema.js';
import { type Lang, localePath } from '../../i18n/index.js';
import { PLAN_STATUS_LABELS } from '../strategy/plans/messages.js';
import { LIGHT, MEASURE_STATUS } from '../strategy/public/messages.js';
import type { StrategyPageData } from '../strategy/public/repository.js';

const pick = (lang: Lang, sv: string | null | undefined, en: string | null | undefined) => (lang === 'en' && en ? en : (sv ?? ''));
const orNull = (text: string) => (text.trim() ? text : null);

export function apiStrategy(data: StrategyPageData, lang: Lang, baseUrl: string, slug: string) {
  const s = data.strategy;
  const page = `${baseUrl}${localePath(lang, `/${slug}/strategi`)}`;
  const goalsOfMeasure = new Map<number, number[]>();
  for (const g of data.goals) {
    for (const m of g.measures) {
      const list = goalsOfMeasure.get(m.id);
      if (list) list.push(g.id);
      else goalsOfMeasure.set(m.id, [g.id]);
    }
  }
  return {
    id: s.id,
    url: page,
    title: pick(lang, s.title_sv, s.title_en),
    titleSv: s.title_sv,
    titleEn: s.title_en,
    adoptedBy: s.adopted_by,
    adoptedOn: s.adopted_on,
    minuteParagraph: s.minute_paragraph,
    registryNumber: s.registry_number,
    vision: orNull(pick(lang, s.vision_sv, s.vision_en)),
    responsibilities: orNull(pick(lang, s.responsibilities_sv, s.responsibilities_en)),
    goals: data.goals.map((g) => {
      const progress = g.progress?.progress ?? null;
      const light: TrafficLight = progress === null ? 'none' : (g.progress?.light ?? 'none');
      return {
        id: g.id,
        parentId: g.parentId,
        depth: g.depth,
        levelName: g.levelName,
        title: pick(lang, g.title_sv, g.title_en),
        description: orNull(pick(lang, g.description_sv, g.description_en)),
        weight: g.weight,
        progress,
        expectedProgress: g.progress?.expected ?? null,
        light,
        lightLabel: LIGHT[light][lang],
        measureCount: g.measures.length,
        projectIds: g.projects.map((p) => p.id),
        partnershipIds: g.partnerships.map((p) => p.id),
        url: `${page}#mal-${g.id}`,
      };
    }),
    // The repository reads active and closed plans only; a draft never leaves the server even if that changed.
    actionPlans: data.plans.flatMap((p) =>
      p.status === 'active' || p.status === 'closed'
        ? [{ id: p.id, title: pick(lang, p.title_sv, p.title_en), periodStart: p.period_start, periodEnd: p.period_end, status: p.status, statusLabel: PLAN_STATUS_LABELS[p.status][lang] }]
        : [],
    ),
    measures: data.measures.map((m) => ({
      id: m.id,
      planId: m.plan_id,
      title: pick(lang, m.title_sv, m.title_en),
      responsibleUnit: m.unit_id === null ? null : { id: m.unit_id, name: pick(lang, m.unit_name_sv, m.unit_name_en) },
      startDate: m.start_date,
      endDate: m.end_date,
      status: m.status,
      statusLabel: MEASURE_STATUS[m.status]?.[lang] ?? m.status,
      progress: m.progress,
      goalIds: goalsOfMeasure.get(m.id) ?? [],
    })),
  };
}
