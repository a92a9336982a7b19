/** Pages of the municipality's own organisation: the tree, one unit, the form. */
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { COMMON, INTERNAL_KIND_LABELS, labelsIn, pick, tr, UNIT, UNIT_HINTS, UNIT_LABELS } from '../messages.js';
import { projectYear, RecordFormPage, Row, TitledLinks } from '../ui.js';
import { INTERNAL_KINDS, type Unit, type UnitTree, type unitUsage } from './service.js';

const base = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/enheter`;

function unitKindLabel(kind: string, lang: Lang): string {
  return (INTERNAL_KIND_LABELS as Record<string, { sv: string; en: string }>)[kind]?.[lang] ?? kind;
}

type Node = Unit & { depth: number; children: Node[] };

/** The depth-first list as nested nodes. */
function nest(units: UnitTree['units']): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const u of units) {
    const node: Node = { ...u, children: [] };
    const parent = u.depth > 0 ? stack[u.depth - 1] : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.length = u.depth;
    stack.push(node);
  }
  return roots;
}

function unitName(u: Pick<Unit, 'name_sv' | 'name_en'>, lang: Lang): string {
  return pick(lang, u.name_sv, u.name_en);
}

/** Names of the units a committee answers for, and the committee of a unit. */
function responsibility(tree: UnitTree, lang: Lang) {
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  const committeeOf = (id: number) => {
    const c = tree.committeeOf.get(id);
    return c === undefined ? undefined : byId.get(c);
  };
  const unitsOf = (committeeId: number) => tree.units.filter((u) => tree.committeeOf.get(u.id) === committeeId);
  return { byId, committeeOf, unitsOf, name: (u: Unit) => unitName(u, lang) };
}

export function UnitListPage(props: { ctx: AdminPageContext; tree: UnitTree; canConfigure: boolean; notice?: string }) {
  const { ctx, tree } = props;
  const { lang } = ctx;
  const title = tr(UNIT.title, lang);
  const r = responsibility(tree, lang);
  const href = (id: number) => adminHref(lang, `${base(ctx)}/${id}`);
  const Item = ({ node }: { node: Node }) => {
    const committee = r.committeeOf(node.id);
    const answersFor = r.unitsOf(node.id);
    return (
      <li>
        <a href={href(node.id)}>{unitName(node, lang)}</a>
        {node.short_name && <span> ({node.short_name})</span>} <span class="muted">– {unitKindLabel(node.kind, lang)}</span>
        {committee && (
          <div class="muted">
            {tr(UNIT.responsibleCommittee, lang)}: {r.name(committee)}
          </div>
        )}
        {answersFor.length > 0 && (
          <div class="muted">
            {tr(UNIT.responsibleFor, lang)}: {answersFor.map(r.name).join(', ')}
          </div>
        )}
        {node.children.length > 0 && (
          <ul>
            {node.children.map((child) => (
              <Item node={child} />
            ))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <AdminLayout ctx={ctx} title={title} current="units" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(UNIT.lead, lang)}</p>
      {props.canConfigure ? (
        <p>
          <a class="button" href={adminHref(lang, `${base(ctx)}/ny`)}>
            {tr(UNIT.new, lang)}
          </a>
        </p>
      ) : (
        <p class="muted">{tr(UNIT.onlyConfigure, lang)}</p>
      )}
      {tree.units.length === 0 ? (
        <p>{tr(UNIT.none, lang)}</p>
      ) : (
        <ul class="unit-tree">
          {nest(tree.units).map((n) => (
            <Item node={n} />
          ))}
        </ul>
      )}
      <p>
        {tr(UNIT.committeeNote, lang)} <a href={adminHref(lang, `/${ctx.municipality!.slug}/delegationsordning`)}>{tr(UNIT.delegation, lang)}</a>.
      </p>
    </AdminLayout>
  );
}

export function UnitPage(props: {
  ctx: AdminPageContext;
  unit: Unit;
  tree: UnitTree;
  usage: Awaited<ReturnType<typeof unitUsage>>;
  canConfigure: boolean;
  canSeeHistory: boolean;
  notice?: string;
}) {
  const { ctx, unit, tree, usage } = props;
  const { lang } = ctx;
  const L = labelsIn(UNIT_LABELS, lang);
  const none = tr(COMMON.none, lang);
  const r = responsibility(tree, lang);
  const name = unitName(unit, lang);
  const slug = ctx.municipality!.slug;
  const parent = unit.parent_id === null ? undefined : r.byId.get(unit.parent_id);
  const children = tree.units.filter((u) => u.parent_id === unit.id);
  const committee = r.committeeOf(unit.id);
  const answersFor = r.unitsOf(unit.id);
  const link = (u: Unit) => <a href={adminHref(lang, `${base(ctx)}/${u.id}`)}>{r.name(u)}</a>;
  return (
    <AdminLayout ctx={ctx} title={name} current="units" crumbs={adminCrumbs(ctx, { href: adminHref(lang, base(ctx)), label: tr(UNIT.title, lang) }, { label: name })} notice={props.notice}>
      <h1>{name}</h1>
      <dl class="summary-list">
        <Row term={L.kind!}>{unitKindLabel(unit.kind, lang)}</Row>
        <Row term={L.name_sv!}>{unit.name_sv}</Row>
        <Row term={L.name_en!}>{unit.name_en ?? none}</Row>
        <Row term={L.short_name!}>{unit.short_name ?? none}</Row>
        <Row term={L.parent_id!}>{parent ? link(parent) : none}</Row>
        <Row term={tr(UNIT.children, lang)}>
          {children.length === 0
            ? none
            : children.map((c, i) => (
                <>
                  {i > 0 && ', '}
                  {link(c)}
                </>
              ))}
        </Row>
        {committee && <Row term={tr(UNIT.responsibleCommittee, lang)}>{link(committee)}</Row>}
        {answersFor.length > 0 && (
          <Row term={tr(UNIT.responsibleFor, lang)}>
            {answersFor.map((c, i) => (
              <>
                {i > 0 && ', '}
                {link(c)}
              </>
            ))}
          </Row>
        )}
        <Row term={L.description_sv!}>{unit.description_sv ?? none}</Row>
        <Row term={L.description_en!}>{unit.description_en ?? none}</Row>
      </dl>
      <div class="button-group">
        {props.canConfigure && (
          <a class="button" href={adminHref(lang, `${base(ctx)}/${unit.id}/redigera`)}>
            {tr(COMMON.edit, lang)}
          </a>
        )}
        {props.canSeeHistory && <a href={adminHref(lang, `/${slug}/logg/organisation/${unit.id}`)}>{tr(COMMON.history, lang)}</a>}
      </div>
      <TitledLinks
        lang={lang}
        heading={tr(UNIT_OWNED.partnerships, lang)}
        empty={tr(UNIT_OWNED.noPartnerships, lang)}
        items={usage.partnerships}
        href={(p) => adminHref(lang, `/${slug}/samarbeten/${p.id}`)}
      />
      <TitledLinks lang={lang} heading={tr(UNIT_OWNED.projects, lang)} empty={tr(UNIT_OWNED.noProjects, lang)} items={usage.projects} href={(p) => adminHref(lang, `/${slug}/projekt/${p.id}`)} note={projectYear} />
    </AdminLayout>
  );
}

const UNIT_OWNED = {
  partnerships: { sv: 'Samarbeten som enheten ansvarar för', en: 'Partnerships the unit is responsible for' },
  noPartnerships: { sv: 'Enheten ansvarar inte för något samarbete.', en: 'The unit is not responsible for any partnership.' },
  projects: { sv: 'Projekt som enheten äger', en: 'Projects the unit owns' },
  noProjects: { sv: 'Enheten äger inget projekt.', en: 'The unit does not own any project.' },
};

export function unitFormValues(unit: Unit): FormValues {
  return {
    kind: unit.kind,
    name_sv: unit.name_sv,
    name_en: unit.name_en ?? '',
    short_name: unit.short_name ?? '',
    parent_id: unit.parent_id === null ? '' : String(unit.parent_id),
    description_sv: unit.description_sv ?? '',
    description_en: unit.description_en ?? '',
    version: unit.updated_at,
  };
}

/** The units a unit may be placed under: all but itself and those below it, indented by depth. */
function parentOptions(tree: UnitTree, self: Unit | undefined, lang: Lang) {
  const below = new Set<number>();
  if (self) {
    below.add(self.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of tree.units) {
        if (u.parent_id !== null && below.has(u.parent_id) && !below.has(u.id)) {
          below.add(u.id);
          grew = true;
        }
      }
    }
  }
  return tree.units.filter((u) => !below.has(u.id)).map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${unitName(u, lang)}` }));
}

