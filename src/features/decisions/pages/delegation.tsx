/**
 * The delegation order (`/:kommun/delegationsordning`): which committee answers for which unit,
 * and the points that let delegates decide on international projects. Everyone with a role
 * reads it; changing it is 'configure'. Also the municipality's settings (`/:kommun/installningar`:
 * the hourly cost of own staff time and the registry prefix), 'configure' only.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { ProjectKind } from '../../../db/schema.js';
import { AppError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { PROJECT_KINDS } from '../../../i18n/labels.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors, type FormValues, list, SelectField, str, TextField } from '../../../ui/forms.js';
import { idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { can } from '../../policy/policy.js';
import { R } from '../../reports/admin/messages.js';
import { kr, orgName } from '../explain.js';
import { fill, M, NOTICES } from '../messages.js';
import { COMMITTEE_KINDS, findRule, loadRoutingContext, loadSettings, type RuleRow, UNIT_KINDS } from '../repository.js';
import { responsibleCommittee } from '../routing.js';
import { deleteRule, type RuleInput, saveCommitteeUnits, saveRule, saveSettings } from '../service.js';
import { kronorValue, mHref, parseKronor, TableWrap } from './common.js';

const KIND_KEYS = Object.keys(PROJECT_KINDS) as ProjectKind[];

function appErrorToForm(e: unknown): FormErrors | undefined {
  if (e instanceof AppError && e.fieldErrors.length) return Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message]));
  return undefined;
}

export function delegationRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const overview = async (c: Context<AppEnv>, status: 200 | 400, errors: FormErrors = {}, values?: FormValues) => {
    const scope = await requireAdminMunicipality(c);
    const { municipality: m, actor } = scope;
    const ctx = await adminPageContext(c, m);
    const rc = await loadRoutingContext(c.var.handle.db, m.id);
    const configure = can(actor, 'configure', { municipalityId: m.id });
    const committees = rc.organisationList.filter((o) => (COMMITTEE_KINDS as readonly string[]).includes(o.kind));
    const units = rc.organisationList.filter((o) => (UNIT_KINDS as readonly string[]).includes(o.kind));
    const committeeById = new Map(committees.map((o) => [o.id, o]));
    const title = M.delegationTitle[lang];
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="delegation" crumbs={adminCrumbs(ctx, { label: title })} notice={status === 200 ? noticeOf(c, NOTICES) : undefined}>
        <h1>{title}</h1>
        <p class="lead">{M.delegationIntro[lang]}</p>
        <FormErrorSummary lang={lang} errors={errors} />
        {committees.length === 0 && (
          <div class="notice notice--warn">
            <p>{M.noCommittees[lang]}</p>
          </div>
        )}
        <h2 id="units-heading">{M.unitsHeading[lang]}</h2>
        <p>{M.unitsHint[lang]}</p>
        {units.length === 0 ? (
          <p>{M.noUnits[lang]}</p>
        ) : (
          (() => {
            const table = (
              <TableWrap label={M.unitsHeading[lang]}>
                <table class="data" aria-labelledby="units-heading">
                  <thead>
                    <tr>
                      <th scope="col">{M.unit[lang]}</th>
                      <th scope="col">{M.committee[lang]}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {units.map((u) => {
                      const own = rc.committeeOfUnit.get(u.id);
                      const effective = responsibleCommittee(u.id, rc);
                      const inherited =
                        own != null || !effective.committee
                          ? undefined
                          : effective.source === 'parent_unit'
                            ? fill(M.inheritedFromParent[lang], { committee: orgName(effective.committee, lang) })
                            : fill(M.boardDecides[lang], { board: orgName(effective.committee, lang) });
                      const field = `committee_${u.id}`;
                      const chosen = values ? str(values, field) : own != null ? String(own) : '';
                      return (
                        <tr>
                          <th scope="row">{orgName(u, lang)}</th>
                          <td>
                            {configure ? (
                              <div class={`field${errors[field] ? ' field--error' : ''}`}>
                                <label class="visually-hidden" for={field}>{`${M.committee[lang]}: ${orgName(u, lang)}`}</label>
                                {errors[field] && (
                                  <p class="field-error" id={`${field}-error`}>
                                    {errors[field]}
                                  </p>
                                )}
                                <select class="select" id={field} name={field} aria-describedby={[inherited ? `${field}-hint` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined}>
                                  <option value="">{M.noCommittee[lang]}</option>
                                  {committees.map((o) => (
                                    <option value={String(o.id)} selected={chosen === String(o.id)}>
                                      {orgName(o, lang)}
                                    </option>
                                  ))}
                                </select>
                                {inherited && (
                                  <p class="field-hint" id={`${field}-hint`}>
                                    {inherited}
                                  </p>
                                )}
                              </div>
                            ) : own != null ? (
                              orgName(committeeById.get(own), lang)
                            ) : (
                              <span class="muted">{inherited ?? M.noCommittee[lang]}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            );
            return configure ? (
              <AdminForm action={mHref(lang, m, '/delegationsordning/namnder')} csrf={actor.csrfToken}>
                {table}
                <div class="button-group">
                  <button type="submit" class="button">
                    {M.saveUnits[lang]}
                  </button>
                </div>
              </AdminForm>
            ) : (
              table
            );
          })()
        )}
        <h2 id="rules-heading">{M.rulesHeading[lang]}</h2>
        {rc.rules.length === 0 ? (
          <p>{M.rulesEmpty[lang]}</p>
        ) : (
          <TableWrap label={M.rulesHeading[lang]}>
            <table class="data" aria-labelledby="rules-heading">
              <thead>
                <tr>
                  <th scope="col">{M.reference[lang]}</th>
                  <th scope="col">{M.delegate[lang]}</th>
                  <th scope="col">{M.ruleCommittee[lang]}</th>
                  <th scope="col">{M.kinds[lang]}</th>
                  <th scope="col">{M.maxAmount[lang]}</th>
                  {configure && <th scope="col">{M.actions[lang]}</th>}
                </tr>
              </thead>
              <tbody>
                {rc.rules.map((r) => (
                  <tr>
                    <td>{r.reference ?? '–'}</td>
                    <td>{r.delegate_role}</td>
                    <td>{orgName(rc.organisations.get(r.committee_id), lang)}</td>
                    <td>{r.project_kinds.length === 0 ? M.allKinds[lang] : r.project_kinds.map((k) => PROJECT_KINDS[k]?.[lang] ?? k).join(', ')}</td>
                    <td>{kr(lang, r.max_cofinancing_minor)}</td>
                    {configure && (
                      <td>
                        <div class="button-group">
                          <a href={mHref(lang, m, `/delegationsordning/regler/${r.id}`)}>
                            {M.edit[lang]}
                            <span class="visually-hidden">{`: ${r.delegate_role} ${r.reference ?? ''}`}</span>
                          </a>
                          <AdminForm action={mHref(lang, m, `/delegationsordning/regler/${r.id}/ta-bort`)} csrf={actor.csrfToken} class="inline-form">
                            <button type="submit" class="link-button">
                              {M.remove[lang]}
                              <span class="visually-hidden">{`: ${r.delegate_role} ${r.reference ?? ''}`}</span>
                            </button>
                          </AdminForm>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {configure && committees.length > 0 && (
          <p>
            <a class="button button--secondary" href={mHref(lang, m, '/delegationsordning/regler/ny')}>
              {M.addRule[lang]}
            </a>
          </p>
        )}
      </AdminLayout>,
    );
  };

  app.get('/:kommun/delegationsordning', (c) => overview(c, 200));

  app.post('/:kommun/delegationsordning/namnder', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const assignments = new Map<number, number | null>();
    const errors: FormErrors = {};
    for (const [key, raw] of Object.entries(values)) {
      const unit = /^committee_([1-9][0-9]{0,14})$/.exec(key);
      if (!unit) continue;
      const v = typeof raw === 'string' ? raw : '';
      if (v === '') assignments.set(Number(unit[1]), null);
      else if (/^[1-9][0-9]{0,14}$/.test(v)) assignments.set(Number(unit[1]), Number(v));
      else errors[key] = lang === 'sv' ? 'Välj en av kommunens nämnder.' : 'Choose one of the municipality’s committees.';
    }
    if (Object.keys(errors).length) return overview(c, 400, errors, values);
    try {
      await saveCommitteeUnits(c.var.handle.db, actor, m.id, assignments, lang);
    } catch (e) {
      const fe = appErrorToForm(e);
      if (fe) return overview(c, 400, fe, values);
      throw e;
    }
    return c.redirect(`${mHref(lang, m, '/delegationsordning')}?klart=units`, 303);
  });

  // ── One point of the delegation order ─────────────────────────────────────
  const ruleForm = async (c: Context<AppEnv>, status: 200 | 400, rule: RuleRow | undefined, values: FormValues, errors: FormErrors = {}) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const ctx = await adminPageContext(c, m);
    const rc = await loadRoutingContext(c.var.handle.db, m.id);
    const committees = rc.organisationList.filter((o) => (COMMITTEE_KINDS as readonly string[]).includes(o.kind));
    const title = rule ? M.editRuleTitle[lang] : M.newRuleTitle[lang];
    const action = rule ? `/delegationsordning/regler/${rule.id}` : '/delegationsordning/regler';
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="delegation" crumbs={adminCrumbs(ctx, { href: mHref(lang, m, '/delegationsordning'), label: M.delegationTitle[lang] }, { label: title })}>
        <h1>{title}</h1>
        <FormErrorSummary lang={lang} errors={errors} />
        <AdminForm action={mHref(lang, m, action)} csrf={actor.csrfToken}>
          <SelectField name="committee_id" label={M.ruleCommittee[lang]} lang={lang} value={str(values, 'committee_id')} error={errors.committee_id} options={committees.map((o) => ({ value: String(o.id), label: orgName(o, lang) }))} emptyLabel="" />
          <TextField name="delegate_role" label={M.ruleDelegate[lang]} hint={M.ruleDelegateHint[lang]} lang={lang} value={str(values, 'delegate_role')} error={errors.delegate_role} width="w-medium" />
          <ChoiceGroup name="project_kinds" legend={M.kinds[lang]} hint={M.ruleKindsHint[lang]} lang={lang} type="checkbox" optional options={KIND_KEYS.map((k) => ({ value: k, label: PROJECT_KINDS[k][lang] }))} values={list(values, 'project_kinds')} error={errors.project_kinds} />
          <TextField name="max_amount" label={M.ruleMax[lang]} hint={M.ruleMaxHint[lang]} lang={lang} value={str(values, 'max_amount')} error={errors.max_amount} inputmode="decimal" width="w-short" />
          <TextField name="reference" label={M.ruleReference[lang]} hint={M.ruleReferenceHint[lang]} lang={lang} optional value={str(values, 'reference')} error={errors.reference} width="w-short" />
          <div class="button-group">
            <button type="submit" class="button">
              {M.saveRule[lang]}
            </button>
            <a href={mHref(lang, m, '/delegationsordning')}>{M.cancel[lang]}</a>
          </div>
        </AdminForm>
      </AdminLayout>,
    );
  };

  const parseRule = (values: FormValues): { input?: RuleInput; errors: FormErrors } => {
    const sv = lang === 'sv';
    const errors: FormErrors = {};
    const committee = str(values, 'committee_id');
    if (!/^[1-9][0-9]{0,14}$/.test(committee)) errors.committee_id = sv ? 'Välj den nämnd som delegerar.' : 'Choose the committee that delegates.';
    const role = str(values, 'delegate_role').trim();
    if (!role) errors.delegate_role = sv ? 'Fyll i delegatens titel.' : 'Enter the delegate’s title.';
    else if (role.length > 100) errors.delegate_role = sv ? 'Titeln får ha högst 100 tecken.' : 'The title must be 100 characters or fewer.';
    const kinds = list(values, 'project_kinds');
    if (kinds.some((k) => !KIND_KEYS.includes(k as ProjectKind))) errors.project_kinds = sv ? 'Välj bland de angivna slagen av projekt.' : 'Choose among the kinds of project shown.';
    const rawMax = str(values, 'max_amount');
    const max = parseKronor(rawMax);
    if (!rawMax.trim()) errors.max_amount = sv ? 'Fyll i högsta medfinansiering i kronor.' : 'Enter the highest co-financing in kronor.';
    else if (max === undefined || max > 1_000_000_000_00) errors.max_amount = sv ? 'Skriv beloppet i kronor med siffror, till exempel 250 000.' : 'Write the amount in kronor in figures, for example 250 000.';
    const reference = str(values, 'reference').trim();
    if (reference.length > 20) errors.reference = sv ? 'Punkten får ha högst 20 tecken.' : 'The point must be 20 characters or fewer.';
    if (Object.keys(errors).length) return { errors };
    return { errors, input: { committeeId: Number(committee), delegateRole: role, projectKinds: [...new Set(kinds)] as ProjectKind[], maxCofinancingMinor: max!, reference: reference || null } };
  };

  const ruleValues = (r: RuleRow): FormValues => ({
    committee_id: String(r.committee_id),
    delegate_role: r.delegate_role,
    project_kinds: r.project_kinds,
    max_amount: kronorValue(r.max_cofinancing_minor),
    reference: r.reference ?? '',
  });

  const loadRuleOr404 = async (c: Context<AppEnv>) => {
    const { municipality: m } = await requireAdminMunicipality(c, 'configure');
    const rule = await findRule(c.var.handle.db, m.id, idParam(c));
    if (!rule) throw new AppError('not_found', lang === 'sv' ? 'Punkten finns inte.' : 'The point does not exist.');
    return rule;
  };

  app.get('/:kommun/delegationsordning/regler/ny', (c) => ruleForm(c, 200, undefined, { committee_id: c.req.query('namnd') ?? '' }));

  app.post('/:kommun/delegationsordning/regler', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const { input, errors } = parseRule(values);
    if (!input) return ruleForm(c, 400, undefined, values, errors);
    try {
      await saveRule(c.var.handle.db, actor, m.id, undefined, input, lang);
    } catch (e) {
      const fe = appErrorToForm(e);
      if (fe) return ruleForm(c, 400, undefined, values, fe);
      throw e;
    }
    return c.redirect(`${mHref(lang, m, '/delegationsordning')}?klart=rule`, 303);
  });

  app.get('/:kommun/delegationsordning/regler/:id', async (c) => {
    const rule = await loadRuleOr404(c);
    return ruleForm(c, 200, rule, ruleValues(rule));
  });

  app.post('/:kommun/delegationsordning/regler/:id', async (c) => {
    const rule = await loadRuleOr404(c);
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const { input, errors } = parseRule(values);
    if (!input) return ruleForm(c, 400, rule, values, errors);
    try {
      await saveRule(c.var.handle.db, actor, m.id, rule.id, input, lang);
    } catch (e) {
      const fe = appErrorToForm(e);
      if (fe) return ruleForm(c, 400, rule, values, fe);
      throw e;
    }
    return c.redirect(`${mHref(lang, m, '/delegationsordning')}?klart=rule`, 303);
  });

  app.post('/:kommun/delegationsordning/regler/:id/ta-bort', async (c) => {
    const rule = await loadRuleOr404(c);
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    await deleteRule(c.var.handle.db, actor, m.id, rule.id, lang);
    return c.redirect(`${mHref(lang, m, '/delegationsordning')}?klart=rule_deleted`, 303);
  });

  // ── Settings ──────────────────────────────────────────────────────────────
  const settingsPage = async (c: Context<AppEnv>, status: 200 | 400, values?: FormValues, errors: FormErrors = {}) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const ctx = await adminPageContext(c, m);
    const settings = await loadSettings(c.var.handle.db, m.id);
    const v = values ?? { staff_hour_cost: kronorValue(settings.staffHourCostMinor), registry_prefix: settings.registryPrefix };
    const title = M.settingsTitle[lang];
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={title} current="settings" crumbs={adminCrumbs(ctx, { label: title })} notice={status === 200 ? noticeOf(c, NOTICES) : undefined}>
        <h1>{title}</h1>
        {!settings.saved && status === 200 && <p>{M.defaultsInUse[lang]}</p>}
        <FormErrorSummary lang={lang} errors={errors} />
        <AdminForm action={mHref(lang, m, '/installningar')} csrf={actor.csrfToken}>
          <TextField name="staff_hour_cost" label={M.staffHourCost[lang]} hint={M.staffHourCostHint[lang]} lang={lang} value={str(v, 'staff_hour_cost')} error={errors.staff_hour_cost} inputmode="decimal" width="w-short" />
          <TextField name="registry_prefix" label={M.registryPrefix[lang]} hint={M.registryPrefixHint[lang]} lang={lang} value={str(v, 'registry_prefix')} error={errors.registry_prefix} width="w-short" spellcheck={false} />
          <div class="button-group">
            <button type="submit" class="button">
              {M.saveSettings[lang]}
            </button>
          </div>
        </AdminForm>
        <ul class="link-list">
          <li>
            <a href={mHref(lang, m, '/installningar/inloggning')}>{M.ssoLink[lang]}</a>
          </li>
          <li>
            <a href={mHref(lang, m, '/installningar/uppfoljning')}>{R.settingsTitle[lang]}</a>
          </li>
          <li>
            <a href={mHref(lang, m, '/delegationsordning')}>{M.delegationTitle[lang]}</a>
          </li>
        </ul>
      </AdminLayout>,
    );
  };

  app.get('/:kommun/installningar', (c) => settingsPage(c, 200));

  app.post('/:kommun/installningar', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const sv = lang === 'sv';
    const errors: FormErrors = {};
    const rawCost = str(values, 'staff_hour_cost');
    const cost = parseKronor(rawCost);
    if (!rawCost.trim()) errors.staff_hour_cost = sv ? 'Fyll i kostnaden för en timme i kronor.' : 'Enter the cost of one hour in kronor.';
    else if (cost === undefined || cost <= 0 || cost > 10_000_000) errors.staff_hour_cost = sv ? 'Skriv timkostnaden i kronor, mellan 0,01 och 100 000, till exempel 500.' : 'Write the hourly cost in kronor, between 0.01 and 100 000, for example 500.';
    const prefix = str(values, 'registry_prefix').trim().toUpperCase();
    if (!prefix) errors.registry_prefix = sv ? 'Fyll i prefixet för diarienummer.' : 'Enter the prefix of registry numbers.';
    else if (!/^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9-]{0,11}$/.test(prefix)) errors.registry_prefix = sv ? 'Prefixet får bestå av högst 12 bokstäver, siffror och bindestreck, till exempel KS.' : 'The prefix may have up to 12 letters, digits and hyphens, for example KS.';
    if (Object.keys(errors).length) return settingsPage(c, 400, values, errors);
    await saveSettings(c.var.handle.db, actor, m.id, { staffHourCostMinor: cost!, registryPrefix: prefix });
    return c.redirect(`${mHref(lang, m, '/installningar')}?klart=settings`, 303);
  });

  return app;
}
