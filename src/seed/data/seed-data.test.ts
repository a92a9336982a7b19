/**
 * Checks the declarative seed data against itself, the reference lists and the seed documents.
 * The seed documents are read from `../shared/seeds/` (relative to the repository root, i.e. the
 * working directory vitest runs in).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNDING_PROGRAMMES, TARGET_GROUPS, THEMES } from '../reference.js';
import type { SeedMunicipality } from '../types.js';
import { ale } from './ale.js';
import { arvika } from './arvika.js';
import { OFFICIAL_MUNICIPALITIES } from './official-municipalities.js';

const SHARED_DIR = path.resolve(process.cwd(), '../shared');
const SEEDS_DIR = path.join(SHARED_DIR, 'seeds');

const MUNICIPALITIES: SeedMunicipality[] = [arvika, ale];
const THEME_CODES = new Set<string>(THEMES.map((t) => t.code));
const TARGET_GROUP_CODES = new Set<string>(TARGET_GROUPS.map((t) => t.code));
const PROGRAMME_CODES = new Set<string>(FUNDING_PROGRAMMES.map((p) => p.code));

const lineCache = new Map<string, string[]>();
function seedLines(file: string): string[] {
  const cached = lineCache.get(file);
  if (cached) return cached;
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(
      `Seed documents not found: expected the folder ${SEEDS_DIR} (../shared/seeds relative to the repository root). ` +
        'Run the tests from the repository root with the shared folder checked out beside it.',
    );
  }
  const full = path.join(SEEDS_DIR, file);
  if (!existsSync(full)) throw new Error(`Seed document not found: ${full}`);
  const lines = readFileSync(full, 'utf8').split(/\r?\n/);
  lineCache.set(file, lines);
  return lines;
}

/** Parses `seeds/<file>:<line>` or `seeds/<file>:<from>-<to>`; returns the cited lines. */
function citedLines(source: string): string[] {
  const m = /^seeds\/([\w.-]+\.txt):(\d+)(?:-(\d+))?$/.exec(source);
  if (!m) throw new Error(`malformed source "${source}"`);
  const [, file, fromText, toText] = m;
  const from = Number(fromText);
  const to = toText === undefined ? from : Number(toText);
  const lines = seedLines(file as string);
  if (!(from >= 1 && from <= to && to <= lines.length)) {
    throw new Error(`source "${source}" points outside ${file} (1..${lines.length})`);
  }
  const cited = lines.slice(from - 1, to);
  if (cited.every((l) => l.trim() === '')) throw new Error(`source "${source}" cites only empty lines`);
  return cited;
}

/** Every `source` in a municipality's seed, with a label saying where it is. */
function allSources(m: SeedMunicipality): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [{ where: `${m.slug}`, source: m.source }];
  if (m.strategy) out.push({ where: `${m.slug}/strategy`, source: m.strategy.source });
  for (const o of m.organisations) out.push({ where: `${m.slug}/organisation ${o.key}`, source: o.source });
  for (const p of m.partnerships) {
    out.push({ where: `${m.slug}/partnership ${p.key}`, source: p.source });
    for (const [i, e] of p.events.entries()) {
      out.push({ where: `${m.slug}/partnership ${p.key}/event ${i}`, source: e.source });
    }
  }
  for (const p of m.projects) {
    out.push({ where: `${m.slug}/project ${p.key}`, source: p.source });
    for (const [i, f] of p.funding.entries()) {
      out.push({ where: `${m.slug}/project ${p.key}/funding ${i}`, source: f.source });
    }
    for (const [i, r] of p.results.entries()) {
      out.push({ where: `${m.slug}/project ${p.key}/result ${i}`, source: r.source });
    }
  }
  return out;
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function orgsByKey(m: SeedMunicipality) {
  return new Map(m.organisations.map((o) => [o.key, o]));
}

