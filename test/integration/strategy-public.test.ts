/**
 * The public strategy page (`/{kommun}/strategi`) and the goal links of projects and
 * partnerships, on SQLite and PostgreSQL: only the adopted strategy is public; only measures of
 * active plans (closed ones listed as history), only published projects and partnerships; links saved from the
 * project and partnership forms go through review; another municipality's goals are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectData } from '../../src/features/editing/project-data.js';
import { valuesOfProject } from '../../src/features/editing/project-form-values.js';
import { workingCopy } from '../../src/features/editing/review.js';
import { partnershipAdapter } from '../../src/features/registry/partnerships/data.js';
import { partnershipFormValues } from '../../src/features/registry/partnerships/form.js';
import type { FormValues } from '../../src/ui/forms.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const NOW = '2026-01-15T10:00:00.000Z';

type Db = AdminTestApp['handle']['db'];

async function insertStrategy(db: Db, municipalityId: number, status: 'draft' | 'adopted' | 'superseded', title: string, extra: Record<string, string> = {}): Promise<number> {
  const row = await db
    .insertInto('strategies')
    .values({ municipality_id: municipalityId, title_sv: title, status, created_at: NOW, updated_at: NOW, ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertGoal(db: Db, municipalityId: number, strategyId: number, parentId: number | null, level: string, title: string, position = 0, titleEn: string | null = null): Promise<number> {
  const row = await db
    .insertInto('strategy_goals')
    .values({ municipality_id: municipalityId, strategy_id: strategyId, parent_id: parentId, position, level_name: level, title_sv: title, title_en: titleEn, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertPlan(db: Db, municipalityId: number, strategyId: number, status: 'draft' | 'active' | 'closed', title: string): Promise<number> {
  const row = await db
    .insertInto('action_plans')
    .values({ municipality_id: municipalityId, strategy_id: strategyId, title_sv: title, period_start: '2024-01-01', period_end: '2027-12-31', status, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function insertMeasure(db: Db, municipalityId: number, planId: number, title: string, goalIds: number[], o: { unit?: number; progress?: number; status?: 'planned' | 'ongoing' | 'done' | 'cancelled' } = {}): Promise<number> {
  const row = await db
    .insertInto('measures')
    .values({
      municipality_id: municipalityId,
      plan_id: planId,
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

/** Form values as the request helper takes them (no undefined). */
function formOf(values: FormValues, over: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return { ...out, ...over };
}

