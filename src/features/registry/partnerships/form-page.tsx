/** The partnership form: kind, titles, status, texts, areas, owner, ordered partners, timeline rows. */
import { EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../../i18n/labels.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors, type FormValues, list, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { GoalChoices } from '../../strategy/goal-choices.js';
import { GL } from '../../strategy/public/messages.js';
import { COMMON, labelsIn, pick, tr } from '../messages.js';
import { allowedStatuses, EVENT_KIND_VALUES, PARTNERSHIP_KIND_VALUES, type PartnershipData } from './data.js';
import { EVENT_RE, PARTNER_RE, rowIndices } from './form.js';
import { EVENT_LABELS, PS, PS_HINTS, PS_LABELS } from './messages.js';
import { decisionLabel, type PartnershipLookups } from './pages.js';

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/samarbeten`;

export interface FormOptions {
  /** The live status; undefined for a new partnership. */
  liveStatus: PartnershipData['status'] | undefined;
  /** Units the actor may choose as owner, and whether "no unit" is allowed. */
  ownerUnits: PartnershipLookups['units'];
  ownerOptional: boolean;
  canPublish: boolean;
  extraPartnerRows: number;
  extraEventRows: number;
}

export function PartnershipFormPage(props: { ctx: AdminPageContext; id?: number; values: FormValues; errors: FormErrors; lookups: PartnershipLookups; options: FormOptions }) {
  const { ctx, id, values, errors, lookups, options } = props;
  const { lang } = ctx;
  const L = labelsIn(PS_LABELS, lang);
  const EL = (k: keyof typeof EVENT_LABELS, p?: Record<string, string | number>) => tr(EVENT_LABELS[k], lang, p);
  const v = (k: string) => str(values, k);
  const name = v('title_sv') || tr(PS.new, lang);
  const title = id ? tr(PS.editTitle, lang, { name: pick(lang, v('title_sv'), v('title_en')) || name }) : tr(PS.new, lang);
  const action = adminHref(lang, id ? `${base(ctx)}/${id}/redigera` : `${base(ctx)}/ny`);
  const cancel = adminHref(lang, id ? `${base(ctx)}/${id}` : base(ctx));
  const crumbs = adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(PS.title, lang) }, ...(id ? [{ href: cancel, label: name }] : []), { label: id ? tr(COMMON.edit, lang) : tr(PS.new, lang) });

  const partnerRows = rowIndices(values, PARTNER_RE);
  const nextPartner = (partnerRows.at(-1) ?? -1) + 1;
  const partnerIdx = [...partnerRows, ...Array.from({ length: 1 + options.extraPartnerRows }, (_, k) => nextPartner + k)];
  const eventRows = rowIndices(values, EVENT_RE);
  const nextEvent = (eventRows.at(-1) ?? -1) + 1;
  const blankEvents = Array.from({ length: 1 + options.extraEventRows }, (_, k) => nextEvent + k);
  const blankNumber = (k: number) => eventRows.length + k + 1;
  const orgOptions = lookups.organisations.map((o) => ({ value: String(o.id), label: o.country ? `${pick(lang, o.name_sv, o.name_en)} (${o.country})` : pick(lang, o.name_sv, o.name_en) }));
  const decisionOptions = lookups.decisions.map((x) => ({ value: String(x.id), label: decisionLabel(x, lang) }));
  const eventKindOptions = EVENT_KIND_VALUES.map((k) => ({ value: k, label: label(EVENT_KINDS, k, lang) }));
  const statuses = allowedStatuses(options.liveStatus);
  const currentStatus = v('status') || (statuses.includes('proposed') ? 'proposed' : '');

  const EventRow = ({ i, n, isNew }: { i: number; n: number; isNew: boolean }) => {
    const f = (x: string) => `event-${i}-${x}`;
    return (
      <div class="card event-row">
        <fieldset class="fieldset">
          <legend class="field-label">{isNew ? EL('legendNew', { n }) : EL('legend', { n })}</legend>
          {v(f('id')) && <input type="hidden" name={f('id')} value={v(f('id'))} />}
          <SelectField name={f('kind')} label={EL('kind')} lang={lang} value={v(f('kind'))} error={errors[f('kind')]} emptyLabel={tr(COMMON.noneChosen, lang)} options={eventKindOptions} />
          <TextField name={f('date')} label={EL('date')} lang={lang} value={v(f('date'))} error={errors[f('date')]} hint={tr(PS_HINTS.eventDate, lang)} />
          <TextArea name={f('description_sv')} label={EL('description_sv')} lang={lang} value={v(f('description_sv'))} error={errors[f('description_sv')]} rows={3} />
          <TextArea name={f('description_en')} label={EL('description_en')} lang={lang} value={v(f('description_en'))} error={errors[f('description_en')]} optional rows={3} />
          <TextField name={f('place')} label={EL('place')} lang={lang} value={v(f('place'))} error={errors[f('place')]} optional />
          <SelectField name={f('decision')} label={EL('decision')} lang={lang} value={v(f('decision'))} error={errors[f('decision')]} optional emptyLabel={EL('noDecision')} options={decisionOptions} />
          {!isNew && (
            <div class="choice">
              <input type="checkbox" id={f('remove')} name={f('remove')} value="1" checked={v(f('remove')) === '1'} />
              <label for={f('remove')}>{EL('remove')}</label>
            </div>
          )}
        </fieldset>
      </div>
    );
  };

  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={crumbs}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
        <input type="hidden" name="version" value={v('version')} />
        {/* Pressing Enter in a field submits the form's first button: let that save the draft rather than add a row. */}
        <button type="submit" name="do" value="save" class="visually-hidden" tabindex={-1}>
          {tr(PS.save, lang)}
        </button>
        <SelectField
          name="kind"
          label={L.kind!}
          lang={lang}
          value={v('kind')}
          error={errors.kind}
          emptyLabel={tr(COMMON.noneChosen, lang)}
          options={PARTNERSHIP_KIND_VALUES.map((k) => ({ value: k, label: label(PARTNERSHIP_KINDS, k, lang) }))}
        />
        <TextField name="title_sv" label={L.title_sv!} lang={lang} value={v('title_sv')} error={errors.title_sv} />
        <TextField name="title_en" label={L.title_en!} lang={lang} value={v('title_en')} error={errors.title_en} optional />
        <SelectField
          name="status"
          label={L.status!}
          lang={lang}
          value={currentStatus}
          error={errors.status}
          hint={tr(PS.activateHint, lang)}
          options={statuses.map((s) => ({ value: s, label: label(PARTNERSHIP_STATUSES, s, lang) }))}
        />
        <TextArea name="summary_sv" label={L.summary_sv!} lang={lang} value={v('summary_sv')} error={errors.summary_sv} optional rows={5} />
        <TextArea name="summary_en" label={L.summary_en!} lang={lang} value={v('summary_en')} error={errors.summary_en} optional rows={5} />
        <ChoiceGroup
          name="cooperation_areas"
          legend={L.cooperation_areas!}
          lang={lang}
          type="checkbox"
          optional
          values={list(values, 'cooperation_areas')}
          error={errors.cooperation_areas}
          options={lookups.themes.map((t) => ({ value: t.code, label: pick(lang, t.label_sv, t.label_en) }))}
        />
        <TextArea name="financing_sv" label={L.financing_sv!} lang={lang} value={v('financing_sv')} error={errors.financing_sv} hint={tr(PS_HINTS.financing_sv, lang)} optional rows={3} />
        <TextArea name="financing_en" label={L.financing_en!} lang={lang} value={v('financing_en')} error={errors.financing_en} optional rows={3} />
        <SelectField
          name="owner_unit_id"
          label={L.owner_unit_id!}
          lang={lang}
          value={v('owner_unit_id')}
          error={errors.owner_unit_id}
          hint={tr(PS_HINTS.owner_unit_id, lang)}
          optional={options.ownerOptional}
          emptyLabel={options.ownerOptional ? tr(PS.noOwner, lang) : tr(COMMON.noneChosen, lang)}
          options={options.ownerUnits.map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${pick(lang, u.name_sv, u.name_en)}` }))}
        />
        <h2 id="partners-heading">{L.partners}</h2>
        <p class="field-hint">{tr(PS_HINTS.partners, lang)}</p>
        {partnerIdx.map((i, k) => (
          <SelectField name={`partner-${i}`} label={EL('partner', { n: k + 1 })} lang={lang} value={v(`partner-${i}`)} error={errors[`partner-${i}`]} emptyLabel="—" options={orgOptions} />
        ))}
        <p class="field-hint">
          {tr(PS.newOrganisationHint, lang)} <a href={adminHref(lang, `/${ctx.municipality!.slug}/organisationer/ny`)}>{tr(PS.newOrganisation, lang)}</a>
        </p>
        <button type="submit" name="do" value="add_partner" class="button button--secondary">
          {tr(PS.addPartner, lang)}
        </button>
        <h2 id="events-heading">{L.events}</h2>
        <p class="field-hint">{tr(PS_HINTS.events, lang)}</p>
        {eventRows.map((i, k) => (
          <EventRow i={i} n={k + 1} isNew={false} />
        ))}
        {blankEvents.map((i, k) => (
          <EventRow i={i} n={blankNumber(k)} isNew />
        ))}
        <button type="submit" name="do" value="add_event" class="button button--secondary">
          {tr(PS.addEvent, lang)}
        </button>
        <GoalChoices name="goals" legend={tr(GL.partnershipLegend, lang)} lang={lang} groups={lookups.goals} values={list(values, 'goals')} error={errors.goals} />
        <div class="button-group">
          <button type="submit" name="do" value="save" class="button">
            {tr(PS.save, lang)}
          </button>
          <button type="submit" name="do" value="submit" class="button button--secondary">
            {tr(PS.saveSubmit, lang)}
          </button>
          {options.canPublish && (
            <button type="submit" name="do" value="publish" class="button button--secondary">
              {tr(PS.savePublish, lang)}
            </button>
          )}
          <a href={cancel}>{tr(COMMON.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
