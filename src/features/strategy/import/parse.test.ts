/**
 * The importer's reading of strategy texts: the two seed documents exactly as they are in
 * `../shared/seeds/` (relative to the repository root, where vitest runs), the invented strategies
 * of other municipalities in test/fixtures/strategies/, and small texts for each rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProposedNode } from '../model.js';
import { countNodes, INTERNAL_FAILURE_WARNING, proposeStrategy } from './parse.js';

const SEEDS = path.resolve(process.cwd(), '../shared/seeds');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/strategies');
const seed = (file: string) => readFileSync(path.join(SEEDS, file), 'utf8');
const fixture = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');

type Shape = [levelName: string, title: string, children?: Shape[]];
/** A tree as [level, title, children] triples, children left out when there are none. */
function shape(nodes: ProposedNode[]): Shape[] {
  return nodes.map((n) => (n.children.length ? [n.levelName, n.title, shape(n.children)] : [n.levelName, n.title]));
}
const ofLevel = (nodes: ProposedNode[], level: string) => nodes.filter((n) => n.levelName === level);
const warningTexts = (p: { warnings: { sv: string }[] }) => p.warnings.map((w) => w.sv).join(' | ');

describe('Arvika, Internationell strategi (seed 000)', () => {
  const p = proposeStrategy(seed('000_af5e98bccb955d3a.txt'));

  it('finds the title and the adoption decision (AR-1)', () => {
    expect(p.title).toBe('Internationell strategi');
    expect(p.adoptedBy).toBe('Kommunstyrelsen');
    expect(p.adoptedOn).toBe('2012-11-12');
    expect(p.minuteParagraph).toBe('§ 258');
    expect(p.registryNumber).toBe('');
    expect(p.vision).toBe('');
    expect(p.warnings).toEqual([]);
  });

  it('proposes 4 overall goals and 4 target areas with 4, 5, 6 and 1 activities (AR-4, AR-6)', () => {
    expect(p.goals).toHaveLength(8);
    expect(ofLevel(p.goals, 'Övergripande mål')).toHaveLength(4);
    const areas = ofLevel(p.goals, 'Målområde');
    expect(areas.map((a) => a.title)).toEqual(['Aktivt internationellt arbete bidrar till en attraktiv kommun', 'Mångkulturellt perspektiv', 'Norge och vänorterna', 'Demokratiutveckling']);
    expect(areas.map((a) => a.children.length)).toEqual([4, 5, 6, 1]);
    expect(areas.flatMap((a) => a.children.map((c) => c.levelName))).toEqual(Array(16).fill('Aktivitet'));
    expect(countNodes(p.goals)).toBe(24);
  });

  it('uses the bullet texts as the overall goals, the first sentence as the title', () => {
    expect(shape(ofLevel(p.goals, 'Övergripande mål'))).toEqual([
      ['Övergripande mål', 'Bidra till en attraktiv kommun genom ett aktivt internationellt arbete'],
      ['Övergripande mål', 'Utveckla Norgesamarbetet och använda partnerskap'],
      ['Övergripande mål', 'Utveckla verksamheterna inom kommunkoncernen'],
      ['Övergripande mål', 'Främja ett mångkulturellt perspektiv, motverka främlingsfientliga krafter samt bidra till utveckling av lokal demokrati internationellt'],
    ]);
    expect(p.goals[2]!.description).toBe('Genom att utveckla ett internationellt perspektiv blir Arvika en mer attraktiv arbetsgivare.');
    expect(p.goals[0]!.description).toBe('');
  });

  it('keeps each target area’s introduction as its description and names every activity', () => {
    const [attractive, multicultural, norway, democracy] = ofLevel(p.goals, 'Målområde');
    expect(attractive!.description).toMatch(/^Kommunen ska stimulera kontakter, samarbete och utbyte med företag och organisationer .* de möjligheter som ges\.$/);
    expect(norway!.description.split('\n\n')).toHaveLength(2);
    expect(norway!.description).toContain('Ett vänortsavtal finns tecknat mellan Arvika, Ylöjärvi, Skive och Kongsvinger kommuner.');
    expect(norway!.description).toContain('ARKO (elva gränskommuner i samverkan)');
    expect(democracy!.description).toMatch(/^Sveriges Kommuner och Regioner och ICLD/);
    expect(attractive!.children.map((c) => c.title)).toEqual([
      'Bidra till samarbeten mellan ortens företag gärna via EU-finansiering',
      'Marknadsföra Arvika som etableringsort för företag',
      'Stödja marknadsföring av besöksnäring',
      'Bibehålla och utveckla kontakterna med intresseorganisationer som har EU-kompetens',
    ]);
    expect(multicultural!.children[0]).toEqual({
      levelName: 'Aktivitet',
      title: 'Stimulera samarbeten som ökar kvaliteten i kommunens verksamheter',
      description: 'I verksamhetsplaneringen se möjligheter till kompetensutveckling och finansiering via EU.',
      children: [],
    });
    expect(norway!.children.map((c) => c.title)).toEqual([
      'Norgesamarbetet inriktas mot områdena infrastruktur, näringsliv, kompetensförsörjning och kultur',
      'Fortsatt samverkan inom ARKO',
      'Förbättra och stärka strategiska relationer med regionala företrädare och med intresseorganisationer på båda sidor gränsen, ex Svensk-Norsk Handelskammare',
      'Utvärdera vänortssamarbetet och vid behov föreslå förändringar',
      'Nya "vänortskontakter" kommer framöver att i större utsträckning skapas via samverkansprojekt',
      'Aktivt söka EU-stöd i interregionala projekt',
    ]);
    expect(democracy!.children[0]!.title).toBe('Bidra till resultatinriktade samarbeten mellan kommunen och utvalda samarbetsländer i syfte att stärka demokrati, samt rättvis och hållbar utveckling');
    expect(democracy!.children[0]!.description).toMatch(/^För denna typ av samarbeten är det särskilt viktigt/);
  });

  it('does not make the web page’s feedback prompt a goal, nor keep it anywhere (AR-13)', () => {
    expect(JSON.stringify(p)).not.toContain('Hjälpte informationen');
  });

  it('puts the responsibilities (AR-5) and the introduction and purpose in their places', () => {
    expect(p.responsibilities).toBe(
      'Kommunfullmäktige och/eller Kommunstyrelsen företräder kommunen vid officiell representation. Kommunstyrelsen leder det internationella arbetet samt ansvarar för vänortssamarbetet. Förvaltning och bolag ansvarar för att det strategiska internationella arbetet integreras i verksamheterna och de svarar för omvärldsbevakning inom sina respektive verksamhetsområden.',
    );
    const paragraphs = p.body.split('\n\n');
    expect(paragraphs[0]).toBe('Inledning');
    expect(paragraphs[1]).toMatch(/^Vi blir allt mer beroende av vår omvärld\./);
    expect(paragraphs[3]).toBe('Syfte');
    expect(paragraphs[4]).toMatch(/^Syftet med den internationella strategin/);
    expect(paragraphs).toHaveLength(5);
    // Neither the adoption line nor the repeated title are body text.
    expect(p.body).not.toContain('Antaget av');
    expect(p.body).not.toContain('Internationell strategi.');
  });
});

