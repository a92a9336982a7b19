/**
 * The half-year reports' pages: the list with a form for a new draft, a report (status, each
 * unit's section, summary, downloads and the report itself), and the confirmation before
 * finalising. The forms of a section, the summary and the structure are in form-pages.tsx.
 */
import type { Lang } from '../../../i18n/index.js';
import { formatDate } from '../../../i18n/index.js';
import { AdminForm, Checkbox, FormErrorSummary, type FormErrors, type FormValues, SelectField, str } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { TableWrap } from '../../decisions/pages/common.js';
import { swedishDateOf } from '../../decisions/registry.js';
import type { ReportData } from '../model.js';
import { halfYearLabel, parseHalfYear } from '../period.js';
import { reportFilename } from '../render/index.js';
import { ReportBody } from '../render/html.js';
import { R, tr } from './messages.js';
import { type Recipient, recipientLine } from './recipients.js';
import type { ReportRow, SectionRow } from './repository.js';

/** A back-office address of the municipality's reports: `/admin/arvika/halvarsrapporter/3`. */
export function reportHref(lang: Lang, slug: string, rest = ''): string {
  return adminHref(lang, `/${slug}/halvarsrapporter${rest}`);
}

/** The period as words: "första halvåret 2026". */
export function periodLabel(period: string, lang: Lang): string {
  const p = parseHalfYear(period);
  return p ? halfYearLabel(p, lang) : period;
}

/** The report's title in the language (the Swedish one when there is no English title). */
export function reportTitle(r: Pick<ReportRow, 'title_sv' | 'title_en'>, lang: Lang): string {
  return lang === 'en' && r.title_en ? r.title_en : r.title_sv;
}

export function unitName(s: Pick<SectionRow, 'unitName' | 'unitNameEn'>, lang: Lang): string {
  return lang === 'en' && s.unitNameEn ? s.unitNameEn : s.unitName;
}

/** A date, or a timestamp's day in Sweden, as words; '–' for none. */
export function dayText(lang: Lang, iso: string | null | undefined): string {
  return iso ? formatDate(lang, swedishDateOf(iso)) : '–';
}

function StatusTag(props: { lang: Lang; status: ReportRow['status'] }) {
  return props.status === 'finalised' ? <span class="tag tag--done">{tr(R.statusFinalised, props.lang)}</span> : <span class="tag tag--draft">{tr(R.statusDraft, props.lang)}</span>;
}

/** How many of the sections are ready, of how many. */
function completion(sections: readonly { readyAt: string | null }[]): { ready: number; total: number } {
  return { ready: sections.filter((s) => s.readyAt).length, total: sections.length };
}

// ── The list ────────────────────────────────────────────────────────────────

