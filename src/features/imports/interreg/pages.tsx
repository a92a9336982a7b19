/** The pages of the Interreg import: read the list, choose organisations, dry run, import. */
import { formatMoney, formatNumber, type Lang } from '../../../i18n/index.js';
import { MUNICIPALITY_ROLES } from '../../../i18n/labels.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors } from '../../../ui/forms.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import type { Candidate, InterregPlan } from './interreg.js';
import { M } from '../messages.js';
import { IssuesTable, importHref, TableRegion, UploadForm } from '../pages.js';
import type { ImportRun } from '../service.js';
import type { ImportIssue } from '../text.js';

function crumbs(ctx: AdminPageContext, label: string) {
  return adminCrumbs(ctx, { label: M.title[ctx.lang], href: importHref(ctx.lang, ctx.municipality?.slug ?? '') }, { label });
}

const municipalityName = (ctx: AdminPageContext) => (ctx.municipality ? (ctx.lang === 'sv' ? ctx.municipality.name_sv : ctx.municipality.name_en) : '');

export function InterregUploadPage(props: { ctx: AdminPageContext; csrf: string; serverFile: boolean; maxMb: number; errors?: FormErrors; issues?: ImportIssue[] }) {
  const { ctx } = props;
  const { lang } = ctx;
  const slug = ctx.municipality?.slug ?? '';
  return (
    <AdminLayout ctx={ctx} title={M.interregTitle[lang]} current="import" crumbs={crumbs(ctx, M.interregTitle[lang])}>
      {props.errors && <FormErrorSummary lang={lang} errors={props.errors} />}
      <h1>{M.interregTitle[lang]}</h1>
      <p class="lead">{M.interregLead[lang]}</p>
      {props.issues && props.issues.length > 0 && <IssuesTable lang={lang} issues={props.issues} caption={M.unreadable[lang]} />}
      <UploadForm
        lang={lang}
        action={importHref(lang, slug, '/interreg')}
        csrf={props.csrf}
        label={M.interregFile[lang]}
        hint={M.interregFileHint(props.maxMb)[lang]}
        accept=".json,application/json"
        error={props.errors?.file}
      />
      {props.serverFile && (
        <AdminForm action={importHref(lang, slug, '/interreg')} csrf={props.csrf}>
          <input type="hidden" name="server" value="1" />
          <p>{M.orText[lang]}</p>
          <div class="button-group">
            <button type="submit" class="button button--secondary">
              {M.useServerFile[lang]}
            </button>
          </div>
        </AdminForm>
      )}
    </AdminLayout>
  );
}

const option = (lang: Lang, c: Candidate) => ({ value: c.key, label: `${c.names.join(' / ')} (${M.projectsCount(c.projects)[lang]})` });

