/**
 * Writes of the decisions feature: recording decisions (with registry numbers), the delegation
 * order, the municipality's settings. Every write runs in one transaction with its audit entry.
 * Callers have checked the policy; these functions check that every referenced record belongs to
 * the municipality, and throw `AppError`s with field errors in the caller's language.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { DecisionOutcome, DecisionRoute, ProjectKind } from '../../db/schema.js';
import { AppError, type FieldError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/chain.js';
import { type Actor, auditActor } from '../policy/actor.js';
import { orgName, whoDecides } from './explain.js';
import { loadProjectDecisionState } from './lifecycle.js';
import { issueRegistryNumber, normaliseRegistryNumber, registryYear } from './registry.js';
import {
  COMMITTEE_KINDS,
  DECIDING_KINDS,
  DEFAULT_REGISTRY_PREFIX,
  DEFAULT_STAFF_HOUR_COST_MINOR,
  findPartnership,
  findRule,
  loadCommitteeUnits,
  loadInternalOrganisations,
  loadRules,
  loadSettings,
  UNIT_KINDS,
} from './repository.js';
import { decisionMatches } from './routing.js';


const invalid = (lang: Lang, errors: FieldError[]) =>
  new AppError('invalid_form', lang === 'sv' ? 'Formuläret innehåller fel. Rätta dem och försök igen.' : 'The form has errors. Correct them and try again.', errors);

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite "UNIQUE constraint failed"). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || /UNIQUE constraint failed/i.test(err?.message ?? '');
}

export interface DecisionInput {
  route: DecisionRoute;
  bodyId: number | null;
  ruleId: number | null;
  decidedOn: string;
  paragraph: string | null;
  /** Null: issue the next number. */
  registryNumber: string | null;
  subjectSv: string;
  subjectEn: string | null;
  outcome: DecisionOutcome;
  conditionsSv: string | null;
  projectId: number | null;
  partnershipId: number | null;
  /** Record a decision that does not match the project's route anyway. */
  confirmMismatch: boolean;
}

/**
 * Records a decision, links it to its project or partnership, and gives it a registry number
 * (the next one, or the one typed by hand). Throws 400 with field errors, or 409 when the
 * registry number is taken.
 */
