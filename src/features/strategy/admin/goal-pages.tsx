/** Pages of one goal: the goal with its progress, history and links; the goal form; the delete confirmation. */

import type { TrafficLight } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';
import { formatDate, formatNumber } from '../../../i18n/index.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors, type FormValues, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { pick } from '../../registry/messages.js';
import { Row } from '../../registry/ui.js';
import type { GoalProgress } from '../model.js';
import { MEASURE_STATUS_LABELS } from '../plans/messages.js';
import { FORM, GOAL, LIGHT_LABELS, S, STRATEGY_PAGE, tr } from './messages.js';
import { goalTitle, ProgressText, strategyBase, strategyTitle, TableWrap } from './pages.js';
import type { GoalRecord, goalLinks, StrategyRecord, TreeGoal } from './repository.js';
import { levelNamesByDepth } from './tree-form.js';

const MEASURE_STATUS: Record<string, { sv: string; en: string }> = MEASURE_STATUS_LABELS;

function crumbs(ctx: AdminPageContext, strategy: StrategyRecord, ...rest: { href?: string; label: string }[]) {
  const { lang } = ctx;
  return adminCrumbs(ctx, { href: adminHref(lang, strategyBase(ctx)), label: tr(S.title, lang) }, { href: adminHref(lang, `${strategyBase(ctx)}/${strategy.id}`), label: strategyTitle(strategy, lang) }, ...rest);
}

/** An accessible bar chart of the goal's progress over time (no scripts): a summary as its name; the table beside it has the figures. */
function HistoryChart(props: { history: { recordedOn: string; progress: number | null; light: TrafficLight }[]; lang: Lang }) {
  const { lang } = props;
  const points = props.history.slice(-60);
  // Nothing measurable yet: the table says so; an empty chart would only be noise.
  if (points.every((p) => p.progress === null)) return null;
  const bar = 10;
  const gap = 4;
  const width = Math.max(1, points.length) * (bar + gap);
  const fmt = (p: { recordedOn: string; progress: number | null }) => `${p.progress === null ? '–' : `${formatNumber(lang, p.progress)} %`} (${formatDate(lang, p.recordedOn)})`;
  const label = tr(GOAL.historyChart, lang, { first: fmt(points[0]!), last: fmt(points[points.length - 1]!) });
  return (
    <svg class="sparkline" role="img" aria-label={label} viewBox={`0 0 ${width} 100`} width={Math.min(width * 2, 600)} height={80} preserveAspectRatio="none">
      <title>{label}</title>
      <line x1="0" y1="99.5" x2={String(width)} y2="99.5" class="spark-axis" />
      {points.map((p, i) => {
        const h = Math.max(1, Math.round(p.progress ?? 0));
        return <rect x={String(i * (bar + gap))} y={String(100 - h)} width={String(bar)} height={String(h)} class={`spark-bar spark-bar--${p.light}`} />;
      })}
    </svg>
  );
}

