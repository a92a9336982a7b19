import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProposedNode } from '../model.js';
import {
  applyOp,
  availableOps,
  buildTree,
  flattenTree,
  isValidTree,
  levelNamesByDepth,
  MAX_ROWS,
  normaliseDepths,
  parseOp,
  readRows,
  rowAfterOp,
  rowField,
  rowProblems,
  TREE_OP_KINDS,
  type TreeRow,
} from './tree-form.js';

const node = (levelName: string, title: string, children: ProposedNode[] = [], description = ''): ProposedNode => ({ levelName, title, description, children });

/** Ale's two groups of directions, shortened. */
const ALE: ProposedNode[] = [
  node('Inriktning', 'Internationellt arbete', [node('Inriktning', 'Stödja internationellt samarbete'), node('Inriktning', 'Utveckla kompetensen'), node('Inriktning', 'Tillvarata EU-finansiering')]),
  node('Inriktning', 'Vänortssamarbete', [node('Inriktning', 'Skapa personliga relationer'), node('Inriktning', 'Starta gemensamma projekt')]),
];

const titles = (rows: TreeRow[]) => rows.map((r) => `${'  '.repeat(r.depth)}${r.title}`);

describe('flatten and build', () => {
  it('flattens depth first and builds the same tree back', () => {
    const rows = flattenTree(ALE);
    expect(titles(rows)).toEqual([
      'Internationellt arbete',
      '  Stödja internationellt samarbete',
      '  Utveckla kompetensen',
      '  Tillvarata EU-finansiering',
      'Vänortssamarbete',
      '  Skapa personliga relationer',
      '  Starta gemensamma projekt',
    ]);
    expect(buildTree(rows)).toEqual(ALE);
    expect(isValidTree(rows)).toBe(true);
  });

  it('knows an invalid list and pulls jumps up', () => {
    const rows: TreeRow[] = [
      { depth: 1, levelName: 'A', title: 'a', description: '' },
      { depth: 3, levelName: 'B', title: 'b', description: '' },
    ];
    expect(isValidTree(rows)).toBe(false);
    expect(normaliseDepths(rows).map((r) => r.depth)).toEqual([0, 1]);
    expect(rowProblems(rows).filter((p) => p.field === 'depth').map((p) => p.index)).toEqual([0, 1]);
  });
});

describe('row operations', () => {
  const rows = flattenTree(ALE);

  it('moves a row with its subtree up and down among its siblings', () => {
    expect(titles(applyOp(rows, { kind: 'up', index: 4 }))[0]).toBe('Vänortssamarbete');
    expect(titles(applyOp(rows, { kind: 'up', index: 4 }))[3]).toBe('Internationellt arbete');
    expect(titles(applyOp(rows, { kind: 'down', index: 1 })).slice(1, 3)).toEqual(['  Utveckla kompetensen', '  Stödja internationellt samarbete']);
    // The first child cannot move up, the last cannot move down: nothing changes.
    expect(applyOp(rows, { kind: 'up', index: 1 })).toEqual(rows);
    expect(applyOp(rows, { kind: 'down', index: 6 })).toEqual(rows);
  });

  it('indents under the previous sibling and outdents to after the parent', () => {
    const indented = applyOp(rows, { kind: 'indent', index: 2 });
    expect(titles(indented)[2]).toBe('    Utveckla kompetensen');
    expect(applyOp(rows, { kind: 'indent', index: 1 })).toEqual(rows);
    const out = applyOp(rows, { kind: 'outdent', index: 2 });
    expect(titles(out)).toEqual([
      'Internationellt arbete',
      '  Stödja internationellt samarbete',
      '  Tillvarata EU-finansiering',
      'Utveckla kompetensen',
      'Vänortssamarbete',
      '  Skapa personliga relationer',
      '  Starta gemensamma projekt',
    ]);
    expect(applyOp(rows, { kind: 'outdent', index: 0 })).toEqual(rows);
  });

  it('merges a row into its previous sibling: text into the description, children moved under it', () => {
    const merged = applyOp(rows, { kind: 'merge', index: 4 });
    expect(titles(merged)).toEqual([
      'Internationellt arbete',
      '  Stödja internationellt samarbete',
      '  Utveckla kompetensen',
      '  Tillvarata EU-finansiering',
      '  Skapa personliga relationer',
      '  Starta gemensamma projekt',
    ]);
    expect(merged[0]!.description).toBe('Vänortssamarbete');
    const withText = applyOp([{ ...rows[0]! }, { ...rows[1]!, description: 'Först.' }, { ...rows[2]!, description: 'Sedan.' }], { kind: 'merge', index: 2 });
    expect(withText[1]!.description).toBe('Först.\n\nUtveckla kompetensen\n\nSedan.');
    expect(applyOp(rows, { kind: 'merge', index: 0 })).toEqual(rows);
  });

  it('deletes a row and moves its children up one level', () => {
    const deleted = applyOp(rows, { kind: 'delete', index: 0 });
    expect(titles(deleted)).toEqual(['Stödja internationellt samarbete', 'Utveckla kompetensen', 'Tillvarata EU-finansiering', 'Vänortssamarbete', '  Skapa personliga relationer', '  Starta gemensamma projekt']);
    expect(isValidTree(deleted)).toBe(true);
  });

  it('adds an empty row after the subtree, with the same level name', () => {
    const added = applyOp(rows, { kind: 'add', index: 0 });
    expect(added[4]).toEqual({ depth: 0, levelName: 'Inriktning', title: '', description: '' });
    const end = applyOp([], { kind: 'add', index: -1 });
    expect(end).toEqual([{ depth: 0, levelName: '', title: '', description: '' }]);
  });

  it('offers only the buttons that apply', () => {
    expect([...availableOps(rows, 0)].sort()).toEqual(['add', 'delete', 'down']);
    expect([...availableOps(rows, 2)].sort()).toEqual(['add', 'delete', 'down', 'indent', 'merge', 'outdent', 'up']);
    expect(availableOps(rows, 99).size).toBe(0);
  });

  it('parses only well-formed operations', () => {
    expect(parseOp('indent:5')).toEqual({ kind: 'indent', index: 5 });
    expect(parseOp('add:-1')).toEqual({ kind: 'add', index: -1 });
    for (const bad of ['up:-1', 'up:', 'jump:2', 'up:01', 'up:9999999', 'confirm', '']) expect(parseOp(bad), bad).toBeUndefined();
  });
});

