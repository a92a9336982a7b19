/** Pages of the strategy import: the text or file to read, and the correction form of the proposal. */
import type { Lang } from '../../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { type CorrectionState, summaryText } from './import-form.js';
import { FIELD_HINTS, FIELD_LABELS, IMPORT, REVIEW_FORM, S, tr } from './messages.js';
import { availableOps, rowAfterOp, rowField, type TreeOpKind, type TreeRow } from './tree-form.js';

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/strategi`;

/** The import's first step: paste the text, or upload the document. */
export function ImportPage(props: { ctx: AdminPageContext; maxMb: number; text?: string; errors: FormErrors }) {
  const { ctx, errors } = props;
  const { lang } = ctx;
  const title = tr(IMPORT.title, lang);
  const action = adminHref(lang, `${base(ctx)}/importera`);
  const fileError = errors.file;
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(S.title, lang) }, { label: title })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(IMPORT.lead, lang)}</p>
      <h2>{tr(IMPORT.pasteHeading, lang)}</h2>
      <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
        <TextArea name="text" label={tr(IMPORT.textLabel, lang)} hint={tr(IMPORT.textHint, lang)} lang={lang} value={props.text ?? ''} error={errors.text} rows={12} />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(IMPORT.readText, lang)}
          </button>
        </div>
      </AdminForm>
      <h2>{tr(IMPORT.uploadHeading, lang)}</h2>
      <AdminForm action={action} csrf={ctx.actor!.csrfToken} multipart>
        <div class={`field${fileError ? ' field--error' : ''}`}>
          <label class="field-label" for="file">
            {tr(IMPORT.fileLabel, lang)}
          </label>
          <p class="field-hint" id="file-hint">
            {tr(IMPORT.fileHint, lang, { mb: props.maxMb })}
          </p>
          {fileError && (
            <p class="field-error" id="file-error">
              {fileError}
            </p>
          )}
          <input
            class="input"
            type="file"
            id="file"
            name="file"
            accept=".docx,.md,.txt,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <div class="button-group">
          <button type="submit" class="button">
            {tr(IMPORT.readFile, lang)}
          </button>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

const OP_LABELS: Record<TreeOpKind, keyof typeof REVIEW_FORM> = { up: 'up', down: 'down', indent: 'indent', outdent: 'outdent', merge: 'merge', delete: 'delete', add: 'add' };
const OP_ORDER: TreeOpKind[] = ['up', 'down', 'indent', 'outdent', 'merge', 'delete', 'add'];

/** A row's name in its buttons' accessible names: its title, or "mål 3 utan rubrik". */
function rowName(row: TreeRow, index: number, lang: Lang): string {
  return row.title.trim() || tr(REVIEW_FORM.unnamed, lang, { n: index + 1 });
}

/** The correction form: facts, warnings, the goal rows with their buttons, confirm. */
export function CorrectionPage(props: { ctx: AdminPageContext; state: CorrectionState; errors: FormErrors }) {
  const { ctx, state, errors } = props;
  const { lang } = ctx;
  const title = tr(REVIEW_FORM.heading, lang);
  const importHref = adminHref(lang, `${base(ctx)}/importera`);
  const f = state.facts;
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message: summaryText(field, message, lang) }));
  const L = (k: string) => tr(FIELD_LABELS[k]!, lang);
  const action = adminHref(lang, `${base(ctx)}/importera/granska`);
  return (
    <AdminLayout
      ctx={ctx}
      title={title}
      current="strategy"
      crumbs={adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(S.title, lang) }, { href: importHref, label: tr(IMPORT.title, lang) }, { label: title })}
    >
      <FormErrorSummary lang={lang} errors={summary} />
      <h1>{title}</h1>
      <p class="lead">{tr(REVIEW_FORM.lead, lang)}</p>
      <p class="muted">{tr(REVIEW_FORM.source, lang, { name: state.source || tr(REVIEW_FORM.pasted, lang) })}</p>
      {state.warnings.length > 0 && (
        <div class="notice notice--warn">
          <h2>{tr(REVIEW_FORM.warnings, lang)}</h2>
          <ul>
            {state.warnings.map((w) => (
              <li>{w[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
        {/* Enter in a text field submits the form with its first button: let that redraw the form, not move a goal. */}
        <button type="submit" name="op" value="refresh" hidden>
          {tr(REVIEW_FORM.heading, lang)}
        </button>
        <input type="hidden" name="source" value={state.source} />
        {state.warnings.map((w, i) => (
          <>
            <input type="hidden" name={`warning.${i}.sv`} value={w.sv} />
            <input type="hidden" name={`warning.${i}.en`} value={w.en} />
          </>
        ))}
        <h2>{tr(REVIEW_FORM.factsHeading, lang)}</h2>
        <TextField name="title_sv" label={L('title_sv')} lang={lang} value={f.title_sv} error={errors.title_sv} />
        <TextArea name="vision_sv" label={L('vision_sv')} hint={tr(FIELD_HINTS.vision_sv, lang)} lang={lang} value={f.vision_sv} error={errors.vision_sv} optional rows={2} />
        <TextField name="adopted_by" label={L('adopted_by')} hint={tr(FIELD_HINTS.adopted_by, lang)} lang={lang} value={f.adopted_by} error={errors.adopted_by} optional width="w-medium" />
        <TextField name="adopted_on" label={L('adopted_on')} hint={tr(FIELD_HINTS.adopted_on, lang)} lang={lang} value={f.adopted_on} error={errors.adopted_on} optional width="w-short" />
        <TextField name="minute_paragraph" label={L('minute_paragraph')} hint={tr(FIELD_HINTS.minute_paragraph, lang)} lang={lang} value={f.minute_paragraph} error={errors.minute_paragraph} optional width="w-short" />
        <TextField name="registry_number" label={L('registry_number')} hint={tr(FIELD_HINTS.registry_number, lang)} lang={lang} value={f.registry_number} error={errors.registry_number} optional width="w-medium" />
        <TextArea name="responsibilities_sv" label={L('responsibilities_sv')} hint={tr(FIELD_HINTS.responsibilities_sv, lang)} lang={lang} value={f.responsibilities_sv} error={errors.responsibilities_sv} optional rows={4} />
        <TextArea name="body_sv" label={L('body_sv')} hint={tr(FIELD_HINTS.body_sv, lang)} lang={lang} value={f.body_sv} error={errors.body_sv} optional rows={6} />

        <h2>{tr(REVIEW_FORM.treeHeading, lang)}</h2>
        <p>{tr(REVIEW_FORM.treeCount, lang, { n: state.rows.length })}</p>
        <p class="field-hint">{tr(REVIEW_FORM.treeHelp, lang)}</p>
        <input type="hidden" name="count" value={String(state.rows.length)} />
        {state.rows.length === 0 ? (
          <p>{tr(REVIEW_FORM.noRows, lang)}</p>
        ) : (
          <ol class="tree-rows">
            {state.rows.map((row, i) => (
              <TreeRowFields row={row} index={i} rows={state.rows} errors={errors} lang={lang} action={action} />
            ))}
          </ol>
        )}
        <div class="button-group">
          <button type="submit" name="op" value="add:-1" formaction={`${action}#${rowAnchor(state.rows.length)}`} class="button button--secondary">
            {tr(REVIEW_FORM.addEnd, lang)}
          </button>
        </div>
        <div class="button-group">
          <button type="submit" name="op" value="confirm" class="button">
            {tr(REVIEW_FORM.confirm, lang)}
          </button>
          <a href={importHref}>{tr(REVIEW_FORM.startOver, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

/** The id of a row's list item: the row buttons bring the person back to the row they acted on. */
const rowAnchor = (index: number) => `mal-rad-${index + 1}`;

function TreeRowFields(props: { row: TreeRow; index: number; rows: TreeRow[]; errors: FormErrors; lang: Lang; action: string }) {
  const { row, index: i, errors, lang } = props;
  const ops = availableOps(props.rows, i);
  const name = rowName(row, i, lang);
  return (
    <li class={`tree-row tree-depth-${Math.min(row.depth, 6)}`} id={rowAnchor(i)} tabindex={-1}>
      <fieldset class="fieldset">
        <legend class="tree-row-legend">
          {tr(REVIEW_FORM.row, lang, { n: i + 1 })} <span class="tag">{tr(REVIEW_FORM.depth, lang, { n: row.depth + 1 })}</span>
        </legend>
        <input type="hidden" name={rowField(i, 'depth')} value={String(row.depth)} />
        <TextField name={rowField(i, 'level')} label={tr(REVIEW_FORM.levelName, lang)} lang={lang} value={row.levelName} error={errors[rowField(i, 'level')]} width="w-medium" />
        <TextField name={rowField(i, 'title')} label={tr(REVIEW_FORM.rowTitle, lang)} lang={lang} value={row.title} error={errors[rowField(i, 'title')]} />
        <TextArea name={rowField(i, 'description')} label={tr(REVIEW_FORM.rowDescription, lang)} lang={lang} value={row.description} error={errors[rowField(i, 'description')]} optional rows={2} />
        <div class="tree-ops">
          {OP_ORDER.filter((op) => ops.has(op)).map((op) => (
            <button type="submit" name="op" value={`${op}:${i}`} formaction={`${props.action}#${rowAnchor(rowAfterOp(props.rows, { kind: op, index: i }))}`} class="button button--secondary button--small">
              {tr(REVIEW_FORM[OP_LABELS[op]] as { sv: string; en: string }, lang)}
              <span class="visually-hidden">: {name}</span>
            </button>
          ))}
        </div>
      </fieldset>
    </li>
  );
}
