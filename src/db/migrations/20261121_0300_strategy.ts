/**
 * Strategy and action plan (issue 4): adopted strategies with their goal tree in the
 * municipality's own level names, their saved versions and reviews; action plans with measures,
 * indicators and progress notes; evaluations of a plan; the goals projects and partnerships
 * serve; the daily progress history of each goal; and secret calendar-feed addresses.
 * Frozen once released: add a new migration instead. Imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigserial' : 'integer';
  const id: Col = (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const big = pg ? 'bigint' : 'integer';
  const real = pg ? 'double precision' : 'real';
  const nn: Col = (c) => c.notNull();
  const muni: Col = (c) => c.notNull().references('municipalities.id').onDelete('cascade');
  const table = (name: string) => db.schema.createTable(name);
  const index = (name: string, on: string, columns: string[], unique = false) => {
    const b = db.schema.createIndex(name).on(on).columns(columns);
    return (unique ? b.unique() : b).execute();
  };

  // ── Strategies (AR-1, AR-3, AL-1, AL-2) ───────────────────────────────────
  await table('strategies')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('vision_sv', 'text')
    .addColumn('vision_en', 'text')
    .addColumn('adopted_by', 'text')
    .addColumn('adopted_on', 'text')
    .addColumn('minute_paragraph', 'text')
    .addColumn('registry_number', 'text')
    .addColumn('responsibilities_sv', 'text')
    .addColumn('responsibilities_en', 'text')
    .addColumn('body_sv', 'text')
    .addColumn('summary_en', 'text')
    // draft | adopted | superseded
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('superseded_by_id', big, (c) => c.references('strategies.id').onDelete('set null'))
    .addColumn('source', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('strategies_municipality', 'strategies', ['municipality_id', 'status']);

  /** Every saved version of a strategy and its goal tree, as JSON: the history of its revisions. */
  await table('strategy_versions')
    .addColumn('id', idType, id)
    .addColumn('strategy_id', big, (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('version', 'integer', nn)
    .addColumn('snapshot', 'text', nn)
    .addColumn('note', 'text')
    .addColumn('user_id', big, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', nn)
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('strategy_versions_strategy', 'strategy_versions', ['strategy_id', 'version'], true);

  await table('strategy_goals')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('strategy_id', big, (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('parent_id', big, (c) => c.references('strategy_goals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('level_name', 'text', nn)
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('weight', real, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('strategy_goals_strategy', 'strategy_goals', ['strategy_id', 'parent_id', 'position']);

  /** Review once per term of office (AL-2): recorded events. */
  await table('strategy_reviews')
    .addColumn('id', idType, id)
    .addColumn('strategy_id', big, (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('reviewed_on', 'text', nn)
    // unchanged | revise
    .addColumn('outcome', 'text', nn)
    .addColumn('note_sv', 'text')
    .addColumn('decision_reference', 'text')
    .addColumn('user_id', big, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('strategy_reviews_strategy', 'strategy_reviews', ['strategy_id', 'reviewed_on']);

  // ── Action plans and measures (AL-3) ──────────────────────────────────────
  await table('action_plans')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('strategy_id', big, (c) => c.notNull().references('strategies.id').onDelete('cascade'))
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('period_start', 'text', nn)
    .addColumn('period_end', 'text', nn)
    // draft | active | closed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('evaluation_interval_months', 'integer', (c) => c.notNull().defaultTo(24))
    .addColumn('previous_plan_id', big, (c) => c.references('action_plans.id').onDelete('set null'))
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('action_plans_strategy', 'action_plans', ['strategy_id']);

  await table('measures')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('plan_id', big, (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('owner_unit_id', big, (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    // planned | ongoing | done | cancelled
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', real, (c) => c.notNull().defaultTo(1))
    /** When progress was last reported (a note, a bulk update or an import). */
    .addColumn('progress_updated_at', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('measures_plan', 'measures', ['plan_id', 'position']);
  await index('measures_unit', 'measures', ['owner_unit_id']);

  await table('measure_goals')
    .addColumn('measure_id', big, (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('goal_id', big, (c) => c.notNull().references('strategy_goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('measure_goals_pk', ['measure_id', 'goal_id'])
    .execute();
  await index('measure_goals_goal', 'measure_goals', ['goal_id']);

  await table('measure_indicators')
    .addColumn('id', idType, id)
    .addColumn('measure_id', big, (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_sv', 'text', nn)
    .addColumn('name_en', 'text')
    .addColumn('unit', 'text')
    .addColumn('baseline', real)
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('measure_indicators_measure', 'measure_indicators', ['measure_id']);

  /** Target and actual of an indicator for a period (a year `2026` or a half-year `2026H1`). */
  await table('indicator_values')
    .addColumn('indicator_id', big, (c) => c.notNull().references('measure_indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', nn)
    .addColumn('target', real)
    .addColumn('actual', real)
    .addPrimaryKeyConstraint('indicator_values_pk', ['indicator_id', 'period'])
    .execute();

  /** The dated timeline of progress notes of a measure. */
  await table('measure_notes')
    .addColumn('id', idType, id)
    .addColumn('measure_id', big, (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('noted_on', 'text', nn)
    .addColumn('progress', 'integer')
    .addColumn('status', 'text')
    .addColumn('text_sv', 'text')
    .addColumn('user_id', big, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', nn)
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('measure_notes_measure', 'measure_notes', ['measure_id', 'noted_on']);

  /** Each goal's computed progress, one row per goal and day it changed: the history over time. */
  await table('goal_progress_history')
    .addColumn('goal_id', big, (c) => c.notNull().references('strategy_goals.id').onDelete('cascade'))
    .addColumn('recorded_on', 'text', nn)
    .addColumn('progress', real)
    .addColumn('light', 'text', nn)
    .addPrimaryKeyConstraint('goal_progress_history_pk', ['goal_id', 'recorded_on'])
    .execute();

  /** Evaluation of an action plan every other year (AL-3): a recorded event. */
  await table('plan_evaluations')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('plan_id', big, (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('evaluated_on', 'text', nn)
    .addColumn('summary_sv', 'text', nn)
    .addColumn('changes_sv', 'text')
    .addColumn('decision_reference', 'text')
    .addColumn('user_id', big, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('plan_evaluations_plan', 'plan_evaluations', ['plan_id', 'evaluated_on']);

  await table('plan_evaluation_items')
    .addColumn('evaluation_id', big, (c) => c.notNull().references('plan_evaluations.id').onDelete('cascade'))
    .addColumn('measure_id', big, (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('progress', 'integer')
    .addColumn('status', 'text')
    .addColumn('achieved_sv', 'text')
    .addPrimaryKeyConstraint('plan_evaluation_items_pk', ['evaluation_id', 'measure_id'])
    .execute();

  // ── What projects and partnerships serve ──────────────────────────────────
  await table('project_goals')
    .addColumn('project_id', big, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('goal_id', big, (c) => c.notNull().references('strategy_goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_goals_pk', ['project_id', 'goal_id'])
    .execute();
  await index('project_goals_goal', 'project_goals', ['goal_id']);

  await table('partnership_goals')
    .addColumn('partnership_id', big, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('goal_id', big, (c) => c.notNull().references('strategy_goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partnership_goals_pk', ['partnership_id', 'goal_id'])
    .execute();
  await index('partnership_goals_goal', 'partnership_goals', ['goal_id']);

  // ── Calendar feeds: secret addresses a calendar client can subscribe to ──
  await table('calendar_feeds')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    /** null: the municipality's feed; else one person's. */
    .addColumn('user_id', big, (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('calendar_feeds_owner', 'calendar_feeds', ['municipality_id', 'user_id']);

  // ── Settings ──────────────────────────────────────────────────────────────
  await db.schema
    .alterTable('municipality_settings')
    .addColumn('stale_after_days', 'integer', (c) => c.notNull().defaultTo(90))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('municipality_settings').dropColumn('stale_after_days').execute();
  for (const t of [
    'calendar_feeds', 'partnership_goals', 'project_goals', 'plan_evaluation_items', 'plan_evaluations',
    'goal_progress_history', 'measure_notes', 'indicator_values', 'measure_indicators', 'measure_goals',
    'measures', 'action_plans', 'strategy_reviews', 'strategy_goals', 'strategy_versions', 'strategies',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
