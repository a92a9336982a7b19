/**
 * The action-plan forms under random input (plan, measure, note, bulk progress, evaluation, copy,
 * import confirm): any posted values give an answer below 500, nothing posted comes back as
 * unescaped HTML, and a refused form writes nothing (no row in any of the plan tables, no audit
 * entry). The audit chain stays intact.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

const TABLES = ['action_plans', 'measures', 'measure_goals', 'measure_indicators', 'indicator_values', 'measure_notes', 'plan_evaluations', 'plan_evaluation_items', 'audit_log'] as const;

/** A marker no page would write by itself: if it comes back unescaped, something echoed input raw. */
const RAW = '<b data-x="1">';

describe.each(kinds)('action-plan forms under random input on %s', (kind) => {
  let t: AdminTestApp;
  let ids: { strategy: number; goal: number; plan: number; own: number; other: number; unit: number; otherUnit: number };
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    const ts = new Date().toISOString();
    const strategy = Number((await db.insertInto('strategies').values({ municipality_id: t.arvikaId, title_sv: 'Slumpstrategi', title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const goal = Number((await db.insertInto('strategy_goals').values({ municipality_id: t.arvikaId, strategy_id: strategy, parent_id: null, position: 0, level_name: 'Mål', title_sv: 'Slumpmål', title_en: null, description_sv: null, description_en: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const plan = Number((await db.insertInto('action_plans').values({ municipality_id: t.arvikaId, strategy_id: strategy, title_sv: 'Slumpplan', title_en: null, period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', previous_plan_id: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const measure = async (unit: number) =>
      Number((await db.insertInto('measures').values({ municipality_id: t.arvikaId, plan_id: plan, title_sv: `Slumpåtgärd ${unit}`, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2026-01-01', end_date: '2026-12-31', progress_updated_at: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    ids = { strategy, goal, plan, own: await measure(t.ownUnit.id), other: await measure(t.otherUnit.id), unit: t.ownUnit.id, otherUnit: t.otherUnit.id };
  }, 120_000);
  afterAll(async () => t?.close());

  const counts = async () => Promise.all(TABLES.map(async (table) => Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
  const progressOf = async () => t.handle.db.selectFrom('measures').select(['id', 'progress', 'status', 'title_sv', 'owner_unit_id']).orderBy('id').execute();

  const value = () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
      {
        weight: 5,
        arbitrary: fc.constantFrom(
          '', ' ', 'planned', 'ongoing', 'done', 'cancelled', 'draft', 'active', 'closed', 'Pågår', 'Klar', '0', '1', '24', '50', '100', '101', '150', '-1', '40 %', '3,5',
          '1e309', 'NaN', '2026', '2026H1', '2026H3', '2026-01-01', '2027-12-31', '2026-02-30', '1999-12-31', '2999-01-01', RAW, '<script>x</script>', 'x'.repeat(5000),
          String(ids.strategy), String(ids.goal), String(ids.plan), String(ids.own), String(ids.other), String(ids.unit), String(ids.otherUnit), '999999', 'add_indicator', 'add_period-0',
          'add_period-99', 'save', '2026-01-02T00:00:00.000Z',
        ),
      },
    );
    return fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) });
  };

  const FIELDS = () => [
    'strategy_id', 'title_sv', 'title_en', 'period_start', 'period_end', 'status', 'evaluation_interval_months', 'version', 'description_sv', 'description_en', 'goal_ids',
    'owner_unit_id', 'start_date', 'end_date', 'progress', 'weight', 'do', 'ind-0-name', 'ind-0-unit', 'ind-0-baseline', 'ind-0-remove', 'ind-0-p-0-period', 'ind-0-p-0-target',
    'ind-0-p-0-actual', 'ind-1-name', 'ind-9999-name', 'ind-0-p-9999-period', 'noted_on', 'text', 'evaluated_on', 'summary_sv', 'changes_sv', 'decision_reference',
    `achieved-${ids.own}`, `achieved-${ids.other}`, `m-${ids.own}-progress`, `m-${ids.own}-status`, `m-${ids.own}-note`, `m-${ids.own}-version`, `m-${ids.other}-progress`,
    `m-${ids.other}-status`, 'm-999999-progress', 'r-0-row', 'r-0-id', 'r-0-progress', 'r-0-status', 'r-0-note', 'r-0-version', 'r-1-id', 'r-1-progress', 'unknown',
  ];

  const form = () => fc.dictionary(fc.constantFrom(...FIELDS()), value(), { maxKeys: 24 });

  const p = () => `/admin/arvika/handlingsplaner/${ids.plan}`;
  const paths = () => [
    '/admin/arvika/handlingsplaner/ny',
    `${p()}/redigera`,
    `${p()}/atgarder/ny`,
    `/en${p()}/atgarder/${ids.own}/redigera`,
    `${p()}/atgarder/${ids.own}/lagesrapport`,
    `${p()}/lagesrapport`,
    `/en${p()}/utvardering`,
    `${p()}/kopiera`,
    `${p()}/import/bekrafta`,
  ];

  /** A valid form for each path, which the random values then partly overwrite, so that saves happen too. */
  const bases = (): Record<string, string | string[]>[] => {
    const plan = { strategy_id: String(ids.strategy), title_sv: 'Slumpplan', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: '24' };
    const measure = { title_sv: 'Slumpåtgärd', owner_unit_id: String(ids.unit), goal_ids: [String(ids.goal)], status: 'ongoing', progress: '10', weight: '1', 'ind-0-name': 'Antal', 'ind-0-p-0-period': '2026', do: 'save' };
    return [
      plan,
      plan,
      measure,
      measure,
      { noted_on: '2026-01-05', progress: '20', status: 'ongoing', text: 'Läget' },
      { [`m-${ids.own}-progress`]: '30', [`m-${ids.own}-status`]: 'ongoing' },
      { evaluated_on: '2026-01-05', summary_sv: 'Sammanfattning' },
      // The copy's base has an invalid period: a copy closes the plan, so the plan must stay open for the other paths.
      { title_sv: 'Kopia', period_start: '2028-01-01', period_end: '2027-01-01' },
      { 'r-0-row': '2', 'r-0-id': String(ids.own), 'r-0-progress': '40', 'r-0-status': 'ongoing', 'r-0-version': '' },
    ];
  };

  it('never answers 5xx, never echoes input unescaped, and a refused form writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 8 }),
        fc.boolean(),
        form(),
        fc.constantFrom('coordinator', 'unit_editor', 'reader') as fc.Arbitrary<'coordinator' | 'unit_editor' | 'reader'>,
        async (i, useBase, random, role) => {
          const path = paths()[i]!;
          // A successful copy would close the plan; keep the random copy forms invalid (no title).
          const values = { ...(useBase ? { ...bases()[i]!, ...random } : random), ...(path.endsWith('/kopiera') ? { title_sv: '' } : {}) };
          const before = await counts();
          const progressBefore = await progressOf();
          const res = await t.request(t.users[role], path, { form: values as Record<string, string | string[]> });
          const body = await res.text();
          expect(res.status, `${path} ${JSON.stringify(values).slice(0, 400)}`).toBeLessThan(500);
          expect(body.includes(RAW), `${path} echoed raw HTML`).toBe(false);
          if (res.status >= 400 || res.status === 200) {
            expect(await counts()).toEqual(before);
            expect(await progressOf()).toEqual(progressBefore);
          }
          // Whatever was saved, the other unit's measure was changed only by a coordinator.
          if (role !== 'coordinator') {
            const other = (await progressOf()).find((m) => Number(m.id) === ids.other);
            expect(other).toEqual(progressBefore.find((m) => Number(m.id) === ids.other));
          }
        },
      ),
      { numRuns: 150 },
    );
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
    // The valid bases made some saves happen.
    const saved = await t.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity', 'in', ['action_plan', 'measure', 'plan_evaluation']).executeTakeFirstOrThrow();
    expect(Number(saved.n)).toBeGreaterThan(0);
  }, 300_000);

  it('every measure written has progress 0–100, a known status, and goals of its plan’s strategy only', async () => {
    const db = t.handle.db;
    const rows = await db.selectFrom('measures as m').innerJoin('action_plans as p', 'p.id', 'm.plan_id').select(['m.id', 'm.progress', 'm.status', 'm.start_date', 'm.end_date', 'p.strategy_id']).execute();
    for (const r of rows) {
      expect(r.progress).toBeGreaterThanOrEqual(0);
      expect(r.progress).toBeLessThanOrEqual(100);
      expect(['planned', 'ongoing', 'done', 'cancelled']).toContain(r.status);
      if (r.start_date && r.end_date) expect(r.end_date >= r.start_date).toBe(true);
    }
    const links = await db.selectFrom('measure_goals as mg').innerJoin('measures as m', 'm.id', 'mg.measure_id').innerJoin('action_plans as p', 'p.id', 'm.plan_id').innerJoin('strategy_goals as g', 'g.id', 'mg.goal_id').select(['p.strategy_id as plan_strategy', 'g.strategy_id as goal_strategy']).execute();
    for (const l of links) expect(Number(l.goal_strategy)).toBe(Number(l.plan_strategy));
    const periods = await db.selectFrom('indicator_values').select('period').execute();
    for (const v of periods) expect(v.period).toMatch(/^(19|20)\d{2}(H[12])?$/);
  });
});
