/**
 * The lifecycle property through the real services on SQLite and PostgreSQL: generated
 * sequences of steps (decisions right and wrong, recorded through `recordDecision`; funding,
 * ownership and owner unit changed in the tables; assessments saved; lifecycle actions through
 * `changeLifecycle`) never bring a project to 'ongoing' without the decision AL-12 requires, and
 * the stored state always equals what the pure transition function gives. Fewer runs than the
 * pure test: every step is a few transactions.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import type { ProjectLifecycle } from '../../src/db/schema.js';
import { AppError } from '../../src/errors/index.js';
import { saveAssessment } from '../../src/features/decisions/assessment.js';
import { changeLifecycle, loadProjectDecisionState, nextState } from '../../src/features/decisions/lifecycle.js';
import { recordDecision, saveSettings } from '../../src/features/decisions/service.js';
import type { Actor } from '../../src/features/policy/actor.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';
import { addOrg, addProject, addRule, type FundingSpec, platformActor, setFunding } from '../integration/decisions-fixtures.js';
import {
  BOARD,
  COMMITTEE_A,
  COMMITTEE_B,
  type Funding,
  HOUR_COST_MINOR,
  type ModelDecision,
  type OracleProject,
  oracleHasRequiredDecision,
  oracleMayProceed,
  resolveStep,
  scenarioArb,
  UNIT_A,
  UNIT_A_CHILD,
  UNIT_B,
  UNIT_NONE,
} from './lifecycle-model.js';

const kinds = await availableDatabases();

function fundingSpecs(f: Funding): FundingSpec[] {
  const out: FundingSpec[] = [{ kind: 'eu_grant', kr: 100_000 }];
  if (f.cashKr > 0) out.push({ kind: 'municipal_cash', kr: f.cashKr });
  if (f.hours > 0) out.push({ kind: 'own_staff_time', hours: f.hours });
  if (f.eurCash > 0) out.push({ kind: 'municipal_cash', kr: f.eurCash, currency: 'EUR' });
  return out;
}

describe.each(kinds)('project lifecycle through the services on %s', (kind) => {
  let t: TestDb;
  let db: Db;
  const actor: Actor = platformActor(0);
  let run = 0;
  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.handle.db;
  }, 120_000);
  afterAll(async () => t?.close());

  /** A fresh municipality per run, so each run's delegation order stands alone. */
  async function world(rules: { committee: number; kinds: string[]; maxKr: number }[]) {
    run++;
    const m = Number(
      (
        await db
          .insertInto('municipalities')
          .values({ code: String(1000 + run), slug: `prop-${run}`, name_sv: `Prop ${run}`, name_en: `Prop ${run}`, county_code: null, county_name: null, vision_sv: null, vision_en: null, languages: 'sv', website: null, source: null, created_at: new Date().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await saveSettings(db, actor, m, { staffHourCostMinor: HOUR_COST_MINOR, registryPrefix: 'KS' });
    const ids = new Map<number, number>();
    ids.set(BOARD, await addOrg(db, m, 'executive_board', 'Kommunstyrelsen'));
    ids.set(COMMITTEE_A, await addOrg(db, m, 'committee', 'Nämnd A'));
    ids.set(COMMITTEE_B, await addOrg(db, m, 'committee', 'Nämnd B'));
    ids.set(UNIT_A, await addOrg(db, m, 'unit', 'Enhet A'));
    ids.set(UNIT_A_CHILD, await addOrg(db, m, 'unit', 'Enhet A1', ids.get(UNIT_A)!));
    ids.set(UNIT_B, await addOrg(db, m, 'unit', 'Enhet B'));
    ids.set(UNIT_NONE, await addOrg(db, m, 'unit', 'Enhet utan nämnd'));
    await db.insertInto('committee_units').values([
      { unit_id: ids.get(UNIT_A)!, committee_id: ids.get(COMMITTEE_A)! },
      { unit_id: ids.get(UNIT_B)!, committee_id: ids.get(COMMITTEE_B)! },
    ]).execute();
    const ruleIds: number[] = [];
    for (const [i, r] of rules.entries()) ruleIds.push(await addRule(db, m, ids.get(r.committee)!, `delegat ${i}`, r.maxKr, String(i), r.kinds as never));
    return { m, ids, ruleIds };
  }

  it('never reaches ongoing without the required decision, and stores what the pure function says', async () => {
    let ongoing = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb(30, { advanceWeight: 30, minSteps: 12 }), async (s) => {
        const { m, ids, ruleIds } = await world(s.rules);
        const project: OracleProject = { kind: s.kind, role: s.role, unit: s.unit, funding: s.funding };
        const pid = await addProject(db, m, { kind: s.kind, role: s.role, unit: ids.get(s.unit)!, funding: fundingSpecs(s.funding) });
        const decisions: ModelDecision[] = [];
        let assessmentComplete = false;
        let expected: ProjectLifecycle = 'idea';
        const day = (d: number) => `2026-01-${String(d + 1).padStart(2, '0')}`;
        for (const raw of s.steps) {
          const step = resolveStep(raw, expected, project, s.rules, decisions, assessmentComplete, 30);
          switch (step.type) {
            case 'funding':
              project.funding = step.funding;
              await setFunding(db, pid, fundingSpecs(step.funding));
              break;
            case 'role':
              project.role = step.role;
              await db.updateTable('projects').set({ municipality_role: step.role }).where('id', '=', pid).execute();
              break;
            case 'owner_unit':
              project.unit = step.unit;
              await db.updateTable('projects').set({ owner_unit_id: ids.get(step.unit)! }).where('id', '=', pid).execute();
              break;
            case 'assessment':
              assessmentComplete = step.complete;
              await saveAssessment(db, {
                actor,
                municipalityId: m,
                entity: 'project',
                entityId: pid,
                complete: step.complete,
                lang: 'sv',
                input: { totalBenefit: 'N', citizenPerspective: 'M', operationsFit: 'O', strategyFit: 'S', risks: 'R', recommendation: 'approve', recommendationText: 'F', cashMinor: null, staffHours: null },
              });
              break;
            case 'decide_committee':
            case 'decide_delegate': {
              const delegate = step.type === 'decide_delegate';
              await recordDecision(
                db,
                actor,
                m,
                {
                  route: delegate ? 'delegate' : 'committee',
                  bodyId: delegate ? null : ids.get(step.body)!,
                  ruleId: delegate ? ruleIds[step.rule]! : null,
                  decidedOn: day(step.date),
                  paragraph: delegate ? null : '1',
                  registryNumber: null,
                  subjectSv: 'Beslut',
                  subjectEn: null,
                  outcome: step.outcome,
                  conditionsSv: null,
                  projectId: pid,
                  partnershipId: null,
                  // Wrong decisions are recorded too: they must simply not count.
                  confirmMismatch: true,
                },
                'sv',
              );
              decisions.push({ route: delegate ? 'delegate' : 'committee', body: delegate ? null : step.body, rule: delegate ? step.rule : null, outcome: step.outcome, date: step.date, seq: decisions.length });
              break;
            }
            case 'lifecycle': {
              const before = (await loadProjectDecisionState(db, m, pid))!;
              const pure = nextState(expected, step.action, before.facts);
              const mayProceed = oracleMayProceed(project, s.rules, decisions);
              let ok = true;
              try {
                await changeLifecycle(db, { actor, municipalityId: m, projectId: pid, action: step.action, lang: 'sv' });
              } catch (e) {
                if (!(e instanceof AppError) || e.status !== 409) throw e;
                ok = false;
              }
              expect(ok).toBe(pure.ok);
              if ((step.action === 'approve' && expected === 'awaiting_decision') || (step.action === 'start' && expected === 'approved')) expect(ok).toBe(mayProceed);
              if (pure.ok) {
                if (pure.to === 'ongoing') {
                  expect(oracleHasRequiredDecision(project, s.rules, decisions)).toBe(true);
                  ongoing++;
                }
                expected = pure.to;
              }
              const stored = await db.selectFrom('projects').select('lifecycle').where('id', '=', pid).executeTakeFirstOrThrow();
              expect(stored.lifecycle).toBe(expected);
              break;
            }
          }
        }
      }),
      { numRuns: 30 },
    );
    // Some runs must get as far as starting, or the property proves little.
    expect(ongoing).toBeGreaterThan(2);
  }, 300_000);
});
