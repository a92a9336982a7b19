/** Small helpers for reading HTML in tests without a DOM. */

/** Text of the first element matching a simple tag+attribute regex, tags stripped. */
export function textOf(html: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(html);
  return m?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

export function resultsHeading(html: string): string | undefined {
  return textOf(html, /<h2 id="results-heading"[^>]*>([\s\S]*?)<\/h2>/);
}

/** Titles of the projects in a result list. */
export function resultTitles(html: string): string[] {
  return [...html.matchAll(/<li><h3><a href="[^"]*\/projekt\/\d+(?:\?[^"]*)?">([^<]*)<\/a><\/h3>/g)].map((m) => decode(m[1] ?? ''));
}

export function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