export async function recordDecision(db: Db, actor: Actor, municipalityId: number, input: DecisionInput, lang: Lang): Promise<{ id: number; registryNumber: string }> {
  const sv = lang === 'sv';
  try {
    return await db.transaction().execute(async (trx) => {
      const errors: FieldError[] = [];
      let bodyId: number | null = null;
      let delegateRole: string | null = null;
      let ruleId: number | null = null;
      if (input.route === 'committee') {
        const body = input.bodyId == null ? undefined : (await loadInternalOrganisations(trx, municipalityId)).find((o) => o.id === input.bodyId && (DECIDING_KINDS as readonly string[]).includes(o.kind));
        if (!body) errors.push({ field: 'body_id', message: sv ? 'Välj den nämnd eller styrelse som fattade beslutet.' : 'Choose the committee or board that took the decision.' });
        else bodyId = body.id;
        if (!input.paragraph) errors.push({ field: 'paragraph', message: sv ? 'Fyll i paragrafen i protokollet. Nämndbeslut har alltid en paragraf.' : 'Enter the paragraph in the minutes. Committee decisions always have one.' });
      } else {
        const rule = input.ruleId == null ? undefined : await findRule(trx, municipalityId, input.ruleId);
        if (!rule) errors.push({ field: 'rule_id', message: sv ? 'Välj den punkt i delegationsordningen som delegaten beslutade enligt.' : 'Choose the point of the delegation order the delegate decided under.' });
        else {
          ruleId = rule.id;
          delegateRole = rule.delegate_role;
        }
      }
      let registryNumber: string | null = null;
      if (input.registryNumber != null) {
        registryNumber = normaliseRegistryNumber(input.registryNumber) ?? null;
        if (!registryNumber) errors.push({ field: 'registry_number', message: sv ? 'Skriv diarienumret som i diariet, till exempel KS 2019/45.' : 'Write the registry number as in the register, for example KS 2019/45.' });
      }
      let projectTitle: string | undefined;
      if (input.projectId != null) {
        const state = await loadProjectDecisionState(trx, municipalityId, input.projectId);
        if (!state) throw new AppError('not_found', sv ? 'Projektet finns inte.' : 'The project does not exist.');
        projectTitle = state.project.title_sv;
        const decisive = input.outcome === 'approved' || input.outcome === 'rejected';
        if (errors.length === 0 && decisive && !input.confirmMismatch && state.plan.needed) {
          const facts = { id: 0, outcome: input.outcome, route: input.route, body_id: bodyId, delegation_rule_id: ruleId, decided_on: input.decidedOn };
          if (!decisionMatches(state.plan, facts)) {
            const who = whoDecides(state.plan, lang);
            const why = state.plan.owner && input.route === 'delegate'
              ? sv ? ' Kommunen är projektägare, så ett delegationsbeslut räcker inte.' : ' The municipality is the project owner, so a delegated decision is not enough.'
              : '';
            errors.push({
              field: input.route === 'committee' ? 'body_id' : 'rule_id',
              message: sv
                ? `Beslutet följer inte projektets beslutsväg: beslut ska fattas av ${who}.${why} Kontrollera uppgifterna, eller kryssa i att beslutet ska registreras ändå.`
                : `The decision does not follow the project’s route: it must be taken by ${who}.${why} Check the details, or tick that the decision should be recorded anyway.`,
            });
          }
        }
      }
      if (input.partnershipId != null && !(await findPartnership(trx, municipalityId, input.partnershipId))) {
        throw new AppError('not_found', sv ? 'Samarbetet finns inte.' : 'The partnership does not exist.');
      }
      if (errors.length) throw invalid(lang, errors);

      if (registryNumber) {
        const taken = await trx.selectFrom('decisions').select('id').where('municipality_id', '=', municipalityId).where('registry_number', '=', registryNumber).executeTakeFirst();
        if (taken) throw registryTaken(lang, registryNumber);
      } else {
        const settings = await loadSettings(trx, municipalityId);
        registryNumber = await issueRegistryNumber(trx, municipalityId, settings.registryPrefix, registryYear());
      }
      const row = {
        municipality_id: municipalityId,
        body_id: bodyId,
        delegate_role: delegateRole,
        decided_on: input.decidedOn,
        paragraph: input.paragraph,
        registry_number: registryNumber,
        subject_sv: input.subjectSv,
        subject_en: input.subjectEn,
        outcome: input.outcome,
        conditions_sv: input.conditionsSv,
        source: null,
        created_at: nowIso(),
        route: input.route,
        delegation_rule_id: ruleId,
        recorded_by: actor.userId,
      };
      const inserted = await trx.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow();
      const id = Number(inserted.id);
      if (input.projectId != null) await trx.insertInto('project_decisions').values({ project_id: input.projectId, decision_id: id }).execute();
      if (input.partnershipId != null) await trx.insertInto('partnership_decisions').values({ partnership_id: input.partnershipId, decision_id: id }).execute();
      await recordAudit(trx, {
        municipalityId,
        actor: auditActor(actor),
        action: 'create',
        entity: 'decision',
        entityId: id,
        before: null,
        after: { ...row, id, project_id: input.projectId, partnership_id: input.partnershipId },
        details: projectTitle ? { project: projectTitle, recorded_despite_route: input.confirmMismatch || undefined } : undefined,
      });
      return { id, registryNumber };
    });
  } catch (e) {
    if (isUniqueViolation(e) && input.registryNumber != null) throw registryTaken(lang, normaliseRegistryNumber(input.registryNumber) ?? input.registryNumber);
    throw e;
  }
}

function registryTaken(lang: Lang, n: string): AppError {
  const message = lang === 'sv' ? `Diarienumret ${n} används redan av ett annat beslut i kommunen. Kontrollera numret.` : `The registry number ${n} is already used by another decision in the municipality. Check the number.`;
  return new AppError('conflict', message, [{ field: 'registry_number', message }]);
}

// ── Settings ──────────────────────────────────────────────────────────────────

