/**
 * Saves a proposed strategy (from the importer, as confirmed or corrected) as a draft: the
 * strategy, its goal tree, version 1 and the audit entry, in one transaction. Every text is
 * cleaned and cut to a length the database and the forms accept, so nothing is refused halfway.
 */
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { recordAudit } from '../../audit/chain.js';
import { type Actor, auditActor } from '../../policy/actor.js';
import type { ProposedNode, ProposedStrategy } from '../model.js';
import { writeStrategyVersion } from '../versions.js';

/** Longest texts kept, in characters. */
export const LIMITS = {
  title: 500,
  levelName: 100,
  vision: 2000,
  adoptedBy: 200,
  minuteParagraph: 50,
  registryNumber: 100,
  description: 20_000,
  responsibilities: 50_000,
  body: 200_000,
  source: 500,
} as const;

/** Deepest goal tree saved; deeper nodes are attached at this depth. */
const MAX_DEPTH = 12;
const FALLBACK_TITLE = 'Importerad strategi';
const FALLBACK_GOAL = 'Mål utan rubrik';

/** Text without NUL and other control characters (PostgreSQL refuses NUL), with lone surrogates replaced. */
export function cleanText(value: unknown, max: number, singleLine = false): string {
  let s = typeof value === 'string' ? value : value == null ? '' : String(value);
  s = s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  s = singleLine ? s.replace(/\s+/g, ' ').trim() : s.replace(/[ \t]+\n/g, '\n').trim();
  if (s.length <= max) return s;
  // Cut on a character boundary (not inside a surrogate pair).
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function orNull(s: string): string | null {
  return s ? s : null;
}

/** An ISO date that exists on the calendar, else null. */
export function validIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : null;
}

/** Number of nodes in a tree. */
export function countGoals(nodes: readonly ProposedNode[]): number {
  let n = 0;
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    n++;
    if (Array.isArray(node?.children)) stack.push(...node.children);
  }
  return n;
}

/**
 * Saves the proposal as a draft strategy of the municipality and returns its id.
 * @throws when the database refuses (e.g. no such municipality); nothing is then saved.
 */
export async function saveProposedStrategy(db: Kysely<Database>, actor: Actor | null, municipalityId: number, proposal: ProposedStrategy, source: string | null): Promise<number> {
  return db.transaction().execute((trx) => insertProposedStrategy(trx, actor, municipalityId, proposal, source));
}

/**
 * The same inside the caller's transaction (the seed loader saves a municipality and its
 * strategy together): draft strategy, goals, version 1, audit entry.
 */
export async function insertProposedStrategy(
  trx: Transaction<Database>,
  actor: Actor | null,
  municipalityId: number,
  proposal: ProposedStrategy,
  source: string | null,
  systemLabel = 'system:import',
): Promise<number> {
  const title = cleanText(proposal.title, LIMITS.title, true) || FALLBACK_TITLE;
  const sourceText = orNull(cleanText(source, LIMITS.source, true));
  const goals = Array.isArray(proposal.goals) ? proposal.goals : [];
  const now = nowIso();
  const row = await trx
    .insertInto('strategies')
    .values({
      municipality_id: municipalityId,
      title_sv: title,
      title_en: null,
      vision_sv: orNull(cleanText(proposal.vision, LIMITS.vision)),
      vision_en: null,
      adopted_by: orNull(cleanText(proposal.adoptedBy, LIMITS.adoptedBy, true)),
      adopted_on: validIsoDate(proposal.adoptedOn),
      minute_paragraph: orNull(cleanText(proposal.minuteParagraph, LIMITS.minuteParagraph, true)),
      registry_number: orNull(cleanText(proposal.registryNumber, LIMITS.registryNumber, true)),
      responsibilities_sv: orNull(cleanText(proposal.responsibilities, LIMITS.responsibilities)),
      responsibilities_en: null,
      body_sv: orNull(cleanText(proposal.body, LIMITS.body)),
      summary_en: null,
      status: 'draft',
      superseded_by_id: null,
      source: sourceText,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const count = await insertGoals(trx, municipalityId, id, null, goals, 0, now);
  await writeStrategyVersion(trx, id, actor, 'Importerad');
  await recordAudit(trx, {
    municipalityId,
    actor: actor ? auditActor(actor) : { userId: null, label: systemLabel },
    action: 'import',
    entity: 'strategy',
    entityId: id,
    after: { title, goals: count, source: sourceText },
  });
  return id;
}

async function insertGoals(
  trx: Transaction<Database>,
  municipalityId: number,
  strategyId: number,
  parentId: number | null,
  nodes: readonly ProposedNode[],
  depth: number,
  now: string,
): Promise<number> {
  let count = 0;
  let position = 0;
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    const row = await trx
      .insertInto('strategy_goals')
      .values({
        municipality_id: municipalityId,
        strategy_id: strategyId,
        parent_id: parentId,
        position: position++,
        level_name: cleanText(node.levelName, LIMITS.levelName, true) || 'Mål',
        title_sv: cleanText(node.title, LIMITS.title, true) || FALLBACK_GOAL,
        title_en: null,
        description_sv: orNull(cleanText(node.description, LIMITS.description)),
        description_en: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    count++;
    const children = Array.isArray(node.children) ? node.children : [];
    if (children.length) {
      // Beyond the deepest level, children become siblings of their parent's children.
      const goalId = Number(row.id);
      count += depth + 1 >= MAX_DEPTH ? await insertGoals(trx, municipalityId, strategyId, parentId, children, depth, now) : await insertGoals(trx, municipalityId, strategyId, goalId, children, depth + 1, now);
    }
  }
  return count;
}