describe('reading the posted form', () => {
  const form = (rows: TreeRow[]) => {
    const v: Record<string, string> = { count: String(rows.length) };
    rows.forEach((r, i) => {
      v[rowField(i, 'depth')] = String(r.depth);
      v[rowField(i, 'level')] = r.levelName;
      v[rowField(i, 'title')] = r.title;
      v[rowField(i, 'description')] = r.description;
    });
    return v;
  };

  it('reads back what the form sent', () => {
    const rows = flattenTree(ALE);
    expect(readRows(form(rows))).toEqual({ ok: true, rows });
  });

  it('refuses tampered forms', () => {
    const rows = flattenTree(ALE);
    expect(readRows({})).toEqual({ ok: false, reason: 'count' });
    expect(readRows({ count: 'x' })).toEqual({ ok: false, reason: 'count' });
    expect(readRows({ count: String(MAX_ROWS + 1) })).toEqual({ ok: false, reason: 'too_many' });
    expect(readRows({ count: '99999999999' })).toEqual({ ok: false, reason: 'count' });
    expect(readRows({ ...form(rows), count: '8' })).toEqual({ ok: false, reason: 'missing' });
    expect(readRows({ ...form(rows), [rowField(2, 'depth')]: '3' })).toEqual({ ok: false, reason: 'depth' });
    expect(readRows({ ...form(rows), [rowField(0, 'depth')]: '-1' })).toEqual({ ok: false, reason: 'depth' });
    expect(readRows({ ...form(rows), [rowField(1, 'title')]: ['a', 'b'] })).toEqual({ ok: false, reason: 'missing' });
  });

  it('reports every missing title and level name', () => {
    const problems = rowProblems([
      { depth: 0, levelName: '', title: 'A', description: '' },
      { depth: 1, levelName: 'B', title: '  ', description: '' },
    ]);
    expect(problems).toEqual([
      { index: 0, field: 'level', kind: 'required' },
      { index: 1, field: 'title', kind: 'required' },
    ]);
  });

  it('suggests the level names used at each depth, most used first', () => {
    expect(levelNamesByDepth([
      { depth: 0, levelName: 'Målområde' },
      { depth: 1, levelName: 'Aktivitet' },
      { depth: 0, levelName: 'Övergripande mål' },
      { depth: 0, levelName: 'Målområde' },
    ])).toEqual([['Målområde', 'Övergripande mål'], ['Aktivitet']]);
  });
});

describe('any sequence of row operations', () => {
  const rowArb = fc.record({ depth: fc.nat(4), levelName: fc.string({ maxLength: 8 }), title: fc.string({ maxLength: 8 }), description: fc.string({ maxLength: 8 }) });
  const treeArb = fc.array(rowArb, { maxLength: 25 }).map(normaliseDepths);
  const opArb = fc.record({ kind: fc.constantFrom(...TREE_OP_KINDS), index: fc.integer({ min: -2, max: 30 }) });

  it('keeps the rows a valid tree, never throws, and keeps every title it does not merge or delete', () => {
    fc.assert(
      fc.property(treeArb, fc.array(opArb, { maxLength: 30 }), (start, ops) => {
        let rows = start;
        for (const op of ops) {
          const before = rows;
          rows = applyOp(rows, op);
          expect(isValidTree(rows)).toBe(true);
          expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
          if (op.kind === 'up' || op.kind === 'down' || op.kind === 'indent' || op.kind === 'outdent') {
            expect(rows.map((r) => r.title).sort()).toEqual(before.map((r) => r.title).sort());
          }
          const at = rowAfterOp(before, op);
          expect(at).toBeGreaterThanOrEqual(0);
          const validIndex = op.index >= 0 && op.index < before.length;
          if (validIndex && rows !== before && (op.kind === 'up' || op.kind === 'down' || op.kind === 'indent' || op.kind === 'outdent')) {
            expect(rows[at]).toMatchObject({ title: before[op.index]!.title, levelName: before[op.index]!.levelName, description: before[op.index]!.description });
          }
          // The flat list and the tree describe the same thing.
          expect(flattenTree(buildTree(rows))).toEqual(rows);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('builds a tree from any list without throwing, and normalising makes it valid', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        expect(isValidTree(normaliseDepths(rows))).toBe(true);
        expect(() => buildTree(rows)).not.toThrow();
      }),
    );
  });
});
