/**
 * fast-check on the strategy importer: generated variations of the seed strategies and of the
 * fixture strategies. Spacing, line endings, tabs, odd spaces and indentation never change the
 * proposed tree; bullets written as numbers do not either; and whatever is done to the text
 * (headings or lines removed, paragraphs shuffled, garbage inserted), the importer answers with a
 * well-formed proposal and never throws.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERNAL_FAILURE_WARNING, proposeStrategy } from '../../src/features/strategy/import/parse.js';
import type { ProposedNode, ProposedStrategy } from '../../src/features/strategy/model.js';

const SEEDS = path.resolve(process.cwd(), '../shared/seeds');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/strategies');
const ARVIKA = readFileSync(path.join(SEEDS, '000_af5e98bccb955d3a.txt'), 'utf8');
const ALE = readFileSync(path.join(SEEDS, '004_80a054d53fd2fabb.txt'), 'utf8');
const DOCUMENTS: Record<string, string> = {
  arvika: ARVIKA,
  ale: ALE,
  ...Object.fromEntries(['sjovik.md', 'bergsan.txt', 'norrfors.txt', 'alvdala.txt', 'utan-rubriker.txt'].map((f) => [f, readFileSync(path.join(FIXTURES, f), 'utf8')])),
};
const NAMES = Object.keys(DOCUMENTS);

type Shape = [string, string, Shape[]];
const shape = (nodes: ProposedNode[]): Shape[] => nodes.map((n) => [n.levelName, n.title, shape(n.children)]);
const facts = (p: ProposedStrategy) => [p.title, p.vision, p.adoptedBy, p.adoptedOn, p.minuteParagraph, p.registryNumber];

/** A proposal any caller can rely on: the types, the limits, no internal failure. */
function expectWellFormed(p: ProposedStrategy): void {
  for (const key of ['title', 'vision', 'adoptedBy', 'adoptedOn', 'minuteParagraph', 'registryNumber', 'responsibilities', 'body'] as const) expect(typeof p[key]).toBe('string');
  expect(p.title.length).toBeLessThanOrEqual(500);
  expect(p.title).not.toMatch(/\n/);
  if (p.adoptedOn) {
    expect(p.adoptedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${p.adoptedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.adoptedOn);
  }
  expect(Array.isArray(p.warnings)).toBe(true);
  for (const w of p.warnings) {
    expect(typeof w.sv === 'string' && w.sv.length > 0).toBe(true);
    expect(typeof w.en === 'string' && w.en.length > 0).toBe(true);
  }
  expect(p.warnings).not.toContainEqual(INTERNAL_FAILURE_WARNING);
  let count = 0;
  const walk = (nodes: ProposedNode[], depth: number) => {
    expect(Array.isArray(nodes)).toBe(true);
    expect(depth).toBeLessThanOrEqual(8);
    for (const n of nodes) {
      count++;
      expect(Object.keys(n).sort()).toEqual(['children', 'description', 'levelName', 'title']);
      expect(n.levelName.trim()).toBe(n.levelName);
      expect(n.levelName.length).toBeGreaterThan(0);
      expect(n.levelName.length).toBeLessThanOrEqual(100);
      expect(n.title.trim()).toBe(n.title);
      expect(n.title.length).toBeGreaterThan(0);
      expect(n.title.length).toBeLessThanOrEqual(500);
      expect(n.title).not.toMatch(/[\n\r\t]/);
      expect(typeof n.description).toBe('string');
      walk(n.children, depth + 1);
    }
  };
  walk(p.goals, 0);
  expect(count).toBeLessThanOrEqual(2000);
  // Pure: the same text gives the same proposal, and it survives JSON.
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

/** How one line may be spaced differently without changing what it says. */
const lineSpacing = fc.record({
  trailing: fc.constantFrom('', ' ', '  ', '\t', ' \t ', '\u00A0', '\u3000'),
  inner: fc.constantFrom(' ', '  ', '\t', '\u00A0', ' \u200B'),
  innerEvery: fc.nat({ max: 4 }),
});

/** A whole document spaced differently: line endings, blank lines, indentation, invisible characters. */
const spacing = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  blankRun: fc.integer({ min: 1, max: 3 }),
  blankFill: fc.constantFrom('', ' ', '\t', '   '),
  indent: fc.constantFrom('', ' ', '  ', '   '),
  bom: fc.boolean(),
  leadingBlankLines: fc.nat({ max: 3 }),
  trailingBlankLines: fc.nat({ max: 3 }),
  lines: fc.array(lineSpacing, { minLength: 1, maxLength: 20 }),
});

type Spacing = typeof spacing extends fc.Arbitrary<infer T> ? T : never;

function respace(text: string, s: Spacing): string {
  const lines = text.split(/\r\n|\n/);
  const out: string[] = [];
  for (let i = 0; i < s.leadingBlankLines; i++) out.push(s.blankFill);
  lines.forEach((line, i) => {
    if (!line.trim()) {
      for (let k = 0; k < s.blankRun; k++) out.push(s.blankFill);
      return;
    }
    const ls = s.lines[i % s.lines.length]!;
    // Space runs inside the line (never the leading indentation, which carries list nesting).
    const lead = /^ */.exec(line)![0];
    let words = 0;
    const body = line.slice(lead.length).replace(/ /g, () => (ls.innerEvery && ++words % ls.innerEvery === 0 ? ls.inner : ' '));
    out.push(`${s.indent}${lead}${body}${ls.trailing}`);
  });
  for (let i = 0; i < s.trailingBlankLines; i++) out.push(s.blankFill);
  return (s.bom ? '\uFEFF' : '') + out.join(s.eol);
}

