/**
 * Decisions: the list (`/:kommun/beslut`), recording one (`/:kommun/beslut/ny`, optionally for a
 * project `?projekt=<id>` or a partnership `?samarbete=<id>`, with the route pre-filled from
 * the project), and one decision (`/:kommun/beslut/:id`). Reading is 'view'; recording 'decide'.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { DecisionOutcome, DecisionRoute } from '../../../db/schema.js';
import { AppError } from '../../../errors/index.js';
import { formatDate, type Lang } from '../../../i18n/index.js';
import { DECISION_OUTCOMES, label } from '../../../i18n/labels.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors, type FormValues, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { can, recordNotFound } from '../../policy/policy.js';
import { explainPlan, orgName, ruleLabel } from '../explain.js';
import { loadProjectDecisionState, type ProjectDecisionState } from '../lifecycle.js';
import { fill, M, NOTICES } from '../messages.js';
import { todayInSweden } from '../registry.js';
import { DECIDING_KINDS, findDecision, findPartnership, listDecisions, loadDecisionLinks, loadRoutingContext, type PartnershipRecord } from '../repository.js';
import { type DecisionInput, recordDecision } from '../service.js';
import { DecisionsTable, dateText, decisionMaker, formatParagraph, intQuery, isIsoDate, mHref, RadioList } from './common.js';

const PAGE_SIZE = 50;
const OUTCOMES = Object.keys(DECISION_OUTCOMES) as DecisionOutcome[];
const ROUTES: DecisionRoute[] = ['committee', 'delegate'];

export function decisionPages(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sv = lang === 'sv';

  app.get('/:kommun/beslut', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c);
    const page = intQuery(c, 'sida') ?? 1;
    const db = c.var.handle.db;
    const { rows, total } = await listDecisions(db, m.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw recordNotFound(lang);
    const links = await loadDecisionLinks(db, m.id, rows.map((r) => r.id));
    const ctx = await adminPageContext(c, m);
    const title = M.decisionsTitle[lang];
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="decisions" crumbs={adminCrumbs(ctx, { label: title })} notice={noticeOf(c, NOTICES)}>
        <h1>{title}</h1>
        {can(actor, 'decide', { municipalityId: m.id }) && (
          <p>
            <a class="button" href={mHref(lang, m, '/beslut/ny')}>
              {M.newDecision[lang]}
            </a>
          </p>
        )}
        {rows.length === 0 ? <p>{M.decisionsEmpty[lang]}</p> : <DecisionsTable lang={lang} m={m} rows={rows} caption={title} links={links} />}
        {pages > 1 && (
          <nav class="pagination" aria-label={fill(M.pageOf[lang], { page, pages })}>
            <ul>
              {page > 1 && (
                <li>
                  <a href={`${mHref(lang, m, '/beslut')}?sida=${page - 1}`}>{M.previous[lang]}</a>
                </li>
              )}
              <li>
                <span aria-current="page">{fill(M.pageOf[lang], { page, pages })}</span>
              </li>
              {page < pages && (
                <li>
                  <a href={`${mHref(lang, m, '/beslut')}?sida=${page + 1}`}>{M.next[lang]}</a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </AdminLayout>,
    );
  });

  /** The project or partnership the form is for (from the query or the posted form); 404 across municipalities. */
  const subjectOf = async (c: Context<AppEnv>, municipalityId: number, values?: FormValues) => {
    const db = c.var.handle.db;
    const pick = (name: string, query: string) => {
      if (values) {
        const v = str(values, name);
        if (!v) return undefined;
        if (!/^[1-9][0-9]{0,14}$/.test(v)) throw recordNotFound(lang);
        return Number(v);
      }
      return intQuery(c, query);
    };
    const projectId = pick('project_id', 'projekt');
    const partnershipId = pick('partnership_id', 'samarbete');
    let project: ProjectDecisionState | undefined;
    let partnership: PartnershipRecord | undefined;
    if (projectId !== undefined) {
      project = await loadProjectDecisionState(db, municipalityId, projectId);
      if (!project) throw recordNotFound(lang);
    }
    if (partnershipId !== undefined) {
      partnership = await findPartnership(db, municipalityId, partnershipId);
      if (!partnership) throw recordNotFound(lang);
    }
    return { project, partnership };
  };

  const form = async (c: Context<AppEnv>, status: 200 | 400 | 409, values: FormValues | undefined, errors: FormErrors = {}, mismatch = false) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'decide');
    const db = c.var.handle.db;
    const { project, partnership } = await subjectOf(c, m.id, values);
    const rc = await loadRoutingContext(db, m.id);
    const bodies = rc.organisationList.filter((o) => (DECIDING_KINDS as readonly string[]).includes(o.kind));
    const plan = project?.plan;
    const v: FormValues = values ?? {
      subject_sv: project
        ? plan?.cofinancing.any
          ? `Medfinansiering och start av projektet ${project.project.title_sv}`
          : `Start av projektet ${project.project.title_sv}`
        : partnership
          ? `Inledande av samarbetet ${partnership.title_sv}`
          : '',
      route: 'committee',
      body_id: plan?.committee ? String(plan.committee.id) : '',
      rule_id: plan?.delegates[0] ? String(plan.delegates[0].id) : '',
      decided_on: todayInSweden(),
      registry_mode: 'auto',
      outcome: 'approved',
    };
    const ctx = await adminPageContext(c, m);
    const title = M.newDecision[lang];
    // Rules that cover the project come first in the list.
    const covering = new Set(plan?.delegates.map((r) => r.id) ?? []);
    const rules = [...rc.rules].sort((a, b) => Number(covering.has(b.id)) - Number(covering.has(a.id)));
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="decisions" crumbs={adminCrumbs(ctx, { href: mHref(lang, m, '/beslut'), label: M.decisionsTitle[lang] }, { label: title })}>
        <h1>{title}</h1>
        <FormErrorSummary lang={lang} errors={errors} />
        {project && (
          <div class="notice">
            <p>
              <strong>{M.forProject[lang]}:</strong> <a href={mHref(lang, m, `/projekt/${project.project.id}/beslutsvag`)}>{project.project.title_sv}</a>
            </p>
            {explainPlan(project.plan, lang, project.project.kind).map((s) => (
              <p>{s}</p>
            ))}
          </div>
        )}
        {partnership && (
          <div class="notice">
            <p>
              <strong>{M.forPartnership[lang]}:</strong> <a href={mHref(lang, m, `/samarbeten/${partnership.id}/aktivera`)}>{partnership.title_sv}</a>
            </p>
          </div>
        )}
        <AdminForm action={mHref(lang, m, '/beslut/ny')} csrf={actor.csrfToken}>
          {project && <input type="hidden" name="project_id" value={String(project.project.id)} />}
          {partnership && <input type="hidden" name="partnership_id" value={String(partnership.id)} />}
          <TextField name="subject_sv" label={M.subject[lang]} lang={lang} value={str(v, 'subject_sv')} error={errors.subject_sv} />
          <TextField name="subject_en" label={M.subjectEn[lang]} lang={lang} optional value={str(v, 'subject_en')} error={errors.subject_en} />
          <RadioList name="route" legend={M.route[lang]} lang={lang} options={[{ value: 'committee', label: M.routeCommittee[lang] }, { value: 'delegate', label: M.routeDelegate[lang] }]} value={str(v, 'route')} error={errors.route} />
          <SelectField name="body_id" label={M.body[lang]} hint={sv ? 'Fyll i vid nämndbeslut.' : 'For committee decisions.'} lang={lang} value={str(v, 'body_id')} error={errors.body_id} emptyLabel="" options={bodies.map((o) => ({ value: String(o.id), label: orgName(o, lang) }))} />
          <SelectField
            name="rule_id"
            label={M.rule[lang]}
            hint={sv ? 'Fyll i vid delegationsbeslut.' : 'For delegated decisions.'}
            lang={lang}
            value={str(v, 'rule_id')}
            error={errors.rule_id}
            emptyLabel=""
            options={rules.map((r) => ({ value: String(r.id), label: ruleLabel(r, rc.organisations.get(r.committee_id), lang) }))}
          />
          <TextField name="decided_on" type="date" label={M.decidedOn[lang]} hint={M.decidedOnHint[lang]} lang={lang} value={str(v, 'decided_on')} error={errors.decided_on} width="w-short" />
          <TextField name="paragraph" label={M.paragraph[lang]} hint={M.paragraphHint[lang]} lang={lang} value={str(v, 'paragraph')} error={errors.paragraph} width="w-short" />
          <RadioList name="registry_mode" legend={M.registryMode[lang]} lang={lang} options={[{ value: 'auto', label: M.registryAuto[lang] }, { value: 'manual', label: M.registryManual[lang] }]} value={str(v, 'registry_mode')} error={errors.registry_mode} />
          <TextField name="registry_number" label={M.existingRegistryNumber[lang]} hint={M.registryNumberHint[lang]} lang={lang} optional value={str(v, 'registry_number')} error={errors.registry_number} width="w-medium" spellcheck={false} />
          <RadioList name="outcome" legend={M.outcome[lang]} lang={lang} options={OUTCOMES.map((o) => ({ value: o, label: DECISION_OUTCOMES[o][lang] }))} value={str(v, 'outcome')} error={errors.outcome} />
          <TextArea name="conditions_sv" label={M.conditions[lang]} hint={M.conditionsHint[lang]} lang={lang} optional value={str(v, 'conditions_sv')} error={errors.conditions_sv} rows={4} />
          {(mismatch || str(v, 'confirm_mismatch')) && (
            <ChoiceGroup name="confirm_mismatch" legend={M.matchesRoute[lang]} lang={lang} type="checkbox" options={[{ value: '1', label: M.confirmMismatch[lang] }]} values={[str(v, 'confirm_mismatch')]} />
          )}
          <div class="button-group">
            <button type="submit" class="button">
              {M.saveDecision[lang]}
            </button>
            <a href={project ? mHref(lang, m, `/projekt/${project.project.id}/beslutsvag`) : mHref(lang, m, '/beslut')}>{M.cancel[lang]}</a>
          </div>
        </AdminForm>
      </AdminLayout>,
    );
  };

  app.get('/:kommun/beslut/ny', (c) => form(c, 200, undefined));

  /** Checks the form's own shape; the service checks the records it names. */
  const parse = (values: FormValues): { input?: Omit<DecisionInput, 'projectId' | 'partnershipId'>; errors: FormErrors } => {
    const errors: FormErrors = {};
    const subject = str(values, 'subject_sv').trim();
    if (!subject) errors.subject_sv = sv ? 'Fyll i ärendet.' : 'Enter the matter.';
    else if (subject.length > 300) errors.subject_sv = sv ? 'Ärendet får ha högst 300 tecken.' : 'The matter must be 300 characters or fewer.';
    const subjectEn = str(values, 'subject_en').trim();
    if (subjectEn.length > 300) errors.subject_en = sv ? 'Ärendet på engelska får ha högst 300 tecken.' : 'The matter in English must be 300 characters or fewer.';
    const route = str(values, 'route') as DecisionRoute;
    if (!ROUTES.includes(route)) errors.route = sv ? 'Välj om beslutet är ett nämndbeslut eller ett delegationsbeslut.' : 'Choose whether it is a committee or a delegated decision.';
    const id = (name: string) => {
      const raw = str(values, name);
      return /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : null;
    };
    const bodyId = id('body_id');
    const ruleId = id('rule_id');
    if (route === 'committee' && bodyId == null) errors.body_id = sv ? 'Välj den nämnd eller styrelse som fattade beslutet.' : 'Choose the committee or board that took the decision.';
    if (route === 'delegate' && ruleId == null) errors.rule_id = sv ? 'Välj den punkt i delegationsordningen som delegaten beslutade enligt.' : 'Choose the point of the delegation order the delegate decided under.';
    const decidedOn = str(values, 'decided_on').trim();
    if (!decidedOn) errors.decided_on = sv ? 'Fyll i beslutsdatum.' : 'Enter the date of the decision.';
    else if (!isIsoDate(decidedOn) || decidedOn < '1900-01-01') errors.decided_on = sv ? 'Beslutsdatum måste vara ett datum, till exempel 2026-03-31.' : 'The date must be a date, like 2026-03-31.';
    else if (decidedOn > todayInSweden()) errors.decided_on = sv ? 'Beslutsdatum kan inte vara ett datum framåt i tiden.' : 'The date of the decision cannot be in the future.';
    const paragraphRaw = str(values, 'paragraph').replace(/§/g, '').replace(/\s+/g, '').trim();
    if (paragraphRaw && !/^[0-9]{1,5}[a-zA-Z]?$/.test(paragraphRaw)) errors.paragraph = sv ? 'Skriv paragrafens nummer, till exempel 45.' : 'Write the number of the paragraph, for example 45.';
    const mode = str(values, 'registry_mode');
    const registryNumber = str(values, 'registry_number').trim();
    if (mode !== 'auto' && mode !== 'manual') errors.registry_mode = sv ? 'Välj hur beslutet ska få sitt diarienummer.' : 'Choose how the decision gets its registry number.';
    else if (mode === 'manual' && !registryNumber) errors.registry_number = sv ? 'Fyll i diarienumret, eller välj att beslutet ska få nästa diarienummer.' : 'Enter the registry number, or choose to give the decision the next one.';
    const outcome = str(values, 'outcome') as DecisionOutcome;
    if (!OUTCOMES.includes(outcome)) errors.outcome = sv ? 'Välj vad beslutet blev.' : 'Choose the outcome of the decision.';
    const conditions = str(values, 'conditions_sv').trim();
    if (conditions.length > 4000) errors.conditions_sv = sv ? 'Villkoren får ha högst 4 000 tecken.' : 'The conditions must be 4,000 characters or fewer.';
    if (Object.keys(errors).length) return { errors };
    return {
      errors,
      input: {
        route,
        bodyId: route === 'committee' ? bodyId : null,
        ruleId: route === 'delegate' ? ruleId : null,
        decidedOn,
        paragraph: paragraphRaw || null,
        registryNumber: mode === 'manual' ? registryNumber : null,
        subjectSv: subject,
        subjectEn: subjectEn || null,
        outcome,
        conditionsSv: conditions || null,
        confirmMismatch: str(values, 'confirm_mismatch') === '1',
      },
    };
  };

  app.post('/:kommun/beslut/ny', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'decide');
    const values = await readForm(c);
    const { project, partnership } = await subjectOf(c, m.id, values);
    const { input, errors } = parse(values);
    if (!input) return form(c, 400, values, errors);
    try {
      const r = await recordDecision(c.var.handle.db, actor, m.id, { ...input, projectId: project?.project.id ?? null, partnershipId: partnership?.id ?? null }, lang);
      if (project) return c.redirect(`${mHref(lang, m, `/projekt/${project.project.id}/beslutsvag`)}?klart=decision`, 303);
      if (partnership) return c.redirect(`${mHref(lang, m, `/samarbeten/${partnership.id}/aktivera`)}?klart=decision`, 303);
      return c.redirect(`${mHref(lang, m, `/beslut/${r.id}`)}?klart=decision`, 303);
    } catch (e) {
      if (e instanceof AppError && e.fieldErrors.length && (e.status === 400 || e.status === 409)) {
        const fe = Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message]));
        const mismatch = /beslutsväg|route/.test(fe.body_id ?? fe.rule_id ?? '');
        return form(c, e.status as 400 | 409, values, fe, mismatch);
      }
      throw e;
    }
  });

  app.get('/:kommun/beslut/:id', async (c) => {
    const { municipality: m } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const d = await findDecision(db, m.id, idParam(c));
    if (!d) throw recordNotFound(lang);
    const links = await loadDecisionLinks(db, m.id, [d.id]);
    const recorder = d.recorded_by != null ? await db.selectFrom('users').select('display_name').where('id', '=', d.recorded_by).executeTakeFirst() : undefined;
    const ctx = await adminPageContext(c, m);
    const title = `${M.decisionTitle[lang]} ${d.registry_number ?? ''}`.trim();
    const row = (k: string, v: unknown) => (
      <>
        <dt>{k}</dt>
        <dd>{v as string}</dd>
      </>
    );
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="decisions" crumbs={adminCrumbs(ctx, { href: mHref(lang, m, '/beslut'), label: M.decisionsTitle[lang] }, { label: title })} notice={noticeOf(c, NOTICES)}>
        <h1>{title}</h1>
        <dl class="summary-list">
          {row(M.registryNumber[lang], d.registry_number ?? '–')}
          {row(M.subject[lang], d.subject_sv)}
          {d.subject_en && row(M.subjectEn[lang], d.subject_en)}
          {row(M.route[lang], d.route === 'delegate' ? M.routeDelegate[lang] : M.routeCommittee[lang])}
          {row(M.decisionMaker[lang], decisionMaker(d, lang))}
          {row(M.decidedOn[lang], dateText(lang, d.decided_on))}
          {row(M.paragraph[lang], formatParagraph(d.paragraph))}
          {row(M.outcome[lang], label(DECISION_OUTCOMES, d.outcome, lang))}
          {row(M.conditions[lang], d.conditions_sv ?? '–')}
          {row(
            M.concerns[lang],
            [
              ...(links.projects.get(d.id) ?? []).map((p) => <a href={mHref(lang, m, `/projekt/${p.id}/beslutsvag`)}>{p.title}</a>),
              ...(links.partnerships.get(d.id) ?? []).map((p) => <a href={mHref(lang, m, `/samarbeten/${p.id}/aktivera`)}>{p.title}</a>),
            ].map((a, i) => (
              <>
                {i > 0 && ', '}
                {a}
              </>
            )),
          )}
          {row(M.recordedBy[lang], `${recorder?.display_name ?? '–'}, ${formatDate(lang, d.created_at.slice(0, 10))}`)}
        </dl>
        <ul class="link-list">
          <li>
            <a href={mHref(lang, m, `/logg/decision/${d.id}`)}>{lang === 'sv' ? 'Ändringshistorik' : 'Change history'}</a>
          </li>
          <li>
            <a href={mHref(lang, m, `/bilagor/decision/${d.id}`)}>{lang === 'sv' ? 'Bilagor' : 'Attachments'}</a>
          </li>
          <li>
            <a href={mHref(lang, m, '/beslut')}>{M.back[lang]}</a>
          </li>
        </ul>
      </AdminLayout>,
    );
  });

  return app;
}