describe.each(kinds)('the public strategy page and goal links on %s', (kind) => {
  let t: AdminTestApp;
  let db: Db;
  let adopted: number;
  let draft: number;
  let goal: { overall: number; area: number; activity: number; second: number; draftGoal: number; oldGoal: number; aleGoal: number };
  let linkedProject: { id: number; title: string };
  let draftProject: number;
  let partnership: { id: number; title: string };
  let unitName: string;

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    db = t.handle.db;
    // These tests build their own strategies: the seeded ones (and the goal links of the seed) go.
    await db.deleteFrom('strategies').execute();
    adopted = await insertStrategy(db, t.arvikaId, 'adopted', 'Internationell strategi för Arvika kommun', {
      title_en: 'International strategy of Arvika Municipality',
      adopted_by: 'Kommunstyrelsen',
      adopted_on: '2012-11-12',
      minute_paragraph: '§ 258',
      registry_number: 'KS 2012/417',
      vision_sv: 'Arvika – en gränsöverskridande kommun med utblick mot världen.',
      responsibilities_sv: 'Kommunstyrelsen har det övergripande ansvaret.\n\nVarje nämnd ansvarar för sitt område.',
    });
    draft = await insertStrategy(db, t.arvikaId, 'draft', 'Utkast till ny internationell strategi');
    const superseded = await insertStrategy(db, t.arvikaId, 'superseded', 'Internationell strategi 2005');
    const ale = await insertStrategy(db, t.aleId, 'adopted', 'Ale kommuns internationella strategi');
    const overall = await insertGoal(db, t.arvikaId, adopted, null, 'Övergripande mål', 'Ökad internationell samverkan', 0, 'More international cooperation');
    const area = await insertGoal(db, t.arvikaId, adopted, overall, 'Målområde', 'Unga i Europa', 0);
    const activity = await insertGoal(db, t.arvikaId, adopted, area, 'Aktivitet', 'Utbyten för gymnasieelever', 0);
    const second = await insertGoal(db, t.arvikaId, adopted, null, 'Övergripande mål', 'Fler EU-finansierade projekt', 1);
    goal = {
      overall,
      area,
      activity,
      second,
      draftGoal: await insertGoal(db, t.arvikaId, draft, null, 'Inriktning', 'Hemligt utkastmål'),
      oldGoal: await insertGoal(db, t.arvikaId, superseded, null, 'Mål', 'Gammalt avskaffat mål'),
      aleGoal: await insertGoal(db, t.aleId, ale, null, 'Inriktning', 'Ales eget mål'),
    };
    // An active plan, a draft plan (not public) and a closed one (public history).
    const active = await insertPlan(db, t.arvikaId, adopted, 'active', 'Handlingsplan 2024–2027');
    const draftPlan = await insertPlan(db, t.arvikaId, adopted, 'draft', 'Handlingsplan under arbete');
    const closed = await insertPlan(db, t.arvikaId, adopted, 'closed', 'Handlingsplan 2020–2023');
    unitName = t.ownUnit.name_sv;
    const m1 = await insertMeasure(db, t.arvikaId, active, 'Ungdomsutbyte med Ylöjärvi', [activity], { unit: t.ownUnit.id, progress: 40 });
    await insertMeasure(db, t.arvikaId, draftPlan, 'Åtgärd i ett utkast', [activity], { progress: 40 });
    await insertMeasure(db, t.arvikaId, closed, 'Avslutad studieresa till Bryssel', [second], { progress: 100, status: 'done' });
    await db.insertInto('measure_notes').values({ measure_id: m1, noted_on: '2025-06-01', progress: 40, text_sv: 'INTERN ANTECKNING om Kalle Karlsson', actor_label: 'Sara Samordnare', created_at: NOW }).execute();

    const published = await db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', t.arvikaId).where('publication_state', '=', 'published').orderBy('id').limit(1).executeTakeFirstOrThrow();
    linkedProject = { id: Number(published.id), title: published.title_sv };
    const unpublished = await db
      .insertInto('projects')
      .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: 'Opublicerat utkastprojekt', publication_state: 'draft', search_text: '', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    draftProject = Number(unpublished.id);
    await db
      .insertInto('project_goals')
      .values([
        { project_id: linkedProject.id, goal_id: activity },
        { project_id: linkedProject.id, goal_id: goal.draftGoal },
        { project_id: linkedProject.id, goal_id: goal.oldGoal },
        { project_id: draftProject, goal_id: activity },
      ])
      .execute();
    const ps = await db.selectFrom('partnerships').select(['id', 'title_sv']).where('municipality_id', '=', t.arvikaId).where('publication_state', '=', 'published').orderBy('id').limit(1).executeTakeFirstOrThrow();
    partnership = { id: Number(ps.id), title: ps.title_sv };
    await db.insertInto('partnership_goals').values({ partnership_id: partnership.id, goal_id: area }).execute();
  }, 120_000);
  afterAll(async () => t?.close());

  const get = async (path: string) => {
    const res = await t.app.request(path);
    return { res, status: res.status, body: decode(await res.text()) };
  };

  it('shows the adopted strategy with its goal tree, progress, measures, projects and partnerships', async () => {
    const { res, status, body } = await get('/arvika/strategi');
    expect(status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(body).toContain('<html lang="sv">');
    expect(body).toContain('Internationell strategi för Arvika kommun</h1>');
    expect(body).toContain('Antagen av Kommunstyrelsen den 12 november 2012, § 258');
    expect(body).toContain('Strategin som styr Arvika kommuns internationella arbete');
    expect(body).toContain('KS 2012/417');
    expect(body).toContain('Arvika – en gränsöverskridande kommun med utblick mot världen.');
    expect(body).toContain('<p>Varje nämnd ansvarar för sitt område.</p>');
    // The tree in the municipality's own level names, each goal an anchor, children inside parents.
    for (const id of [goal.overall, goal.area, goal.activity, goal.second]) expect(body).toContain(`id="mal-${id}"`);
    expect(body).toMatch(new RegExp(`id="mal-${goal.overall}"[\\s\\S]*Övergripande mål[\\s\\S]*id="mal-${goal.area}"[\\s\\S]*Målområde[\\s\\S]*id="mal-${goal.activity}"[\\s\\S]*Aktivitet`));
    // Progress as text and as a bar; the traffic light as a word.
    const activity = body.slice(body.indexOf(`id="mal-${goal.activity}"`), body.indexOf(`id="mal-${goal.second}"`));
    expect(activity).toContain('40 % genomfört');
    expect(activity).toMatch(/<progress class="bar" max="100" value="40" aria-labelledby="mal-\d+-title mal-\d+-state">40 % genomfört<\/progress>/);
    expect(activity).toMatch(/Enligt plan|Risk för försening|Efter plan/);
    // Measures of the active plan (the ones progress is computed from), with unit, period, status and progress.
    expect(activity).toContain('Ungdomsutbyte med Ylöjärvi');
    expect(activity).toContain(unitName);
    expect(activity).toContain('2024-01-01 – 2030-12-31');
    expect(activity).toContain('Pågår');
    // The closed plan is listed as history; its measures no longer count and are not listed under the goals.
    expect(body).toContain('Handlingsplan 2020–2023');
    expect(body).not.toContain('Avslutad studieresa till Bryssel');
    // Published projects and partnerships that serve a goal, linked to their pages.
    expect(activity).toContain(`href="/arvika/projekt/${linkedProject.id}"`);
    expect(body).toContain(`href="/arvika/vanorter#samarbete-${partnership.id}"`);
    // Never: the draft plan, unpublished projects, notes, other strategies, another municipality.
    for (const hidden of ['Åtgärd i ett utkast', 'Handlingsplan under arbete', 'Opublicerat utkastprojekt', 'INTERN ANTECKNING', 'Kalle Karlsson', 'Sara Samordnare', 'Hemligt utkastmål', 'Utkast till ny internationell strategi', 'Gammalt avskaffat mål', 'Ales eget mål']) {
      expect(body).not.toContain(hidden);
    }
    expect(body).not.toContain(`/arvika/projekt/${draftProject}"`);
    // In the navigation as the current page, and the feedback question at the bottom.
    expect(body).toMatch(/<a href="\/arvika\/strategi" aria-current="page">Strategi<\/a>/);
    expect(body).toContain('Hjälpte informationen på sidan dig?');
  });

  it('is in English under /en, with Swedish fallbacks marked as Swedish', async () => {
    const { status, body } = await get('/en/arvika/strategi');
    expect(status).toBe(200);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('International strategy of Arvika Municipality</h1>');
    expect(body).toContain('Adopted by Kommunstyrelsen on 12 November 2012, § 258');
    expect(body).toContain('More international cooperation');
    expect(body).toContain('<span lang="sv">Utbyten för gymnasieelever</span>');
    expect(body).toContain('40% complete');
    expect(body).toContain(`href="/en/arvika/projekt/${linkedProject.id}"`);
    expect(body).toContain(`href="/en/arvika/vanorter#samarbete-${partnership.id}"`);
    expect(body).toMatch(/<a href="\/en\/arvika\/strategi" aria-current="page">Strategy<\/a>/);
    expect(body).not.toContain('Hemligt utkastmål');
  });

  it('says so in a friendly page when no strategy is adopted, and never shows a draft or superseded one', async () => {
    await db.updateTable('strategies').set({ status: 'superseded' }).where('id', '=', adopted).execute();
    try {
      for (const path of ['/arvika/strategi', '/en/arvika/strategi']) {
        const { status, body } = await get(path);
        expect(status).toBe(200);
        expect(body).toMatch(/har ännu inte publicerat någon antagen strategi|has not yet published an adopted strategy/);
        for (const hidden of ['Internationell strategi för Arvika kommun', 'Utkast till ny internationell strategi', 'Hemligt utkastmål', 'Internationell strategi 2005', 'Ungdomsutbyte med Ylöjärvi']) expect(body).not.toContain(hidden);
      }
      // Nor does a project or partnership link to goals of a strategy that is no longer adopted.
      expect((await get(`/arvika/projekt/${linkedProject.id}`)).body).not.toContain('/arvika/strategi#mal-');
      expect((await get('/arvika')).body).not.toContain('Strategin i korthet');
    } finally {
      await db.updateTable('strategies').set({ status: 'adopted' }).where('id', '=', adopted).execute();
    }
    expect((await get('/nowhere/strategi')).status).toBe(404);
  });

  it('links the project page, the partnership page, the overview and the API back to the adopted goals only', async () => {
    const project = await get(`/arvika/projekt/${linkedProject.id}`);
    expect(project.body).toContain('Bidrar till målen');
    expect(project.body).toContain(`href="/arvika/strategi#mal-${goal.activity}"`);
    expect(project.body).not.toContain(`#mal-${goal.draftGoal}"`);
    expect(project.body).not.toContain(`#mal-${goal.oldGoal}"`);
    expect(project.body).not.toContain('Hemligt utkastmål');

    const api = await (await t.app.request(`/api/v1/municipalities/arvika/projects/${linkedProject.id}`)).json();
    expect(api.goals).toEqual([{ id: goal.activity, title: 'Utbyten för gymnasieelever', levelName: 'Aktivitet' }]);
    const apiEn = await (await t.app.request(`/api/v1/municipalities/arvika/projects/${linkedProject.id}`, { headers: { 'accept-language': 'en' } })).json();
    expect(apiEn.goals).toEqual([{ id: goal.activity, title: 'Utbyten för gymnasieelever', levelName: 'Aktivitet' }]);
    // The list and the exports stay as they were: no goals there.
    const list = await (await t.app.request('/api/v1/municipalities/arvika/projects?pageSize=1')).json();
    expect(list.items[0].goals).toBeUndefined();

    const partners = await get('/arvika/vanorter');
    const article = partners.body.slice(partners.body.indexOf(`id="samarbete-${partnership.id}"`));
    expect(article.slice(0, article.indexOf('</article>'))).toContain(`href="/arvika/strategi#mal-${goal.area}"`);

    const overview = await get('/arvika');
    expect(overview.body).toContain('Strategin i korthet');
    expect(overview.body).toContain('Internationell strategi för Arvika kommun har 4 mål.');
    expect(overview.body).toContain('href="/arvika/strategi"');
  });

  it('saves goal links from the project form through review: a published project changes publicly only when published', async () => {
    const target = await db
      .selectFrom('projects')
      .select('id')
      .where('municipality_id', '=', t.arvikaId)
      .where('publication_state', '=', 'published')
      .where('id', '!=', linkedProject.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const id = Number(target.id);
    // A link to a goal of a superseded strategy is history: the form neither shows nor removes it.
    await db.insertInto('project_goals').values({ project_id: id, goal_id: goal.oldGoal }).execute();
    const links = async () => (await db.selectFrom('project_goals').select('goal_id').where('project_id', '=', id).orderBy('goal_id').execute()).map((r) => Number(r.goal_id));

    const form = decode(await (await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/redigera`)).text());
    expect(form).toContain('Mål i strategin som projektet bidrar till');
    expect(form).toContain('Internationell strategi för Arvika kommun (antagen)');
    expect(form).toContain('Utkast till ny internationell strategi (utkast)');
    for (const g of [goal.overall, goal.area, goal.activity, goal.second, goal.draftGoal]) expect(form).toContain(`value="${g}"`);
    for (const g of [goal.oldGoal, goal.aleGoal]) expect(form).not.toContain(`name="goals" value="${g}"`);
    expect(form).toContain('Målområde: Unga i Europa');

    const live = (await loadProjectData(db, t.arvikaId, id))!;
    const values = valuesOfProject(live.data, 'sv');
    const saved = await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/redigera`, { form: formOf(values, { goals: [String(goal.area), String(goal.draftGoal)], _action: 'save' }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('klart=saved_revision');
    // Saved in the revision only: the live links and the public page are unchanged.
    expect(await links()).toEqual([goal.oldGoal]);
    expect((await get(`/arvika/projekt/${id}`)).body).not.toContain(`/arvika/strategi#mal-${goal.area}"`);
    const revision = await db.selectFrom('revisions').select('data').where('entity', '=', 'project').where('entity_id', '=', id).where('state', '=', 'draft').executeTakeFirstOrThrow();
    expect(JSON.parse(revision.data).goals).toEqual([goal.area, goal.draftGoal]);
    // The form opens again on the revision, the goals ticked.
    const again = await (await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/redigera`)).text();
    expect(again).toMatch(new RegExp(`value="${goal.area}" checked`));

    const published = await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/publicera`, { form: {} });
    expect(published.status).toBe(303);
    expect(await links()).toEqual([goal.area, goal.draftGoal, goal.oldGoal].sort((a, b) => a - b));
    const page = (await get(`/arvika/projekt/${id}`)).body;
    expect(page).toContain(`href="/arvika/strategi#mal-${goal.area}"`);
    expect(page).not.toContain(`#mal-${goal.draftGoal}"`);
    expect((await get('/arvika/strategi')).body).toContain(`href="/arvika/projekt/${id}"`);
    // The back-office page links each goal to its page in the strategy.
    const admin = await (await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}`)).text();
    expect(admin).toContain(`href="/admin/arvika/strategi/${adopted}/mal/${goal.area}"`);
    expect(admin).toContain(`href="/admin/arvika/strategi/${draft}/mal/${goal.draftGoal}"`);
    const audit = await db.selectFrom('audit_log').select('after_data').where('entity', '=', 'project').where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.after_data).toContain(String(goal.area));

    // Unticking every goal removes the links the form offers, and keeps the superseded one.
    const now = (await loadProjectData(db, t.arvikaId, id))!;
    const cleared = await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/redigera`, { form: formOf(valuesOfProject(now.data, 'sv'), { goals: [], _action: 'publish' }) });
    expect(cleared.status).toBe(303);
    expect(await links()).toEqual([goal.oldGoal]);
  });

  it('refuses a goal of another municipality in the project form with 400, and writes nothing', async () => {
    const countOf = async (table: 'projects' | 'revisions' | 'project_goals') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = { projects: await countOf('projects'), revisions: await countOf('revisions'), links: await countOf('project_goals') };
    const created = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', {
      form: { kind: 'project', title_sv: 'Projekt med fel mål', owner_unit_id: String(t.ownUnit.id), goals: [String(goal.area), String(goal.aleGoal)], _action: 'save' },
    });
    expect(created.status).toBe(400);
    const html = decode(await created.text());
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#goals"');
    expect(html).toContain('value="Projekt med fel mål"');
    for (const bad of ['999999999', 'abc']) {
      const res = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: { kind: 'project', title_sv: 'Projekt med fel mål', goals: bad, _action: 'save' } });
      expect(res.status).toBe(400);
    }
    const live = (await loadProjectData(db, t.arvikaId, linkedProject.id))!;
    const edited = await t.request(t.users.coordinator, `/admin/arvika/projekt/${linkedProject.id}/redigera`, { form: formOf(valuesOfProject(live.data, 'sv'), { goals: [String(goal.aleGoal)], _action: 'publish' }) });
    expect(edited.status).toBe(400);
    expect(await countOf('projects')).toBe(before.projects);
    expect(await countOf('revisions')).toBe(before.revisions);
    expect(await countOf('project_goals')).toBe(before.links);
  });

  it('saves goal links from the partnership form through review, shows them on both sides, and refuses another municipality’s goals', async () => {
    const links = async () => (await db.selectFrom('partnership_goals').select('goal_id').where('partnership_id', '=', partnership.id).orderBy('goal_id').execute()).map((r) => Number(r.goal_id));
    const copy = (await workingCopy(db, partnershipAdapter, t.arvikaId, partnership.id))!;
    expect(copy.data.goals).toEqual([goal.area]);
    const values = partnershipFormValues(copy.data, 'sv', '');
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${partnership.id}/redigera`)).text();
    expect(decode(form)).toContain('Mål i strategin som samarbetet bidrar till');
    expect(form).toMatch(new RegExp(`value="${goal.area}" checked`));

    // Another municipality's goal: 400, nothing written.
    const revisionsBefore = Number((await db.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const refused = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${partnership.id}/redigera`, { form: formOf(values, { goals: [String(goal.overall), String(goal.aleGoal)], do: 'publish' }) });
    expect(refused.status).toBe(400);
    const refusedHtml = decode(await refused.text());
    expect(refusedHtml).toContain('Välj bland målen i kommunens strategier.');
    expect(refusedHtml).toContain('href="#goals"');
    expect(Number((await db.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(revisionsBefore);
    expect(await links()).toEqual([goal.area]);

    // A published partnership's change waits in a revision until published.
    const saved = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${partnership.id}/redigera`, { form: formOf(values, { goals: [String(goal.area), String(goal.second)], do: 'save' }) });
    expect(saved.status).toBe(303);
    expect(await links()).toEqual([goal.area]);
    const before = (await get('/arvika/vanorter')).body;
    expect(before).not.toContain(`/arvika/strategi#mal-${goal.second}"`);
    const published = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${partnership.id}/publicera`, { form: {} });
    expect(published.status).toBe(303);
    expect(await links()).toEqual([goal.area, goal.second].sort((a, b) => a - b));
    expect((await get('/arvika/vanorter')).body).toContain(`href="/arvika/strategi#mal-${goal.second}"`);
    const strategy = (await get('/arvika/strategi')).body;
    const second = strategy.slice(strategy.indexOf(`id="mal-${goal.second}"`));
    expect(second).toContain(`href="/arvika/vanorter#samarbete-${partnership.id}"`);
    const admin = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${partnership.id}`)).text();
    expect(admin).toContain(`href="/admin/arvika/strategi/${adopted}/mal/${goal.second}"`);
  });
});
