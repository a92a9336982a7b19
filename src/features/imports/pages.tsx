/** The pages of a table import: start (upload and earlier imports), column mapping, preview, result. */
import type { Child } from 'hono/jsx';
import { formatDate, formatNumber, type Lang } from '../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors, SelectField } from '../../ui/forms.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../admin/layout.js';
import { FIELD_KEYS, FIELD_LABELS, type Mapping } from './fields.js';
import { FORMAT_NAMES, M } from './messages.js';
import type { ImportPlan } from './plan.js';
import type { ImportRun, TablePayload } from './service.js';
import type { ImportIssue } from './text.js';

/** Addresses of the import pages: `/admin/{kommun}/import…`. */
export function importHref(lang: Lang, slug: string, path = ''): string {
  return adminHref(lang, `/${slug}/import${path}`);
}

const when = (lang: Lang, iso: string) => `${formatDate(lang, iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;

/**
 * A table that may scroll sideways on a narrow screen: the scrolling region can take focus (so it
 * scrolls by keyboard) and is named after the table.
 */
export function TableRegion(props: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}

function slugOf(ctx: AdminPageContext): string {
  return ctx.municipality?.slug ?? '';
}

function crumbs(ctx: AdminPageContext, ...rest: { label: string; href?: string }[]) {
  return adminCrumbs(ctx, { label: M.title[ctx.lang], href: rest.length ? importHref(ctx.lang, slugOf(ctx)) : undefined }, ...rest);
}

/** Problems of a file as a table: row, column, message. */
export function IssuesTable(props: { lang: Lang; issues: ImportIssue[]; caption: string; max?: number }) {
  const { lang } = props;
  const shown = props.issues.slice(0, props.max ?? 500);
  return (
    <TableRegion label={props.caption}>
      <table class="data">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{M.row[lang]}</th>
            <th scope="col">{M.column[lang]}</th>
            <th scope="col">{M.problem[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr>
              <td>{i.row === null ? M.wholeFile[lang] : String(i.row)}</td>
              <td>{i.column ?? ''}</td>
              <td>{i.message[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.issues.length > shown.length && <p>{M.moreRows(props.issues.length - shown.length)[lang]}</p>}
    </TableRegion>
  );
}

/** The form that sends one file (field `file`): label, hint, the error beside the field, the upload button. */
export function UploadForm(props: { lang: Lang; action: string; csrf: string; label: string; hint: string; accept: string; error?: string }) {
  const { error } = props;
  return (
    <AdminForm action={props.action} csrf={props.csrf} multipart>
      <div class={`field${error ? ' field--error' : ''}`}>
        <label class="field-label" for="file">
          {props.label}
        </label>
        <p class="field-hint" id="file-hint">
          {props.hint}
        </p>
        {error && (
          <p class="field-error" id="file-error">
            {error}
          </p>
        )}
        <input
          class="input"
          type="file"
          id="file"
          name="file"
          accept={props.accept}
          aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <div class="button-group">
        <button type="submit" class="button">
          {M.upload[props.lang]}
        </button>
      </div>
    </AdminForm>
  );
}

export function ImportHomePage(props: { ctx: AdminPageContext; csrf: string; runs: ImportRun[]; maxMb: number; errors?: FormErrors; issues?: ImportIssue[] }) {
  const { ctx } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  return (
    <AdminLayout ctx={ctx} title={M.title[lang]} current="import" crumbs={crumbs(ctx)}>
      {props.errors && <FormErrorSummary lang={lang} errors={props.errors} />}
      <h1>{M.title[lang]}</h1>
      <p class="lead">{M.lead[lang]}</p>
      {props.issues && props.issues.length > 0 && <IssuesTable lang={lang} issues={props.issues} caption={M.unreadable[lang]} />}
      <UploadForm
        lang={lang}
        action={importHref(lang, slug)}
        csrf={props.csrf}
        label={M.file[lang]}
        hint={M.fileHint(props.maxMb)[lang]}
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        error={props.errors?.file}
      />
      <p>
        <a href={importHref(lang, slug, '/interreg')}>{M.interregLink[lang]}</a>
      </p>
      <h2>{M.history[lang]}</h2>
      {props.runs.length === 0 ? (
        <p>{M.noHistory[lang]}</p>
      ) : (
        <TableRegion label={M.history[lang]}>
          <table class="data">
            <caption class="visually-hidden">{M.history[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{M.started[lang]}</th>
                <th scope="col">{M.kind[lang]}</th>
                <th scope="col">{M.file[lang]}</th>
                <th scope="col">{M.state[lang]}</th>
                <th scope="col">{M.rows[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {props.runs.map((r) => (
                <tr>
                  <td>
                    <a href={importHref(lang, slug, `/${r.id}`)}>{when(lang, r.createdAt)}</a>
                  </td>
                  <td>{M.kinds[r.kind]?.[lang] ?? r.kind}</td>
                  <td>{r.filename ?? ''}</td>
                  <td>{M.states[r.state]?.[lang] ?? r.state}</td>
                  <td>
                    {formatNumber(lang, r.processedRows)} / {formatNumber(lang, r.totalRows)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </AdminLayout>
  );
}

/** The first few non-empty values of a column, to recognise it by. */
function examples(payload: TablePayload, column: number): string[] {
  const out: string[] = [];
  for (const r of payload.rows) {
    const v = r.cells[column];
    if (v === null || v === undefined) continue;
    const s = String(v).replace(/\s+/g, ' ');
    out.push(s.length > 60 ? `${s.slice(0, 57)}…` : s);
    if (out.length === 3) break;
  }
  return out;
}

export function MappingPage(props: { ctx: AdminPageContext; csrf: string; run: ImportRun; payload: TablePayload; mapping: Mapping; errors?: FormErrors }) {
  const { ctx, payload, run } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const options = FIELD_KEYS.map((f) => ({ value: f, label: FIELD_LABELS[f][lang] }));
  return (
    <AdminLayout ctx={ctx} title={M.mappingTitle[lang]} current="import" crumbs={crumbs(ctx, { label: M.mappingTitle[lang] })}>
      {props.errors && <FormErrorSummary lang={lang} errors={props.errors} title={M.mappingErrors[lang]} />}
      <h1>{M.mappingTitle[lang]}</h1>
      <p class="lead">{M.mappingLead[lang]}</p>
      <dl class="summary-list">
        <dt>{M.file[lang]}</dt>
        <dd>{run.filename ?? ''}</dd>
        <dt>{M.format[lang]}</dt>
        <dd>{formatDescription(lang, payload)}</dd>
        <dt>{M.dataRows[lang]}</dt>
        <dd>{formatNumber(lang, payload.rows.length)}</dd>
      </dl>
      <AdminForm action={importHref(lang, slug, `/${run.id}/kolumner`)} csrf={props.csrf}>
        {payload.headers.map((header, i) => {
          const ex = examples(payload, i);
          return (
            <SelectField
              name={`col-${i}`}
              label={header}
              lang={lang}
              value={props.mapping[i] ?? ''}
              options={options}
              emptyLabel={M.notImported[lang]}
              hint={ex.length ? `${M.examples[lang]}: ${ex.join(' · ')}` : M.emptyColumn[lang]}
              error={props.errors?.[`col-${i}`]}
            />
          );
        })}
        <div class="button-group">
          <button type="submit" class="button">
            {M.toPreview[lang]}
          </button>
          <a href={importHref(lang, slug)}>{M.anotherFile[lang]}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

export function formatDescription(lang: Lang, p: Pick<TablePayload, 'format' | 'encoding' | 'delimiter'>): string {
  const parts = [FORMAT_NAMES[p.format]?.[lang] ?? p.format];
  if (p.encoding) parts.push(FORMAT_NAMES[p.encoding]?.[lang] ?? p.encoding);
  if (p.format === 'csv' && p.delimiter) parts.push(FORMAT_NAMES[p.delimiter]?.[lang] ?? p.delimiter);
  return parts.join(', ');
}

/** Created, changed and unchanged projects, then each `extra` row whose count is above 0. */
function Counts(props: { lang: Lang; counts: ImportPlan['counts']; labels: [string, string, string]; extra?: [string, number][] }) {
  const { lang, counts } = props;
  return (
    <dl class="summary-list">
      <dt>{props.labels[0]}</dt>
      <dd>{formatNumber(lang, counts.create)}</dd>
      <dt>{props.labels[1]}</dt>
      <dd>{formatNumber(lang, counts.update)}</dd>
      <dt>{props.labels[2]}</dt>
      <dd>{formatNumber(lang, counts.unchanged)}</dd>
      {(props.extra ?? [])
        .filter(([, n]) => n > 0)
        .map(([label, n]) => (
          <>
            <dt>{label}</dt>
            <dd>{formatNumber(lang, n)}</dd>
          </>
        ))}
    </dl>
  );
}

const MAX_PLAN_ROWS = 500;

export function PreviewPage(props: { ctx: AdminPageContext; csrf: string; run: ImportRun; payload: TablePayload; plan: ImportPlan }) {
  const { ctx, run, payload, plan } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const toWrite = plan.counts.create + plan.counts.update;
  const fieldLabel = (k: string) => (FIELD_LABELS as Record<string, { sv: string; en: string }>)[k]?.[lang] ?? k;
  const creates: [string, string[]][] = (
    [
      [M.newUnits[lang], plan.newUnits.map((u) => u.name)],
      [M.newOrganisations[lang], plan.newOrganisations.map((o) => o.name)],
      [M.newProgrammes[lang], plan.newProgrammes.map((p) => p.name)],
    ] as [string, string[]][]
  ).filter(([, names]) => names.length > 0);
  return (
    <AdminLayout ctx={ctx} title={M.previewTitle[lang]} current="import" crumbs={crumbs(ctx, { label: M.previewTitle[lang] })}>
      <h1>{M.previewTitle[lang]}</h1>
      <p class="lead">{M.previewLead[lang]}</p>
      <dl class="summary-list">
        <dt>{M.file[lang]}</dt>
        <dd>{run.filename ?? ''}</dd>
        <dt>{M.format[lang]}</dt>
        <dd>{formatDescription(lang, payload)}</dd>
        <dt>{M.dataRows[lang]}</dt>
        <dd>{formatNumber(lang, payload.rows.length)}</dd>
      </dl>
      <h2>{M.plannedRows[lang]}</h2>
      <Counts lang={lang} counts={plan.counts} labels={[M.toCreate[lang], M.toUpdate[lang], M.unchanged[lang]]} />
      {plan.issues.length > 0 && (
        <div class="notice notice--warn">
          <h2>{M.issuesTitle(plan.issues.length)[lang]}</h2>
          <p>{M.issuesLead[lang]}</p>
        </div>
      )}
      {plan.issues.length > 0 && <IssuesTable lang={lang} issues={plan.issues} caption={M.issuesTitle(plan.issues.length)[lang]} />}
      {creates.length > 0 && (
        <>
          <h2>{M.willCreate[lang]}</h2>
          <dl class="summary-list">
            {creates.map(([label, names]) => (
              <>
                <dt>{label}</dt>
                <dd>{names.join(', ')}</dd>
              </>
            ))}
          </dl>
        </>
      )}
      {plan.issues.length === 0 && toWrite === 0 && <p>{M.nothingToDo[lang]}</p>}
      {plan.issues.length === 0 && toWrite > 0 && (
        <AdminForm action={importHref(lang, slug, `/${run.id}/kor`)} csrf={props.csrf}>
          <div class="button-group">
            <button type="submit" class="button">
              {M.run(toWrite)[lang]}
            </button>
          </div>
        </AdminForm>
      )}
      <p class="button-group">
        <a href={importHref(lang, slug, `/${run.id}/kolumner`)}>{M.changeMapping[lang]}</a>
        <a href={importHref(lang, slug)}>{M.anotherFile[lang]}</a>
      </p>
      {plan.rows.length > 0 && (
        <TableRegion label={M.plannedRows[lang]}>
          <table class="data">
            <caption>{M.plannedRows[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{M.row[lang]}</th>
                <th scope="col">{M.action[lang]}</th>
                <th scope="col">{M.project[lang]}</th>
                <th scope="col">{M.changes[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.slice(0, MAX_PLAN_ROWS).map((r) => (
                <tr>
                  <td>{String(r.row)}</td>
                  <td>{M.actions[r.action]?.[lang]}</td>
                  <td>{r.title}</td>
                  <td>{r.action === 'unchanged' ? '' : r.changes.map(fieldLabel).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.rows.length > MAX_PLAN_ROWS && <p>{M.moreRows(plan.rows.length - MAX_PLAN_ROWS)[lang]}</p>}
        </TableRegion>
      )}
    </AdminLayout>
  );
}

/** After a run (or while it runs): state, progress as text and as a progress bar, counts or problems. */
export function ResultPage(props: { ctx: AdminPageContext; run: ImportRun }) {
  const { ctx, run } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const s = run.summary ?? {};
  const counts = s.counts;
  const created = s.created;
  const total = Math.max(run.totalRows, run.processedRows);
  return (
    <AdminLayout ctx={ctx} title={M.resultTitle(run.id)[lang]} current="import" crumbs={crumbs(ctx, { label: M.resultTitle(run.id)[lang] })}>
      <h1>{M.resultTitle(run.id)[lang]}</h1>
      <p class="lead" role="status">
        {run.state === 'done' ? M.doneLead[lang] : run.state === 'failed' ? M.failedLead[lang] : M.runningLead[lang]}
      </p>
      <dl class="summary-list">
        <dt>{M.kind[lang]}</dt>
        <dd>{M.kinds[run.kind]?.[lang] ?? run.kind}</dd>
        {run.filename && (
          <>
            <dt>{M.file[lang]}</dt>
            <dd>{run.filename}</dd>
          </>
        )}
        <dt>{M.started[lang]}</dt>
        <dd>{when(lang, run.createdAt)}</dd>
        <dt>{M.state[lang]}</dt>
        <dd>{M.states[run.state]?.[lang] ?? run.state}</dd>
      </dl>
      <p>
        <label for="import-progress">{M.progress[lang]}: </label>
        <progress id="import-progress" max={String(Math.max(total, 1))} value={String(run.processedRows)}>
          {M.progressText(run.processedRows, total)[lang]}
        </progress>{' '}
        <span>{M.progressText(run.processedRows, total)[lang]}</span>
      </p>
      {counts && (
        <Counts
          lang={lang}
          counts={counts}
          labels={[M.created[lang], M.updated[lang], M.keptUnchanged[lang]]}
          extra={
            created
              ? [
                  [M.addedUnits[lang], created.units],
                  [M.addedOrganisations[lang], created.organisations],
                  [M.addedProgrammes[lang], created.programmes],
                ]
              : []
          }
        />
      )}
      {s.issues && s.issues.length > 0 && <IssuesTable lang={lang} issues={s.issues} caption={M.issuesTitle(s.issues.length)[lang]} />}
      <p class="button-group">
        <a href={importHref(lang, slug)}>{M.toImports[lang]}</a>
        <a href={adminHref(lang, `/${slug}/projekt`)}>{M.toProjects[lang]}</a>
      </p>
    </AdminLayout>
  );
}
