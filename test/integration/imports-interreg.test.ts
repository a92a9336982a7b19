/**
 * The Interreg import on SQLite and PostgreSQL with the real partner list
 * (../shared/data/reference/interreg-2021-2027-swedish-partners.json): the municipality's and its
 * companies' projects become drafts with the right roles, programmes and budgets; importing twice
 * creates no duplicates; a dry run writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/database.js';
import { importInterregCommand } from '../../src/features/imports/interreg/cli.js';
import { orgKey } from '../../src/features/imports/interreg/org-names.js';
import { type InterregRow, projectRef, readInterregRows } from '../../src/features/imports/interreg/interreg.js';
import { createInterregRun, interregCandidates, previewInterreg, runInterreg } from '../../src/features/imports/interreg/run.js';
import { findMunicipality } from '../../src/features/municipalities/repository.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const REFERENCE = path.resolve(PROJECT_ROOT, '../shared/data/reference/interreg-2021-2027-swedish-partners.json');
const haveReference = fs.existsSync(REFERENCE);
if (!haveReference) process.stderr.write(`The Interreg reference file is absent (${REFERENCE}): the Interreg import tests are skipped.\n`);

const kinds = await availableDatabases();
const actor = { userId: null, label: 'test:interreg' };
const TODAY = '2026-11-21';

describe.runIf(haveReference).each(kinds)('Interreg import on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const { rows } = haveReference ? readInterregRows(fs.readFileSync(REFERENCE, 'utf8')) : { rows: [] as InterregRow[] };
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => t.handle.db;
  const count = async (table: 'projects' | 'organisations' | 'audit_log' | 'project_funding' | 'funding_programmes' | 'project_partners') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const everything = () => Promise.all([count('projects'), count('organisations'), count('audit_log'), count('project_funding'), count('funding_programmes'), count('project_partners')]);

  async function run(slug: string, chosen: string[]) {
    const m = (await findMunicipality(db(), slug))!;
    const runId = await createInterregRun(db(), { municipalityId: m.id, userId: null, filename: 'interreg.json', rows, readIssues: [] });
    return runInterreg(db(), m, runId, chosen, actor, TODAY);
  }

  it('finds Arvika kommun (one project) and offers Arvika Näringslivscentrum unchosen; Ale has none', async () => {
    const arvika = await interregCandidates(db(), (await findMunicipality(db(), 'arvika'))!, rows);
    expect(arvika.map((c) => [c.key, c.match, c.projects])).toEqual([
      ['arvika kommun', 'municipality', 1],
      ['arvika näringslivscentrum ek för', 'possible', 3],
    ]);
    expect(await interregCandidates(db(), (await findMunicipality(db(), 'ale'))!, rows)).toEqual([]);
  });

  it('imports Arvika’s project as a draft with programme, role, budget and partners, and twice gives no duplicate', async () => {
    const before = await everything();
    const first = await run('arvika', ['arvika kommun']);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.plan.counts).toEqual({ create: 1, update: 0, unchanged: 0 });
    const arvikaRow = rows.find((r) => r.organisationsnamn === 'Arvika kommun')!;
    const p = await db().selectFrom('projects').selectAll().where('external_ref', '=', projectRef(arvikaRow)).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ title_sv: 'CircleBIM', publication_state: 'draft', start_date: arvikaRow.startdatum, end_date: arvikaRow.slutdatum, kind: 'project' });
    expect(p.municipality_role).toBe({ LP: 'lead', PP: 'partner', AP: 'associated' }[arvikaRow.organisationsroll!]);
    const programme = await db().selectFrom('funding_programmes').selectAll().where('id', '=', p.programme_id!).executeTakeFirstOrThrow();
    expect(programme.code).toBe('interreg-north-sea');
    const funding = await db().selectFrom('project_funding').selectAll().where('project_id', '=', p.id).execute();
    expect(funding.map((f) => [f.kind, Number(f.amount_minor), f.currency, f.source_name])).toEqual([['eu_grant', Math.round(arvikaRow.partnerbudget! * 100), 'EUR', 'Arvika kommun']]);
    const others = rows.filter((r) => projectRef(r) === projectRef(arvikaRow) && r !== arvikaRow && r.organisationsnamn);
    const partners = await db()
      .selectFrom('project_partners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['o.name_sv', 'pp.role', 'o.country', 'o.is_internal'])
      .where('pp.project_id', '=', p.id)
      .execute();
    expect(partners.map((x) => x.name_sv).sort()).toEqual(others.map((r) => r.organisationsnamn!).sort());
    expect(partners.every((x) => x.country === 'SE' && Number(x.is_internal) === 0)).toBe(true);

    const after = await everything();
    const second = await run('arvika', ['arvika kommun']);
    expect(second.ok && second.plan.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
    const again = await everything();
    // Only the second run's own audit entry is new.
    expect([again[0], again[1], again[3], again[4], again[5]]).toEqual([after[0], after[1], after[3], after[4], after[5]]);
    expect(again[2]).toBe(after[2] + 1);
    expect(after[0]).toBe(before[0] + 1);
  });

  it('imports Umeå kommun’s and its company’s projects with the right roles and budgets, and twice gives no duplicates', async () => {
    await db().insertInto('municipalities').values({ code: '2480', slug: 'umea', name_sv: 'Umeå kommun', name_en: 'Umeå Municipality', county_code: '24', county_name: 'Västerbottens län', vision_sv: null, vision_en: null, languages: 'sv,en', website: null, source: null, created_at: nowIso() }).execute();
    const umea = (await findMunicipality(db(), 'umea'))!;
    const now = nowIso();
    await db().insertInto('organisations').values({ municipality_id: umea.id, is_internal: 1, kind: 'company', name_sv: 'UMEÅ ENERGI', name_en: null, short_name: null, parent_id: null, country: 'SE', region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: 'test', created_at: now, updated_at: now }).execute();
    const candidates = await interregCandidates(db(), umea, rows);
    const chosen = candidates.filter((c) => c.match !== 'possible').map((c) => c.key);
    expect(chosen).toEqual(['umeå kommun', 'umeå energi']);

    // The dry run writes nothing.
    const before = await everything();
    const dry = await previewInterreg(db(), umea, rows, chosen, TODAY);
    expect(await everything()).toEqual(before);

    // What the list says, computed here independently of the import.
    const mineRows = rows.filter((r) => r.organisationsnamn && chosen.includes(orgKey(r.organisationsnamn)));
    const expected = new Map<string, { role: string; budget: number }>();
    const rank = { LP: 0, PP: 1, AP: 2 } as const;
    for (const r of mineRows) {
      const ref = projectRef(r);
      const e = expected.get(ref);
      const role = r.organisationsroll!;
      expected.set(ref, { role: e && rank[e.role as 'LP'] <= rank[role] ? e.role : role, budget: (e?.budget ?? 0) + Math.round((r.partnerbudget ?? 0) * 100) });
    }
    expect(dry.counts).toEqual({ create: expected.size, update: 0, unchanged: 0 });
    expect(expected.size).toBeGreaterThanOrEqual(10);

    const first = await run('umea', chosen);
    expect(first.ok).toBe(true);
    const projects = await db().selectFrom('projects').select(['id', 'external_ref', 'municipality_role', 'publication_state', 'owner_unit_id']).where('municipality_id', '=', umea.id).execute();
    expect(projects).toHaveLength(expected.size);
    for (const p of projects) {
      const e = expected.get(p.external_ref!)!;
      expect(p.municipality_role, p.external_ref!).toBe({ LP: 'lead', PP: 'partner', AP: 'associated' }[e.role]);
      expect(p.publication_state).toBe('draft');
      const lines = await db().selectFrom('project_funding').select(['amount_minor', 'currency']).where('project_id', '=', p.id).execute();
      expect(lines.every((l) => l.currency === 'EUR')).toBe(true);
      expect(lines.reduce((s, l) => s + Number(l.amount_minor), 0), p.external_ref!).toBe(e.budget);
    }
    // The company's project is filed under the company as responsible unit.
    const energi = mineRows.find((r) => orgKey(r.organisationsnamn!) === 'umeå energi')!;
    expect(projects.find((p) => p.external_ref === projectRef(energi))?.owner_unit_id).not.toBeNull();
    // One programme row per programme, found again next time.
    const programmes = await db().selectFrom('funding_programmes').select('code').where('code', 'like', 'interreg-%').execute();
    expect(new Set(programmes.map((p) => p.code)).size).toBe(programmes.length);

    const after = await everything();
    const second = await run('umea', chosen);
    expect(second.ok && second.plan.counts).toEqual({ create: 0, update: 0, unchanged: expected.size });
    const again = await everything();
    expect([again[0], again[1], again[3], again[4], again[5]]).toEqual([after[0], after[1], after[3], after[4], after[5]]);
  });

  it('has a command line that dry-runs without writing and refuses an unknown municipality', async () => {
    const lines: string[] = [];
    const before = await everything();
    expect(await importInterregCommand(db(), ['--municipality', 'ale', '--file', REFERENCE, '--dry-run', '--include', 'ARVIKA KOMMUN'], (l) => lines.push(l), TODAY)).toBe(0);
    expect(lines.join('\n')).toContain('CircleBIM');
    expect(lines.join('\n')).toContain('Provkörning');
    expect(await everything()).toEqual(before);
    expect(await importInterregCommand(db(), ['--municipality', 'ingenstans'], () => {}, TODAY)).toBe(2);
    expect(await importInterregCommand(db(), ['--municipality', 'ale', '--file', '/nonexistent.json'], () => {}, TODAY)).toBe(2);
  });

  it('updates what the list says and keeps what was added by hand', async () => {
    const umea = (await findMunicipality(db(), 'umea'))!;
    const p = await db().selectFrom('projects').select(['id', 'end_date', 'title_sv']).where('municipality_id', '=', umea.id).orderBy('id').executeTakeFirstOrThrow();
    await db().updateTable('projects').set({ end_date: '2099-12-31', title_sv: 'Omdöpt för hand' }).where('id', '=', p.id).execute();
    const handAdded = await db().selectFrom('organisations').select('id').where('municipality_id', '=', umea.id).where('is_internal', '=', 0).orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db().insertInto('project_partners').values({ project_id: p.id, organisation_id: handAdded.id, role: 'other', position: 99 }).onConflict((oc) => oc.doNothing()).execute();
    const result = await run('umea', ['umeå kommun', 'umeå energi']);
    expect(result.ok && result.plan.counts.update).toBe(1);
    const after = await db().selectFrom('projects').select(['end_date', 'title_sv']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ end_date: p.end_date, title_sv: 'Omdöpt för hand' });
    const partners = await db().selectFrom('project_partners').select('organisation_id').where('project_id', '=', p.id).execute();
    expect(partners.map((x) => Number(x.organisation_id))).toContain(Number(handAdded.id));
    const entry = await db().selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'project').where('entity_id', '=', String(p.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('update');
    expect(JSON.parse(entry.details!).fields).toContain('end_date');
  });
});
