/**
 * The project form (new and edit): every field of the model, repeating groups as rows with an
 * "add a row" button that works without JavaScript (it posts the form, which comes back with one
 * more row and everything typed kept). Errors: summary at the top, each beside its field.
 */
import type { Lang } from '../../i18n/index.js';
import { FUNDING_KINDS, MUNICIPALITY_ROLES, PARTNER_ROLES, PROJECT_KINDS } from '../../i18n/labels.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, type FormValues, list, SelectField, str, TextArea, TextField } from '../../ui/forms.js';
import type { Crumb } from '../../ui/layout.js';
import { AdminLayout, type AdminPageContext } from '../admin/layout.js';
import { countryOptions } from '../registry/countries.js';
import { GoalChoices } from '../strategy/goal-choices.js';
import { FIELD, HINT, ROW_FIELD, ROW_NAME, UI } from './messages.js';
import { CURRENCIES, FUNDING_KIND_CODES, type FormRefs, KINDS, PARTNER_ROLE_CODES, refName, ROLES } from './project-form.js';
import type { Group } from './project-form-values.js';

export interface ProjectFormProps {
  ctx: AdminPageContext;
  crumbs: Crumb[];
  heading: string;
  action: string;
  csrf: string;
  cancelHref: string;
  values: FormValues;
  errors: FormErrors;
  rows: Record<Group, number>;
  refs: FormRefs;
  /** Units the editor may choose; undefined when any (and none is allowed too). */
  allowedUnits?: ReadonlySet<number>;
  canPublish: boolean;
  /** A note above the form (e.g. that a published project's edits await review). */
  intro?: string;
}

const options = <K extends string>(codes: readonly K[], labels: Record<K, { sv: string; en: string }>, lang: Lang) => codes.map((c) => ({ value: c, label: labels[c][lang] }));

