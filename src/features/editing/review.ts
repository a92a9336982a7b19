/**
 * Publication with review (AL-14), for any record the public sees: projects, partnerships.
 *
 * How it works:
 * - A record that has never been published (`publication_state` draft or in_review) is edited IN
 *   PLACE: every save writes the live row, which the public site and API do not show anyway.
 * - A PUBLISHED record being edited gets a revision (a row in `revisions` holding the whole form
 *   as JSON). The live row, which the public site and API show, stays unchanged until a
 *   coordinator publishes the revision.
 * - A record has at most one open revision (state draft, in_review or returned). Saving updates
 *   it (or opens one); `submitForReview` sets it in_review; the coordinator then either
 *   `publish`es it (applies it to the live row, sets publication_state 'published' and
 *   published_at) or `sendBack`s it with a comment (state 'returned'; the comment is shown to
 *   the editor until they submit again). `discardDraft` throws the open revision away.
 *   For a never-published record the revision is only the review ticket (who submitted, the
 *   comment); its data equals the live row's. Submitting also sets the live row in_review;
 *   saving or sending back sets it to draft again.
 * - Who may: action 'edit' on the record's owner unit (and on the new owner unit, when the edit
 *   moves the record) saves, submits and discards; only action 'publish' publishes and sends back.
 *   A coordinator may publish a draft directly (they may publish; no one else has to review it).
 * - Every function runs in one transaction and writes an audit entry (before/after) in it.
 *   Errors are AppErrors (404 missing, 403 not allowed, 409 wrong state), messages in sv/en.
 *
 * Each entity supplies a `ReviewAdapter`: how to load its live data and how to write data to the
 * live tables (optionally: create, owner unit of the data, title, field-by-field description).
 * `T` must be plain JSON (it is stored in `revisions.data`). `createDraft` makes a new record as
 * a never-published draft. `registerReviewAdapter(adapter)` (once, at module load) puts the
 * entity in the review queue at `/admin/:kommun/granskning`, which lists `pendingReviews`, shows
 * before/after with `describe`, and publishes or sends back through the adapter. The reviewer's
 * page passes `expected` (revision id and updated_at), so a revision saved again after the
 * reviewer opened it is not published unseen (409).
 *
 * @example
 *   const copy = await workingCopy(db, projectAdapter, m.id, id);           // what the form shows
 *   await saveDraft(db, projectAdapter, { municipalityId: m.id, id, actor, lang, data });
 *   await submitForReview(db, projectAdapter, { municipalityId: m.id, id, actor, lang });
 *   await publish(db, projectAdapter, { municipalityId: m.id, id, actor, lang });   // coordinator
 */
import { sql } from 'kysely';
import { type Db, isPostgres, nowIso } from '../../db/database.js';
import type { PublicationState, RevisionState } from '../../db/schema.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/chain.js';
import { type Actor, auditActor } from '../policy/actor.js';
import { authorize, recordNotFound } from '../policy/policy.js';

export type ReviewEntity = 'project' | 'partnership';

export interface LiveRecord<T> {
  data: T;
  ownerUnitId: number | null;
  publicationState: PublicationState;
}

export interface ReviewAdapter<T> {
  entity: ReviewEntity;
  /** The live record (with its owner unit and publication state), or undefined if missing in that municipality. */
  loadLive(db: Db, municipalityId: number, id: number): Promise<LiveRecord<T> | undefined>;
  /** Writes `data` to the live tables (inside the caller's transaction). Must not touch publication_state. */
  apply(trx: Db, municipalityId: number, id: number, data: T): Promise<void>;
  /** The owner unit `data` gives the record, when the form can change it (checked against the editor's units). */
  ownerUnitOf?(data: T): number | null;
  /** Optional: a readable title, for the review queue. */
  title?(data: T, lang: Lang): string;
  /**
   * Optional: the fields as label/value pairs (names looked up, values as text), for the
   * field-by-field before/after view of the review queue. Without it the queue compares the
   * data's top-level keys as JSON.
   */
  describe?(db: Db, municipalityId: number, data: T, lang: Lang): Promise<ReviewField[]>;
  /** Optional: the back-office page of the record, without the `/admin` prefix (e.g. `/arvika/projekt/7`). */
  path?(municipalitySlug: string, id: number): string;
  /**
   * Optional: creates the record as a never-published draft from `data` (inside the caller's
   * transaction) and returns its id. Needed by `createDraft`.
   */
  create?(trx: Db, municipalityId: number, data: T): Promise<number>;
}

