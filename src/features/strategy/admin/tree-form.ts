/**
 * The correction form of a strategy import, as pure functions: the proposed goal tree travels in
 * the form as a flat list of rows in document order, each with its depth (0 = top level); the
 * row buttons (move up/down, indent, outdent, merge, delete, add) are operations on that list.
 *
 * A list is a valid tree when the first row has depth 0 and no row is more than one level deeper
 * than the row before it. Every operation keeps a valid list valid and never throws: an operation
 * that does not apply (moving the first sibling up, indenting a row without a previous sibling)
 * returns the rows unchanged.
 */
import type { ProposedNode } from '../model.js';

/** One node of the tree as a row of the form. */
export interface TreeRow {
  depth: number;
  levelName: string;
  title: string;
  description: string;
}

/** Most rows a tree may have (the form and the import refuse more). */
export const MAX_ROWS = 500;
/** Deepest level a row may have (0-based): twelve levels, as many as the import saves. */
export const MAX_DEPTH = 11;
export const MAX_TITLE = 300;
export const MAX_LEVEL_NAME = 100;
export const MAX_DESCRIPTION = 20_000;

export type TreeOpKind = 'up' | 'down' | 'indent' | 'outdent' | 'merge' | 'delete' | 'add';
export const TREE_OP_KINDS: readonly TreeOpKind[] = ['up', 'down', 'indent', 'outdent', 'merge', 'delete', 'add'];

/** What a row button asks for; `add` with index -1 adds a top-level row at the end. */
export type TreeOp = { kind: TreeOpKind; index: number };