describe('Ale, internationell strategi (seed 004)', () => {
  const p = proposeStrategy(seed('004_80a054d53fd2fabb.txt'));

  it('finds the title and the quoted vision (AL-1); no adoption decision, which it says', () => {
    expect(p.title).toBe('Ale kommuns internationella strategi');
    expect(p.vision).toBe('Ale kommun bidrar till Göteborgsregionens betydelsefulla roll i Europa (ur vision 2020)');
    expect([p.adoptedBy, p.adoptedOn, p.minuteParagraph, p.registryNumber]).toEqual(['', '', '', '']);
    expect(warningTexts(p)).toBe('Inget beslut om antagande hittades (beslutande organ, datum och paragraf). Fyll i dem om strategin är antagen.');
  });

  it('proposes 6 directions for the international work and 5 for the twin-town cooperation (AL-9)', () => {
    expect(shape(p.goals)).toEqual([
      [
        'Inriktningsområde',
        'Inriktning för Ale kommuns internationella arbete',
        [
          ['Inriktning', 'Stödja internationellt samarbete'],
          ['Inriktning', 'Utveckla den internationella kompetensen hos förtroendevalda och personal'],
          ['Inriktning', 'Tillvarata finansieringsmöjligheter som EU erbjuder i kommunens utvecklingsarbete'],
          ['Inriktning', 'Etablera kommersiella kontakter för att stödja näringslivet'],
          ['Inriktning', 'Öka kommuninvånarnas delaktighet avseende kommunens internationella arbete'],
          ['Inriktning', 'Öka förståelsen mellan människor i olika länder'],
        ],
      ],
      [
        'Inriktningsområde',
        'Inriktning för Ale kommuns vänortssamarbete',
        [
          ['Inriktning', 'Skapa personliga relationer mellan vänorternas kommunledningar'],
          ['Inriktning', 'Starta och genomföra gemensamma projekt'],
          ['Inriktning', 'Skapa erfarenhetsutbyte och/eller affärsrelationer inom näringslivet'],
          ['Inriktning', 'Medverka till vänortsturism för kommunens medborgare'],
          ['Inriktning', 'Utveckla erfarenhets- och kunskapsutbyte mellan vänorternas kommunala organisationer'],
        ],
      ],
    ]);
  });

  it('keeps "measures are described in the action plan" as each group’s description, not as a node (AL-3)', () => {
    for (const group of p.goals) expect(group.description).toBe('Åtgärder inom respektive inriktning beskrivs i handlingsplanen.');
    expect(p.goals.flatMap((g) => g.children).every((c) => c.description === '' && c.children.length === 0)).toBe(true);
  });

  it('takes the Organisation section as the responsibilities (AL-10, AL-11) and keeps the rest as body', () => {
    expect(p.responsibilities.split('\n\n')).toHaveLength(4);
    expect(p.responsibilities).toMatch(/^Kommunstyrelsen har ett övergripande ansvar för kommunens internationella frågor\./);
    expect(p.responsibilities).toContain('Projekt där kommunen är projektägare skall alltid nämndbehandlas.');
    expect(p.responsibilities).not.toContain('Alafors');
    expect(p.body).toMatch(/^Syfte\n\nSyftet med strategin är att tydliggöra målsättningen/);
    expect(p.body).toContain('Strategin skall en gång per mandatperiod ses över, och vid behov revideras.');
    expect(p.body).toContain('Vänortsverksamheten\n\nAle kommun har sedan början av 80 talet haft vänortskontakter.');
    expect(p.body).toContain('Den internationella strategins inriktning\n\nKommunens internationella arbete skall bidra till tillväxt och utveckling.');
    expect(p.body.endsWith('Alafors januari 2006')).toBe(true);
    expect(p.body).not.toContain('ur vision 2020');
    expect(p.body).not.toContain('Stödja internationellt samarbete');
  });
});

