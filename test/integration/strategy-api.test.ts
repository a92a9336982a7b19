/**
 * The adopted strategy in the open API (`GET /api/v1/municipalities/{slug}/strategy`), on SQLite
 * and PostgreSQL: the seeded Arvika strategy with its goal tree, progress, action plans, measures
 * and the seeded goal links; only published data (never a draft or superseded strategy, a draft
 * plan, a note, a person, an unpublished project or partnership); problems for what is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrategySchema } from '../../src/features/api/schemas.js';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { loadStrategyProgress } from '../../src/features/strategy/progress/progress.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const kinds = await availableDatabases();
const NOW = '2026-01-15T10:00:00.000Z';
const URL_ARVIKA = '/api/v1/municipalities/arvika/strategy';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Db = TestApp['handle']['db'];

interface ApiGoal {
  id: number;
  parentId: number | null;
  depth: number;
  levelName: string;
  title: string;
  progress: number | null;
  expectedProgress: number | null;
  light: string;
  measureCount: number;
  projectIds: number[];
  partnershipIds: number[];
  weight: number;
  url: string;
}

async function insertStrategy(db: Db, municipalityId: number, status: 'draft' | 'adopted' | 'superseded', title: string, adoptedOn: string | null = null): Promise<number> {
  const row = await db
    .insertInto('strategies')
    .values({ municipality_id: municipalityId, title_sv: title, status, adopted_on: adoptedOn, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertGoal(db: Db, municipalityId: number, strategyId: number, title: string): Promise<number> {
  const row = await db
    .insertInto('strategy_goals')
    .values({ municipality_id: municipalityId, strategy_id: strategyId, parent_id: null, position: 0, level_name: 'Mål', title_sv: title, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertPlan(db: Db, municipalityId: number, strategyId: number, status: 'draft' | 'active' | 'closed', title: string, start: string, titleEn: string | null = null): Promise<number> {
  const row = await db
    .insertInto('action_plans')
    .values({ municipality_id: municipalityId, strategy_id: strategyId, title_sv: title, title_en: titleEn, period_start: start, period_end: `${Number(start.slice(0, 4)) + 3}-12-31`, status, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertMeasure(
  db: Db,
  municipalityId: number,
  planId: number,
  title: string,
  goalIds: number[],
  o: { unit?: number; progress?: number; status?: 'planned' | 'ongoing' | 'done' | 'cancelled'; position?: number } = {},
): Promise<number> {
  const row = await db
    .insertInto('measures')
    .values({
      municipality_id: municipalityId,
      plan_id: planId,
      position: o.position ?? 0,
      title_sv: title,
      owner_unit_id: o.unit ?? null,
      start_date: '2024-01-01',
      end_date: '2030-12-31',
      status: o.status ?? 'ongoing',
      progress: o.progress ?? 0,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  if (goalIds.length) await db.insertInto('measure_goals').values(goalIds.map((goal_id) => ({ measure_id: id, goal_id }))).execute();
  return id;
}

describe.each(kinds)('the strategy in the open API on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let arvikaId: number;
  let strategyId: number;
  let goalId: (title: string) => number;
  let unit: { id: number; name_sv: string };
  const ids = {} as {
    active: number;
    closed: number;
    draftPlan: number;
    otherStrategyPlan: number;
    m1: number;
    m2: number;
    m3: number;
    closedMeasure: number;
    draftMeasure: number;
    draftProject: number;
    draftPartnership: number;
    draftStrategy: number;
    draftGoal: number;
    oldGoal: number;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.handle.db;
    arvikaId = Number((await db.selectFrom('municipalities').select('id').where('slug', '=', 'arvika').executeTakeFirstOrThrow()).id);
    const adopted = await db.selectFrom('strategies').select('id').where('municipality_id', '=', arvikaId).where('status', '=', 'adopted').executeTakeFirstOrThrow();
    strategyId = Number(adopted.id);
    const goals = await db.selectFrom('strategy_goals').select(['id', 'title_sv']).where('strategy_id', '=', strategyId).execute();
    goalId = (title) => {
      const g = goals.find((x) => x.title_sv === title);
      if (!g) throw new Error(`no seeded goal "${title}"`);
      return Number(g.id);
    };
    const u = await db.selectFrom('organisations').select(['id', 'name_sv']).where('municipality_id', '=', arvikaId).where('is_internal', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    unit = { id: Number(u.id), name_sv: u.name_sv };

    // Other strategies of Arvika: a draft and a superseded one, each with a goal, a plan and links.
    ids.draftStrategy = await insertStrategy(db, arvikaId, 'draft', 'Utkast till ny internationell strategi');
    const superseded = await insertStrategy(db, arvikaId, 'superseded', 'Internationell strategi 2005', '2005-03-01');
    ids.draftGoal = await insertGoal(db, arvikaId, ids.draftStrategy, 'Hemligt utkastmål');
    ids.oldGoal = await insertGoal(db, arvikaId, superseded, 'Gammalt avskaffat mål');
    ids.otherStrategyPlan = await insertPlan(db, arvikaId, ids.draftStrategy, 'active', 'Plan för utkaststrategin', '2025-01-01');
    await insertMeasure(db, arvikaId, ids.otherStrategyPlan, 'Åtgärd under utkaststrategin', [ids.draftGoal], { progress: 10 });

    // The adopted strategy's plans: one in force, a closed one (history), a draft (never public).
    ids.active = await insertPlan(db, arvikaId, strategyId, 'active', 'Handlingsplan 2024–2027', '2024-01-01', 'Action plan 2024–2027');
    ids.closed = await insertPlan(db, arvikaId, strategyId, 'closed', 'Handlingsplan 2020–2023', '2020-01-01');
    ids.draftPlan = await insertPlan(db, arvikaId, strategyId, 'draft', 'Handlingsplan under arbete', '2028-01-01');
    const arko = goalId('Fortsatt samverkan inom ARKO');
    const norway = goalId('Norge och vänorterna');
    ids.m1 = await insertMeasure(db, arvikaId, ids.active, 'Gemensam ARKO-konferens', [arko], { unit: unit.id, progress: 40, position: 0 });
    ids.m2 = await insertMeasure(db, arvikaId, ids.active, 'Ungdomsutbyte med Kongsvinger', [arko, norway], { progress: 80, position: 1 });
    ids.m3 = await insertMeasure(db, arvikaId, ids.active, 'Åtgärd utan mål', [], { status: 'planned', position: 2 });
    ids.closedMeasure = await insertMeasure(db, arvikaId, ids.closed, 'Avslutad studieresa till Bryssel', [norway], { progress: 100, status: 'done' });
    ids.draftMeasure = await insertMeasure(db, arvikaId, ids.draftPlan, 'Åtgärd i ett utkast', [arko], { progress: 30 });
    await db
      .insertInto('measure_notes')
      .values({ measure_id: ids.m1, noted_on: '2025-06-01', progress: 40, text_sv: 'INTERN ANTECKNING om Kalle Karlsson', actor_label: 'Sara Samordnare', created_at: NOW })
      .execute();

    // Unpublished records linked to the adopted strategy's goals, and a published project linked to the draft and superseded goals.
    const draftProject = await db
      .insertInto('projects')
      .values({ municipality_id: arvikaId, kind: 'project', title_sv: 'Opublicerat utkastprojekt', publication_state: 'draft', search_text: '', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.draftProject = Number(draftProject.id);
    const draftPartnership = await db
      .insertInto('partnerships')
      .values({ municipality_id: arvikaId, kind: 'network', title_sv: 'Opublicerat samarbete', status: 'proposed', cooperation_areas: '[]', publication_state: 'in_review', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.draftPartnership = Number(draftPartnership.id);
    const published = await db.selectFrom('projects').select('id').where('municipality_id', '=', arvikaId).where('publication_state', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    await db
      .insertInto('project_goals')
      .values([
        { project_id: ids.draftProject, goal_id: norway },
        { project_id: Number(published.id), goal_id: ids.draftGoal },
        { project_id: Number(published.id), goal_id: ids.oldGoal },
      ])
      .execute();
    await db.insertInto('partnership_goals').values({ partnership_id: ids.draftPartnership, goal_id: arko }).execute();
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
  const json = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    expect(res.status, path).toBe(200);
    return res.json();
  };

  it('answers with the seeded adopted strategy of Arvika, valid against its schema', async () => {
    const res = await get(URL_ARVIKA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    // Exactly the schema's fields: parsing strips unknown keys, so equality means nothing extra left the server.
    expect(StrategySchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      id: strategyId,
      title: 'Internationell strategi',
      titleSv: 'Internationell strategi',
      adoptedBy: 'Kommunstyrelsen',
      adoptedOn: '2012-11-12',
      minuteParagraph: '§ 258',
      url: `${t.config.baseUrl}/arvika/strategi`,
    });
    expect(body.responsibilities).toContain('Kommunstyrelsen leder det internationella arbetet');

    // 24 goals as a flat list in tree order: 4 overall goals, 4 target areas with 4, 5, 6 and 1 activities.
    const goals: ApiGoal[] = body.goals;
    expect(goals).toHaveLength(24);
    expect(new Set(goals.map((g) => g.id)).size).toBe(24);
    const byId = new Map(goals.map((g) => [g.id, g]));
    goals.forEach((g, i) => {
      if (g.parentId === null) expect(g.depth).toBe(0);
      else {
        // The parent comes earlier in the list, one level up.
        const parent = byId.get(g.parentId);
        expect(parent).toBeDefined();
        expect(goals.indexOf(parent!)).toBeLessThan(i);
        expect(g.depth).toBe(parent!.depth + 1);
      }
      expect(g.url).toBe(`${t.config.baseUrl}/arvika/strategi#mal-${g.id}`);
      expect(g.weight).toBe(1);
    });
    const levels = new Map<string, number>();
    for (const g of goals) levels.set(g.levelName, (levels.get(g.levelName) ?? 0) + 1);
    expect([...levels.values()].sort((a, b) => a - b)).toEqual([4, 4, 16]);
    const areas = goals.filter((g) => g.title === 'Norge och vänorterna' || g.title === 'Demokratiutveckling' || g.title === 'Mångkulturellt perspektiv' || g.title === 'Aktivt internationellt arbete bidrar till en attraktiv kommun');
    expect(areas).toHaveLength(4);
    expect(areas.map((a) => goals.filter((g) => g.parentId === a.id).length)).toEqual([4, 5, 6, 1]);
    expect(byId.get(goalId('Fortsatt samverkan inom ARKO'))?.parentId).toBe(goalId('Norge och vänorterna'));
  });

  it('gives each goal the published projects and partnerships of the seed that serve it', async () => {
    const body = await json(URL_ARVIKA);
    const goal = (title: string): ApiGoal => body.goals.find((g: ApiGoal) => g.id === goalId(title));
    const projectIds = async (titles: string[]) =>
      (await db.selectFrom('projects').select('id').where('municipality_id', '=', arvikaId).where('title_sv', 'in', titles).execute()).map((r) => Number(r.id)).sort((a, b) => a - b);
    const partnershipId = async (title: string) => Number((await db.selectFrom('partnerships').select('id').where('municipality_id', '=', arvikaId).where('title_sv', '=', title).executeTakeFirstOrThrow()).id);

    const norway = goal('Norge och vänorterna');
    const exchanges = await projectIds(['Politikermöten mellan vänorterna', 'Ungdomsutbyte mellan vänorterna', 'Kulturutbyte mellan vänorterna', 'Förvaltningsutbyte mellan vänorterna']);
    expect(exchanges).toHaveLength(4);
    expect([...norway.projectIds].sort((a, b) => a - b)).toEqual(exchanges);
    expect(norway.partnershipIds).toEqual([await partnershipId('Vänortssamarbetet Arvika–Ylöjärvi–Skive–Kongsvinger')]);
    expect(goal('Fortsatt samverkan inom ARKO').partnershipIds).toEqual([await partnershipId('Samverkan inom ARKO')]);
    expect(goal('Fortsatt samverkan inom ARKO').projectIds).toEqual([]);
    expect(
      goal('Förbättra och stärka strategiska relationer med regionala företrädare och med intresseorganisationer på båda sidor gränsen, ex Svensk-Norsk Handelskammare').partnershipIds,
    ).toEqual([await partnershipId('Strategiska relationer på båda sidor gränsen: Svensk-Norsk Handelskammare')]);
    // Seven links in the seed, no more: the unpublished project and partnership are not among them.
    const all = body.goals.flatMap((g: ApiGoal) => [...g.projectIds, ...g.partnershipIds]);
    expect(all).toHaveLength(7);
    expect(body.goals.some((g: ApiGoal) => g.projectIds.includes(ids.draftProject))).toBe(false);
    expect(body.goals.some((g: ApiGoal) => g.partnershipIds.includes(ids.draftPartnership))).toBe(false);
  });

  it('lists the plans in force and closed, the measures of the plans in force, and progress as the roll-up computes it', async () => {
    const body = await json(URL_ARVIKA);
    expect(body.actionPlans).toEqual([
      { id: ids.active, title: 'Handlingsplan 2024–2027', periodStart: '2024-01-01', periodEnd: '2027-12-31', status: 'active', statusLabel: 'Gällande' },
      { id: ids.closed, title: 'Handlingsplan 2020–2023', periodStart: '2020-01-01', periodEnd: '2023-12-31', status: 'closed', statusLabel: 'Avslutad' },
    ]);
    const arko = goalId('Fortsatt samverkan inom ARKO');
    const norway = goalId('Norge och vänorterna');
    expect(body.measures).toEqual([
      {
        id: ids.m1,
        planId: ids.active,
        title: 'Gemensam ARKO-konferens',
        responsibleUnit: { id: unit.id, name: unit.name_sv },
        startDate: '2024-01-01',
        endDate: '2030-12-31',
        status: 'ongoing',
        statusLabel: 'Pågår',
        progress: 40,
        goalIds: [arko],
      },
      {
        id: ids.m2,
        planId: ids.active,
        title: 'Ungdomsutbyte med Kongsvinger',
        responsibleUnit: null,
        startDate: '2024-01-01',
        endDate: '2030-12-31',
        status: 'ongoing',
        statusLabel: 'Pågår',
        progress: 80,
        // In tree order: the target area before its activity.
        goalIds: [norway, arko],
      },
      { id: ids.m3, planId: ids.active, title: 'Åtgärd utan mål', responsibleUnit: null, startDate: '2024-01-01', endDate: '2030-12-31', status: 'planned', statusLabel: 'Planerad', progress: 0, goalIds: [] },
    ]);

    // Each goal's figures are the roll-up's, computed independently here.
    const progress = await loadStrategyProgress(db, strategyId, todayInSweden());
    for (const g of body.goals as ApiGoal[]) {
      const p = progress.get(g.id);
      expect(g.progress, g.title).toBe(p?.progress ?? null);
      expect(g.expectedProgress, g.title).toBe(p?.expected ?? null);
      expect(g.light, g.title).toBe(g.progress === null ? 'none' : p?.light);
      expect(g.measureCount, g.title).toBe(body.measures.filter((m: { goalIds: number[] }) => m.goalIds.includes(g.id)).length);
    }
    const arkoGoal: ApiGoal = body.goals.find((g: ApiGoal) => g.id === arko);
    expect(arkoGoal.measureCount).toBe(2);
    expect(arkoGoal.progress).toBe(60);
    expect(arkoGoal.expectedProgress).toEqual(expect.any(Number));
    expect(['on_track', 'at_risk', 'behind']).toContain(arkoGoal.light);
    // A goal with nothing to measure.
    const democracy: ApiGoal = body.goals.find((g: ApiGoal) => g.title === 'Demokratiutveckling');
    expect(democracy).toMatchObject({ progress: null, light: 'none', lightLabel: 'Inget att mäta ännu', measureCount: 0 });
  });

  it('never lets out drafts, superseded strategies, draft plans, notes or people', async () => {
    const text = await (await get(URL_ARVIKA)).text();
    for (const hidden of [
      'Utkast till ny internationell strategi',
      'Hemligt utkastmål',
      'Internationell strategi 2005',
      'Gammalt avskaffat mål',
      'Plan för utkaststrategin',
      'Åtgärd under utkaststrategin',
      'Handlingsplan under arbete',
      'Åtgärd i ett utkast',
      'Avslutad studieresa till Bryssel',
      'Opublicerat utkastprojekt',
      'Opublicerat samarbete',
      'INTERN ANTECKNING',
      'Kalle Karlsson',
      'Sara Samordnare',
    ]) {
      expect(text).not.toContain(hidden);
    }
    const body = JSON.parse(text);
    const planIds = body.actionPlans.map((p: { id: number }) => p.id);
    for (const id of [ids.draftPlan, ids.otherStrategyPlan]) expect(planIds).not.toContain(id);
    const measureIds = body.measures.map((m: { id: number }) => m.id);
    for (const id of [ids.closedMeasure, ids.draftMeasure]) expect(measureIds).not.toContain(id);
    const goalIds = body.goals.map((g: ApiGoal) => g.id);
    for (const id of [ids.draftGoal, ids.oldGoal]) expect(goalIds).not.toContain(id);
    // Ale's own strategy is Ale's.
    const ale = await json('/api/v1/municipalities/ale/strategy');
    expect(StrategySchema.parse(ale)).toEqual(ale);
    expect(ale.id).not.toBe(strategyId);
    expect(ale.goals.some((g: ApiGoal) => goalIds.includes(g.id))).toBe(false);
    expect(ale.measures).toEqual([]);
  });

  it('answers in English when asked, with Swedish where there is no English', async () => {
    const body = await json(URL_ARVIKA, { 'Accept-Language': 'en-GB,en;q=0.8' });
    expect(StrategySchema.parse(body)).toEqual(body);
    expect(body.url).toBe(`${t.config.baseUrl}/en/arvika/strategi`);
    expect(body.title).toBe(body.titleEn ?? body.titleSv);
    expect(body.actionPlans[0]).toMatchObject({ title: 'Action plan 2024–2027', statusLabel: 'In force' });
    expect(body.actionPlans[1]).toMatchObject({ title: 'Handlingsplan 2020–2023', statusLabel: 'Closed' });
    expect(body.measures[0].statusLabel).toBe('Ongoing');
    expect(body.goals.find((g: ApiGoal) => g.title === 'Demokratiutveckling').lightLabel).toBe('Nothing to measure yet');
    expect(body.goals[0].url).toMatch(/\/en\/arvika\/strategi#mal-\d+$/);
  });

  it('is cacheable like the rest of the API: CORS, ETag, 304, max-age', async () => {
    const res = await get(URL_ARVIKA, { Origin: 'https://example.org' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get(URL_ARVIKA, { 'If-None-Match': etag ?? '' })).status).toBe(304);
  });

  it('answers 404 problems for an unknown municipality and for one without an adopted strategy', async () => {
    for (const path of ['/api/v1/municipalities/gotham/strategy', '/api/v1/municipalities/ARVIKA!/strategy', `/api/v1/municipalities/${'a'.repeat(300)}/strategy`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('cache-control') ?? '').not.toContain('public');
      const problem = await res.json();
      expect(problem).toMatchObject({ status: 404, code: 'municipality_not_found', type: '/api/v1/problems/municipality_not_found' });
    }
    // A municipality whose only strategy is a draft: 404 `not_found`, saying why, in the asked language.
    const eda = await db
      .insertInto('municipalities')
      .values({ code: '1730', slug: 'eda', name_sv: 'Eda kommun', name_en: 'Eda Municipality', languages: 'sv', created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const draft = await insertStrategy(db, Number(eda.id), 'draft', 'Edas utkast');
    await insertGoal(db, Number(eda.id), draft, 'Edas hemliga mål');
    const sv = await get('/api/v1/municipalities/eda/strategy');
    expect(sv.status).toBe(404);
    expect(sv.headers.get('content-type')).toContain('application/problem+json');
    const problem = await sv.json();
    expect(problem).toEqual({
      type: '/api/v1/problems/not_found',
      title: expect.any(String),
      status: 404,
      detail: 'Eda kommun har inte publicerat någon antagen strategi.',
      code: 'not_found',
      instance: '/api/v1/municipalities/eda/strategy',
    });
    const en = await (await get('/api/v1/municipalities/eda/strategy', { 'Accept-Language': 'en' })).json();
    expect(en.detail).toBe('Eda Municipality has not published an adopted strategy.');
    // Once adopted, it is there.
    await db.updateTable('strategies').set({ status: 'adopted' }).where('id', '=', draft).execute();
    const adopted = await json('/api/v1/municipalities/eda/strategy');
    expect(adopted.goals.map((g: ApiGoal) => g.title)).toEqual(['Edas hemliga mål']);
    expect(adopted).toMatchObject({ adoptedBy: null, adoptedOn: null, vision: null, responsibilities: null, actionPlans: [], measures: [] });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await json('/api/v1/openapi.json');
    const op = doc.paths['/municipalities/{slug}/strategy'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['slug']);
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Strategy');
    expect(op.responses['404'].content['application/problem+json']).toBeDefined();
    for (const name of ['Strategy', 'StrategyGoal', 'ActionPlan', 'Measure']) expect(doc.components.schemas[name], name).toBeDefined();
  });
});
