/**
 * Server-side, network-free SVG map of a municipality's partner organisations.
 *
 * - Base map: Natural Earth 1:50m countries from the `world-atlas` package, read from disk
 *   once (lazily). Arcs are simplified (Douglas–Peucker, per arc so neighbours stay seamless)
 *   to a level chosen from the map scale; each level is converted once with topojson-client
 *   (`merge` for the land, `mesh` for borders) and cached as polygons/lines with bounding
 *   boxes, so a render clips and projects only what can be visible.
 * - Projection: conformal conic centred on the data (Mercator when the data spans the
 *   equator or a very wide longitude range), fitted to the partners plus the home municipality.
 * - Output: a self-contained SVG string that uses presentation attributes only (no `style`
 *   attributes, no `<style>` or `<script>` elements), so it works under a strict CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GeoProjection, geoConicConformal, geoMercator, geoPath } from 'd3-geo';
import type { MultiPoint, Position } from 'geojson';
import { merge, mesh } from 'topojson-client';

export interface MapPoint {
  id: string;
  label: string;
  latitude: number;
  longitude: number;
  href?: string;
  /** e.g. 'twinning' | 'network' | 'cooperation' | 'development' */
  category?: string;
}

export interface MapOptions {
  title: string;
  description: string;
  home?: { label: string; latitude: number; longitude: number };
  /** viewBox width (default 640). The SVG itself is `width="100%"` and scales to its container. */
  width?: number;
  /** Total viewBox height including the legend. Default: derived from the shape of the mapped area. */
  height?: number;
  /** Prefix for element ids (title, desc). Must be unique per page when several maps are inlined. Default 'partner-map'. */
  idPrefix?: string;
  /** Legend texts per category. Defaults to Swedish texts for the four known categories. */
  categoryLabels?: Record<string, string>;
  /** Legend text for the home marker. Default: the home label. */
  homeLegendLabel?: string;
}

/** Colours used by the map. All marker colours have ≥ 3:1 contrast against both land and sea, text ≥ 4.5:1. */
export const MAP_COLOURS = {
  sea: '#f3f6f8',
  land: '#e2e3de',
  coast: '#b3b6ae',
  border: '#ffffff',
  text: '#1c2128',
  halo: '#ffffff',
  leader: '#5b6168',
  home: '#1b3a6b',
  categories: {
    twinning: '#b04a0b',
    network: '#0b6f63',
    cooperation: '#7a3a8c',
    development: '#8c5a00',
  } as Record<string, string>,
  otherCategory: '#4f5660',
} as const;

export const DEFAULT_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  twinning: 'Vänort',
  network: 'Nätverk',
  cooperation: 'Samarbete',
  development: 'Utvecklingssamarbete',
};

// ---------------------------------------------------------------------------
// Base map data (loaded once, lazily)
// ---------------------------------------------------------------------------

type BBox = readonly [west: number, south: number, east: number, north: number];

interface Part<C> {
  coordinates: C;
  bbox: BBox;
}

interface Atlas {
  land: Part<Position[][]>[];
  borders: Part<Position[]>[];
}

type Topology = Parameters<typeof mesh>[0];
type TopoObject = NonNullable<Parameters<typeof mesh>[1]>;

/** The 50m topology with absolute (decoded) arc coordinates; loaded on first use. */
let topologyCache: { topology: Topology; countries: TopoObject } | undefined;
/** Converted base maps per simplification tolerance (degrees). */
const atlasCache = new Map<number, Atlas>();
/** Simplification levels in degrees of latitude; the renderer picks one from the map scale. */
const SIMPLIFY_LEVELS = [0, 0.01, 0.025, 0.06, 0.15, 0.35] as const;

