/**
 * The half-year report's forms: a unit's section (its figures and comment, "ready"), the
 * coordinator's title and summary, and the structure (sections, order, headings, units).
 */
import type { MeasureStatus } from '../../../db/schema.js';
import { formatMoney, type Lang } from '../../../i18n/index.js';
import { AdminForm, Checkbox, FormErrorSummary, type FormErrors, type FormValues, str, TextArea, TextField } from '../../../ui/forms.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { TableWrap } from '../../decisions/pages/common.js';
import { MEASURE_STATUS_LABELS } from '../../strategy/plans/messages.js';
import type { ReportData, ReportProject } from '../model.js';
import { R, SECTION_NAMES, tr } from './messages.js';
import { dayText, reportHref, reportTitle, unitName } from './pages.js';
import type { ReportRow, SectionRow, UnitRef } from './repository.js';

/** The crumbs of a page under a report. */
function crumbs(ctx: AdminPageContext, report: ReportRow, label: string) {
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  return adminCrumbs(ctx, { href: reportHref(lang, slug), label: tr(R.title, lang) }, { href: reportHref(lang, slug, `/${report.id}`), label: reportTitle(report, lang) }, { label });
}

function Version(props: { values: FormValues }) {
  return <input type="hidden" name="version" value={str(props.values, 'version')} />;
}

const PHASES = { started: R.phaseStarted, finished: R.phaseFinished, ongoing: R.phaseOngoing } as const;

function externalText(p: ReportProject, lang: Lang): string {
  return p.external.length ? p.external.map((m) => formatMoney(lang, m.amountMinor, m.currency)).join(', ') : '–';
}

