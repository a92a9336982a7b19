/**
 * The action plan as a spreadsheet and back (issue 4, section 3): export → edit progress in the
 * file → import with a preview → the export shows the new values; an unchanged export imports as
 * "no changes"; CSV in Windows-1252 as Swedish Excel saves it and XLSX read alike; row errors
 * (unknown id, progress 150, a bad status, another unit's measure) block the whole file and
 * nothing is written. On SQLite and PostgreSQL.
 */
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { Db } from '../../src/db/database.js';
import { type AdminTestApp, createAdminTestApp, type TestUser } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

/** Windows-1252 bytes of text made of Latin-1 characters (what Swedish Excel's "CSV" writes). */
function cp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not Latin-1: ${text[i]}`);
    out[i] = code;
  }
  return out;
}

/** Parses a semicolon CSV of the export (no quoted separators in these tests). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));
}

describe.each(kinds)('the plan file round trip on %s', (kind) => {
  let t: AdminTestApp;
  let db: Db;
  let planId: number;
  const ids: Record<string, number> = {};
  const base = () => `/admin/arvika/handlingsplaner/${planId}`;

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    db = t.handle.db;
    const ts = new Date().toISOString();
    const strategy = Number(
      (
        await db
          .insertInto('strategies')
          .values({ municipality_id: t.arvikaId, title_sv: 'Strategi för internationellt arbete', title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const goal = Number(
      (
        await db
          .insertInto('strategy_goals')
          .values({ municipality_id: t.arvikaId, strategy_id: strategy, parent_id: null, position: 0, level_name: 'Målområde', title_sv: 'Ungas möjligheter', title_en: 'Young people', description_sv: null, description_en: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    planId = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: t.arvikaId, strategy_id: strategy, title_sv: 'Handlingsplan 2026–2027', title_en: 'Action plan 2026–2027', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', previous_plan_id: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const add = async (key: string, title: string, unit: number, position: number) => {
      ids[key] = Number(
        (
          await db
            .insertInto('measures')
            .values({ municipality_id: t.arvikaId, plan_id: planId, position, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2026-01-01', end_date: '2027-06-30', status: 'ongoing', progress: 10, progress_updated_at: null, created_at: ts, updated_at: ts })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      await db.insertInto('measure_goals').values({ measure_id: ids[key]!, goal_id: goal }).execute();
    };
    await add('skive', 'Elevutbyte med Skive – våren', t.ownUnit.id, 0);
    await add('cafe', 'Språkcafé för nyanlända', t.ownUnit.id, 1);
    await add('network', 'Nätverksträff i Värmland', t.otherUnit.id, 2);
  }, 120_000);
  afterAll(async () => t?.close());

  const counts = async () => ({
    notes: Number((await db.selectFrom('measure_notes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    measures: await db.selectFrom('measures').select(['id', 'progress', 'status', 'updated_at']).where('plan_id', '=', planId).orderBy('id').execute(),
  });

  const upload = (user: TestUser, bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], name));
    return t.request(user, `${base()}/import`, { multipart: form });
  };

  /** The confirm form's hidden fields from a preview page. */
  const hidden = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(r-\d+-\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));

  it('exports CSV for Swedish Excel and XLSX, in Swedish and English, to every role', async () => {
    const res = await t.request(t.users.reader, `${base()}/handlingsplan.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="handlingsplan-handlingsplan-2026-2027-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(['ID', 'Åtgärd', 'Mål', 'Ansvarig enhet', 'Start', 'Slut', 'Status', 'Framsteg (%)', 'Senaste lägesrapport', 'Ny lägesrapport']);
    expect(rows[1]!.slice(0, 3)).toEqual([String(ids.skive), 'Elevutbyte med Skive – våren', 'Ungas möjligheter']);
    expect(rows[1]!.slice(6, 10)).toEqual(['Pågår', '10', '', '']);
    const en = csvRows(await (await t.request(t.users.reader, `/en${base()}/handlingsplan.csv`)).text());
    expect(en[0]![1]).toBe('Measure');
    expect(en[1]![2]).toBe('Young people');
    const xlsx = await t.request(t.users.unit_editor, `${base()}/handlingsplan.xlsx`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await readSheet(Buffer.from(await xlsx.arrayBuffer()))) as unknown[][];
    expect(sheet.map((r) => r[0])).toEqual(['ID', ids.skive, ids.cafe, ids.network]);
  });

  it('an unchanged export imports as "no changes", with nothing to confirm', async () => {
    for (const path of ['handlingsplan.csv', 'handlingsplan.xlsx']) {
      const file = new Uint8Array(await (await t.request(t.users.coordinator, `${base()}/${path}`)).arrayBuffer());
      const before = await counts();
      const res = await upload(t.users.coordinator, file, path);
      expect(res.status, path).toBe(200);
      const html = decode(await res.text());
      expect(html).toContain('Filen innehåller inga ändringar jämfört med planen.');
      expect(html).not.toContain('import/bekrafta');
      expect(await counts()).toEqual(before);
    }
  });

  it('CSV round trip: edit progress, status and a note in the file → preview → confirm → the export shows the new values', async () => {
    const text = new TextDecoder().decode(new Uint8Array(await (await t.request(t.users.unit_editor, `${base()}/handlingsplan.csv`)).arrayBuffer()));
    const edited = text
      .split('\r\n')
      .map((line) => {
        const cells = line.split(';');
        if (cells[0] === String(ids.skive)) {
          cells[7] = '45';
          cells[9] = 'Resan genomförd med 12 elever.';
        }
        if (cells[0] === String(ids.cafe)) cells[6] = 'Klar';
        return cells.join(';');
      })
      .join('\r\n');
    const before = await counts();
    const preview = await upload(t.users.unit_editor, new TextEncoder().encode(edited), 'plan.csv');
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain('10 % → 45 %');
    expect(html).toContain('Pågår → Klar');
    expect(html).toContain('Resan genomförd med 12 elever.');
    expect(await counts()).toEqual(before);

    const confirmed = await t.request(t.users.unit_editor, `${base()}/import/bekrafta`, { form: hidden(html) });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toContain('klart=imported&antal=2');
    const after = await counts();
    expect(after.notes).toBe(before.notes + 2);
    // One progress_update per measure and one import entry of the plan.
    expect(after.audit).toBe(before.audit + 3);
    const note = await db.selectFrom('measure_notes').selectAll().where('measure_id', '=', ids.skive!).executeTakeFirstOrThrow();
    expect(note).toMatchObject({ progress: 45, status: 'ongoing', text_sv: 'Resan genomförd med 12 elever.' });
    const exported = csvRows(await (await t.request(t.users.reader, `${base()}/handlingsplan.csv`)).text());
    const row = (id: number) => exported.find((r) => r[0] === String(id))!;
    expect(row(ids.skive!)[7]).toBe('45');
    expect(row(ids.skive!)[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row(ids.cafe!)[6]).toBe('Klar');
    // The confirm form cannot be sent twice: the versions have moved on.
    const twice = await t.request(t.users.unit_editor, `${base()}/import/bekrafta`, { form: hidden(html) });
    expect(twice.status).toBe(400);
    expect(decode(await twice.text())).toContain('Åtgärden har ändrats sedan filen lästes in.');
    expect((await counts()).notes).toBe(after.notes);
  });

  it('XLSX round trip, as the spreadsheet program saves it', async () => {
    const sheet = (await readSheet(Buffer.from(await (await t.request(t.users.coordinator, `${base()}/handlingsplan.xlsx`)).arrayBuffer()))) as unknown[][];
    const rows = sheet.map((r) => [...r]);
    const i = rows.findIndex((r) => r[0] === ids.network);
    rows[i]![7] = 60;
    rows[i]![9] = 'Träffen hölls i Karlstad.';
    const data = rows.map((r) => r.map((v) => (v === null || v === undefined ? null : v instanceof Date ? { value: v, type: Date, format: 'yyyy-mm-dd' } : typeof v === 'number' ? { value: v, type: Number } : { value: String(v), type: String })));
    // biome-ignore lint/suspicious/noExplicitAny: the cell objects are built above.
    const bytes = new Uint8Array(await writeXlsxFile(data as any, {}).toBuffer());
    const preview = await upload(t.users.coordinator, bytes, 'plan.xlsx');
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain('Excel (.xlsx)');
    expect(html).toContain('10 % → 60 %');
    expect((await t.request(t.users.coordinator, `${base()}/import/bekrafta`, { form: hidden(html) })).status).toBe(303);
    expect((await db.selectFrom('measures').select('progress').where('id', '=', ids.network!).executeTakeFirstOrThrow()).progress).toBe(60);
    const again = (await readSheet(Buffer.from(await (await t.request(t.users.coordinator, `${base()}/handlingsplan.xlsx`)).arrayBuffer()))) as unknown[][];
    expect(again.find((r) => r[0] === ids.network)![7]).toBe(60);
  });

  it('reads a Windows-1252 CSV with comma separators as Swedish Excel may save it', async () => {
    const text = `ID,Åtgärd,Status,Framsteg (%),Ny lägesrapport\r\n${ids.cafe},Språkcafé för nyanlända,Klar,100,"Sista träffen; fika, åäö"\r\n`;
    const preview = await upload(t.users.unit_editor, cp1252(text), 'plan.csv');
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain('windows-1252');
    expect(html).toContain('Sista träffen; fika, åäö');
    expect((await t.request(t.users.unit_editor, `${base()}/import/bekrafta`, { form: hidden(html) })).status).toBe(303);
    const note = await db.selectFrom('measure_notes').selectAll().where('measure_id', '=', ids.cafe!).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(note.text_sv).toBe('Sista träffen; fika, åäö');
    expect(note.progress).toBe(100);
  });

  it('row errors (unknown id, progress 150, a bad status, another unit’s measure) block the file and nothing is written', async () => {
    const before = await counts();
    const text = [
      'ID;Åtgärd;Status;Framsteg (%);Ny lägesrapport',
      `${ids.skive};x;Pågår;50;Ok`,
      '999999;x;Pågår;10;',
      `${ids.cafe};x;Pågår;150;`,
      `${ids.skive}x;x;Pågår;10;`,
      `${ids.network};x;nästan klar;70;`,
    ].join('\r\n');
    const res = await upload(t.users.unit_editor, new TextEncoder().encode(text), 'fel.csv');
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('Det finns ingen åtgärd med ID 999999 i planen.');
    expect(html).toContain('"150" är inte ett framsteg i procent från 0 till 100.');
    expect(html).toContain('"nästan klar" är ingen status.');
    expect(html).toContain(`ID saknas eller är inte ett heltal ("${ids.skive}x")`);
    expect(html).not.toContain('import/bekrafta');
    // The unit editor may not change the other unit's measure, even with a valid status.
    const foreign = await upload(t.users.unit_editor, new TextEncoder().encode(`ID;Status;Framsteg (%)\r\n${ids.network};Pågår;70\r\n`), 'annan.csv');
    expect(foreign.status).toBe(400);
    expect(decode(await foreign.text())).toContain('Åtgärden hör till en annan enhet än dina och kan inte ändras av dig.');
    // A forged confirm form is checked again and refused as a whole.
    const forged = await t.request(t.users.unit_editor, `${base()}/import/bekrafta`, {
      form: { 'r-0-row': '2', 'r-0-id': String(ids.skive), 'r-0-progress': '50', 'r-0-status': 'ongoing', 'r-0-version': before.measures.find((m) => Number(m.id) === ids.skive)!.updated_at, 'r-1-row': '3', 'r-1-id': String(ids.network), 'r-1-progress': '90', 'r-1-status': 'ongoing', 'r-1-version': before.measures.find((m) => Number(m.id) === ids.network)!.updated_at },
    });
    expect(forged.status).toBe(400);
    expect(await counts()).toEqual(before);
    // A file without the needed columns, an empty upload, a reader.
    const cols = await upload(t.users.coordinator, new TextEncoder().encode('Namn;Värde\r\na;b\r\n'), 'x.csv');
    expect(cols.status).toBe(400);
    expect(decode(await cols.text())).toContain('Filen saknar kolumnerna ID, Status, Framsteg (%).');
    expect((await t.request(t.users.coordinator, `${base()}/import`, { multipart: new FormData() })).status).toBe(400);
    expect((await upload(t.users.reader, new TextEncoder().encode('ID;Status;Framsteg (%)\r\n'), 'x.csv')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
