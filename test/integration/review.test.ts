/**
 * The review service (src/features/editing/review.ts) on SQLite and PostgreSQL, through the
 * project adapter: in-place edits of never-published records, revisions of published ones,
 * submit / send back / publish / discard, permissions, stale reviews, concurrency, audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { projectReviewAdapter as adapter } from '../../src/features/editing/project-adapter.js';
import type { ProjectData } from '../../src/features/editing/project-data.js';
import { createDraft, discardDraft, pendingReviews, publish, saveDraft, sendBack, submitForReview, workingCopy } from '../../src/features/editing/review.js';
import type { Actor } from '../../src/features/policy/actor.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

describe.each(kinds)('the review service on %s', (kind) => {
  let t: AdminTestApp;
  let coordinator: Actor;
  let editor: Actor;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const actor = (userId: number, role: 'coordinator' | 'unit_editor', units: number[]): Actor => ({
      userId,
      email: `${role}@example.se`,
      name: role,
      lang: 'sv',
      isPlatformAdmin: false,
      roles: new Map([[t.arvikaId, role]]),
      units: new Set(units),
      sessionIdHash: '',
      csrfToken: '',
      authMethod: 'password',
    });
    coordinator = actor(t.users.coordinator.id, 'coordinator', []);
    editor = actor(t.users.unit_editor.id, 'unit_editor', [t.ownUnit.id]);
  }, 90_000);
  afterAll(async () => t?.close());

  const data = (title: string, over: Partial<ProjectData> = {}): ProjectData => ({
    kind: 'project',
    title_sv: title,
    title_en: null,
    summary_sv: null,
    summary_en: null,
    owner_unit_id: t.ownUnit.id,
    municipality_role: null,
    programme_id: null,
    start_date: null,
    end_date: null,
    year: null,
    participants_total: null,
    participants_youth: null,
    themes: [],
    target_groups: [],
    countries: [],
    partners: [],
    funding: [],
    results: [],
    links: [],
    partnerships: [],
    ...over,
  });
  const call = (actor: Actor, id: number) => ({ municipalityId: t.arvikaId, id, actor, lang: 'sv' as const });
  const live = async (id: number) => t.handle.db.selectFrom('projects').select(['title_sv', 'publication_state', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (id: number) =>
    (await t.handle.db.selectFrom('audit_log').select(['action', 'before_data', 'after_data']).where('entity', '=', 'project').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => ({
      action: a.action,
      before: a.before_data ? JSON.parse(a.before_data) : null,
      after: a.after_data ? JSON.parse(a.after_data) : null,
    }));
  const status = (p: Promise<unknown>) => p.then(() => 'ok', (e: { status?: number }) => e.status ?? 'error');

  it('a never-published record is edited in place and reviewed through a ticket', async () => {
    const db = t.handle.db;
    const id = await createDraft(db, adapter, { municipalityId: t.arvikaId, actor: editor, lang: 'sv', data: data('Första utkastet') });
    expect((await workingCopy(db, adapter, t.arvikaId, id))?.everPublished).toBe(false);
    expect(await saveDraft(db, adapter, { ...call(editor, id), data: data('Andra utkastet') })).toEqual({ mode: 'in_place', revisionId: undefined });
    expect((await live(id)).title_sv).toBe('Andra utkastet');

    expect(await status(sendBack(db, adapter, { ...call(coordinator, id), comment: 'x' }))).toBe(409);
    await submitForReview(db, adapter, call(editor, id));
    expect((await live(id)).publication_state).toBe('in_review');
    expect(await status(submitForReview(db, adapter, call(editor, id)))).toBe(409);
    expect((await pendingReviews(db, t.arvikaId)).some((r) => r.entityId === id)).toBe(true);

    expect(await status(sendBack(db, adapter, { ...call(coordinator, id), comment: '   ' }))).toBe(400);
    expect(await status(sendBack(db, adapter, { ...call(editor, id), comment: 'Bra' }))).toBe(403);
    await sendBack(db, adapter, { ...call(coordinator, id), comment: 'Beskriv målgruppen.' });
    expect((await live(id)).publication_state).toBe('draft');
    const copy = await workingCopy(db, adapter, t.arvikaId, id);
    expect(copy?.revision?.state).toBe('returned');
    expect(copy?.revision?.reviewComment).toBe('Beskriv målgruppen.');
    expect((await pendingReviews(db, t.arvikaId)).some((r) => r.entityId === id)).toBe(false);

    await saveDraft(db, adapter, { ...call(editor, id), data: data('Tredje utkastet', { summary_sv: 'För unga.' }) });
    expect((await workingCopy(db, adapter, t.arvikaId, id))?.revision?.reviewComment).toBe('Beskriv målgruppen.');
    await submitForReview(db, adapter, call(editor, id));
    expect((await workingCopy(db, adapter, t.arvikaId, id))?.revision?.reviewComment).toBeNull();
    expect(await status(publish(db, adapter, call(editor, id)))).toBe(403);
    await publish(db, adapter, call(coordinator, id));
    const after = await live(id);
    expect(after).toMatchObject({ title_sv: 'Tredje utkastet', publication_state: 'published' });
    expect(after.published_at).not.toBeNull();
    expect((await workingCopy(db, adapter, t.arvikaId, id))?.revision).toBeUndefined();
    expect(await status(publish(db, adapter, call(coordinator, id)))).toBe(409);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'submit', 'send_back', 'update', 'submit', 'publish']);
    expect(audit[1]!.before.title_sv).toBe('Första utkastet');
    expect(audit[1]!.after.title_sv).toBe('Andra utkastet');
    expect(audit[6]!.after.publication_state).toBe('published');
  });

  it('a published record keeps its live row until the revision is published', async () => {
    const db = t.handle.db;
    const id = await createDraft(db, adapter, { municipalityId: t.arvikaId, actor: coordinator, lang: 'sv', data: data('Publicerad titel') });
    await publish(db, adapter, call(coordinator, id));
    const firstPublished = (await live(id)).published_at;

    expect(await status(discardDraft(db, adapter, call(editor, id)))).toBe(409);
    const saved = await saveDraft(db, adapter, { ...call(editor, id), data: data('Ny titel') });
    expect(saved.mode).toBe('revision');
    expect((await live(id)).title_sv).toBe('Publicerad titel');
    const copy = await workingCopy(db, adapter, t.arvikaId, id);
    expect(copy?.data.title_sv).toBe('Ny titel');
    expect(copy?.live.title_sv).toBe('Publicerad titel');
    // Saving again updates the same revision.
    expect((await saveDraft(db, adapter, { ...call(editor, id), data: data('Nyare titel') })).revisionId).toBe(saved.revisionId);

    await submitForReview(db, adapter, call(editor, id));
    expect((await live(id)).publication_state).toBe('published');
    const seen = (await workingCopy(db, adapter, t.arvikaId, id))!.revision!;
    // The editor changes it again after the reviewer looked: the reviewer's publish is refused.
    await new Promise((r) => setTimeout(r, 5));
    await saveDraft(db, adapter, { ...call(editor, id), data: data('Nyaste titel') });
    expect(await status(publish(db, adapter, { ...call(coordinator, id), expected: { revisionId: seen.id, updatedAt: seen.updatedAt } }))).toBe(409);
    expect((await live(id)).title_sv).toBe('Publicerad titel');
    await publish(db, adapter, call(coordinator, id));
    const after = await live(id);
    expect(after.title_sv).toBe('Nyaste titel');
    expect(after.published_at! >= firstPublished!).toBe(true);

    // A discarded draft leaves the published version.
    await saveDraft(db, adapter, { ...call(editor, id), data: data('Kastas') });
    await discardDraft(db, adapter, call(editor, id));
    expect((await workingCopy(db, adapter, t.arvikaId, id))?.data.title_sv).toBe('Nyaste titel');
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['create', 'publish', 'save_draft', 'save_draft', 'submit', 'save_draft', 'publish', 'save_draft', 'discard']);
  });

  it('unit editors reach only their units’ records, and cannot move them away', async () => {
    const db = t.handle.db;
    expect(await status(createDraft(db, adapter, { municipalityId: t.arvikaId, actor: editor, lang: 'sv', data: data('Fel enhet', { owner_unit_id: t.otherUnit.id }) }))).toBe(403);
    const other = await createDraft(db, adapter, { municipalityId: t.arvikaId, actor: coordinator, lang: 'sv', data: data('Annan enhet', { owner_unit_id: t.otherUnit.id }) });
    expect(await status(saveDraft(db, adapter, { ...call(editor, other), data: data('Min nu') }))).toBe(403);
    const mine = await createDraft(db, adapter, { municipalityId: t.arvikaId, actor: editor, lang: 'sv', data: data('Min') });
    expect(await status(saveDraft(db, adapter, { ...call(editor, mine), data: data('Bort', { owner_unit_id: t.otherUnit.id }) }))).toBe(403);
    expect((await live(mine)).title_sv).toBe('Min');
    // Another municipality's record does not exist here.
    const ale = await db.selectFrom('projects').select('id').where('municipality_id', '=', t.aleId).executeTakeFirstOrThrow();
    expect(await status(saveDraft(db, adapter, { ...call(coordinator, Number(ale.id)), data: data('X') }))).toBe(404);
  });

  it('concurrent first edits of a published record open one revision', async () => {
    const db = t.handle.db;
    const id = await createDraft(db, adapter, { municipalityId: t.arvikaId, actor: coordinator, lang: 'sv', data: data('Samtidigt') });
    await publish(db, adapter, call(coordinator, id));
    await Promise.all([1, 2, 3, 4].map((n) => saveDraft(db, adapter, { ...call(editor, id), data: data(`Samtidigt ${n}`) })));
    const open = await db.selectFrom('revisions').select('id').where('entity', '=', 'project').where('entity_id', '=', id).where('state', 'in', ['draft', 'in_review', 'returned']).execute();
    expect(open).toHaveLength(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