function ringBBox(ring: Position[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of ring) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/**
 * Makes longitudes continuous (no jumps of more than 180° between neighbours), so rings and lines
 * that cross the antimeridian (e.g. Russia, Fiji) can be clipped in plain lon/lat space; the
 * first point is placed within 180° of `reference`. A closed ring that goes around a pole
 * (Antarctica) is closed over that pole.
 */
function unwrapRing(ring: Position[], reference: number, closed: boolean): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let prev: number | undefined;
  for (const p of ring) {
    let x = (p[0] as number) + offset;
    const y = p[1] as number;
    if (prev === undefined) {
      while (x - reference > 180) x -= 360;
      while (x - reference < -180) x += 360;
      offset = x - (p[0] as number);
    } else {
      while (x - prev > 180) {
        offset -= 360;
        x -= 360;
      }
      while (x - prev < -180) {
        offset += 360;
        x += 360;
      }
    }
    out.push([x, y]);
    prev = x;
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (closed && first && last && Math.abs((last[0] as number) - (first[0] as number)) > 180) {
    const meanLat = out.reduce((sum, p) => sum + (p[1] as number), 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    out.push([last[0] as number, pole], [first[0] as number, pole], [first[0] as number, first[1] as number]);
  }
  return out;
}

function loadTopology(): { topology: Topology; countries: TopoObject } {
  if (topologyCache) return topologyCache;
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const countries = raw.objects.countries as TopoObject | undefined;
  if (!countries) throw new Error('world-atlas: missing "countries" object');
  // Decode the quantised, delta-encoded arcs once so they can be simplified per level.
  const t = raw.transform;
  const arcs = t
    ? raw.arcs.map((arc) => {
        let x = 0;
        let y = 0;
        return arc.map((p) => {
          x += p[0] as number;
          y += p[1] as number;
          return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
        });
      })
    : raw.arcs;
  topologyCache = { topology: { type: 'Topology', objects: raw.objects, arcs } as Topology, countries };
  return topologyCache;
}

/** Douglas–Peucker on one arc (endpoints kept, so arcs shared by neighbours stay identical). */
function simplifyArc(arc: number[][], tolerance: number): number[][] {
  const n = arc.length;
  if (tolerance <= 0 || n <= 2) return arc;
  const k = Math.cos((((arc[0]?.[1] as number) ?? 0) * Math.PI) / 180);
  const X = (i: number): number => (arc[i]?.[0] as number) * k;
  const Y = (i: number): number => arc[i]?.[1] as number;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [];
  // A closed arc (island): split at the point farthest from the start.
  if (X(0) === X(n - 1) && Y(0) === Y(n - 1)) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = (X(i) - X(0)) ** 2 + (Y(i) - Y(0)) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else {
    stack.push([0, n - 1]);
  }
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const ax = X(a);
    const ay = Y(a);
    const dx = X(b) - ax;
    const dy = Y(b) - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = X(i) - ax;
      const py = Y(i) - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const cross = px * dy - py * dx;
        d = (cross * cross) / len2;
      }
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(arc[i] as number[]);
  return out;
}

function loadAtlas(tolerance: number): Atlas {
  const cached = atlasCache.get(tolerance);
  if (cached) return cached;
  const base = loadTopology();
  const topology =
    tolerance > 0 ? ({ ...base.topology, arcs: base.topology.arcs.map((a) => simplifyArc(a, tolerance)) } as Topology) : base.topology;
  const countries = base.countries;

  // Land as one union (coastlines only, no internal borders), plus the internal borders as a mesh.
  const land: Part<Position[][]>[] = [];
  const union = merge(topology, (countries as unknown as { geometries: Parameters<typeof merge>[1] }).geometries);
  for (const polygon of union.coordinates) {
    const outer = polygon[0];
    if (!outer || outer.length < 4) continue;
    const unwrappedOuter = unwrapRing(outer, outer[0]?.[0] ?? 0, true);
    const rings = [unwrappedOuter, ...polygon.slice(1).map((hole) => unwrapRing(hole, unwrappedOuter[0]?.[0] ?? 0, true))];
    land.push({ coordinates: rings, bbox: ringBBox(unwrappedOuter) });
  }
  const borders = mesh(topology, countries, (a, b) => a !== b)
    .coordinates.filter((l) => l.length >= 2)
    .map((l) => unwrapRing(l, l[0]?.[0] ?? 0, false))
    .map((l) => ({ coordinates: l, bbox: ringBBox(l) }));
  const atlas: Atlas = { land, borders };
  atlasCache.set(tolerance, atlas);
  return atlas;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** Removes characters XML 1.0 cannot carry: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
function stripInvalidXml(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let drop = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      drop = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      drop = true;
    }
    if (drop) {
      out += value.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** Escapes text for XML content and attribute values (&, <, >, ", ') and drops characters XML cannot carry. */
export function escapeXml(value: string): string {
  return stripInvalidXml(String(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s), mailto and same-site relative links are rendered; anything else (javascript:, data:, …) is dropped. */
function safeHref(href: string | undefined): string | undefined {
  if (typeof href !== 'string') return undefined;
  const h = href.trim();
  // Browsers drop tabs/newlines inside URLs ("java\tscript:") and read a backslash as "/": refuse those.
  if (h === '' || h.startsWith('//') || h.includes('\\') || [...h].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return undefined;
  }
  if (/^(https?:|mailto:)/i.test(h)) return h;
  // Relative references are fine as long as they carry no scheme of their own.
  return /^[a-z][a-z0-9+.-]*:/i.test(h) ? undefined : h;
}

function sanitizeId(prefix: string | undefined): string {
  const cleaned = (prefix ?? 'partner-map').replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `m-${cleaned}`;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
/** Number formatting with 1 decimal, no trailing ".0", no "-0". */
const f1 = (n: number): string => {
  const v = r1(n);
  return Object.is(v, -0) ? '0' : String(v);
};

const isFiniteCoord = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** Rough text width in px for a sans-serif face; errs on the wide side so labels do not collide. */
function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[iljIt.,:;'|!() ]/.test(ch)) em += 0.3;
    else if (/[frJ1-]/.test(ch)) em += 0.4;
    else if (/[mwMWÅÄÖÆØ@%]/.test(ch)) em += ch === ch.toLowerCase() ? 0.85 : 0.9;
    else if (/[A-ZÀ-Þ]/.test(ch)) em += 0.68;
    else em += 0.56;
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

/** Default view when there are zero or one partners: the Nordic countries and the Baltic Sea region. */
const DEFAULT_BOX: BBox = [-10, 48, 35, 71];

function unionBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function viewBox(locations: [number, number][], partnerCount: number): BBox {
  let box: BBox | undefined;
  for (const [lon, lat] of locations) {
    box = box ? unionBox(box, [lon, lat, lon, lat]) : [lon, lat, lon, lat];
  }
  if (!box || partnerCount <= 1) return box ? unionBox(DEFAULT_BOX, padBox(box, 0.15)) : DEFAULT_BOX;
  return padBox(box, 0.12);
}

/** Grows a box to a minimum span, then pads it by a fraction of its span (for geographic context around the markers). */
function padBox([w, s, e, n]: BBox, fraction: number): BBox {
  const midLat = (s + n) / 2;
  const minLat = 6;
  const minLon = 6 / Math.max(0.25, Math.cos((midLat * Math.PI) / 180));
  if (n - s < minLat) {
    const c = (s + n) / 2;
    s = c - minLat / 2;
    n = c + minLat / 2;
  }
  if (e - w < minLon) {
    const c = (w + e) / 2;
    w = c - minLon / 2;
    e = c + minLon / 2;
  }
  const dLat = Math.max(1, (n - s) * fraction);
  const dLon = Math.max(1, (e - w) * fraction);
  return [Math.max(-180, w - dLon), Math.max(-84, s - dLat), Math.min(180, e + dLon), Math.min(84, n + dLat)];
}

function boxOutline([w, s, e, n]: BBox): MultiPoint {
  const pts: Position[] = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    pts.push([w + (e - w) * t, s], [w + (e - w) * t, n], [w, s + (n - s) * t], [e, s + (n - s) * t]);
  }
  return { type: 'MultiPoint', coordinates: pts };
}

function makeProjection([w, s, e, n]: BBox): GeoProjection {
  const centerLon = (w + e) / 2;
  const sameHemisphere = s >= 0 || n <= 0;
  if (!sameHemisphere || e - w > 120 || n - s > 70) {
    return geoMercator().rotate([-centerLon, 0]);
  }
  // Standard parallels at 1/6 and 5/6 of the latitude range minimise scale distortion.
  const p1 = s + (n - s) / 6;
  const p2 = n - (n - s) / 6;
  return geoConicConformal()
    .parallels([p1, p2])
    .rotate([-centerLon, 0]);
}

/**
 * Geographic bounds (plus a margin) of the visible rectangle, with longitudes unwrapped around
 * the central meridian (so west may be < -180 or east > 180). Falls back to the whole globe.
 */
function visibleGeoBox(projection: GeoProjection, width: number, height: number, centerLon: number): BBox {
  const whole: BBox = [centerLon - 179.9, -89, centerLon + 179.9, 89];
  const steps = 16;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    for (const [x, y] of [
      [width * t, 0],
      [width * t, height],
      [0, height * t],
      [width, height * t],
    ] as const) {
      const p = projection.invert?.([x, y]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return whole;
      // Longitude relative to the central meridian, unwrapped to [-180, 180).
      const rel = ((((p[0] - centerLon + 180) % 360) + 360) % 360) - 180;
      w = Math.min(w, rel);
      e = Math.max(e, rel);
      s = Math.min(s, p[1]);
      n = Math.max(n, p[1]);
    }
  }
  for (const pole of [90, -90]) {
    const p = projection([centerLon, pole]);
    if (p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height) return whole;
  }
  const margin = 2;
  return [
    Math.max(whole[0], centerLon + w - margin),
    Math.max(whole[1], s - margin),
    Math.min(whole[2], centerLon + e + margin),
    Math.min(whole[3], n + margin),
  ];
}

// ---------------------------------------------------------------------------
// Geometry: clip in lon/lat, project point by point, clip to the view, simplify, emit.
// (Much faster than running d3's spherical clipping over whole countries, and smaller output.)
// ---------------------------------------------------------------------------

type Pt = [number, number];

/** Sutherland–Hodgman clip of a closed ring (last point may repeat the first) against an axis-aligned box. */
function clipRing(ring: readonly Position[] | readonly Pt[], x0: number, y0: number, x1: number, y1: number, dx = 0): Pt[] {
  let pts: Pt[] = [];
  for (const p of ring) pts.push([(p[0] as number) + dx, p[1] as number]);
  if (pts.length > 1) {
    const a = pts[0] as Pt;
    const b = pts[pts.length - 1] as Pt;
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
  }
  const edges: [axis: 0 | 1, limit: number, keepGreater: boolean][] = [
    [0, x0, true],
    [0, x1, false],
    [1, y0, true],
    [1, y1, false],
  ];
  for (const [axis, limit, keepGreater] of edges) {
    if (pts.length === 0) break;
    const inside = (p: Pt): boolean => (keepGreater ? p[axis] >= limit : p[axis] <= limit);
    const out: Pt[] = [];
    let prev = pts[pts.length - 1] as Pt;
    let prevIn = inside(prev);
    for (const cur of pts) {
      const curIn = inside(cur);
      if (curIn !== prevIn) {
        const t = (limit - prev[axis]) / (cur[axis] - prev[axis]);
        const q: Pt = axis === 0 ? [limit, prev[1] + t * (cur[1] - prev[1])] : [prev[0] + t * (cur[0] - prev[0]), limit];
        out.push(q);
      }
      if (curIn) out.push(cur);
      prev = cur;
      prevIn = curIn;
    }
    pts = out;
  }
  return pts;
}

/** Splits a polyline into the runs that lie inside a box (Liang–Barsky per segment). */
function clipLine(line: readonly Position[] | readonly Pt[], x0: number, y0: number, x1: number, y1: number, dx = 0): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] | undefined;
  let t0 = 0;
  let t1 = 1;
  // One Liang–Barsky boundary test; returns false when the segment is entirely outside.
  const edge = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Position;
    const b = line[i] as Position;
    const ax = (a[0] as number) + dx;
    const ay = a[1] as number;
    const bx = (b[0] as number) + dx;
    const by = b[1] as number;
    const ddx = bx - ax;
    const ddy = by - ay;
    t0 = 0;
    t1 = 1;
    if (!(edge(-ddx, ax - x0) && edge(ddx, x1 - ax) && edge(-ddy, ay - y0) && edge(ddy, y1 - ay))) {
      run = undefined;
      continue;
    }
    if (!run || t0 > 0) {
      run = [t0 > 0 ? [ax + t0 * ddx, ay + t0 * ddy] : [ax, ay]];
      runs.push(run);
    }
    run.push(t1 < 1 ? [ax + t1 * ddx, ay + t1 * ddy] : [bx, by]);
    if (t1 < 1) run = undefined;
  }
  return runs.filter((r) => r.length >= 2);
}

/** Inserts points so that no segment is longer than `step` degrees (keeps parallels/clip edges curved after projection). */
function densify(pts: Pt[], closed: boolean, step = 1): Pt[] {
  const out: Pt[] = [];
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const a = pts[i] as Pt;
    out.push(a);
    if (!closed && i === n - 1) break;
    const b = pts[(i + 1) % n] as Pt;
    const k = Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / step);
    for (let j = 1; j < k; j++) out.push([a[0] + ((b[0] - a[0]) * j) / k, a[1] + ((b[1] - a[1]) * j) / k]);
  }
  return out;
}

const shifts = [0, -360, 360];

/** Compact SVG path data: absolute start, then relative moves of values already rounded to 0.1 (so no drift). */
class PathBuilder {
  private readonly parts: string[] = [];
  constructor(private readonly tolerance: number) {}

  add(points: Pt[], closed: boolean): void {
    // Radial-distance simplification in screen space, on rounded coordinates (tenths as integers).
    const tol2 = this.tolerance * this.tolerance * 100;
    const kept: [number, number][] = [];
    for (let i = 0; i < points.length; i++) {
      const p = points[i] as Pt;
      const q: [number, number] = [Math.round(p[0] * 10), Math.round(p[1] * 10)];
      const last = kept[kept.length - 1];
      if (last && i !== points.length - 1) {
        const ddx = q[0] - last[0];
        const ddy = q[1] - last[1];
        if (ddx * ddx + ddy * ddy < tol2) continue;
      }
      if (last && last[0] === q[0] && last[1] === q[1]) continue;
      kept.push(q);
    }
    if (closed) {
      const first = kept[0];
      const last = kept[kept.length - 1];
      if (first && last && kept.length > 1 && first[0] === last[0] && first[1] === last[1]) kept.pop();
      if (kept.length < 3) return;
    } else if (kept.length < 2) return;
    const first = kept[0] as [number, number];
    let d = `M${tenths(first[0])} ${tenths(first[1])}l`;
    let prev = first;
    let sep = '';
    for (let i = 1; i < kept.length; i++) {
      const q = kept[i] as [number, number];
      const x = tenths(q[0] - prev[0]);
      const y = tenths(q[1] - prev[1]);
      d += (x.startsWith('-') ? '' : sep) + x + (y.startsWith('-') ? '' : ' ') + y;
      sep = ' ';
      prev = q;
    }
    this.parts.push(closed ? `${d}z` : d);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Formats an integer number of tenths compactly: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(v: number): string {
  if (v === 0) return '0';
  const neg = v < 0;
  const a = Math.abs(v);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  const s = frac === 0 ? String(int) : int === 0 ? `.${frac}` : `${int}.${frac}`;
  return neg ? `-${s}` : s;
}

interface BaseMapPaths {
  land: string;
  borders: string;
}

function renderBaseMap(atlas: Atlas, projection: GeoProjection, view: BBox, width: number, height: number): BaseMapPaths {
  const [vw, vs, ve, vn] = view;
  const m = 0; // clip exactly to the map area; the frame drawn on top hides strokes along the edge
  const project = (pts: Pt[]): Pt[] => {
    const out: Pt[] = [];
    for (const p of pts) {
      const xy = projection(p);
      if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) out.push([xy[0], xy[1]]);
    }
    return out;
  };
  const tolerance = 0.6;

  const land = new PathBuilder(tolerance);
  for (const part of atlas.land) {
    for (const dx of shifts) {
      const b = part.bbox;
      if (b[1] > vn || b[3] < vs || b[0] + dx > ve || b[2] + dx < vw) continue;
      part.coordinates.forEach((ring) => {
        const geo = clipRing(ring, vw, vs, ve, vn, dx);
        if (geo.length < 3) return;
        const screen = clipRing(project(densify(geo, true)), -m, -m, width + m, height + m);
        if (screen.length >= 3) land.add(screen, true);
      });
    }
  }

  const lines = (parts: Part<Position[]>[]): string => {
    const builder = new PathBuilder(tolerance);
    for (const part of parts) {
      for (const dx of shifts) {
        const b = part.bbox;
        if (b[1] > vn || b[3] < vs || b[0] + dx > ve || b[2] + dx < vw) continue;
        for (const run of clipLine(part.coordinates, vw, vs, ve, vn, dx)) {
          for (const screen of clipLine(project(densify(run, false)), -m, -m, width + m, height + m)) builder.add(screen, false);
        }
      }
    }
    return builder.toString();
  };

  return { land: land.toString(), borders: lines(atlas.borders) };
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Marker {
  x: number;
  y: number;
  r: number;
  label: string;
  bold: boolean;
}

interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  leader?: [number, number, number, number];
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy label placement: each label tries right/left of its marker, then the same
 * nudged vertically in growing steps, then above/below; the candidate with the least
 * overlap (labels, markers, view edge) and the smallest displacement wins.
 */
function placeLabels(markers: Marker[], fontSize: number, width: number, height: number): PlacedLabel[] {
  const placedRects: Rect[] = [];
  const markerRects: Rect[] = markers.map((m) => ({ x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r }));
  const result: PlacedLabel[] = new Array(markers.length);
  const lineH = fontSize * 1.15;
  const ascent = fontSize * 0.74;
  const descent = fontSize * 0.24;
  const gap = 4;
  const edge = 3;

  // Home first (it is the most important label), then top-to-bottom.
  const order = markers.map((_, i) => i).sort((a, b) => {
    const ma = markers[a] as Marker;
    const mb = markers[b] as Marker;
    if (ma.bold !== mb.bold) return ma.bold ? -1 : 1;
    return ma.y - mb.y || ma.x - mb.x;
  });

  const nudges = [0];
  for (let k = 1; k <= 8; k++) nudges.push(k * lineH * 0.5, -k * lineH * 0.5);

  for (const i of order) {
    const m = markers[i] as Marker;
    const w = textWidth(m.label, fontSize, m.bold) + 2;
    let best: { cost: number; label: PlacedLabel; rect: Rect } | undefined;

    const consider = (label: PlacedLabel, rect: Rect, displacementCost: number): void => {
      let cost = displacementCost;
      const outside =
        Math.max(0, edge - rect.x0) + Math.max(0, rect.x1 - (width - edge)) + Math.max(0, edge - rect.y0) + Math.max(0, rect.y1 - (height - edge));
      cost += outside * 400;
      for (const r of placedRects) cost += overlapArea(rect, r) * 20;
      markerRects.forEach((r, j) => {
        if (j !== i) cost += overlapArea(rect, r) * 12;
      });
      if (!best || cost < best.cost) best = { cost, label, rect };
    };

    for (const dy of nudges) {
      const baseline = m.y + dy + (ascent - descent) / 2;
      const top = baseline - ascent;
      const bottom = baseline + descent;
      const leaderNeeded = Math.abs(dy) > m.r + 2;
      const displacement = Math.abs(dy) * 1.5;
      // right
      {
        const x = m.x + m.r + gap;
        const label: PlacedLabel = { x, y: baseline, anchor: 'start' };
        if (leaderNeeded) label.leader = [m.x, m.y, x - 1, m.y + dy];
        consider(label, { x0: x, y0: top, x1: x + w, y1: bottom }, displacement);
      }
      // left
      {
        const x = m.x - m.r - gap;
        const label: PlacedLabel = { x, y: baseline, anchor: 'end' };
        if (leaderNeeded) label.leader = [m.x, m.y, x + 1, m.y + dy];
        consider(label, { x0: x - w, y0: top, x1: x, y1: bottom }, displacement + 4);
      }
    }
    // above / below, centred
    {
      const baseline = m.y - m.r - gap - descent;
      consider({ x: m.x, y: baseline, anchor: 'middle' }, { x0: m.x - w / 2, y0: baseline - ascent, x1: m.x + w / 2, y1: baseline + descent }, 10);
    }
    {
      const baseline = m.y + m.r + gap + ascent;
      consider({ x: m.x, y: baseline, anchor: 'middle' }, { x0: m.x - w / 2, y0: baseline - ascent, x1: m.x + w / 2, y1: baseline + descent }, 12);
    }

    const chosen = best as unknown as { label: PlacedLabel; rect: Rect };
    placedRects.push(chosen.rect);
    result[i] = chosen.label;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function categoryColour(category: string | undefined): string {
  return (category !== undefined ? MAP_COLOURS.categories[category] : undefined) ?? MAP_COLOURS.otherCategory;
}

/** Renders an SVG string. Pure; never throws for empty input (renders the base map of Europe). */
export function renderPartnerMap(points: MapPoint[], options: MapOptions): string {
  const width = Number.isFinite(options.width) ? Math.max(200, Math.round(options.width as number)) : 640;
  const p = sanitizeId(options.idPrefix);
  const fontSize = 15;
  const markerRadius = 6.5;
  const homeHalf = 7;

  const validPoints = (points ?? []).filter((pt) => pt && isFiniteCoord(pt.latitude, pt.longitude));
  const home = options.home && isFiniteCoord(options.home.latitude, options.home.longitude) ? options.home : undefined;

  // Legend entries (only for what is actually on the map).
  const legendEntries: { kind: 'home' | 'partner'; colour: string; text: string }[] = [];
  if (home) legendEntries.push({ kind: 'home', colour: MAP_COLOURS.home, text: options.homeLegendLabel ?? home.label });
  const labels = { ...DEFAULT_CATEGORY_LABELS, ...options.categoryLabels };
  const present = new Set(validPoints.map((pt) => (pt.category && MAP_COLOURS.categories[pt.category] ? pt.category : '')));
  // Known categories in their canonical order, then "other" (every unknown category shares its colour).
  for (const key of [...Object.keys(MAP_COLOURS.categories), '']) {
    if (!present.has(key)) continue;
    const text = key ? (labels[key] ?? key) : (labels.other ?? 'Övriga');
    legendEntries.push({ kind: 'partner', colour: categoryColour(key || undefined), text });
  }
  // Lay the legend out in rows below the map.
  const legendFont = 13;
  const legendRowH = 22;
  const legendItems: { x: number; row: number; entry: (typeof legendEntries)[number] }[] = [];
  {
    let x = 12;
    let row = 0;
    for (const entry of legendEntries) {
      const w = 18 + textWidth(entry.text, legendFont) + 18;
      if (x + w > width - 8 && x > 12) {
        row++;
        x = 12;
      }
      legendItems.push({ x, row, entry });
      x += w;
    }
  }
  const legendHeight = legendItems.length ? (Math.max(...legendItems.map((i) => i.row)) + 1) * legendRowH + 10 : 0;

  // Projection fitted to the partners plus home.
  const locations: [number, number][] = validPoints.map((pt) => [pt.longitude, pt.latitude]);
  if (home) locations.push([home.longitude, home.latitude]);
  const box = viewBox(locations, validPoints.length);
  const projection = makeProjection(box);
  const outline = boxOutline(box);

  const pad = 20;
  let mapHeight: number;
  if (Number.isFinite(options.height)) {
    mapHeight = Math.max(150, Math.round(options.height as number) - legendHeight);
  } else {
    projection.fitSize([1000, 1000], outline);
    const b = geoPath(projection).bounds(outline);
    const aspect = (b[1][1] - b[0][1]) / Math.max(1e-6, b[1][0] - b[0][0]);
    const raw = (width - 2 * pad) * (Number.isFinite(aspect) ? aspect : 1) + 2 * pad;
    mapHeight = Math.round(Math.min(width * 1.1, Math.max(width * 0.6, raw)));
  }
  const height = mapHeight + legendHeight;
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, mapHeight - pad],
    ],
    outline,
  );

  // Base map, clipped to the visible region.
  const centerLon = (box[0] + box[2]) / 2;
  // Pick the coarsest simplification that stays below ~0.7 px at the centre of the map.
  const midLat = (box[1] + box[3]) / 2;
  const a = projection([centerLon, midLat]);
  const b = projection([centerLon, midLat + 1]);
  const pxPerDegree = a && b ? Math.hypot(a[0] - b[0], a[1] - b[1]) : 1;
  const level = SIMPLIFY_LEVELS.filter((t) => t * pxPerDegree <= 0.7).pop() ?? 0;
  const base = renderBaseMap(loadAtlas(level), projection, visibleGeoBox(projection, width, mapHeight, centerLon), width, mapHeight);

  // Markers in screen space.
  interface Placed {
    x: number;
    y: number;
    point?: MapPoint;
    href?: string;
  }
  const partners: Placed[] = [];
  for (const pt of validPoints) {
    const xy = projection([pt.longitude, pt.latitude]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    partners.push({ x: r1(xy[0]), y: r1(xy[1]), point: pt, href: safeHref(pt.href) });
  }
  let homeXY: [number, number] | undefined;
  if (home) {
    const xy = projection([home.longitude, home.latitude]);
    if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) homeXY = [r1(xy[0]), r1(xy[1])];
  }

  const markers: Marker[] = partners.map((m) => ({ x: m.x, y: m.y, r: markerRadius + 1, label: m.point?.label ?? '', bold: false }));
  if (homeXY && home) markers.push({ x: homeXY[0], y: homeXY[1], r: homeHalf + 1, label: home.label, bold: true });
  const placed = placeLabels(markers, fontSize, width, mapHeight);

  const hasLinks = partners.some((m) => m.href !== undefined);
  const out: string[] = [];
  // role="img" makes all children presentational, which would hide (and, per axe
  // "nested-interactive", break) focusable links; with links we expose a named group instead.
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="${hasLinks ? 'group' : 'img'}" aria-labelledby="${p}-title ${p}-desc"` +
      ` viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet"` +
      ` class="utblick-partner-map" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  out.push(`<title id="${p}-title">${escapeXml(options.title ?? '')}</title>`);
  out.push(`<desc id="${p}-desc">${escapeXml(options.description ?? '')}</desc>`);

  out.push(`<g class="base" aria-hidden="true">`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${mapHeight}" fill="${MAP_COLOURS.sea}"/>`);
  if (base.land) out.push(`<path d="${base.land}" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.coast}" stroke-width="0.6" stroke-linejoin="round"/>`);
  if (base.borders) out.push(`<path d="${base.borders}" fill="none" stroke="${MAP_COLOURS.border}" stroke-width="1.2" stroke-linejoin="round"/>`);
  out.push(`<rect x="0.5" y="0.5" width="${width - 1}" height="${mapHeight - 1}" fill="none" stroke="${MAP_COLOURS.coast}" stroke-width="1"/>`);
  out.push(`</g>`);

  // Leader lines for labels that had to move away from their marker.
  const leaders = placed.filter((l) => l?.leader);
  if (leaders.length) {
    out.push(`<g class="leaders" aria-hidden="true" stroke="${MAP_COLOURS.leader}" stroke-width="1" fill="none">`);
    for (const l of leaders) {
      const [x1, y1, x2, y2] = l.leader as [number, number, number, number];
      out.push(`<line x1="${f1(x1)}" y1="${f1(y1)}" x2="${f1(x2)}" y2="${f1(y2)}"/>`);
    }
    out.push(`</g>`);
  }

  out.push(`<g class="markers">`);
  partners.forEach((m) => {
    const pt = m.point as MapPoint;
    const colour = categoryColour(pt.category);
    const cat = pt.category ? ` data-category="${escapeXml(pt.category)}"` : '';
    const marker =
      `<g class="partner"${cat} data-id="${escapeXml(pt.id)}"><title>${escapeXml(pt.label)}</title>` +
      `<circle cx="${f1(m.x)}" cy="${f1(m.y)}" r="${markerRadius}" fill="${colour}" stroke="#ffffff" stroke-width="1.5"/></g>`;
    out.push(m.href !== undefined ? `<a href="${escapeXml(m.href)}" aria-label="${escapeXml(pt.label)}">${marker}</a>` : marker);
  });
  if (homeXY && home) {
    const [x, y] = homeXY;
    out.push(
      `<g class="home"><title>${escapeXml(home.label)}</title>` +
        `<rect x="${f1(x - homeHalf)}" y="${f1(y - homeHalf)}" width="${homeHalf * 2}" height="${homeHalf * 2}" fill="${MAP_COLOURS.home}" stroke="#ffffff" stroke-width="1.5"/></g>`,
    );
  }
  out.push(`</g>`);

  // Labels on top of all markers, with a white halo drawn under the glyphs (paint-order).
  out.push(
    `<g class="labels" aria-hidden="true" font-size="${fontSize}" fill="${MAP_COLOURS.text}" stroke="${MAP_COLOURS.halo}"` +
      ` stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">`,
  );
  markers.forEach((m, i) => {
    const l = placed[i];
    if (!l) return;
    const weight = m.bold ? ' font-weight="700"' : '';
    const anchor = l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`;
    const text = `<text x="${f1(l.x)}" y="${f1(l.y)}"${anchor}${weight}>${escapeXml(m.label)}</text>`;
    const href = i < partners.length ? partners[i]?.href : undefined;
    // Clickable label too, but not a second tab stop.
    out.push(href !== undefined ? `<a href="${escapeXml(href)}" tabindex="-1">${text}</a>` : text);
  });
  out.push(`</g>`);

  if (legendItems.length) {
    out.push(`<g class="legend" aria-hidden="true" font-size="${legendFont}" fill="${MAP_COLOURS.text}">`);
    for (const item of legendItems) {
      const cy = mapHeight + 5 + item.row * legendRowH + legendRowH / 2;
      const { entry } = item;
      out.push(
        entry.kind === 'home'
          ? `<rect x="${f1(item.x)}" y="${f1(cy - 6)}" width="12" height="12" fill="${entry.colour}"/>`
          : `<circle cx="${f1(item.x + 6)}" cy="${f1(cy)}" r="6" fill="${entry.colour}"/>`,
      );
      out.push(`<text x="${f1(item.x + 18)}" y="${f1(cy + legendFont * 0.35)}">${escapeXml(entry.text)}</text>`);
    }
    out.push(`</g>`);
  }

  out.push(`</svg>`);
  return out.join('\n');
}
