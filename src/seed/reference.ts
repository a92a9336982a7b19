/** Reference lists that every installation starts with. They are data: edit them in the database. */

export const THEMES = [
  { code: 'labour_market', label_sv: 'Arbetsmarknad', label_en: 'Labour market' },
  { code: 'business', label_sv: 'Näringsliv', label_en: 'Business' },
  { code: 'tourism', label_sv: 'Turism och besöksnäring', label_en: 'Tourism' },
  { code: 'education', label_sv: 'Utbildning', label_en: 'Education' },
  { code: 'culture', label_sv: 'Kultur', label_en: 'Culture' },
  { code: 'youth', label_sv: 'Barn och unga', label_en: 'Children and youth' },
  { code: 'care', label_sv: 'Vård och omsorg', label_en: 'Health and social care' },
  { code: 'environment', label_sv: 'Miljö', label_en: 'Environment' },
  { code: 'infrastructure', label_sv: 'Infrastruktur och kommunikationer', label_en: 'Infrastructure and transport' },
  { code: 'skills', label_sv: 'Kompetensförsörjning', label_en: 'Skills supply' },
  { code: 'democracy', label_sv: 'Demokrati', label_en: 'Democracy' },
  { code: 'administration', label_sv: 'Förvaltning', label_en: 'Public administration' },
  { code: 'language', label_sv: 'Språk', label_en: 'Languages' },
  { code: 'marketing', label_sv: 'Marknadsföring', label_en: 'Marketing' },
] as const;

export const TARGET_GROUPS = [
  { code: 'youth', label_sv: 'Ungdomar', label_en: 'Young people' },
  { code: 'pupils', label_sv: 'Elever', label_en: 'Pupils' },
  { code: 'teachers', label_sv: 'Lärare', label_en: 'Teachers' },
  { code: 'staff', label_sv: 'Anställda', label_en: 'Staff' },
  { code: 'politicians', label_sv: 'Förtroendevalda', label_en: 'Elected officials' },
  { code: 'businesses', label_sv: 'Företag', label_en: 'Businesses' },
  { code: 'jobseekers', label_sv: 'Arbetssökande', label_en: 'Jobseekers' },
  { code: 'residents', label_sv: 'Invånare', label_en: 'Residents' },
  { code: 'associations', label_sv: 'Föreningar', label_en: 'Associations' },
] as const;

export const FUNDING_PROGRAMMES = [
  { code: 'interreg', name_sv: 'Interreg', name_en: 'Interreg', funder: 'Europeiska unionen', period_label: null },
  { code: 'objective3', name_sv: 'Mål 3', name_en: 'Objective 3', funder: 'Europeiska socialfonden', period_label: '2000–2006' },
  { code: 'esf', name_sv: 'Europeiska socialfonden', name_en: 'European Social Fund', funder: 'Europeiska unionen', period_label: null },
  { code: 'erasmus', name_sv: 'Erasmus+', name_en: 'Erasmus+', funder: 'Europeiska unionen', period_label: null },
  { code: 'icld', name_sv: 'ICLD kommunala partnerskap', name_en: 'ICLD municipal partnerships', funder: 'ICLD', period_label: null },
] as const;

export type ThemeCode = (typeof THEMES)[number]['code'];
export type TargetGroupCode = (typeof TARGET_GROUPS)[number]['code'];
