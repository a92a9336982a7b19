/**
 * The back office (issue 3): accounts, roles, sessions, single sign-on, review of edits,
 * attachments, imports, delegation order and decision routing, assessments, registry numbers,
 * and the tamper-evident audit chain. Frozen once released: add a new migration instead.
 * Imports nothing from the application.
 */
import { createHash } from 'node:crypto';
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

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

  // ── Accounts ────────────────────────────────────────────────────────────────
  await table('users')
    .addColumn('id', idType, id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', nn)
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    .addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preferred_lang', 'text', (c) => c.notNull().defaultTo('sv'))
    .addColumn('digest_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();

  await table('user_roles')
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('municipality_id', big, muni)
    .addColumn('role', 'text', nn)
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'municipality_id'])
    .execute();

  await table('user_units')
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'organisation_id'])
    .execute();

  await table('recovery_codes')
    .addColumn('id', idType, id)
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', nn)
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', nn)
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  await table('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stage', 'text', nn)
    .addColumn('csrf_token', 'text', nn)
    .addColumn('active_municipality_id', big)
    .addColumn('auth_method', 'text', nn)
    .addColumn('created_at', 'text', nn)
    .addColumn('last_seen_at', 'text', nn)
    .addColumn('expires_at', 'text', nn)
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await table('auth_attempts')
    .addColumn('id', idType, id)
    .addColumn('key', 'text', nn)
    .addColumn('kind', 'text', nn)
    .addColumn('at', 'text', nn)
    .execute();
  await db.schema.createIndex('auth_attempts_key').on('auth_attempts').columns(['key', 'kind', 'at']).execute();

  await table('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', nn)
    .addColumn('expires_at', 'text', nn)
    .addColumn('used_at', 'text')
    .execute();

  await table('oidc_providers')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('display_name', 'text', nn)
    .addColumn('issuer', 'text', nn)
    .addColumn('client_id', 'text', nn)
    .addColumn('client_secret', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('openid email profile'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await table('oidc_logins')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', big, (c) => c.notNull().references('oidc_providers.id').onDelete('cascade'))
    .addColumn('code_verifier', 'text', nn)
    .addColumn('nonce', 'text', nn)
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'text', nn)
    .execute();
  await table('user_identities')
    .addColumn('provider_id', big, (c) => c.notNull().references('oidc_providers.id').onDelete('cascade'))
    .addColumn('subject', 'text', nn)
    .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', nn)
    .addPrimaryKeyConstraint('user_identities_pk', ['provider_id', 'subject'])
    .execute();

  // ── Municipality settings, delegation order, registry numbers ───────────────
  await table('municipality_settings')
    .addColumn('municipality_id', big, (c) => c.primaryKey().references('municipalities.id').onDelete('cascade'))
    .addColumn('staff_hour_cost_minor', big, (c) => c.notNull().defaultTo(50000))
    .addColumn('registry_prefix', 'text', (c) => c.notNull().defaultTo('KS'))
    .addColumn('updated_at', 'text', nn)
    .execute();

  await table('committee_units')
    .addColumn('committee_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('committee_units_pk', ['committee_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('committee_units_unit').on('committee_units').column('unit_id').unique().execute();

  await table('delegation_rules')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('committee_id', big, (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('delegate_role', 'text', nn)
    .addColumn('project_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('max_cofinancing_minor', big, nn)
    .addColumn('reference', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('delegation_rules_municipality').on('delegation_rules').column('municipality_id').execute();

  await table('registry_counters')
    .addColumn('municipality_id', big, muni)
    .addColumn('prefix', 'text', nn)
    .addColumn('year', 'integer', nn)
    .addColumn('last_value', 'integer', nn)
    .addPrimaryKeyConstraint('registry_counters_pk', ['municipality_id', 'prefix', 'year'])
    .execute();

  // Decisions: how they were routed; registry numbers unique within the municipality.
  await db.schema.alterTable('decisions').addColumn('route', 'text').execute();
  await db.schema.alterTable('decisions').addColumn('delegation_rule_id', big).execute();
  await db.schema.alterTable('decisions').addColumn('recorded_by', big).execute();
  await db.schema.createIndex('decisions_registry_unique').on('decisions').columns(['municipality_id', 'registry_number']).unique().execute();

  await table('partnership_decisions')
    .addColumn('partnership_id', big, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('decision_id', big, (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partnership_decisions_pk', ['partnership_id', 'decision_id'])
    .execute();

  // ── Projects: lifecycle, imports ────────────────────────────────────────────
  await db.schema.alterTable('projects').addColumn('lifecycle', 'text', (c) => c.notNull().defaultTo('idea')).execute();
  await db.schema.alterTable('projects').addColumn('external_ref', 'text').execute();
  await db.schema.createIndex('projects_external_ref').on('projects').columns(['municipality_id', 'external_ref']).unique().execute();
  await db.schema.alterTable('partnerships').addColumn('owner_unit_id', big).execute();
  await db.schema.alterTable('organisations').addColumn('external_ref', 'text').execute();
  // Seeded projects already have a public status; give them the matching lifecycle state.
  await sql`update projects set lifecycle = case status
      when 'ongoing' then 'ongoing' when 'completed' then 'completed' when 'cancelled' then 'cancelled'
      when 'applied' then 'awaiting_decision' else 'idea' end`.execute(db);

  // ── Assessments (AR-2, AL-7) ────────────────────────────────────────────────
  await table('assessments')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('entity', 'text', nn)
    .addColumn('entity_id', big, nn)
    .addColumn('total_benefit', 'text')
    .addColumn('cash_minor', big)
    .addColumn('staff_hours', real)
    .addColumn('staff_hour_cost_minor', big)
    .addColumn('citizen_perspective', 'text')
    .addColumn('operations_fit', 'text')
    .addColumn('strategy_fit', 'text')
    .addColumn('risks', 'text')
    .addColumn('recommendation', 'text')
    .addColumn('recommendation_text', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', big)
    .addColumn('created_by', big)
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('assessments_entity').on('assessments').columns(['entity', 'entity_id']).unique().execute();

  // ── Review of edits (AL-14) ─────────────────────────────────────────────────
  await table('revisions')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('entity', 'text', nn)
    .addColumn('entity_id', big, nn)
    .addColumn('data', 'text', nn)
    .addColumn('state', 'text', nn)
    .addColumn('review_comment', 'text')
    .addColumn('created_by', big)
    .addColumn('submitted_by', big)
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', big)
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', nn)
    .addColumn('updated_at', 'text', nn)
    .execute();
  await db.schema.createIndex('revisions_entity').on('revisions').columns(['entity', 'entity_id', 'state']).execute();
  await db.schema.createIndex('revisions_municipality').on('revisions').columns(['municipality_id', 'state']).execute();

  // ── Attachments ─────────────────────────────────────────────────────────────
  await table('attachments')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('entity', 'text', nn)
    .addColumn('entity_id', big, nn)
    .addColumn('filename', 'text', nn)
    .addColumn('media_type', 'text', nn)
    .addColumn('size_bytes', big, nn)
    .addColumn('sha256', 'text', nn)
    .addColumn('storage_key', 'text', nn)
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', big)
    .addColumn('created_at', 'text', nn)
    .execute();
  await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity', 'entity_id']).execute();

  // ── Imports ─────────────────────────────────────────────────────────────────
  await table('import_runs')
    .addColumn('id', idType, id)
    .addColumn('municipality_id', big, muni)
    .addColumn('kind', 'text', nn)
    .addColumn('filename', 'text')
    .addColumn('state', 'text', nn)
    .addColumn('payload', 'text')
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text')
    .addColumn('created_by', big)
    .addColumn('created_at', 'text', nn)
    .addColumn('finished_at', 'text')
    .execute();

  // ── Audit chain: who, before and after, and a hash of the previous entry ───
  await db.schema.alterTable('audit_log').addColumn('user_id', big).execute();
  await db.schema.alterTable('audit_log').addColumn('before_data', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('after_data', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_log_municipality').on('audit_log').columns(['municipality_id', 'id']).execute();
  // One row that every audited transaction locks, so entries form one chain in commit order.
  await table('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', big)
    .addColumn('last_hash', 'text')
    .execute();
  // Seal the entries written before the chain existed: hash them in id order with the digest of
  // src/features/audit/chain.ts as it is at this release (copied, not imported: migrations are
  // frozen), briefly lifting the append-only trigger inside this migration's transaction.
  const old = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev: string | null = null;
  let lastId: number | null = null;
  if (old.length > 0) {
    if (pg) await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    else await sql`drop trigger audit_log_no_update`.execute(db);
    for (const r of old) {
      const input: string = JSON.stringify([
        prev ?? '',
        r.municipality_id === null ? null : Number(r.municipality_id),
        null,
        r.actor,
        r.action,
        r.entity,
        r.entity_id,
        null,
        null,
        r.details,
        r.at,
      ]);
      const hash: string = createHash('sha256').update(input, 'utf8').digest('hex');
      await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute();
      prev = hash;
      lastId = Number(r.id);
    }
    if (pg) await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
    else {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    }
  }
  await db.insertInto('audit_head').values({ id: 1, last_id: lastId, last_hash: prev }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design.
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_head', 'import_runs', 'attachments', 'revisions', 'assessments', 'partnership_decisions',
    'registry_counters', 'delegation_rules', 'committee_units', 'municipality_settings', 'user_identities',
    'oidc_logins', 'oidc_providers', 'password_resets', 'auth_attempts', 'sessions', 'recovery_codes',
    'user_units', 'user_roles', 'users',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