export function GoalPage(props: {
  ctx: AdminPageContext;
  strategy: StrategyRecord;
  goal: GoalRecord;
  parent?: GoalRecord;
  children: GoalRecord[];
  progress?: GoalProgress;
  history: { recordedOn: string; progress: number | null; light: TrafficLight }[];
  links: Awaited<ReturnType<typeof goalLinks>>;
  canEdit: boolean;
  notice?: string;
}) {
  const { ctx, strategy, goal, links, progress } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  const name = goalTitle(goal, lang);
  const base = `${strategyBase(ctx)}/${strategy.id}`;
  const goalHref = (id: number) => adminHref(lang, `${base}/mal/${id}`);
  const none = tr(S.none_, lang);
  return (
    <AdminLayout ctx={ctx} title={name} current="strategy" crumbs={crumbs(ctx, strategy, { label: name })} notice={props.notice}>
      <p class="goal-level">{goal.level_name}</p>
      <h1>{name}</h1>
      <h2>{tr(GOAL.facts, lang)}</h2>
      <dl class="summary-list">
        <Row term={tr(GOAL.strategy, lang)}>
          <a href={adminHref(lang, base)}>{strategyTitle(strategy, lang)}</a>
        </Row>
        <Row term={tr(GOAL.levelName, lang)}>{goal.level_name}</Row>
        <Row term={tr(GOAL.parent, lang)}>{props.parent ? <a href={goalHref(props.parent.id)}>{goalTitle(props.parent, lang)}</a> : tr(GOAL.noParent, lang)}</Row>
        <Row term={tr(GOAL.children, lang)}>
          {props.children.length === 0
            ? none
            : props.children.map((c, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={goalHref(c.id)}>{goalTitle(c, lang)}</a>
                </>
              ))}
        </Row>
        <Row term={tr(GOAL.weight, lang)}>{formatNumber(lang, goal.weight)}</Row>
        {goal.title_en && lang === 'sv' && <Row term={tr(GOAL.title_en, lang)}>{goal.title_en}</Row>}
      </dl>
      {(goal.description_sv || goal.description_en) && <p>{pick(lang, goal.description_sv, goal.description_en)}</p>}
      {props.canEdit && (
        <div class="button-group">
          <a class="button" href={adminHref(lang, `${base}/mal/${goal.id}/redigera`)}>
            {tr(GOAL.edit, lang)}
          </a>
          <a class="button button--secondary" href={`${adminHref(lang, `${base}/mal/ny`)}?parent=${goal.id}`}>
            {tr(GOAL.addChild, lang)}
          </a>
          <a class="button button--secondary" href={adminHref(lang, `${base}/mal/${goal.id}/ta-bort`)}>
            {tr(GOAL.delete, lang)}
          </a>
        </div>
      )}

      <h2>{tr(GOAL.progress, lang)}</h2>
      <p>
        <ProgressText progress={progress} lang={lang} />
      </p>
      {progress?.expected != null && <p>{tr(GOAL.expected, lang, { p: formatNumber(lang, progress.expected) })}</p>}
      {progress && (
        <>
          <h3>{tr(GOAL.how, lang)}</h3>
          <p>{progress.explanation[lang]}</p>
        </>
      )}

      <h2>{tr(GOAL.historyHeading, lang)}</h2>
      {props.history.length === 0 ? (
        <p>{tr(GOAL.historyNone, lang)}</p>
      ) : (
        <>
          <HistoryChart history={props.history} lang={lang} />
          <TableWrap label={tr(GOAL.historyCaption, lang)}>
            <table class="data">
              <caption>{tr(GOAL.historyCaption, lang)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr(GOAL.date, lang)}</th>
                  <th scope="col" class="num">
                    {tr(STRATEGY_PAGE.progress, lang)}
                  </th>
                  <th scope="col">{tr(GOAL.light, lang)}</th>
                </tr>
              </thead>
              <tbody>
                {[...props.history].reverse().map((h) => (
                  <tr>
                    <td>{formatDate(lang, h.recordedOn)}</td>
                    <td class="num">{h.progress === null ? '–' : `${formatNumber(lang, h.progress)} %`}</td>
                    <td>{tr(LIGHT_LABELS[h.light], lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}

      <h2>{tr(GOAL.measures, lang)}</h2>
      {links.measures.length === 0 ? (
        <p>{tr(GOAL.noMeasures, lang)}</p>
      ) : (
        <TableWrap label={tr(GOAL.measures, lang)}>
          <table class="data">
            <caption class="visually-hidden">{tr(GOAL.measures, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(GOAL.title_sv, lang)}</th>
                <th scope="col">{tr(STRATEGY_PAGE.plans, lang)}</th>
                <th scope="col">{tr(GOAL.status, lang)}</th>
                <th scope="col" class="num">
                  {tr(STRATEGY_PAGE.progress, lang)}
                </th>
              </tr>
            </thead>
            <tbody>
              {links.measures.map((m) => (
                <tr>
                  <td>{pick(lang, m.title_sv, m.title_en)}</td>
                  <td>
                    <a href={adminHref(lang, `/${slug}/handlingsplaner/${m.plan_id}`)}>{pick(lang, m.plan_title_sv, m.plan_title_en)}</a>
                  </td>
                  <td>{MEASURE_STATUS[m.status]?.[lang] ?? m.status}</td>
                  <td class="num">{m.progress} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{tr(GOAL.projects, lang)}</h2>
      {links.projects.length === 0 ? (
        <p>{tr(GOAL.noProjects, lang)}</p>
      ) : (
        <ul>
          {links.projects.map((p) => (
            <li>
              <a href={adminHref(lang, `/${slug}/projekt/${p.id}`)}>{pick(lang, p.title_sv, p.title_en)}</a>
              {p.year !== null && <span class="muted"> ({p.year})</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>{tr(GOAL.partnerships, lang)}</h2>
      {links.partnerships.length === 0 ? (
        <p>{tr(GOAL.noPartnerships, lang)}</p>
      ) : (
        <ul>
          {links.partnerships.map((p) => (
            <li>
              <a href={adminHref(lang, `/${slug}/samarbeten/${p.id}`)}>{pick(lang, p.title_sv, p.title_en)}</a>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

/** The goals a goal may be placed under: all but itself and those below it, indented by depth. */
function parentOptions(tree: TreeGoal[], exclude: Set<number>, lang: Lang) {
  return tree.filter((g) => !exclude.has(g.id)).map((g) => ({ value: String(g.id), label: `${'– '.repeat(g.depth)}${goalTitle(g, lang)} (${g.level_name})` }));
}

/** The level names the strategy uses, by depth: what to suggest for a goal's level. */
export function levelSuggestions(tree: TreeGoal[]): string[][] {
  return levelNamesByDepth(tree.map((g) => ({ depth: g.depth, levelName: g.level_name })));
}

export function goalFormValues(g: GoalRecord, siblingIndex: number): FormValues {
  return {
    parent_id: g.parent_id === null ? '' : String(g.parent_id),
    level_name: g.level_name,
    title_sv: g.title_sv,
    title_en: g.title_en ?? '',
    description_sv: g.description_sv ?? '',
    description_en: g.description_en ?? '',
    weight: String(g.weight).replace('.', ','),
    position: String(siblingIndex + 1),
    version: g.updated_at,
  };
}

export function GoalFormPage(props: { ctx: AdminPageContext; strategy: StrategyRecord; goal?: GoalRecord; tree: TreeGoal[]; exclude: Set<number>; values: FormValues; errors: FormErrors }) {
  const { ctx, strategy, goal, values, errors } = props;
  const { lang } = ctx;
  const v = (k: string) => str(values, k);
  const base = `${strategyBase(ctx)}/${strategy.id}`;
  const name = goal ? goalTitle(goal, lang) : '';
  const title = goal ? tr(GOAL.editTitle, lang, { name }) : tr(GOAL.newTitle, lang);
  const action = adminHref(lang, goal ? `${base}/mal/${goal.id}/redigera` : `${base}/mal/ny`);
  const cancel = adminHref(lang, goal ? `${base}/mal/${goal.id}` : base);
  const levels = levelSuggestions(props.tree);
  const allLevels = [...new Set(levels.flat())];
  const levelError = errors.level_name;
  const levelHintId = 'level_name-hint';
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={crumbs(ctx, strategy, ...(goal ? [{ href: cancel, label: name }] : []), { label: goal ? tr(GOAL.edit, lang) : title })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(GOAL.newLead, lang)}</p>
      <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
        {goal && <input type="hidden" name="version" value={v('version')} />}
        <SelectField
          name="parent_id"
          label={tr(GOAL.parent, lang)}
          hint={tr(GOAL.parentHint, lang)}
          lang={lang}
          value={v('parent_id')}
          error={errors.parent_id}
          optional
          emptyLabel={tr(GOAL.noParent, lang)}
          options={parentOptions(props.tree, props.exclude, lang)}
        />
        <div class={`field${levelError ? ' field--error' : ''}`}>
          <label class="field-label" for="level_name">
            {tr(GOAL.levelName, lang)}
          </label>
          <div class="field-hint" id={levelHintId}>
            <p>{tr(GOAL.levelHint, lang)}</p>
            {levels.length > 0 && (
              <>
                <p>{tr(GOAL.levelsUsed, lang)}:</p>
                <ul>
                  {levels.map((names, d) => (
                    <li>{tr(GOAL.levelAt, lang, { n: d + 1, names: names.join(', ') })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {levelError && (
            <p class="field-error" id="level_name-error">
              <span class="visually-hidden">{lang === 'sv' ? 'Fel:' : 'Error:'} </span>
              {levelError}
            </p>
          )}
          <input
            class="input w-medium"
            id="level_name"
            name="level_name"
            type="text"
            value={v('level_name')}
            list={allLevels.length ? 'level-names' : undefined}
            aria-describedby={levelError ? `${levelHintId} level_name-error` : levelHintId}
            aria-invalid={levelError ? 'true' : undefined}
          />
          {allLevels.length > 0 && (
            <datalist id="level-names">
              {allLevels.map((n) => (
                <option value={n} />
              ))}
            </datalist>
          )}
        </div>
        <TextField name="title_sv" label={tr(GOAL.title_sv, lang)} lang={lang} value={v('title_sv')} error={errors.title_sv} />
        <TextField name="title_en" label={tr(GOAL.title_en, lang)} lang={lang} value={v('title_en')} error={errors.title_en} optional />
        <TextArea name="description_sv" label={tr(GOAL.description_sv, lang)} lang={lang} value={v('description_sv')} error={errors.description_sv} optional rows={4} />
        <TextArea name="description_en" label={tr(GOAL.description_en, lang)} lang={lang} value={v('description_en')} error={errors.description_en} optional rows={3} />
        <TextField name="weight" label={tr(GOAL.weight, lang)} hint={tr(GOAL.weightHint, lang)} lang={lang} value={v('weight')} error={errors.weight} inputmode="decimal" width="w-short" />
        {goal && <TextField name="position" label={tr(GOAL.position, lang)} hint={tr(GOAL.positionHint, lang)} lang={lang} value={v('position')} error={errors.position} inputmode="numeric" optional width="w-short" />}
        <div class="button-group">
          <button type="submit" class="button">
            {tr(FORM.save, lang)}
          </button>
          <a href={cancel}>{tr(FORM.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

export function GoalDeletePage(props: {
  ctx: AdminPageContext;
  strategy: StrategyRecord;
  goal: GoalRecord;
  subgoals: number;
  counts: { measures: number; projects: number; partnerships: number };
  errors: FormErrors;
}) {
  const { ctx, strategy, goal, counts, errors } = props;
  const { lang } = ctx;
  const name = goalTitle(goal, lang);
  const title = tr(GOAL.deleteTitle, lang, { name });
  const base = `${strategyBase(ctx)}/${strategy.id}/mal/${goal.id}`;
  const weighty = props.subgoals > 0 || counts.measures > 0 || counts.projects > 0 || counts.partnerships > 0;
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={crumbs(ctx, strategy, { href: adminHref(lang, base), label: name }, { label: tr(GOAL.delete, lang) })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      {weighty ? (
        <>
          <p class="lead">{tr(GOAL.deleteExplain, lang)}</p>
          <ul>
            {props.subgoals > 0 && <li>{tr(GOAL.deleteChildren, lang, { n: props.subgoals })}</li>}
            {counts.measures > 0 && <li>{tr(GOAL.deleteMeasures, lang, { n: counts.measures })}</li>}
            {counts.projects > 0 && <li>{tr(GOAL.deleteProjects, lang, { n: counts.projects })}</li>}
            {counts.partnerships > 0 && <li>{tr(GOAL.deletePartnerships, lang, { n: counts.partnerships })}</li>}
            <li>{tr(GOAL.deleteHistory, lang)}</li>
          </ul>
        </>
      ) : (
        <p class="lead">{tr(GOAL.deleteSimple, lang)}</p>
      )}
      <AdminForm action={adminHref(lang, `${base}/ta-bort`)} csrf={ctx.actor!.csrfToken}>
        {weighty && <ChoiceGroup name="confirm" legend={tr(GOAL.deleteConfirmLegend, lang)} lang={lang} type="checkbox" options={[{ value: 'yes', label: tr(GOAL.deleteConfirm, lang) }]} error={errors.confirm} />}
        <div class="button-group">
          <button type="submit" class="button button--warning">
            {tr(GOAL.deleteButton, lang)}
          </button>
          <a href={adminHref(lang, base)}>{tr(FORM.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
