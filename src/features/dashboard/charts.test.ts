import { describe, expect, it } from 'vitest';
import { budgetChart, chartCsvOf, chartTable, countChart, fundingChart, inlineChartSvg, shortMoney, type YearAxis, youthChart } from './charts.js';
import type { FundingFigures } from './data.js';
import { C } from './messages.js';

/** Intl writes thousands with a (narrow) no-break space: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const axis: YearAxis = { years: [2024, 2025, 2026], label: String, phrase: '2024–2026' };
const funding: FundingFigures = {
  years: [
    { year: 2025, euMinor: 290_000_000, otherGrantsMinor: 50_000_000, ownCashMinor: 10_000_000, ownHours: 200 },
    { year: 2026, euMinor: 100_000_000, otherGrantsMinor: 0, ownCashMinor: 0, ownHours: 12.5 },
  ],
  sources: [],
  otherCurrencies: [{ currency: 'EUR', amountMinor: 500_000 }],
};

describe('shortMoney', () => {
  it('writes millions short and smaller sums in whole kronor', () => {
    expect(shortMoney('sv', 340_000_000)).toBe('3,4 mnkr');
    expect(shortMoney('en', 340_000_000)).toBe('SEK 3.4 million');
    expect(plain(shortMoney('sv', 50_000_060))).toBe('500 001 kr');
  });
});

describe('fundingChart', () => {
  it('stacks EU and other grants per year and says which year brought the most', () => {
    const c = fundingChart('f', axis, funding, 'sv');
    expect(c.spec.series).toEqual([{ name: 'EU-bidrag', values: [0, 290_000_000, 100_000_000] }, { name: 'Andra bidrag', values: [0, 50_000_000, 0] }]);
    expect(plain(c.spec.summary)).toBe('Mest externa medel kom 2025: 3,4 mnkr, varav 2,9 mnkr från EU. Totalt 2024–2026: 4,4 mnkr. Belopp i andra valutor ingår inte: 5 000 €.');
    expect(c.empty).toBe(false);
  });

  it('says so when there is nothing', () => {
    const c = fundingChart('f', axis, { years: [], sources: [], otherCurrencies: [] }, 'en');
    expect(c.empty).toBe(true);
    expect(c.spec.summary).toBe('No external funding (EU or other grants) is recorded for projects that started 2024–2026.');
  });
});

describe('tables and CSV carry the drawn series and the extra columns', () => {
  it('youth share with the counts behind it', () => {
    const c = youthChart('y', axis, [{ year: 2025, youth: 10, total: 40, projects: 1 }, { year: 2026, youth: 15, total: 20, projects: 2 }], 'sv');
    expect(chartTable(c, 'sv')).toEqual({
      header: ['År', 'Andel unga', 'Unga deltagare', 'Deltagare', 'Projekt med uppgift'],
      rows: [
        ['2024', '–', '–', '–', '–'],
        ['2025', '25 %', '10', '40', '1'],
        ['2026', '75 %', '15', '20', '2'],
      ],
    });
    expect(chartCsvOf(c)).toBe('\uFEFFÅr;Andel unga;Unga deltagare;Deltagare;Projekt med uppgift\r\n2024;;;;\r\n2025;25;10;40;1\r\n2026;75;15;20;2\r\n');
    expect(c.spec.summary).toBe('Av 60 deltagare i projekt som startade 2024–2026 var 25 unga, 41,7 %. Räknat över 3 projekt som har registrerat båda siffrorna. Högst andel hade 2026: 75 %.');
  });

  it('the budget: allocated and used drawn, what remains in the table; none registered', () => {
    const c = budgetChart('b', { year: 2026, categories: [{ category: 'twinning', allocatedMinor: 25_000_000, usedMinor: 12_000_000, remainingMinor: 13_000_000, used: [] }, { category: 'preparation', allocatedMinor: null, usedMinor: 0, remainingMinor: null, used: [] }] }, 'sv');
    expect(chartCsvOf(c)).toBe('\uFEFFÄndamål;Avsatt (SEK);Använt (SEK);Kvar (SEK)\r\nVänortsarbete;250000,00;120000,00;130000,00\r\nFörberedelse av projekt;;0,00;\r\n');
    expect(plain(c.spec.summary)).toBe('2026 är 120 000 kr av 250 000 kr använt, 48 %. Kvar: 130 000 kr.');
    expect(budgetChart('b', { year: 2026, categories: [] }, 'sv').spec.summary).toBe('Ingen budget är registrerad för 2026.');
  });

  it('counts: most first, at most `top`, none left out silently above zero', () => {
    const counts = Array.from({ length: 14 }, (_, i) => ({ key: `k${i}`, label_sv: `Tema ${i}`, label_en: `Theme ${i}`, projects: 14 - i }));
    const c = countChart('t', counts, 20, { title: C.themeTitle, category: C.theme, none: C.themeNone, top: C.themeTop }, axis, 'en', { top: 10 });
    expect(c.spec.categories).toHaveLength(10);
    expect(c.spec.summary).toBe('Most projects that started 2024–2026 had the theme Theme 0: 14 of 20. A project can have several themes.');
  });
});

describe('inlineChartSvg', () => {
  it('has no inline styles for the CSP, presentation attributes instead, and each attribute once', () => {
    const svg = inlineChartSvg(fundingChart('f', axis, funding, 'sv').spec, 'sv');
    expect(svg).toMatch(/^<svg role="img"/);
    expect(svg).not.toMatch(/\sstyle="/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('ecmeta_');
    expect(svg).toContain('font-size="13px"');
    for (const tag of svg.match(/<[a-z]+\s[^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/\s([a-zA-Z:-]+)="/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }
  });
});

describe('inlineChartSvg with hostile names', () => {
  it('escapes names typed by people (sources, partnerships) so nothing becomes markup', () => {
    const hostile = '<script>alert(1)</script>"&\'<img src=x onerror=alert(2)>';
    const c = countChart('h', [{ key: 'x', label_sv: hostile, label_en: hostile, projects: 2 }], 2, { title: C.themeTitle, category: C.theme, none: C.themeNone, top: C.themeTop }, axis, 'sv', { top: 10 });
    const svg = inlineChartSvg(c.spec, 'sv');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    // Every tag is one of the chart's own SVG elements; the name is only ever text.
    expect([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]).filter((tag) => !['svg', 'title', 'desc', 'rect', 'path', 'text', 'g', 'defs', 'clipPath', 'tspan'].includes(tag!))).toEqual([]);
    expect(svg).toContain('&lt;script&gt;');
  });
});
