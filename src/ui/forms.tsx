/**
 * Form components for the back office, after GOV.UK Frontend: a label, an optional hint, the error
 * beside the field (tied with aria-describedby), and an error summary at the top listing every
 * error with a link to its field. Values typed are always given back, so nothing is lost when
 * validation fails. Field ids equal field names, so the summary's `#name` links land on the field.
 *
 * `parseForm` validates a submitted form with a zod schema and returns every error at once, in
 * the user's language, keyed by field.
 */
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { FieldError } from '../errors/index.js';
import type { Lang } from '../i18n/index.js';

export type FormErrors = Record<string, string>;
export type FormValues = Record<string, string | string[] | undefined>;

const T = {
  summary: { sv: 'Det finns fel i formuläret', en: 'There is a problem' },
  error: { sv: 'Fel:', en: 'Error:' },
  optional: { sv: '(frivilligt)', en: '(optional)' },
};

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldMessage(props: { name: string; lang: Lang; hint?: string; error?: string }) {
  return (
    <>
      {props.hint && (
        <p class="field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.name}-error`}>
          <span class="visually-hidden">{T.error[props.lang]} </span>
          {props.error}
        </p>
      )}
    </>
  );
}

function Label(props: { name: string; label: string; lang: Lang; optional?: boolean }) {
  return (
    <label class="field-label" for={props.name}>
      {props.label}
      {props.optional && <span class="optional"> {T.optional[props.lang]}</span>}
    </label>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  lang: Lang;
  value?: string | null;
  error?: string;
  hint?: string;
  /** Show "(frivilligt)" after the label. */
  optional?: boolean;
  required?: boolean;
  autocomplete?: string;
  /** Width class, e.g. `w-short` for a date or an amount. */
  width?: 'w-short' | 'w-medium' | 'w-long';
}

export function TextField(props: FieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'url' | 'tel'; inputmode?: 'numeric' | 'decimal'; spellcheck?: boolean }) {
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <Label name={props.name} label={props.label} lang={props.lang} optional={props.optional} />
      <FieldMessage name={props.name} lang={props.lang} hint={props.hint} error={props.error} />
      <input
        class={`input ${props.width ?? ''}`}
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        required={props.required}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <Label name={props.name} label={props.label} lang={props.lang} optional={props.optional} />
      <FieldMessage name={props.name} lang={props.lang} hint={props.hint} error={props.error} />
      <textarea
        class="textarea"
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: Option[]; emptyLabel?: string }) {
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <Label name={props.name} label={props.label} lang={props.lang} optional={props.optional} />
      <FieldMessage name={props.name} lang={props.lang} hint={props.hint} error={props.error} />
      <select
        class={`select ${props.width ?? ''}`}
        id={props.name}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One checkbox (value 1) with its label, and a hint and error tied to it; its id is its name. */
export function Checkbox(props: { name: string; label: string; lang: Lang; checked: boolean; hint?: string; error?: string }) {
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <FieldMessage name={props.name} lang={props.lang} hint={props.hint} error={props.error} />
      <div class="choice">
        <input type="checkbox" id={props.name} name={props.name} value="1" checked={props.checked} aria-describedby={describedBy(props.name, props.hint, props.error)} aria-invalid={props.error ? 'true' : undefined} />
        <label for={props.name}>{props.label}</label>
      </div>
    </div>
  );
}

