/**
 * A project's decision route (`/:kommun/projekt/:id/beslutsvag`): who must decide and why, the
 * decisions recorded, the assessment, and the lifecycle with the next steps as buttons (POST
 * `/:kommun/projekt/:id/status` with `action=`). A refused step is answered 409 with the page and
 * the reason. Also the draft decision document (`tjansteskrivelse.docx`).
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { AppError } from '../../../errors/index.js';
import { formatDate, formatMoney, type Lang } from '../../../i18n/index.js';
import { label, PROJECT_STATUSES } from '../../../i18n/labels.js';
import { AdminForm, FormErrorSummary, str } from '../../../ui/forms.js';
import { idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { can, recordNotFound } from '../../policy/policy.js';
import { buildDecisionDocument, DOCX_MEDIA_TYPE, projectDocumentData } from '../document.js';
import { explainPlan, hours, kr, whoDecides } from '../explain.js';
import {
  actionsFrom,
  changeLifecycle,
  decisionStillCovers,
  isLifecycleAction,
  loadProjectDecisionState,
  nextState,
  type ProjectDecisionState,
  permissionFor,
} from '../lifecycle.js';
import { ACTION_LABELS, fill, LIFECYCLE_LABELS, M, NOTICES, refusalMessage } from '../messages.js';
import { DecisionsTable, type MunicipalityRef, mHref, municipalityLabel } from './common.js';

async function requireProjectState(c: Context<AppEnv>) {
  const scope = await requireAdminMunicipality(c);
  const state = await loadProjectDecisionState(c.var.handle.db, scope.municipality.id, idParam(c));
  if (!state) throw recordNotFound(c.var.lang);
  return { ...scope, state };
}

function CofinancingList(props: { lang: Lang; state: ProjectDecisionState }) {
  const { lang } = props;
  const c = props.state.plan.cofinancing;
  return (
    <dl class="summary-list">
      <dt>{M.cash[lang]}</dt>
      <dd>
        {kr(lang, c.cashMinor)}
        {c.foreign.map((f) => ` + ${formatMoney(lang, f.amountMinor, f.currency)}`).join('')}
      </dd>
      <dt>{M.staffHours[lang]}</dt>
      <dd>{hours(lang, c.staffHours)}</dd>
      <dt>{M.staffValue[lang]}</dt>
      <dd>
        {kr(lang, c.staffValueMinor)} <span class="muted">({`${M.hourlyCost[lang].toLowerCase()} ${kr(lang, props.state.context.staffHourCostMinor)}`})</span>
      </dd>
      <dt>{M.total[lang]}</dt>
      <dd>
        <strong>{kr(lang, c.totalMinor)}</strong>
      </dd>
    </dl>
  );
}

export function projectRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, status: 200 | 400 | 409, error?: string) => {
    const { actor, municipality: m, state } = await requireProjectState(c);
    const { project, plan } = state;
    const ctx = await adminPageContext(c, m);
    const target = { municipalityId: m.id, ownerUnitId: project.owner_unit_id };
    const title = `${M.routeTitle[lang]}: ${project.title_sv}`;
    const steps = actionsFrom(project.lifecycle);
    const allowed = steps.filter((a) => can(actor, permissionFor(a, project.lifecycle), target));
    const a = state.assessment;
    c.status(status);
    return c.html(
      <AdminLayout
        ctx={ctx}
        title={title}
        current="projects"
        crumbs={adminCrumbs(ctx, { href: mHref(lang, m, '/projekt'), label: lang === 'sv' ? 'Projekt' : 'Projects' }, { href: mHref(lang, m, `/projekt/${project.id}`), label: project.title_sv }, { label: M.routeTitle[lang] })}
        notice={status === 200 ? noticeOf(c, NOTICES) : undefined}
      >
        <h1>{title}</h1>
        {error && <FormErrorSummary lang={lang} errors={[{ field: 'next-steps', message: error }]} />}
        <dl class="summary-list">
          <dt>{M.lifecycle[lang]}</dt>
          <dd>
            <span class="tag">{LIFECYCLE_LABELS[project.lifecycle][lang]}</span>{' '}
            <span class="muted">{`(${lang === 'sv' ? 'publikt' : 'public'}: ${label(PROJECT_STATUSES, project.status, lang) || '–'})`}</span>
          </dd>
        </dl>
        <h2>{lang === 'sv' ? 'Vem beslutar' : 'Who decides'}</h2>
        {explainPlan(plan, lang, project.kind).map((s) => (
          <p>{s}</p>
        ))}
        {!decisionStillCovers(state) && (
          <div class="notice notice--warn" role="status">
            <p>{fill(state.decisions.some((d) => d.outcome === 'approved') ? M.noLongerCovered[lang] : M.noDecisionRecorded[lang], { who: whoDecides(plan, lang) })}</p>
          </div>
        )}
        {plan.cofinancing.any && (
          <>
            <h2>{M.cofinancingHeading[lang]}</h2>
            <CofinancingList lang={lang} state={state} />
          </>
        )}
        <h2>{M.projectDecisions[lang]}</h2>
        {state.decisions.length === 0 ? <p>{M.projectNoDecisions[lang]}</p> : <DecisionsTable lang={lang} m={m} rows={state.decisions} caption={M.projectDecisions[lang]} showMatch={plan.needed} />}
        {can(actor, 'decide', target) && (
          <p>
            <a class="button button--secondary" href={`${mHref(lang, m, '/beslut/ny')}?projekt=${project.id}`}>
              {M.newDecision[lang]}
            </a>
          </p>
        )}
        <h2>{M.assessmentLink[lang]}</h2>
        <p>
          {a?.completed_at ? `${M.assessmentDone[lang]} (${formatDate(lang, a.completed_at.slice(0, 10))}).` : a ? `${M.assessmentDraft[lang]}.` : `${M.assessmentMissing[lang]}.`}{' '}
          <a href={mHref(lang, m, `/projekt/${project.id}/bedomning`)}>{M.assessmentTitle[lang]}</a>
        </p>
        <p>
          <a href={mHref(lang, m, `/projekt/${project.id}/tjansteskrivelse.docx`)} download>
            {M.documentLink[lang]}
          </a>
        </p>
        <h2 id="next-steps" tabindex={-1}>
          {M.nextSteps[lang]}
        </h2>
        {steps.length === 0 ? (
          <p>{M.noNextSteps[lang]}</p>
        ) : allowed.length === 0 ? (
          <p>{M.noPermittedSteps[lang]}</p>
        ) : (
          <div>
            {allowed.map((action) => {
              const r = nextState(project.lifecycle, action, state.facts);
              const hintId = `hint-${action}`;
              return (
                <AdminForm action={mHref(lang, m, `/projekt/${project.id}/status`)} csrf={actor.csrfToken} class="button-group">
                    <input type="hidden" name="action" value={action} />
                    <button type="submit" class={action === 'cancel' ? 'button button--warning' : 'button'} aria-describedby={r.ok ? undefined : hintId}>
                      {ACTION_LABELS[action][lang]}
                    </button>
                    {!r.ok && (
                      <span class="field-hint" id={hintId}>
                        {refusalMessage(r.reason, action, project.lifecycle, plan, lang)}
                      </span>
                    )}
                </AdminForm>
              );
            })}
          </div>
        )}
        <p>
          <a href={mHref(lang, m, `/projekt/${project.id}`)}>{M.openProject[lang]}</a>
        </p>
      </AdminLayout>,
    );
  };

  app.get('/:kommun/projekt/:id/beslutsvag', (c) => page(c, 200));

  app.post('/:kommun/projekt/:id/status', async (c) => {
    const { actor, municipality: m, state } = await requireProjectState(c);
    const values = await readForm(c);
    const action = str(values, 'action');
    if (!isLifecycleAction(action)) {
      return page(c, 400, lang === 'sv' ? 'Välj ett av stegen under Nästa steg.' : 'Choose one of the steps under Next steps.');
    }
    try {
      await changeLifecycle(c.var.handle.db, { actor, municipalityId: m.id, projectId: state.project.id, action, lang });
    } catch (e) {
      if (e instanceof AppError && e.status === 409) return page(c, 409, e.detail);
      throw e;
    }
    return c.redirect(`${mHref(lang, m, `/projekt/${state.project.id}/beslutsvag`)}?klart=status`, 303);
  });

  app.get('/:kommun/projekt/:id/tjansteskrivelse.docx', async (c) => {
    const { actor, municipality: m, state } = await requireProjectState(c);
    const data = await projectDocumentData(c.var.handle.db, state, municipalityLabel(m as MunicipalityRef, 'sv'), actor.name);
    const buf = await buildDecisionDocument(data);
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': DOCX_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="tjansteskrivelse-projekt-${state.project.id}.docx"`,
      'Content-Length': String(buf.length),
    });
  });

  return app;
}
