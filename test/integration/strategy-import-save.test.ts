/**
 * Saving an imported strategy: the draft, its goal tree, version 1 and the audit entry in one
 * transaction, on SQLite and PostgreSQL; texts the database would refuse are cleaned first; and a
 * failure anywhere leaves nothing behind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { createAccount } from '../../src/features/auth/accounts.js';
import type { Actor } from '../../src/features/policy/actor.js';
import { proposeStrategy } from '../../src/features/strategy/import/parse.js';
import { LIMITS, saveProposedStrategy } from '../../src/features/strategy/import/save.js';
import type { ProposedNode, ProposedStrategy } from '../../src/features/strategy/model.js';
import type { StrategySnapshot } from '../../src/features/strategy/versions.js';
import { seedIfEmpty } from '../../src/seed/load.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';

const kinds = await availableDatabases();
const SEEDS = path.resolve(process.cwd(), '../shared/seeds');
const ARVIKA = proposeStrategy(readFileSync(path.join(SEEDS, '000_af5e98bccb955d3a.txt'), 'utf8'));
const ALE = proposeStrategy(readFileSync(path.join(SEEDS, '004_80a054d53fd2fabb.txt'), 'utf8'));

async function counts(db: Db) {
  const n = async (table: 'strategies' | 'strategy_goals' | 'strategy_versions' | 'audit_log') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { strategies: await n('strategies'), goals: await n('strategy_goals'), versions: await n('strategy_versions'), audit: await n('audit_log') };
}

async function goalsOf(db: Db, strategyId: number) {
  const rows = await db.selectFrom('strategy_goals').selectAll().where('strategy_id', '=', strategyId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), parent_id: r.parent_id === null ? null : Number(r.parent_id), municipality_id: Number(r.municipality_id) }));
}

/** The saved goals as a tree of [level, title, children], ordered by position. */
function savedTree(rows: Awaited<ReturnType<typeof goalsOf>>, parent: number | null = null): unknown[] {
  return rows
    .filter((r) => r.parent_id === parent)
    .sort((a, b) => a.position - b.position)
    .map((r) => [r.level_name, r.title_sv, savedTree(rows, r.id)]);
}
const proposedTree = (nodes: ProposedNode[]): unknown[] => nodes.map((n) => [n.levelName, n.title, proposedTree(n.children)]);

function actorFor(userId: number): Actor {
  return {
    userId,
    email: 'sara@arvika.example.se',
    name: 'Sara Samordnare',
    lang: 'sv',
    isPlatformAdmin: false,
    roles: new Map(),
    units: new Set(),
    sessionIdHash: 'x',
    csrfToken: 'y',
    authMethod: 'password',
  };
}