/** Checkboxes or radios in a fieldset with a legend; the first input carries the field's id. */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  lang: Lang;
  type: 'checkbox' | 'radio';
  options: Option[];
  values?: string[];
  error?: string;
  hint?: string;
  optional?: boolean;
}) {
  const chosen = new Set(props.values ?? []);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(props.name, props.hint, props.error)}>
        <legend class="field-label">
          {props.legend}
          {props.optional && <span class="optional"> {T.optional[props.lang]}</span>}
        </legend>
        <FieldMessage name={props.name} lang={props.lang} hint={props.hint} error={props.error} />
        <div class={props.type === 'checkbox' ? 'checkboxes' : 'radios'}>
          {props.options.map((o, i) => (
            <div class="choice">
              <input
                type={props.type}
                id={i === 0 ? props.name : `${props.name}-${i}`}
                name={props.name}
                value={o.value}
                checked={chosen.has(o.value)}
              />
              <label for={i === 0 ? props.name : `${props.name}-${i}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The hidden field every back-office form carries (checked by src/features/admin/guard.ts). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** The error summary at the top of a form: every error, each linking to its field. */
export function FormErrorSummary(props: { lang: Lang; errors: FormErrors | FieldError[]; title?: string }) {
  const list = Array.isArray(props.errors) ? props.errors : Object.entries(props.errors).map(([field, message]) => ({ field, message }));
  if (list.length === 0) return null;
  return (
    // autofocus: the summary takes the focus when the page loads (no script needed), as GOV.UK's does.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{props.title ?? T.summary[props.lang]}</h2>
      <ul>
        {list.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form that posts to the back office with its CSRF token. */
export function AdminForm(props: { action: string; csrf: string; children: Child; multipart?: boolean; class?: string; novalidate?: boolean }) {
  return (
    <form method="post" action={props.action} enctype={props.multipart ? 'multipart/form-data' : undefined} class={props.class} novalidate={props.novalidate ?? true}>
      <CsrfField token={props.csrf} />
      {props.children}
    </form>
  );
}

// ── Validation ────────────────────────────────────────────────────────────────

/** Labels of the form's fields, used in generic messages ("Fyll i Titel."). */
export type FieldLabels = Record<string, string>;

/** The message of one zod issue in the user's language; a schema's own message wins. */
function issueMessage(issue: z.core.$ZodIssue, label: string, lang: Lang): string {
  const sv = lang === 'sv';
  const custom = (issue as { message?: string }).message;
  if (custom && !custom.startsWith('Invalid') && !custom.startsWith('Too') && !custom.startsWith('Expected')) return custom;
  switch (issue.code) {
    case 'too_small': {
      const min = Number((issue as { minimum: number | bigint }).minimum);
      if ((issue as { origin?: string }).origin === 'string') return min <= 1 ? (sv ? `Fyll i ${label.toLowerCase()}.` : `Enter ${label.toLowerCase()}.`) : sv ? `${label} måste ha minst ${min} tecken.` : `${label} must be at least ${min} characters.`;
      if ((issue as { origin?: string }).origin === 'array') return sv ? `Välj minst ${min} i ${label.toLowerCase()}.` : `Choose at least ${min} in ${label.toLowerCase()}.`;
      return sv ? `${label} måste vara minst ${min}.` : `${label} must be ${min} or more.`;
    }
    case 'too_big': {
      const max = Number((issue as { maximum: number | bigint }).maximum);
      if ((issue as { origin?: string }).origin === 'string') return sv ? `${label} får ha högst ${max} tecken.` : `${label} must be ${max} characters or fewer.`;
      return sv ? `${label} får vara högst ${max}.` : `${label} must be ${max} or less.`;
    }
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      if (format === 'email') return sv ? `Ange en e-postadress i rätt format, till exempel namn@kommun.se.` : 'Enter an email address in the correct format, like name@example.com.';
      if (format === 'url') return sv ? `Ange en webbadress som börjar med https://.` : 'Enter a web address starting with https://.';
      if (format === 'date') return sv ? `${label} måste vara ett datum, till exempel 2026-03-31.` : `${label} must be a date, like 2026-03-31.`;
      return sv ? `${label} har fel format.` : `${label} is in the wrong format.`;
    }
    case 'invalid_value':
      return sv ? `Välj ett av alternativen för ${label.toLowerCase()}.` : `Choose one of the options for ${label.toLowerCase()}.`;
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined
        ? sv ? `Fyll i ${label.toLowerCase()}.` : `Enter ${label.toLowerCase()}.`
        : sv ? `${label} har fel format.` : `${label} is in the wrong format.`;
    default:
      return sv ? `${label} är inte giltigt.` : `${label} is not valid.`;
  }
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/**
 * Validates `input` (a form body) against `schema` and returns the data or every error, keyed by
 * the first path segment (the field name).
 * @example const r = parseForm(projectSchema, await readForm(c), lang, LABELS[lang]); if (!r.ok) return render(r.errors)
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown, lang: Lang, labels: FieldLabels): ParseResult<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const errors: FormErrors = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    const key = issue.path.length > 1 ? issue.path.map(String).join('.') : field;
    if (errors[key]) continue;
    errors[key] = issueMessage(issue, labels[key] ?? labels[field] ?? field, lang);
  }
  return { ok: false, errors };
}

/**
 * The submitted form as plain values: repeated names become arrays, files are left out (read them
 * with `c.req.parseBody()` yourself), and text is trimmed of NUL characters.
 */
export function formValues(body: Record<string, string | File | (string | File)[]>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) out[k.replace(/\[\]$/, '')] = v.filter((x): x is string => typeof x === 'string').map((x) => x.replaceAll('\0', ''));
    else if (typeof v === 'string') out[k] = v.replaceAll('\0', '');
  }
  return out;
}

/** One value of a form field as a string ('' when missing or repeated). */
export function str(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : '';
}

/** A field's values as a list (checkboxes, multi-selects). */
export function list(values: FormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
