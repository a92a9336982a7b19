/** Pages of the partnerships: the list, and one partnership with its review actions. The form: form-page.tsx. */
import { formatFuzzyDate, type Lang } from '../../../i18n/index.js';
import { EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../../i18n/labels.js';
import { AdminForm, FormErrorSummary, type FormErrors, TextArea } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import type { WorkingCopy } from '../../editing/review.js';
import { findGoalChoice, type GoalChoiceGroup, goalLabel } from '../../strategy/goal-links.js';
import { GL } from '../../strategy/public/messages.js';
import { COMMON, labelsIn, pick, tr } from '../messages.js';
import { Row } from '../ui.js';
import type { PartnershipData } from './data.js';
import { EV } from './evaluations/messages.js';
import { PS, PS_LABELS } from './messages.js';

/** Names and lists the pages need, looked up once per request. */
export interface PartnershipLookups {
  organisations: { id: number; name_sv: string; name_en: string | null; country: string | null }[];
  units: { id: number; name_sv: string; name_en: string | null; depth: number }[];
  themes: { code: string; label_sv: string; label_en: string }[];
  decisions: { id: number; decided_on: string | null; paragraph: string | null; registry_number: string | null; subject_sv: string; subject_en: string | null }[];
  /** Goals of the municipality's adopted and draft strategies. */
  goals: GoalChoiceGroup[];
}

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/samarbeten`;

export function decisionLabel(d: PartnershipLookups['decisions'][number], lang: Lang): string {
  const head = [d.decided_on, d.paragraph ? `§ ${d.paragraph.replace(/^§\s*/, '')}` : null, d.registry_number].filter(Boolean).join(', ');
  return head ? `${head}: ${pick(lang, d.subject_sv, d.subject_en)}` : pick(lang, d.subject_sv, d.subject_en);
}

export interface PartnershipListRow {
  id: number;
  kind: PartnershipData['kind'];
  title_sv: string;
  title_en: string | null;
  status: PartnershipData['status'];
  publication_state: keyof typeof PS.stateShort;
  revision_state: 'draft' | 'in_review' | 'returned' | null;
  partners: string[];
}

export function PartnershipListPage(props: { ctx: AdminPageContext; rows: PartnershipListRow[]; canCreate: boolean; notice?: string }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  const title = tr(PS.title, lang);
  const revisionText = { draft: PS.draftChanges, in_review: PS.pendingChanges, returned: PS.returnedChanges };
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(PS.lead, lang)}</p>
      {props.canCreate && (
        <p>
          <a class="button" href={adminHref(lang, `${base(ctx)}/ny`)}>
            {tr(PS.new, lang)}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{tr(PS.none, lang)}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="partnership-list-caption" tabindex={0}>
          <table class="data">
            <caption id="partnership-list-caption" class="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{labelsIn(PS_LABELS, lang).title_sv}</th>
                <th scope="col">{tr(COMMON.kind, lang)}</th>
                <th scope="col">{tr(PS.partners, lang)}</th>
                <th scope="col">{tr(PS.status, lang)}</th>
                <th scope="col">{tr(PS.publication, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr>
                  <td>
                    <a href={adminHref(lang, `${base(ctx)}/${p.id}`)}>{pick(lang, p.title_sv, p.title_en)}</a>
                  </td>
                  <td>{label(PARTNERSHIP_KINDS, p.kind, lang)}</td>
                  <td>{p.partners.join(', ')}</td>
                  <td>{label(PARTNERSHIP_STATUSES, p.status, lang)}</td>
                  <td>
                    <span class={`tag tag--${p.publication_state}`}>{tr(PS.stateShort[p.publication_state], lang)}</span>
                    {p.revision_state && p.publication_state === 'published' && (
                      <>
                        {' '}
                        <span class="tag tag--in_review">{tr(revisionText[p.revision_state], lang)}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** Which revision a publish or send-back button acts on. */
function RevisionFields(props: { id: number; at: string }) {
  return (
    <>
      <input type="hidden" name="revision" value={String(props.id)} />
      <input type="hidden" name="revision_at" value={props.at} />
    </>
  );
}

export interface PartnershipPermissions {
  edit: boolean;
  publish: boolean;
  audit: boolean;
}

export function PartnershipPage(props: {
  ctx: AdminPageContext;
  id: number;
  copy: WorkingCopy<PartnershipData>;
  lookups: PartnershipLookups;
  may: PartnershipPermissions;
  notice?: string;
  commentValue?: string;
  errors?: FormErrors;
}) {
  const { ctx, id, copy, lookups, may } = props;
  const { lang } = ctx;
  const d = copy.data;
  const none = tr(PS.noneStated, lang);
  const L = labelsIn(PS_LABELS, lang);
  const slug = ctx.municipality!.slug;
  const here = adminHref(lang, `${base(ctx)}/${id}`);
  const title = pick(lang, d.title_sv, d.title_en);
  const orgs = new Map(lookups.organisations.map((o) => [o.id, o]));
  const units = new Map(lookups.units.map((u) => [u.id, u]));
  const themes = new Map(lookups.themes.map((t) => [t.code, t]));
  const decisions = new Map(lookups.decisions.map((x) => [x.id, x]));
  const rev = copy.revision;
  const fresh = !copy.everPublished;
  const canSubmit = may.edit && (fresh ? copy.publicationState === 'draft' : rev !== undefined && rev.state !== 'in_review');
  const canPublish = may.publish && (fresh || rev !== undefined);
  const canSendBack = may.publish && rev?.state === 'in_review';
  const csrf = ctx.actor!.csrfToken;
  const errors = props.errors ?? {};
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(PS.title, lang) }, { label: title })} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p>
        <span class={`tag tag--${copy.publicationState}`}>{tr(PS.state[copy.publicationState], lang)}</span>
      </p>
      {rev && !fresh && <p class="notice notice--warn">{tr(rev.state === 'in_review' ? PS.revisionInReview : PS.revisionDraft, lang)}</p>}
      {rev?.state === 'returned' && rev.reviewComment && (
        <div class="notice notice--warn">
          <p>{tr(PS.returned, lang)}</p>
          <blockquote>{rev.reviewComment}</blockquote>
        </div>
      )}
      <dl class="summary-list">
        <Row term={L.kind!}>{label(PARTNERSHIP_KINDS, d.kind, lang)}</Row>
        <Row term={L.status!}>{label(PARTNERSHIP_STATUSES, d.status, lang)}</Row>
        <Row term={L.title_sv!}>{d.title_sv}</Row>
        <Row term={L.title_en!}>{d.title_en ?? none}</Row>
        <Row term={L.summary_sv!}>{d.summary_sv ?? none}</Row>
        <Row term={L.summary_en!}>{d.summary_en ?? none}</Row>
        <Row term={L.cooperation_areas!}>{d.cooperation_areas.length ? d.cooperation_areas.map((c) => (themes.get(c) ? pick(lang, themes.get(c)!.label_sv, themes.get(c)!.label_en) : c)).join(', ') : none}</Row>
        <Row term={L.financing_sv!}>{d.financing_sv ?? none}</Row>
        <Row term={L.financing_en!}>{d.financing_en ?? none}</Row>
        <Row term={L.owner_unit_id!}>
          {d.owner_unit_id !== null && units.get(d.owner_unit_id) ? (
            <a href={adminHref(lang, `/${slug}/enheter/${d.owner_unit_id}`)}>{pick(lang, units.get(d.owner_unit_id)!.name_sv, units.get(d.owner_unit_id)!.name_en)}</a>
          ) : (
            tr(PS.noOwner, lang)
          )}
        </Row>
        <Row term={L.partners!}>
          {d.partners.length === 0 ? (
            none
          ) : (
            <ol class="partner-list">
              {d.partners.map((p) => (
                <li>{orgs.get(p) ? <a href={adminHref(lang, `/${slug}/organisationer/${p}`)}>{pick(lang, orgs.get(p)!.name_sv, orgs.get(p)!.name_en)}</a> : `#${p}`}</li>
              ))}
            </ol>
          )}
        </Row>
        <Row term={tr(GL.adminHeading, lang)}>
          {(d.goals ?? []).length === 0 ? (
            tr(GL.adminNone, lang)
          ) : (
            <ul>
              {(d.goals ?? []).map((g) => {
                const goal = findGoalChoice(lookups.goals, g);
                return <li>{goal ? <a href={adminHref(lang, `/${slug}/strategi/${goal.strategyId}/mal/${goal.id}`)}>{goalLabel(goal, lang)}</a> : `#${g}`}</li>;
              })}
            </ul>
          )}
        </Row>
      </dl>
      <h2>{tr(PS.timeline, lang)}</h2>
      {d.events.length === 0 ? (
        <p>{tr(PS.noEvents, lang)}</p>
      ) : (
        <ol class="timeline">
          {d.events.map((e) => (
            <li>
              <span class="when">
                {formatFuzzyDate(lang, e.date_from, e.date_to, e.date_precision)} – {label(EVENT_KINDS, e.kind, lang)}
              </span>{' '}
              <span lang={lang === 'en' && !e.description_en ? 'sv' : undefined}>{pick(lang, e.description_sv, e.description_en)}</span>
              {e.place && <span class="muted"> ({e.place})</span>}
              {e.decision_id !== null && decisions.get(e.decision_id) && (
                <div class="muted">
                  {tr(PS.decision, lang)}: {decisionLabel(decisions.get(e.decision_id)!, lang)}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <div class="button-group">
        {may.edit && (
          <a class="button" href={`${here}/redigera`}>
            {tr(COMMON.edit, lang)}
          </a>
        )}
        {canSubmit && (
          <AdminForm action={`${here}/skicka`} csrf={csrf} class="inline-form">
            <button type="submit" class="button button--secondary">
              {tr(PS.submit, lang)}
            </button>
          </AdminForm>
        )}
        {canPublish && (
          <AdminForm action={`${here}/publicera`} csrf={csrf} class="inline-form">
            {rev && <RevisionFields id={rev.id} at={rev.updatedAt} />}
            <button type="submit" class="button">
              {tr(PS.publish, lang)}
            </button>
          </AdminForm>
        )}
        {may.edit && rev && !fresh && (
          <AdminForm action={`${here}/kasta`} csrf={csrf} class="inline-form">
            <button type="submit" class="button button--warning">
              {tr(PS.discard, lang)}
            </button>
          </AdminForm>
        )}
      </div>
      {canSendBack && (
        <section aria-labelledby="send-back-heading">
          <h2 id="send-back-heading">{tr(PS.sendBackTitle, lang)}</h2>
          <AdminForm action={`${here}/skicka-tillbaka`} csrf={csrf}>
            <RevisionFields id={rev!.id} at={rev!.updatedAt} />
            <TextArea name="comment" label={tr(PS.comment, lang)} lang={lang} value={props.commentValue ?? ''} error={errors.comment} rows={4} />
            <button type="submit" class="button button--secondary">
              {tr(PS.sendBack, lang)}
            </button>
          </AdminForm>
        </section>
      )}
      <h2>{tr(EV.heading, lang)}</h2>
      <ul class="link-list">
        <li>
          <a href={`${here}/utvarderingar`}>{tr(EV.heading, lang)}</a>
        </li>
        {copy.live.status !== 'ended' && may.publish && (
          <li>
            <a href={`${here}/avsluta`}>{tr(EV.endPartnership, lang)}</a>
          </li>
        )}
      </ul>
      <h2>{tr(PS.assessment, lang)}</h2>
      <p>{tr(PS.activateHint, lang)}</p>
      <ul class="link-list">
        <li>
          <a href={`${here}/bedomning`}>{tr(PS.assessment, lang)}</a>
        </li>
        {copy.live.status !== 'active' && (
          <li>
            <a href={`${here}/aktivera`}>{tr(PS.activate, lang)}</a>
          </li>
        )}
        <li>
          <a href={adminHref(lang, `/${slug}/bilagor/partnership/${id}`)}>{tr(PS.attachments, lang)}</a>
        </li>
        {may.audit && (
          <li>
            <a href={adminHref(lang, `/${slug}/logg/partnership/${id}`)}>{tr(COMMON.history, lang)}</a>
          </li>
        )}
        {copy.publicationState === 'published' && (
          <li>
            <a href={`${lang === 'en' ? '/en' : ''}/${slug}/vanorter#samarbete-${id}`}>{tr(PS.public, lang)}</a>
          </li>
        )}
      </ul>
    </AdminLayout>
  );
}
