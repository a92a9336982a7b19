/**
 * What of a strategy leaves the server on its public page: allow-listed fields only. No person's
 * name, no progress note (notes are internal), nothing of draft plans, unpublished projects or
 * partnerships (the repository does not even read them).
 */

import type { TrafficLight } from '../../../db/schema.js';
import { fill, formatDate, formatNumber, type Lang, localePath } from '../../../i18n/index.js';
import { LIGHT, MEASURE_STATUS, SP } from './messages.js';
import type { PublicGoalRef, StrategyPageData } from './repository.js';

const pick = (lang: Lang, sv: string | null | undefined, en: string | null | undefined) => (lang === 'en' && en ? en : (sv ?? ''));
/** `lang="sv"` for Swedish text on an English page (no English given). */
const fallbackLang = (lang: Lang, en: string | null | undefined): 'sv' | undefined => (lang === 'en' && !en ? 'sv' : undefined);

/** "45 % genomfört" / "45% complete". */
export function percentText(lang: Lang, n: number): string {
  return fill(SP.percentDone[lang], { n: formatNumber(lang, n) });
}

/** "Antagen av Kommunstyrelsen den 12 november 2012, § 258" from whichever parts are known; null when none is. */
export function adoptionText(lang: Lang, s: { adopted_by: string | null; adopted_on: string | null; minute_paragraph: string | null }): string | null {
  const by = s.adopted_by?.trim();
  const on = s.adopted_on?.trim();
  const para = s.minute_paragraph?.trim();
  const parts: string[] = [];
  if (by) parts.push(fill(SP.adoptedBy[lang], { body: by }));
  if (on) parts.push(by ? fill(SP.adoptedOn[lang], { date: formatDate(lang, on) }) : fill(SP.adoptedOnly[lang], { date: formatDate(lang, on) }));
  let text = parts.join(' ');
  if (para) text = text ? `${text}, ${/^§/.test(para) ? para : `§ ${para}`}` : /^§/.test(para) ? para : `§ ${para}`;
  return text || null;
}

/** "2026-01-01 – 2027-12-31", "från 2026-01-01", or null. */
export function periodOf(lang: Lang, start: string | null, end: string | null): string | null {
  if (start && end) return `${start} – ${end}`;
  if (start) return fill(SP.from[lang], { date: start });
  if (end) return fill(SP.until[lang], { date: end });
  return null;
}

/** Paragraphs of a text, split at blank lines. */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export interface PublicMeasure {
  id: number;
  title: string;
  titleLang?: 'sv';
  unit: string | null;
  period: string | null;
  statusLabel: string;
  progress: number;
  progressText: string;
}

export interface PublicGoal {
  id: number;
  anchor: string;
  depth: number;
  levelName: string;
  title: string;
  titleLang?: 'sv';
  description: string | null;
  descriptionLang?: 'sv';
  /** 0–100, or null when nothing can be measured yet. */
  progress: number | null;
  progressText: string;
  light: TrafficLight;
  lightLabel: string;
  explanation: string | null;
  measures: PublicMeasure[];
  projects: { id: number; title: string; titleLang?: 'sv'; href: string }[];
  partnerships: { id: number; title: string; titleLang?: 'sv'; href: string }[];
  children: PublicGoal[];
}

export function publicStrategy(data: StrategyPageData, lang: Lang, slug: string) {
  const s = data.strategy;
  const nodes = data.goals.map((g): PublicGoal & { parentId: number | null } => {
    const progress = g.progress?.progress ?? null;
    const light: TrafficLight = progress === null ? 'none' : (g.progress?.light ?? 'none');
    return {
      id: g.id,
      parentId: g.parentId,
      anchor: `mal-${g.id}`,
      depth: g.depth,
      levelName: g.levelName,
      title: pick(lang, g.title_sv, g.title_en),
      titleLang: fallbackLang(lang, g.title_en),
      description: pick(lang, g.description_sv, g.description_en) || null,
      descriptionLang: fallbackLang(lang, g.description_en),
      progress,
      progressText: progress === null ? LIGHT.none[lang] : percentText(lang, progress),
      light,
      lightLabel: LIGHT[light][lang],
      explanation: g.progress?.explanation[lang] ?? null,
      measures: g.measures.map((m) => ({
        id: m.id,
        title: pick(lang, m.title_sv, m.title_en),
        titleLang: fallbackLang(lang, m.title_en),
        unit: pick(lang, m.unit_name_sv, m.unit_name_en) || null,
        period: periodOf(lang, m.start_date, m.end_date),
        statusLabel: MEASURE_STATUS[m.status]?.[lang] ?? m.status,
        progress: m.progress,
        progressText: `${formatNumber(lang, m.progress)} %`,
      })),
      projects: g.projects.map((p) => ({ id: p.id, title: pick(lang, p.title_sv, p.title_en), titleLang: fallbackLang(lang, p.title_en), href: localePath(lang, `/${slug}/projekt/${p.id}`) })),
      partnerships: g.partnerships.map((p) => ({
        id: p.id,
        title: pick(lang, p.title_sv, p.title_en),
        titleLang: fallbackLang(lang, p.title_en),
        href: `${localePath(lang, `/${slug}/vanorter`)}#samarbete-${p.id}`,
      })),
      children: [],
    };
  });
  // Goals come in tree order with their parents before them: hang each under its parent.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots: PublicGoal[] = [];
  for (const node of nodes) {
    const parent = node.parentId !== null && node.depth > 0 ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // Allow-list: the parent's id was only needed to build the tree.
  const strip = (g: PublicGoal & { parentId?: number | null }): PublicGoal => {
    const { parentId: _parentId, ...rest } = g;
    return { ...rest, children: g.children.map(strip) };
  };
  return {
    title: pick(lang, s.title_sv, s.title_en),
    titleLang: fallbackLang(lang, s.title_en),
    adoption: adoptionText(lang, s),
    registryNumber: s.registry_number,
    vision: pick(lang, s.vision_sv, s.vision_en) || null,
    visionLang: fallbackLang(lang, s.vision_en),
    responsibilities: paragraphs(pick(lang, s.responsibilities_sv, s.responsibilities_en)),
    responsibilitiesLang: fallbackLang(lang, s.responsibilities_en),
    plans: data.plans.map((p) => ({ title: pick(lang, p.title_sv, p.title_en), titleLang: fallbackLang(lang, p.title_en), period: periodOf(lang, p.period_start, p.period_end) })),
    goalCount: nodes.length,
    goals: roots.map(strip),
  };
}

export type PublicStrategy = ReturnType<typeof publicStrategy>;

/** A goal link of a project or partnership: label and address on the public strategy page. */
export function publicGoalLink(g: PublicGoalRef, lang: Lang, slug: string) {
  return {
    id: g.id,
    levelName: g.levelName,
    title: pick(lang, g.title_sv, g.title_en),
    titleLang: fallbackLang(lang, g.title_en),
    href: `${localePath(lang, `/${slug}/strategi`)}#mal-${g.id}`,
  };
}

export type PublicGoalLink = ReturnType<typeof publicGoalLink>;