describe('official municipalities', () => {
  it('has 290 rows with unique zero-padded 4-digit codes', () => {
    expect(OFFICIAL_MUNICIPALITIES).toHaveLength(290);
    const codes = OFFICIAL_MUNICIPALITIES.map((m) => m.code);
    for (const c of codes) expect(c).toMatch(/^\d{4}$/);
    expect(new Set(codes).size).toBe(290);
  });

  it('has consistent county codes and non-empty names', () => {
    for (const m of OFFICIAL_MUNICIPALITIES) {
      expect(m.county_code, m.code).toMatch(/^\d{2}$/);
      expect(m.code.slice(0, 2), m.code).toBe(m.county_code);
      expect(m.name.length, m.code).toBeGreaterThan(0);
      expect(m.short_name.length, m.code).toBeGreaterThan(0);
      expect(m.county_name, m.code).toMatch(/ län$/);
    }
  });

  it('has the corrected long names', () => {
    const byCode = new Map(OFFICIAL_MUNICIPALITIES.map((m) => [m.code, m]));
    expect(byCode.get('0880')?.name).toBe('Kalmar kommun');
    expect(byCode.get('0980')?.name).toBe('Region Gotland');
    expect(byCode.get('2514')?.name).toBe('Kalix kommun');
    expect(byCode.get('2183')?.name).toBe('Bollnäs kommun');
    expect(byCode.get('0180')?.name).toBe('Stockholms stad');
    for (const m of OFFICIAL_MUNICIPALITIES) expect(m.name, m.code).not.toMatch(/[sx]s kommun$/);
  });

  it('contains Arvika 1784 and Ale 1440', () => {
    const byCode = new Map(OFFICIAL_MUNICIPALITIES.map((m) => [m.code, m]));
    expect(byCode.get('1784')).toMatchObject({ name: 'Arvika kommun', short_name: 'Arvika', county_code: '17', county_name: 'Värmlands län' });
    expect(byCode.get('1440')).toMatchObject({ name: 'Ale kommun', short_name: 'Ale', county_code: '14', county_name: 'Västra Götalands län' });
  });

  it('agrees with the seeded municipalities', () => {
    for (const m of MUNICIPALITIES) {
      const official = OFFICIAL_MUNICIPALITIES.find((o) => o.code === m.code);
      expect(official, m.slug).toBeDefined();
      expect(official?.name).toBe(m.name_sv);
      expect(official?.county_code).toBe(m.county_code);
      expect(official?.county_name).toBe(m.county_name);
    }
  });
});

