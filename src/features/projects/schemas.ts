/**
 * The project search query: one zod schema validates the page's and the API's parameters and
 * documents them in the OpenAPI document. `parseRawQuery` adds what zod cannot see: repeated
 * parameters, broken percent-encoding and control characters.
 */
import { z } from '@hono/zod-openapi';
import { AppError, type FieldError } from '../../errors/index.js';
import { type Lang, type MessageKey, t } from '../../i18n/index.js';

export const PROJECT_KIND_VALUES = ['project', 'exchange', 'visit', 'study_trip', 'network_activity', 'training'] as const;
export const PROJECT_STATUS_VALUES = ['planned', 'applied', 'ongoing', 'completed', 'cancelled'] as const;
export const ROLE_VALUES = ['lead', 'partner', 'associated'] as const;
export const SORT_VALUES = ['relevance', 'newest', 'start', 'budget'] as const;
export const FACETS = ['kind', 'theme', 'country', 'partner', 'programme', 'status', 'year', 'unit', 'role', 'target'] as const;
export type Facet = (typeof FACETS)[number];
export type Sort = (typeof SORT_VALUES)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;

const code = (max = 40) => z.string().regex(/^[a-z0-9_-]+$/).max(max);
const id = z.coerce.number().int().min(1).max(2_147_483_647);

export const ProjectSearchQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH)
      .optional()
      .openapi({ description: 'Free text. Swedish inflections and compounds match: "vänort" finds "vänortssamarbetet".', example: 'vänort' }),
    kind: z.enum(PROJECT_KIND_VALUES).optional().openapi({ description: 'Kind of activity.' }),
    theme: code().optional().openapi({ description: 'Theme code, e.g. `youth`.', example: 'youth' }),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((v) => v.toUpperCase())
      .optional()
      .openapi({ description: 'Partner country, ISO 3166-1 alpha-2.', example: 'NO' }),
    partner: id.optional().openapi({ description: 'Id of a partner organisation.' }),
    programme: code().optional().openapi({ description: 'Funding programme code, e.g. `interreg`.' }),
    status: z.enum(PROJECT_STATUS_VALUES).optional(),
    year: z.coerce.number().int().min(1900).max(2100).optional().openapi({ description: 'Year the project started or is filed under.' }),
    unit: id.optional().openapi({ description: 'Id of the responsible unit of the municipality.' }),
    role: z.enum(ROLE_VALUES).optional().openapi({ description: 'The municipality’s role in the project.' }),
    target: code().optional().openapi({ description: 'Target group code, e.g. `youth`.' }),
    sort: z.enum(SORT_VALUES).optional().openapi({ description: 'Default: relevance with a query, else newest.' }),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  })
  .strip();

export type ProjectSearchQuery = z.output<typeof ProjectSearchQuerySchema>;

const PARAM_NAMES = new Set(Object.keys(ProjectSearchQuerySchema.shape));
// C0 controls except tab/newline/carriage return, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const PARAM_LABELS: Record<string, { sv: string; en: string }> = {
  q: { sv: 'Sök', en: 'Search' },
  kind: { sv: 'Typ', en: 'Type' },
  theme: { sv: 'Tema', en: 'Theme' },
  country: { sv: 'Land', en: 'Country' },
  partner: { sv: 'Partnerorganisation', en: 'Partner organisation' },
  programme: { sv: 'Program', en: 'Programme' },
  status: { sv: 'Status', en: 'Status' },
  year: { sv: 'År', en: 'Year' },
  unit: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  role: { sv: 'Kommunens roll', en: 'Role' },
  target: { sv: 'Målgrupp', en: 'Target group' },
  sort: { sv: 'Sortering', en: 'Sort' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Page size' },
};

export function paramLabel(name: string, lang: Lang): string {
  return PARAM_LABELS[name]?.[lang] ?? name;
}

function msg(lang: Lang, key: MessageKey, params: Record<string, string | number>): string {
  return t(lang, key, params);
}

/** Shortens a value for an error message so a 20 kB input does not come back whole. */
function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Splits a raw query string into single values. Empty values count as absent (an HTML form sends
 * `kind=` for "all"). Unknown parameter names are ignored (tracking parameters, old links).
 * @throws AppError invalid_query listing every problem.
 */
export function parseRawQuery(rawQuery: string, lang: Lang, known: Set<string> = PARAM_NAMES): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  if (!rawQuery) return out;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      errors.push({ field: 'query', message: msg(lang, 'v_bad_encoding', {}) });
      continue;
    }
    if (!known.has(name)) continue;
    if (seen.has(name)) {
      if (!errors.some((e) => e.field === name)) errors.push({ field: name, message: msg(lang, 'v_repeated', { name: paramLabel(name, lang) }) });
      continue;
    }
    seen.add(name);
    if (CONTROL.test(value)) {
      errors.push({ field: name, message: msg(lang, 'v_control_chars', { name: paramLabel(name, lang) }) });
      continue;
    }
    const trimmed = value.trim();
    if (trimmed !== '') out[name] = trimmed;
  }
  if (errors.length) throw new AppError('invalid_query', errors.map((e) => e.message).join(' '), dedupe(errors));
  return out;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.field}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Turns zod issues into field errors a person understands, in their language. */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], input: Record<string, unknown>, lang: Lang): FieldError[] {
  return dedupe(
    issues.map((issue) => {
      const field = String(issue.path[0] ?? 'query');
      const name = paramLabel(field, lang);
      const raw = input[field];
      const value = typeof raw === 'string' ? preview(raw) : String(raw ?? '');
      switch (issue.code) {
        case 'too_big':
          return issue.origin === 'string'
            ? { field, message: msg(lang, 'v_too_long', { name, max: Number(issue.maximum) }) }
            : { field, message: rangeMessage(field, name, lang) };
        case 'too_small':
          return { field, message: rangeMessage(field, name, lang) };
        case 'invalid_type':
          return { field, message: msg(lang, 'v_not_integer', { name }) };
        default:
          return { field, message: msg(lang, 'v_unknown_value', { name, value }) };
      }
    }),
  );
}

const RANGES: Record<string, [number, number]> = {
  page: [1, MAX_PAGE],
  pageSize: [1, MAX_PAGE_SIZE],
  year: [1900, 2100],
  partner: [1, 2_147_483_647],
  unit: [1, 2_147_483_647],
};
function rangeMessage(field: string, name: string, lang: Lang): string {
  const [min, max] = RANGES[field] ?? [0, 0];
  return msg(lang, 'v_range', { name, min, max });
}

/**
 * Parses and validates a project search from a raw query string.
 * @throws AppError invalid_query with every field error at once.
 */
export function parseProjectQuery(rawQuery: string, lang: Lang): ProjectSearchQuery {
  const input = parseRawQuery(rawQuery, lang);
  const parsed = ProjectSearchQuerySchema.safeParse(input);
  if (!parsed.success) {
    const errors = zodIssuesToFieldErrors(parsed.error.issues, input, lang);
    throw new AppError('invalid_query', errors.map((e) => e.message).join(' '), errors);
  }
  return parsed.data;
}

/** The query string for a search state (stable parameter order, defaults left out). */
export function searchQueryString(q: Partial<ProjectSearchQuery>, overrides: Partial<Record<keyof ProjectSearchQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...q, ...overrides };
  const params = new URLSearchParams();
  for (const name of ['q', ...FACETS, 'sort', 'page', 'pageSize'] as const) {
    const v = merged[name];
    if (v === undefined || v === null || v === '') continue;
    if (name === 'page' && Number(v) === 1) continue;
    if (name === 'pageSize' && Number(v) === 20) continue;
    params.set(name, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