export function ReportListPage(props: {
  ctx: AdminPageContext;
  reports: ReportRow[];
  sections: SectionRow[];
  canPublish: boolean;
  periods: string[];
  values: FormValues;
  errors: FormErrors;
  duplicate?: ReportRow;
  notice?: string;
}) {
  const { ctx } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = tr(R.title, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(R.lead, lang)}</p>
      <FormErrorSummary lang={lang} errors={props.errors} />
      {props.reports.length === 0 ? (
        <p>{tr(R.noReports, lang)}</p>
      ) : (
        <TableWrap label={title}>
          <table class="data">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(R.report, lang)}</th>
                <th scope="col">{tr(R.period, lang)}</th>
                <th scope="col">{tr(R.status, lang)}</th>
                <th scope="col">{tr(R.completion, lang)}</th>
                <th scope="col">{tr(R.sectionsDue, lang)}</th>
                <th scope="col">{tr(R.reportDue, lang)}</th>
                <th scope="col">{tr(R.registryNumber, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {props.reports.map((r) => {
                const c = completion(props.sections.filter((s) => s.reportId === r.id));
                return (
                  <tr>
                    <td>
                      <a href={reportHref(lang, slug, `/${r.id}`)}>{reportTitle(r, lang)}</a>
                    </td>
                    <td>{periodLabel(r.period, lang)}</td>
                    <td>
                      <StatusTag lang={lang} status={r.status} />
                    </td>
                    <td>{tr(R.completionText, lang, c)}</td>
                    <td>{dayText(lang, r.sections_due_on)}</td>
                    <td>{dayText(lang, r.due_on)}</td>
                    <td>{r.registry_number ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2 id="ny-rapport">{tr(R.newDraft, lang)}</h2>
      {props.canPublish ? (
        <>
          {props.duplicate && (
            <p>
              <a href={reportHref(lang, slug, `/${props.duplicate.id}`)}>{tr(R.openExisting, lang, { period: periodLabel(props.duplicate.period, lang) })}</a>
            </p>
          )}
          <AdminForm action={reportHref(lang, slug)} csrf={ctx.actor!.csrfToken}>
            <SelectField name="period" label={tr(R.choosePeriod, lang)} hint={tr(R.newDraftHint, lang)} lang={lang} value={str(props.values, 'period')} error={props.errors.period} options={props.periods.map((p) => ({ value: p, label: periodLabel(p, lang) }))} />
            <div class="button-group">
              <button type="submit" class="button">
                {tr(R.createDraft, lang)}
              </button>
            </div>
          </AdminForm>
        </>
      ) : (
        <p class="muted">{tr(R.onlyCoordinators, lang)}</p>
      )}
    </AdminLayout>
  );
}

// ── A report ────────────────────────────────────────────────────────────────

/** "Slutförd 31 augusti 2026, diarienummer KS 2026/12." and where it was sent. */
function FinalisedFacts(props: { lang: Lang; report: ReportRow; recipients: Recipient[] }) {
  const { lang, report } = props;
  const sentTo = report.sent_to ? (JSON.parse(report.sent_to) as string[]) : [];
  return (
    <>
      <p>
        {tr(R.finalisedLine, lang, { date: dayText(lang, report.finalised_on), nr: report.registry_number ?? '–' })}{' '}
        {report.sent_at && tr(R.sentLine, lang, { to: sentTo.join(', '), date: dayText(lang, report.sent_at) })}
      </p>
      {!report.sent_at && <p>{tr(props.recipients.length ? R.notSent : R.noRecipients, lang)}</p>}
    </>
  );
}

export function ReportPage(props: {
  ctx: AdminPageContext;
  report: ReportRow;
  sections: SectionRow[];
  data: ReportData;
  /** Units whose section the actor may edit. */
  canEditUnit: (unitId: number) => boolean;
  canPublish: boolean;
  canSeeHistory: boolean;
  recipients: Recipient[];
  previous?: ReportRow;
  notice?: string;
}) {
  const { ctx, report, sections, data } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = reportTitle(report, lang);
  const href = (rest = '') => reportHref(lang, slug, `/${report.id}${rest}`);
  const draft = report.status === 'draft';
  // A finalised report shows its sections as they were frozen; a draft its live rows.
  const rows = draft
    ? sections.map((s) => ({ unitId: s.unitId, name: unitName(s, lang), readyAt: s.readyAt, readyBy: s.readyByName }))
    : data.units.map((u) => ({ unitId: u.unitId, name: u.unitName, readyAt: u.readyAt, readyBy: u.readyBy }));
  const actions: [string, string][] = [
    ...(draft && props.canPublish
      ? ([
          [href('/sammanfattning'), tr(R.editSummary, lang)],
          [href('/struktur'), tr(R.editStructure, lang)],
          [href('/slutfor'), tr(R.finalise, lang)],
        ] as [string, string][])
      : []),
    ...(props.canSeeHistory ? ([[adminHref(lang, `/${slug}/logg/half_year_report/${report.id}`), tr(R.history, lang)]] as [string, string][]) : []),
  ];
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={adminCrumbs(ctx, { href: reportHref(lang, slug), label: tr(R.title, lang) }, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(R.period, lang)}</dt>
        <dd>{periodLabel(report.period, lang)}</dd>
        <dt>{tr(R.status, lang)}</dt>
        <dd>
          <StatusTag lang={lang} status={report.status} />
        </dd>
        <dt>{tr(R.completion, lang)}</dt>
        <dd>{tr(R.completionUnits, lang, completion(rows))}</dd>
        <dt>{tr(R.sectionsDue, lang)}</dt>
        <dd>{dayText(lang, report.sections_due_on)}</dd>
        <dt>{tr(R.reportDue, lang)}</dt>
        <dd>{dayText(lang, report.due_on)}</dd>
        {report.registry_number && (
          <>
            <dt>{tr(R.registryNumber, lang)}</dt>
            <dd>{report.registry_number}</dd>
          </>
        )}
        {props.previous && (
          <>
            <dt>{tr(R.previous, lang)}</dt>
            <dd>
              <a href={reportHref(lang, slug, `/${props.previous.id}`)}>{reportTitle(props.previous, lang)}</a>
            </dd>
          </>
        )}
      </dl>
      {!draft && (
        <div class={`notice${report.sent_at ? '' : ' notice--warn'}`}>
          <FinalisedFacts lang={lang} report={report} recipients={props.recipients} />
          {!report.sent_at && props.canPublish && props.recipients.length > 0 && (
            <AdminForm action={href('/skicka')} csrf={ctx.actor!.csrfToken}>
              <button type="submit" class="button button--secondary">
                {tr(R.sendAgain, lang)}
              </button>
            </AdminForm>
          )}
        </div>
      )}
      {actions.length > 0 && (
        <nav aria-label={tr(R.actions, lang)}>
          <ul class="plan-actions">
            {actions.map(([path, label]) => (
              <li>
                <a href={path}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <h2 id="avsnitt">{tr(R.unitsHeading, lang)}</h2>
      {rows.length === 0 ? (
        <p>{tr(R.noUnits, lang)}</p>
      ) : (
        <TableWrap label={tr(R.unitsHeading, lang)}>
          <table class="data" aria-labelledby="avsnitt">
            <thead>
              <tr>
                <th scope="col">{tr(R.unit, lang)}</th>
                <th scope="col">{tr(R.status, lang)}</th>
                <th scope="col">{tr(R.readyWhen, lang)}</th>
                <th scope="col">{tr(R.readyBy, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr>
                  <th scope="row">
                    {props.canEditUnit(s.unitId) ? (
                      <a href={href(`/avsnitt/${s.unitId}`)}>
                        {s.name}
                        <span class="visually-hidden">{`: ${tr(draft ? R.writeComment : R.showSection, lang)}`}</span>
                      </a>
                    ) : (
                      s.name
                    )}
                  </th>
                  <td>{s.readyAt ? <span class="tag tag--done">{tr(R.ready, lang)}</span> : <span class="tag tag--draft">{tr(R.notReady, lang)}</span>}</td>
                  <td>{dayText(lang, s.readyAt)}</td>
                  <td>{s.readyAt ? (s.readyBy ?? '–') : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {/* The report below shows the summary, unless the structure leaves it out. */}
      {!data.structure.sections.some((s) => s.key === 'summary' && s.included) && (
        <>
          <h2>{tr(R.summaryHeading, lang)}</h2>
          {data.summary ? <p class="pre-line">{data.summary}</p> : <p class="muted">{tr(R.noSummary, lang)}</p>}
        </>
      )}

      <section class="exports" aria-labelledby="ladda-ned">
        <h2 id="ladda-ned">{tr(R.downloads, lang)}</h2>
        <p class="muted">{tr(draft ? R.draftDownloadHint : R.finalDownloadHint, lang)}</p>
        <ul>
          {(
            [
              ['docx', R.word],
              ['pdf', R.pdf],
              ['html', R.html],
            ] as const
          ).map(([format, label]) => {
            const name = reportFilename(data, format);
            return (
              <li>
                <a href={href(`/${name}`)} download={name}>
                  {`${tr(label, lang)} (${name})`}
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      <section class="report-view" aria-label={tr(R.theReport, lang)}>
        {draft && <p class="muted">{tr(R.draftNote, lang)}</p>}
        <ReportBody data={data} lang={lang} headingLevel={2} />
      </section>
    </AdminLayout>
  );
}

// ── Finalising ──────────────────────────────────────────────────────────────

export function FinalisePage(props: { ctx: AdminPageContext; report: ReportRow; sections: SectionRow[]; recipients: Recipient[]; registryPrefix: string; values: FormValues; errors: FormErrors }) {
  const { ctx, report, sections } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = tr(R.finaliseTitle, lang);
  const notReady = sections.filter((s) => !s.readyAt);
  const reportLink = reportHref(lang, slug, `/${report.id}`);
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={adminCrumbs(ctx, { href: reportHref(lang, slug), label: tr(R.title, lang) }, { href: reportLink, label: reportTitle(report, lang) }, { label: title })}>
      <h1>{title}</h1>
      <p class="lead">{tr(R.finaliseLead, lang)}</p>
      <FormErrorSummary lang={lang} errors={props.errors} />
      <dl class="summary-list">
        <dt>{tr(R.report, lang)}</dt>
        <dd>{reportTitle(report, lang)}</dd>
        <dt>{tr(R.completion, lang)}</dt>
        <dd>{tr(R.completionUnits, lang, completion(sections))}</dd>
        <dt>{tr(R.recipients, lang)}</dt>
        <dd>
          {props.recipients.length ? (
            <ul class="link-list">
              {props.recipients.map((r) => (
                <li>{recipientLine(r)}</li>
              ))}
            </ul>
          ) : (
            <>
              {tr(R.noRecipients, lang)} <a href={adminHref(lang, `/${slug}/installningar/uppfoljning`)}>{tr(R.settingsTitle, lang)}</a>
            </>
          )}
        </dd>
      </dl>
      <p>{tr(R.registryPrefixLine, lang, { prefix: props.registryPrefix })}</p>
      {notReady.length === 0 ? (
        <p>{tr(R.allReady, lang)}</p>
      ) : (
        <div class="notice notice--warn">
          <p>{tr(R.notReadyList, lang)}</p>
          <ul>
            {notReady.map((s) => (
              <li>{unitName(s, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <AdminForm action={reportHref(lang, slug, `/${report.id}/slutfor`)} csrf={ctx.actor!.csrfToken}>
        {notReady.length > 0 && (
          <Checkbox name="anyway" label={tr(R.finaliseAnyway, lang)} hint={tr(R.finaliseAnywayHint, lang)} lang={lang} checked={str(props.values, 'anyway') === '1'} error={props.errors.anyway} />
        )}
        <div class="button-group">
          <button type="submit" class="button">
            {tr(R.finaliseButton, lang)}
          </button>
          <a href={reportLink}>{tr(R.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
