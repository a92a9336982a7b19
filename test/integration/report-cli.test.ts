/**
 * `npm run report:half-year`: writes the Word, PDF and HTML files of a municipality's half-year
 * report into a folder, from live data (and the saved draft's text when there is one), without
 * finalising anything or writing to the database; wrong arguments give exit code 2 and one clear
 * line in Swedish (English with --lang en), no stack trace, and no file. Run in-process through
 * `main`, on SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main, messageLang, parseArgs, UsageError } from '../../src/cli/report-half-year.js';
import { availableDatabases, createTestApp } from '../support/databases.js';
import { createReportFixture, type ReportFixture } from '../support/report-fixture.js';

const kinds = await availableDatabases();
const ROOT = process.cwd();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-report-cli-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
const STACK = /\n\s+at\s/;

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: { LOG_LEVEL: 'silent', ...env }, cwd: ROOT };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('report:half-year arguments', () => {
  it('reads municipality, period, folder and language, in either form', () => {
    expect(parseArgs(['--municipality', 'arvika', '--period', '2026h1', '--out', 'ut'])).toMatchObject({ municipality: 'arvika', period: { key: '2026H1', start: '2026-01-01', end: '2026-06-30' }, out: 'ut', lang: 'sv', help: false });
    expect(parseArgs(['--', '--municipality=ale', '--period=2025H2', '--out=/tmp/x', '--lang=en'])).toMatchObject({ municipality: 'ale', period: { key: '2025H2' }, out: '/tmp/x', lang: 'en' });
    expect(messageLang(['--lang', 'en'])).toBe('en');
    expect(messageLang(['--lang=EN'])).toBe('en');
    expect(messageLang(['--period', '2026H1'])).toBe('sv');
  });

  it('refuses wrong arguments with a clear message in the chosen language', () => {
    for (const [argv, message] of [
      [['--municipality', 'arvika', '--period', '2026H1'], 'Ange --out, till exempel --out rapporter.'],
      [['--period', '2026H1', '--out', 'x'], 'Ange --municipality, till exempel --municipality arvika.'],
      [['--municipality', 'arvika', '--out', 'x'], 'Ange --period, till exempel --period 2026H1.'],
      [['--municipality', 'arvika', '--period', '2026H3', '--out', 'x'], 'Perioden "2026H3" finns inte'],
      [['--municipality', 'arvika', '--period', 'våren 2026', '--out', 'x'], 'Perioden "våren 2026" finns inte'],
      [['--municipality', 'arvika', '--period', '2026H1', '--out'], '--out behöver ett värde'],
      [['--municipality', '--period', '2026H1', '--out', 'x'], '--municipality behöver ett värde'],
      [['--municipality', 'arvika', '--period', '2026H1', '--out', 'x', '--lang', 'de'], 'Språket "de" finns inte'],
      [['--municipality', 'arvika', '--period', '2026H1', '--out', 'x', '--finalise'], 'Okänt argument "--finalise".'],
      [['--municipality', 'arvika', '--period', '2026H3', '--out', 'x', '--lang', 'en'], 'The period "2026H3" does not exist'],
      [['--municipality', 'arvika', '--period', '2026H1', '--lang', 'en'], 'Give --out, e.g. --out rapporter.'],
    ] as const) {
      expect(() => parseArgs([...argv]), argv.join(' ')).toThrow(UsageError);
      expect(() => parseArgs([...argv]), argv.join(' ')).toThrow(message);
    }
  });

  it('--help prints the usage', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('npm run report:half-year -- --municipality <kommun> --period <period> --out <mapp>');
    expect((await run(['--help', '--lang', 'en'])).out).toContain('--out <folder>');
  });

  it('refuses a database file that does not exist, and creates none', async () => {
    const file = path.join(TMP, 'saknas', 'utblick.db');
    const out = path.join(TMP, 'no-db');
    const { code, err } = await run(['--municipality', 'arvika', '--period', '2026H1', '--out', out], { DATABASE_URL: `sqlite:${file}` });
    expect(code).toBe(2);
    expect(err).toBe(`Databasen ${file} finns inte.\n`);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe.each(kinds)('report:half-year on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let f: ReportFixture;
  let env: Record<string, string>;
  const counts = async () => {
    const db = t.handle.db;
    const n = async (table: 'half_year_reports' | 'audit_log' | 'half_year_report_files' | 'half_year_report_sections' | 'projects') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { reports: await n('half_year_reports'), audit: await n('audit_log'), files: await n('half_year_report_files'), sections: await n('half_year_report_sections'), projects: await n('projects') };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createReportFixture(t.handle.db, { projects: 40 });
    const db = t.config.database;
    env = { DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url };
  }, 180_000);
  afterAll(async () => t?.close());

  it('writes the three documents of a fresh draft, named after municipality and period, and changes nothing in the database', async () => {
    const before = await counts();
    const out = path.join(TMP, `${kind}-fresh`, 'inner');
    const { code, out: stdout, err } = await run(['--municipality', f.slug, '--period', '2026H1', '--out', out], env);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['halvarsrapport-provby-2026H1.docx', 'halvarsrapport-provby-2026H1.html', 'halvarsrapport-provby-2026H1.pdf']);
    const docx = fs.readFileSync(path.join(out, 'halvarsrapport-provby-2026H1.docx'));
    const pdf = fs.readFileSync(path.join(out, 'halvarsrapport-provby-2026H1.pdf'));
    const html = fs.readFileSync(path.join(out, 'halvarsrapport-provby-2026H1.html'), 'utf8');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Uppföljning av det internationella arbetet – första halvåret 2026');
    expect(stdout).toContain(`Halvårsrapporten för Provby kommun, första halvåret 2026, är skriven till ${out}:`);
    expect(stdout).toContain(`halvarsrapport-provby-2026H1.pdf (${pdf.length} bytes)`);
    expect(stdout).toContain('Rapporten är inte fastställd och databasen har inte ändrats.');
    expect(await counts()).toEqual(before);
  });

  it('uses the saved draft\'s title, summary and unit comment, in English with --lang en, and leaves the draft a draft', async () => {
    const db = t.handle.db;
    const ts = new Date().toISOString();
    const report = await db
      .insertInto('half_year_reports')
      .values({ municipality_id: f.municipalityId, period: '2025H2', title_sv: 'Provbys egen rubrik för hösten', title_en: 'Provby autumn report', summary_sv: 'Sammanfattning från kommunledningen.', summary_en: null, structure: JSON.stringify({ sections: [], unitIds: [f.units.culture] }), sections_due_on: null, due_on: null, previous_report_id: null, snapshot: null, registry_number: null, finalised_on: null, finalised_at: null, finalised_by: null, sent_to: null, sent_at: null, created_by: null, created_at: ts, updated_at: ts })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('half_year_report_sections').values({ report_id: Number(report.id), unit_id: f.units.culture, comment_sv: 'Kulturförvaltningens egen kommentar.', comment_en: null, ready_at: null, ready_by: null, updated_by: null, updated_at: ts }).execute();
    const before = await counts();
    const out = path.join(TMP, `${kind}-saved`);
    const sv = await run(['--municipality', f.slug, '--period', '2025H2', '--out', out], env);
    expect(sv.err).toBe('');
    expect(sv.code).toBe(0);
    const html = fs.readFileSync(path.join(out, 'halvarsrapport-provby-2025H2.html'), 'utf8');
    expect(html).toContain('Provbys egen rubrik för hösten');
    expect(html).toContain('Sammanfattning från kommunledningen.');
    expect(html).toContain('Kulturförvaltningens egen kommentar.');
    const en = await run(['--municipality', f.slug, '--period', '2025H2', '--out', out, '--lang', 'en'], env);
    expect(en.code).toBe(0);
    expect(en.out).toContain('The half-year report of Provby Municipality, second half of 2025, is written to');
    const htmlEn = fs.readFileSync(path.join(out, 'halvarsrapport-provby-2025H2.html'), 'utf8');
    expect(htmlEn).toMatch(/<html lang="en/);
    expect(htmlEn).toContain('Provby autumn report');
    expect(await counts()).toEqual(before);
    const row = await db.selectFrom('half_year_reports').select(['status', 'snapshot', 'finalised_on', 'registry_number']).where('id', '=', Number(report.id)).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', snapshot: null, finalised_on: null, registry_number: null });
  });

  it('the seed municipalities get their documents too', async () => {
    for (const slug of ['arvika', 'ale']) {
      const out = path.join(TMP, `${kind}-${slug}`);
      const { code, err } = await run(['--municipality', slug, '--period', '2026H1', '--out', out], env);
      expect(err, slug).toBe('');
      expect(code).toBe(0);
      for (const ext of ['docx', 'pdf', 'html']) expect(fs.statSync(path.join(out, `halvarsrapport-${slug}-2026H1.${ext}`)).size).toBeGreaterThan(1000);
    }
  });

  it('refuses an unknown municipality, a bad period, a missing --out and an --out that is a file: exit code 2, one line, nothing written', async () => {
    const before = await counts();
    const file = path.join(TMP, `${kind}-a-file.txt`);
    fs.writeFileSync(file, 'inte en mapp');
    const out = path.join(TMP, `${kind}-never`);
    for (const [argv, message] of [
      [['--municipality', 'atlantis', '--period', '2026H1', '--out', out], 'Det finns ingen kommun med adressen "atlantis" i databasen.\n'],
      [['--municipality', 'atlantis', '--period', '2026H1', '--out', out, '--lang', 'en'], 'There is no municipality with the address "atlantis" in the database.\n'],
      [['--municipality', f.slug, '--period', '2026H7', '--out', out], 'Perioden "2026H7" finns inte: ange ett halvår som 2026H1 (januari–juni) eller 2026H2 (juli–december).\n'],
      [['--municipality', f.slug, '--period', '2026H1'], /^Ange --out, till exempel --out rapporter\.\n\nAnvändning:/],
      [['--municipality', f.slug, '--period', '2026H1', '--out', file], `${file} är en fil, inte en mapp.\n`],
      [['--municipality', f.slug, '--period', '2026H1', '--out', file, '--lang', 'en'], `${file} is a file, not a folder.\n`],
    ] as const) {
      const r = await run([...argv], env);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      if (typeof message === 'string') expect(r.err).toBe(message);
      else expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(STACK);
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('inte en mapp');
    expect(await counts()).toEqual(before);
  });
});