export interface ReviewField {
  key: string;
  label: string;
  value: string;
}

/** The open revision of a record, as the pages show it. */
export interface OpenRevision {
  id: number;
  state: 'draft' | 'in_review' | 'returned';
  reviewComment: string | null;
  createdBy: number | null;
  submittedBy: number | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
}

export interface WorkingCopy<T> {
  /** What the editor sees and edits: the open revision's data, else the live data. */
  data: T;
  /** What is live now (public when publicationState is 'published'). */
  live: T;
  ownerUnitId: number | null;
  publicationState: PublicationState;
  /** True once the record has been published (edits then go through a revision). */
  everPublished: boolean;
  revision?: OpenRevision;
}

/**
 * The revision a reviewer looked at: publishing or sending back fails with 409 when the open
 * revision is another one, or has been saved again since (`updatedAt`), so no one publishes
 * what they have not seen.
 */
export interface ExpectedRevision {
  revisionId: number;
  updatedAt?: string;
}

function matches(rev: { id: number; updated_at: string } | undefined, expected: ExpectedRevision | undefined): boolean {
  if (!expected) return true;
  if (!rev || Number(rev.id) !== expected.revisionId) return false;
  return expected.updatedAt === undefined || expected.updatedAt === rev.updated_at;
}

export interface ReviewCall {
  municipalityId: number;
  id: number;
  actor: Actor;
  lang: Lang;
}

const OPEN: RevisionState[] = ['draft', 'in_review', 'returned'];

const TEXT = {
  notInReview: {
    sv: 'Det finns ingen ändring som väntar på granskning. Någon annan kan redan ha granskat den; ladda om sidan.',
    en: 'There is no change awaiting review. Someone else may already have reviewed it; reload the page.',
  },
  nothingToDiscard: { sv: 'Det finns inget utkast att kasta.', en: 'There is no draft to discard.' },
  alreadyInReview: { sv: 'Ändringen väntar redan på granskning.', en: 'The change is already awaiting review.' },
  archived: { sv: 'Uppgiften är arkiverad och kan inte ändras.', en: 'The record is archived and cannot be changed.' },
  commentRequired: { sv: 'Skriv en kommentar som talar om vad som behöver ändras.', en: 'Write a comment saying what needs to change.' },
  commentTooLong: { sv: 'Kommentaren får ha högst 2000 tecken.', en: 'The comment must be 2000 characters or fewer.' },
};

/** States of the live row in which edits are made in place (the public never sees them). */
function neverPublished(state: PublicationState): boolean {
  return state === 'draft' || state === 'in_review';
}