export function UnitFormPage(props: { ctx: AdminPageContext; unit?: Unit; tree: UnitTree; values: FormValues; errors: FormErrors }) {
  const { ctx, unit, values, errors } = props;
  const { lang } = ctx;
  const L = labelsIn(UNIT_LABELS, lang);
  const v = (k: string) => str(values, k);
  const name = unit ? unitName(unit, lang) : '';
  return (
    <RecordFormPage
      ctx={ctx}
      current="units"
      base={base(ctx)}
      listLabel={tr(UNIT.title, lang)}
      newLabel={tr(UNIT.new, lang)}
      record={unit && { id: unit.id, name, title: tr(UNIT.editTitle, lang, { name }) }}
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
        options={INTERNAL_KINDS.map((k) => ({ value: k, label: unitKindLabel(k, lang) }))}
      />
      <TextField name="name_sv" label={L.name_sv!} lang={lang} value={v('name_sv')} error={errors.name_sv} />
      <TextField name="name_en" label={L.name_en!} lang={lang} value={v('name_en')} error={errors.name_en} optional />
      <TextField name="short_name" label={L.short_name!} lang={lang} value={v('short_name')} error={errors.short_name} hint={tr(UNIT_HINTS.short_name, lang)} optional width="w-short" />
      <SelectField
        name="parent_id"
        label={L.parent_id!}
        lang={lang}
        value={v('parent_id')}
        error={errors.parent_id}
        hint={tr(UNIT_HINTS.parent_id, lang)}
        optional
        emptyLabel={tr(COMMON.noParent, lang)}
        options={parentOptions(props.tree, unit, lang)}
      />
      <TextArea name="description_sv" label={L.description_sv!} lang={lang} value={v('description_sv')} error={errors.description_sv} optional rows={4} />
      <TextArea name="description_en" label={L.description_en!} lang={lang} value={v('description_en')} error={errors.description_en} optional rows={4} />
    </RecordFormPage>
  );
}
