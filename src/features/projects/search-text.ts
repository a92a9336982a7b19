/**
 * The text a project is found by: its titles and summaries in both languages, plus the names of
 * its partners, countries, themes, target groups, programme and responsible unit, so a search for
 * "Norge" or "Oxford" finds the projects even when the summary does not say it.
 */
import { countryName } from '../../i18n/index.js';
import { PROJECT_KINDS } from '../../i18n/labels.js';
import type { ProjectKind } from '../../db/schema.js';

export interface SearchTextParts {
  kind: ProjectKind;
  title_sv: string;
  title_en?: string | null;
  summary_sv?: string | null;
  summary_en?: string | null;
  partnerNames: string[];
  countries: string[];
  themeLabels: string[];
  targetLabels: string[];
  programmeNames: string[];
  unitNames: string[];
  resultTexts: string[];
}

export function buildSearchText(p: SearchTextParts): string {
  const parts = [
    p.title_sv,
    p.title_en,
    p.summary_sv,
    p.summary_en,
    PROJECT_KINDS[p.kind]?.sv,
    PROJECT_KINDS[p.kind]?.en,
    ...p.partnerNames,
    ...p.countries.flatMap((c) => [countryName('sv', c), countryName('en', c)]),
    ...p.themeLabels,
    ...p.targetLabels,
    ...p.programmeNames,
    ...p.unitNames,
    ...p.resultTexts,
  ];
  return parts.filter((s): s is string => typeof s === 'string' && s.trim() !== '').join('\n');
}
