/** The data layer on both databases: fresh migration, conventions, append-only audit trail, seeds. */
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import * as initial from '../../src/db/migrations/20261121_0100_initial.js';
import { recordAudit, verifyAuditChain } from '../../src/features/audit/chain.js';
import { loadReferenceData, loadSeedMunicipality, SEED_MUNICIPALITIES, seedIfEmpty } from '../../src/seed/load.js';
import { availableDatabases, createTestDb } from '../support/databases.js';

const kinds = await availableDatabases();

describe.each(kinds)('database on %s', (kind) => {
  it('upgrades a database of the first release: lifecycle from status, and the old audit entries sealed into the chain', async () => {
    const t = await createTestDb(kind, { migrate: false });
    try {
      const migrator = new Migrator({ db: t.handle.db, provider: { getMigrations: async () => ({ '20261121_0100_initial': initial }) } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const db = t.handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const now = new Date().toISOString();
      const m = await db.insertInto('municipalities').values({ code: '1784', slug: 'arvika', name_sv: 'Arvika kommun', name_en: 'Arvika Municipality', created_at: now }).returning('id').executeTakeFirstOrThrow();
      for (const [title, status] of [['Pågår', 'ongoing'], ['Sökt', 'applied'], ['Planerat', 'planned']]) {
        await db.insertInto('projects').values({ municipality_id: m.id, kind: 'project', title_sv: title, status, created_at: now, updated_at: now }).execute();
      }
      for (const action of ['seed', 'update']) {
        await db.insertInto('audit_log').values({ municipality_id: m.id, actor: 'system:seed', action, entity: 'municipality', entity_id: String(m.id), details: '{"n":1}', at: now }).execute();
      }
      expect(await migrateToLatest(t.handle.db)).toEqual(['20261121_0200_back_office', '20261121_0300_strategy', '20261121_0400_reporting']);
      const lifecycles = await t.handle.db.selectFrom('projects').select(['title_sv', 'lifecycle']).orderBy('title_sv').execute();
      expect(lifecycles).toEqual([
        { title_sv: 'Planerat', lifecycle: 'idea' },
        { title_sv: 'Pågår', lifecycle: 'ongoing' },
        { title_sv: 'Sökt', lifecycle: 'awaiting_decision' },
      ]);
      expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, checked: 2 });
      // Still append-only after the upgrade.
      await expect(t.handle.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow();
      await t.handle.db.transaction().execute((trx) => recordAudit(trx, { municipalityId: Number(m.id), actor: { userId: null, label: 'test' }, action: 'update', entity: 'project', entityId: 1 }));
      expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, checked: 3 });
    } finally {
      await t.close();
    }
  });

  it('migrates an empty database, and migrating again changes nothing', async () => {
    const t = await createTestDb(kind, { migrate: false });
    try {
      expect(await migrateToLatest(t.handle.db)).toEqual(['20261121_0100_initial', '20261121_0200_back_office', '20261121_0300_strategy', '20261121_0400_reporting']);
      expect(await migrateToLatest(t.handle.db)).toEqual([]);
      const tables = (await t.handle.db.introspection.getTables()).map((x) => x.name);
      for (const name of ['municipalities', 'organisations', 'partnerships', 'partnership_events', 'projects', 'project_funding', 'decisions', 'page_feedback', 'audit_log', 'users', 'sessions', 'revisions', 'audit_head', 'strategies', 'strategy_goals', 'action_plans', 'measures', 'measure_notes', 'goal_progress_history', 'project_goals', 'calendar_feeds', 'half_year_reports', 'half_year_report_sections', 'half_year_report_files', 'budget_allocations', 'budget_entries', 'partnership_evaluations', 'scheduled_runs', 'reminders_sent']) {
        expect(tables).toContain(name);
      }
    } finally {
      await t.close();
    }
  });

  it('seeds both municipalities once, with sources, and the official list of 290', async () => {
    const t = await createTestDb(kind);
    try {
      expect(await seedIfEmpty(t.handle)).toBe(true);
      expect(await seedIfEmpty(t.handle)).toBe(false);
      const munis = await t.handle.db.selectFrom('municipalities').select(['code', 'slug']).orderBy('code').execute();
      expect(munis).toEqual([
        { code: '1440', slug: 'ale' },
        { code: '1784', slug: 'arvika' },
      ]);
      const official = await t.handle.db.selectFrom('official_municipalities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(official.n)).toBe(290);
      const unsourced = await t.handle.db.selectFrom('projects').select('id').where('source', 'is', null).execute();
      expect(unsourced).toEqual([]);
      // Money in minor units: the Vikinga project's 20 MSEK.
      const vikinga = await t.handle.db
        .selectFrom('project_funding as f')
        .innerJoin('projects as p', 'p.id', 'f.project_id')
        .select(['f.amount_minor', 'f.currency'])
        .where('p.title_sv', 'like', '%Vikinga%')
        .executeTakeFirstOrThrow();
      expect(Number(vikinga.amount_minor)).toBe(2_000_000_000);
      expect(vikinga.currency).toBe('SEK');
      // A multilateral agreement is one partnership with several partners.
      const arvikaTwin = await t.handle.db
        .selectFrom('partnerships as ps')
        .innerJoin('municipalities as m', 'm.id', 'ps.municipality_id')
        .innerJoin('partnership_partners as pp', 'pp.partnership_id', 'ps.id')
        .select((eb) => ['ps.id', eb.fn.countAll().as('n')])
        .where('m.slug', '=', 'arvika')
        .where('ps.kind', '=', 'twinning')
        .groupBy('ps.id')
        .execute();
      expect(arvikaTwin.map((r) => Number(r.n))).toEqual([3]);
    } finally {
      await t.close();
    }
  });

  it('rolls back a failing seed completely (no half-written municipality)', async () => {
    const t = await createTestDb(kind);
    try {
      await loadReferenceData(t.handle.db);
      const broken = { ...SEED_MUNICIPALITIES[1]!, projects: [{ ...SEED_MUNICIPALITIES[1]!.projects[0]!, owner_unit: 'no-such-unit' }] };
      await expect(loadSeedMunicipality(t.handle.db, broken)).rejects.toThrow(/unknown organisation key/);
      const n = await t.handle.db.selectFrom('municipalities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
      expect(Number((await t.handle.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('keeps the audit trail append-only', async () => {
    const t = await createTestDb(kind);
    try {
      await seedIfEmpty(t.handle);
      const entries = await t.handle.db.selectFrom('audit_log').selectAll().execute();
      // Per municipality: its strategy imported, the strategy adopted, the municipality seeded.
      expect(entries.map((e) => `${e.action} ${e.entity}`)).toEqual(['import strategy', 'adopt strategy', 'seed municipality', 'import strategy', 'adopt strategy', 'seed municipality']);
      const strategies = await t.handle.db
        .selectFrom('strategies')
        .innerJoin('strategy_goals', 'strategy_goals.strategy_id', 'strategies.id')
        .select(['strategies.title_sv', 'strategies.status', 'strategies.adopted_by', 'strategies.adopted_on', 'strategies.minute_paragraph', (eb) => eb.fn.countAll().as('goals')])
        .groupBy(['strategies.id', 'strategies.title_sv', 'strategies.status', 'strategies.adopted_by', 'strategies.adopted_on', 'strategies.minute_paragraph'])
        .orderBy('strategies.id')
        .execute();
      expect(strategies.map((s) => ({ ...s, goals: Number(s.goals) }))).toEqual([
        { title_sv: 'Internationell strategi', status: 'adopted', adopted_by: 'Kommunstyrelsen', adopted_on: '2012-11-12', minute_paragraph: '§ 258', goals: 24 },
        { title_sv: 'Ale kommuns internationella strategi', status: 'adopted', adopted_by: null, adopted_on: null, minute_paragraph: null, goals: 13 },
      ]);
      expect(Number((await t.handle.db.selectFrom('project_goals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(8);
      expect(Number((await t.handle.db.selectFrom('partnership_goals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(6);
      await expect(t.handle.db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
      await expect(t.handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      expect((await t.handle.db.selectFrom('audit_log').selectAll().execute()).length).toBe(6);
    } finally {
      await t.close();
    }
  });

  if (kind === 'sqlite') {
    it('runs SQLite in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
      const t = await createTestDb(kind);
      try {
        const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(t.handle.db)).rows[0] as object)[0];
        expect(await pragma('journal_mode')).toBe('wal');
        expect(await pragma('synchronous')).toBe(2);
        expect(await pragma('foreign_keys')).toBe(1);
        expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
      } finally {
        await t.close();
      }
    });
  } else {
    it('uses a statement timeout on PostgreSQL', async () => {
      const t = await createTestDb(kind, { statementTimeoutMs: 500 });
      try {
        const r = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(t.handle.db);
        expect(r.rows[0]?.statement_timeout).toBe('500ms');
        await expect(sql`select pg_sleep(3)`.execute(t.handle.db)).rejects.toThrow(/statement timeout/);
      } finally {
        await t.close();
      }
    }, 30_000);
  }
});