describe('other municipalities’ strategies in the same genre', () => {
  it('Sjövik (markdown, hard-wrapped): "Mål och insatser" with "Mål 1: …" headings, numbered and bulleted measures, a goal of paragraphs only', () => {
    const p = proposeStrategy(fixture('sjovik.md'));
    expect(p).toMatchObject({
      title: 'Internationell strategi för Sjöviks kommun 2024–2027',
      vision: 'Sjövik – den öppna kommunen vid havet, där alla kan växa (Vision 2035)',
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2023-11-27',
      minuteParagraph: '§ 142',
      registryNumber: 'KS 2023/481',
      warnings: [],
    });
    expect(shape(p.goals)).toEqual([
      [
        'Mål',
        'Ökad internationell kompetens',
        [
          ['Insats', 'Erbjuda kompetensutveckling om EU:s påverkan på kommunens verksamheter'],
          ['Insats', 'Öka antalet medarbetare som deltar i utbyten och studiebesök inom Erasmus+'],
          ['Insats', 'Ge alla gymnasieelever möjlighet till ett internationellt utbyte under studietiden'],
        ],
      ],
      [
        'Mål',
        'Fler och bättre finansierade samarbetsprojekt',
        [
          ['Insats', 'Inrätta en gemensam funktion för projektstöd och omvärldsbevakning'],
          ['Insats', 'Söka minst två nya EU-projekt per år, i första hand inom Interreg och ESF+'],
          ['Insats', 'Sprida resultat från avslutade projekt till övriga förvaltningar'],
          ['Insats', 'Vänorter'],
        ],
      ],
      ['Mål', 'Stärkt lokal demokrati genom partnerskap'],
    ]);
    // Hard-wrapped paragraphs are joined again.
    expect(p.goals[0]!.description).toBe('Medarbetare, förtroendevalda och elever ska ha kunskap om EU och om andra länders kulturer, språk och arbetssätt.');
    expect(p.goals[1]!.children[3]!.description).toBe('Utveckla samarbetet med vänorterna till gemensamma projekt med tydlig nytta.');
    expect(p.goals[2]!.description).toMatch(/^Genom kommunala partnerskap med stöd av ICLD .* förankras hos invånarna\.$/);
    expect(p.responsibilities).toBe(
      'Kommunstyrelsen har det övergripande ansvaret för det internationella arbetet. Varje nämnd ansvarar för att strategin genomförs inom det egna verksamhetsområdet.\n\n- Kommunledningskontoret samordnar arbetet och stödjer förvaltningarna.\n- Förvaltningscheferna utser varsin kontaktperson för internationella frågor.',
    );
    expect(p.body.split('\n\n')[0]).toBe('Inledning');
    expect(p.body).toContain('Uppföljning\n\nHandlingsplanen följs upp årligen i samband med årsredovisningen. Strategin ses över en gång per mandatperiod.');
  });

  it('Bergsån (web text): "Målområde 1 – …" under "Målområden", "Delmål" as 1) lists with a) measures, web chrome dropped', () => {
    const p = proposeStrategy(fixture('bergsan.txt'));
    expect(p).toMatchObject({
      title: 'Internationell strategi för Bergsåns kommun',
      vision: 'Bergsån – en kommun som tar vara på världens möjligheter.',
      adoptedBy: 'Kommunstyrelsen',
      adoptedOn: '2021-03-15',
      minuteParagraph: '§ 37',
      registryNumber: 'KS 2020/0912',
      warnings: [],
    });
    expect(shape(p.goals)).toEqual([
      [
        'Målområde',
        'Attraktiv kommun för invånare och företag',
        [
          ['Delmål', 'Fler lokala företag deltar i internationella projekt och nätverk'],
          [
            'Delmål',
            'Kommunen marknadsförs som etableringsort i Norden',
            [
              ['Åtgärd', 'Delta årligen i minst en nordisk investeringsmässa'],
              ['Åtgärd', 'Ta fram informationsmaterial på engelska och norska'],
            ],
          ],
          ['Delmål', 'Besöksnäringen får stöd att nå internationella gäster'],
        ],
      ],
      [
        'Målområde',
        'Kunskap och kompetens',
        [
          ['Delmål', 'Alla skolor har minst ett internationellt samarbete'],
          ['Delmål', 'Medarbetare med internationella kontakter erbjuds språkutbildning'],
        ],
      ],
      [
        'Målområde',
        'Demokrati och hållbar utveckling',
        [
          ['Delmål', 'Kommunen har minst ett aktivt kommunalt partnerskap med stöd av ICLD', [['Åtgärd', 'Utreda ett partnerskap med en kommun i Östafrika under 2022']]],
          ['Delmål', 'Erfarenheter från partnerskapen sprids till invånarna, t.ex. genom utställningar och skolbesök'],
          ['Delmål', 'Kommunens inköp tar hänsyn till mänskliga rättigheter i leverantörskedjan'],
        ],
      ],
    ]);
    expect(p.goals.map((g) => g.description)).toEqual([
      'Internationella kontakter ska bidra till tillväxt, fler arbetstillfällen och en levande landsbygd.',
      'Kommunens medarbetare och elever ska få möjlighet att lära av andra länder.',
      'Kommunen ska bidra till Agenda 2030 och till lokal demokrati i andra länder genom kommunala partnerskap.',
    ]);
    expect(p.goals[2]!.children[1]!.description).toBe('Biblioteken är en naturlig mötesplats.');
    expect(p.responsibilities).toMatch(/^Kommunstyrelsen leder och samordnar/);
    const all = JSON.stringify(p);
    for (const chrome of ['Sidan uppdaterades', 'Dela sidan', 'Hjälpte informationen', 'Fastställd av', 'Diarienummer']) expect(all).not.toContain(chrome);
  });

  it('Norrfors (no lists at all): goal lines without bullets, and headings followed only by paragraphs become nodes with descriptions', () => {
    const p = proposeStrategy(fixture('norrfors.txt'));
    expect(p).toMatchObject({
      title: 'Strategi för internationellt arbete i Norrfors kommun',
      vision: 'Norrfors – mötesplatsen i norr',
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2019-03-25',
      minuteParagraph: '§ 45',
      registryNumber: 'KS 2019/123',
      warnings: [],
    });
    expect(shape(p.goals)).toEqual([
      ['Strategiskt mål', 'Ett Norrfors som syns i världen'],
      ['Strategiskt mål', 'Ett näringsliv som växer över gränserna'],
      ['Strategiskt mål', 'En kommun som lär av andra'],
      ['Prioriterat område', 'Gränsöverskridande samarbete'],
      ['Prioriterat område', 'Ungdomar och utbyten'],
      ['Prioriterat område', 'Kultur och besöksnäring'],
    ]);
    expect(p.goals[3]!.description).toMatch(/^Norrfors ska fördjupa samarbetet med grannkommunerna i Finland och Norge/);
    expect(p.goals[5]!.description).toMatch(/Nederländerna\.$/);
    expect(p.responsibilities).toMatch(/^Kommunstyrelsen ansvarar för strategin\./);
    expect(p.body).toMatch(/^Inledning\n\nNorrfors kommun ligger mitt i ett gränsland/);
  });

  it('Älvdala (hard-wrapped, numbered sections): a table of decision facts, "Fokusområde: …" with "Insatser:" as bullets and as lines', () => {
    const p = proposeStrategy(fixture('alvdala.txt'));
    expect(p).toMatchObject({
      title: 'Internationell strategi 2022–2026 för Älvdala kommun',
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2022-02-14',
      minuteParagraph: '§ 12',
      registryNumber: 'KS 2021/77',
      warnings: [],
    });
    expect(shape(p.goals)).toEqual([
      [
        'Fokusområde',
        'Arbete och näringsliv',
        [
          ['Insats', 'Erbjuda företagen stöd att delta i EU-projekt inom skog och bioekonomi'],
          ['Insats', 'Samarbeta med Arbetsförmedlingen om validering av utländsk kompetens'],
        ],
      ],
      [
        'Fokusområde',
        'Skola och unga',
        [
          ['Insats', 'Skapa fler platser för praktik utomlands för gymnasieelever'],
          ['Insats', 'Delta i Erasmus+ med minst två skolor per år'],
          ['Insats', 'Erbjuda lärare fortbildning i engelska och interkulturell kommunikation'],
        ],
      ],
    ]);
    expect(p.goals[0]!.description).toBe('Internationella kontakter ska stärka företagens konkurrenskraft och göra det lättare för nya invånare att komma i arbete.');
    expect(p.responsibilities).toMatch(/^Kommunstyrelsen leder arbetet\. Barn- och utbildningsnämnden/);
    expect(p.body).toMatch(/^Inledning\n\nÄlvdala är en liten kommun med stora kontaktytor mot omvärlden\. Skogsindustrin/);
  });

  it('a text without headings: a flat proposal of its points, with a warning', () => {
    const p = proposeStrategy(fixture('utan-rubriker.txt'));
    expect(p.title).toBe('Internationellt arbete i Granby kommun');
    expect(shape(p.goals)).toEqual([
      ['Mål', 'Söka EU-medel för minst ett nytt projekt om året'],
      ['Mål', 'Utveckla vänortssamarbetet med Tønder'],
      ['Mål', 'Informera invånarna om det internationella arbetet på webbplatsen'],
    ]);
    expect(warningTexts(p)).toContain('Texten saknar rubriker som visar målens nivåer');
    expect(p.warnings.every((w) => w.en.length > 0)).toBe(true);
    expect(p.body).toContain('Kommunstyrelsen följer upp arbetet varje år.');
  });
});

