/**
 * Action plans and measures in the back office (issue 4, section 3 and 5, AL-3): plans and
 * measures created and edited with every error at once, notes on a measure's timeline, bulk
 * progress (a unit editor updates three measures of their unit in one POST; a row of another
 * unit's measure is a row error and nothing is written), evaluation, and copying a plan into a
 * new period. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

/** A strategy with a goal tree: A (with A1, A2) and B; returns the ids. */
async function makeStrategy(db: Db, municipalityId: number, title: string) {
  const ts = new Date().toISOString();
  const s = await db
    .insertInto('strategies')
    .values({ municipality_id: municipalityId, title_sv: title, title_en: null, vision_sv: null, vision_en: null, adopted_by: 'Kommunstyrelsen', adopted_on: '2024-11-12', minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: ts, updated_at: ts })
    .returning('id')
    .executeTakeFirstOrThrow();
  const strategyId = Number(s.id);
  const goal = async (parentId: number | null, position: number, level: string, t: string) =>
    Number(
      (
        await db
          .insertInto('strategy_goals')
          .values({ municipality_id: municipalityId, strategy_id: strategyId, parent_id: parentId, position, level_name: level, title_sv: t, title_en: `${t} (en)`, description_sv: null, description_en: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  // B is inserted first but placed second, so tree order is not insertion order.
  const b = await goal(null, 1, 'Övergripande mål', `${title}: Mål B`);
  const a = await goal(null, 0, 'Övergripande mål', `${title}: Mål A`);
  const a2 = await goal(a, 1, 'Målområde', `${title}: Område A2`);
  const a1 = await goal(a, 0, 'Målområde', `${title}: Område A1`);
  return { strategyId, a, a1, a2, b };
}

const count = async (db: Db, table: 'action_plans' | 'measures' | 'measure_notes' | 'audit_log' | 'measure_indicators' | 'indicator_values' | 'plan_evaluations' | 'goal_progress_history') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(kinds)('action plans on %s', (kind) => {
  let t: AdminTestApp;
  let db: Db;
  let g: Awaited<ReturnType<typeof makeStrategy>>;
  let planId: number;
  const base = '/admin/arvika/handlingsplaner';
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    db = t.handle.db;
    g = await makeStrategy(db, t.arvikaId, 'Internationell strategi');
  }, 120_000);
  afterAll(async () => t?.close());

  const idFrom = (res: Response, pattern = /handlingsplaner\/(\d+)\?/) => Number(pattern.exec(res.headers.get('location') ?? '')?.[1]);
  const measureIdFrom = (res: Response) => idFrom(res, /atgarder\/(\d+)\?/);
  const measure = (fields: Record<string, string | string[]> = {}) => ({
    title_sv: 'Utbyte med Skive',
    owner_unit_id: String(t.ownUnit.id),
    goal_ids: [String(g.a1)],
    start_date: '2026-01-01',
    end_date: '2026-12-31',
    status: 'ongoing',
    progress: '10',
    weight: '1',
    ...fields,
  });

  it('lists plans for every role; only coordinators and administrators create them; every error at once', async () => {
    const list = await t.request(t.users.reader, base);
    expect(list.status).toBe(200);
    const html = decode(await list.text());
    expect(html).toContain('Handlingsplaner för Internationell strategi');
    expect(html).toContain('Strategin har ingen handlingsplan ännu.');
    expect(html).not.toContain(`${base}/ny`);
    for (const user of [t.users.reader, t.users.unit_editor]) {
      expect((await t.request(user, `${base}/ny`)).status).toBe(403);
      expect((await t.request(user, `${base}/ny`, { form: { title_sv: 'X' } })).status).toBe(403);
    }
    const form = decode(await (await t.request(t.users.coordinator, `${base}/ny`)).text());
    expect(form).toContain('name="evaluation_interval_months" type="text" value="24"');

    const before = await count(db, 'action_plans');
    const bad = await t.request(t.users.coordinator, `${base}/ny`, { form: { strategy_id: 'x', title_sv: '', period_start: '2027-01-01', period_end: '2026-01-01', status: 'open', evaluation_interval_months: '0' } });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    for (const f of ['strategy_id', 'title_sv', 'period_end', 'status', 'evaluation_interval_months']) expect(badHtml, f).toContain(`href="#${f}"`);
    expect(badHtml).toContain('Periodens slut kan inte vara före dess början.');
    expect(badHtml).toContain('value="2027-01-01"');
    expect(await count(db, 'action_plans')).toBe(before);

    // Another municipality's strategy is refused like a missing one.
    const ale = await makeStrategy(db, t.aleId, 'Ales strategi');
    const foreign = await t.request(t.users.coordinator, `${base}/ny`, { form: { strategy_id: String(ale.strategyId), title_sv: 'Plan', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: '24' } });
    expect(foreign.status).toBe(400);
    expect(await count(db, 'action_plans')).toBe(before);

    const ok = await t.request(t.users.coordinator, `${base}/ny`, {
      form: { strategy_id: String(g.strategyId), title_sv: 'Handlingsplan 2026–2027', title_en: 'Action plan 2026–2027', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: '24' },
    });
    expect(ok.status).toBe(303);
    planId = idFrom(ok);
    const row = await db.selectFrom('action_plans').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title_sv: 'Handlingsplan 2026–2027', status: 'active', evaluation_interval_months: 24, period_start: '2026-01-01' });
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'action_plan').where('entity_id', '=', String(planId)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    const after = decode(await (await t.request(t.users.reader, base)).text());
    expect(after).toContain('Handlingsplan 2026–2027');
    expect(after).toMatch(/Nästa utvärdering senast 1 januari 2028|Dags att utvärdera, senast 1 januari 2028|Utvärderingen är försenad/);
    expect(decode(await (await t.request(t.users.reader, `/en${base}`)).text())).toContain('Action plan 2026–2027');
  });

  it('edits a plan, refuses a stale form with 409, and keeps the strategy once measures link its goals', async () => {
    const form = await (await t.request(t.users.coordinator, `${base}/${planId}/redigera`)).text();
    const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
    const values = { strategy_id: String(g.strategyId), title_sv: 'Handlingsplan 2026–2027', title_en: 'Action plan 2026–2027', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: '12', version };
    expect((await t.request(t.users.coordinator, `${base}/${planId}/redigera`, { form: values })).status).toBe(303);
    expect(Number((await db.selectFrom('action_plans').select('evaluation_interval_months').where('id', '=', planId).executeTakeFirstOrThrow()).evaluation_interval_months)).toBe(12);
    expect((await t.request(t.users.coordinator, `${base}/${planId}/redigera`, { form: { ...values, evaluation_interval_months: '24' } })).status).toBe(409);
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/redigera`)).status).toBe(403);
  });

  let m1: number;
  it('creates a measure with goals, a unit and indicators; "Lägg till indikator" adds a row and saves nothing', async () => {
    const before = await count(db, 'measures');
    const add = await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, { form: { ...measure(), do: 'add_indicator' } });
    expect(add.status).toBe(200);
    const addHtml = decode(await add.text());
    expect(addHtml).toContain('id="ind-0-name"');
    expect(addHtml).toContain('id="ind-0-p-0-period"');
    expect(addHtml).toContain('value="Utbyte med Skive"');
    expect(addHtml).not.toContain('error-summary');
    // Goals are offered as the tree, in order, with level names.
    expect(addHtml).toMatch(/goal-choice--d0"><input[^>]*>(<label[^>]*>)Övergripande mål: Internationell strategi: Mål A[\s\S]*goal-choice--d1"><input[^>]*><label[^>]*>Målområde: Internationell strategi: Område A1[\s\S]*goal-choice--d1"><input[^>]*><label[^>]*>Målområde: Internationell strategi: Område A2[\s\S]*goal-choice--d0"><input[^>]*><label[^>]*>Övergripande mål: Internationell strategi: Mål B/);
    const more = await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, { form: { ...measure(), 'ind-0-name': 'Elever', 'ind-0-p-0-period': '2026', do: 'add_period-0' } });
    expect(decode(await more.text())).toContain('id="ind-0-p-1-period"');
    expect(await count(db, 'measures')).toBe(before);

    const bad = await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, {
      form: measure({ title_sv: '', start_date: '2026-06-01', end_date: '2026-01-01', progress: '150', owner_unit_id: String(t.aleUnits[0]!.id), goal_ids: ['999999'], 'ind-0-name': '', 'ind-0-baseline': 'många', 'ind-0-p-0-period': '2026H3', 'ind-0-p-0-target': '10', 'ind-0-p-1-period': '2026', 'ind-0-p-2-period': '2026' }),
    });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    for (const f of ['title_sv', 'end_date', 'progress', 'owner_unit_id', 'goal_ids', 'ind-0-name', 'ind-0-baseline', 'ind-0-p-0-period', 'ind-0-p-2-period']) expect(badHtml, f).toContain(`href="#${f}"`);
    expect(badHtml).toContain('Slutdatum kan inte vara före startdatum.');
    expect(badHtml).toContain('Perioden finns redan för indikatorn.');
    expect(await count(db, 'measures')).toBe(before);

    const historyBefore = await count(db, 'goal_progress_history');
    const ok = await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, {
      form: measure({
        goal_ids: [String(g.a1), String(g.b)],
        description_sv: 'Elevutbyte med vänorten.',
        'ind-0-name': 'Elever som deltar',
        'ind-0-unit': 'antal',
        'ind-0-baseline': '12',
        'ind-0-p-0-period': '2026 h1',
        'ind-0-p-0-target': '20',
        'ind-0-p-0-actual': '14,5',
        'ind-0-p-1-period': '2027',
        'ind-0-p-1-target': '40',
        'ind-1-name': '',
      }),
    });
    expect(ok.status).toBe(303);
    m1 = measureIdFrom(ok);
    const row = await db.selectFrom('measures').selectAll().where('id', '=', m1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title_sv: 'Utbyte med Skive', status: 'ongoing', progress: 10, start_date: '2026-01-01', end_date: '2026-12-31' });
    expect(Number(row.owner_unit_id)).toBe(t.ownUnit.id);
    const goals = (await db.selectFrom('measure_goals').select('goal_id').where('measure_id', '=', m1).execute()).map((r) => Number(r.goal_id)).sort((a, b) => a - b);
    expect(goals).toEqual([g.a1, g.b].sort((a, b) => a - b));
    const ind = await db.selectFrom('measure_indicators').selectAll().where('measure_id', '=', m1).execute();
    expect(ind).toHaveLength(1);
    expect(ind[0]).toMatchObject({ name_sv: 'Elever som deltar', unit: 'antal' });
    expect(Number(ind[0]!.baseline)).toBe(12);
    const values = await db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', ind[0]!.id).orderBy('period').execute();
    expect(values.map((v) => [v.period, v.target === null ? null : Number(v.target), v.actual === null ? null : Number(v.actual)])).toEqual([
      ['2026H1', 20, 14.5],
      ['2027', 40, null],
    ]);
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'measure').where('entity_id', '=', String(m1)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect(JSON.parse(audit.after_data!).indicators[0].values).toHaveLength(2);
    expect(await count(db, 'goal_progress_history')).toBeGreaterThan(historyBefore);

    const page = decode(await (await t.request(t.users.reader, `${base}/${planId}/atgarder/${m1}`)).text());
    expect(page).toContain('Elever som deltar');
    expect(page).toContain('2026H1');
    expect(page).toContain('14,5 antal');
    expect(page).toContain('<progress class="bar" max="100" value="10"');
    expect(page).toContain('Du kan läsa åtgärden men inte ändra den');
    expect(page).not.toContain('/lagesrapport"');
  });

  it('a unit editor edits their unit’s measure but cannot give it to another unit, nor edit another unit’s measure', async () => {
    const other = await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, { form: measure({ title_sv: 'Nätverksträff', owner_unit_id: String(t.otherUnit.id), goal_ids: [String(g.a2)] }) });
    const otherId = measureIdFrom(other);
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${otherId}/redigera`)).status).toBe(403);
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${otherId}/lagesrapport`, { form: { noted_on: '2026-01-01', progress: '50', status: 'ongoing' } })).status).toBe(403);
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/ny`)).status).toBe(403);

    const form = decode(await (await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/redigera`)).text());
    expect(form).toContain('value="Elever som deltar"');
    expect(form).not.toContain(`<option value="${t.otherUnit.id}"`);
    const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
    const moved = await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/redigera`, { form: measure({ owner_unit_id: String(t.otherUnit.id), version, 'ind-0-name': 'Elever som deltar' }) });
    expect(moved.status).toBe(400);
    expect(decode(await moved.text())).toContain('Välj en av de enheter du ansvarar för.');
    const saved = await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/redigera`, {
      form: measure({ title_sv: 'Utbyte med Skive och Ylöjärvi', goal_ids: [String(g.a1), String(g.b)], version, 'ind-0-name': 'Elever som deltar', 'ind-0-p-0-period': '2026', 'ind-0-p-0-target': '30' }),
    });
    expect(saved.status).toBe(303);
    const row = await db.selectFrom('measures').selectAll().where('id', '=', m1).executeTakeFirstOrThrow();
    expect(row.title_sv).toBe('Utbyte med Skive och Ylöjärvi');
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'measure').where('entity_id', '=', String(m1)).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_data!).title_sv).toBe('Utbyte med Skive');
    // The stale form is refused.
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/redigera`, { form: measure({ version }) })).status).toBe(409);
  });

  it('adds dated progress notes: the measure follows, the timeline is newest first, and a bad note writes nothing', async () => {
    const before = await count(db, 'measure_notes');
    const bad = await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/lagesrapport`, { form: { noted_on: '2026-02-30', progress: '101', status: 'finished', text: 'x' } });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    for (const f of ['noted_on', 'progress', 'status']) expect(badHtml, f).toContain(`href="#${f}"`);
    expect(await count(db, 'measure_notes')).toBe(before);

    const first = await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/lagesrapport`, { form: { noted_on: '2026-01-15', progress: '20', status: 'ongoing', text: 'Första resan planerad.' } });
    expect(first.status).toBe(303);
    const second = await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}/lagesrapport`, { form: { noted_on: '2026-02-10', progress: '35', status: 'ongoing', text: 'Tolv elever anmälda.' } });
    expect(second.status).toBe(303);
    const row = await db.selectFrom('measures').selectAll().where('id', '=', m1).executeTakeFirstOrThrow();
    expect(row.progress).toBe(35);
    expect(row.progress_updated_at).not.toBeNull();
    const page = decode(await (await t.request(t.users.unit_editor, `${base}/${planId}/atgarder/${m1}?klart=note`)).text());
    expect(page).toContain('Lägesrapporten är sparad.');
    expect(page.indexOf('Tolv elever anmälda.')).toBeLessThan(page.indexOf('Första resan planerad.'));
    expect(page).toContain('Erik Enhet');
    const audits = await db.selectFrom('audit_log').select('action').where('entity', '=', 'measure').where('entity_id', '=', String(m1)).where('action', '=', 'progress_update').execute();
    expect(audits).toHaveLength(2);
  });

  it('shows the plan by goal in tree order with progress bars and late and stale markers', async () => {
    const ts = new Date().toISOString();
    // A late measure (ended last year, not done) and one never reported for a long time.
    await db
      .insertInto('measures')
      .values({ municipality_id: t.arvikaId, plan_id: planId, position: 10, title_sv: 'Försenad studieresa', title_en: null, description_sv: null, description_en: null, owner_unit_id: t.ownUnit.id, start_date: '2020-01-01', end_date: '2021-01-01', status: 'ongoing', progress: 40, progress_updated_at: '2020-02-01T10:00:00.000Z', created_at: '2020-01-01T10:00:00.000Z', updated_at: ts })
      .execute();
    await db
      .insertInto('measures')
      .values({ municipality_id: t.arvikaId, plan_id: planId, position: 11, title_sv: 'Åtgärd utan mål', title_en: null, description_sv: null, description_en: null, owner_unit_id: null, start_date: null, end_date: null, status: 'planned', progress: 0, progress_updated_at: null, created_at: '2020-01-01T10:00:00.000Z', updated_at: ts })
      .execute();
    const res = await t.request(t.users.reader, `${base}/${planId}`);
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    // Goal A1's group comes before A2's, and B has no group of its own (its measure sits under A1).
    expect(html.indexOf('Målområde: Internationell strategi: Område A1')).toBeLessThan(html.indexOf('Målområde: Internationell strategi: Område A2'));
    expect(html).toContain('Tjänar också: Internationell strategi: Mål B');
    expect(html).toContain('Åtgärder utan mål');
    expect(html).toContain('Försenad');
    expect(html).toMatch(/Ej uppdaterad på \d+ dagar/);
    expect(html).toContain('Aldrig rapporterad');
    expect(html).toMatch(/<progress class="bar" max="100" value="35" aria-label="Framsteg för Utbyte med Skive och Ylöjärvi">/);
    expect(html).toContain('35 %');
    // Readers get no edit links.
    expect(html).not.toContain(`${base}/${planId}/redigera`);
    expect(html).not.toContain(`${base}/${planId}/lagesrapport"`);
    const en = decode(await (await t.request(t.users.coordinator, `/en${base}/${planId}`)).text());
    expect(en).toContain('Measures by goal');
    expect(en).toContain('Report progress of several measures');
    expect(en).toContain('35%');
  });

  it('bulk: a unit editor updates three measures of their unit in one POST; unchanged rows are not written', async () => {
    // Three more measures of the unit editor's unit (the plan already has m1 and the late one of it).
    const ids: number[] = [];
    for (const title of ['Vänortsbesök', 'Språkcafé', 'Praktikutbyte']) ids.push(measureIdFrom(await t.request(t.users.coordinator, `${base}/${planId}/atgarder/ny`, { form: measure({ title_sv: title, progress: '0', status: 'planned' }) })));
    const otherId = Number((await db.selectFrom('measures').select('id').where('title_sv', '=', 'Nätverksträff').executeTakeFirstOrThrow()).id);

    const form = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`);
    expect(form.status).toBe(200);
    const html = decode(await form.text());
    for (const id of ids) expect(html).toContain(`id="m-${id}-progress"`);
    expect(html).not.toContain(`id="m-${otherId}-progress"`);
    expect(html).toContain('Spara alla');
    const versions = Object.fromEntries([...html.matchAll(/name="(m-\d+-version)" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));

    const notesBefore = await count(db, 'measure_notes');
    const auditBefore = await count(db, 'audit_log');
    const values: Record<string, string> = { ...versions };
    // Every row as shown: the three changed, the others (m1 and the late one) left as they are.
    for (const m of [...html.matchAll(/name="m-(\d+)-progress" type="text" value="(\d+)"/g)]) {
      values[`m-${m[1]}-progress`] = m[2]!;
      values[`m-${m[1]}-status`] = /<option value="(\w+)" selected/.exec(html.slice(html.indexOf(`id="m-${m[1]}-status"`)))![1]!;
      values[`m-${m[1]}-note`] = '';
    }
    values[`m-${ids[0]}-progress`] = '25';
    values[`m-${ids[0]}-status`] = 'ongoing';
    values[`m-${ids[0]}-note`] = 'Besöket är bokat.';
    values[`m-${ids[1]}-progress`] = '100';
    values[`m-${ids[1]}-status`] = 'done';
    values[`m-${ids[2]}-status`] = 'cancelled';
    values[`m-${ids[2]}-note`] = 'Ingen partner hittades.';
    const saved = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`, { form: values });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('klart=bulk&antal=3');
    expect(await count(db, 'measure_notes')).toBe(notesBefore + 3);
    expect(await count(db, 'audit_log')).toBe(auditBefore + 3);
    const rows = await db.selectFrom('measures').selectAll().where('id', 'in', ids).orderBy('id').execute();
    expect(rows.map((r) => [r.progress, r.status])).toEqual([
      [25, 'ongoing'],
      [100, 'done'],
      [0, 'cancelled'],
    ]);
    for (const r of rows) expect(r.progress_updated_at).not.toBeNull();
    const note = await db.selectFrom('measure_notes').selectAll().where('measure_id', '=', ids[0]!).executeTakeFirstOrThrow();
    expect(note).toMatchObject({ progress: 25, status: 'ongoing', text_sv: 'Besöket är bokat.' });
    const page = decode(await (await t.request(t.users.unit_editor, saved.headers.get('location')!)).text());
    expect(page).toContain('Läget är sparat för 3 åtgärder.');

    // Nothing changed: nothing written.
    const again = decode(await (await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`)).text());
    const same: Record<string, string> = {};
    for (const m of [...again.matchAll(/name="m-(\d+)-progress" type="text" value="(\d+)"/g)]) {
      same[`m-${m[1]}-progress`] = m[2]!;
      same[`m-${m[1]}-status`] = /<option value="(\w+)" selected/.exec(again.slice(again.indexOf(`id="m-${m[1]}-status"`)))![1]!;
    }
    const none = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`, { form: same });
    expect(none.headers.get('location')).toContain('klart=bulk_none');
    expect(await count(db, 'measure_notes')).toBe(notesBefore + 3);
  });

  it('bulk: a row of another unit’s measure, a bad value or a stale row is a row error, and nothing is written', async () => {
    const mine = (await db.selectFrom('measures').select(['id', 'updated_at']).where('plan_id', '=', planId).where('owner_unit_id', '=', t.ownUnit.id).where('status', '!=', 'cancelled').orderBy('id').execute()).map((r) => ({ id: Number(r.id), version: r.updated_at }));
    const otherId = Number((await db.selectFrom('measures').select('id').where('title_sv', '=', 'Nätverksträff').executeTakeFirstOrThrow()).id);
    const notesBefore = await count(db, 'measure_notes');
    const progressBefore = await db.selectFrom('measures').select(['id', 'progress', 'status']).where('plan_id', '=', planId).orderBy('id').execute();
    const good = Object.fromEntries(mine.flatMap((m) => [[`m-${m.id}-progress`, '77'], [`m-${m.id}-status`, 'ongoing'], [`m-${m.id}-version`, m.version]]));

    const foreign = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`, { form: { ...good, [`m-${otherId}-progress`]: '90', [`m-${otherId}-status`]: 'ongoing' } });
    expect(foreign.status).toBe(400);
    expect(decode(await foreign.text())).toContain(`Åtgärd ${otherId} hör till en annan enhet än dina och kan inte ändras av dig.`);

    const wrong = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`, { form: { ...good, [`m-${mine[0]!.id}-progress`]: '150', [`m-${mine[1]!.id}-status`]: 'klar-ish' } });
    expect(wrong.status).toBe(400);
    const wrongHtml = decode(await wrong.text());
    expect(wrongHtml).toContain(`href="#m-${mine[0]!.id}-progress"`);
    expect(wrongHtml).toContain(`href="#m-${mine[1]!.id}-status"`);
    expect(wrongHtml).toContain('value="150"');

    const stale = await t.request(t.users.unit_editor, `${base}/${planId}/lagesrapport`, { form: { ...good, [`m-${mine[0]!.id}-version`]: '2000-01-01T00:00:00.000Z' } });
    expect(stale.status).toBe(400);
    expect(decode(await stale.text())).toContain('någon annan har rapporterat läget sedan du öppnade formuläret');

    expect(await count(db, 'measure_notes')).toBe(notesBefore);
    expect(await db.selectFrom('measures').select(['id', 'progress', 'status']).where('plan_id', '=', planId).orderBy('id').execute()).toEqual(progressBefore);
    // A reader may look at the form's page but not post it.
    expect((await t.request(t.users.reader, `${base}/${planId}/lagesrapport`)).status).toBe(200);
    expect((await t.request(t.users.reader, `${base}/${planId}/lagesrapport`, { form: good })).status).toBe(403);
  });

  it('bulk: a coordinator filters by unit', async () => {
    const html = decode(await (await t.request(t.users.coordinator, `${base}/${planId}/lagesrapport?enhet=${t.otherUnit.id}`)).text());
    expect(html).toContain('Nätverksträff');
    expect(html).not.toContain('Språkcafé');
    expect(html).toContain('Visa åtgärder för enhet');
  });

  let evaluationId: number;
  it('records an evaluation with one text per measure, a decision reference and an audit entry', async () => {
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/utvardering`)).status).toBe(403);
    const form = decode(await (await t.request(t.users.coordinator, `${base}/${planId}/utvardering`)).text());
    expect(form).toContain(`id="achieved-${m1}"`);
    expect(form).toMatch(/Pågår, 35 % klart\./);
    const bad = await t.request(t.users.coordinator, `${base}/${planId}/utvardering`, { form: { evaluated_on: '2999-01-01', summary_sv: '' } });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain('href="#summary_sv"');
    expect(await count(db, 'plan_evaluations')).toBe(0);
    const ok = await t.request(t.users.coordinator, `${base}/${planId}/utvardering`, {
      form: { evaluated_on: '2026-01-20', summary_sv: 'Planen går enligt plan.', [`achieved-${m1}`]: 'Tolv elever anmälda.', changes_sv: 'Fler språkcaféer.', decision_reference: 'KS 2026/45 § 12' },
    });
    expect(ok.status).toBe(303);
    evaluationId = idFrom(ok, /utvardering\/(\d+)\?/);
    const items = await db.selectFrom('plan_evaluation_items').selectAll().where('evaluation_id', '=', evaluationId).execute();
    expect(items.length).toBe(Number((await db.selectFrom('measures').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow()).n));
    const item = items.find((i) => Number(i.measure_id) === m1)!;
    expect(item).toMatchObject({ progress: 35, status: 'ongoing', achieved_sv: 'Tolv elever anmälda.' });
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'plan_evaluation').where('entity_id', '=', String(evaluationId)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('evaluate');
    const page = decode(await (await t.request(t.users.reader, `${base}/${planId}/utvardering/${evaluationId}`)).text());
    expect(page).toContain('KS 2026/45 § 12');
    expect(page).toContain('Fler språkcaféer.');
    const planPage = decode(await (await t.request(t.users.reader, `${base}/${planId}`)).text());
    expect(planPage).toContain('Utvärdering 20 januari 2026');
  });

  it('starts a new plan as a copy: unfinished measures move on with goals, unit, indicators and progress; the old plan closes', async () => {
    const measures = await db.selectFrom('measures').select(['id', 'status', 'title_sv']).where('plan_id', '=', planId).execute();
    const unfinished = measures.filter((m) => m.status !== 'done' && m.status !== 'cancelled');
    expect(unfinished.length).toBeLessThan(measures.length);
    const form = decode(await (await t.request(t.users.coordinator, `${base}/${planId}/kopiera`)).text());
    expect(form).toContain('value="2028-01-01"');
    expect(form).toContain(`${unfinished.length} åtgärder följer med; ${measures.length - unfinished.length} stannar i den gamla planen.`);
    expect((await t.request(t.users.coordinator, `${base}/${planId}/kopiera`, { form: { title_sv: '', period_start: '2029-01-01', period_end: '2028-01-01' } })).status).toBe(400);
    expect((await t.request(t.users.unit_editor, `${base}/${planId}/kopiera`, { form: { title_sv: 'X', period_start: '2028-01-01', period_end: '2029-12-31' } })).status).toBe(403);

    const res = await t.request(t.users.coordinator, `${base}/${planId}/kopiera`, { form: { title_sv: 'Handlingsplan 2028–2029', period_start: '2028-01-01', period_end: '2029-12-31' } });
    expect(res.status).toBe(303);
    const newId = idFrom(res);
    const plan = await db.selectFrom('action_plans').selectAll().where('id', '=', newId).executeTakeFirstOrThrow();
    expect(Number(plan.previous_plan_id)).toBe(planId);
    expect(plan.status).toBe('active');
    expect((await db.selectFrom('action_plans').select('status').where('id', '=', planId).executeTakeFirstOrThrow()).status).toBe('closed');
    const copied = await db.selectFrom('measures').selectAll().where('plan_id', '=', newId).orderBy('position').execute();
    expect(copied.map((m) => m.title_sv).sort()).toEqual(unfinished.map((m) => m.title_sv).sort());
    const copy = copied.find((m) => m.title_sv === 'Utbyte med Skive och Ylöjärvi')!;
    expect(copy.progress).toBe(35);
    expect(Number(copy.owner_unit_id)).toBe(t.ownUnit.id);
    expect((await db.selectFrom('measure_goals').select('goal_id').where('measure_id', '=', copy.id).execute()).map((r) => Number(r.goal_id)).sort((a, b) => a - b)).toEqual([g.a1, g.b].sort((a, b) => a - b));
    const ind = await db.selectFrom('measure_indicators').select('id').where('measure_id', '=', copy.id).execute();
    expect(ind).toHaveLength(1);
    expect(await db.selectFrom('indicator_values').select('period').where('indicator_id', '=', ind[0]!.id).execute()).toHaveLength(1);
    // The old measures and their notes stay in the old plan.
    expect(await db.selectFrom('measures').select('id').where('plan_id', '=', planId).execute()).toHaveLength(measures.length);
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'action_plan').where('entity_id', '=', String(newId)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('copy');
    // A second copy of the same plan (a double click) is refused and writes nothing.
    const plansBefore = await count(db, 'action_plans');
    const twice = await t.request(t.users.coordinator, `${base}/${planId}/kopiera`, { form: { title_sv: 'Igen', period_start: '2028-01-01', period_end: '2029-12-31' } });
    expect(twice.status).toBe(400);
    expect(await count(db, 'action_plans')).toBe(plansBefore);
    const page = decode(await (await t.request(t.users.reader, `${base}/${newId}`)).text());
    expect(page).toContain('Föregående plan');
  });

  it('another municipality’s plan, measure or evaluation, a measure of another plan, or a bad id is 404', async () => {
    const ale = await makeStrategy(db, t.aleId, 'Ale internationellt');
    const ts = new Date().toISOString();
    const alePlan = Number((await db.insertInto('action_plans').values({ municipality_id: t.aleId, strategy_id: ale.strategyId, title_sv: 'Ales plan', title_en: null, period_start: '2026-01-01', period_end: '2027-12-31', previous_plan_id: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const aleMeasure = Number((await db.insertInto('measures').values({ municipality_id: t.aleId, plan_id: alePlan, title_sv: 'Ales åtgärd', title_en: null, description_sv: null, description_en: null, owner_unit_id: t.aleUnits[0]!.id, start_date: null, end_date: null, progress_updated_at: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    for (const path of [`${base}/${alePlan}`, `${base}/${alePlan}/atgarder/${aleMeasure}`, `${base}/${planId}/atgarder/${aleMeasure}`, `${base}/${planId}/utvardering/999999`, `${base}/abc`, `${base}/${alePlan}/handlingsplan.csv`]) {
      expect((await t.request(t.users.coordinator, path)).status, path).toBe(404);
    }
    expect((await t.request(t.users.coordinator, `${base}/${alePlan}/lagesrapport`, { form: {} })).status).toBe(404);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
