/**
 * The audit trail: every change in the back office is written here in the same transaction as the
 * change itself. Append-only (database triggers refuse UPDATE and DELETE) and tamper-evident: each
 * entry's hash covers its own content and the previous entry's hash, so editing or removing an
 * entry behind the application's back breaks the chain, which `npm run audit:verify` detects.
 *
 * Entries form one chain in commit order: the writer locks the single `audit_head` row (SQLite
 * transactions are serialised by BEGIN IMMEDIATE already; PostgreSQL gets `FOR UPDATE`).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { isPostgres, nowIso } from '../../db/database.js';

export interface AuditActor {
  /** The signed-in user, or null for the system (seed, CLI, scheduled work). */
  userId: number | null;
  /** Shown in the history: the person's name and e-mail, or "system:seed". */
  label: string;
}

export interface AuditEntry {
  municipalityId: number | null;
  actor: AuditActor;
  /** What happened, e.g. `create`, `update`, `submit`, `publish`, `login`. */
  action: string;
  /** Table-like name of the record, e.g. `project`. */
  entity: string;
  entityId: string | number | null;
  /** The record before and after the change (any JSON value; null when it did not exist). */
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping (a comment, a count). */
  details?: unknown;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** The text an entry's hash covers: every stored field except the id, in a fixed order. */
export function entryDigestInput(e: {
  municipality_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
  at: string;
  user_id: number | null;
  before_data: string | null;
  after_data: string | null;
  prev_hash: string | null;
}): string {
  return JSON.stringify([
    e.prev_hash ?? '',
    e.municipality_id === null ? null : Number(e.municipality_id),
    e.user_id === null ? null : Number(e.user_id),
    e.actor,
    e.action,
    e.entity,
    e.entity_id,
    e.before_data,
    e.after_data,
    e.details,
    e.at,
  ]);
}

export function hashEntry(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change.
 * @example await recordAudit(trx, { municipalityId: 1, actor, action: 'update', entity: 'project', entityId: 7, before, after })
 */
export async function recordAudit(trx: Db, entry: AuditEntry): Promise<void> {
  const pg = isPostgres(trx);
  let q = trx.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1);
  if (pg) q = q.forUpdate();
  const head = await q.executeTakeFirst();
  const row = {
    municipality_id: entry.municipalityId,
    actor: entry.actor.label,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    details: json(entry.details),
    at: nowIso(),
    user_id: entry.actor.userId,
    before_data: json(entry.before),
    after_data: json(entry.after),
    prev_hash: head?.last_hash ?? null,
  };
  const hash = hashEntry(entryDigestInput(row));
  const inserted = await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('audit_head').set({ last_id: Number(inserted.id), last_hash: hash }).where('id', '=', 1).execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match, and why. */
  brokenAt?: { id: number; reason: string };
}

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prev: string | null = null;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = Number(r.id);
      if ((r.prev_hash ?? null) !== prev) return { ok: false, checked, brokenAt: { id, reason: 'link to the previous entry does not match' } };
      const expected = hashEntry(entryDigestInput({ ...r, user_id: r.user_id === null ? null : Number(r.user_id) }));
      if (r.hash !== expected) return { ok: false, checked, brokenAt: { id, reason: 'content does not match its hash' } };
      prev = r.hash;
      lastId = id;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (head.last_hash ?? null) !== prev) {
    return { ok: false, checked, brokenAt: { id: Number(head.last_id ?? 0), reason: 'the newest entries are missing' } };
  }
  return { ok: true, checked };
}

/** The history of one record, newest first. */
export async function historyOf(db: Db, entity: string, entityId: number | string, municipalityId: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'at', 'before_data', 'after_data', 'details'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