export function ProjectFormPage(p: ProjectFormProps) {
  const { lang } = p.ctx;
  const v = (name: string) => str(p.values, name);
  const e = (name: string) => p.errors[name];
  const units = p.refs.units.filter((u) => !p.allowedUnits || p.allowedUnits.has(u.id)).map((u) => ({ value: String(u.id), label: refName(u, lang) }));
  const rowKey = (g: Group, i: number, f: string) => `${g}.${i}.${f}`;
  const rowIndexes = (g: Group) => Array.from({ length: p.rows[g] }, (_, i) => i);

  const AddRow = (props: { group: Group }) => (
    <div class="button-group">
      <button type="submit" name="_add" value={props.group} class="button button--secondary">
        {UI.addRow[lang]}
        <span class="visually-hidden">
          {' '}
          ({FIELD[props.group][lang].toLowerCase()})
        </span>
      </button>
    </div>
  );

  return (
    <AdminLayout ctx={p.ctx} title={p.heading} crumbs={p.crumbs} current="projects">
      <h1>{p.heading}</h1>
      <FormErrorSummary lang={lang} errors={p.errors} />
      {p.intro && (
        <div class="notice notice--warn">
          <p>{p.intro}</p>
        </div>
      )}
      <AdminForm action={p.action} csrf={p.csrf}>
        {/* The first submit button is the one Enter in a field presses: saving, not adding a row. */}
        <button type="submit" name="_action" value="save" class="visually-hidden" tabindex={-1}>
          {UI.save[lang]}
        </button>

        <fieldset class="fieldset">
          <legend>
            <h2>{UI.basics[lang]}</h2>
          </legend>
          <SelectField name="kind" label={FIELD.kind[lang]} lang={lang} value={v('kind')} error={e('kind')} options={options(KINDS, PROJECT_KINDS, lang)} emptyLabel={UI.choose[lang]} />
          <TextField name="title_sv" label={FIELD.title_sv[lang]} lang={lang} value={v('title_sv')} error={e('title_sv')} width="w-long" />
          <TextField name="title_en" label={FIELD.title_en[lang]} lang={lang} value={v('title_en')} error={e('title_en')} hint={HINT.title_en[lang]} optional width="w-long" />
          <TextArea name="summary_sv" label={FIELD.summary_sv[lang]} lang={lang} value={v('summary_sv')} error={e('summary_sv')} hint={HINT.summary_sv[lang]} optional rows={6} />
          <TextArea name="summary_en" label={FIELD.summary_en[lang]} lang={lang} value={v('summary_en')} error={e('summary_en')} optional rows={6} />
          <SelectField
            name="owner_unit_id"
            label={FIELD.owner_unit_id[lang]}
            lang={lang}
            value={v('owner_unit_id')}
            error={e('owner_unit_id')}
            hint={p.allowedUnits ? HINT.owner_unit_editor[lang] : undefined}
            options={units}
            emptyLabel={p.allowedUnits ? UI.choose[lang] : UI.none[lang]}
            optional={!p.allowedUnits}
          />
          <SelectField name="municipality_role" label={FIELD.municipality_role[lang]} lang={lang} value={v('municipality_role')} error={e('municipality_role')} options={options(ROLES, MUNICIPALITY_ROLES, lang)} emptyLabel={UI.none[lang]} optional />
          <SelectField
            name="programme_id"
            label={FIELD.programme_id[lang]}
            lang={lang}
            value={v('programme_id')}
            error={e('programme_id')}
            options={p.refs.programmes.map((x) => ({ value: String(x.id), label: refName(x, lang) }))}
            emptyLabel={UI.none[lang]}
            optional
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{UI.period[lang]}</h2>
          </legend>
          <TextField name="start_date" label={FIELD.start_date[lang]} lang={lang} value={v('start_date')} error={e('start_date')} hint={HINT.dates[lang]} optional width="w-short" />
          <TextField name="end_date" label={FIELD.end_date[lang]} lang={lang} value={v('end_date')} error={e('end_date')} hint={HINT.dates[lang]} optional width="w-short" />
          <TextField name="year" label={FIELD.year[lang]} lang={lang} value={v('year')} error={e('year')} hint={HINT.year[lang]} optional width="w-short" inputmode="numeric" />
          <TextField name="participants_total" label={FIELD.participants_total[lang]} lang={lang} value={v('participants_total')} error={e('participants_total')} hint={HINT.participants[lang]} optional width="w-short" inputmode="numeric" />
          <TextField name="participants_youth" label={FIELD.participants_youth[lang]} lang={lang} value={v('participants_youth')} error={e('participants_youth')} optional width="w-short" inputmode="numeric" />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{UI.classification[lang]}</h2>
          </legend>
          <ChoiceGroup name="themes" legend={FIELD.themes[lang]} lang={lang} type="checkbox" options={p.refs.themes.map((t) => ({ value: t.code, label: lang === 'sv' ? t.label_sv : t.label_en }))} values={list(p.values, 'themes')} error={e('themes')} optional />
          <ChoiceGroup
            name="target_groups"
            legend={FIELD.target_groups[lang]}
            lang={lang}
            type="checkbox"
            options={p.refs.targetGroups.map((t) => ({ value: t.code, label: lang === 'sv' ? t.label_sv : t.label_en }))}
            values={list(p.values, 'target_groups')}
            error={e('target_groups')}
            optional
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{FIELD.countries[lang]}</h2>
          </legend>
          <p class="field-hint">
            {HINT.countries[lang]} {HINT.rows[lang]}
          </p>
          {rowIndexes('countries').map((i) => (
            <SelectField
              name={rowKey('countries', i, 'country')}
              label={`${ROW_NAME.countries[lang]} ${i + 1}`}
              lang={lang}
              value={v(rowKey('countries', i, 'country'))}
              error={e(rowKey('countries', i, 'country'))}
              options={countryOptions(lang)}
              emptyLabel={UI.choose[lang]}
            />
          ))}
          <AddRow group="countries" />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{FIELD.partners[lang]}</h2>
          </legend>
          <p class="field-hint">
            {HINT.partners[lang]} {HINT.rows[lang]}
          </p>
          {rowIndexes('partners').map((i) => (
            <fieldset class="fieldset">
              <legend>{`${ROW_NAME.partners[lang]} ${i + 1}`}</legend>
              <SelectField
                name={rowKey('partners', i, 'org')}
                label={ROW_FIELD.org[lang]}
                lang={lang}
                value={v(rowKey('partners', i, 'org'))}
                error={e(rowKey('partners', i, 'org'))}
                options={p.refs.externalOrgs.map((o) => ({ value: String(o.id), label: o.country ? `${refName(o, lang)} (${o.country})` : refName(o, lang) }))}
                emptyLabel={UI.choose[lang]}
              />
              <SelectField name={rowKey('partners', i, 'role')} label={ROW_FIELD.role[lang]} lang={lang} value={v(rowKey('partners', i, 'role')) || 'partner'} error={e(rowKey('partners', i, 'role'))} options={options(PARTNER_ROLE_CODES, PARTNER_ROLES, lang)} />
            </fieldset>
          ))}
          <AddRow group="partners" />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{FIELD.funding[lang]}</h2>
          </legend>
          <p class="field-hint">{HINT.rows[lang]}</p>
          {rowIndexes('funding').map((i) => {
            const k = (f: string) => rowKey('funding', i, f);
            return (
              <fieldset class="fieldset">
                <legend>{`${ROW_NAME.funding[lang]} ${i + 1}`}</legend>
                <input type="hidden" name={k('id')} value={v(k('id'))} />
                <SelectField name={k('kind')} label={ROW_FIELD.kind[lang]} lang={lang} value={v(k('kind'))} error={e(k('kind'))} options={options(FUNDING_KIND_CODES, FUNDING_KINDS, lang)} emptyLabel={UI.choose[lang]} />
                <TextField name={k('source_name')} label={ROW_FIELD.source_name[lang]} lang={lang} value={v(k('source_name'))} error={e(k('source_name'))} optional width="w-medium" />
                <SelectField
                  name={k('programme_id')}
                  label={ROW_FIELD.programme_id[lang]}
                  lang={lang}
                  value={v(k('programme_id'))}
                  error={e(k('programme_id'))}
                  options={p.refs.programmes.map((x) => ({ value: String(x.id), label: refName(x, lang) }))}
                  emptyLabel={UI.none[lang]}
                  optional
                />
                <TextField name={k('amount')} label={ROW_FIELD.amount[lang]} lang={lang} value={v(k('amount'))} error={e(k('amount'))} hint={HINT.amount[lang]} optional width="w-short" inputmode="decimal" />
                <SelectField name={k('currency')} label={ROW_FIELD.currency[lang]} lang={lang} value={v(k('currency')) || 'SEK'} error={e(k('currency'))} options={CURRENCIES.map((c) => ({ value: c, label: c }))} width="w-short" />
                <TextField name={k('staff_hours')} label={ROW_FIELD.staff_hours[lang]} lang={lang} value={v(k('staff_hours'))} error={e(k('staff_hours'))} optional width="w-short" inputmode="decimal" />
                <TextField name={k('note')} label={ROW_FIELD.note[lang]} lang={lang} value={v(k('note'))} error={e(k('note'))} optional width="w-long" />
              </fieldset>
            );
          })}
          <AddRow group="funding" />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{FIELD.results[lang]}</h2>
          </legend>
          <p class="field-hint">{HINT.rows[lang]}</p>
          {rowIndexes('results').map((i) => {
            const k = (f: string) => rowKey('results', i, f);
            return (
              <fieldset class="fieldset">
                <legend>{`${ROW_NAME.results[lang]} ${i + 1}`}</legend>
                <input type="hidden" name={k('id')} value={v(k('id'))} />
                <TextField name={k('description_sv')} label={ROW_FIELD.description_sv[lang]} lang={lang} value={v(k('description_sv'))} error={e(k('description_sv'))} width="w-long" />
                <TextField name={k('description_en')} label={ROW_FIELD.description_en[lang]} lang={lang} value={v(k('description_en'))} error={e(k('description_en'))} optional width="w-long" />
                <TextField name={k('indicator')} label={ROW_FIELD.indicator[lang]} lang={lang} value={v(k('indicator'))} error={e(k('indicator'))} optional width="w-medium" />
                <TextField name={k('unit')} label={ROW_FIELD.unit[lang]} lang={lang} value={v(k('unit'))} error={e(k('unit'))} optional width="w-short" />
                <TextField name={k('baseline')} label={ROW_FIELD.baseline[lang]} lang={lang} value={v(k('baseline'))} error={e(k('baseline'))} optional width="w-short" inputmode="decimal" />
                <TextField name={k('target')} label={ROW_FIELD.target[lang]} lang={lang} value={v(k('target'))} error={e(k('target'))} optional width="w-short" inputmode="decimal" />
                <TextField name={k('actual')} label={ROW_FIELD.actual[lang]} lang={lang} value={v(k('actual'))} error={e(k('actual'))} optional width="w-short" inputmode="decimal" />
                <TextField name={k('period')} label={ROW_FIELD.period[lang]} lang={lang} value={v(k('period'))} error={e(k('period'))} optional width="w-short" />
              </fieldset>
            );
          })}
          <AddRow group="results" />
        </fieldset>

        <fieldset class="fieldset">
          <legend>
            <h2>{FIELD.links[lang]}</h2>
          </legend>
          <p class="field-hint">{HINT.rows[lang]}</p>
          {rowIndexes('links').map((i) => {
            const k = (f: string) => rowKey('links', i, f);
            return (
              <fieldset class="fieldset">
                <legend>{`${ROW_NAME.links[lang]} ${i + 1}`}</legend>
                <TextField name={k('label_sv')} label={ROW_FIELD.label_sv[lang]} lang={lang} value={v(k('label_sv'))} error={e(k('label_sv'))} width="w-long" />
                <TextField name={k('label_en')} label={ROW_FIELD.label_en[lang]} lang={lang} value={v(k('label_en'))} error={e(k('label_en'))} optional width="w-long" />
                <TextField name={k('url')} label={ROW_FIELD.url[lang]} lang={lang} value={v(k('url'))} error={e(k('url'))} hint={HINT.url[lang]} width="w-long" spellcheck={false} />
              </fieldset>
            );
          })}
          <AddRow group="links" />
        </fieldset>

        {p.refs.partnerships.length > 0 && (
          <ChoiceGroup
            name="partnerships"
            legend={FIELD.partnerships[lang]}
            lang={lang}
            type="checkbox"
            options={p.refs.partnerships.map((x) => ({ value: String(x.id), label: refName(x, lang) }))}
            values={list(p.values, 'partnerships')}
            error={e('partnerships')}
            optional
          />
        )}

        <GoalChoices name="goals" legend={FIELD.goals[lang]} lang={lang} groups={p.refs.goals} values={list(p.values, 'goals')} error={e('goals')} />

        <div class="button-group">
          <button type="submit" name="_action" value="save" class="button">
            {UI.save[lang]}
          </button>
          <button type="submit" name="_action" value="submit" class="button button--secondary">
            {UI.saveSubmit[lang]}
          </button>
          {p.canPublish && (
            <button type="submit" name="_action" value="publish" class="button button--secondary">
              {UI.savePublish[lang]}
            </button>
          )}
          <a href={p.cancelHref}>{UI.cancel[lang]}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
