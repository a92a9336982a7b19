/** Pages of the external organisations: list, one organisation, the form. */
import { countryName, formatNumber, type Lang } from '../../../i18n/index.js';
import { label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../../i18n/labels.js';
import { type FormErrors, type FormValues, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { countryOptions } from '../countries.js';
import { COMMON, EXTERNAL_KIND_LABELS, labelsIn, ORG, ORG_HINTS, ORG_LABELS, pick, tr } from '../messages.js';
import { projectYear, RecordFormPage, Row, TitledLinks } from '../ui.js';
import { EXTERNAL_KINDS, type ExternalOrganisation, type listExternalOrganisations, type organisationUsage } from './service.js';

type Listed = Awaited<ReturnType<typeof listExternalOrganisations>>[number];

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/organisationer`;

function kindLabel(kind: string, lang: Lang): string {
  return (EXTERNAL_KIND_LABELS as Record<string, { sv: string; en: string }>)[kind]?.[lang] ?? kind;
}

export function OrganisationListPage(props: { ctx: AdminPageContext; rows: Listed[]; total: number; q: string; kind: string; canCreate: boolean; notice?: string }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  const title = tr(ORG.title, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="organisations" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(ORG.lead, lang)}</p>
      {props.canCreate && (
        <p>
          <a class="button" href={adminHref(lang, `${base(ctx)}/ny`)}>
            {tr(ORG.new, lang)}
          </a>
        </p>
      )}
      <form method="get" action={adminHref(lang, base(ctx))} class="filters" role="search" aria-label={tr(COMMON.search, lang)}>
        <TextField name="q" label={tr(COMMON.search, lang)} lang={lang} value={props.q} />
        <SelectField
          name="typ"
          label={tr(COMMON.kind, lang)}
          lang={lang}
          value={props.kind}
          emptyLabel={tr(COMMON.allKinds, lang)}
          options={EXTERNAL_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
        />
        <button type="submit" class="button button--secondary">
          {tr(COMMON.filter, lang)}
        </button>
      </form>
      <h2 id="org-list-heading">{tr(ORG.shown, lang, { n: formatNumber(lang, rows.length) })}</h2>
      {rows.length === 0 ? (
        <p>{tr(ORG.none, lang)}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="org-list-heading" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{tr(COMMON.name, lang)}</th>
                <th scope="col">{tr(COMMON.kind, lang)}</th>
                <th scope="col">{tr(ORG.country, lang)}</th>
                <th scope="col">{tr(ORG.usedIn, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <td>
                    <a href={adminHref(lang, `${base(ctx)}/${o.id}`)}>{pick(lang, o.name_sv, o.name_en)}</a>
                    {o.short_name && <span class="muted"> ({o.short_name})</span>}
                  </td>
                  <td>{kindLabel(o.kind, lang)}</td>
                  <td>{o.country ? (countryName(lang, o.country) ?? o.country) : ''}</td>
                  <td>{tr(ORG.usedInCount, lang, { p: o.partnershipCount, q: o.projectCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}


export function OrganisationPage(props: {
  ctx: AdminPageContext;
  org: ExternalOrganisation;
  usage: Awaited<ReturnType<typeof organisationUsage>>;
  canEdit: boolean;
  canSeeHistory: boolean;
  notice?: string;
}) {
  const { ctx, org, usage } = props;
  const { lang } = ctx;
  const L = labelsIn(ORG_LABELS, lang);
  const none = tr(COMMON.none, lang);
  const name = pick(lang, org.name_sv, org.name_en);
  const slug = ctx.municipality!.slug;
  return (
    <AdminLayout
      ctx={ctx}
      title={name}
      current="organisations"
      crumbs={adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(ORG.title, lang) }, { label: name })}
      notice={props.notice}
    >
      <h1>{name}</h1>
      <dl class="summary-list">
        <Row term={L.kind!}>{kindLabel(org.kind, lang)}</Row>
        <Row term={L.name_sv!}>{org.name_sv}</Row>
        <Row term={L.name_en!}>{org.name_en ?? none}</Row>
        <Row term={L.short_name!}>{org.short_name ?? none}</Row>
        <Row term={L.country!}>{org.country ? `${countryName(lang, org.country) ?? org.country} (${org.country})` : none}</Row>
        <Row term={L.region!}>{org.region ?? none}</Row>
        <Row term={L.population!}>
          {org.population === null ? none : org.population_year ? tr(ORG.populationAbout, lang, { n: formatNumber(lang, org.population), year: org.population_year }) : formatNumber(lang, org.population)}
        </Row>
        <Row term={L.website!}>{org.website ? <a href={org.website}>{org.website}</a> : none}</Row>
        <Row term={tr(ORG.coordinates, lang)}>{org.latitude !== null && org.longitude !== null ? `${formatCoordinate(lang, org.latitude)}, ${formatCoordinate(lang, org.longitude)}` : none}</Row>
        <Row term={L.description_sv!}>{org.description_sv ?? none}</Row>
        <Row term={L.description_en!}>{org.description_en ?? none}</Row>
      </dl>
      <div class="button-group">
        {props.canEdit && (
          <a class="button" href={adminHref(lang, `${base(ctx)}/${org.id}/redigera`)}>
            {tr(COMMON.edit, lang)}
          </a>
        )}
        {props.canSeeHistory && <a href={adminHref(lang, `/${slug}/logg/organisation/${org.id}`)}>{tr(COMMON.history, lang)}</a>}
      </div>
      {!props.canEdit && <p class="muted">{tr(ORG.whoEdits, lang)}</p>}
      <TitledLinks
        lang={lang}
        heading={tr(ORG.partnerships, lang)}
        empty={tr(ORG.noPartnerships, lang)}
        items={usage.partnerships}
        href={(p) => adminHref(lang, `/${slug}/samarbeten/${p.id}`)}
        note={(p) => (
          <>
            {' '}
            <span class="muted">
              ({label(PARTNERSHIP_KINDS, p.kind, lang)}, {label(PARTNERSHIP_STATUSES, p.status, lang).toLowerCase()})
            </span>
          </>
        )}
      />
      <TitledLinks lang={lang} heading={tr(ORG.projects, lang)} empty={tr(ORG.noProjects, lang)} items={usage.projects} href={(p) => adminHref(lang, `/${slug}/projekt/${p.id}`)} note={projectYear} />
    </AdminLayout>
  );
}

function formatCoordinate(lang: Lang, n: number): string {
  const s = String(n);
  return lang === 'sv' ? s.replace('.', ',').replace('-', '−') : s;
}

/** The form's values from a stored organisation. */
export function organisationFormValues(org: ExternalOrganisation, lang: Lang): FormValues {
  const num = (n: number | null) => (n === null ? '' : lang === 'sv' ? String(n).replace('.', ',') : String(n));
  return {
    kind: org.kind,
    name_sv: org.name_sv,
    name_en: org.name_en ?? '',
    short_name: org.short_name ?? '',
    country: org.country ?? '',
    region: org.region ?? '',
    population: org.population === null ? '' : String(org.population),
    population_year: org.population_year === null ? '' : String(org.population_year),
    website: org.website ?? '',
    latitude: num(org.latitude),
    longitude: num(org.longitude),
    description_sv: org.description_sv ?? '',
    description_en: org.description_en ?? '',
    version: org.updated_at,
  };
}

export function OrganisationFormPage(props: { ctx: AdminPageContext; org?: ExternalOrganisation; values: FormValues; errors: FormErrors }) {
  const { ctx, org, values, errors } = props;
  const { lang } = ctx;
  const L = labelsIn(ORG_LABELS, lang);
  const H = (k: keyof typeof ORG_HINTS) => tr(ORG_HINTS[k], lang);
  const v = (k: string) => str(values, k);
  const name = org ? pick(lang, org.name_sv, org.name_en) : '';
  return (
    <RecordFormPage
      ctx={ctx}
      current="organisations"
      base={base(ctx)}
      listLabel={tr(ORG.title, lang)}
      newLabel={tr(ORG.new, lang)}
      record={org && { id: org.id, name, title: tr(ORG.editTitle, lang, { name }) }}
      version={v('version')}
      errors={errors}
    >
      <SelectField
        name="kind"
        label={L.kind!}
        lang={lang}
        value={v('kind')}
        error={errors.kind}
        emptyLabel={tr(COMMON.noneChosen, lang)}
        options={EXTERNAL_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
      />
      <TextField name="name_sv" label={L.name_sv!} lang={lang} value={v('name_sv')} error={errors.name_sv} />
      <TextField name="name_en" label={L.name_en!} lang={lang} value={v('name_en')} error={errors.name_en} hint={H('name_en')} optional />
      <TextField name="short_name" label={L.short_name!} lang={lang} value={v('short_name')} error={errors.short_name} hint={H('short_name')} optional width="w-short" />
      <SelectField
        name="country"
        label={L.country!}
        lang={lang}
        value={v('country').trim().toUpperCase()}
        error={errors.country}
        optional
        emptyLabel={tr(COMMON.none, lang)}
        options={countryOptions(lang)}
      />
      <TextField name="region" label={L.region!} lang={lang} value={v('region')} error={errors.region} optional />
      <TextField name="population" label={L.population!} lang={lang} value={v('population')} error={errors.population} hint={H('population')} optional inputmode="numeric" width="w-short" />
      <TextField name="population_year" label={L.population_year!} lang={lang} value={v('population_year')} error={errors.population_year} optional inputmode="numeric" width="w-short" />
      <TextField name="website" label={L.website!} lang={lang} value={v('website')} error={errors.website} hint={H('website')} optional type="url" spellcheck={false} />
      <TextField name="latitude" label={L.latitude!} lang={lang} value={v('latitude')} error={errors.latitude} hint={H('location')} optional inputmode="decimal" width="w-short" />
      <TextField name="longitude" label={L.longitude!} lang={lang} value={v('longitude')} error={errors.longitude} optional inputmode="decimal" width="w-short" />
      <TextArea name="description_sv" label={L.description_sv!} lang={lang} value={v('description_sv')} error={errors.description_sv} optional rows={4} />
      <TextArea name="description_en" label={L.description_en!} lang={lang} value={v('description_en')} error={errors.description_en} optional rows={4} />
    </RecordFormPage>
  );
}
