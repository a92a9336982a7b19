import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../paths.js';
import { OFFICIAL_MUNICIPALITIES } from '../../../seed/data/official-municipalities.js';
import { findCandidates, readInterregRows } from './interreg.js';
import { type MunicipalityNames, mentionsMunicipality, municipalityMatcher, orgKey } from './org-names.js';

const all: MunicipalityNames[] = OFFICIAL_MUNICIPALITIES.map((m) => ({ name: m.name, shortName: m.short_name }));
const named = (short: string) => {
  const m = OFFICIAL_MUNICIPALITIES.find((x) => x.short_name === short);
  if (!m) throw new Error(short);
  return { self: { name: m.name, shortName: m.short_name }, others: all.filter((o) => o.shortName !== short) };
};
const matcher = (short: string) => {
  const { self, others } = named(short);
  return municipalityMatcher(self, others);
};

describe('organisation names', () => {
  it('compares names without case, punctuation, AB and extra spaces', () => {
    expect(orgKey('  Arvika   Kommunfastigheter AB ')).toBe('arvika kommunfastigheter');
    expect(orgKey('ARVIKA KOMMUNFASTIGHETER')).toBe('arvika kommunfastigheter');
    expect(orgKey('Arvika Näringslivscentrum Ek. för.')).toBe('arvika näringslivscentrum ek för');
    expect(orgKey('Malung - Sälens kommun')).toBe(orgKey('Malung-Sälens Kommun'));
    // Decomposed å (macOS) is the same letter; å is not a.
    expect(orgKey('Umea\u030a kommun')).toBe(orgKey('Umeå kommun'));
    expect(orgKey('Habo kommun')).not.toBe(orgKey('Håbo kommun'));
  });

  it('recognises a municipality however the lists write it', () => {
    for (const [short, names] of [
      ['Arvika', ['ARVIKA KOMMUN', 'Arvika Kommun', 'Arvika kommun', 'arvika  kommun.', 'Arvika kommuns kulturförvaltning']],
      ['Ale', ['Ale kommun', 'ALE KOMMUN', 'Ale Kommun, sektor utbildning']],
      ['Lysekil', ['Lysekil Kommun', 'Lysekils kommun']],
      ['Mark', ['Marks kommun, Arbetsmarknadsenheten, Arbetsmarknadscenter']],
      ['Höganäs', ['Höganäs Omsorg (Höganäs Kommun)']],
      ['Malmö', ['Malmö Kommun', 'Malmö stad', 'Malmö stads miljöförvaltning']],
      ['Göteborg', ['Göteborgs kommun', 'Göteborgs Stad']],
      ['Falun', ['Falu kommun', 'Faluns kommun']],
      ['Malung-Sälen', ['Malung-Sälens Kommun']],
      ['Gotland', ['Region Gotland', 'Gotlands kommun']],
      ['Umeå', ['Umeå kommun', 'UMEÅ KOMMUN']],
    ] as const) {
      const is = matcher(short);
      for (const n of names) expect(is(n), `${short}: ${n}`).toBe(true);
    }
  });

  it('gives no false positives', () => {
    const ale = matcher('Ale');
    for (const n of ['Malå kommun', 'Vale AB', 'Ale Fritid', 'Alingsås kommun', 'Kommunförbundet Ale', 'Ale Energi AB']) expect(ale(n), n).toBe(false);
    expect(matcher('Habo')('Håbo kommun')).toBe(false);
    expect(matcher('Håbo')('Habo kommun')).toBe(false);
    expect(matcher('Göteborg')('Göteborgsregionens Kommunalförbund')).toBe(false);
    for (const m of OFFICIAL_MUNICIPALITIES) expect(matcher(m.short_name)('Skånes Kommuner'), m.short_name).toBe(false);
    expect(matcher('Lysekil')('LEVA i Lysekil AB')).toBe(false);
    expect(matcher('Umeå')('Umeå universitet')).toBe(false);
    expect(mentionsMunicipality(named('Umeå').self)('Umeå universitet')).toBe(true);
    expect(mentionsMunicipality(named('Ale').self)('Malå kommun')).toBe(false);
  });

  it('never matches one of the 290 municipalities to another one’s name', () => {
    for (const a of OFFICIAL_MUNICIPALITIES) {
      const is = matcher(a.short_name);
      expect(is(a.name), a.name).toBe(true);
      for (const b of OFFICIAL_MUNICIPALITIES) {
        if (b.code === a.code) continue;
        expect(is(b.name), `${a.name} ≠ ${b.name}`).toBe(false);
        expect(is(`${b.short_name} kommun`), `${a.name} ≠ ${b.short_name} kommun`).toBe(false);
      }
    }
  });
});

const REFERENCE = path.resolve(PROJECT_ROOT, '../shared/data/reference/interreg-2021-2027-swedish-partners.json');
const haveReference = fs.existsSync(REFERENCE);
if (!haveReference) process.stderr.write(`The Interreg reference file is absent (${REFERENCE}): its tests are skipped.\n`);

describe.runIf(haveReference)('the real Interreg partner list', () => {
  const { rows, issues } = haveReference ? readInterregRows(fs.readFileSync(REFERENCE, 'utf8')) : { rows: [], issues: [] };

  it('reads every row', () => {
    expect(rows.length).toBe(1196);
    expect(issues).toEqual([]);
  });

  it('finds no partner name that two municipalities would both claim', () => {
    const claims = new Map<string, string[]>();
    for (const m of OFFICIAL_MUNICIPALITIES) {
      const is = matcher(m.short_name);
      for (const r of rows) {
        const n = r.organisationsnamn;
        if (n && is(n)) claims.set(n, [...new Set([...(claims.get(n) ?? []), m.short_name])]);
      }
    }
    expect([...claims].filter(([, ms]) => ms.length > 1)).toEqual([]);
    // Every name with "kommun" as a word that is not a federation is claimed by its municipality.
    const unclaimed = [...new Set(rows.map((r) => r.organisationsnamn ?? ''))].filter((n) => /\bkommun\b/i.test(n) && !claims.has(n));
    expect(unclaimed).toEqual(['Borghoms Kommun']);
  });

  it('offers Umeå kommun and its companies, and mentions of Umeå unchosen', () => {
    const { self, others } = named('Umeå');
    const candidates = findCandidates(rows, self, [{ id: 1, name_sv: 'UMEÅ ENERGI', name_en: null }], others);
    expect(candidates[0]).toMatchObject({ key: 'umeå kommun', match: 'municipality', projects: 10 });
    expect(candidates.find((c) => c.key === 'umeå energi')).toMatchObject({ match: 'organisation', organisationId: 1 });
    expect(candidates.find((c) => c.key === 'umeå universitet')).toMatchObject({ match: 'possible' });
    expect(candidates.some((c) => c.key.includes('malå'))).toBe(false);
  });
});
