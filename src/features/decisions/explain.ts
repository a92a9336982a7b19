/**
 * The decision route in plain Swedish and English, as a civil servant would write it in a
 * tjänsteskrivelse: what the project needs, who decides, and why.
 *
 * @example explainPlan(plan, 'sv', 'project')
 * // "Projektet kräver kommunal medfinansiering (120 000 kr kontant och 200 timmar egen personal,
 * //  värderat till 100 000 kr). Beslut fattas av Kultur- och fritidsnämnden eller, enligt
 * //  delegationsordningen punkt 3.2, av förvaltningschef (upp till 250 000 kr)."
 */

import type { ProjectKind } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { formatMoney, formatNumber } from '../../i18n/index.js';
import { PROJECT_KINDS } from '../../i18n/labels.js';
import type { Cofinancing, DecisionPlan, DelegationRule, OrgNode } from './routing.js';

export const kr = (lang: Lang, minor: number): string => formatMoney(lang, minor, 'SEK');

export function orgName(o: Pick<OrgNode, 'name_sv' | 'name_en'> | null | undefined, lang: Lang): string {
  if (!o) return '';
  return lang === 'en' ? (o.name_en ?? o.name_sv) : o.name_sv;
}

export function hours(lang: Lang, n: number): string {
  const v = formatNumber(lang, n);
  if (lang === 'sv') return `${v} ${n === 1 ? 'timme' : 'timmar'}`;
  return `${v} ${n === 1 ? 'hour' : 'hours'}`;
}

