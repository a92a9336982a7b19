/** Pieces the decisions pages share: addresses, amounts typed by people, the decisions table. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../../app-env.js';
import { AppError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { formatDate } from '../../../i18n/index.js';
import { DECISION_OUTCOMES, label } from '../../../i18n/labels.js';
import type { Option } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { M } from '../messages.js';
import type { DecisionRow } from '../repository.js';

export interface MunicipalityRef {
  id: number;
  slug: string;
  name_sv: string;
  name_en: string;
}

/** A back-office address inside the municipality: `/admin/arvika/beslut`. */
export function mHref(lang: Lang, m: Pick<MunicipalityRef, 'slug'>, path = ''): string {
  return adminHref(lang, `/${m.slug}${path}`);
}

export function municipalityLabel(m: MunicipalityRef, lang: Lang): string {
  return lang === 'sv' ? m.name_sv : m.name_en;
}

/**
 * An amount in kronor as people type it ("250 000", "250000 kr", "1 234,50", "1234.5") in öre;
 * undefined when it is not one. Negative amounts are refused.
 */
export function parseKronor(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek|:-)$/i, '').replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return undefined;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Hours as typed ("200", "12,5"); undefined when not a number of hours (0–1 000 000, two decimals). */
export function parseHours(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/(h|tim|timmar)$/i, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 1_000_000 ? n : undefined;
}

/** Öre as a kronor value for a form field: 25000000 → "250 000", 51250 → "512,50". */
export function kronorValue(minor: number | null | undefined): string {
  if (minor == null) return '';
  const whole = Math.floor(minor / 100);
  const frac = minor % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac ? `${grouped},${String(frac).padStart(2, '0')}` : grouped;
}

/** A positive integer query parameter, undefined when absent; 400 when malformed. */
export function intQuery(c: Context<AppEnv>, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) {
    throw new AppError('invalid_query', c.var.lang === 'sv' ? `Parametern ${name} måste vara ett positivt heltal.` : `The parameter ${name} must be a positive whole number.`, [
      { field: name, message: c.var.lang === 'sv' ? `${name} måste vara ett positivt heltal.` : `${name} must be a positive whole number.` },
    ]);
  }
  return Number(raw);
}

/** An ISO date that exists in the calendar. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Who took a decision: the body's name, or the delegate with the point of the delegation order. */
export function decisionMaker(d: DecisionRow, lang: Lang): string {
  if (d.route === 'delegate' || (d.body_id == null && d.delegate_role)) {
    const ref = d.rule_reference ? (lang === 'sv' ? `, punkt ${d.rule_reference}` : `, point ${d.rule_reference}`) : '';
    return `${d.delegate_role ?? ''} (${lang === 'sv' ? 'delegationsbeslut' : 'delegated decision'}${ref})`;
  }
  const name = lang === 'sv' ? d.body_name_sv : (d.body_name_en ?? d.body_name_sv);
  return name ?? M.noneGiven[lang];
}

export function formatParagraph(p: string | null): string {
  return p ? `§ ${p}` : '–';
}

export function dateText(lang: Lang, iso: string | null): string {
  return iso ? formatDate(lang, iso) : '–';
}

export function DecisionsTable(props: {
  lang: Lang;
  m: MunicipalityRef;
  rows: (DecisionRow & { matches?: boolean })[];
  caption: string;
  showMatch?: boolean;
  links?: { projects: Map<number, { id: number; title: string }[]>; partnerships: Map<number, { id: number; title: string }[]> };
}) {
  const { lang, m } = props;
  return (
    <TableWrap label={props.caption}>
      <table class="data">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{M.registryNumber[lang]}</th>
            <th scope="col">{M.decidedOn[lang]}</th>
            <th scope="col">{M.subject[lang]}</th>
            <th scope="col">{M.decisionMaker[lang]}</th>
            <th scope="col">{M.paragraph[lang]}</th>
            <th scope="col">{M.outcome[lang]}</th>
            <th scope="col">{M.conditions[lang]}</th>
            {props.links && <th scope="col">{M.concerns[lang]}</th>}
            {props.showMatch && <th scope="col">{M.matchesRoute[lang]}</th>}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => (
            <tr>
              <td>
                <a href={mHref(lang, m, `/beslut/${d.id}`)}>{d.registry_number ?? `#${d.id}`}</a>
              </td>
              <td>{dateText(lang, d.decided_on)}</td>
              <td>{lang === 'en' && d.subject_en ? d.subject_en : d.subject_sv}</td>
              <td>{decisionMaker(d, lang)}</td>
              <td>{formatParagraph(d.paragraph)}</td>
              <td>{label(DECISION_OUTCOMES, d.outcome, lang)}</td>
              <td>{d.conditions_sv ?? '–'}</td>
              {props.links && (
                <td>
                  {[
                    ...(props.links.projects.get(d.id) ?? []).map((p) => (
                      <a href={mHref(lang, m, `/projekt/${p.id}/beslutsvag`)}>{p.title}</a>
                    )),
                    ...(props.links.partnerships.get(d.id) ?? []).map((p) => (
                      <a href={mHref(lang, m, `/samarbeten/${p.id}/aktivera`)}>{p.title}</a>
                    )),
                  ].map((a, i) => (
                    <>
                      {i > 0 && ', '}
                      {a}
                    </>
                  ))}
                </td>
              )}
              {props.showMatch && <td>{d.matches ? M.yes[lang] : <strong>{M.no[lang]}</strong>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * Radios stacked one under the other (GOV.UK's pattern for more than two options), with the same
 * markup as the kernel's `ChoiceGroup`: a fieldset with a legend, hint and error tied to it, the
 * first input carrying the field's id so the error summary's link lands on it. (The kernel's
 * `.radios` lays radios side by side without wrapping, which overflows at 320 px.)
 */
export function RadioList(props: { name: string; legend: string; lang: Lang; options: Option[]; value?: string; error?: string; hint?: string }) {
  const described = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={described}>
        <legend class="field-label">{props.legend}</legend>
        {props.hint && (
          <p class="field-hint" id={`${props.name}-hint`}>
            {props.hint}
          </p>
        )}
        {props.error && (
          <p class="field-error" id={`${props.name}-error`}>
            <span class="visually-hidden">{props.lang === 'sv' ? 'Fel:' : 'Error:'} </span>
            {props.error}
          </p>
        )}
        <div class="checkboxes">
          {props.options.map((o, i) => {
            const id = i === 0 ? props.name : `${props.name}-${i}`;
            return (
              <div class="choice">
                <input type="radio" id={id} name={props.name} value={o.value} checked={o.value === props.value} />
                <label for={id}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * A table that may scroll sideways on a narrow screen: a labelled region that takes keyboard
 * focus, so it can be scrolled without a mouse (axe: scrollable-region-focusable).
 */
export function TableWrap(props: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
