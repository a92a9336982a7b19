/**
 * Table imports on SQLite and PostgreSQL: the public export imports back unchanged (into the same
 * municipality, into another one, CSV and XLSX), a file with any error writes nothing, updates
 * change only what differs, and importing twice creates no duplicates.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/database.js';
import { readTable } from '../../src/features/imports/parse.js';
import { findMunicipality } from '../../src/features/municipalities/repository.js';
import { createTableRun, findRun, previewTable, runTable, setMapping, tablePayload } from '../../src/features/imports/service.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const kinds = await availableDatabases();
const actor = { userId: null, label: 'test:import' };

describe.each(kinds)('table import on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => t.handle.db;

  const download = async (path: string) => new Uint8Array(await (await t.app.request(path)).arrayBuffer());
  const csvRows = (b: Uint8Array) => parseCsv(new TextDecoder().decode(b).replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];

  async function addMunicipality(slug: string, name: string, code: string) {
    await db().insertInto('municipalities').values({ code, slug, name_sv: name, name_en: name, county_code: null, county_name: null, vision_sv: null, vision_en: null, languages: 'sv,en', website: null, source: null, created_at: nowIso() }).execute();
    return (await findMunicipality(db(), slug))!;
  }

  async function importFile(slug: string, bytes: Uint8Array, options: { mapping?: (string | null)[]; run?: boolean } = {}) {
    const m = (await findMunicipality(db(), slug))!;
    const table = await readTable(bytes);
    const runId = await createTableRun(db(), { municipalityId: m.id, userId: null, filename: 'test.csv', table });
    let run = (await findRun(db(), m.id, runId))!;
    if (options.mapping) {
      await setMapping(db(), run, options.mapping);
      run = (await findRun(db(), m.id, runId))!;
    }
    const plan = await previewTable(db(), m, tablePayload(run)!);
    const outcome = options.run === false ? undefined : await runTable(db(), m, runId, actor);
    return { m, runId, plan, outcome };
  }

  const count = async (table: 'projects' | 'organisations' | 'audit_log' | 'project_funding' | 'funding_programmes') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function publishAll(municipalityId: number) {
    await db().updateTable('projects').set({ publication_state: 'published', published_at: nowIso() }).where('municipality_id', '=', municipalityId).execute();
  }

  /** Export rows without the columns that name the source (number and web address). */
  const portable = (rows: string[][]) => {
    const [header, ...body] = rows;
    const drop = new Set([0, (header?.length ?? 1) - 1]);
    const strip = (r: string[]) => r.filter((_, i) => !drop.has(i));
    return [strip(header!), ...body.map(strip).sort((a, b) => a.join('|').localeCompare(b.join('|')))];
  };

  it('imports its own CSV export over the same municipality without changing anything', async () => {
    const before = await download('/ale/projekt.csv');
    const projects = await count('projects');
    const audits = await count('audit_log');
    const { plan, outcome } = await importFile('ale', before);
    expect(plan.issues).toEqual([]);
    expect(plan.counts.create).toBe(0);
    expect(plan.counts.update).toBe(0);
    expect(plan.counts.unchanged).toBe(csvRows(before).length - 1);
    expect(outcome?.ok).toBe(true);
    expect(await count('projects')).toBe(projects);
    // Only the run itself is audited.
    expect(await count('audit_log')).toBe(audits + 1);
    expect(await download('/ale/projekt.csv')).toEqual(before);
  });

  it('imports its own XLSX export over the same municipality without changing anything', async () => {
    const csvBefore = await download('/arvika/projekt.csv');
    const { plan, outcome } = await importFile('arvika', await download('/arvika/projekt.xlsx'));
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: csvRows(csvBefore).length - 1 });
    expect(outcome?.ok).toBe(true);
    expect(await download('/arvika/projekt.csv')).toEqual(csvBefore);
  });

  it('imports an export into another municipality as drafts; published, it exports the same rows', async () => {
    const source = await download('/ale/projekt.csv');
    const umea = await addMunicipality('umea', 'Umeå kommun', '2480');
    const { plan, outcome } = await importFile('umea', source);
    expect(plan.issues).toEqual([]);
    expect(plan.counts.create).toBe(csvRows(source).length - 1);
    expect(outcome?.ok).toBe(true);
    const states = await db().selectFrom('projects').select(['publication_state', 'external_ref', 'lifecycle']).where('municipality_id', '=', umea.id).execute();
    expect(states.every((s) => s.publication_state === 'draft')).toBe(true);
    expect(states.every((s) => s.external_ref?.startsWith('utblick:ale:'))).toBe(true);
    // Drafts are not public.
    expect(csvRows(await download('/umea/projekt.csv'))).toHaveLength(1);
    await publishAll(umea.id);
    expect(portable(csvRows(await download('/umea/projekt.csv')))).toEqual(portable(csvRows(source)));

    // Importing the same export again, CSV or XLSX, finds every project: no duplicates.
    const again = await importFile('umea', source);
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: plan.counts.create });
    const xlsx = await importFile('umea', await download('/ale/projekt.xlsx'));
    expect(xlsx.plan.issues).toEqual([]);
    expect(xlsx.plan.counts).toEqual({ create: 0, update: 0, unchanged: plan.counts.create });
    expect(Number((await db().selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', umea.id).executeTakeFirstOrThrow()).n)).toBe(plan.counts.create);
  });

  it('imports an XLSX export and an English export into empty municipalities and exports the same rows', async () => {
    const lund = await addMunicipality('lund', 'Lunds kommun', '1281');
    const xlsx = await importFile('lund', await download('/arvika/projekt.xlsx'));
    expect(xlsx.plan.issues).toEqual([]);
    await publishAll(lund.id);
    expect(portable(csvRows(await download('/lund/projekt.csv')))).toEqual(portable(csvRows(await download('/arvika/projekt.csv'))));

    const kalmar = await addMunicipality('kalmar', 'Kalmar kommun', '0880');
    const en = await download('/en/ale/projekt.csv');
    const english = await importFile('kalmar', en);
    expect(english.plan.issues).toEqual([]);
    await publishAll(kalmar.id);
    expect(portable(csvRows(await download('/en/kalmar/projekt.csv')))).toEqual(portable(csvRows(en)));
  });

  it('round-trips every exported column: dates, role, programme, partners, budgets, staff time, odd texts', async () => {
    const rich = await addMunicipality('rich', 'Rikedals kommun', '9901');
    const source =
      'Titel;Typ;Status;Startdatum;Slutdatum;År;Ansvarig enhet;Kommunens roll;Program;Partner;Länder;Teman;Målgrupper;Budget (kr);Budget (euro);Egen tid (timmar);Sammanfattning\n' +
      '"=SUMMA(A1) och ""citat""";Projekt;Pågående;2024-01-15;2026-06-30;2024;Kultur- och fritidsförvaltningen;Projektägare (huvudpartner);Erasmus+;"Tampere (Finland); Kongsvinger kommune (Norge); Lokal förening";"Finland; Norge";"Kultur; Utbildning";"Ungdomar; Lärare";"1 234 567,89";"12 000,5";"37,5";"Två rader:\nandra raden; med semikolon"\n' +
      '-minus först;Studieresa;Avslutat;1899-05-01;1899-06-01;1899;;Associerad partner;Ett helt nytt program;;;;;;;;\n' +
      'Bara titel;;;;;;;;;;;;;;;;\n';
    const created = await importFile('rich', new TextEncoder().encode(source));
    expect(created.plan.issues).toEqual([]);
    expect(created.plan.newProgrammes.map((p) => p.name)).toEqual(['Ett helt nytt program']);
    await publishAll(rich.id);
    const csv = await download('/rich/projekt.csv');
    const xlsx = await download('/rich/projekt.xlsx');
    const rows = csvRows(csv);
    expect(rows).toHaveLength(4);
    const first = rows.find((r) => r[1] === '\'=SUMMA(A1) och "citat"')!;
    // (The export lists themes and target groups in the database's order, which differs between the two.)
    const sorted = (cell: string) => cell.split('; ').sort().join('; ');
    expect(first.slice(2, 17).map((c, i) => (i === 10 || i === 11 ? sorted(c) : c))).toEqual([
      'Projekt', 'Pågående', '2024-01-15', '2026-06-30', '2024', 'Kultur- och fritidsförvaltningen', 'Projektägare (huvudpartner)', 'Erasmus+',
      'Tampere (Finland); Kongsvinger kommune (Norge); Lokal förening', 'Finland; Norge', 'Kultur; Utbildning', 'Lärare; Ungdomar', '1234567,89', '12000,5', '37,5',
    ]);

    // Over itself: nothing changes, CSV or XLSX.
    for (const file of [csv, xlsx]) {
      const again = await importFile('rich', file);
      expect(again.plan.issues).toEqual([]);
      expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
    }
    expect(await download('/rich/projekt.csv')).toEqual(csv);

    // Into empty municipalities, from CSV and from XLSX: the same rows come out.
    for (const [slug, code, file] of [['copy-csv', '9902', csv], ['copy-xlsx', '9903', xlsx]] as const) {
      const copy = await addMunicipality(slug, `Kopia ${slug}`, code);
      const imported = await importFile(slug, file);
      expect(imported.plan.issues).toEqual([]);
      expect(imported.plan.counts.create).toBe(3);
      await publishAll(copy.id);
      expect(portable(csvRows(await download(`/${slug}/projekt.csv`)))).toEqual(portable(rows));
      // And back over the copy: unchanged.
      expect((await importFile(slug, await download(`/${slug}/projekt.xlsx`))).plan.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
    }
  });

  it('changes only the cells that differ, with an audit entry holding before and after', async () => {
    const rows = csvRows(await download('/ale/projekt.csv'));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const target = rows[1]!;
    const id = Number(target[col('Nummer')]);
    const edited = rows.map((r) => (r === target ? r.map((c, i) => (i === col('Slutdatum') ? '2031-12-31' : i === col('Budget (kr)') ? '1 234 567,50' : c)) : r));
    const csv = `\uFEFF${edited.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n')}`;
    const { plan, outcome } = await importFile('ale', new TextEncoder().encode(csv));
    expect(plan.issues).toEqual([]);
    expect(plan.counts.update).toBe(1);
    expect(plan.rows.find((r) => r.action === 'update')).toMatchObject({ projectId: id, changes: ['end_date', 'budget_sek'] });
    expect(outcome?.ok).toBe(true);
    const p = await db().selectFrom('projects').select(['end_date', 'budget_sek_minor', 'publication_state']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(p.end_date).toBe('2031-12-31');
    expect(Number(p.budget_sek_minor)).toBe(123456750);
    expect(p.publication_state).toBe('published');
    const entry = await db().selectFrom('audit_log').select(['action', 'before_data', 'after_data', 'details']).where('entity', '=', 'project').where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('update');
    expect(JSON.parse(entry.before_data!).end_date).not.toBe('2031-12-31');
    expect(JSON.parse(entry.after_data!).end_date).toBe('2031-12-31');
    const exported = csvRows(await download('/ale/projekt.csv')).find((r) => r[col('Nummer')] === String(id))!;
    expect(exported[col('Budget (kr)')]).toBe('1234567,5');
  });

  it('creates drafts from a Windows-1252 comma file of Swedish Excel, and matches them by title the next time', async () => {
    const latin = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    const file = latin(
      'Projektnamn,Typ,Status,Startdatum,Slutdatum,Budget (kr),Länder,Teman,Partner,Ansvarig enhet\r\n' +
        'Skolutbyte med Åbo,Utbyte,Pågående,2026-01-15,2026-06-30,"12 500,50","Finland, Estland",Utbildning,Åbo stad (Finland),Barn- och utbildningsförvaltningen\r\n' +
        '"Vänortsbesök i Skive",Besök,Planerat,1.9.2026,,,Danmark,"Kultur; Turism och besöksnäring","Skive Kommune (Danmark)",\r\n',
    );
    const ale = (await findMunicipality(db(), 'ale'))!;
    const { plan, outcome } = await importFile('ale', file);
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(outcome?.ok).toBe(true);
    const created = await db().selectFrom('projects').selectAll().where('municipality_id', '=', ale.id).where('title_sv', 'in', ['Skolutbyte med Åbo', 'Vänortsbesök i Skive']).orderBy('title_sv').execute();
    expect(created.map((p) => [p.title_sv, p.kind, p.status, p.start_date, p.end_date, p.year, p.publication_state, p.lifecycle])).toEqual([
      ['Skolutbyte med Åbo', 'exchange', 'ongoing', '2026-01-15', '2026-06-30', 2026, 'draft', 'ongoing'],
      ['Vänortsbesök i Skive', 'visit', 'planned', '2026-09-01', null, 2026, 'draft', 'idea'],
    ]);
    const funding = await db().selectFrom('project_funding').select(['amount_minor', 'currency']).where('project_id', '=', created[0]!.id).execute();
    expect(funding.map((f) => [Number(f.amount_minor), f.currency])).toEqual([[1250050, 'SEK']]);
    const countries = await db().selectFrom('project_countries').select('country').where('project_id', '=', created[0]!.id).orderBy('country').execute();
    expect(countries.map((c) => c.country)).toEqual(['EE', 'FI']);
    const unit = await db().selectFrom('organisations').select(['is_internal', 'kind']).where('id', '=', created[0]!.owner_unit_id!).executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ is_internal: 1 });
    expect(created[0]!.search_text).toContain('Åbo stad');

    const again = await importFile('ale', file);
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 2 });
  });

  it('writes nothing when any row has an error, and says which row and column', async () => {
    const file = new TextEncoder().encode('Titel;Startdatum;Slutdatum;Budget (kr);Typ\nEtt nytt projekt;2026-01-01;2026-12-31;100;Projekt\nTrasigt datum;2026-02-30;;;Projekt\nFel typ;;;12,345;Konferens\nBaklänges;2026-05-01;2026-04-01;;\n');
    const counts = await Promise.all([count('projects'), count('organisations'), count('audit_log'), count('project_funding')]);
    const { plan, outcome, runId, m } = await importFile('ale', file);
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'Startdatum'],
      [4, 'Budget (kr)'],
      [4, 'Typ'],
      [5, 'Slutdatum'],
    ]);
    expect(plan.issues[0]?.message.sv).toMatch(/inte ett datum/);
    expect(plan.issues[0]?.message.en).toMatch(/not a date/);
    expect(outcome).toMatchObject({ ok: false });
    expect(await Promise.all([count('projects'), count('organisations'), count('audit_log'), count('project_funding')])).toEqual(counts);
    const run = (await findRun(db(), m.id, runId))!;
    expect(run.state).toBe('failed');
    expect(run.summary?.issues).toHaveLength(4);
    // Running it again is refused the same way; a run that is done cannot run twice.
    expect((await runTable(db(), m, runId, actor)).ok).toBe(false);
  });

  it('rolls everything back when the database fails in the middle of a run', async () => {
    // A trigger that fails the third insert stands in for a database error nobody foresaw.
    if (kind === 'sqlite') {
      await sql`create trigger import_boom before insert on projects when new.title_sv = 'BOOM' begin select raise(abort, 'boom'); end`.execute(db());
    } else {
      await sql`create function import_boom() returns trigger language plpgsql as $$ begin if new.title_sv = 'BOOM' then raise exception 'boom'; end if; return new; end $$`.execute(db());
      await sql`create trigger import_boom before insert on projects for each row execute function import_boom()`.execute(db());
    }
    try {
      const counts = await Promise.all([count('projects'), count('organisations'), count('audit_log'), count('project_funding')]);
      const file = new TextEncoder().encode('Titel;Partner;Budget (kr)\nFörsta;Ny partner AB (Norge);100\nAndra;;200\nBOOM;;300\n');
      await expect(importFile('ale', file)).rejects.toThrow();
      expect(await Promise.all([count('projects'), count('organisations'), count('audit_log'), count('project_funding')])).toEqual(counts);
      const m = (await findMunicipality(db(), 'ale'))!;
      const last = await db().selectFrom('import_runs').select(['id', 'state', 'processed_rows']).where('municipality_id', '=', m.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(last.state).toBe('failed');
      expect(Number(last.processed_rows)).toBe(0);
    } finally {
      await sql`drop trigger import_boom${sql.raw(kind === 'sqlite' ? '' : ' on projects')}`.execute(db());
      if (kind === 'postgres') await sql`drop function import_boom()`.execute(db());
    }
  });

  it('refuses a number that belongs to no project of the municipality, and rows that name the same project twice', async () => {
    const arvika = await db().selectFrom('projects').select('id').where('municipality_id', '=', (await findMunicipality(db(), 'arvika'))!.id).executeTakeFirstOrThrow();
    const ale = await db().selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', (await findMunicipality(db(), 'ale'))!.id).executeTakeFirstOrThrow();
    const file = new TextEncoder().encode(`Nummer;Titel\n${arvika.id};X\n${ale.id};${ale.title_sv}\n${ale.id};${ale.title_sv}\n;Nytt\n;nytt\n`);
    const { plan } = await importFile('ale', file, { run: false });
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'Nummer'],
      [4, null],
      [6, null],
    ]);
    expect(plan.issues[0]?.message.sv).toContain(`nummer ${arvika.id}`);
  });

  it('lets the mapping be changed and leaves unmapped columns alone', async () => {
    const ale = (await findMunicipality(db(), 'ale'))!;
    const p = await db().selectFrom('projects').select(['id', 'title_sv', 'summary_sv']).where('municipality_id', '=', ale.id).where('summary_sv', 'is not', null).executeTakeFirstOrThrow();
    const file = new TextEncoder().encode(`Löpnummer;Beskrivning;Anteckning\n${p.id};Ny sammanfattning;ska inte importeras\n`);
    const { plan } = await importFile('ale', file, { mapping: ['id', 'summary_sv', null], run: false });
    expect(plan.issues).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ action: 'update', projectId: Number(p.id), changes: ['summary_sv'], values: { summary_sv: 'Ny sammanfattning' } });
  });
});
