import { describe, expect, it } from 'vitest';
import {
  accessibilityStatement,
  DEFAULT_FACTS,
  DIGG_REPORT_URL,
  type Statement,
  type StatementFacts,
  type StatementSection,
} from './statement.js';

const LANGS = ['sv', 'en'] as const;

/** All text of a section (heading, paragraphs, list items, link texts). */
function sectionText(s: StatementSection): string {
  return [s.heading, ...s.paragraphs, ...(s.list ?? []), ...(s.links ?? []).map((l) => l.text)].join('\n');
}

function allText(st: Statement): string {
  return [st.title, st.lead, ...st.sections.map(sectionText)].join('\n');
}

function section(st: Statement, heading: string): StatementSection {
  const found = st.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`missing section "${heading}"`);
  return found;
}

const withIssues: StatementFacts = {
  ...DEFAULT_FACTS,
  knownIssues: [
    {
      sv: 'Diagrammet över projektens budget saknar textalternativ. Det beror på att diagrammet skapas av ett externt verktyg.',
      en: 'The chart of project budgets has no text alternative, because it is made by an external tool.',
    },
    {
      sv: 'Filtren i projektdatabasen meddelar inte skärmläsare när resultatet har uppdaterats.',
      en: 'The filters in the project database do not tell screen readers when the results have been updated.',
    },
  ],
};

