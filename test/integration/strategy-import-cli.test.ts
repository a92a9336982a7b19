/**
 * `npm run import:strategy`: the proposal as JSON without any database, the text preview, saving
 * as a draft in the configured database (SQLite and PostgreSQL), and clear Swedish errors with exit
 * code 2 and no stack trace. Run in-process through `main`, and once as a real child process of the
 * compiled command (compiled here with tsc, as `npm run` would build it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main, parseArgs, UsageError } from '../../src/cli/import-strategy.js';
import { seedIfEmpty } from '../../src/seed/load.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';

const kinds = await availableDatabases();
const ROOT = process.cwd();
const ARVIKA = path.resolve(ROOT, '../shared/seeds/000_af5e98bccb955d3a.txt');
const ALE = path.resolve(ROOT, '../shared/seeds/004_80a054d53fd2fabb.txt');
const SJOVIK = path.resolve(ROOT, 'test/fixtures/strategies/sjovik.md');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-import-strategy-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: { LOG_LEVEL: 'silent', ...env }, cwd: ROOT };
  const code = await main(argv, io);
  return { code, out, err };
}

const STACK = /\n\s+at\s/;

describe('import-strategy arguments', () => {
  it('reads the file, --json and --municipality, and refuses wrong arguments in Swedish', () => {
    expect(parseArgs(['s.docx', '--json'])).toEqual({ file: 's.docx', json: true, help: false });
    expect(parseArgs(['--municipality', 'ale', 's.txt'])).toEqual({ file: 's.txt', json: false, municipality: 'ale', help: false });
    expect(parseArgs(['--', 's.txt', '--municipality=arvika'])).toMatchObject({ file: 's.txt', municipality: 'arvika' });
    for (const [argv, message] of [
      [[], 'Ange filen med strategin'],
      [['s.txt', '--jsn'], 'Okänt argument "--jsn"'],
      [['s.txt', '--municipality'], '--municipality behöver ett värde'],
      [['s.txt', '--municipality', '--json'], '--municipality behöver ett värde'],
      [['a.txt', 'b.txt'], 'Ange en fil åt gången'],
    ] as const) {
      expect(() => parseArgs([...argv])).toThrow(UsageError);
      expect(() => parseArgs([...argv])).toThrow(message);
    }
  });
});

describe('import-strategy without a database', () => {
  it('--json prints the proposal as JSON and never reads the configuration nor opens a database', async () => {
    const never = path.join(TMP, 'never', 'utblick.db');
    for (const DATABASE_URL of ['mysql://not-a-database', `sqlite:${never}`]) {
      const { code, out, err } = await run([ARVIKA, '--json'], { DATABASE_URL });
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out);
      expect(Object.keys(json)).toEqual(['title', 'vision', 'adoptedBy', 'adoptedOn', 'minuteParagraph', 'registryNumber', 'responsibilities', 'goals', 'warnings']);
      expect(json).toMatchObject({ title: 'Internationell strategi', adoptedBy: 'Kommunstyrelsen', adoptedOn: '2012-11-12', minuteParagraph: '§ 258', warnings: [] });
      expect(json.goals.filter((g: { levelName: string }) => g.levelName === 'Övergripande mål')).toHaveLength(4);
      expect(json.goals.filter((g: { levelName: string }) => g.levelName === 'Målområde').map((g: { children: unknown[] }) => g.children.length)).toEqual([4, 5, 6, 1]);
      expect(Object.keys(json.goals[0])).toEqual(['levelName', 'title', 'description', 'children']);
    }
    expect(fs.existsSync(path.dirname(never))).toBe(false);
  });

  it('--json on Ale gives the vision, the two groups of directions and the warning about the decision', async () => {
    const { code, out } = await run([ALE, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.vision).toContain('Ale kommun bidrar till Göteborgsregionens betydelsefulla roll i Europa');
    expect(json.goals.map((g: { title: string; children: unknown[] }) => [g.title, g.children.length])).toEqual([
      ['Inriktning för Ale kommuns internationella arbete', 6],
      ['Inriktning för Ale kommuns vänortssamarbete', 5],
    ]);
    expect(json.warnings[0].en).toMatch(/No adoption decision/);
  });

  it('without --json or --municipality it shows the tree as text and saves nothing', async () => {
    const { code, out } = await run([SJOVIK], { DATABASE_URL: 'mysql://not-a-database' });
    expect(code).toBe(0);
    expect(out).toContain('Titel: Internationell strategi för Sjöviks kommun 2024–2027');
    expect(out).toContain('Antagen av Kommunfullmäktige 2023-11-27, § 142');
    expect(out).toContain('Mål: 10 (3 Mål, 7 Insats)');
    expect(out).toContain('- Mål: Ökad internationell kompetens\n  - Insats: Erbjuda kompetensutveckling');
    expect(out).toContain('Inget har sparats.');
  });

  it('--help prints the usage', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('npm run import:strategy -- <fil> --json');
  });

  it('refuses a missing file, a folder, an unreadable document and a wrong option: exit code 2, one clear line, no stack trace', async () => {
    const broken = path.join(TMP, 'trasig.docx');
    fs.writeFileSync(broken, 'det här är ingen docx');
    const pdf = path.join(TMP, 'strategi.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n');
    for (const [argv, message] of [
      [[path.join(TMP, 'finns-inte.txt'), '--json'], /^Filen .*finns-inte\.txt finns inte\.\n$/],
      [[TMP, '--json'], /är en mapp, inte en fil\.\n$/],
      [[broken, '--json'], /trasig\.docx: Filen heter \.docx men är inget Word-dokument/],
      [[pdf, '--municipality', 'arvika'], /strategi\.pdf: PDF-filer kan inte läsas/],
      [[ARVIKA, '--json', '--verbose'], /^Okänt argument "--verbose"\.\n\nAnvändning:/],
      [[], /^Ange filen med strategin/],
    ] as const) {
      const { code, out, err } = await run([...argv]);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err).not.toMatch(STACK);
    }
  });

  it('refuses a configuration that is not valid when saving, with exit code 2', async () => {
    const { code, err } = await run([ARVIKA, '--municipality', 'arvika'], { DATABASE_URL: 'mysql://not-a-database' });
    expect(code).toBe(2);
    expect(err).toContain('DATABASE_URL must start with sqlite:, postgres:// or postgresql://');
    expect(err).not.toMatch(STACK);
  });
});

describe.each(kinds)('import-strategy --municipality on %s', (kind) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedIfEmpty(t.handle);
    const db = t.config.database;
    env = { DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url, SEED_ON_EMPTY: 'false' };
  }, 120_000);
  afterAll(async () => t?.close());

  it('saves the proposal as a draft strategy of the municipality and prints its id and a summary in Swedish', async () => {
    const { code, out, err } = await run([ARVIKA, '--municipality', 'arvika'], env);
    expect(err).toBe('');
    expect(code).toBe(0);
    const id = Number(/med id (\d+)\./.exec(out)?.[1]);
    expect(out).toContain(`Strategin är sparad som utkast i Arvika kommun med id ${id}.`);
    expect(out).toContain('Mål: 24 (4 Övergripande mål, 4 Målområde, 16 Aktivitet)');
    expect(out).toContain(`/admin/arvika/strategi/${id}`);
    const row = await t.handle.db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title_sv: 'Internationell strategi', status: 'draft', adopted_on: '2012-11-12', source: '000_af5e98bccb955d3a.txt' });
    const goals = await t.handle.db.selectFrom('strategy_goals').select('id').where('strategy_id', '=', id).execute();
    expect(goals).toHaveLength(24);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'strategy').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'import', actor: 'system:import' });
  });

  it('refuses an unknown municipality with exit code 2 and saves nothing', async () => {
    const before = await t.handle.db.selectFrom('strategies').select('id').execute();
    const { code, out, err } = await run([ALE, '--municipality', 'atlantis'], env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('Det finns ingen kommun med adressen "atlantis" i databasen.\n');
    expect(await t.handle.db.selectFrom('strategies').select('id').execute()).toEqual(before);
  });
});

describe('import-strategy as a real command', () => {
  const build = path.join(TMP, 'build');
  const script = path.join(build, 'src/cli/import-strategy.js');
  const database = path.join(TMP, 'cli.db');
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? TMP, LOG_LEVEL: 'silent' };
  const node = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [script, ...args], { cwd: ROOT, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    // Compile the command and what it imports, as `npm run` builds it (no type check: that is `npm run check`'s job).
    fs.mkdirSync(build, { recursive: true });
    fs.writeFileSync(
      path.join(TMP, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.build.json'),
        compilerOptions: { outDir: build, rootDir: ROOT, noCheck: true, sourceMap: false, types: [] },
        files: [path.join(ROOT, 'src/cli/import-strategy.ts')],
        include: [],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(TMP, 'tsconfig.json')], { encoding: 'utf8', timeout: 180_000 });
    if (!fs.existsSync(script)) throw new Error(`tsc did not build the command:\n${tsc.stdout}${tsc.stderr}`);
    fs.writeFileSync(path.join(build, 'package.json'), JSON.stringify({ type: 'module' }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(build, 'node_modules'), 'dir');
  }, 200_000);

  it('prints the JSON proposal with exit code 0 and no database', () => {
    const r = node([ARVIKA, '--json'], { DATABASE_URL: 'mysql://not-a-database' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.goals.filter((g: { levelName: string }) => g.levelName === 'Målområde').map((g: { children: unknown[] }) => g.children.length)).toEqual([4, 5, 6, 1]);
  });

  it('saves into a fresh SQLite database (migrated and seeded) and refuses an unknown municipality and option with exit code 2, without a stack trace', () => {
    const env = { DATABASE_URL: `sqlite:${database}` };
    const saved = node([ALE, '--municipality', 'ale'], env);
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toMatch(/^Strategin är sparad som utkast i Ale kommun med id \d+\.\n/);
    expect(saved.stdout).toContain('Mål: 13 (2 Inriktningsområde, 11 Inriktning)');
    const unknown = node([ALE, '--municipality', 'atlantis'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('Det finns ingen kommun med adressen "atlantis" i databasen.\n');
    const option = node([ALE, '--frobnicate'], env);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/^Okänt argument "--frobnicate"\./);
    const missing = node([path.join(TMP, 'saknas.md'), '--json']);
    expect(missing.status).toBe(2);
    for (const r of [unknown, option, missing]) expect(r.stderr).not.toMatch(STACK);
  });
});
