/**
 * Editing projects and publication with review (AL-14), under `/admin/:kommun/…`:
 *
 * | path                                   | what |
 * |----------------------------------------|------|
 * | `projekt`                              | all projects of the municipality, drafts too, filtered by unit and state |
 * | `projekt/ny`                           | a new project (a draft, not public) |
 * | `projekt/:id`                          | the project: working copy, publication state, review comment, actions |
 * | `projekt/:id/redigera`                 | the form; a published project's edits go into a revision |
 * | `projekt/:id/{skicka,publicera,skicka-tillbaka,kasta}` | submit, publish, send back, discard (POST) |
 * | `granskning`, `granskning/:revision`   | the review queue and one item: before/after, publish, send back |
 *
 * Each handler: scope (sign-in, municipality, role) → form → policy → service (review.ts) → page.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../ui/forms.js';
import { type AdminScope, adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../admin/context.js';
import { adminCrumbs, adminPageContext } from '../admin/layout.js';
import { authorize, can, recordNotFound } from '../policy/policy.js';
import { findGoalChoice, goalLabel } from '../strategy/goal-links.js';
import { LIFECYCLE, NOTICE, UI } from './messages.js';
import { describeProject, projectReviewAdapter } from './project-adapter.js';
import type { ProjectData } from './project-data.js';
import { type FormRefs, loadFormRefs, parseProjectForm, refName } from './project-form.js';
import { initialRowCounts, postedRowCounts, valuesOfProject } from './project-form-values.js';
import { ProjectFormPage } from './project-form-page.js';
import { LIST_STATES, type ListState, listProjects } from './project-list.js';
import { ProjectPage, ProjectListPage } from './project-pages.js';
import { type ExpectedRevision, commentError, createDraft, discardDraft, findRevision, pendingReviews, publish, registerReviewAdapter, reviewAdapterFor, saveDraft, sendBack, submitForReview, workingCopy } from './review.js';
import { rawFields, ReviewItemPage, ReviewQueuePage } from './review-pages.js';

registerReviewAdapter(projectReviewAdapter);

type C = Context<AppEnv>;

/** Units the actor may give a project; undefined when any (coordinators, administrators). */
function allowedUnitsOf(scope: AdminScope, refs: FormRefs): ReadonlySet<number> | undefined {
  const target = { municipalityId: scope.municipality.id, ownerUnitId: null };
  if (can(scope.actor, 'edit', target)) return undefined;
  return new Set(refs.units.map((u) => u.id).filter((id) => can(scope.actor, 'edit', { municipalityId: scope.municipality.id, ownerUnitId: id })));
}

function canCreate(allowed: ReadonlySet<number> | undefined): boolean {
  return allowed === undefined || allowed.size > 0;
}

async function loadWorkingCopy(c: C, scope: AdminScope, id: number) {
  const copy = await workingCopy(c.var.handle.db, projectReviewAdapter, scope.municipality.id, id);
  if (!copy) throw recordNotFound(scope.lang);
  return copy;
}

function expectedOf(values: FormValues): ExpectedRevision | undefined {
  const revision = str(values, 'revision');
  if (!/^[1-9]\d{0,14}$/.test(revision)) return undefined;
  const version = str(values, 'version');
  return { revisionId: Number(revision), updatedAt: version || undefined };
}

