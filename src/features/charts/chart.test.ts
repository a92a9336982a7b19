import { describe, expect, it } from 'vitest';
import { type ChartSpec, chartCsv, chartRows, formatChartValue, renderChartSvg, svgToPng } from './chart.js';

const spec: ChartSpec = {
  id: 'funding',
  kind: 'stacked-bar',
  title: 'Externa medel per år <&>',
  categoryLabel: 'År',
  categories: ['2024', '2025', '2026'],
  series: [
    { name: 'EU-bidrag', values: [100_000_00, 2_500_000_50, null] },
    { name: 'Övriga; "bidrag"', values: [50_000_00, 0, 30_000_00] },
  ],
  valueFormat: 'money_minor',
  summary: 'Mest 2025.',
};

describe('renderChartSvg', () => {
  it('names the image by its title and summary, escaped, with no inline styles a CSP would block', () => {
    const svg = renderChartSvg(spec, 'sv');
    expect(svg.startsWith('<svg role="img" aria-labelledby="chart-funding-title chart-funding-desc" ')).toBe(true);
    expect(svg).toContain('<title id="chart-funding-title">Externa medel per år &lt;&amp;&gt;</title>');
    expect(svg).toContain('<desc id="chart-funding-desc">Mest 2025.</desc>');
    expect(svg).not.toMatch(/<style|\sstyle="/);
    expect(svg).not.toMatch(/\bzr\d+-/);
    // The same chart gives the same bytes (archived documents, caches).
    expect(renderChartSvg(spec, 'sv')).toBe(svg);
  });

  it('draws every kind', () => {
    for (const kind of ['bar', 'horizontal-bar', 'line', 'pie'] as const) {
      expect(renderChartSvg({ ...spec, id: kind, kind }, 'en')).toMatch(/^<svg role="img"[\s\S]*<\/svg>$/);
    }
  });
});

describe('the figures as table and CSV', () => {
  it('writes money in kronor the Swedish way', () => {
    expect(formatChartValue(spec, 2_500_000_50, 'sv').replace(/\s/g, ' ')).toBe('2 500 000,50 kr');
    expect(formatChartValue(spec, null, 'sv')).toBe('–');
    expect(formatChartValue({ valueFormat: 'percent' }, 12.345, 'sv')).toBe('12,3 %');
    const { header, rows } = chartRows(spec, 'sv');
    expect(header).toEqual(['År', 'EU-bidrag', 'Övriga; "bidrag"']);
    expect(rows[2]![1]).toBe('–');
  });

  it('gives CSV that Swedish Excel opens: BOM, semicolons, decimal comma, quoted cells', () => {
    expect(chartCsv(spec)).toBe('\uFEFFÅr;EU-bidrag (SEK);"Övriga; ""bidrag"" (SEK)"\r\n2024;100000,00;50000,00\r\n2025;2500000,50;0,00\r\n2026;;30000,00\r\n');
  });
});

describe('svgToPng', () => {
  it('gives a PNG', async () => {
    const png = await svgToPng(renderChartSvg(spec, 'sv'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
