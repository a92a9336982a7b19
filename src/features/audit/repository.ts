/** Reading the audit trail: a municipality's log, one record's history, and field-level changes. */
import type { Db } from '../../db/database.js';

export { historyOf } from './chain.js';

/** The municipality's newest entries, optionally of one kind of record, older than `beforeId`. */
export async function municipalityLog(db: Db, municipalityId: number, opts: { entity?: string; beforeId?: number; limit: number }) {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'entity', 'entity_id', 'at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.entity) q = q.where('entity', '=', opts.entity);
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return (await q.execute()).map((r) => ({ ...r, id: Number(r.id) }));
}

const TABLES = { project: 'projects', partnership: 'partnerships', organisation: 'organisations', decision: 'decisions' } as const;

/**
 * Whether a record of a kind with its own table exists in the municipality; undefined for kinds
 * without one (then the history itself tells).
 */
export async function recordExists(db: Db, entity: string, id: number, municipalityId: number): Promise<boolean | undefined> {
  const table = TABLES[entity as keyof typeof TABLES];
  if (!table) return undefined;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row !== undefined;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '–';
  if (typeof v === 'string') return v.length > 500 ? `${v.slice(0, 500)}…` : v;
  const s = JSON.stringify(v);
  return s.length > 500 ? `${s.slice(0, 500)}…` : s;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

/** The fields that differ between two JSON snapshots, in a stable order. */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (k === 'updated_at' || k === 'search_text') continue;
    const b = JSON.stringify(before[k] ?? null);
    const a = JSON.stringify(after[k] ?? null);
    if (a !== b) out.push({ field: k, before: show(before[k]), after: show(after[k]) });
  }
  return out;
}