/** The unit's projects and measures in the period, from the report's content. */
function UnitFigures(props: { lang: Lang; data: ReportData; unitId: number }) {
  const { lang, data } = props;
  const unit = data.units.find((u) => u.unitId === props.unitId);
  const ids = new Set(unit?.projectIds ?? []);
  const projects = data.projects.filter((p) => ids.has(p.id));
  const measures = unit?.measures ?? [];
  return (
    <>
      <h2 id="projekt">{tr(R.unitProjects, lang)}</h2>
      {projects.length === 0 ? (
        <p>{tr(R.noUnitProjects, lang)}</p>
      ) : (
        <TableWrap label={tr(R.unitProjects, lang)}>
          <table class="data" aria-labelledby="projekt">
            <thead>
              <tr>
                <th scope="col">{tr(R.project, lang)}</th>
                <th scope="col">{tr(R.phase, lang)}</th>
                <th scope="col">{tr(R.period, lang)}</th>
                <th scope="col">{tr(R.externalFunding, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr>
                  <td>{lang === 'en' && p.titleEn ? p.titleEn : p.title}</td>
                  <td>{tr(PHASES[p.phase], lang)}</td>
                  <td>{`${dayText(lang, p.startDate)} – ${dayText(lang, p.endDate)}`}</td>
                  <td>{externalText(p, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2 id="atgarder">{tr(R.unitMeasures, lang)}</h2>
      {measures.length === 0 ? (
        <p>{tr(R.noUnitMeasures, lang)}</p>
      ) : (
        <TableWrap label={tr(R.unitMeasures, lang)}>
          <table class="data" aria-labelledby="atgarder">
            <thead>
              <tr>
                <th scope="col">{tr(R.measure, lang)}</th>
                <th scope="col">{tr(R.status, lang)}</th>
                <th scope="col" class="num">
                  {tr(R.progress, lang)}
                </th>
                <th scope="col">{tr(R.endDate, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr>
                  <td>{m.title}</td>
                  <td>{MEASURE_STATUS_LABELS[m.status as MeasureStatus]?.[lang] ?? m.status}</td>
                  <td class="num">{`${m.progress} %`}</td>
                  <td>{dayText(lang, m.endDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

// ── A unit's section ────────────────────────────────────────────────────────

export function SectionPage(props: { ctx: AdminPageContext; report: ReportRow; section: SectionRow; data: ReportData; values: FormValues; errors: FormErrors; notice?: string }) {
  const { ctx, report, section } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const name = unitName(section, lang);
  const title = tr(R.sectionTitle, lang, { unit: name });
  const action = reportHref(lang, slug, `/${report.id}/avsnitt/${section.unitId}`);
  const draft = report.status === 'draft';
  // A finalised report's section as it was frozen; a draft's live row.
  const frozen = draft ? undefined : props.data.units.find((u) => u.unitId === section.unitId);
  const readyAt = frozen ? frozen.readyAt : section.readyAt;
  const readyBy = frozen ? frozen.readyBy : section.readyByName;
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={crumbs(ctx, report, name)} notice={props.notice}>
      <h1>{title}</h1>
      <p class="muted">{reportTitle(report, lang)}</p>
      <FormErrorSummary lang={lang} errors={props.errors} />
      {draft && <p class="lead">{tr(R.sectionLead, lang)}</p>}
      {readyAt && (
        <div class="notice">
          <p>{tr(R.readySince, lang, { date: dayText(lang, readyAt), name: readyBy ?? '–' })}</p>
          {draft && (
            <AdminForm action={`${action}/ater-oppna`} csrf={ctx.actor!.csrfToken}>
              <p class="field-hint" id="reopen-hint">
                {tr(R.reopenHint, lang)}
              </p>
              <button type="submit" class="button button--secondary" aria-describedby="reopen-hint">
                {tr(R.reopen, lang)}
              </button>
            </AdminForm>
          )}
        </div>
      )}
      <UnitFigures lang={lang} data={props.data} unitId={section.unitId} />
      <h2 id="kommentar">{tr(R.comment, lang)}</h2>
      {draft ? (
        <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
          <Version values={props.values} />
          <TextArea name="comment" label={tr(R.commentLabel, lang)} hint={tr(R.commentHint, lang)} lang={lang} value={str(props.values, 'comment')} error={props.errors.comment} rows={10} />
          <div class="button-group">
            <button type="submit" class="button" name="action" value="ready">
              {tr(R.saveReady, lang)}
            </button>
            <button type="submit" class="button button--secondary" name="action" value="save">
              {tr(R.save, lang)}
            </button>
            <a href={reportHref(lang, slug, `/${report.id}`)}>{tr(R.backToReport, lang)}</a>
          </div>
        </AdminForm>
      ) : (
        <>
          <p class="pre-line">{frozen?.comment ?? tr(R.noComment, lang)}</p>
          <p>
            <a href={reportHref(lang, slug, `/${report.id}`)}>{tr(R.backToReport, lang)}</a>
          </p>
        </>
      )}
    </AdminLayout>
  );
}

// ── Title and summary ───────────────────────────────────────────────────────

export function SummaryPage(props: { ctx: AdminPageContext; report: ReportRow; values: FormValues; errors: FormErrors }) {
  const { ctx, report } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = tr(R.summaryTitle, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={crumbs(ctx, report, title)}>
      <h1>{title}</h1>
      <p class="lead">{tr(R.summaryLead, lang)}</p>
      <FormErrorSummary lang={lang} errors={props.errors} />
      <AdminForm action={reportHref(lang, slug, `/${report.id}/sammanfattning`)} csrf={ctx.actor!.csrfToken}>
        <Version values={props.values} />
        <TextField name="title_sv" label={tr(R.titleSv, lang)} lang={lang} value={str(props.values, 'title_sv')} error={props.errors.title_sv} width="w-long" />
        <TextField name="title_en" label={tr(R.titleEn, lang)} lang={lang} optional value={str(props.values, 'title_en')} error={props.errors.title_en} width="w-long" />
        <TextArea name="summary" label={tr(R.summary, lang)} hint={tr(R.summaryHint, lang)} lang={lang} optional value={str(props.values, 'summary')} error={props.errors.summary} rows={12} />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(R.saveSummary, lang)}
          </button>
          <a href={reportHref(lang, slug, `/${report.id}`)}>{tr(R.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

// ── Structure ───────────────────────────────────────────────────────────────

export function StructurePage(props: {
  ctx: AdminPageContext;
  report: ReportRow;
  /** Section keys in the order to show them. */
  order: (keyof typeof SECTION_NAMES)[];
  units: UnitRef[];
  values: FormValues;
  errors: FormErrors;
  /** Ask to confirm removing sections with comments. */
  askConfirm: boolean;
}) {
  const { ctx, report, values, errors } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = tr(R.structureTitle, lang);
  const checked = (name: string) => str(values, name) === '1';
  return (
    <AdminLayout ctx={ctx} title={title} current="reports" crumbs={crumbs(ctx, report, title)}>
      <h1>{title}</h1>
      <p class="lead">{tr(R.structureLead, lang)}</p>
      <FormErrorSummary lang={lang} errors={errors} />
      <AdminForm action={reportHref(lang, slug, `/${report.id}/struktur`)} csrf={ctx.actor!.csrfToken}>
        <Version values={values} />
        <h2>{tr(R.sectionsHeading, lang)}</h2>
        <p class="hint">{tr(R.orderHint, lang)}</p>
        {props.order.map((key) => (
          <fieldset class="fieldset bulk-row">
            <legend class="field-label">{tr(SECTION_NAMES[key], lang)}</legend>
            <Checkbox name={`include_${key}`} label={tr(R.included, lang)} lang={lang} checked={checked(`include_${key}`)} error={errors[`include_${key}`]} />
            <TextField name={`order_${key}`} label={tr(R.order, lang)} lang={lang} value={str(values, `order_${key}`)} error={errors[`order_${key}`]} inputmode="numeric" width="w-short" />
            <TextField name={`heading_sv_${key}`} label={tr(R.ownHeadingSv, lang)} lang={lang} optional value={str(values, `heading_sv_${key}`)} error={errors[`heading_sv_${key}`]} width="w-long" />
            <TextField name={`heading_en_${key}`} label={tr(R.ownHeadingEn, lang)} lang={lang} optional value={str(values, `heading_en_${key}`)} error={errors[`heading_en_${key}`]} width="w-long" />
          </fieldset>
        ))}
        <h2 id="units">{tr(R.unitsWithSection, lang)}</h2>
        <p class="hint">{tr(R.unitsWithSectionHint, lang)}</p>
        {errors.units && <p class="field-error">{errors.units}</p>}
        <TableWrap label={tr(R.unitsWithSection, lang)}>
          <table class="data" aria-labelledby="units">
            <thead>
              <tr>
                <th scope="col">{tr(R.unit, lang)}</th>
                <th scope="col">{tr(R.included, lang)}</th>
                <th scope="col">{tr(R.order, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {props.units.map((u) => {
                const name = lang === 'en' && u.nameEn ? u.nameEn : u.name;
                const orderField = `unit_order_${u.id}`;
                return (
                  <tr>
                    <th scope="row">{name}</th>
                    <td>
                      <div class="choice">
                        <input type="checkbox" id={`unit_${u.id}`} name={`unit_${u.id}`} value="1" checked={str(values, `unit_${u.id}`) === '1'} />
                        <label for={`unit_${u.id}`}>
                          <span class="visually-hidden">{`${tr(R.included, lang)}: `}</span>
                          {name}
                        </label>
                      </div>
                    </td>
                    <td>
                      <div class={`field${errors[orderField] ? ' field--error' : ''}`}>
                        <label class="visually-hidden" for={orderField}>{`${tr(R.order, lang)}: ${name}`}</label>
                        {errors[orderField] && (
                          <p class="field-error" id={`${orderField}-error`}>
                            {errors[orderField]}
                          </p>
                        )}
                        <input class="input w-short" id={orderField} name={orderField} inputmode="numeric" value={str(values, orderField)} aria-describedby={errors[orderField] ? `${orderField}-error` : undefined} aria-invalid={errors[orderField] ? 'true' : undefined} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        {props.askConfirm && (
          <Checkbox name="confirm_remove" label={tr(R.confirmRemove, lang)} lang={lang} checked={checked('confirm_remove')} error={errors.confirm_remove} />
        )}
        <div class="button-group">
          <button type="submit" class="button">
            {tr(R.saveStructure, lang)}
          </button>
          <a href={reportHref(lang, slug, `/${report.id}`)}>{tr(R.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