const ORIGINAL = Object.fromEntries(NAMES.map((n) => [n, proposeStrategy(DOCUMENTS[n]!)]));

describe('the strategy importer on generated variations', () => {
  it('the seeds and fixtures themselves are read without warnings of failure, and Arvika and Ale as required', () => {
    for (const name of NAMES) expectWellFormed(ORIGINAL[name]!);
    const arvika = ORIGINAL.arvika!.goals;
    expect(arvika.filter((g) => g.levelName === 'Övergripande mål')).toHaveLength(4);
    expect(arvika.filter((g) => g.levelName === 'Målområde').map((g) => g.children.length)).toEqual([4, 5, 6, 1]);
    expect(ORIGINAL.ale!.goals.map((g) => g.children.length)).toEqual([6, 5]);
  });

  it('spacing, line endings, tabs, odd spaces and indentation change nothing in the proposed tree', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), spacing, (name, s) => {
        const p = proposeStrategy(respace(DOCUMENTS[name]!, s));
        expectWellFormed(p);
        expect(shape(p.goals)).toEqual(shape(ORIGINAL[name]!.goals));
        expect(facts(p)).toEqual(facts(ORIGINAL[name]!));
      }),
      { numRuns: 400 },
    );
  });

  it('bullets written as numbers (1. or 1)) or other bullet signs keep the tree', () => {
    fc.assert(
      fc.property(fc.constantFrom('arvika', 'ale'), fc.constantFrom('1.', '1)', '(1)', '•', '–', '*', '-', '▪'), spacing, (name, marker, s) => {
        let n = 0;
        const renumbered = DOCUMENTS[name]!.split('\n')
          .map((line) => {
            const m = /^(\s*)[•-]\s+(.*)$/.exec(line);
            if (!m) {
              n = 0;
              return line;
            }
            n++;
            return `${m[1]}${marker.replace('1', String(n))} ${m[2]}`;
          })
          .join('\n');
        const p = proposeStrategy(respace(renumbered, s));
        expectWellFormed(p);
        expect(shape(p.goals)).toEqual(shape(ORIGINAL[name]!.goals));
      }),
      { numRuns: 300 },
    );
  });

  it('removing section headings that hold no goals keeps the goal tree', () => {
    const bodyHeadings: Record<string, string[]> = {
      arvika: ['Inledning', 'Syfte', 'Ansvarsfördelning'],
      ale: ['Syfte', 'Bakgrund', 'Internationaliseringen', 'Vänortsverksamheten', 'EU projekt', 'Övrigt', 'Organisation', 'Den internationella strategins inriktning'],
    };
    fc.assert(
      fc.property(
        fc.constantFrom('arvika', 'ale').chain((name) => fc.tuple(fc.constant(name), fc.subarray(bodyHeadings[name]!))),
        ([name, removed]) => {
          const text = DOCUMENTS[name]!.split('\n')
            .filter((line) => !removed.includes(line.trim()))
            .join('\n');
          const p = proposeStrategy(text);
          expectWellFormed(p);
          expect(shape(p.goals)).toEqual(shape(ORIGINAL[name]!.goals));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and stays well-formed when headings or lines are removed, lines shuffled or garbage inserted', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('#', '## ', '- ', '1. ', 'a) ', '> ', '**', '\u0000', '\uD800', '\u202E', '§', 'Aktiviteter', 'Mål', 'Målområden', 'Antagen av', '2019-02-30', 'Dnr', '”', '\r', '\t\t\t\t', '    - ', '='),
    );
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: garbage }),
      fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
      fc.record({ kind: fc.constant('removeHeadings' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(edit, { maxLength: 12 }), (name, edits) => {
        let text = DOCUMENTS[name]!;
        for (const e of edits) {
          const lines = text.split('\n');
          const i = e.at % Math.max(1, lines.length);
          if (e.kind === 'insert') {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.text + text.slice(at);
          } else if (e.kind === 'deleteLine') lines.splice(i, 1);
          else if (e.kind === 'duplicateLine') lines.splice(i, 0, lines[i] ?? '');
          else if (e.kind === 'swapLines') {
            const j = e.other % Math.max(1, lines.length);
            [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          } else if (e.kind === 'removeHeadings') {
            // Every short line without a full stop, from line i on: the headings.
            for (let k = lines.length - 1; k >= i; k--) if (lines[k]!.trim().length < 70 && !/[.:!?]$/.test(lines[k]!.trim())) lines.splice(k, 1);
          } else if (e.kind === 'indent') lines[i] = ' '.repeat(e.by) + (lines[i] ?? '');
          if (e.kind !== 'insert') text = lines.join('\n');
        }
        const p = proposeStrategy(text);
        expectWellFormed(p);
        expect(proposeStrategy(text)).toEqual(p);
      }),
      { numRuns: 400 },
    );
  });

  it('any string at all gives a well-formed proposal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('Mål', '- a', '1. b', '# H', 'Aktiviteter', '', 'Text. Mer text.', '  a) c', '**X**', '---', '> "q"'), { maxLength: 40 }).map((a) => a.join('\n'))), (text) => {
        expectWellFormed(proposeStrategy(text));
      }),
      { numRuns: 500 },
    );
  });
});