describe('accessibilityStatement', () => {
  it('has the same structure in Swedish and English', () => {
    for (const facts of [DEFAULT_FACTS, withIssues]) {
      const sv = accessibilityStatement('sv', facts);
      const en = accessibilityStatement('en', facts);
      expect(sv.sections.length).toBe(en.sections.length);
      expect(sv.sections.length).toBeGreaterThanOrEqual(8);
      sv.sections.forEach((s, i) => {
        const e = en.sections[i];
        expect(e).toBeDefined();
        expect(s.paragraphs.length).toBe(e?.paragraphs.length);
        expect(s.list?.length).toBe(e?.list?.length);
        expect(s.links?.map((l) => l.href)).toEqual(e?.links?.map((l) => l.href));
      });
    }
  });

  it('follows the headings of Digg\'s model statement in Swedish', () => {
    const headings = accessibilityStatement('sv', DEFAULT_FACTS).sections.map((s) => s.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Hur tillgänglig är webbplatsen?',
        'Vad kan du göra om du inte kan använda delar av webbplatsen?',
        'Rapportera brister i webbplatsens tillgänglighet',
        'Tillsyn',
        'Teknisk information om webbplatsens tillgänglighet',
        'Innehåll som inte är tillgängligt',
        'Oskäligt betungande anpassning',
        'Innehåll som inte omfattas av lagkraven',
        'Hur vi testat webbplatsen',
      ]),
    );
  });

  it('names the website and the organisation responsible', () => {
    const facts = { ...DEFAULT_FACTS, installationName: 'Internationellt i Exempelstad', organisationName: 'Exempelstads kommun' };
    const sv = accessibilityStatement('sv', facts);
    const en = accessibilityStatement('en', facts);
    expect(sv.title).toBe('Tillgänglighetsredogörelse för Internationellt i Exempelstad');
    expect(sv.lead).toContain('Exempelstads kommun står bakom webbplatsen Internationellt i Exempelstad.');
    expect(sv.lead).toContain('lagen (2018:1937) om tillgänglighet till digital offentlig service');
    expect(en.title).toBe('Accessibility statement for Internationellt i Exempelstad');
    expect(en.lead).toContain('run by Exempelstads kommun');

    const def = accessibilityStatement('sv', DEFAULT_FACTS);
    expect(def.lead).toMatch(/^Utblick står bakom den här webbplatsen\./);
  });

  it('is fully compliant, at WCAG 2.1 AA, when there are no known issues', () => {
    const sv = accessibilityStatement('sv', DEFAULT_FACTS);
    const tech = sectionText(section(sv, 'Teknisk information om webbplatsens tillgänglighet'));
    expect(tech).toContain('Den här webbplatsen är helt förenlig med lagen (2018:1937)');
    expect(tech).toContain('EN 301 549');
    expect(tech).toContain('WCAG 2.1');
    expect(tech).toContain('nivå AA');
    expect(allText(sv)).not.toContain('delvis förenlig');
    expect(section(sv, 'Innehåll som inte är tillgängligt').list).toBeUndefined();

    const en = accessibilityStatement('en', DEFAULT_FACTS);
    const techEn = sectionText(section(en, "Technical information about this website's accessibility"));
    expect(techEn).toContain('This website is fully compliant with');
    expect(techEn).toContain('level AA');
    expect(techEn).toContain('WCAG) 2.1');
    expect(allText(en)).not.toContain('partially compliant');
  });

  it('switches to partially compliant and lists the issues when there are known issues', () => {
    const sv = accessibilityStatement('sv', withIssues);
    expect(sectionText(section(sv, 'Teknisk information om webbplatsens tillgänglighet'))).toContain(
      'Den här webbplatsen är delvis förenlig med',
    );
    expect(allText(sv)).not.toContain('helt förenlig');
    expect(section(sv, 'Innehåll som inte är tillgängligt').list).toEqual(withIssues.knownIssues.map((i) => i.sv));
    expect(sectionText(section(sv, 'Hur tillgänglig är webbplatsen?'))).toContain('2 brister');

    const en = accessibilityStatement('en', withIssues);
    expect(allText(en)).toContain('This website is partially compliant with');
    expect(allText(en)).not.toContain('fully compliant');
    expect(section(en, 'Non-accessible content').list).toEqual(withIssues.knownIssues.map((i) => i.en));

    const one = accessibilityStatement('sv', { ...withIssues, knownIssues: withIssues.knownIssues.slice(0, 1) });
    expect(sectionText(section(one, 'Hur tillgänglig är webbplatsen?'))).toContain('en brist');
  });

  it('tells people how to report problems and ask for content in another form', () => {
    for (const lang of LANGS) {
      const st = accessibilityStatement(lang, { ...DEFAULT_FACTS, contactPhone: '08-123 45 67', responseDays: 3 });
      const withContact = st.sections.filter((s) => s.links?.some((l) => l.href === 'mailto:tillganglighet@utblick.example'));
      expect(withContact.length).toBe(2);
      for (const s of withContact) {
        expect(s.links?.some((l) => l.href === 'tel:081234567' && l.text.includes('08-123 45 67'))).toBe(true);
        expect(sectionText(s)).toContain(lang === 'sv' ? 'inom 3 arbetsdagar' : 'within 3 working days');
        expect(sectionText(s)).toContain('tillganglighet@utblick.example');
        if (s === withContact[0]) expect(sectionText(s)).toContain(lang === 'sv' ? 'uppläst i telefon' : 'over the phone');
      }
    }
    const sv = accessibilityStatement('sv', DEFAULT_FACTS);
    expect(sectionText(section(sv, 'Rapportera brister i webbplatsens tillgänglighet'))).toContain('Om du upplever problem');
    expect(sectionText(section(sv, 'Rapportera brister i webbplatsens tillgänglighet'))).toContain('inom 5 arbetsdagar');
    // No phone given: no tel: link and no promise to read things over the phone.
    expect(allText(sv)).not.toContain('uppläst i telefon');
    expect(sv.sections.flatMap((s) => s.links ?? []).some((l) => l.href.startsWith('tel:'))).toBe(false);
    const oneDay = accessibilityStatement('sv', { ...DEFAULT_FACTS, responseDays: 1 });
    expect(allText(oneDay)).toContain('inom 1 arbetsdag.');
  });

  it("describes Digg's supervision and links to Digg's report form", () => {
    const sv = section(accessibilityStatement('sv', DEFAULT_FACTS), 'Tillsyn');
    expect(sectionText(sv)).toContain('Myndigheten för digital förvaltning (Digg)');
    expect(sv.links).toEqual([{ href: DIGG_REPORT_URL, text: 'Anmäl bristande tillgänglighet på Diggs webbplats' }]);
    expect(DIGG_REPORT_URL).toBe('https://www.digg.se/tdosanmalan');

    const en = section(accessibilityStatement('en', DEFAULT_FACTS), 'Enforcement procedure');
    expect(sectionText(en)).toContain('Agency for Digital Government (Digg)');
    expect(en.links?.[0]?.href).toBe(DIGG_REPORT_URL);
  });

  it('states the testing method, the assessment date and when the statement was prepared and updated', () => {
    const facts = { ...DEFAULT_FACTS, testedOn: '2026-10-05', publishedOn: '2026-03-01', updatedOn: '2026-11-21' };
    const sv = sectionText(section(accessibilityStatement('sv', facts), 'Hur vi testat webbplatsen'));
    expect(sv).toContain('självskattning');
    expect(sv).toContain('axe');
    expect(sv).toContain('Chromium');
    expect(sv).toContain('320');
    expect(sv).toContain('1280');
    expect(sv).toContain('tangentbord');
    expect(sv).toContain('Senaste bedömningen gjordes den 5 oktober 2026.');
    expect(sv).toContain('upprättades den 1 mars 2026');
    expect(sv).toContain('uppdaterades senast den 21 november 2026');

    const en = sectionText(section(accessibilityStatement('en', facts), 'How we tested this website'));
    expect(en).toContain('self-assessment');
    expect(en).toContain('axe');
    expect(en).toContain('Chromium');
    expect(en).toMatch(/320 and 1280 pixels/);
    expect(en).toContain('keyboard only');
    expect(en).toContain('The most recent assessment was made on 5 October 2026.');
    expect(en).toContain('prepared on 1 March 2026 and last updated on 21 November 2026');
  });

  it('explains the text alternative to the partner map instead of listing it as a failure', () => {
    const sv = accessibilityStatement('sv', DEFAULT_FACTS);
    const how = sectionText(section(sv, 'Så har vi gjort webbplatsen tillgänglig'));
    expect(how).toContain('Kartan');
    expect(how).toContain('listan direkt under kartan');
    expect(DEFAULT_FACTS.knownIssues).toEqual([]);
    const en = sectionText(section(accessibilityStatement('en', DEFAULT_FACTS), 'How we made this website accessible'));
    expect(en).toContain('list directly below the map');
  });

  it('is pure: same input gives the same output and the facts are not changed', () => {
    const facts = structuredClone(withIssues);
    const a = accessibilityStatement('sv', facts);
    const b = accessibilityStatement('sv', facts);
    expect(a).toEqual(b);
    expect(facts).toEqual(withIssues);
    a.sections[0]?.paragraphs.push('x');
    expect(accessibilityStatement('sv', facts)).toEqual(b);
  });
});
