import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_LABELS, escapeXml, MAP_COLOURS, type MapPoint, renderPartnerMap } from './map.js';

const options = { title: 'Partners', description: 'Map of partners', idPrefix: 't' };

/** Counts opening (non-self-closing) and closing tags per element name. */
function tagBalance(svg: string, name: string): { open: number; close: number } {
  const open = svg.match(new RegExp(`<${name}(\\s[^>]*)?(?<!/)>`, 'g'))?.length ?? 0;
  const close = svg.match(new RegExp(`</${name}>`, 'g'))?.length ?? 0;
  return { open, close };
}

/** A tiny well-formedness check: every tag is closed in the right order and attribute values are quoted. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tagRe = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(svg); m; m = tagRe.exec(svg)) {
    // Text between tags must not contain raw markup characters.
    const between = svg.slice(last, m.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
    last = tagRe.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name as string);
  }
  expect(svg.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  for (const name of ['svg', 'g', 'a', 'text', 'title', 'desc']) {
    const { open, close } = tagBalance(svg, name);
    expect(close, `balanced <${name}>`).toBe(open);
  }
}

const nordic: MapPoint[] = [
  { id: '1', label: 'Ylöjärvi', latitude: 61.55, longitude: 23.6, category: 'twinning', href: '/partners/1' },
  { id: '2', label: 'Skive', latitude: 56.57, longitude: 9.03, category: 'network' },
  { id: '3', label: 'Kongsvinger', latitude: 60.19, longitude: 12.0, category: 'cooperation', href: 'https://example.org/k?a=1&b=2' },
  { id: '4', label: 'Kaufungen', latitude: 51.28, longitude: 9.62, category: 'twinning' },
  { id: '5', label: 'Bertinoro', latitude: 44.15, longitude: 12.13, category: 'development' },
];
const arvika = { label: 'Arvika', latitude: 59.65, longitude: 12.59 };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('renderPartnerMap', () => {
  it('renders the base map for empty input without throwing', () => {
    const svg = renderPartnerMap([], { title: 'Inga partner', description: 'Tom karta' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="partner-map-title partner-map-desc"');
    expect(svg).toContain('<title id="partner-map-title">Inga partner</title>');
    expect(svg).toContain('<desc id="partner-map-desc">Tom karta</desc>');
    expect(svg).toMatch(/viewBox="0 0 640 \d+"/);
    expect(svg).toContain('width="100%"');
    expect(svg).toContain('preserveAspectRatio="xMidYMid meet"');
    // Land is drawn and clipped to the view.
    const land = svg.match(/<path d="([^"]+)" fill="#/);
    expect(land?.[1]?.length ?? 0).toBeGreaterThan(1000);
    expect(svg).not.toContain('<circle');
    assertWellFormed(svg);
  });

  it('does not throw on garbage coordinates and skips them', () => {
    const svg = renderPartnerMap(
      [
        { id: 'x', label: 'Nowhere', latitude: Number.NaN, longitude: 10 },
        { id: 'y', label: 'Mars', latitude: 200, longitude: 10 },
      ],
      options,
    );
    expect(svg).not.toContain('Nowhere');
    expect(svg).not.toContain('Mars');
    assertWellFormed(svg);
  });

  it('renders one point with the home municipality on a Nordic view', () => {
    const svg = renderPartnerMap([nordic[1] as MapPoint], { ...options, home: arvika });
    expect(svg.match(/<circle /g)).toHaveLength(1 + 1); // marker + legend swatch
    expect(svg).toContain('<g class="home"><title>Arvika</title><rect');
    expect(svg).toContain('>Skive</text>');
    expect(svg).toContain(`fill="${MAP_COLOURS.home}"`);
    assertWellFormed(svg);
  });

  it('renders partners in FI, DK, NO, DE and IT with category colours and no coordinates with more than 1 decimal', () => {
    const svg = renderPartnerMap(nordic, { ...options, home: arvika });
    for (const p of nordic) expect(svg).toContain(`<title>${escapeXml(p.label)}</title>`);
    expect(svg.match(/<g class="partner"/g)).toHaveLength(5);
    expect(svg).toContain(`fill="${MAP_COLOURS.categories.twinning}"`);
    expect(svg).toContain(`fill="${MAP_COLOURS.categories.development}"`);
    expect(svg).toContain(`>${DEFAULT_CATEGORY_LABELS.twinning}</text>`);
    expect(svg).not.toMatch(/\d\.\d\d/);
    expect(svg).not.toContain('style=');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<style');
    // Every marker lies inside the viewBox.
    const [, , w, h] = (svg.match(/viewBox="([^"]+)"/)?.[1] ?? '').split(' ').map(Number) as number[];
    for (const m of svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThan(0);
      expect(Number(m[1])).toBeLessThan(w as number);
      expect(Number(m[2])).toBeGreaterThan(0);
      expect(Number(m[2])).toBeLessThan(h as number);
    }
    assertWellFormed(svg);
  });

  it('escapes labels, titles, descriptions and hrefs', () => {
    const evil = '<script>alert(1)</script>';
    const svg = renderPartnerMap(
      [
        { id: '"><x', label: evil, latitude: 60, longitude: 15, href: '/p?a=1&b="2"', category: '<b>' },
        { id: 'js', label: `Tom's & "Jerry"`, latitude: 55, longitude: 12, href: 'javascript:alert(1)' },
        { id: 'js2', label: 'Tab', latitude: 56, longitude: 12, href: 'java\tscript:alert(1)' },
      ],
      { title: evil, description: `a & b < c > d " e ' f`, home: { label: evil, latitude: 59, longitude: 13 }, idPrefix: 'x"y' },
    );
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('</script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('<desc id="x-y-desc">a &amp; b &lt; c &gt; d &quot; e &#39; f</desc>');
    expect(svg).toContain('Tom&#39;s &amp; &quot;Jerry&quot;');
    expect(svg).toContain('href="/p?a=1&amp;b=&quot;2&quot;"');
    expect(svg).toContain('data-id="&quot;&gt;&lt;x"');
    expect(svg).toContain('data-category="&lt;b&gt;"');
    // Unsafe URL schemes are dropped rather than escaped.
    expect(svg).not.toContain('javascript');
    expect(svg).not.toContain('java\tscript');
    assertWellFormed(svg);
  });

  it('drops characters that are not allowed in XML', () => {
    expect(escapeXml('a\u0000b\u0007c\uFFFEd')).toBe('abcd');
  });

  it('wraps markers that have href in <a> and keeps the others out of links', () => {
    const svg = renderPartnerMap(nordic, { ...options, home: arvika });
    const links = [...svg.matchAll(/<a href="([^"]*)" aria-label="([^"]*)">(<g class="partner"[\s\S]*?<\/g>)<\/a>/g)];
    expect(links.map((m) => m[1])).toEqual(['/partners/1', 'https://example.org/k?a=1&amp;b=2']);
    expect(links.map((m) => m[2])).toEqual(['Ylöjärvi', 'Kongsvinger']);
    expect(links[0]?.[3]).toContain('<title>Ylöjärvi</title>');
    expect(links[1]?.[3]).toContain('<title>Kongsvinger</title>');
    // Label links are clickable but not extra tab stops.
    expect(svg.match(/<a href="[^"]*" tabindex="-1">/g)).toHaveLength(2);
    expect(svg).toMatch(/<g class="partner" data-category="network" data-id="2"><title>Skive<\/title>/);
    expect(svg).not.toMatch(/<a [^>]*><g class="partner"[^>]*data-id="2"/);
    // With focusable links the root is a named group (role="img" would make them presentational).
    expect(svg).toContain('role="group"');
    assertWellFormed(svg);
  });

  it('keeps label boxes apart for nearby partners', () => {
    const svg = renderPartnerMap(
      [
        { id: 'a', label: 'Kongsvinger', latitude: 60.19, longitude: 12.0 },
        { id: 'b', label: 'Eda', latitude: 59.9, longitude: 12.3 },
        { id: 'c', label: 'Charlottenberg', latitude: 59.88, longitude: 12.29 },
      ],
      { ...options, home: arvika },
    );
    const labelGroup = svg.slice(svg.indexOf('<g class="labels"'), svg.indexOf('<g class="legend"'));
    // Labels at the same side end up on distinct baselines at least ~1 line apart (or on different sides).
    const texts = [...labelGroup.matchAll(/<text x="([\d.]+)" y="([\d.]+)"( text-anchor="(\w+)")?[^>]*>([^<]+)</g)].filter((m) =>
      ['Kongsvinger', 'Eda', 'Charlottenberg', 'Arvika'].includes(m[5] as string),
    );
    expect(texts).toHaveLength(4);
    // Approximate label boxes (15 px font, ~0.55 em per character) must not overlap.
    const boxes = texts.map((m) => {
      const w = (m[5] as string).length * 15 * 0.55;
      const x = Number(m[1]);
      const y = Number(m[2]);
      const anchor = m[4] ?? 'start';
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      return { x0, x1: x0 + w, y0: y - 11, y1: y + 3.5 };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        const overlap = Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
        expect(overlap, `${texts[i]?.[5]} / ${texts[j]?.[5]}`).toBe(false);
      }
    }
    assertWellFormed(svg);
  });

  it('uses colours with WCAG 2.1 AA contrast', () => {
    for (const bg of [MAP_COLOURS.sea, MAP_COLOURS.land, '#ffffff']) {
      for (const c of [...Object.values(MAP_COLOURS.categories), MAP_COLOURS.otherCategory, MAP_COLOURS.home]) {
        expect(contrast(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
      expect(contrast(MAP_COLOURS.text, bg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(MAP_COLOURS.text, MAP_COLOURS.halo)).toBeGreaterThanOrEqual(4.5);
  });

  it('renders the example maps (and writes them when MAP_SVG_DIR is set)', () => {
    const arvikaSvg = renderPartnerMap(
      [
        { id: 'y', label: 'Ylöjärvi', latitude: 61.55, longitude: 23.6, category: 'twinning', href: '/partners/y' },
        { id: 's', label: 'Skive', latitude: 56.57, longitude: 9.03, category: 'twinning', href: '/partners/s' },
        { id: 'k', label: 'Kongsvinger', latitude: 60.19, longitude: 12.0, category: 'cooperation', href: '/partners/k' },
      ],
      { title: 'Arvikas vänorter', description: 'Karta över Arvika och dess partner i Finland, Danmark och Norge.', home: arvika, idPrefix: 'arvika' },
    );
    const aleSvg = renderPartnerMap(
      [
        { id: 'r', label: 'Ruukki', latitude: 64.67, longitude: 25.1, category: 'twinning' },
        { id: 'k', label: 'Kaufungen', latitude: 51.28, longitude: 9.62, category: 'twinning' },
        { id: 'b', label: 'Bertinoro', latitude: 44.15, longitude: 12.13, category: 'network' },
      ],
      { title: 'Ales vänorter', description: 'Karta över Ale och dess partner i Finland, Tyskland och Italien.', home: { label: 'Ale', latitude: 57.93, longitude: 12.05 }, idPrefix: 'ale' },
    );
    assertWellFormed(arvikaSvg);
    assertWellFormed(aleSvg);
    const dir = process.env.MAP_SVG_DIR;
    if (dir) {
      writeFileSync(join(dir, 'map.svg'), arvikaSvg);
      writeFileSync(join(dir, 'map-ale.svg'), aleSvg);
    }
    console.log(`example sizes: Arvika ${arvikaSvg.length} bytes, Ale ${aleSvg.length} bytes`);
  });

  it('renders 50 maps in reasonable time', () => {
    renderPartnerMap(nordic, options); // warm-up: loads the atlas
    const start = performance.now();
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      bytes += renderPartnerMap(nordic.slice(0, 1 + (i % nordic.length)), { ...options, home: arvika }).length;
    }
    const ms = performance.now() - start;
    console.log(`50 maps: ${ms.toFixed(0)} ms (${(ms / 50).toFixed(1)} ms/map, avg ${(bytes / 50 / 1024).toFixed(0)} KiB)`);
    expect(bytes).toBeGreaterThan(0);
  });
});