/** "120 000 kr kontant och 200 timmar egen personal, värderat till 100 000 kr". */
export function describeCofinancing(c: Cofinancing, lang: Lang): string {
  const sv = lang === 'sv';
  const parts: string[] = [];
  if (c.cashMinor > 0) parts.push(sv ? `${kr(lang, c.cashMinor)} kontant` : `${kr(lang, c.cashMinor)} in cash`);
  for (const f of c.foreign) parts.push(sv ? `${formatMoney(lang, f.amountMinor, f.currency)} kontant` : `${formatMoney(lang, f.amountMinor, f.currency)} in cash`);
  if (c.staffHours > 0) {
    parts.push(sv ? `${hours(lang, c.staffHours)} egen personal, värderat till ${kr(lang, c.staffValueMinor)}` : `${hours(lang, c.staffHours)} of own staff time, valued at ${kr(lang, c.staffValueMinor)}`);
  } else if (c.staffValueMinor > 0) {
    parts.push(sv ? `egen personaltid värderad till ${kr(lang, c.staffValueMinor)}` : `own staff time valued at ${kr(lang, c.staffValueMinor)}`);
  }
  if (c.unknownAmount) parts.push(sv ? 'belopp som ännu inte är angivet' : 'an amount not yet given');
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${sv ? 'och' : 'and'} ${parts.at(-1)}`;
}

/** "förvaltningschef (upp till 250 000 kr)" with the point of the delegation order when known. */
function delegatePhrase(rule: DelegationRule, lang: Lang, withReference: boolean): string {
  const sv = lang === 'sv';
  const limit = sv ? `upp till ${kr(lang, rule.max_cofinancing_minor)}` : `up to ${kr(lang, rule.max_cofinancing_minor)}`;
  const ref = withReference && rule.reference ? (sv ? `punkt ${rule.reference}, ` : `point ${rule.reference}, `) : '';
  return `${rule.delegate_role} (${ref}${limit})`;
}

/** The rule as one line, for lists and selects: "3.2 Förvaltningschef – Kultur- och fritidsnämnden – upp till 250 000 kr". */
export function ruleLabel(rule: DelegationRule, committee: OrgNode | undefined, lang: Lang): string {
  const sv = lang === 'sv';
  const kinds = rule.project_kinds.length === 0 ? (sv ? 'alla slag' : 'all kinds') : rule.project_kinds.map((k) => PROJECT_KINDS[k][lang].toLowerCase()).join(', ');
  const parts = [
    rule.reference ? `${sv ? 'Punkt' : 'Point'} ${rule.reference}: ${rule.delegate_role}` : rule.delegate_role,
    orgName(committee, lang),
    kinds,
    sv ? `upp till ${kr(lang, rule.max_cofinancing_minor)}` : `up to ${kr(lang, rule.max_cofinancing_minor)}`,
  ].filter(Boolean);
  return parts.join(' – ');
}

function kindLabel(kind: ProjectKind, lang: Lang): string {
  return PROJECT_KINDS[kind][lang].toLowerCase();
}

/**
 * Sentences that explain the plan. `subject` names what is decided on ("Projektet"); `kind` is
 * the project's kind, named when the delegation order does not cover it.
 */
export function explainPlan(plan: DecisionPlan, lang: Lang, kind?: ProjectKind): string[] {
  const sv = lang === 'sv';
  const out: string[] = [];
  const c = plan.cofinancing;
  if (!plan.needed) {
    out.push(
      sv
        ? 'Inget beslut behövs innan projektet startar: det kräver ingen kommunal medfinansiering, varken kontant eller som egen personaltid, och kommunen är inte projektägare.'
        : 'No decision is needed before the project starts: it needs no municipal co-financing, in cash or as own staff time, and the municipality is not the project owner.',
    );
    return out;
  }
  const what = c.any ? describeCofinancing(c, lang) : '';
  if (c.any && plan.owner) out.push(sv ? `Projektet kräver kommunal medfinansiering (${what}) och kommunen är projektägare.` : `The project needs municipal co-financing (${what}) and the municipality is the project owner.`);
  else if (c.any) out.push(sv ? `Projektet kräver kommunal medfinansiering (${what}).` : `The project needs municipal co-financing (${what}).`);
  else out.push(sv ? 'Kommunen är projektägare.' : 'The municipality is the project owner.');

  const committee = orgName(plan.committee, lang);
  const unit = orgName(plan.ownerUnit, lang);
  switch (plan.committeeSource) {
    case 'fallback_no_unit':
      out.push(sv ? `Projektet har ingen ansvarig enhet angiven, så ärendet går till ${committee}.` : `The project has no responsible unit, so the matter goes to the ${committee}.`);
      break;
    case 'fallback_not_configured':
      out.push(
        sv
          ? `Delegationsordningen anger ingen ansvarig nämnd för ${unit}, så ärendet går till ${committee}. Ange ansvarig nämnd under Delegationsordning om en annan nämnd ska besluta.`
          : `The delegation order names no responsible committee for ${unit}, so the matter goes to the ${committee}. Set the responsible committee under Delegation order if another committee should decide.`,
      );
      break;
    case 'missing':
      out.push(
        sv
          ? 'Det går inte att avgöra vem som ska besluta: ingen ansvarig nämnd är angiven och kommunen har ingen kommunstyrelse registrerad. Ange ansvarig nämnd under Delegationsordning.'
          : 'It cannot be determined who decides: no responsible committee is set and the municipality has no executive board registered. Set the responsible committee under Delegation order.',
      );
      return out;
    default:
      break;
  }

  if (plan.owner) {
    out.push(
      sv
        ? `Eftersom kommunen är projektägare ska beslutet alltid fattas av ${committee}; ett delegationsbeslut räcker inte.`
        : `Because the municipality is the project owner, the decision must always be taken by the ${committee}; a delegated decision is not enough.`,
    );
    return out;
  }
  if (plan.delegates.length === 1) {
    const r = plan.delegates[0]!;
    const ref = r.reference ? (sv ? `enligt delegationsordningen punkt ${r.reference}` : `under point ${r.reference} of the delegation order`) : sv ? 'enligt delegationsordningen' : 'under the delegation order';
    out.push(sv ? `Beslut fattas av ${committee} eller, ${ref}, av ${delegatePhrase(r, lang, false)}.` : `The decision is taken by the ${committee} or, ${ref}, by the ${delegatePhrase(r, lang, false)}.`);
    return out;
  }
  if (plan.delegates.length > 1) {
    const list = plan.delegates.map((r) => delegatePhrase(r, lang, true)).join(sv ? ' eller av ' : ' or by the ');
    out.push(sv ? `Beslut fattas av ${committee} eller, enligt delegationsordningen, av ${list}.` : `The decision is taken by the ${committee} or, under the delegation order, by the ${list}.`);
    return out;
  }
  out.push(sv ? `Beslut fattas av ${committee}.` : `The decision is taken by the ${committee}.`);
  switch (plan.delegateBlock) {
    case 'kind':
      if (kind) out.push(sv ? `Delegationsordningen ger ingen delegat rätt att besluta om ${kindLabel(kind, lang)}.` : `The delegation order gives no delegate the right to decide on a ${kindLabel(kind, lang)}.`);
      break;
    case 'over_limit': {
      const r = plan.tooSmallRules[0];
      if (r)
        out.push(
          sv
            ? `Medfinansieringen (${kr(lang, c.totalMinor)}) är större än vad delegationsordningen låter en delegat besluta om (${delegatePhrase(r, lang, true)}).`
            : `The co-financing (${kr(lang, c.totalMinor)}) is more than the delegation order lets a delegate decide on (${delegatePhrase(r, lang, true)}).`,
        );
      break;
    }
    case 'not_comparable':
      out.push(
        sv
          ? 'Medfinansieringen är delvis i annan valuta än kronor eller saknar belopp, och kan därför inte prövas mot delegationsordningens beloppsgränser.'
          : 'Part of the co-financing is in a currency other than Swedish kronor or has no amount, so it cannot be checked against the limits of the delegation order.',
      );
      break;
    default:
      break;
  }
  return out;
}

/** "Kultur- och fritidsnämnden" or "Kultur- och fritidsnämnden eller förvaltningschef enligt delegationsordningen". */
export function whoDecides(plan: DecisionPlan, lang: Lang): string {
  const sv = lang === 'sv';
  const committee = plan.committee ? orgName(plan.committee, lang) : sv ? 'ansvarig nämnd' : 'the responsible committee';
  if (plan.delegates.length === 0) return sv ? committee : `the ${committee}`;
  const roles = [...new Set(plan.delegates.map((r) => r.delegate_role))].join(sv ? ' eller ' : ' or ');
  return sv ? `${committee} eller av ${roles} enligt delegationsordningen` : `the ${committee} or by the ${roles} under the delegation order`;
}