export function InterregChoosePage(props: {
  ctx: AdminPageContext;
  csrf: string;
  run: ImportRun;
  candidates: Candidate[];
  chosen: string[];
  plan?: InterregPlan;
  skippedRows: number;
  errors?: FormErrors;
}) {
  const { ctx, run, candidates, plan } = props;
  const { lang } = ctx;
  const slug = ctx.municipality?.slug ?? '';
  const own = candidates.filter((c) => c.match !== 'possible');
  const possible = candidates.filter((c) => c.match === 'possible');
  const pageHref = importHref(lang, slug, `/${run.id}`);
  const toWrite = plan ? plan.counts.create + plan.counts.update : 0;
  return (
    <AdminLayout ctx={ctx} title={M.interregTitle[lang]} current="import" crumbs={crumbs(ctx, M.interregTitle[lang])}>
      {props.errors && <FormErrorSummary lang={lang} errors={props.errors} />}
      <h1>{M.interregTitle[lang]}</h1>
      {props.skippedRows > 0 && <p>{M.fileRowsSkipped(props.skippedRows)[lang]}</p>}
      <h2>{M.chooseTitle[lang]}</h2>
      {candidates.length === 0 ? (
        <p>{M.noCandidates(municipalityName(ctx))[lang]}</p>
      ) : (
        <form method="get" action={pageHref} novalidate>
          <input type="hidden" name="provkor" value="1" />
          {own.length > 0 && (
            <ChoiceGroup name="org" legend={M.chooseLegend[lang]} hint={M.chooseHint[lang]} lang={lang} type="checkbox" options={own.map((c) => option(lang, c))} values={props.chosen} error={props.errors?.org} />
          )}
          {possible.length > 0 && (
            <ChoiceGroup
              name={own.length > 0 ? 'org-possible' : 'org'}
              legend={M.possibleLegend[lang]}
              hint={M.possibleHint[lang]}
              lang={lang}
              type="checkbox"
              options={possible.map((c) => option(lang, c))}
              values={props.chosen}
              error={own.length > 0 ? undefined : props.errors?.org}
            />
          )}
          <div class="button-group">
            <button type="submit" class="button button--secondary">
              {M.dryRun[lang]}
            </button>
          </div>
        </form>
      )}
      {plan && (
        <>
          <h2>{M.dryRunTitle[lang]}</h2>
          <dl class="summary-list">
            <dt>{M.toCreate[lang]}</dt>
            <dd>{formatNumber(lang, plan.counts.create)}</dd>
            <dt>{M.toUpdate[lang]}</dt>
            <dd>{formatNumber(lang, plan.counts.update)}</dd>
            <dt>{M.unchanged[lang]}</dt>
            <dd>{formatNumber(lang, plan.counts.unchanged)}</dd>
            {plan.newProgrammes.length > 0 && (
              <>
                <dt>{M.newProgrammes[lang]}</dt>
                <dd>{plan.newProgrammes.join(', ')}</dd>
              </>
            )}
            {plan.newOrganisations.length > 0 && (
              <>
                <dt>{M.newOrganisations[lang]}</dt>
                <dd>{formatNumber(lang, plan.newOrganisations.length)}</dd>
              </>
            )}
          </dl>
          {plan.namelessPartners > 0 && <p>{M.namelessPartners(plan.namelessPartners)[lang]}</p>}
          {plan.projects.length === 0 ? (
            <p>{M.noProjects[lang]}</p>
          ) : (
            <TableRegion label={M.dryRunTitle[lang]}>
              <table class="data">
                <caption>{M.dryRunTitle[lang]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{M.project[lang]}</th>
                    <th scope="col">{M.programme[lang]}</th>
                    <th scope="col">{M.role[lang]}</th>
                    <th scope="col">{M.period[lang]}</th>
                    <th scope="col">{M.budget[lang]}</th>
                    <th scope="col">{M.partners[lang]}</th>
                    <th scope="col">{M.action[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.projects.map((p) => (
                    <tr>
                      <td>{p.title}</td>
                      <td>{lang === 'sv' ? p.programme.name_sv : p.programme.name_en}</td>
                      <td>{MUNICIPALITY_ROLES[p.role][lang]}</td>
                      <td>{[p.startDate, p.endDate].filter(Boolean).join(' – ')}</td>
                      <td>{p.funding.length ? formatMoney(lang, p.funding.reduce((s, f) => s + f.amount_minor, 0), 'EUR') : ''}</td>
                      <td>{formatNumber(lang, p.partners.length)}</td>
                      <td>{M.actions[p.action]?.[lang]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {toWrite > 0 && (
            <AdminForm action={importHref(lang, slug, `/${run.id}/kor`)} csrf={props.csrf}>
              {props.chosen.map((key) => (
                <input type="hidden" name="org" value={key} />
              ))}
              <div class="button-group">
                <button type="submit" class="button">
                  {M.runInterreg(toWrite)[lang]}
                </button>
              </div>
            </AdminForm>
          )}
          {plan.projects.length > 0 && toWrite === 0 && <p>{M.nothingToDo[lang]}</p>}
        </>
      )}
    </AdminLayout>
  );
}
