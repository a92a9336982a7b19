/**
 * `/:kommun/samarbeten`: partnerships with their partners and history, published with review
 * (AL-14) through src/features/editing/review.ts. Assessment and activation (AR-2) live at
 * `/:kommun/samarbeten/:id/bedomning` and `/:kommun/samarbeten/:id/aktivera` (another feature).
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Db } from '../../../db/database.js';
import type { Lang } from '../../../i18n/index.js';
import type { FormErrors, FormValues } from '../../../ui/forms.js';
import { str } from '../../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import { commentError, createDraft, discardDraft, type ExpectedRevision, publish, saveDraft, sendBack, submitForReview, workingCopy } from '../../editing/review.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { COMMON, tr } from '../messages.js';
import { goalChoiceIds, loadGoalChoices } from '../../strategy/goal-links.js';
import { listUnits } from '../units/service.js';
import { type PartnershipData, partnershipAdapter } from './data.js';
import { EVENT_FIELDS, EVENT_RE, isBlankEventRow, PARTNER_RE, partnershipFormValues, readPartnershipForm, rowIndices } from './form.js';
import { PartnershipFormPage } from './form-page.js';
import { PS } from './messages.js';
import { PartnershipListPage, type PartnershipListRow, type PartnershipLookups, PartnershipPage } from './pages.js';

const NOTICES = PS.notices;

async function loadLookups(db: Db, municipalityId: number): Promise<PartnershipLookups> {
  const [orgs, tree, themes, decisions, goals] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name_sv', 'name_en', 'country']).where('municipality_id', '=', municipalityId).where('is_internal', '=', 0).execute(),
    listUnits(db, municipalityId),
    db.selectFrom('themes').selectAll().orderBy('label_sv').execute(),
    db
      .selectFrom('decisions')
      .select(['id', 'decided_on', 'paragraph', 'registry_number', 'subject_sv', 'subject_en'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('decided_on', 'desc')
      .orderBy('id', 'desc')
      .limit(2000)
      .execute(),
    loadGoalChoices(db, municipalityId),
  ]);
  const collator = new Intl.Collator('sv');
  return {
    organisations: orgs.map((o) => ({ ...o, id: Number(o.id) })).sort((a, b) => collator.compare(a.name_sv, b.name_sv) || a.id - b.id),
    units: tree.units.map((u) => ({ id: u.id, name_sv: u.name_sv, name_en: u.name_en, depth: u.depth })),
    themes,
    decisions: decisions.map((d) => ({ ...d, id: Number(d.id) })),
    goals,
  };
}

async function listRows(db: Db, municipalityId: number): Promise<PartnershipListRow[]> {
  const [rows, partners, revisions] = await Promise.all([
    db.selectFrom('partnerships').select(['id', 'kind', 'title_sv', 'title_en', 'status', 'publication_state']).where('municipality_id', '=', municipalityId).orderBy('kind').orderBy('title_sv').execute(),
    db
      .selectFrom('partnership_partners as pp')
      .innerJoin('partnerships as p', 'p.id', 'pp.partnership_id')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['pp.partnership_id', 'o.name_sv'])
      .where('p.municipality_id', '=', municipalityId)
      .orderBy('pp.position')
      .execute(),
    db.selectFrom('revisions').select(['entity_id', 'state']).where('municipality_id', '=', municipalityId).where('entity', '=', 'partnership').where('state', 'in', ['draft', 'in_review', 'returned']).execute(),
  ]);
  const revisionOf = new Map(revisions.map((r) => [Number(r.entity_id), r.state as PartnershipListRow['revision_state']]));
  return rows.map((p) => ({
    ...p,
    id: Number(p.id),
    revision_state: revisionOf.get(Number(p.id)) ?? null,
    partners: partners.filter((x) => Number(x.partnership_id) === Number(p.id)).map((x) => x.name_sv),
  }));
}

/** Whether the actor may create a partnership with some owner (coordinators: any; unit editors: one of their units). */
function mayCreate(actor: Actor, municipalityId: number): boolean {
  return can(actor, 'edit', { municipalityId, ownerUnitId: null }) || [...actor.units].some((u) => can(actor, 'edit', { municipalityId, ownerUnitId: u }));
}

/** What changes if someone else saves: the live row's and the open revision's timestamps. */
async function versionOf(db: Db, municipalityId: number, id: number): Promise<string> {
  const [live, copy] = await Promise.all([
    db.selectFrom('partnerships').select('updated_at').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst(),
    workingCopy(db, partnershipAdapter, municipalityId, id),
  ]);
  return `${live?.updated_at ?? ''}|${copy?.revision?.updatedAt ?? ''}`;
}

/** Removes rows that are entirely empty (no id, nothing typed), so a re-shown form does not grow by a blank row each time. */
function dropBlankRows(values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const i of rowIndices(values, PARTNER_RE)) if (typeof values[`partner-${i}`] === 'string' && !str(values, `partner-${i}`).trim()) delete out[`partner-${i}`];
  for (const i of rowIndices(values, EVENT_RE)) if (isBlankEventRow(values, i)) for (const f of EVENT_FIELDS) delete out[`event-${i}-${f}`];
  return out;
}