describe.each(MUNICIPALITIES.map((m) => [m.slug, m] as const))('seed %s', (_slug, m) => {
  it('has unique keys per kind of record', () => {
    for (const list of [m.organisations, m.partnerships, m.projects]) {
      const keys = list.map((r) => r.key);
      expect(new Set(keys).size, keys.join(',')).toBe(keys.length);
    }
  });

  it('references only keys that exist', () => {
    const orgs = orgsByKey(m);
    const partnershipKeys = new Set(m.partnerships.map((p) => p.key));
    for (const o of m.organisations) {
      if (o.parent !== undefined) expect(orgs.has(o.parent), `${o.key}.parent ${o.parent}`).toBe(true);
    }
    for (const p of m.partnerships) {
      expect(p.partners.length, `${p.key} has partners`).toBeGreaterThan(0);
      for (const k of p.partners) {
        expect(orgs.has(k), `${p.key}.partners ${k}`).toBe(true);
        expect(orgs.get(k)?.is_internal, `${p.key}.partners ${k} is external`).toBe(false);
      }
    }
    for (const p of m.projects) {
      if (p.owner_unit !== undefined) {
        expect(orgs.has(p.owner_unit), `${p.key}.owner_unit ${p.owner_unit}`).toBe(true);
        expect(orgs.get(p.owner_unit)?.is_internal, `${p.key}.owner_unit is internal`).toBe(true);
      }
      for (const partner of p.partners) expect(orgs.has(partner.org), `${p.key}.partners ${partner.org}`).toBe(true);
      for (const k of p.partnerships ?? []) expect(partnershipKeys.has(k), `${p.key}.partnerships ${k}`).toBe(true);
    }
  });

  it('uses only theme, target group and programme codes from reference.ts', () => {
    for (const p of m.partnerships) {
      for (const t of p.cooperation_areas) expect(THEME_CODES.has(t), `${p.key} area ${t}`).toBe(true);
    }
    for (const p of m.projects) {
      for (const t of p.themes) expect(THEME_CODES.has(t), `${p.key} theme ${t}`).toBe(true);
      for (const t of p.target_groups) expect(TARGET_GROUP_CODES.has(t), `${p.key} target group ${t}`).toBe(true);
      if (p.programme !== undefined) expect(PROGRAMME_CODES.has(p.programme), `${p.key} programme`).toBe(true);
      for (const f of p.funding) {
        if (f.programme !== undefined) expect(PROGRAMME_CODES.has(f.programme), `${p.key} funding programme`).toBe(true);
      }
    }
  });

  it('cites an existing, non-empty line of a seed document in every source', () => {
    for (const { where, source } of allSources(m)) {
      expect(() => citedLines(source), where).not.toThrow();
    }
  });

  it('names each external organisation as the cited lines write it', () => {
    for (const o of m.organisations.filter((x) => !x.is_internal)) {
      const text = citedLines(o.source).join('\n').toLowerCase();
      const names = [o.name_sv, o.short_name].filter((n): n is string => n !== undefined);
      const found = names.some((n) => text.includes(n.toLowerCase()));
      expect(found, `${o.key}: none of ${names.join(' / ')} in ${o.source}`).toBe(true);
    }
  });

  it('has valid ISO dates with date_from <= date_to', () => {
    for (const p of m.partnerships) {
      for (const e of p.events) {
        expect(isIsoDate(e.date_from), `${p.key} ${e.date_from}`).toBe(true);
        expect(isIsoDate(e.date_to), `${p.key} ${e.date_to}`).toBe(true);
        expect(e.date_from <= e.date_to, `${p.key} ${e.date_from}..${e.date_to}`).toBe(true);
        if (e.date_precision === 'day') expect(e.date_from).toBe(e.date_to);
      }
    }
    for (const p of m.projects) {
      if (p.start_date !== undefined) expect(isIsoDate(p.start_date), `${p.key} start`).toBe(true);
      if (p.end_date !== undefined) expect(isIsoDate(p.end_date), `${p.key} end`).toBe(true);
      if (p.start_date !== undefined && p.end_date !== undefined) expect(p.start_date <= p.end_date).toBe(true);
      if (p.year !== undefined) expect(Number.isInteger(p.year) && p.year >= 1900 && p.year <= 2100, `${p.key} year`).toBe(true);
    }
  });

  it('has well-formed countries, coordinates and money', () => {
    for (const o of m.organisations) {
      if (o.country !== undefined) expect(o.country, o.key).toMatch(/^[A-Z]{2}$/);
      if (o.latitude !== undefined) expect(Math.abs(o.latitude), o.key).toBeLessThanOrEqual(90);
      if (o.longitude !== undefined) expect(Math.abs(o.longitude), o.key).toBeLessThanOrEqual(180);
      if (o.population !== undefined) expect(o.population_year, `${o.key} population_year`).toBeDefined();
      if (o.website !== undefined) expect(o.website, o.key).toMatch(/^https:\/\//);
    }
    for (const p of m.projects) {
      for (const c of p.countries) expect(c, p.key).toMatch(/^[A-Z]{2}$/);
      for (const f of p.funding) {
        expect(f.currency, p.key).toMatch(/^[A-Z]{3}$/);
        if (f.amount_minor !== undefined) expect(Number.isSafeInteger(f.amount_minor) && f.amount_minor >= 0, p.key).toBe(true);
      }
    }
  });
});

describe('twin towns', () => {
  it('Arvika has one multilateral twinning partnership with Finland, Denmark and Norway', () => {
    const orgs = orgsByKey(arvika);
    const twinnings = arvika.partnerships.filter((p) => p.kind === 'twinning');
    expect(twinnings).toHaveLength(1);
    const [twinning] = twinnings;
    expect(twinning?.partners).toHaveLength(3);
    const countries = (twinning?.partners ?? []).map((k) => orgs.get(k)?.country).sort();
    expect(countries).toEqual(['DK', 'FI', 'NO']);
    expect(twinning?.events.some((e) => e.date_from === '1940-01-01' && e.date_to === '1959-12-31')).toBe(true);
  });

  it('Ale has three twinning partnerships: Ruukki, Kaufungen and Bertinoro', () => {
    const orgs = orgsByKey(ale);
    const twinnings = ale.partnerships.filter((p) => p.kind === 'twinning');
    expect(twinnings).toHaveLength(3);
    const partners = twinnings.map((p) => p.partners.map((k) => `${orgs.get(k)?.name_sv} ${orgs.get(k)?.country}`));
    expect(partners).toEqual([['Ruukki FI'], ['Kaufungen DE'], ['Bertinoro IT']]);
    const kaufungen = twinnings.find((p) => p.key === 'kaufungen');
    expect(kaufungen?.events.find((e) => e.kind === 'agreement_signed')).toMatchObject({
      date_from: '1992-09-01',
      date_to: '1992-11-30',
      date_precision: 'season',
    });
  });
});

describe('the embedded strategy texts', () => {
  it('equal the seed documents, character for character', async () => {
    const { ALE_STRATEGY_TEXT, ARVIKA_STRATEGY_TEXT } = await import('./strategy-texts.js');
    seedLines('000_af5e98bccb955d3a.txt');
    expect(ARVIKA_STRATEGY_TEXT).toBe(readFileSync(path.join(SEEDS_DIR, '000_af5e98bccb955d3a.txt'), 'utf8'));
    expect(ALE_STRATEGY_TEXT).toBe(readFileSync(path.join(SEEDS_DIR, '004_80a054d53fd2fabb.txt'), 'utf8'));
  });
});