describe('rules, one text each', () => {
  it('reads the decision in its usual forms', () => {
    const cases: [string, Partial<Record<'adoptedBy' | 'adoptedOn' | 'minuteParagraph' | 'registryNumber', string>>][] = [
      ['Antagen av kommunfullmäktige 2019-03-25, § 45', { adoptedBy: 'Kommunfullmäktige', adoptedOn: '2019-03-25', minuteParagraph: '§ 45' }],
      ['Antaget av Kommunstyrelsen den 12 november 2012, § 258.', { adoptedBy: 'Kommunstyrelsen', adoptedOn: '2012-11-12', minuteParagraph: '§ 258' }],
      ['Fastställd av KF 2015-06-15 §89', { adoptedBy: 'Kommunfullmäktige', adoptedOn: '2015-06-15', minuteParagraph: '§ 89' }],
      ['Beslutad i kommunfullmäktige den 3:e februari 2020 (§ 7)', { adoptedBy: 'Kommunfullmäktige', adoptedOn: '2020-02-03', minuteParagraph: '§ 7' }],
      ['Dnr KS 2019/123', { registryNumber: 'KS 2019/123', adoptedBy: '' }],
      ['Diarienummer: 2020.0456', { registryNumber: '2020.0456' }],
      ['Antagen av kommunfullmäktige 2019-02-30', { adoptedBy: 'Kommunfullmäktige', adoptedOn: '' }],
    ];
    for (const [line, expected] of cases) {
      const p = proposeStrategy(`Internationell strategi\n\n${line}\n\nMål\n\n- Ett mål\n`);
      expect(p, line).toMatchObject(expected);
      expect(p.body, line).toBe('');
      expect(p.goals).toHaveLength(1);
    }
  });

  it('does not take a sentence about an agreement for the adoption decision', () => {
    const p = proposeStrategy('Strategi\n\nBakgrund\n\nÅr 2001 skrevs vänortsavtal mellan kommunerna, och året därpå fastställdes avtalet vid en ceremoni i Ale.\n');
    expect(p.adoptedBy).toBe('');
    expect(p.body).toContain('fastställdes avtalet');
  });

  it('a lead-in sentence naming goals turns the list after it into goals, even without a heading', () => {
    const p = proposeStrategy('Strategi\n\nKommunens övergripande mål för det internationella arbetet är att:\n\n- öka kunskapen om EU\n- stärka vänortsarbetet\n');
    expect(shape(p.goals)).toEqual([
      ['Övergripande mål', 'Öka kunskapen om EU'],
      ['Övergripande mål', 'Stärka vänortsarbetet'],
    ]);
    expect(warningTexts(p)).toContain('platt lista');
  });

  it('markdown headings of several levels: a container of plain headings, "Aktiviteter:" lines, bold headings, nested bullets', () => {
    const md = [
      '# Strategi för internationellt arbete',
      '',
      '## Målområden',
      '',
      '### Kompetens',
      '',
      'Alla ska kunna lära av andra länder.',
      '',
      '- Fler utbyten',
      '  - Erasmus+ för lärare',
      '  - Praktik utomlands',
      '- Språkkurser',
      '',
      '### Näringsliv',
      '',
      '**Aktiviteter**',
      '',
      '* Exportfrämjande',
      '* Mässor',
      '',
      '## Uppföljning',
      '',
      'Varje år.',
    ].join('\n');
    const p = proposeStrategy(md);
    expect(shape(p.goals)).toEqual([
      [
        'Målområde',
        'Kompetens',
        [
          [
            'Mål',
            'Fler utbyten',
            [
              ['Delmål', 'Erasmus+ för lärare'],
              ['Delmål', 'Praktik utomlands'],
            ],
          ],
          ['Mål', 'Språkkurser'],
        ],
      ],
      [
        'Målområde',
        'Näringsliv',
        [
          ['Aktivitet', 'Exportfrämjande'],
          ['Aktivitet', 'Mässor'],
        ],
      ],
    ]);
    expect(p.goals[0]!.description).toBe('Alla ska kunna lära av andra länder.');
    expect(p.body).toBe('Uppföljning\n\nVarje år.');
  });

  it('setext headings, CRLF, a BOM, tabs and odd spaces read like the plain text', () => {
    const text = '\uFEFFStrategi\r\n========\r\n\r\nMål\r\n---\r\n\r\n\t•\u00A0Ett\u200B mål\r\n\t•  Ett annat mål\r\n';
    expect(shape(proposeStrategy(text).goals)).toEqual([
      ['Mål', 'Ett mål'],
      ['Mål', 'Ett annat mål'],
    ]);
  });

  it('"Mål 1: …" headings with "Delmål" and "Åtgärder" under them in plain text', () => {
    const text = [
      'Internationell strategi',
      '',
      'Mål 1: Ökad kunskap',
      '',
      'Kunskapen om EU ska öka i alla förvaltningar, både bland chefer och medarbetare.',
      '',
      'Delmål',
      '',
      '1. Alla chefer har gått en EU-utbildning.',
      '2. Varje förvaltning har ett EU-ombud.',
      '',
      'Mål 2: Fler projekt',
      '',
      'Åtgärder',
      '',
      'Projektstöd inrättas.',
      'Omvärldsbevakning varje kvartal.',
    ].join('\n');
    const p = proposeStrategy(text);
    expect(shape(p.goals)).toEqual([
      [
        'Mål',
        'Ökad kunskap',
        [
          ['Delmål', 'Alla chefer har gått en EU-utbildning'],
          ['Delmål', 'Varje förvaltning har ett EU-ombud'],
        ],
      ],
      [
        'Mål',
        'Fler projekt',
        [
          ['Åtgärd', 'Projektstöd inrättas'],
          ['Åtgärd', 'Omvärldsbevakning varje kvartal'],
        ],
      ],
    ]);
    expect(p.goals[0]!.description).toBe('Kunskapen om EU ska öka i alla förvaltningar, både bland chefer och medarbetare.');
  });

  it('under "Målområden" a heading with a short introduction is a target area; "Strategiska mål" after it starts its own level', () => {
    const text = 'Strategi\n\nMålområden\n\nKompetens\n\nKort text.\n\nAktiviteter\n\nKurser.\nUtbyten.\n\nNäringsliv\n\nAktiviteter\n\nMässor.\n\nStrategiska mål\n\nEtt öppet Kustby\nEtt lärande Kustby\n\nUppföljning\n\nÅrligen.\n';
    const p = proposeStrategy(text);
    expect(shape(p.goals)).toEqual([
      [
        'Målområde',
        'Kompetens',
        [
          ['Aktivitet', 'Kurser'],
          ['Aktivitet', 'Utbyten'],
        ],
      ],
      ['Målområde', 'Näringsliv', [['Aktivitet', 'Mässor']]],
      ['Strategiskt mål', 'Ett öppet Kustby'],
      ['Strategiskt mål', 'Ett lärande Kustby'],
    ]);
    expect(p.goals[0]!.description).toBe('Kort text.');
    expect(p.body).toBe('Uppföljning\n\nÅrligen.');
  });

  it('goals in a "Syfte och mål" section after a lead-in, and areas whose bullets follow the heading without a blank line', () => {
    const text = [
      'Internationell strategi för Kustby kommun 2020–2024',
      '',
      'Syfte och mål',
      '',
      'Strategin ska bidra till att Kustby blir en öppen och attraktiv kommun. Strategins mål är att:',
      '',
      '• stärka kommunens förmåga att söka EU-medel',
      '• utveckla vänortsarbetet',
      '',
      'Fokusområden',
      '',
      'Näringsliv och arbete',
      '• Stödja företagens export',
      '• Locka internationell arbetskraft',
      '',
      'Skola och ungdom',
      '• Utbyten inom Erasmus+',
    ].join('\n');
    expect(shape(proposeStrategy(text).goals)).toEqual([
      ['Mål', 'Stärka kommunens förmåga att söka EU-medel'],
      ['Mål', 'Utveckla vänortsarbetet'],
      [
        'Fokusområde',
        'Näringsliv och arbete',
        [
          ['Mål', 'Stödja företagens export'],
          ['Mål', 'Locka internationell arbetskraft'],
        ],
      ],
      ['Fokusområde', 'Skola och ungdom', [['Mål', 'Utbyten inom Erasmus+']]],
    ]);
  });

  it('numbered goals that open with a bold title, and an italic adoption line in markdown', () => {
    const md = '# Strategi för internationellt samarbete\n\n*Antagen av kommunfullmäktige 2021-06-14, § 88*\n\n## Övergripande mål\n\n1. **Ett Europa nära invånarna.** Kommunen ska göra EU begripligt.\n2. **En kommun som lär.** Vi ska hämta idéer från andra länder.\n\n## Strategiska områden\n\n### 1. Kompetensförsörjning\n\nText om kompetens.\n\nÅtgärder:\n- Rekrytera i Norden\n';
    const p = proposeStrategy(md);
    expect(p).toMatchObject({ adoptedBy: 'Kommunfullmäktige', adoptedOn: '2021-06-14', minuteParagraph: '§ 88', body: '' });
    expect(p.goals).toEqual([
      { levelName: 'Övergripande mål', title: 'Ett Europa nära invånarna', description: 'Kommunen ska göra EU begripligt.', children: [] },
      { levelName: 'Övergripande mål', title: 'En kommun som lär', description: 'Vi ska hämta idéer från andra länder.', children: [] },
      { levelName: 'Strategiskt område', title: 'Kompetensförsörjning', description: 'Text om kompetens.', children: [{ levelName: 'Åtgärd', title: 'Rekrytera i Norden', description: '', children: [] }] },
    ]);
  });

  it('a single group heading around all goals is left out', () => {
    const p = proposeStrategy('Strategi\n\nMål för det internationella arbetet\n\n- Ett\n- Två\n');
    expect(shape(p.goals)).toEqual([
      ['Mål', 'Ett'],
      ['Mål', 'Två'],
    ]);
  });

  it('gives an empty proposal with warnings, in Swedish and English, when there is nothing to read', () => {
    for (const text of ['', '   \n\n\t', '\u0000\u0001', 'Hjälpte informationen på sidan dig?']) {
      const p = proposeStrategy(text);
      expect(p.goals).toEqual([]);
      expect(p.warnings.length).toBeGreaterThan(0);
      for (const w of p.warnings) {
        expect(w.sv.length).toBeGreaterThan(10);
        expect(w.en.length).toBeGreaterThan(10);
      }
    }
    const prose = proposeStrategy('Kommunen arbetar internationellt på många sätt och vill fortsätta med det under de kommande åren, i samarbete med föreningar och företag.');
    expect(prose.goals).toEqual([]);
    expect(prose.title).toBe('');
    expect(warningTexts(prose)).toContain('Ingen titel hittades');
    expect(warningTexts(prose)).toContain('Inga mål hittades i texten');
    expect(prose.body).toContain('Kommunen arbetar internationellt');
  });

  it('shortens a title of a single very long sentence and keeps the whole text in the description', () => {
    const long = `${'Utveckla samarbetet med vänorterna '.repeat(20)}slut`;
    const p = proposeStrategy(`Strategi\n\nMål\n\n- ${long}\n`);
    const goal = p.goals[0]!;
    expect(goal.title.length).toBeLessThanOrEqual(210);
    expect(goal.title.endsWith('…')).toBe(true);
    expect(goal.description).toContain('slut');
  });

  it('never throws, whatever it is given', () => {
    const odd = ['#', '# ', '-', '1.', 'a)', '> ', '**', '****', '\uD800', '§', 'Mål\nMål\nMål', '#'.repeat(10_000), `[${'['.repeat(5000)}`, '.'.repeat(50_000), `- ${'x'.repeat(100_000)}`];
    for (const text of odd) {
      const p = proposeStrategy(text);
      expect(p.warnings).not.toContainEqual(INTERNAL_FAILURE_WARNING);
    }
    // biome-ignore lint/suspicious/noExplicitAny: what a careless caller might pass.
    expect(proposeStrategy(undefined as any).goals).toEqual([]);
  });
});
