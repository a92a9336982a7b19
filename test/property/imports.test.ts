/**
 * Property tests of imports: any bytes read as a table without throwing, with well-formed issues;
 * and any generated file, run as an import, either writes everything the preview promised or
 * nothing at all (on SQLite with many files, on PostgreSQL with fewer).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/features/imports/parse.js';
import { findMunicipality } from '../../src/features/municipalities/repository.js';
import { createTableRun, findRun, previewTable, runTable, tablePayload } from '../../src/features/imports/service.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const kinds = await availableDatabases();

/** Text made of what CSV files are made of, in any mix. */
const csvish = fc
  .array(fc.oneof(fc.constantFrom(';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', "'", '=', 'å', 'Ä', 'ö', '€', '\uFEFF', '1 234,50', '2026-03-01', 'Titel', 'sep=;'), fc.string({ maxLength: 6 })), { maxLength: 200 })
  .map((parts) => parts.join(''));

const bytes = fc.oneof(
  { weight: 3, arbitrary: csvish.map((s) => new TextEncoder().encode(s)) },
  // The same text as Windows-1252 bytes (or garbage where it has no such character).
  { weight: 1, arbitrary: csvish.map((s) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff))) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])) },
);

describe('reading any bytes', () => {
  it('never throws and reports issues with sane rows', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const t = await readTable(b);
        for (const i of t.issues) {
          expect(i.row === null || (Number.isInteger(i.row) && i.row > 0)).toBe(true);
          expect(typeof i.message.sv).toBe('string');
          expect(typeof i.message.en).toBe('string');
        }
        for (const r of t.rows) {
          expect(r.cells).toHaveLength(t.headers.length);
          expect(r.row).toBeGreaterThan(t.headerRow);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** A cell that is sometimes valid, sometimes not. */
const cell = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constant('') });
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const row = fc.tuple(
  cell(fc.stringMatching(/^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö -]{2,30}$/)),
  cell(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  cell(fc.integer({ min: 0, max: 10_000_000 }).map((n) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`)),
  cell(fc.constantFrom('Projekt', 'Utbyte', 'Besök', 'Studieresa')),
  cell(fc.constantFrom('Norge', 'Finland', 'Danmark; Tyskland', 'NO')),
);
const file = fc.array(row, { minLength: 1, maxLength: 12 }).map((rows) => `\uFEFFTitel;Startdatum;Budget (kr);Typ;Länder\r\n${rows.map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`);

describe.each(kinds)('running any generated file on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const state = async () => {
    const db = t.handle.db;
    const n = async (table: 'projects' | 'organisations' | 'project_funding' | 'project_countries' | 'funding_programmes') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { projects: await n('projects'), organisations: await n('organisations'), funding: await n('project_funding'), countries: await n('project_countries'), programmes: await n('funding_programmes') };
  };

  it('writes everything the preview promised, or nothing', async () => {
    const m = (await findMunicipality(t.handle.db, 'ale'))!;
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const table = await readTable(new TextEncoder().encode(text));
        const runId = await createTableRun(t.handle.db, { municipalityId: m.id, userId: null, filename: 'p.csv', table });
        const run = (await findRun(t.handle.db, m.id, runId))!;
        const plan = await previewTable(t.handle.db, m, tablePayload(run)!);
        const before = await state();
        const outcome = await runTable(t.handle.db, m, runId, { userId: null, label: 'property' });
        const after = await state();
        const finished = (await findRun(t.handle.db, m.id, runId))!;
        if (plan.issues.length > 0) {
          expect(outcome.ok).toBe(false);
          expect(after).toEqual(before);
          expect(finished.state).toBe('failed');
        } else {
          expect(outcome.ok).toBe(true);
          expect(after.projects).toBe(before.projects + plan.counts.create);
          expect(finished.state).toBe('done');
          expect(finished.processedRows).toBe(table.rows.length);
        }
      }),
      { numRuns: kind === 'sqlite' ? 60 : 20 },
    );
  }, 120_000);
});
