/**
 * The progress roll-up of a strategy's goal tree (issue 4, section 4). Pure: no I/O.
 *
 * A goal's progress is a weighted mean of its terms:
 * - each measure that serves the goal directly (weighted by the measure's weight; a finished
 *   measure counts as 100 %, a cancelled one not at all), and
 * - each child goal that has a progress of its own (weighted by the child goal's weight).
 * Without any term the progress is unknown (null).
 *
 * The expected progress comes from the measures' schedules: a measure with a start and an end
 * date should, on a given day, have come as far as the share of its time that has passed (0 %
 * before the start, 100 % from the end date). A goal's expected progress is the same weighted mean
 * over the terms that have an expected value.
 *
 * Traffic light: no progress → 'none'; otherwise 'on_track' when there is nothing to compare with
 * or progress is at most ON_TRACK_MARGIN points below the expected, 'at_risk' when at most
 * AT_RISK_MARGIN points below, else 'behind'. A measure of the goal itself that is past its end
 * date without being finished makes the goal at least 'at_risk'.
 *
 * Defensive: a measure may name goals that do not exist (ignored), and a goal's parent chain may
 * loop (the looping link is ignored, so the computation always ends).
 */
import type { TrafficLight } from '../../../db/schema.js';
import type { GoalProgress, RollupGoal, RollupMeasure } from '../model.js';

/** Progress at most this many percentage points below the expected is on track. */
export const ON_TRACK_MARGIN = 10;
/** Progress at most this many percentage points below the expected is at risk; further below is behind. */
export const AT_RISK_MARGIN = 25;

interface Term {
  kind: 'measure' | 'goal';
  weight: number;
  value: number;
  expected: number | null;
}

interface Computed {
  raw: number | null;
  rawExpected: number | null;
  progress: GoalProgress;
  /** Measures (not cancelled) in the whole subtree. */
  measureIds: Set<number>;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / DAY_MS) : undefined;
}

const clamp = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

/** One decimal; -0 becomes 0. */
export function round1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? 0 : r;
}

/** Weights that cannot be used (negative, not a number) count as 0. */
const usableWeight = (w: number) => (Number.isFinite(w) && w > 0 ? w : 0);

/**
 * A weighted mean; when every weight is 0 the plain mean, so that terms that exist are never
 * dropped and the result stays within the terms' range.
 */
function weightedMean(items: { weight: number; value: number }[]): number | null {
  if (items.length === 0) return null;
  let sum = 0;
  let total = 0;
  for (const i of items) {
    sum += i.weight * i.value;
    total += i.weight;
  }
  if (total > 0) {
    // Floating-point sums can stray a hair outside the terms' range; keep the mean inside it.
    const lo = Math.min(...items.filter((i) => i.weight > 0).map((i) => i.value));
    const hi = Math.max(...items.filter((i) => i.weight > 0).map((i) => i.value));
    return Math.min(hi, Math.max(lo, sum / total));
  }
  return items.reduce((s, i) => s + i.value, 0) / items.length;
}

/** Where a measure should be by `today` judging by its dates, or null without both dates. */
export function expectedOfMeasure(m: Pick<RollupMeasure, 'startDate' | 'endDate'>, today: string): number | null {
  if (!m.startDate || !m.endDate) return null;
  const start = dayNumber(m.startDate);
  const end = dayNumber(m.endDate);
  const now = dayNumber(today);
  if (start === undefined || end === undefined || now === undefined) return null;
  if (now >= end) return 100;
  if (now <= start) return 0;
  return clamp(((now - start) / (end - start)) * 100);
}

/** Whether a measure is past its end date without being finished. */
function isLate(m: RollupMeasure, today: string): boolean {
  return m.status !== 'done' && m.status !== 'cancelled' && !!m.endDate && m.endDate < today;
}

export function lightOf(progress: number | null, expected: number | null, lateMeasures: number): TrafficLight {
  if (progress === null) return 'none';
  // Compared in tenths of a point, so that one-decimal values meet the thresholds exactly.
  const p = Math.round(progress * 10);
  const e = expected === null ? null : Math.round(expected * 10);
  let light: TrafficLight;
  if (e === null || p >= e - ON_TRACK_MARGIN * 10) light = 'on_track';
  else if (p >= e - AT_RISK_MARGIN * 10) light = 'at_risk';
  else light = 'behind';
  if (lateMeasures > 0 && light === 'on_track') light = 'at_risk';
  return light;
}