/** Serialises review work on one record (PostgreSQL; SQLite write transactions are serial already). */
async function lockRecord(trx: Db, entity: ReviewEntity, id: number): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(${entity === 'project' ? 1 : 2}, ${id % 2147483647})`.execute(trx);
}

async function loadOpenRevision(db: Db, entity: ReviewEntity, municipalityId: number, id: number) {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .where('state', 'in', OPEN)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

function openRevisionOf(r: NonNullable<Awaited<ReturnType<typeof loadOpenRevision>>>): OpenRevision {
  return {
    id: Number(r.id),
    state: r.state as OpenRevision['state'],
    reviewComment: r.review_comment,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    submittedBy: r.submitted_by === null ? null : Number(r.submitted_by),
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    updatedAt: r.updated_at,
  };
}

async function liveOr404<T>(db: Db, adapter: ReviewAdapter<T>, municipalityId: number, id: number, lang: Lang): Promise<LiveRecord<T>> {
  const live = await adapter.loadLive(db, municipalityId, id);
  if (!live) throw recordNotFound(lang);
  return live;
}

/**
 * What the edit form and the record page show: the open revision's data if there is one, else
 * the live data. Undefined when the record does not exist in that municipality. No permission
 * check (callers check 'view').
 */
export async function workingCopy<T>(db: Db, adapter: ReviewAdapter<T>, municipalityId: number, id: number): Promise<WorkingCopy<T> | undefined> {
  const live = await adapter.loadLive(db, municipalityId, id);
  if (!live) return undefined;
  const rev = await loadOpenRevision(db, adapter.entity, municipalityId, id);
  const everPublished = !neverPublished(live.publicationState);
  return {
    data: rev && everPublished ? (JSON.parse(rev.data) as T) : live.data,
    live: live.data,
    ownerUnitId: live.ownerUnitId,
    publicationState: live.publicationState,
    everPublished,
    revision: rev ? openRevisionOf(rev) : undefined,
  };
}

/** May `actor` edit the record (its current owner unit)? Throws 403/404 otherwise. */
function authorizeEdit<T>(adapter: ReviewAdapter<T>, call: ReviewCall, live: LiveRecord<T>, data?: T): void {
  authorize(call.actor, 'edit', { municipalityId: call.municipalityId, ownerUnitId: live.ownerUnitId }, call.lang);
  if (data !== undefined && adapter.ownerUnitOf) {
    const next = adapter.ownerUnitOf(data);
    if (next !== live.ownerUnitId) authorize(call.actor, 'edit', { municipalityId: call.municipalityId, ownerUnitId: next }, call.lang);
  }
}

async function setPublicationState(trx: Db, entity: ReviewEntity, municipalityId: number, id: number, state: PublicationState, publishedAt?: string): Promise<void> {
  const now = nowIso();
  if (entity === 'project') {
    await trx
      .updateTable('projects')
      .set(publishedAt ? { publication_state: state, published_at: publishedAt, updated_at: now } : { publication_state: state, updated_at: now })
      .where('id', '=', id)
      .where('municipality_id', '=', municipalityId)
      .execute();
  } else {
    // Partnerships have no published_at column; publication_state says it all.
    await trx.updateTable('partnerships').set({ publication_state: state, updated_at: now }).where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
  }
}

/**
 * Creates a new record as a draft (never published, invisible to the public), action 'edit' on
 * the owner unit that `data` gives it. Returns the new id.
 */
export async function createDraft<T>(db: Db, adapter: ReviewAdapter<T>, call: { municipalityId: number; actor: Actor; lang: Lang; data: T }): Promise<number> {
  const create = adapter.create;
  if (!create) throw new Error(`The ${adapter.entity} review adapter cannot create records`);
  authorize(call.actor, 'edit', { municipalityId: call.municipalityId, ownerUnitId: adapter.ownerUnitOf ? adapter.ownerUnitOf(call.data) : null }, call.lang);
  return db.transaction().execute(async (trx) => {
    const id = await create(trx, call.municipalityId, call.data);
    await recordAudit(trx, { municipalityId: call.municipalityId, actor: auditActor(call.actor), action: 'create', entity: adapter.entity, entityId: id, before: null, after: call.data });
    return id;
  });
}

export interface SaveResult {
  /** 'in_place': the live (never-published) row was written; 'revision': the published row is untouched. */
  mode: 'in_place' | 'revision';
  revisionId?: number;
}

/**
 * Saves the editor's data: in place for a never-published record, else into the record's open
 * revision (opening one). A revision that was in review or sent back becomes a draft again (it
 * must be submitted anew); a sent-back revision keeps its comment until then.
 */
export async function saveDraft<T>(db: Db, adapter: ReviewAdapter<T>, call: ReviewCall & { data: T }): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    await lockRecord(trx, adapter.entity, call.id);
    const live = await liveOr404(trx, adapter, call.municipalityId, call.id, call.lang);
    authorizeEdit(adapter, call, live, call.data);
    if (live.publicationState === 'archived') throw new AppError('conflict', TEXT.archived[call.lang]);
    const rev = await loadOpenRevision(trx, adapter.entity, call.municipalityId, call.id);
    const now = nowIso();
    const json = JSON.stringify(call.data);
    if (neverPublished(live.publicationState)) {
      await adapter.apply(trx, call.municipalityId, call.id, call.data);
      if (live.publicationState === 'in_review') await setPublicationState(trx, adapter.entity, call.municipalityId, call.id, 'draft');
      if (rev) await trx.updateTable('revisions').set({ data: json, state: 'draft', updated_at: now }).where('id', '=', rev.id).execute();
      await recordAudit(trx, { municipalityId: call.municipalityId, actor: auditActor(call.actor), action: 'update', entity: adapter.entity, entityId: call.id, before: live.data, after: call.data });
      return { mode: 'in_place', revisionId: rev ? Number(rev.id) : undefined };
    }
    const before = rev ? (JSON.parse(rev.data) as T) : live.data;
    let revisionId: number;
    if (rev) {
      revisionId = Number(rev.id);
      await trx.updateTable('revisions').set({ data: json, state: 'draft', updated_at: now }).where('id', '=', rev.id).execute();
    } else {
      const ins = await trx
        .insertInto('revisions')
        .values({ municipality_id: call.municipalityId, entity: adapter.entity, entity_id: call.id, data: json, state: 'draft', review_comment: null, created_by: call.actor.userId, submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      revisionId = Number(ins.id);
    }
    await recordAudit(trx, { municipalityId: call.municipalityId, actor: auditActor(call.actor), action: 'save_draft', entity: adapter.entity, entityId: call.id, before, after: call.data, details: { revisionId } });
    return { mode: 'revision', revisionId };
  });
}

/**
 * Sends the working copy for review: the open revision (opened from the live data if there is
 * none) becomes in_review; a never-published live row becomes in_review too. 409 if already in review.
 */
export async function submitForReview<T>(db: Db, adapter: ReviewAdapter<T>, call: ReviewCall): Promise<{ revisionId: number }> {
  return db.transaction().execute(async (trx) => {
    await lockRecord(trx, adapter.entity, call.id);
    const live = await liveOr404(trx, adapter, call.municipalityId, call.id, call.lang);
    authorizeEdit(adapter, call, live);
    if (live.publicationState === 'archived') throw new AppError('conflict', TEXT.archived[call.lang]);
    const rev = await loadOpenRevision(trx, adapter.entity, call.municipalityId, call.id);
    if (rev?.state === 'in_review') throw new AppError('conflict', TEXT.alreadyInReview[call.lang]);
    const now = nowIso();
    const fresh = neverPublished(live.publicationState);
    // For a never-published record the live row is the working copy.
    const data = rev && !fresh ? rev.data : JSON.stringify(live.data);
    let revisionId: number;
    if (rev) {
      revisionId = Number(rev.id);
      await trx
        .updateTable('revisions')
        .set({ data, state: 'in_review', review_comment: null, submitted_by: call.actor.userId, submitted_at: now, updated_at: now })
        .where('id', '=', rev.id)
        .execute();
    } else {
      const ins = await trx
        .insertInto('revisions')
        .values({ municipality_id: call.municipalityId, entity: adapter.entity, entity_id: call.id, data, state: 'in_review', review_comment: null, created_by: call.actor.userId, submitted_by: call.actor.userId, submitted_at: now, reviewed_by: null, reviewed_at: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      revisionId = Number(ins.id);
    }
    if (fresh) await setPublicationState(trx, adapter.entity, call.municipalityId, call.id, 'in_review');
    await recordAudit(trx, {
      municipalityId: call.municipalityId,
      actor: auditActor(call.actor),
      action: 'submit',
      entity: adapter.entity,
      entityId: call.id,
      before: { publication_state: live.publicationState, revision_state: rev?.state ?? null },
      after: { publication_state: fresh ? 'in_review' : live.publicationState, revision_state: 'in_review' },
      details: { revisionId },
    });
    return { revisionId };
  });
}

/**
 * Publishes (action 'publish'): applies the open revision (in review, or a draft: a coordinator
 * may publish directly) to the live row, sets publication_state 'published' and published_at.
 * A never-published record without an open revision is published as it is. 409 when there is
 * nothing to publish (already published, no open revision).
 */
export async function publish<T>(db: Db, adapter: ReviewAdapter<T>, call: ReviewCall & { expected?: ExpectedRevision }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRecord(trx, adapter.entity, call.id);
    const live = await liveOr404(trx, adapter, call.municipalityId, call.id, call.lang);
    authorize(call.actor, 'publish', { municipalityId: call.municipalityId, ownerUnitId: live.ownerUnitId }, call.lang);
    if (live.publicationState === 'archived') throw new AppError('conflict', TEXT.archived[call.lang]);
    const rev = await loadOpenRevision(trx, adapter.entity, call.municipalityId, call.id);
    if (!matches(rev, call.expected)) throw new AppError('conflict', TEXT.notInReview[call.lang]);
    const fresh = neverPublished(live.publicationState);
    if (!rev && !fresh) throw new AppError('conflict', TEXT.notInReview[call.lang]);
    const now = nowIso();
    const data = rev && !fresh ? (JSON.parse(rev.data) as T) : live.data;
    if (!fresh) await adapter.apply(trx, call.municipalityId, call.id, data);
    await setPublicationState(trx, adapter.entity, call.municipalityId, call.id, 'published', now);
    if (rev) await trx.updateTable('revisions').set({ state: 'published', reviewed_by: call.actor.userId, reviewed_at: now, updated_at: now }).where('id', '=', rev.id).execute();
    await recordAudit(trx, {
      municipalityId: call.municipalityId,
      actor: auditActor(call.actor),
      action: 'publish',
      entity: adapter.entity,
      entityId: call.id,
      before: { publication_state: live.publicationState, data: live.data },
      after: { publication_state: 'published', data },
      details: rev ? { revisionId: Number(rev.id) } : undefined,
    });
  });
}

/** Checks a reviewer's comment: required, at most 2000 characters. Returns the message or undefined. */
export function commentError(comment: string, lang: Lang): string | undefined {
  const c = comment.trim();
  if (!c) return TEXT.commentRequired[lang];
  if (c.length > 2000) return TEXT.commentTooLong[lang];
  return undefined;
}

/**
 * Sends a revision in review back to the editor with a comment (action 'publish'): state
 * 'returned'; a never-published live row becomes a draft again. 400 without a comment, 409 when
 * nothing is in review.
 */
export async function sendBack<T>(db: Db, adapter: ReviewAdapter<T>, call: ReviewCall & { comment: string; expected?: ExpectedRevision }): Promise<void> {
  const problem = commentError(call.comment, call.lang);
  if (problem) throw new AppError('invalid_form', problem, [{ field: 'comment', message: problem }]);
  await db.transaction().execute(async (trx) => {
    await lockRecord(trx, adapter.entity, call.id);
    const live = await liveOr404(trx, adapter, call.municipalityId, call.id, call.lang);
    authorize(call.actor, 'publish', { municipalityId: call.municipalityId, ownerUnitId: live.ownerUnitId }, call.lang);
    const rev = await loadOpenRevision(trx, adapter.entity, call.municipalityId, call.id);
    if (rev?.state !== 'in_review' || !matches(rev, call.expected)) throw new AppError('conflict', TEXT.notInReview[call.lang]);
    const now = nowIso();
    const comment = call.comment.trim();
    await trx.updateTable('revisions').set({ state: 'returned', review_comment: comment, reviewed_by: call.actor.userId, reviewed_at: now, updated_at: now }).where('id', '=', rev.id).execute();
    if (live.publicationState === 'in_review') await setPublicationState(trx, adapter.entity, call.municipalityId, call.id, 'draft');
    await recordAudit(trx, {
      municipalityId: call.municipalityId,
      actor: auditActor(call.actor),
      action: 'send_back',
      entity: adapter.entity,
      entityId: call.id,
      before: { revision_state: 'in_review' },
      after: { revision_state: 'returned' },
      details: { revisionId: Number(rev.id), comment },
    });
  });
}

/**
 * Throws away the open revision (action 'edit'). For a published record the live row stays as
 * it is; for a never-published record the edits were made in place and stay (only the review
 * ticket closes, and the row is a draft). 409 when there is no open revision.
 */
export async function discardDraft<T>(db: Db, adapter: ReviewAdapter<T>, call: ReviewCall): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRecord(trx, adapter.entity, call.id);
    const live = await liveOr404(trx, adapter, call.municipalityId, call.id, call.lang);
    authorizeEdit(adapter, call, live);
    const rev = await loadOpenRevision(trx, adapter.entity, call.municipalityId, call.id);
    if (!rev) throw new AppError('conflict', TEXT.nothingToDiscard[call.lang]);
    const now = nowIso();
    await trx.updateTable('revisions').set({ state: 'discarded', updated_at: now }).where('id', '=', rev.id).execute();
    if (live.publicationState === 'in_review') await setPublicationState(trx, adapter.entity, call.municipalityId, call.id, 'draft');
    await recordAudit(trx, {
      municipalityId: call.municipalityId,
      actor: auditActor(call.actor),
      action: 'discard',
      entity: adapter.entity,
      entityId: call.id,
      before: { revision_state: rev.state, data: JSON.parse(rev.data) as unknown },
      after: { revision_state: 'discarded' },
      details: { revisionId: Number(rev.id) },
    });
  });
}

export interface PendingReview {
  revisionId: number;
  entity: ReviewEntity;
  entityId: number;
  /** The submitted data (parse it with the entity's adapter in mind). */
  data: unknown;
  submittedAt: string | null;
  submittedBy: number | null;
  submittedByName: string | null;
}

/** What awaits review in a municipality, oldest submission first. */
export async function pendingReviews(db: Db, municipalityId: number): Promise<PendingReview[]> {
  const rows = await db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.submitted_by')
    .select(['revisions.id', 'revisions.entity', 'revisions.entity_id', 'revisions.data', 'revisions.submitted_at', 'revisions.submitted_by', 'users.display_name'])
    .where('revisions.municipality_id', '=', municipalityId)
    .where('revisions.state', '=', 'in_review')
    .where('revisions.entity', 'in', ['project', 'partnership'])
    .orderBy('revisions.submitted_at')
    .orderBy('revisions.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    revisionId: Number(r.id),
    entity: r.entity as ReviewEntity,
    entityId: Number(r.entity_id),
    data: JSON.parse(r.data) as unknown,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by === null ? null : Number(r.submitted_by),
    submittedByName: r.display_name ?? null,
  }));
}

/** One revision in a municipality (for the review page), or undefined. */
export async function findRevision(db: Db, municipalityId: number, revisionId: number) {
  const r = await db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.submitted_by')
    .select(['revisions.id', 'revisions.entity', 'revisions.entity_id', 'revisions.data', 'revisions.state', 'revisions.review_comment', 'revisions.submitted_at', 'revisions.updated_at', 'users.display_name'])
    .where('revisions.municipality_id', '=', municipalityId)
    .where('revisions.id', '=', revisionId)
    .executeTakeFirst();
  if (!r || (r.entity !== 'project' && r.entity !== 'partnership')) return undefined;
  return {
    revisionId: Number(r.id),
    entity: r.entity as ReviewEntity,
    entityId: Number(r.entity_id),
    data: JSON.parse(r.data) as unknown,
    state: r.state,
    reviewComment: r.review_comment,
    submittedAt: r.submitted_at,
    submittedByName: r.display_name ?? null,
    updatedAt: r.updated_at,
  };
}

// ── Adapters known to the review queue ───────────────────────────────────────

const registry = new Map<ReviewEntity, ReviewAdapter<unknown>>();

/**
 * Makes an entity's adapter known to the review queue (`/admin/:kommun/granskning`), which then
 * shows its titles and field-by-field changes. Call once at module load of the entity's routes.
 */
export function registerReviewAdapter<T>(adapter: ReviewAdapter<T>): void {
  registry.set(adapter.entity, adapter as ReviewAdapter<unknown>);
}

/** The adapter registered for `entity`, if any. */
export function reviewAdapterFor(entity: ReviewEntity): ReviewAdapter<unknown> | undefined {
  return registry.get(entity);
}
