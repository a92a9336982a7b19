/**
 * The initial schema. Frozen: never edit after release, add a new migration instead. Imports
 * nothing from the application, so later code changes cannot alter what it does.
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
type DataTypeExpression = Parameters<ReturnType<Kysely<unknown>['schema']['createTable']>['addColumn']>[1];

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigserial' : 'integer';
  const id: Col = (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const big: DataTypeExpression = pg ? 'bigint' : 'integer';
  const real = pg ? 'double precision' : 'real';
  const nn: Col = (c) => c.notNull();

  const table = (name: string) => db.schema.createTable(name);

  await table('municipalities')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_sv', 'text', nn)
    .addColumn('name_en', 'text', nn)
    .addColumn('county_code', 'text')
    .addColumn('county_name', 'text')
    .addColumn('vision_sv', 'text')
    .addColumn('vision_en', 'text')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('sv,en'))
    .addColumn('website', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', nn)
    .execute();

  await table('official_municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', nn)
    .addColumn('short_name', 'text', nn)
    .addColumn('county_code', 'text', nn)
    .addColumn('county_name', 'text', nn)
    .execute();

  await table('organisations')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('is_internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text', nn)
    .addColumn('name_sv', 'text', nn)
    .addColumn('name_en', 'text')
    .addColumn('short_name', 'text')
    .addColumn('parent_id', big, (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('country', 'text')
    .addColumn('region', 'text')
    .addColumn('population', big)
    .addColumn('population_year', 'integer')
    .addColumn('website', 'text')
    .addColumn('latitude', real)
    .addColumn('longitude', real)
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('organisations_municipality').on('organisations').columns(['municipality_id', 'is_internal']).execute();

  await table('decisions')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('body_id', big, (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('delegate_role', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('paragraph', 'text')
    .addColumn('registry_number', 'text')
    .addColumn('subject_sv', 'text', nn)
    .addColumn('subject_en', 'text')
    .addColumn('outcome', 'text', nn)
    .addColumn('conditions_sv', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', nn)
    .execute();
  await db.schema.createIndex('decisions_municipality').on('decisions').column('municipality_id').execute();

  await table('partnerships')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('kind', 'text', nn)
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('status', 'text', nn)
    .addColumn('summary_sv', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('cooperation_areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('financing_sv', 'text')
    .addColumn('financing_en', 'text')
    .addColumn('publication_state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('partnerships_municipality').on('partnerships').columns(['municipality_id', 'publication_state']).execute();

  await table('partnership_partners')
    .addColumn('partnership_id', big, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('partnership_partners_pk', ['partnership_id', 'organisation_id'])
    .execute();

  await table('partnership_events')
    .addColumn('id', idType, id)
    .addColumn('partnership_id', big, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('kind', 'text', nn)
    .addColumn('date_from', 'text', nn)
    .addColumn('date_to', 'text', nn)
    .addColumn('date_precision', 'text', nn)
    .addColumn('description_sv', 'text', nn)
    .addColumn('description_en', 'text')
    .addColumn('place', 'text')
    .addColumn('decision_id', big, (c) => c.references('decisions.id').onDelete('set null'))
    .addColumn('source', 'text')
    .execute();
  await db.schema.createIndex('partnership_events_partnership').on('partnership_events').columns(['partnership_id', 'date_from']).execute();

  await table('themes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_sv', 'text', nn)
    .addColumn('label_en', 'text', nn)
    .execute();
  await table('target_groups')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_sv', 'text', nn)
    .addColumn('label_en', 'text', nn)
    .execute();
  await table('funding_programmes')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_sv', 'text', nn)
    .addColumn('name_en', 'text', nn)
    .addColumn('funder', 'text')
    .addColumn('period_label', 'text')
    .execute();

  await table('projects')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('kind', 'text', nn)
    .addColumn('title_sv', 'text', nn)
    .addColumn('title_en', 'text')
    .addColumn('summary_sv', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('owner_unit_id', big, (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('municipality_role', 'text')
    .addColumn('programme_id', big, (c) => c.references('funding_programmes.id').onDelete('set null'))
    .addColumn('status', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('year', 'integer')
    .addColumn('participants_total', 'integer')
    .addColumn('participants_youth', 'integer')
    .addColumn('budget_sek_minor', big)
    .addColumn('publication_state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('projects_municipality').on('projects').columns(['municipality_id', 'publication_state', 'id']).execute();

  const link = async (name: string, other: string, otherType: DataTypeExpression = big, extra?: (t: ReturnType<typeof table>) => ReturnType<typeof table>) => {
    let t = table(name)
      .addColumn('project_id', big, (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn(other, otherType, nn);
    if (extra) t = extra(t);
    await t.addPrimaryKeyConstraint(`${name}_pk`, ['project_id', other]).execute();
  };
  await link('project_partners', 'organisation_id', big, (t) =>
    t.addColumn('role', 'text', (c) => c.notNull().defaultTo('partner')).addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),
  );
  await link('project_countries', 'country', 'text');
  await link('project_themes', 'theme', 'text');
  await link('project_target_groups', 'target_group', 'text');
  await link('project_partnerships', 'partnership_id');
  await link('project_decisions', 'decision_id');
  await db.schema.createIndex('project_partners_org').on('project_partners').column('organisation_id').execute();
  await db.schema.createIndex('project_partnerships_partnership').on('project_partnerships').column('partnership_id').execute();

  await table('project_funding')
    .addColumn('id', idType, id)
    .addColumn('project_id', big, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', nn)
    .addColumn('programme_id', big, (c) => c.references('funding_programmes.id').onDelete('set null'))
    .addColumn('source_name', 'text')
    .addColumn('amount_minor', big)
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('SEK'))
    .addColumn('staff_hours', real)
    .addColumn('note_sv', 'text')
    .addColumn('source', 'text')
    .execute();
  await db.schema.createIndex('project_funding_project').on('project_funding').column('project_id').execute();

  await table('project_results')
    .addColumn('id', idType, id)
    .addColumn('project_id', big, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('description_sv', 'text', nn)
    .addColumn('description_en', 'text')
    .addColumn('indicator', 'text')
    .addColumn('unit', 'text')
    .addColumn('baseline', real)
    .addColumn('target', real)
    .addColumn('actual', real)
    .addColumn('period', 'text')
    .addColumn('source', 'text')
    .execute();
  await db.schema.createIndex('project_results_project').on('project_results').column('project_id').execute();

  await table('project_links')
    .addColumn('id', idType, id)
    .addColumn('project_id', big, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('link'))
    .addColumn('url', 'text', nn)
    .addColumn('label_sv', 'text', nn)
    .addColumn('label_en', 'text')
    .execute();
  await db.schema.createIndex('project_links_project').on('project_links').column('project_id').execute();

  await table('page_feedback')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, (c) => c.references('municipalities.id').onDelete('cascade'))
    .addColumn('path', 'text', nn)
    .addColumn('lang', 'text', nn)
    .addColumn('helpful', 'integer', nn)
    .addColumn('comment', 'text')
    .addColumn('client_hash', 'text', nn)
    .addColumn('created_at', 'text', nn)
    .execute();
  await db.schema.createIndex('page_feedback_path').on('page_feedback').columns(['path', 'created_at']).execute();
  await db.schema.createIndex('page_feedback_client').on('page_feedback').columns(['client_hash', 'created_at']).execute();

  await table('audit_log')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big)
    .addColumn('actor', 'text', nn)
    .addColumn('action', 'text', nn)
    .addColumn('entity', 'text', nn)
    .addColumn('entity_id', 'text')
    .addColumn('details', 'text')
    .addColumn('at', 'text', nn)
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  if (pg) {
    // Append-only audit trail: refuse UPDATE and DELETE.
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    // Full-text search: Swedish stemming for whole words, trigrams for parts of compounds.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`alter table projects add column search_doc tsvector
      generated always as (to_tsvector('swedish', search_text)) stored`.execute(db);
    await sql`create index projects_search_doc on projects using gin (search_doc)`.execute(db);
    await sql`create index projects_search_trgm on projects using gin (lower(search_text) gin_trgm_ops)`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    // Words (å, ä, ö kept distinct) for ranking and short words, trigrams for parts of compounds.
    // Contentless indexes whose `muni` column scopes a query to one municipality inside the index.
    await sql`create virtual table project_fts using fts5(muni, search_text, content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`create virtual table project_fts_tri using fts5(muni, search_text, content='', contentless_delete=1,
      tokenize='trigram')`.execute(db);
    // The municipality marker: in the word index a whole word ("m000119"); in the trigram index
    // three characters that form one trigram of their own (a private-use delimiter around one
    // character per municipality id), so its posting list holds that municipality's projects only.
    const markers = { project_fts: `'m' || printf('%06d', new.municipality_id)`, project_fts_tri: 'char(57344, 19968 + new.municipality_id, 57344)' };
    for (const [t, marker] of Object.entries(markers)) {
      await sql
        .raw(`create trigger ${t}_ai after insert on projects begin
          insert into ${t}(rowid, muni, search_text) values (new.id, ${marker}, new.search_text); end`)
        .execute(db);
      await sql.raw(`create trigger ${t}_ad after delete on projects begin delete from ${t} where rowid = old.id; end`).execute(db);
      await sql
        .raw(`create trigger ${t}_au after update of search_text, municipality_id on projects begin
          delete from ${t} where rowid = old.id;
          insert into ${t}(rowid, muni, search_text) values (new.id, ${marker}, new.search_text); end`)
        .execute(db);
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['project_fts', 'project_fts_tri']) await sql.raw(`drop table if exists ${t}`).execute(db);
  for (const t of [
    'audit_log', 'page_feedback', 'project_links', 'project_results', 'project_funding', 'project_decisions',
    'project_partnerships', 'project_target_groups', 'project_themes', 'project_countries', 'project_partners',
    'projects', 'funding_programmes', 'target_groups', 'themes', 'partnership_events', 'partnership_partners',
    'partnerships', 'decisions', 'organisations', 'official_municipalities', 'municipalities',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