export async function saveSettings(db: Db, actor: Actor, municipalityId: number, values: { staffHourCostMinor: number; registryPrefix: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx, municipalityId);
    const now = nowIso();
    await trx
      .insertInto('municipality_settings')
      .values({ municipality_id: municipalityId, staff_hour_cost_minor: values.staffHourCostMinor, registry_prefix: values.registryPrefix, updated_at: now })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ staff_hour_cost_minor: values.staffHourCostMinor, registry_prefix: values.registryPrefix, updated_at: now }))
      .execute();
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: 'update',
      entity: 'municipality_settings',
      entityId: municipalityId,
      before: before.saved ? { staff_hour_cost_minor: before.staffHourCostMinor, registry_prefix: before.registryPrefix } : null,
      after: { staff_hour_cost_minor: values.staffHourCostMinor, registry_prefix: values.registryPrefix },
    });
  });
}

// ── Delegation order ──────────────────────────────────────────────────────────

/**
 * Sets the responsible committee of each unit named in `assignments` (null clears it). Units and
 * committees must be the municipality's own; throws 400 otherwise.
 */
export async function saveCommitteeUnits(db: Db, actor: Actor, municipalityId: number, assignments: Map<number, number | null>, lang: Lang): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const orgs = await loadInternalOrganisations(trx, municipalityId);
    const units = new Set(orgs.filter((o) => (UNIT_KINDS as readonly string[]).includes(o.kind)).map((o) => o.id));
    const committees = new Set(orgs.filter((o) => (COMMITTEE_KINDS as readonly string[]).includes(o.kind)).map((o) => o.id));
    const errors: FieldError[] = [];
    for (const [unit, committee] of assignments) {
      if (!units.has(unit)) errors.push({ field: `committee_${unit}`, message: lang === 'sv' ? 'Enheten finns inte i kommunen.' : 'The unit does not exist in the municipality.' });
      else if (committee != null && !committees.has(committee)) errors.push({ field: `committee_${unit}`, message: lang === 'sv' ? 'Välj en av kommunens nämnder.' : 'Choose one of the municipality’s committees.' });
    }
    if (errors.length) throw invalid(lang, errors);
    const before = Object.fromEntries(await loadCommitteeUnits(trx, municipalityId));
    const ids = [...assignments.keys()];
    if (ids.length) await trx.deleteFrom('committee_units').where('unit_id', 'in', ids).execute();
    const rows = [...assignments].filter(([, c]) => c != null).map(([unit_id, committee_id]) => ({ unit_id, committee_id: committee_id! }));
    if (rows.length) await trx.insertInto('committee_units').values(rows).execute();
    const after = Object.fromEntries(await loadCommitteeUnits(trx, municipalityId));
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'committee_units', entityId: municipalityId, before, after });
  });
}

export interface RuleInput {
  committeeId: number;
  delegateRole: string;
  projectKinds: ProjectKind[];
  maxCofinancingMinor: number;
  reference: string | null;
}

/** Creates (id undefined) or updates a point of the delegation order. Returns its id. */
export async function saveRule(db: Db, actor: Actor, municipalityId: number, id: number | undefined, input: RuleInput, lang: Lang): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const orgs = await loadInternalOrganisations(trx, municipalityId);
    if (!orgs.some((o) => o.id === input.committeeId && (COMMITTEE_KINDS as readonly string[]).includes(o.kind))) {
      throw invalid(lang, [{ field: 'committee_id', message: lang === 'sv' ? 'Välj en av kommunens nämnder.' : 'Choose one of the municipality’s committees.' }]);
    }
    const now = nowIso();
    const values = {
      committee_id: input.committeeId,
      delegate_role: input.delegateRole,
      project_kinds: JSON.stringify(input.projectKinds),
      max_cofinancing_minor: input.maxCofinancingMinor,
      reference: input.reference,
      updated_at: now,
    };
    if (id === undefined) {
      const r = await trx.insertInto('delegation_rules').values({ ...values, municipality_id: municipalityId, created_at: now }).returning('id').executeTakeFirstOrThrow();
      const newId = Number(r.id);
      await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'delegation_rule', entityId: newId, before: null, after: values });
      return newId;
    }
    const before = await findRule(trx, municipalityId, id);
    if (!before) throw new AppError('not_found', lang === 'sv' ? 'Punkten finns inte.' : 'The point does not exist.');
    await trx.updateTable('delegation_rules').set(values).where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'delegation_rule', entityId: id, before, after: values });
    return id;
  });
}