export function editingRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const projectsHref = (slug: string, rest = '') => adminHref(lang, `/${slug}/projekt${rest}`);

  // ── List ──────────────────────────────────────────────────────────────────
  app.get('/:kommun/projekt', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const m = scope.municipality;
    const refs = await loadFormRefs(c.var.handle.db, m.id);
    const unitRaw = c.req.query('enhet') ?? '';
    const unitId = /^[1-9]\d{0,14}$/.test(unitRaw) && refs.units.some((u) => u.id === Number(unitRaw)) ? Number(unitRaw) : undefined;
    const stateRaw = c.req.query('lage') ?? '';
    const state = (LIST_STATES as readonly string[]).includes(stateRaw) ? (stateRaw as ListState) : undefined;
    const text = (c.req.query('sok') ?? '').slice(0, 100);
    const pageRaw = c.req.query('sida') ?? '1';
    const page = /^[1-9]\d{0,4}$/.test(pageRaw) ? Number(pageRaw) : 1;
    const { items, total } = await listProjects(c.var.handle.db, m.id, { unitId, state, text, page });
    const ctx = await adminPageContext(c, m);
    const unitNames = new Map(refs.units.map((u) => [u.id, refName(u, lang)]));
    return c.html(
      <ProjectListPage
        ctx={ctx}
        crumbs={adminCrumbs(ctx, { label: UI.projects[lang] })}
        base={projectsHref(m.slug)}
        items={items}
        total={total}
        page={page}
        filter={{ unit: unitId === undefined ? '' : String(unitId), state: state ?? '', text }}
        units={refs.units.map((u) => ({ value: String(u.id), label: refName(u, lang) }))}
        unitName={(id) => (id === null ? '' : (unitNames.get(id) ?? ''))}
        canCreate={canCreate(allowedUnitsOf(scope, refs))}
        notice={noticeOf(c, NOTICE)}
      />,
    );
  });

  // ── New project ───────────────────────────────────────────────────────────
  const renderForm = async (c: C, scope: AdminScope, o: { refs: FormRefs; values: FormValues; errors: FormErrors; rows: ReturnType<typeof postedRowCounts>; id?: number; everPublished?: boolean; title?: string }, status: 200 | 400 = 200) => {
    const m = scope.municipality;
    const ctx = await adminPageContext(c, m);
    const allowed = allowedUnitsOf(scope, o.refs);
    const heading = o.id === undefined ? UI.newProject[lang] : UI.editProject[lang];
    const crumbs = adminCrumbs(ctx, { href: projectsHref(m.slug), label: UI.projects[lang] }, ...(o.id === undefined ? [] : [{ href: projectsHref(m.slug, `/${o.id}`), label: o.title ?? String(o.id) }]), { label: heading });
    return c.html(
      <ProjectFormPage
        ctx={ctx}
        crumbs={crumbs}
        heading={heading}
        action={o.id === undefined ? projectsHref(m.slug, '/ny') : projectsHref(m.slug, `/${o.id}/redigera`)}
        csrf={scope.actor.csrfToken}
        cancelHref={o.id === undefined ? projectsHref(m.slug) : projectsHref(m.slug, `/${o.id}`)}
        values={o.values}
        errors={o.errors}
        rows={o.rows}
        refs={o.refs}
        allowedUnits={allowed}
        canPublish={can(scope.actor, 'publish', { municipalityId: m.id })}
        intro={o.everPublished ? UI.editPublishedIntro[lang] : undefined}
      />,
      status,
    );
  };

  app.get('/:kommun/projekt/ny', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const refs = await loadFormRefs(c.var.handle.db, scope.municipality.id);
    const allowed = allowedUnitsOf(scope, refs);
    if (!canCreate(allowed)) authorize(scope.actor, 'edit', { municipalityId: scope.municipality.id, ownerUnitId: null }, lang);
    const values: FormValues = allowed?.size === 1 ? { owner_unit_id: String([...allowed][0]) } : {};
    return renderForm(c, scope, { refs, values, errors: {}, rows: initialRowCounts(values) });
  });

  /** What the buttons of the form ask for after saving. */
  const formAction = (values: FormValues): 'save' | 'submit' | 'publish' => {
    const a = str(values, '_action');
    return a === 'submit' || a === 'publish' ? a : 'save';
  };

  app.post('/:kommun/projekt/ny', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const m = scope.municipality;
    const db = c.var.handle.db;
    const refs = await loadFormRefs(db, m.id);
    const allowed = allowedUnitsOf(scope, refs);
    if (!canCreate(allowed)) authorize(scope.actor, 'edit', { municipalityId: m.id, ownerUnitId: null }, lang);
    const values = await readForm(c);
    if (str(values, '_add')) return renderForm(c, scope, { refs, values, errors: {}, rows: postedRowCounts(values) });
    const action = formAction(values);
    if (action === 'publish') authorize(scope.actor, 'publish', { municipalityId: m.id }, lang);
    const parsed = parseProjectForm(values, { lang, refs, allowedUnits: allowed });
    if (!parsed.ok) return renderForm(c, scope, { refs, values, errors: parsed.errors, rows: postedRowCounts(values) }, 400);
    const call = { municipalityId: m.id, actor: scope.actor, lang };
    const id = await createDraft(db, projectReviewAdapter, { ...call, data: parsed.data });
    if (action === 'submit') await submitForReview(db, projectReviewAdapter, { ...call, id });
    if (action === 'publish') await publish(db, projectReviewAdapter, { ...call, id });
    return c.redirect(`${projectsHref(m.slug, `/${id}`)}?klart=${action === 'save' ? 'created' : action === 'submit' ? 'submitted' : 'published'}`, 303);
  });

  // ── One project ───────────────────────────────────────────────────────────
  const renderProject = async (c: C, scope: AdminScope, id: number, o: { comment?: string; errors?: FormErrors; copy?: Awaited<ReturnType<typeof loadWorkingCopy>> } = {}, status: 200 | 400 = 200) => {
    const m = scope.municipality;
    const db = c.var.handle.db;
    const copy = o.copy ?? (await loadWorkingCopy(c, scope, id));
    const refs = await loadFormRefs(db, m.id);
    const lifecycle = await db.selectFrom('projects').select('lifecycle').where('id', '=', id).executeTakeFirst();
    const ctx = await adminPageContext(c, m);
    const title = projectReviewAdapter.title?.(copy.data, lang) ?? String(id);
    const target = { municipalityId: m.id, ownerUnitId: copy.ownerUnitId };
    const lc = lifecycle?.lifecycle;
    return c.html(
      <ProjectPage
        ctx={ctx}
        crumbs={adminCrumbs(ctx, { href: projectsHref(m.slug), label: UI.projects[lang] }, { label: title })}
        csrf={scope.actor.csrfToken}
        slug={m.slug}
        id={id}
        title={title}
        publicationState={copy.publicationState}
        lifecycle={lc ? (LIFECYCLE[lc as keyof typeof LIFECYCLE]?.[lang] ?? lc) : null}
        revision={copy.revision}
        everPublished={copy.everPublished}
        fields={describeProject(copy.data, refs, lang)}
        liveFields={copy.everPublished && copy.revision ? describeProject(copy.live, refs, lang) : undefined}
        goalLinks={(copy.data.goals ?? []).flatMap((goalId) => {
          const goal = findGoalChoice(refs.goals, goalId);
          return goal ? [{ href: adminHref(lang, `/${m.slug}/strategi/${goal.strategyId}/mal/${goal.id}`), label: goalLabel(goal, lang) }] : [];
        })}
        canEdit={can(scope.actor, 'edit', target)}
        canPublish={can(scope.actor, 'publish', target)}
        notice={noticeOf(c, NOTICE)}
        comment={o.comment}
        errors={o.errors}
      />,
      status,
    );
  };

  app.get('/:kommun/projekt/:id{[0-9]+}', async (c) => {
    const scope = await requireAdminMunicipality(c);
    return renderProject(c, scope, idParam(c));
  });

  app.get('/:kommun/projekt/:id{[0-9]+}/redigera', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    const copy = await loadWorkingCopy(c, scope, id);
    authorize(scope.actor, 'edit', { municipalityId: scope.municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
    const refs = await loadFormRefs(c.var.handle.db, scope.municipality.id);
    const values = valuesOfProject(copy.data, lang);
    return renderForm(c, scope, { refs, values, errors: {}, rows: initialRowCounts(values), id, everPublished: copy.everPublished, title: copy.data.title_sv });
  });

  app.post('/:kommun/projekt/:id{[0-9]+}/redigera', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const m = scope.municipality;
    const db = c.var.handle.db;
    const id = idParam(c);
    const copy = await loadWorkingCopy(c, scope, id);
    authorize(scope.actor, 'edit', { municipalityId: m.id, ownerUnitId: copy.ownerUnitId }, lang);
    const refs = await loadFormRefs(db, m.id);
    const values = await readForm(c);
    const form = { refs, values, id, everPublished: copy.everPublished, title: copy.data.title_sv };
    if (str(values, '_add')) return renderForm(c, scope, { ...form, errors: {}, rows: postedRowCounts(values) });
    const action = formAction(values);
    if (action === 'publish') authorize(scope.actor, 'publish', { municipalityId: m.id, ownerUnitId: copy.ownerUnitId }, lang);
    const parsed = parseProjectForm(values, { lang, refs, allowedUnits: allowedUnitsOf(scope, refs) });
    if (!parsed.ok) return renderForm(c, scope, { ...form, errors: parsed.errors, rows: postedRowCounts(values) }, 400);
    const call = { municipalityId: m.id, id, actor: scope.actor, lang };
    const saved = await saveDraft<ProjectData>(db, projectReviewAdapter, { ...call, data: parsed.data });
    if (action === 'submit') await submitForReview(db, projectReviewAdapter, call);
    if (action === 'publish') await publish(db, projectReviewAdapter, call);
    const notice = action === 'submit' ? 'submitted' : action === 'publish' ? 'published' : saved.mode === 'revision' ? 'saved_revision' : 'saved';
    return c.redirect(`${projectsHref(m.slug, `/${id}`)}?klart=${notice}`, 303);
  });

  app.post('/:kommun/projekt/:id{[0-9]+}/skicka', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    await submitForReview(c.var.handle.db, projectReviewAdapter, { municipalityId: scope.municipality.id, id, actor: scope.actor, lang });
    return c.redirect(`${projectsHref(scope.municipality.slug, `/${id}`)}?klart=submitted`, 303);
  });

  app.post('/:kommun/projekt/:id{[0-9]+}/publicera', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    const values = await readForm(c);
    await publish(c.var.handle.db, projectReviewAdapter, { municipalityId: scope.municipality.id, id, actor: scope.actor, lang, expected: expectedOf(values) });
    return c.redirect(`${projectsHref(scope.municipality.slug, `/${id}`)}?klart=published`, 303);
  });

  app.post('/:kommun/projekt/:id{[0-9]+}/skicka-tillbaka', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    const values = await readForm(c);
    const comment = str(values, 'comment');
    const problem = commentError(comment, lang);
    if (problem) {
      const copy = await loadWorkingCopy(c, scope, id);
      authorize(scope.actor, 'publish', { municipalityId: scope.municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
      return renderProject(c, scope, id, { comment, errors: { comment: problem }, copy }, 400);
    }
    await sendBack(c.var.handle.db, projectReviewAdapter, { municipalityId: scope.municipality.id, id, actor: scope.actor, lang, comment, expected: expectedOf(values) });
    return c.redirect(`${projectsHref(scope.municipality.slug, `/${id}`)}?klart=sent_back`, 303);
  });

  app.post('/:kommun/projekt/:id{[0-9]+}/kasta', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    await discardDraft(c.var.handle.db, projectReviewAdapter, { municipalityId: scope.municipality.id, id, actor: scope.actor, lang });
    return c.redirect(`${projectsHref(scope.municipality.slug, `/${id}`)}?klart=discarded`, 303);
  });

  // ── Review queue ──────────────────────────────────────────────────────────
  const reviewHref = (slug: string, rest = '') => adminHref(lang, `/${slug}/granskning${rest}`);

  app.get('/:kommun/granskning', async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const m = scope.municipality;
    const items = (await pendingReviews(c.var.handle.db, m.id)).map((r) => ({
      revisionId: r.revisionId,
      entity: r.entity,
      title: reviewAdapterFor(r.entity)?.title?.(r.data, lang) || `#${r.entityId}`,
      href: reviewHref(m.slug, `/${r.revisionId}`),
      submittedAt: r.submittedAt,
      submittedByName: r.submittedByName,
    }));
    const ctx = await adminPageContext(c, m);
    return c.html(<ReviewQueuePage ctx={ctx} crumbs={adminCrumbs(ctx, { label: UI.reviewQueue[lang] })} items={items} notice={noticeOf(c, NOTICE)} />);
  });

  /** The revision in review with its adapter and live record, or 404 / 409. */
  const loadReviewItem = async (c: C, scope: AdminScope) => {
    const db = c.var.handle.db;
    const revisionId = idParam(c, 'revision');
    const r = await findRevision(db, scope.municipality.id, revisionId);
    const adapter = r ? reviewAdapterFor(r.entity) : undefined;
    if (!r || !adapter) throw recordNotFound(lang);
    const live = await adapter.loadLive(db, scope.municipality.id, r.entityId);
    if (!live) throw recordNotFound(lang);
    return { r, adapter, live };
  };

  const renderReviewItem = async (c: C, scope: AdminScope, o: { comment?: string; errors?: FormErrors; item?: Awaited<ReturnType<typeof loadReviewItem>> } = {}, status: 200 | 400 = 200) => {
    const m = scope.municipality;
    const db = c.var.handle.db;
    const { r, adapter, live } = o.item ?? (await loadReviewItem(c, scope));
    if (r.state !== 'in_review') return c.redirect(`${reviewHref(m.slug)}`, 303);
    const describe = async (data: unknown) => (adapter.describe ? adapter.describe(db, m.id, data, lang) : rawFields(data));
    const ctx = await adminPageContext(c, m);
    const title = adapter.title?.(r.data, lang) || `#${r.entityId}`;
    return c.html(
      <ReviewItemPage
        ctx={ctx}
        crumbs={adminCrumbs(ctx, { href: reviewHref(m.slug), label: UI.reviewQueue[lang] }, { label: title })}
        csrf={scope.actor.csrfToken}
        title={title}
        recordHref={adapter.path ? adminHref(lang, adapter.path(m.slug, r.entityId)) : undefined}
        everPublished={live.publicationState === 'published' || live.publicationState === 'archived'}
        before={await describe(live.data)}
        after={await describe(r.data)}
        submittedByName={r.submittedByName}
        submittedAt={r.submittedAt}
        publishAction={reviewHref(m.slug, `/${r.revisionId}/publicera`)}
        sendBackAction={reviewHref(m.slug, `/${r.revisionId}/skicka-tillbaka`)}
        revisionId={r.revisionId}
        version={r.updatedAt}
        comment={o.comment}
        errors={o.errors}
      />,
      status,
    );
  };

  app.get('/:kommun/granskning/:revision{[0-9]+}', async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    return renderReviewItem(c, scope);
  });

  app.post('/:kommun/granskning/:revision{[0-9]+}/publicera', async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const { r, adapter } = await loadReviewItem(c, scope);
    const values = await readForm(c);
    await publish(c.var.handle.db, adapter, { municipalityId: scope.municipality.id, id: r.entityId, actor: scope.actor, lang, expected: expectedOf(values) ?? { revisionId: r.revisionId } });
    return c.redirect(`${reviewHref(scope.municipality.slug)}?klart=published`, 303);
  });

  app.post('/:kommun/granskning/:revision{[0-9]+}/skicka-tillbaka', async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const item = await loadReviewItem(c, scope);
    const { r, adapter } = item;
    const values = await readForm(c);
    const comment = str(values, 'comment');
    const problem = commentError(comment, lang);
    if (problem) return renderReviewItem(c, scope, { comment, errors: { comment: problem }, item }, 400);
    await sendBack(c.var.handle.db, adapter, { municipalityId: scope.municipality.id, id: r.entityId, actor: scope.actor, lang, comment, expected: expectedOf(values) ?? { revisionId: r.revisionId } });
    return c.redirect(`${reviewHref(scope.municipality.slug)}?klart=sent_back`, 303);
  });

  return app;
}
