/** Response schemas of the open API. They document the presenters' output in the OpenAPI document. */
import { z } from '@hono/zod-openapi';

const Named = z.object({ code: z.string(), label: z.string() });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details. `errors` lists every invalid parameter at once.' });

export const MunicipalitySchema = z
  .object({
    code: z.string().openapi({ description: 'Official 4-digit code (SCB).', example: '1784' }),
    slug: z.string().openapi({ example: 'arvika' }),
    name: z.string(),
    county: z.string().nullable(),
    vision: z.string().nullable(),
    projectCount: z.number().int(),
    partnershipCount: z.number().int(),
    url: z.string(),
  })
  .openapi('Municipality');

export const ProjectSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    titleSv: z.string(),
    titleEn: z.string().nullable(),
    summary: z.string().nullable(),
    summarySv: z.string().nullable(),
    summaryEn: z.string().nullable(),
    hasEnglish: z.boolean(),
    status: z.string().nullable(),
    statusLabel: z.string().nullable(),
    startDate: z.string().nullable().openapi({ format: 'date' }),
    endDate: z.string().nullable().openapi({ format: 'date' }),
    year: z.number().int().nullable(),
    municipalityRole: z.string().nullable(),
    municipalityRoleLabel: z.string().nullable(),
    responsibleUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    programme: z.object({ code: z.string(), name: z.string() }).nullable(),
    themes: z.array(Named),
    targetGroups: z.array(Named),
    countries: z.array(z.object({ code: z.string(), name: z.string() })),
    partners: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        role: z.string(),
        roleLabel: z.string(),
        country: z.string().nullable(),
        countryName: z.string().nullable(),
        website: z.string().nullable(),
      }),
    ),
    funding: z.array(
      z.object({
        kind: z.string(),
        kindLabel: z.string(),
        source: z.string().nullable(),
        programme: z.string().nullable(),
        amountMinor: z.number().int().nullable().openapi({ description: 'Amount in minor units (öre, cent).' }),
        amount: z.number().nullable(),
        amountText: z.string().nullable(),
        currency: z.string(),
        staffHours: z.number().nullable(),
        note: z.string().nullable(),
      }),
    ),
    fundingTotals: z.array(z.object({ currency: z.string(), amountMinor: z.number().int(), amount: z.number(), text: z.string() })),
    staffHoursTotal: z.number().nullable(),
    participants: z.object({ total: z.number().int(), youth: z.number().int().nullable() }).nullable().openapi({ description: 'Counts only: never personal data.' }),
    results: z.array(
      z.object({
        description: z.string(),
        indicator: z.string().nullable(),
        unit: z.string().nullable(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        actual: z.number().nullable(),
        period: z.string().nullable(),
      }),
    ),
    links: z.array(z.object({ kind: z.string(), url: z.string(), label: z.string() })),
    partnerships: z.array(z.object({ id: z.number().int(), title: z.string(), kind: z.string() })),
    source: z.string().nullable().openapi({ description: 'Where the record comes from (document and line for seed data).' }),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Project');

export const ProjectDetailSchema = ProjectSchema.extend({
  goals: z
    .array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        levelName: z.string().openapi({ description: 'The municipality’s own name of the goal’s level, in Swedish, e.g. "Målområde".' }),
      }),
    )
    .openapi({ description: 'Goals of the municipality’s adopted strategy the project contributes to. Each is shown at `/{slug}/strategi#mal-{id}`.' }),
}).openapi('ProjectDetail');

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() }).openapi('FacetValue');

export const ProjectListSchema = z
  .object({
    items: z.array(ProjectSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pages: z.number().int(),
    sort: z.string(),
    facets: z.record(z.string(), z.array(FacetValueSchema)).openapi({
      description: 'Counts per filter value: each facet counts with every other filter applied, not its own.',
    }),
  })
  .openapi('ProjectList');

export const PartnershipSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    summary: z.string().nullable(),
    cooperationAreas: z.array(z.string()),
    partners: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        name: z.string(),
        country: z.string().nullable(),
        region: z.string().nullable(),
        population: z.number().int().nullable(),
        populationYear: z.number().int().nullable(),
        website: z.string().nullable(),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        kind: z.string(),
        kindLabel: z.string(),
        dateFrom: z.string(),
        dateTo: z.string(),
        datePrecision: z.string(),
        dateText: z.string(),
        description: z.string(),
        place: z.string().nullable(),
      }),
    ),
    projects: z.array(z.object({ id: z.number().int(), title: z.string() })),
    source: z.string().nullable(),
  })
  .openapi('Partnership');

export const FeedbackCountSchema = z
  .object({ path: z.string(), yes: z.number().int(), no: z.number().int(), comments: z.number().int() })
  .openapi('FeedbackCount', { description: 'Answers to "Did the information on this page help you?". Comments are not published.' });