function percent(n: number, lang: 'sv' | 'en'): string {
  const s = String(n);
  return lang === 'sv' ? `${s.replace('.', ',')} %` : `${s}%`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function explain(terms: Term[], progress: number | null, expected: number | null, late: number, cancelled: number): GoalProgress['explanation'] {
  const measures = terms.filter((t) => t.kind === 'measure').length;
  const goals = terms.filter((t) => t.kind === 'goal').length;
  const sv: string[] = [];
  const en: string[] = [];
  if (progress === null) {
    sv.push('Inga åtgärder eller delmål att räkna på ännu.');
    en.push('No measures or sub-goals to compute from yet.');
  } else {
    const weighted = terms.some((t) => t.weight !== terms[0]!.weight);
    const partsSv = [measures > 0 ? count(measures, 'åtgärd', 'åtgärder') : '', goals > 0 ? count(goals, 'delmål', 'delmål') : ''].filter(Boolean).join(' och ');
    const partsEn = [measures > 0 ? count(measures, 'measure', 'measures') : '', goals > 0 ? count(goals, 'sub-goal', 'sub-goals') : ''].filter(Boolean).join(' and ');
    if (terms.length === 1) {
      sv.push(`Beräknat från ${partsSv}.`);
      en.push(`Computed from ${partsEn}.`);
    } else {
      sv.push(`Medelvärde av ${partsSv}${weighted ? ' (viktat)' : ''}.`);
      en.push(`${weighted ? 'Weighted mean' : 'Mean'} of ${partsEn}.`);
    }
    if (expected === null) {
      sv.push(`${percent(progress, 'sv')} klart; inga datum att jämföra med.`);
      en.push(`${percent(progress, 'en')} done; no dates to compare with.`);
    } else {
      sv.push(`${percent(progress, 'sv')} klart, förväntat ${percent(expected, 'sv')} i dag enligt åtgärdernas tidsplaner.`);
      en.push(`${percent(progress, 'en')} done, ${percent(expected, 'en')} expected today according to the measures’ schedules.`);
    }
    if (late > 0) {
      sv.push(late === 1 ? '1 åtgärd har passerat sitt slutdatum utan att vara klar.' : `${late} åtgärder har passerat sitt slutdatum utan att vara klara.`);
      en.push(late === 1 ? '1 measure is past its end date without being finished.' : `${late} measures are past their end dates without being finished.`);
    }
  }
  if (cancelled > 0) {
    sv.push(cancelled === 1 ? '1 inställd åtgärd räknas inte.' : `${cancelled} inställda åtgärder räknas inte.`);
    en.push(cancelled === 1 ? '1 cancelled measure is not counted.' : `${cancelled} cancelled measures are not counted.`);
  }
  return { sv: sv.join(' '), en: en.join(' ') };
}

/**
 * Each goal's progress, expected progress, traffic light and explanation.
 * @example rollUp([{ id: 1, parentId: null, weight: 1 }], [{ id: 9, goalIds: [1], progress: 40, weight: 1, status: 'ongoing', startDate: null, endDate: null }], '2026-05-01').get(1)?.progress // 40
 */
export function rollUp(goals: RollupGoal[], measures: RollupMeasure[], today: string): Map<number, GoalProgress> {
  const byId = new Map<number, RollupGoal>();
  for (const g of goals) if (!byId.has(g.id)) byId.set(g.id, g);

  const children = new Map<number, RollupGoal[]>();
  for (const g of byId.values()) {
    if (g.parentId === null || g.parentId === g.id || !byId.has(g.parentId)) continue;
    const list = children.get(g.parentId) ?? [];
    list.push(g);
    children.set(g.parentId, list);
  }

  const direct = new Map<number, RollupMeasure[]>();
  const cancelled = new Map<number, number>();
  for (const m of measures) {
    for (const goalId of new Set(m.goalIds)) {
      if (!byId.has(goalId)) continue;
      if (m.status === 'cancelled') {
        cancelled.set(goalId, (cancelled.get(goalId) ?? 0) + 1);
        continue;
      }
      const list = direct.get(goalId) ?? [];
      list.push(m);
      direct.set(goalId, list);
    }
  }

  const done = new Map<number, Computed>();
  const onStack = new Set<number>();

  const compute = (goal: RollupGoal): Computed => {
    const known = done.get(goal.id);
    if (known) return known;
    onStack.add(goal.id);
    const terms: Term[] = [];
    const measureIds = new Set<number>();
    let late = 0;
    for (const m of direct.get(goal.id) ?? []) {
      measureIds.add(m.id);
      if (isLate(m, today)) late++;
      terms.push({ kind: 'measure', weight: usableWeight(m.weight), value: m.status === 'done' ? 100 : clamp(m.progress), expected: expectedOfMeasure(m, today) });
    }
    for (const child of children.get(goal.id) ?? []) {
      // A parent chain that loops back to a goal being computed: ignore that link.
      if (onStack.has(child.id)) continue;
      const c = compute(child);
      for (const id of c.measureIds) measureIds.add(id);
      if (c.raw === null) continue;
      terms.push({ kind: 'goal', weight: usableWeight(child.weight), value: c.raw, expected: c.rawExpected });
    }
    const raw = weightedMean(terms);
    const rawExpected = weightedMean(terms.filter((t) => t.expected !== null).map((t) => ({ weight: t.weight, value: t.expected! })));
    const progress = raw === null ? null : round1(raw);
    const expected = raw === null || rawExpected === null ? null : round1(rawExpected);
    const result: Computed = {
      raw,
      rawExpected: raw === null ? null : rawExpected,
      measureIds,
      progress: {
        goalId: goal.id,
        progress,
        expected,
        light: lightOf(progress, expected, late),
        directMeasures: direct.get(goal.id)?.length ?? 0,
        totalMeasures: measureIds.size,
        explanation: explain(terms, progress, expected, late, cancelled.get(goal.id) ?? 0),
      },
    };
    onStack.delete(goal.id);
    done.set(goal.id, result);
    return result;
  };

  const out = new Map<number, GoalProgress>();
  for (const g of byId.values()) out.set(g.id, compute(g).progress);
  return out;
}
