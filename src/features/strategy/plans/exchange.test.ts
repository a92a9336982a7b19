import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readCsv, readTable } from '../../imports/parse.js';
import { parseStatus } from './bulk.js';
import { checkImport, exportRows, hiddenFields, planFile, rowsOfHidden, rowsOfTable } from './exchange.js';
import type { MeasureSummary, Plan } from './repository.js';

const measure = (over: Partial<MeasureSummary>): MeasureSummary => ({
  id: 1,
  municipality_id: 1,
  plan_id: 1,
  position: 0,
  title_sv: 'Utbyte',
  title_en: 'Exchange',
  description_sv: null,
  description_en: null,
  owner_unit_id: 10,
  start_date: '2026-01-01',
  end_date: '2026-12-31',
  status: 'ongoing',
  progress: 20,
  weight: 1,
  progress_updated_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
  goalIds: [7],
  lastNoteOn: '2026-01-15',
  ...over,
});

const plan: Plan = { id: 3, municipality_id: 1, strategy_id: 2, title_sv: 'Handlingsplan 2026', title_en: null, period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: '', updated_at: '' };
const goals = [{ id: 7, parentId: null, depth: 0, levelName: 'Mål', title_sv: 'Ungas möjligheter', title_en: 'Young people' }];
const units = [{ id: 10, parentId: null, depth: 0, name_sv: 'Skolförvaltningen', name_en: null }];

describe('status words', () => {
  it('reads codes and labels in either language, in any case', () => {
    expect(parseStatus('Pågår')).toBe('ongoing');
    expect(parseStatus(' KLAR ')).toBe('done');
    expect(parseStatus('cancelled')).toBe('cancelled');
    expect(parseStatus('Planned')).toBe('planned');
    for (const raw of ['', 'klart', 'open', 3, null]) expect(parseStatus(raw)).toBeUndefined();
  });
});

describe('the plan as a file', () => {
  it('writes CSV for Swedish Excel (BOM, semicolon) with Swedish headers and an empty column for a new note', async () => {
    const file = await planFile('csv', plan, exportRows([measure({})], goals, units, 'sv'), 'sv');
    const text = file.body as string;
    expect(text.startsWith('\uFEFFID;Åtgärd;Mål;Ansvarig enhet;Start;Slut;Status;Framsteg (%);Senaste lägesrapport;Ny lägesrapport\r\n')).toBe(true);
    expect(text).toContain('1;Utbyte;Ungas möjligheter;Skolförvaltningen;2026-01-01;2026-12-31;Pågår;20;2026-01-15;\r\n');
    expect(file.filename).toMatch(/^handlingsplan-handlingsplan-2026-\d{4}-\d{2}-\d{2}\.csv$/);
    const en = (await planFile('csv', plan, exportRows([measure({})], goals, units, 'en'), 'en')).body as string;
    expect(en).toContain('ID;Measure;Goals;Responsible unit;Start;End;Status;Progress (%);Last progress note;New progress note');
    expect(en).toContain('1;Exchange;Young people;Skolförvaltningen;2026-01-01;2026-12-31;Ongoing;20;2026-01-15;');
  });

  it('writes XLSX that reads back with numbers as numbers and dates as dates', async () => {
    const file = await planFile('xlsx', plan, exportRows([measure({})], goals, units, 'sv'), 'sv');
    const rows = (await readSheet(file.body as Buffer)) as unknown[][];
    expect(rows[0]![0]).toBe('ID');
    expect(rows[1]![0]).toBe(1);
    expect(rows[1]![7]).toBe(20);
    const table = await readTable(new Uint8Array(file.body as Buffer));
    expect(table.rows[0]!.cells.slice(0, 8)).toEqual([1, 'Utbyte', 'Ungas möjligheter', 'Skolförvaltningen', '2026-01-01', '2026-12-31', 'Pågår', 20]);
  });
});

describe('reading the file back', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('finds the columns by their Swedish or English names and names the ones missing', () => {
    const ok = rowsOfTable(readCsv(enc('id,progress (%),STATUS,new progress note\n5,40,Done,x\n')));
    expect(ok.issues).toEqual([]);
    expect(ok.rows).toEqual([{ row: 2, id: '5', progress: '40', status: 'Done', note: 'x' }]);
    const missing = rowsOfTable(readCsv(enc('ID;Åtgärd\n5;x\n')));
    expect(missing.rows).toEqual([]);
    expect(missing.issues[0]!.message.sv).toBe('Filen saknar kolumnerna Status, Framsteg (%). Använd filen som laddas ner från planen.');
  });

  it('checks every row: unknown, repeated and others’ ids, progress 0–100, status words, and leaves out rows that change nothing', () => {
    const ms = [measure({ id: 1 }), measure({ id: 2, owner_unit_id: 99 }), measure({ id: 3 })];
    const rows = [
      { row: 2, id: 1, progress: 20, status: 'Pågår', note: null },
      { row: 3, id: '2', progress: '50', status: null, note: null },
      { row: 4, id: 3, progress: '150', status: 'nästan klar', note: null },
      { row: 5, id: 9, progress: null, status: null, note: null },
      { row: 6, id: 'x', progress: null, status: null, note: null },
      { row: 7, id: 1, progress: null, status: null, note: null },
    ];
    const { changes, issues } = checkImport(rows, ms, (m) => m.owner_unit_id === 10, 'sv');
    expect(changes).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.message.sv])).toEqual([
      [3, 'ID', 'Åtgärden hör till en annan enhet än dina och kan inte ändras av dig.'],
      [4, 'Framsteg (%)', '"150" är inte ett framsteg i procent från 0 till 100.'],
      [4, 'Status', '"nästan klar" är ingen status. Skriv Planerad, Pågår, Klar eller Avbruten.'],
      [5, 'ID', 'Det finns ingen åtgärd med ID 9 i planen.'],
      [6, 'ID', 'ID saknas eller är inte ett heltal ("x").'],
      [7, 'ID', 'ID 1 finns på flera rader.'],
    ]);
  });

  it('carries the changes through hidden fields and checks the versions on confirming', () => {
    const ms = [measure({ id: 1 }), measure({ id: 2 })];
    const { changes } = checkImport(
      [
        { row: 2, id: 1, progress: 60, status: 'Pågår', note: 'Halvvägs; "bra" läge\nny rad' },
        { row: 3, id: 2, progress: null, status: 'Klar', note: null },
      ],
      ms,
      () => true,
      'sv',
    );
    expect(changes.map((c) => [c.measureId, c.after.progress, c.after.status, c.note])).toEqual([
      [1, 60, 'ongoing', 'Halvvägs; "bra" läge\nny rad'],
      [2, 20, 'done', null],
    ]);
    const values = Object.fromEntries(hiddenFields(changes));
    const back = rowsOfHidden(values);
    const again = checkImport(back.rows, ms, () => true, 'sv', true);
    expect(again.issues).toEqual([]);
    expect(again.changes).toEqual(changes);
    const moved = checkImport(back.rows, [measure({ id: 1, updated_at: 'later' }), measure({ id: 2 })], () => true, 'sv', true);
    expect(moved.issues.map((i) => i.message.en)).toEqual(['The measure has changed since the file was read. Upload the file again.']);
  });
});
