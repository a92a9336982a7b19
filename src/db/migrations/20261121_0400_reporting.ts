/**
 * Follow-up and reporting (issue 5): the half-year report to the executive board (AL-13) with a
 * section per unit and its archived documents; the international budget (AL-15) with allocations
 * and recorded use; evaluations of partnerships (AR-9); scheduled work that runs exactly once
 * across processes, and the reminders already sent.
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
  const blob = pg ? 'bytea' : 'blob';
  const nn: Col = (c) => c.notNull();
  const muni: Col = (c) => c.notNull().references('municipalities.id').onDelete('cascade');
  const user: Col = (c) => c.references('users.id').onDelete('set null');
  const table = (name: string) => db.schema.createTable(name);
  const index = (name: string, on: string, columns: string[], unique = false) => {
    const b = db.schema.createIndex(name).on(on).columns(columns);
    return (unique ? b.unique() : b).execute();
  };

  // ── The half-year report (AL-13) ──────────────────────────────────────────
  await table('half_year_reports')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    /** `2026H1` or `2026H2`. */
    .addColumn('period', 'text', nn)
    // draft | finalised
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    /** The coordinator's summary. */
    .addColumn('summary_sv', 'text')
    .addColumn('summary_en', 'text')
    /** JSON: which sections, in which order, with which headings (copied into the next period's report). */
    .addColumn('structure', 'text', nn)
    /** When the units' sections are due, and when the report itself is due. */
    .addColumn('sections_due_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('previous_report_id', big, (c) => c.references('half_year_reports.id').onDelete('set null'))
    /** JSON of the report's whole content at finalising; the documents are rendered from it. */
    .addColumn('snapshot', 'text')
    .addColumn('registry_number', 'text')
    .addColumn('finalised_on', 'text')
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by', big, user)
    /** JSON array of the addresses it was sent to, and when. */
    .addColumn('sent_to', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', big, user)
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('half_year_reports_period', 'half_year_reports', ['municipality_id', 'period'], true);

  /** One section per unit: the unit's representative comments and marks it ready. */
  await table('half_year_report_sections')
    .addColumn('report_id', big, (c) => c.notNull().references('half_year_reports.id').onDelete('cascade'))
    .addColumn('unit_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_sv', 'text')
    .addColumn('comment_en', 'text')
    .addColumn('ready_at', 'text')
    .addColumn('ready_by', big, user)
    .addColumn('updated_by', big, user)
    .addColumn('updated_at', 'text', nn)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('half_year_report_sections_pk', ['report_id', 'unit_id'])
    .execute();

  /** The archived documents of a finalised report, byte for byte as sent. */
  await table('half_year_report_files')
    .addColumn('report_id', big, (c) => c.notNull().references('half_year_reports.id').onDelete('cascade'))
    // docx | pdf | html
    .addColumn('format', 'text', nn)
    .addColumn('filename', 'text', nn)
    .addColumn('media_type', 'text', nn)
    .addColumn('size_bytes', 'integer', nn)
    .addColumn('sha256', 'text', nn)
    .addColumn('content', blob, nn)
    .addColumn('created_at', 'text', nn)
    .addPrimaryKeyConstraint('half_year_report_files_pk', ['report_id', 'format'])
    .execute();

  // ── The international budget (AL-15) ────────────────────────────────────
  await table('budget_allocations')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('year', 'integer', nn)
    // twinning | preparation
    .addColumn('category', 'text', nn)
    .addColumn('amount_minor', big, nn)
    .addColumn('note_sv', 'text')
    .addColumn('updated_by', big, user)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('budget_allocations_year', 'budget_allocations', ['municipality_id', 'year', 'category'], true);

  /** Money used, recorded by the coordinator; may point at the project or partnership it went to. */
  await table('budget_entries')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('category', 'text', nn)
    .addColumn('spent_on', 'text', nn)
    .addColumn('amount_minor', big, nn)
    .addColumn('description_sv', 'text', nn)
    .addColumn('project_id', big, (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('partnership_id', big, (c) => c.references('partnerships.id').onDelete('set null'))
    .addColumn('user_id', big, user)
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await index('budget_entries_date', 'budget_entries', ['municipality_id', 'spent_on']);

  // ── Evaluations of partnerships (AR-9) ──────────────────────────────────
  await table('partnership_evaluations')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('partnership_id', big, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('evaluated_on', 'text', nn)
    .addColumn('period_start', 'text', nn)
    .addColumn('period_end', 'text', nn)
    /** Activity in the period, counted from the data when the evaluation was recorded. */
    .addColumn('exchanges', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('projects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('benefit_residents_sv', 'text')
    .addColumn('benefit_organisation_sv', 'text')
    .addColumn('costs_minor', big)
    .addColumn('costs_sv', 'text')
    .addColumn('partner_view_sv', 'text')
    // continue | change | end
    .addColumn('recommendation', 'text', nn)
    .addColumn('recommendation_sv', 'text')
    .addColumn('decision_id', big, (c) => c.references('decisions.id').onDelete('set null'))
    .addColumn('user_id', big, user)
    .addColumn('created_at', 'text', nn)
    .execute();
  await index('partnership_evaluations_partnership', 'partnership_evaluations', ['partnership_id', 'evaluated_on']);

  // ── Scheduled work and reminders ────────────────────────────────────────
  /** A run of scheduled work is claimed by inserting its row: the primary key lets one process win. */
  await table('scheduled_runs')
    .addColumn('job', 'text', nn)
    .addColumn('run_key', 'text', nn)
    .addColumn('claimed_by', 'text', nn)
    .addColumn('claimed_at', 'text', nn)
    .addColumn('finished_at', 'text')
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['job', 'run_key'])
    .execute();

  /** Each reminder a person has been sent, so none is sent twice. */
  await table('reminders_sent')
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reminder_key', 'text', nn)
    .addColumn('sent_at', 'text', nn)
    .addPrimaryKeyConstraint('reminders_sent_pk', ['user_id', 'reminder_key'])
    .execute();

  // ── Settings ──────────────────────────────────────────────────────────────
  const settings = () => db.schema.alterTable('municipality_settings');
  /** Who receives the finalised report: one address per line, e.g. `Kommunstyrelsens registratur <ks@arvika.se>`. */
  await settings().addColumn('report_recipients', 'text', (c) => c.notNull().defaultTo('')).execute();
  /** Days after the half-year's end when the units' sections, and the report, are due. */
  await settings().addColumn('report_sections_due_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await settings().addColumn('report_due_days', 'integer', (c) => c.notNull().defaultTo(45)).execute();
  /** How often each partnership is evaluated (AR-9): 48 months, once per term of office, by default. */
  await settings().addColumn('partnership_evaluation_months', 'integer', (c) => c.notNull().defaultTo(48)).execute();
  /** How many days before a deadline reminders go out. */
  await settings().addColumn('reminder_days_before', 'integer', (c) => c.notNull().defaultTo(14)).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['reminder_days_before', 'partnership_evaluation_months', 'report_due_days', 'report_sections_due_days', 'report_recipients']) {
    await db.schema.alterTable('municipality_settings').dropColumn(c).execute();
  }
  for (const t of [
    'reminders_sent', 'scheduled_runs', 'partnership_evaluations', 'budget_entries', 'budget_allocations',
    'half_year_report_files', 'half_year_report_sections', 'half_year_reports',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
