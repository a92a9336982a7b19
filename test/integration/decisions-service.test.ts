/**
 * The decisions feature's services on real SQLite and PostgreSQL: routing from stored projects,
 * recording decisions with registry numbers (also 20 at once), the lifecycle service, the
 * assessment, activating a partnership, and the default delegation order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { AppError } from '../../src/errors/index.js';
import { activatePartnership, type AssessmentInput, saveAssessment } from '../../src/features/decisions/assessment.js';
import { explainPlan } from '../../src/features/decisions/explain.js';
import { changeLifecycle, type LifecycleAction, loadProjectDecisionState } from '../../src/features/decisions/lifecycle.js';
import { registryYear } from '../../src/features/decisions/registry.js';
import { type DecisionInput, ensureDefaultDelegation, recordDecision, saveRule, saveSettings } from '../../src/features/decisions/service.js';
import type { Actor } from '../../src/features/policy/actor.js';
import { availableDatabases, createTestApp } from '../support/databases.js';
import { addOrg, addProject, buildDelegation, type DelegationFixture, platformActor, setFunding } from './decisions-fixtures.js';

const kinds = await availableDatabases();
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const fullAssessment: AssessmentInput = {
  totalBenefit: 'Unga får erfarenhet av europeiskt samarbete.',
  citizenPerspective: 'Öppet för alla gymnasieelever.',
  operationsFit: 'Ingår i skolans ordinarie internationella arbete.',
  strategyFit: 'Målområde 2, mångkulturellt perspektiv.',
  risks: 'Valutarisk, hanteras med fast budget.',
  recommendation: 'approve',
  recommendationText: 'Nämnden beslutar att bevilja medfinansiering.',
  cashMinor: null,
  staffHours: null,
};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(kinds)('decision services on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let db: Db;
  let arvika: number;
  let ale: number;
  let f: DelegationFixture;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.handle.db;
    const id = async (slug: string) => Number((await db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id);
    arvika = await id('arvika');
    ale = await id('ale');
    f = await buildDelegation(db, arvika);
    const u = await db
      .insertInto('users')
      .values({ email: 'test@example.se', display_name: 'Test', password_hash: null, totp_secret: null, totp_enabled_at: null, disabled_at: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    actor = platformActor(Number(u.id));
  }, 120_000);
  afterAll(async () => t?.close());

  const decision = (over: Partial<DecisionInput>): DecisionInput => ({
    route: 'committee',
    bodyId: f.committee,
    ruleId: null,
    decidedOn: '2026-10-01',
    paragraph: '45',
    registryNumber: null,
    subjectSv: 'Medfinansiering av projekt',
    subjectEn: null,
    outcome: 'approved',
    conditionsSv: null,
    projectId: null,
    partnershipId: null,
    confirmMismatch: false,
    ...over,
  });
  const step = (projectId: number, action: LifecycleAction, municipalityId = arvika) => changeLifecycle(db, { actor, municipalityId, projectId, action, lang: 'sv' });

  it('routes stored projects: cash and staff time, staff time only, owner, above the limit, kinds', async () => {
    const both = await addProject(db, arvika, { unit: f.department, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }, { kind: 'eu_grant', kr: 500_000 }] });
    const s1 = (await loadProjectDecisionState(db, arvika, both))!;
    expect(nbsp(explainPlan(s1.plan, 'sv').join(' '))).toBe(
      'Projektet kräver kommunal medfinansiering (120 000 kr kontant och 200 timmar egen personal, värderat till 100 000 kr). Beslut fattas av Kultur- och fritidsnämnden eller, enligt delegationsordningen punkt 3.2, av förvaltningschef (upp till 250 000 kr).',
    );
    const staffOnly = await addProject(db, arvika, { unit: f.library, funding: [{ kind: 'own_staff_time', hours: 40 }] });
    const s2 = (await loadProjectDecisionState(db, arvika, staffOnly))!;
    expect(s2.plan.needed).toBe(true);
    expect(s2.plan.committee?.id).toBe(f.committee);
    expect(s2.plan.cofinancing.staffValueMinor).toBe(40 * 50_000);
    const owner = await addProject(db, arvika, { unit: f.department, role: 'lead' });
    const s3 = (await loadProjectDecisionState(db, arvika, owner))!;
    expect(s3.plan.needed).toBe(true);
    expect(s3.plan.delegates).toEqual([]);
    const big = await addProject(db, arvika, { unit: f.department, funding: [{ kind: 'municipal_cash', kr: 200_000 }, { kind: 'own_staff_time', hours: 101 }] });
    expect((await loadProjectDecisionState(db, arvika, big))!.plan.delegateBlock).toBe('over_limit');
    const none = await addProject(db, arvika, { unit: f.orphan, funding: [{ kind: 'eu_grant', kr: 1000 }] });
    expect((await loadProjectDecisionState(db, arvika, none))!.plan.needed).toBe(false);
    const orphan = await addProject(db, arvika, { unit: f.orphan, funding: [{ kind: 'municipal_cash', kr: 1000 }] });
    const s6 = (await loadProjectDecisionState(db, arvika, orphan))!;
    expect(s6.plan.committee?.id).toBe(f.board);
    expect(s6.plan.committeeSource).toBe('fallback_not_configured');
    // A project of another municipality is not found through Arvika.
    const aleProject = await addProject(db, ale, {});
    expect(await loadProjectDecisionState(db, arvika, aleProject)).toBeUndefined();
  });

  it('the hourly cost from the settings values staff time', async () => {
    const p = await addProject(db, ale, { funding: [{ kind: 'own_staff_time', hours: 10 }] });
    await saveSettings(db, actor, ale, { staffHourCostMinor: 75_050, registryPrefix: 'KS' });
    const s = (await loadProjectDecisionState(db, ale, p))!;
    expect(s.plan.cofinancing.staffValueMinor).toBe(750_500);
  });

  it('records a committee decision with the next registry number and links it to the project', async () => {
    const p = await addProject(db, arvika, { unit: f.department, funding: [{ kind: 'municipal_cash', kr: 1000 }] });
    const r = await recordDecision(db, actor, arvika, decision({ projectId: p }), 'sv');
    expect(r.registryNumber).toMatch(new RegExp(`^KS ${registryYear()}/\\d+$`));
    const s = (await loadProjectDecisionState(db, arvika, p))!;
    expect(s.decisions).toHaveLength(1);
    expect(s.decisions[0]!.matches).toBe(true);
    expect(s.facts.approvedByDecision).toBe(true);
    const audit = await db.selectFrom('audit_log').select(['action', 'after_data']).where('entity', '=', 'decision').where('entity_id', '=', String(r.id)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect(audit.after_data).toContain(r.registryNumber);
  });

  it('refuses a decision off the project’s route unless confirmed; a delegate never suffices for an owned project', async () => {
    const owned = await addProject(db, arvika, { unit: f.department, role: 'lead', funding: [{ kind: 'municipal_cash', kr: 1000 }] });
    const e = await errorOf(recordDecision(db, actor, arvika, decision({ projectId: owned, route: 'delegate', bodyId: null, ruleId: f.rule32, paragraph: null }), 'sv'));
    expect(e.status).toBe(400);
    expect(e.fieldErrors[0]!.field).toBe('rule_id');
    expect(e.fieldErrors[0]!.message).toContain('Kommunen är projektägare');
    const wrongBody = await errorOf(recordDecision(db, actor, arvika, decision({ projectId: owned, bodyId: f.board }), 'en'));
    expect(wrongBody.fieldErrors[0]!.message).toContain('does not follow the project’s route');
    // Recorded anyway: it is stored, but does not count.
    await recordDecision(db, actor, arvika, decision({ projectId: owned, route: 'delegate', bodyId: null, ruleId: f.rule32, paragraph: null, confirmMismatch: true }), 'sv');
    const s = (await loadProjectDecisionState(db, arvika, owned))!;
    expect(s.decisions.map((d) => d.matches)).toEqual([false]);
    expect(s.facts.approvedByDecision).toBe(false);
    expect(s.decisions[0]!.delegate_role).toBe('förvaltningschef');
  });

  it('checks every field against the municipality: bodies, rules, projects of another municipality', async () => {
    const aleBoard = Number((await db.selectFrom('organisations').select('id').where('municipality_id', '=', ale).where('kind', '=', 'executive_board').executeTakeFirstOrThrow()).id);
    const e1 = await errorOf(recordDecision(db, actor, arvika, decision({ bodyId: aleBoard, paragraph: null }), 'sv'));
    expect(e1.status).toBe(400);
    expect(e1.fieldErrors.map((x) => x.field).sort()).toEqual(['body_id', 'paragraph']);
    const e2 = await errorOf(recordDecision(db, actor, ale, decision({ route: 'delegate', bodyId: null, ruleId: f.rule32 }), 'sv'));
    expect(e2.fieldErrors[0]!.field).toBe('rule_id');
    const aleProject = await addProject(db, ale, {});
    const e3 = await errorOf(recordDecision(db, actor, arvika, decision({ projectId: aleProject }), 'sv'));
    expect(e3.status).toBe(404);
    const e4 = await errorOf(recordDecision(db, actor, arvika, decision({ registryNumber: '<<>>' }), 'sv'));
    expect(e4.fieldErrors[0]!.field).toBe('registry_number');
  });

  it('takes an existing registry number by hand, unique within the municipality (409)', async () => {
    const r = await recordDecision(db, actor, arvika, decision({ registryNumber: 'ks  2012/258' }), 'sv');
    expect(r.registryNumber).toBe('KS 2012/258');
    const dup = await errorOf(recordDecision(db, actor, arvika, decision({ registryNumber: 'KS 2012/258' }), 'sv'));
    expect(dup.status).toBe(409);
    expect(dup.detail).toContain('KS 2012/258');
    expect(dup.fieldErrors[0]!.field).toBe('registry_number');
    // The same number in another municipality is another register.
    const aleBoard = Number((await db.selectFrom('organisations').select('id').where('municipality_id', '=', ale).where('kind', '=', 'executive_board').executeTakeFirstOrThrow()).id);
    expect((await recordDecision(db, actor, ale, decision({ bodyId: aleBoard, registryNumber: 'KS 2012/258' }), 'sv')).registryNumber).toBe('KS 2012/258');
  });

  it('skips a number already entered by hand when issuing the next one', async () => {
    await saveSettings(db, actor, arvika, { staffHourCostMinor: 50_000, registryPrefix: 'SKIP' });
    const y = registryYear();
    const first = await recordDecision(db, actor, arvika, decision({}), 'sv');
    expect(first.registryNumber).toBe(`SKIP ${y}/1`);
    await recordDecision(db, actor, arvika, decision({ registryNumber: `SKIP ${y}/2` }), 'sv');
    const third = await recordDecision(db, actor, arvika, decision({}), 'sv');
    expect(third.registryNumber).toBe(`SKIP ${y}/3`);
  });

  it('issues 20 concurrent registry numbers 1..20 without gaps or duplicates, also with refused registrations among them', async () => {
    await saveSettings(db, actor, arvika, { staffHourCostMinor: 50_000, registryPrefix: 'KFN' });
    const y = registryYear();
    const attempts = Array.from({ length: 26 }, (_, i) =>
      // Every fifth registration is refused (no paragraph): it must take no number.
      recordDecision(db, actor, arvika, decision({ subjectSv: `Samtidigt ${i}`, paragraph: i % 5 === 4 ? null : String(i + 1) }), 'sv').then(
        (r) => r.registryNumber,
        (e: unknown) => (e instanceof AppError ? null : Promise.reject(e)),
      ),
    );
    const results = await Promise.all(attempts);
    const issued = results.filter((x): x is string => x !== null);
    expect(issued).toHaveLength(21);
    const numbers = issued.map((n) => Number(n.replace(`KFN ${y}/`, ''))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const counter = await db.selectFrom('registry_counters').select('last_value').where('municipality_id', '=', arvika).where('prefix', '=', 'KFN').where('year', '=', y).executeTakeFirstOrThrow();
    expect(Number(counter.last_value)).toBe(21);
    await saveSettings(db, actor, arvika, { staffHourCostMinor: 50_000, registryPrefix: 'KS' });
  });

  it('takes a project through its life; refuses to start it before the committee has decided', async () => {
    const p = await addProject(db, arvika, { unit: f.department, role: 'lead', funding: [{ kind: 'municipal_cash', kr: 50_000 }] });
    await step(p, 'start_assessment');
    const noAssessment = await errorOf(step(p, 'submit_for_decision'));
    expect(noAssessment.status).toBe(409);
    expect(noAssessment.detail).toContain('bedömningen är klar');
    await saveAssessment(db, { actor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: true, lang: 'sv' });
    await step(p, 'submit_for_decision');
    expect((await db.selectFrom('projects').select(['lifecycle', 'status']).where('id', '=', p).executeTakeFirstOrThrow())).toEqual({ lifecycle: 'awaiting_decision', status: 'applied' });
    const early = await errorOf(step(p, 'start'));
    expect(early.detail).toBe('Projektet kan inte starta innan beslut är fattat av Kultur- och fritidsnämnden.');
    expect((await errorOf(step(p, 'approve'))).status).toBe(409);
    // A delegate decision does not match an owned project, even confirmed.
    await recordDecision(db, actor, arvika, decision({ projectId: p, route: 'delegate', bodyId: null, ruleId: f.rule32, paragraph: null, confirmMismatch: true }), 'sv');
    expect((await errorOf(step(p, 'approve'))).status).toBe(409);
    await recordDecision(db, actor, arvika, decision({ projectId: p }), 'sv');
    await step(p, 'approve');
    await step(p, 'start');
    expect((await db.selectFrom('projects').select(['lifecycle', 'status']).where('id', '=', p).executeTakeFirstOrThrow())).toEqual({ lifecycle: 'ongoing', status: 'ongoing' });
    await step(p, 'complete');
    await step(p, 'evaluate');
    expect((await errorOf(step(p, 'cancel'))).status).toBe(409);
    const audit = await db.selectFrom('audit_log').select('action').where('entity', '=', 'project').where('entity_id', '=', String(p)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['lifecycle.start_assessment', 'lifecycle.submit_for_decision', 'lifecycle.approve', 'lifecycle.start', 'lifecycle.complete', 'lifecycle.evaluate']);
    // Another municipality's project is not found.
    expect((await errorOf(step(p, 'cancel', ale))).status).toBe(404);
  });

  it('a delegate’s approval stops counting when the co-financing grows beyond the limit', async () => {
    const p = await addProject(db, arvika, { unit: f.library, funding: [{ kind: 'municipal_cash', kr: 100_000 }] });
    await step(p, 'start_assessment');
    await saveAssessment(db, { actor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: true, lang: 'sv' });
    await step(p, 'submit_for_decision');
    await recordDecision(db, actor, arvika, decision({ projectId: p, route: 'delegate', bodyId: null, ruleId: f.rule32, paragraph: null }), 'sv');
    await step(p, 'approve');
    await setFunding(db, p, [{ kind: 'municipal_cash', kr: 100_000 }, { kind: 'own_staff_time', hours: 400 }]); // 300 000 kr
    const refused = await errorOf(step(p, 'start'));
    expect(refused.detail).toBe('Projektet kan inte starta innan beslut är fattat av Kultur- och fritidsnämnden.');
    await recordDecision(db, actor, arvika, decision({ projectId: p, decidedOn: '2026-10-15' }), 'sv');
    await step(p, 'start');
  });

  it('unit editors move their own unit’s projects but cannot approve; readers nothing', async () => {
    const p = await addProject(db, arvika, { unit: f.library, funding: [] });
    const editor: Actor = { ...platformActor(actor.userId), isPlatformAdmin: false, roles: new Map([[arvika, 'unit_editor']]), units: new Set([f.library]) };
    const reader: Actor = { ...editor, roles: new Map([[arvika, 'reader']]), units: new Set() };
    const as = (a: Actor, action: LifecycleAction) => changeLifecycle(db, { actor: a, municipalityId: arvika, projectId: p, action, lang: 'sv' });
    expect((await errorOf(as(reader, 'start_assessment'))).status).toBe(403);
    await as(editor, 'start_assessment');
    // Completing the assessment is a decision matter.
    expect((await errorOf(saveAssessment(db, { actor: editor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: true, lang: 'sv' }))).status).toBe(403);
    await saveAssessment(db, { actor: editor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: false, lang: 'sv' });
    await saveAssessment(db, { actor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: true, lang: 'sv' });
    await as(editor, 'submit_for_decision');
    expect((await errorOf(as(editor, 'approve'))).status).toBe(403);
    expect((await errorOf(as(editor, 'cancel'))).status).toBe(403);
    await step(p, 'approve'); // no decision needed: no co-financing, not the owner
    await as(editor, 'start');
    await as(editor, 'complete');
  });

  it('an assessment is complete only with every section; all missing sections are listed at once', async () => {
    const p = await addProject(db, arvika, { unit: f.department, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }] });
    const e = await errorOf(saveAssessment(db, { actor, municipalityId: arvika, entity: 'project', entityId: p, input: { ...fullAssessment, totalBenefit: null, risks: null, recommendation: null }, complete: true, lang: 'sv' }));
    expect(e.status).toBe(400);
    expect(e.fieldErrors.map((x) => x.field)).toEqual(['total_benefit', 'risks', 'recommendation']);
    const saved = await saveAssessment(db, { actor, municipalityId: arvika, entity: 'project', entityId: p, input: fullAssessment, complete: true, lang: 'sv' });
    expect(saved.cash_minor).toBe(12_000_000);
    expect(saved.staff_hours).toBe(200);
    expect(saved.completed_at).not.toBeNull();
    const partnership = Number((await db.selectFrom('partnerships').select('id').where('municipality_id', '=', arvika).executeTakeFirstOrThrow()).id);
    const e2 = await errorOf(saveAssessment(db, { actor, municipalityId: arvika, entity: 'partnership', entityId: partnership, input: fullAssessment, complete: true, lang: 'en' }));
    expect(e2.fieldErrors.map((x) => x.field)).toEqual(['cash', 'staff_hours']);
    expect((await errorOf(saveAssessment(db, { actor, municipalityId: ale, entity: 'partnership', entityId: partnership, input: fullAssessment, complete: false, lang: 'sv' }))).status).toBe(404);
  });

  it('activates a proposed partnership only with a complete assessment and an approving decision', async () => {
    const now = new Date().toISOString();
    const pid = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: arvika, kind: 'cooperation', title_sv: 'Nytt samarbete', title_en: null, status: 'proposed', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: 'test', created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const activate = (municipalityId = arvika) => activatePartnership(db, { actor, municipalityId, partnershipId: pid, lang: 'sv' });
    expect((await errorOf(activate())).detail).toContain('bedömningen är klar');
    await saveAssessment(db, { actor, municipalityId: arvika, entity: 'partnership', entityId: pid, input: { ...fullAssessment, cashMinor: 0, staffHours: 40 }, complete: true, lang: 'sv' });
    expect((await errorOf(activate())).detail).toContain('beslut');
    await recordDecision(db, actor, arvika, decision({ bodyId: f.board, partnershipId: pid, outcome: 'rejected' }), 'sv');
    expect((await errorOf(activate())).status).toBe(409);
    await recordDecision(db, actor, arvika, decision({ bodyId: f.board, partnershipId: pid, decidedOn: '2026-11-01' }), 'sv');
    expect((await errorOf(activate(ale))).status).toBe(404);
    await activate();
    expect((await db.selectFrom('partnerships').select('status').where('id', '=', pid).executeTakeFirstOrThrow()).status).toBe('active');
    expect((await errorOf(activate())).status).toBe(409);
  });

  it('refuses to remove a point of the delegation order that decisions cite', async () => {
    const rule = await saveRule(db, actor, arvika, undefined, { committeeId: f.committee, delegateRole: 'enhetschef', projectKinds: ['exchange'], maxCofinancingMinor: 1_000_000, reference: '3.3' }, 'sv');
    await recordDecision(db, actor, arvika, decision({ route: 'delegate', bodyId: null, ruleId: rule, paragraph: null }), 'sv');
    const { deleteRule } = await import('../../src/features/decisions/service.js');
    expect((await errorOf(deleteRule(db, actor, arvika, rule, 'sv'))).status).toBe(409);
    expect((await errorOf(deleteRule(db, actor, ale, rule, 'sv'))).status).toBe(404);
  });

  it('ensureDefaultDelegation gives an empty municipality a starting order, once', async () => {
    const id = Number(
      (await db.insertInto('municipalities').values({ code: '9999', slug: 'testby', name_sv: 'Testby kommun', name_en: 'Testby', county_code: null, county_name: null, vision_sv: null, vision_en: null, languages: 'sv', website: null, source: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id,
    );
    const board = await addOrg(db, id, 'executive_board', 'Kommunstyrelsen');
    const dept = await addOrg(db, id, 'department', 'Förvaltningen');
    await addOrg(db, id, 'unit', 'Enheten', dept);
    const first = await ensureDefaultDelegation(db, id);
    expect(first).toEqual({ settingsCreated: true, unitsAssigned: 1, ruleCreated: true });
    expect(await ensureDefaultDelegation(db, id)).toEqual({ settingsCreated: false, unitsAssigned: 0, ruleCreated: false });
    const rules = await db.selectFrom('delegation_rules').selectAll().where('municipality_id', '=', id).execute();
    expect(rules.map((r) => [Number(r.committee_id), r.delegate_role])).toEqual([[board, 'kommundirektör']]);
  });
});