/** The tree as rows in document order (depth first). */
export function flattenTree(nodes: readonly ProposedNode[]): TreeRow[] {
  const out: TreeRow[] = [];
  const walk = (list: readonly ProposedNode[], depth: number) => {
    for (const n of list) {
      out.push({ depth, levelName: n.levelName, title: n.title, description: n.description });
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 0);
  return out;
}

/** The rows as a tree. Rows deeper than the row before + 1 are placed one level below it. */
export function buildTree(rows: readonly TreeRow[]): ProposedNode[] {
  const roots: ProposedNode[] = [];
  const stack: ProposedNode[] = [];
  for (const r of rows) {
    const depth = Math.max(0, Math.min(r.depth, stack.length));
    const node: ProposedNode = { levelName: r.levelName, title: r.title, description: r.description, children: [] };
    const parent = depth > 0 ? stack[depth - 1] : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.length = depth;
    stack.push(node);
  }
  return roots;
}

/** Whether the rows form a tree: the first at depth 0, none more than one level below the one before. */
export function isValidTree(rows: readonly TreeRow[]): boolean {
  let prev = -1;
  for (const r of rows) {
    if (!Number.isInteger(r.depth) || r.depth < 0 || r.depth > prev + 1) return false;
    prev = r.depth;
  }
  return true;
}

/** The rows with every depth pulled up to at most one below the row before (the first to 0). */
export function normaliseDepths(rows: readonly TreeRow[]): TreeRow[] {
  let prev = -1;
  return rows.map((r) => {
    const depth = Math.max(0, Math.min(Number.isInteger(r.depth) ? r.depth : 0, prev + 1));
    prev = depth;
    return depth === r.depth ? r : { ...r, depth };
  });
}

/** The index just past row `i`'s subtree (the row and every following deeper row). */
export function subtreeEnd(rows: readonly TreeRow[], i: number): number {
  const d = rows[i]!.depth;
  let j = i + 1;
  while (j < rows.length && rows[j]!.depth > d) j++;
  return j;
}

/** Index of the previous sibling of row `i`, or -1. */
export function previousSibling(rows: readonly TreeRow[], i: number): number {
  const d = rows[i]!.depth;
  for (let j = i - 1; j >= 0; j--) {
    const dj = rows[j]!.depth;
    if (dj === d) return j;
    if (dj < d) return -1;
  }
  return -1;
}

/** Index of the next sibling of row `i`, or -1. */
export function nextSibling(rows: readonly TreeRow[], i: number): number {
  const end = subtreeEnd(rows, i);
  return end < rows.length && rows[end]!.depth === rows[i]!.depth ? end : -1;
}

/** Index of the parent of row `i`, or -1 for a top-level row. */
export function parentOf(rows: readonly TreeRow[], i: number): number {
  const d = rows[i]!.depth;
  for (let j = i - 1; j >= 0; j--) if (rows[j]!.depth < d) return j;
  return -1;
}

/** Which operations apply to row `i` (the buttons the form shows for it). */
export function availableOps(rows: readonly TreeRow[], i: number): Set<TreeOpKind> {
  const ops = new Set<TreeOpKind>(['delete', 'add']);
  if (i < 0 || i >= rows.length) return new Set();
  const prev = previousSibling(rows, i);
  if (prev >= 0) {
    ops.add('up');
    ops.add('indent');
    ops.add('merge');
  }
  if (nextSibling(rows, i) >= 0) ops.add('down');
  if (rows[i]!.depth > 0) ops.add('outdent');
  return ops;
}

/** Reads `up:3`, `indent:0`, `add:-1` …; undefined for anything else. */
export function parseOp(raw: string): TreeOp | undefined {
  const m = /^(up|down|indent|outdent|merge|delete|add):(-1|0|[1-9][0-9]{0,5})$/.exec(raw);
  if (!m) return undefined;
  const index = Number(m[2]);
  if (index === -1 && m[1] !== 'add') return undefined;
  return { kind: m[1] as TreeOpKind, index };
}

/** Joins texts with a blank line, leaving out empty ones. */
function joinText(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Applies a row button to the rows. Never throws; returns the rows unchanged when the operation
 * does not apply. On a valid tree the result is a valid tree.
 *
 * - up/down: the row and its subtree swap places with the previous/next sibling's.
 * - indent: the row (with its subtree) becomes the last child of its previous sibling.
 * - outdent: the row (with its subtree) moves out one level, to just after its parent's subtree.
 * - merge: the row joins its previous sibling: its title and description are added to the
 *   sibling's description, and its children become the sibling's last children.
 * - delete: the row goes; its children move up one level and stay where they were.
 * - add: a new empty row after the row's subtree, at its level and with its level name; index -1
 *   adds a top-level row at the end.
 */
export function applyOp(input: readonly TreeRow[], op: TreeOp): TreeRow[] {
  const rows = input.map((r) => ({ ...r }));
  const i = op.index;
  if (op.kind === 'add' && i === -1) {
    if (rows.length >= MAX_ROWS) return rows;
    const lastTop = [...rows].reverse().find((r) => r.depth === 0);
    rows.push({ depth: 0, levelName: lastTop?.levelName ?? '', title: '', description: '' });
    return rows;
  }
  if (!Number.isInteger(i) || i < 0 || i >= rows.length) return rows;
  const row = rows[i]!;
  const end = subtreeEnd(rows, i);
  switch (op.kind) {
    case 'up': {
      const prev = previousSibling(rows, i);
      if (prev < 0) return rows;
      return [...rows.slice(0, prev), ...rows.slice(i, end), ...rows.slice(prev, i), ...rows.slice(end)];
    }
    case 'down': {
      const next = nextSibling(rows, i);
      if (next < 0) return rows;
      const nextEnd = subtreeEnd(rows, next);
      return [...rows.slice(0, i), ...rows.slice(next, nextEnd), ...rows.slice(i, next), ...rows.slice(nextEnd)];
    }
    case 'indent': {
      if (previousSibling(rows, i) < 0 || row.depth >= MAX_DEPTH) return rows;
      // Deepest row of the subtree must stay within MAX_DEPTH.
      if (rows.slice(i, end).some((r) => r.depth + 1 > MAX_DEPTH)) return rows;
      for (let k = i; k < end; k++) rows[k]!.depth += 1;
      return rows;
    }
    case 'outdent': {
      const parent = parentOf(rows, i);
      if (parent < 0) return rows;
      const parentEnd = subtreeEnd(rows, parent);
      const moved = rows.slice(i, end).map((r) => ({ ...r, depth: r.depth - 1 }));
      return [...rows.slice(0, i), ...rows.slice(end, parentEnd), ...moved, ...rows.slice(parentEnd)];
    }
    case 'merge': {
      const prev = previousSibling(rows, i);
      if (prev < 0) return rows;
      const target = rows[prev]!;
      target.description = joinText(target.description, row.title, row.description);
      // The row's children now follow the end of the sibling's subtree at the same depth: its last children.
      return [...rows.slice(0, i), ...rows.slice(i + 1)];
    }
    case 'delete': {
      const children = rows.slice(i + 1, end).map((r) => ({ ...r, depth: r.depth - 1 }));
      return [...rows.slice(0, i), ...children, ...rows.slice(end)];
    }
    case 'add': {
      if (rows.length >= MAX_ROWS) return rows;
      return [...rows.slice(0, end), { depth: row.depth, levelName: row.levelName, title: '', description: '' }, ...rows.slice(end)];
    }
  }
  return rows;
}

/**
 * Where the row an operation acts on is after it (the merged-into row for merge, the row that takes
 * its place for delete, the new row for add): the form scrolls there after the button.
 */
export function rowAfterOp(rows: readonly TreeRow[], op: TreeOp): number {
  const i = op.index;
  if (op.kind === 'add' && i === -1) return rows.length;
  if (i < 0 || i >= rows.length) return 0;
  const end = subtreeEnd(rows, i);
  switch (op.kind) {
    case 'up':
    case 'merge': {
      const prev = previousSibling(rows, i);
      return prev < 0 ? i : prev;
    }
    case 'down': {
      const next = nextSibling(rows, i);
      return next < 0 ? i : i + (subtreeEnd(rows, next) - next);
    }
    case 'outdent': {
      const parent = parentOf(rows, i);
      return parent < 0 ? i : i + (subtreeEnd(rows, parent) - end);
    }
    case 'delete':
      return Math.max(0, Math.min(i, rows.length - 2));
    case 'add':
      return end;
    default:
      return i;
  }
}

/** The level names used at each depth, most used first: suggestions for a new row or goal. */
export function levelNamesByDepth(rows: readonly { depth: number; levelName: string }[]): string[][] {
  const counts: Map<string, number>[] = [];
  for (const r of rows) {
    const name = r.levelName.trim();
    if (!name) continue;
    const m = counts[r.depth] ?? new Map<string, number>();
    counts[r.depth] = m;
    m.set(name, (m.get(name) ?? 0) + 1);
  }
  return Array.from({ length: counts.length }, (_, d) => [...(counts[d] ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv')).map(([n]) => n));
}

/** A problem with one row's field, keyed by the field's name in the form. */
export interface RowProblem {
  index: number;
  field: 'title' | 'level' | 'description' | 'depth';
  kind: 'required' | 'too_long' | 'too_deep';
}

/** Every problem of the rows at once: titles and level names required, lengths, depth jumps. */
export function rowProblems(rows: readonly TreeRow[]): RowProblem[] {
  const out: RowProblem[] = [];
  let prev = -1;
  rows.forEach((r, index) => {
    if (r.depth > prev + 1 || r.depth > MAX_DEPTH) out.push({ index, field: 'depth', kind: 'too_deep' });
    prev = r.depth;
    if (!r.levelName.trim()) out.push({ index, field: 'level', kind: 'required' });
    else if (r.levelName.trim().length > MAX_LEVEL_NAME) out.push({ index, field: 'level', kind: 'too_long' });
    if (!r.title.trim()) out.push({ index, field: 'title', kind: 'required' });
    else if (r.title.trim().length > MAX_TITLE) out.push({ index, field: 'title', kind: 'too_long' });
    if (r.description.trim().length > MAX_DESCRIPTION) out.push({ index, field: 'description', kind: 'too_long' });
  });
  return out;
}

/** Name of a row's field in the form, e.g. `node.3.title`. */
export const rowField = (index: number, field: 'depth' | 'level' | 'title' | 'description') => `node.${index}.${field}`;

export type ReadRowsResult = { ok: true; rows: TreeRow[] } | { ok: false; reason: 'count' | 'too_many' | 'missing' | 'depth' };

/**
 * The rows of a posted correction form: `count`, then `node.N.depth|level|title|description` for
 * N < count. Refuses a missing or absurd count, a missing field, a depth that is not a small
 * whole number, or a list that is not a tree (a hand-made or tampered form).
 */
export function readRows(values: Record<string, string | string[] | undefined>): ReadRowsResult {
  const one = (k: string): string | undefined => {
    const v = values[k];
    return typeof v === 'string' ? v : undefined;
  };
  const countRaw = one('count');
  if (countRaw === undefined || !/^(0|[1-9][0-9]{0,6})$/.test(countRaw)) return { ok: false, reason: 'count' };
  const count = Number(countRaw);
  if (count > MAX_ROWS) return { ok: false, reason: 'too_many' };
  const rows: TreeRow[] = [];
  for (let i = 0; i < count; i++) {
    const depth = one(rowField(i, 'depth'));
    const levelName = one(rowField(i, 'level'));
    const title = one(rowField(i, 'title'));
    const description = one(rowField(i, 'description'));
    if (depth === undefined || levelName === undefined || title === undefined || description === undefined) return { ok: false, reason: 'missing' };
    if (!/^(0|[1-9][0-9]?)$/.test(depth) || Number(depth) > MAX_DEPTH) return { ok: false, reason: 'depth' };
    rows.push({ depth: Number(depth), levelName, title, description });
  }
  if (!isValidTree(rows)) return { ok: false, reason: 'depth' };
  return { ok: true, rows };
}
