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

const IsoDate = (description: string) => z.string().nullable().openapi({ format: 'date', description });

export const StrategyGoalSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable().openapi({ description: 'The goal this one belongs under; null for a top-level goal.' }),
    depth: z.number().int().openapi({ description: '0 for a top-level goal, 1 for the level below, and so on.' }),
    levelName: z.string().openapi({ description: 'The municipality’s own name of the goal’s level, in Swedish, e.g. "Övergripande mål", "Målområde", "Aktivitet".' }),
    title: z.string().openapi({ description: 'In the requested language; Swedish when there is no English.' }),
    description: z.string().nullable(),
    weight: z.number().openapi({ description: 'Relative weight among its siblings in the progress roll-up; 1 unless the municipality set another.' }),
    progress: z.number().nullable().openapi({ description: 'How far the goal has come, 0–100, computed from the measures of the active action plan that serve it and from its sub-goals; null when there is nothing to measure yet.' }),
    expectedProgress: z.number().nullable().openapi({ description: 'Where the goal should be by today (0–100) according to its measures’ start and end dates; null when they have no dates.' }),
    light: z.enum(['on_track', 'at_risk', 'behind', 'none']).openapi({ description: 'Traffic light: progress compared with the expected progress. `none` when progress is null.' }),
    lightLabel: z.string(),
    measureCount: z.number().int().openapi({ description: 'Measures of the active action plan that serve this goal directly (those listed in `measures` with this goal in `goalIds`).' }),
    projectIds: z.array(z.number().int()).openapi({ description: 'Published projects that contribute to the goal (`/municipalities/{slug}/projects/{id}`).' }),
    partnershipIds: z.array(z.number().int()).openapi({ description: 'Published partnerships that contribute to the goal (see `/municipalities/{slug}/partnerships`).' }),
    url: z.string().openapi({ description: 'The goal on the public strategy page.' }),
  })
  .openapi('StrategyGoal');

export const ActionPlanSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    periodStart: z.string().openapi({ format: 'date' }),
    periodEnd: z.string().openapi({ format: 'date' }),
    status: z.enum(['active', 'closed']).openapi({ description: '`active`: in force, its measures count towards the goals. `closed`: history. Draft plans are never published.' }),
    statusLabel: z.string(),
  })
  .openapi('ActionPlan');

export const MeasureSchema = z
  .object({
    id: z.number().int(),
    planId: z.number().int().openapi({ description: 'The action plan (in `actionPlans`) the measure belongs to.' }),
    title: z.string(),
    responsibleUnit: z.object({ id: z.number().int(), name: z.string() }).nullable().openapi({ description: 'The municipality’s unit responsible for the measure.' }),
    startDate: IsoDate('When the measure starts.'),
    endDate: IsoDate('When the measure is to be finished.'),
    status: z.enum(['planned', 'ongoing', 'done', 'cancelled']),
    statusLabel: z.string(),
    progress: z.number().openapi({ description: 'Progress in percent, 0–100, as last reported.' }),
    goalIds: z.array(z.number().int()).openapi({ description: 'The goals (in `goals`) the measure serves, in tree order.' }),
  })
  .openapi('Measure');

export const StrategySchema = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ description: 'The public strategy page.' }),
    title: z.string(),
    titleSv: z.string(),
    titleEn: z.string().nullable(),
    adoptedBy: z.string().nullable().openapi({ description: 'The body that adopted the strategy, e.g. "Kommunstyrelsen".', example: 'Kommunstyrelsen' }),
    adoptedOn: IsoDate('The date of the adoption decision.').openapi({ example: '2012-11-12' }),
    minuteParagraph: z.string().nullable().openapi({ description: 'The paragraph of the minutes with the decision.', example: '§ 258' }),
    registryNumber: z.string().nullable().openapi({ description: 'The decision’s registry number (diarienummer).' }),
    vision: z.string().nullable().openapi({ description: 'The vision the strategy serves, in the requested language (Swedish when there is no English).' }),
    responsibilities: z.string().nullable().openapi({ description: 'Who is responsible for what under the strategy; paragraphs separated by blank lines.' }),
    goals: z.array(StrategyGoalSchema).openapi({ description: 'Every goal of the strategy as a flat list in tree order: each goal is followed by its sub-goals (use `parentId` to rebuild the tree).' }),
    actionPlans: z.array(ActionPlanSchema).openapi({ description: 'The strategy’s action plans in force and closed ones, newest period first.' }),
    measures: z.array(MeasureSchema).openapi({ description: 'The measures of the action plans in force: the ones the goals’ progress is computed from.' }),
  })
  .openapi('Strategy', {
    description:
      'The municipality’s adopted strategy for its international work, with its goal tree, progress and action plans. Only published data: ' +
      'never drafts or superseded strategies, draft action plans, progress notes, people, or unpublished projects and partnerships.',
  });