describe.each(kinds)('saving an imported strategy on %s', (kind) => {
  let t: TestDb;
  let arvikaId: number;
  let aleId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedIfEmpty(t.handle);
    const ids = await t.handle.db.selectFrom('municipalities').select(['id', 'slug']).execute();
    arvikaId = Number(ids.find((m) => m.slug === 'arvika')!.id);
    aleId = Number(ids.find((m) => m.slug === 'ale')!.id);
  }, 120_000);
  afterAll(async () => t?.close());

  it('saves Arvika’s proposal as a draft with its whole goal tree, version 1 and an audit entry by system:import', async () => {
    const db = t.handle.db;
    const before = await counts(db);
    const id = await saveProposedStrategy(db, null, arvikaId, ARVIKA, 'arvika-strategi.txt');
    const row = await db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect({ ...row, id: Number(row.id), municipality_id: Number(row.municipality_id) }).toMatchObject({
      id,
      municipality_id: arvikaId,
      title_sv: 'Internationell strategi',
      title_en: null,
      vision_sv: null,
      adopted_by: 'Kommunstyrelsen',
      adopted_on: '2012-11-12',
      minute_paragraph: '§ 258',
      registry_number: null,
      status: 'draft',
      superseded_by_id: null,
      source: 'arvika-strategi.txt',
      version: 1,
    });
    expect(row.responsibilities_sv).toBe(ARVIKA.responsibilities);
    expect(row.body_sv).toBe(ARVIKA.body);

    const goals = await goalsOf(db, id);
    expect(goals).toHaveLength(24);
    expect(goals.every((g) => g.municipality_id === arvikaId)).toBe(true);
    expect(savedTree(goals)).toEqual(proposedTree(ARVIKA.goals));
    const top = goals.filter((g) => g.parent_id === null).sort((a, b) => a.position - b.position);
    expect(top.map((g) => g.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(top.filter((g) => g.level_name === 'Målområde').map((g) => goals.filter((c) => c.parent_id === g.id).length)).toEqual([4, 5, 6, 1]);
    // Empty descriptions are stored as null; real ones as written.
    expect(top[0]!.description_sv).toBeNull();
    expect(top[2]!.description_sv).toBe('Genom att utveckla ett internationellt perspektiv blir Arvika en mer attraktiv arbetsgivare.');

    const versions = await db.selectFrom('strategy_versions').selectAll().where('strategy_id', '=', id).execute();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, note: 'Importerad', user_id: null, actor_label: 'system' });
    const snapshot = JSON.parse(versions[0]!.snapshot) as StrategySnapshot;
    expect(snapshot.strategy).toMatchObject({ id, title_sv: 'Internationell strategi', status: 'draft', adopted_on: '2012-11-12' });
    expect(snapshot.goals).toHaveLength(24);

    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'strategy').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect({ ...audit[0], municipality_id: Number(audit[0]!.municipality_id) }).toMatchObject({ action: 'import', actor: 'system:import', user_id: null, municipality_id: arvikaId });
    expect(JSON.parse(audit[0]!.after_data!)).toEqual({ title: 'Internationell strategi', goals: 24, source: 'arvika-strategi.txt' });

    expect(await counts(db)).toEqual({ strategies: before.strategies + 1, goals: before.goals + 24, versions: before.versions + 1, audit: before.audit + 1 });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('saves Ale’s proposal by a signed-in coordinator, who is named in the version and the audit trail', async () => {
    const db = t.handle.db;
    const userId = await createAccount(db, { email: 'sara@arvika.example.se', displayName: 'Sara Samordnare', passwordHash: null }, { userId: null, label: 'system:test' });
    const id = await saveProposedStrategy(db, actorFor(userId), aleId, ALE, null);
    const row = await db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title_sv: 'Ale kommuns internationella strategi', vision_sv: 'Ale kommun bidrar till Göteborgsregionens betydelsefulla roll i Europa (ur vision 2020)', adopted_by: null, adopted_on: null, minute_paragraph: null, source: null });
    const goals = await goalsOf(db, id);
    expect(savedTree(goals)).toEqual(proposedTree(ALE.goals));
    expect(goals.filter((g) => g.parent_id === null).map((g) => g.description_sv)).toEqual(['Åtgärder inom respektive inriktning beskrivs i handlingsplanen.', 'Åtgärder inom respektive inriktning beskrivs i handlingsplanen.']);
    const version = await db.selectFrom('strategy_versions').selectAll().where('strategy_id', '=', id).executeTakeFirstOrThrow();
    expect({ ...version, user_id: Number(version.user_id) }).toMatchObject({ version: 1, user_id: userId, actor_label: 'Sara Samordnare <sara@arvika.example.se>' });
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'strategy').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect({ ...audit, user_id: Number(audit.user_id) }).toMatchObject({ action: 'import', actor: 'Sara Samordnare <sara@arvika.example.se>', user_id: userId });
    expect(JSON.parse(audit.after_data!)).toEqual({ title: 'Ale kommuns internationella strategi', goals: 13, source: null });
  });

  it('cleans what the database would refuse: NUL characters, lone surrogates, over-long texts, impossible dates, empty titles, a very deep tree', async () => {
    const db = t.handle.db;
    let deep: ProposedNode = { levelName: 'Nivå 20', title: 'Djupast', description: '', children: [] };
    for (let level = 19; level >= 1; level--) deep = { levelName: `Nivå ${level}`, title: `Nivå ${level}`, description: '', children: [deep] };
    const proposal: ProposedStrategy = {
      title: `Strategi\u0000 med ${'mycket lång titel '.repeat(60)}`,
      vision: 'Vision\uD800 med ensam surrogat',
      adoptedBy: 'Kommun\u0000fullmäktige',
      adoptedOn: '2019-02-30',
      minuteParagraph: `§ ${'1'.repeat(200)}`,
      registryNumber: '',
      responsibilities: 'Ansvar\r\n\r\nmed radbrytningar\u0007',
      body: 'x'.repeat(LIMITS.body + 10),
      goals: [{ levelName: '', title: '   ', description: '\u0000', children: [] }, { levelName: 'Mål\nmed radbrytning', title: `Ett ${'långt '.repeat(200)}mål`, description: 'Beskrivning', children: [] }, deep],
      warnings: [],
    };
    const id = await saveProposedStrategy(db, null, arvikaId, proposal, `${'k'.repeat(600)}.docx`);
    const row = await db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title_sv.length).toBeLessThanOrEqual(LIMITS.title);
    expect(row.title_sv.startsWith('Strategi med mycket lång titel')).toBe(true);
    expect(row.title_sv.endsWith('…')).toBe(true);
    expect(row.vision_sv).toBe('Vision\uFFFD med ensam surrogat');
    expect(row.adopted_by).toBe('Kommunfullmäktige');
    expect(row.adopted_on).toBeNull();
    expect(row.minute_paragraph!.length).toBeLessThanOrEqual(LIMITS.minuteParagraph);
    expect(row.registry_number).toBeNull();
    expect(row.responsibilities_sv).toBe('Ansvar\n\nmed radbrytningar');
    expect(row.body_sv!.length).toBe(LIMITS.body);
    expect(row.source!.length).toBeLessThanOrEqual(LIMITS.source);
    const goals = await goalsOf(db, id);
    expect(goals).toHaveLength(22);
    const top = goals.filter((g) => g.parent_id === null).sort((a, b) => a.position - b.position);
    expect(top[0]).toMatchObject({ level_name: 'Mål', title_sv: 'Mål utan rubrik', description_sv: null });
    expect(top[1]).toMatchObject({ level_name: 'Mål med radbrytning', description_sv: 'Beskrivning' });
    expect(top[1]!.title_sv.length).toBeLessThanOrEqual(LIMITS.title);
    // No deeper than 12 levels: the rest hang at the twelfth.
    const depth = (g: { parent_id: number | null }): number => (g.parent_id === null ? 1 : 1 + depth(goals.find((p) => p.id === g.parent_id)!));
    expect(Math.max(...goals.map(depth))).toBe(12);
    expect(goals.find((g) => g.title_sv === 'Djupast')).toBeDefined();
  });

  it('leaves nothing when the municipality does not exist', async () => {
    const db = t.handle.db;
    const before = await counts(db);
    await expect(saveProposedStrategy(db, null, 987_654, ARVIKA, 'x.txt')).rejects.toThrow(/foreign key/i);
    expect(await counts(db)).toEqual(before);
  });

  it('leaves nothing when the database refuses halfway, after the strategy and its goals are written', async () => {
    const db = t.handle.db;
    const before = await counts(db);
    // A person who does not exist: the version's user reference is refused after the goals are in.
    await expect(saveProposedStrategy(db, actorFor(987_654), arvikaId, ARVIKA, 'x.txt')).rejects.toThrow(/foreign key/i);
    expect(await counts(db)).toEqual(before);
    expect(await db.selectFrom('strategies').select('id').where('source', '=', 'x.txt').execute()).toEqual([]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