/**
 * Removes a point of the delegation order. Refused (409) while decisions cite it: they were
 * taken under it, and removing it would make them look unfounded; change the point instead.
 */
export async function deleteRule(db: Db, actor: Actor, municipalityId: number, id: number, lang: Lang): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findRule(trx, municipalityId, id);
    if (!before) throw new AppError('not_found', lang === 'sv' ? 'Punkten finns inte.' : 'The point does not exist.');
    const used = await trx.selectFrom('decisions').select('id').where('municipality_id', '=', municipalityId).where('delegation_rule_id', '=', id).executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        lang === 'sv'
          ? 'Punkten kan inte tas bort eftersom registrerade beslut är fattade med stöd av den. Ändra punkten i stället.'
          : 'The point cannot be removed because recorded decisions were taken under it. Edit the point instead.',
      );
    }
    await trx.deleteFrom('delegation_rules').where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'delete', entity: 'delegation_rule', entityId: id, before, after: null });
  });
}

export interface DefaultDelegationResult {
  settingsCreated: boolean;
  unitsAssigned: number;
  ruleCreated: boolean;
}

/**
 * Gives a municipality a starting delegation order for demonstrations, without touching anything
 * it has set itself (idempotent):
 * - its settings row with the defaults (500 kr per hour, prefix KS) when it has none;
 * - when no unit has a responsible committee yet: every top-level unit (department, company,
 *   unit without a parent) placed under the executive board;
 * - when it has no delegation rules: one example point, the municipal director ("kommundirektör")
 *   deciding on behalf of the executive board on every kind of project up to 100 000 kr.
 * These are examples, not the municipality's adopted delegation order: the seed documents do not
 * contain one. The page /:kommun/delegationsordning shows and edits them.
 */
export async function ensureDefaultDelegation(db: Db, municipalityId: number): Promise<DefaultDelegationResult> {
  return db.transaction().execute(async (trx) => {
    const result: DefaultDelegationResult = { settingsCreated: false, unitsAssigned: 0, ruleCreated: false };
    const now = nowIso();
    const settings = await loadSettings(trx, municipalityId);
    if (!settings.saved) {
      await trx
        .insertInto('municipality_settings')
        .values({ municipality_id: municipalityId, staff_hour_cost_minor: DEFAULT_STAFF_HOUR_COST_MINOR, registry_prefix: DEFAULT_REGISTRY_PREFIX, updated_at: now })
        .onConflict((oc) => oc.column('municipality_id').doNothing())
        .execute();
      result.settingsCreated = true;
    }
    const orgs = await loadInternalOrganisations(trx, municipalityId);
    const board = orgs.filter((o) => o.kind === 'executive_board').sort((a, b) => a.id - b.id)[0];
    if (board) {
      const mapped = await loadCommitteeUnits(trx, municipalityId);
      if (mapped.size === 0) {
        const rows = orgs.filter((o) => (UNIT_KINDS as readonly string[]).includes(o.kind) && o.parent_id == null).map((o) => ({ unit_id: o.id, committee_id: board.id }));
        if (rows.length) await trx.insertInto('committee_units').values(rows).execute();
        result.unitsAssigned = rows.length;
      }
      if ((await loadRules(trx, municipalityId)).length === 0) {
        await trx
          .insertInto('delegation_rules')
          .values({ municipality_id: municipalityId, committee_id: board.id, delegate_role: 'kommundirektör', project_kinds: '[]', max_cofinancing_minor: 10_000_000, reference: null, created_at: now, updated_at: now })
          .execute();
        result.ruleCreated = true;
      }
    }
    if (result.settingsCreated || result.unitsAssigned || result.ruleCreated) {
      await recordAudit(trx, {
        municipalityId,
        actor: { userId: null, label: 'system:default-delegation' },
        action: 'create',
        entity: 'delegation_order',
        entityId: municipalityId,
        before: null,
        after: result,
        details: { note: 'example delegation order for demonstration; edit it under /delegationsordning', board: board ? orgName(board, 'sv') : null },
      });
    }
    return result;
  });
}