export function partnershipAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = (slug: string, rest = '') => adminHref(lang, `/${slug}/samarbeten${rest}`);

  const formPage = async (
    c: Context<AppEnv>,
    scope: { actor: Actor; municipality: MunicipalityRecord },
    opts: {
      id?: number;
      liveStatus?: PartnershipData['status'];
      values: FormValues;
      errors: FormErrors;
      extraPartner?: number;
      extraEvent?: number;
      status?: 200 | 400 | 409;
      /** Already loaded for reading the posted form. */
      lookups?: PartnershipLookups;
    },
  ) => {
    const { actor, municipality } = scope;
    const [ctx, lookups] = await Promise.all([adminPageContext(c, municipality), opts.lookups ?? loadLookups(c.var.handle.db, municipality.id)]);
    const all = can(actor, 'edit', { municipalityId: municipality.id, ownerUnitId: null });
    const ownerUnits = all ? lookups.units : lookups.units.filter((u) => can(actor, 'edit', { municipalityId: municipality.id, ownerUnitId: u.id }));
    return c.html(
      <PartnershipFormPage
        ctx={ctx}
        id={opts.id}
        values={opts.values}
        errors={opts.errors}
        lookups={lookups}
        options={{
          liveStatus: opts.liveStatus,
          ownerUnits,
          ownerOptional: all,
          canPublish: can(actor, 'publish', { municipalityId: municipality.id }),
          extraPartnerRows: opts.extraPartner ?? 0,
          extraEventRows: opts.extraEvent ?? 0,
        }}
      />,
      opts.status ?? 200,
    );
  };

  /** Reads the posted form against the municipality's lists (returned too, for showing the form again); the working copy's events keep their ids. */
  const readPosted = async (db: Db, actor: Actor, municipalityId: number, values: FormValues, liveStatus: PartnershipData['status'] | undefined, current?: PartnershipData) => {
    const lookups = await loadLookups(db, municipalityId);
    const parsed = readPartnershipForm(values, {
      lang,
      liveStatus,
      themes: new Set(lookups.themes.map((t) => t.code)),
      organisations: new Set(lookups.organisations.map((o) => o.id)),
      units: new Set(lookups.units.map((u) => u.id)),
      decisions: new Set(lookups.decisions.map((d) => d.id)),
      goals: goalChoiceIds(lookups.goals),
      existingEvents: new Map((current?.events ?? []).flatMap((e) => (e.id === null ? [] : [[e.id, e] as const]))),
      mayOwn: (unitId) => can(actor, 'edit', { municipalityId, ownerUnitId: unitId }),
    });
    return { lookups, parsed };
  };

  app.get('/:kommun/samarbeten', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const [ctx, rows] = await Promise.all([adminPageContext(c, municipality), listRows(c.var.handle.db, municipality.id)]);
    return c.html(<PartnershipListPage ctx={ctx} rows={rows} canCreate={mayCreate(actor, municipality.id)} notice={noticeOf(c, NOTICES)} />);
  });

  app.get('/:kommun/samarbeten/ny', async (c) => {
    const scope = await requireAdminMunicipality(c);
    if (!mayCreate(scope.actor, scope.municipality.id)) authorize(scope.actor, 'edit', { municipalityId: scope.municipality.id }, lang);
    return formPage(c, scope, { values: { status: 'proposed' }, errors: {} });
  });

  app.post('/:kommun/samarbeten/ny', async (c) => {
    const scope = await requireAdminMunicipality(c);
    const { actor, municipality } = scope;
    const target = { municipalityId: municipality.id };
    if (!mayCreate(actor, municipality.id)) authorize(actor, 'edit', target, lang);
    const values = await readForm(c);
    const action = str(values, 'do');
    if (action === 'add_partner' || action === 'add_event') {
      return formPage(c, scope, { values: dropBlankRows(values), errors: {}, extraPartner: action === 'add_partner' ? 1 : 0, extraEvent: action === 'add_event' ? 1 : 0 });
    }
    if (action === 'publish') authorize(actor, 'publish', target, lang);
    const db = c.var.handle.db;
    const { lookups, parsed } = await readPosted(db, actor, municipality.id, values, undefined);
    if (!parsed.ok) return formPage(c, scope, { values: dropBlankRows(values), errors: parsed.errors, status: 400, lookups });
    const id = await createDraft(db, partnershipAdapter, { municipalityId: municipality.id, actor, lang, data: parsed.data });
    const call = { municipalityId: municipality.id, id, actor, lang };
    let done: keyof typeof NOTICES = 'created';
    if (action === 'submit') {
      await submitForReview(db, partnershipAdapter, call);
      done = 'submitted';
    } else if (action === 'publish') {
      await publish(db, partnershipAdapter, call);
      done = 'published';
    }
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=${done}`, 303);
  });

  /** The scope and the working copy, 404 when the partnership is not the municipality's. */
  const load = async (c: Context<AppEnv>) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    const copy = await workingCopy(c.var.handle.db, partnershipAdapter, scope.municipality.id, id);
    if (!copy) throw recordNotFound(lang);
    return { ...scope, id, copy, call: { municipalityId: scope.municipality.id, id, actor: scope.actor, lang } };
  };

  const showPage = async (c: Context<AppEnv>, loaded: Awaited<ReturnType<typeof load>>, extra: { errors?: FormErrors; commentValue?: string; status?: 200 | 400 } = {}) => {
    const { actor, municipality, id, copy } = loaded;
    const [ctx, lookups] = await Promise.all([adminPageContext(c, municipality), loadLookups(c.var.handle.db, municipality.id)]);
    const target = { municipalityId: municipality.id, ownerUnitId: copy.ownerUnitId };
    return c.html(
      <PartnershipPage
        ctx={ctx}
        id={id}
        copy={copy}
        lookups={lookups}
        may={{ edit: can(actor, 'edit', target), publish: can(actor, 'publish', target), audit: can(actor, 'view_audit', target) }}
        notice={noticeOf(c, NOTICES)}
        errors={extra.errors}
        commentValue={extra.commentValue}
      />,
      extra.status ?? 200,
    );
  };

  app.get('/:kommun/samarbeten/:id', async (c) => showPage(c, await load(c)));

  app.get('/:kommun/samarbeten/:id/redigera', async (c) => {
    const loaded = await load(c);
    const { actor, municipality, id, copy } = loaded;
    authorize(actor, 'edit', { municipalityId: municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
    const version = await versionOf(c.var.handle.db, municipality.id, id);
    return formPage(c, loaded, { id, liveStatus: copy.live.status, values: partnershipFormValues(copy.data, lang, version), errors: {} });
  });

  app.post('/:kommun/samarbeten/:id/redigera', async (c) => {
    const loaded = await load(c);
    const { actor, municipality, id, copy, call } = loaded;
    authorize(actor, 'edit', { municipalityId: municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
    const values = await readForm(c);
    const action = str(values, 'do');
    const base = { id, liveStatus: copy.live.status };
    if (action === 'add_partner' || action === 'add_event') {
      return formPage(c, loaded, { ...base, values: dropBlankRows(values), errors: {}, extraPartner: action === 'add_partner' ? 1 : 0, extraEvent: action === 'add_event' ? 1 : 0 });
    }
    if (action === 'publish') authorize(actor, 'publish', { municipalityId: municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
    const db = c.var.handle.db;
    const { lookups, parsed } = await readPosted(db, actor, municipality.id, values, copy.live.status, copy.data);
    if (!parsed.ok) return formPage(c, loaded, { ...base, values: dropBlankRows(values), errors: parsed.errors, status: 400, lookups });
    const version = await versionOf(db, municipality.id, id);
    if (str(values, 'version') && str(values, 'version') !== version) {
      // `main` is the page's main region: the summary's link lands there, no field is marked.
      return formPage(c, loaded, { ...base, values: { ...dropBlankRows(values), version }, errors: { main: tr(COMMON.conflict, lang) }, status: 409, lookups });
    }
    await saveDraft(db, partnershipAdapter, { ...call, data: parsed.data });
    let done: keyof typeof NOTICES = 'saved';
    if (action === 'submit') {
      await submitForReview(db, partnershipAdapter, call);
      done = 'submitted';
    } else if (action === 'publish') {
      await publish(db, partnershipAdapter, call);
      done = 'published';
    }
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=${done}`, 303);
  });

  /** The revision the reviewer was looking at: publishing or sending back something newer is refused (409). */
  const expectedRevision = (values: FormValues): ExpectedRevision | undefined => {
    const s = str(values, 'revision');
    if (!/^[1-9][0-9]{0,14}$/.test(s)) return undefined;
    const at = str(values, 'revision_at');
    return { revisionId: Number(s), updatedAt: at || undefined };
  };

  app.post('/:kommun/samarbeten/:id/skicka', async (c) => {
    const { municipality, id, call } = await load(c);
    await submitForReview(c.var.handle.db, partnershipAdapter, call);
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=submitted`, 303);
  });

  app.post('/:kommun/samarbeten/:id/publicera', async (c) => {
    const { municipality, id, call } = await load(c);
    const values = await readForm(c);
    await publish(c.var.handle.db, partnershipAdapter, { ...call, expected: expectedRevision(values) });
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=published`, 303);
  });

  app.post('/:kommun/samarbeten/:id/skicka-tillbaka', async (c) => {
    const loaded = await load(c);
    const { actor, municipality, id, copy, call } = loaded;
    authorize(actor, 'publish', { municipalityId: municipality.id, ownerUnitId: copy.ownerUnitId }, lang);
    const values = await readForm(c);
    const comment = str(values, 'comment');
    const problem = commentError(comment, lang);
    if (problem) return showPage(c, loaded, { errors: { comment: problem }, commentValue: comment, status: 400 });
    await sendBack(c.var.handle.db, partnershipAdapter, { ...call, comment, expected: expectedRevision(values) });
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=returned`, 303);
  });

  app.post('/:kommun/samarbeten/:id/kasta', async (c) => {
    const { municipality, id, call } = await load(c);
    await discardDraft(c.var.handle.db, partnershipAdapter, call);
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=discarded`, 303);
  });

  return app;
}
