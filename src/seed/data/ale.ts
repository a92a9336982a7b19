/**
 * Ale kommun: seed data taken from its strategy, `seeds/004_80a054d53fd2fabb.txt`
 * ("Ale kommuns internationella strategi", Alafors, January 2006).
 *
 * Only what the document says is recorded; where it is vague ("hösten 1992", "1989-90",
 * "c:a 8 miljoner kronor", "ca 7 EU-miljoner") the record says so instead of guessing.
 * Populations are the document's own figures (2006). Coordinates, regions and websites of
 * external organisations are public facts added for the map.
 */
import type { SeedMunicipality } from '../types.js';
import { ALE_STRATEGY_TEXT } from './strategy-texts.js';

const F = 'seeds/004_80a054d53fd2fabb.txt';

/** Results that the document attributes to Ale's EU projects in general (line 44). */
const EU_PROJECT_RESULTS = [
  {
    description_sv: 'Projekten har bland annat skapat arbetstillfällen och sysselsättning i Ale kommun.',
    description_en: 'Among other things, the projects have created jobs and employment in Ale.',
    source: `${F}:44`,
  },
  {
    description_sv: 'Projekten har bland annat gett erfarenhet och tillfört kunskap i Ale kommun.',
    description_en: 'Among other things, the projects have brought experience and new knowledge to Ale.',
    source: `${F}:44`,
  },
];

export const ale: SeedMunicipality = {
  code: '1440',
  slug: 'ale',
  name_sv: 'Ale kommun',
  name_en: 'Ale Municipality',
  county_code: '14',
  county_name: 'Västra Götalands län',
  vision_sv: 'Ale kommun bidrar till Göteborgsregionens betydelsefulla roll i Europa (ur Vision 2020).',
  vision_en: "Ale Municipality contributes to the Gothenburg region's significant role in Europe (from Vision 2020).",
  website: 'https://www.ale.se',
  source: `${F}:3-6`,

  strategy: { text: ALE_STRATEGY_TEXT, source: 'seeds/004_80a054d53fd2fabb.txt:1-103' },

  organisations: [
    // --- the municipality's own bodies, groups and units (lines 36-101) ---
    {
      key: 'ks',
      is_internal: true,
      kind: 'executive_board',
      name_sv: 'Kommunstyrelsen',
      name_en: 'Municipal Executive Board',
      short_name: 'KS',
      description_sv:
        'Har ett övergripande ansvar för kommunens internationella frågor och får halvårsvis avrapporteringar av aktuella internationella projekt.',
      description_en:
        "Has overall responsibility for the municipality's international affairs and receives a report on current international projects every half year.",
      source: `${F}:95`,
    },
    {
      key: 'kommunalraden',
      is_internal: true,
      kind: 'role',
      name_sv: 'Kommunalråden',
      name_en: 'Leading politicians (kommunalråd)',
      description_sv: 'Ingår i ledningsgruppen för internationellt arbete.',
      description_en: 'Members of the management group for international work.',
      source: `${F}:97`,
    },
    {
      key: 'kommundirektor',
      is_internal: true,
      kind: 'role',
      name_sv: 'Kommundirektören',
      name_en: 'Municipal Director',
      description_sv:
        'Ger den internationella samordnaren dess uppdrag och ingår i ledningsgruppen för internationellt arbete.',
      description_en: 'Commissions the international coordinator and is a member of the management group for international work.',
      source: `${F}:95`,
    },
    {
      key: 'samordnare',
      is_internal: true,
      kind: 'role',
      name_sv: 'Internationell samordnare',
      name_en: 'International Coordinator',
      description_sv:
        'Samordnar kommunens internationella frågor. Utvecklar och samordnar på uppdrag av kommundirektören kommunens vänorts- och internationella kontakter, håller kommunen informerad om EU-beslut och direktiv som påverkar kommunen, informerar personalen internt i EU-frågor och stimulerar till projektsökande.',
      description_en:
        "Coordinates the municipality's international affairs. On behalf of the Municipal Director, develops and coordinates twin-town and other international contacts, keeps the municipality informed about EU decisions and directives that affect it, informs staff about EU matters and encourages project applications.",
      source: `${F}:95`,
    },
    {
      key: 'ledningsgrupp',
      is_internal: true,
      kind: 'group',
      name_sv: 'Ledningsgrupp för internationellt arbete',
      name_en: 'Management group for international work',
      description_sv:
        'Består av kommunalråden, kommundirektören, en representant från näringslivsbolaget och den internationella samordnaren. Ska kontinuerligt utveckla, bereda och följa upp kommunens internationella arbete.',
      description_en:
        "Consists of the leading politicians, the Municipal Director, a representative of the municipal business company and the international coordinator. Continuously develops, prepares and follows up the municipality's international work.",
      source: `${F}:97`,
    },
    {
      key: 'samordningsgrupp',
      is_internal: true,
      kind: 'group',
      name_sv: 'Internationell samordningsgrupp',
      name_en: 'International coordination group',
      description_sv:
        'Kommunens interna grupp för internationella frågor med en representant från varje förvaltning. Ett nätverk som svarar för information inom kommunen, erfarenhetsutbyte mellan förvaltningarna och utbildningsinsatser i internationella frågor.',
      description_en:
        "The municipality's internal group for international affairs, with one representative from each department. A network responsible for internal information, sharing experience between departments and training on international matters.",
      source: `${F}:97`,
    },
    {
      key: 'naringslivsbolaget',
      is_internal: true,
      kind: 'company',
      name_sv: 'Näringslivsbolaget',
      name_en: 'The municipal business development company',
      description_sv: 'Kommunens näringslivsbolag; en representant ingår i ledningsgruppen för internationellt arbete.',
      description_en: "The municipality's business development company; a representative sits on the management group for international work.",
      source: `${F}:97`,
    },
    {
      key: 'namnderna',
      is_internal: true,
      kind: 'committee',
      name_sv: 'Nämnderna',
      name_en: 'The committees',
      description_sv:
        'Samlingsbegrepp i strategin ("De olika nämnderna och dess förvaltningar"): ska verka för att internationellt utvecklingsarbete integreras i verksamheten. Uppstart av projekt som kräver kommunal medfinansiering (även egen tid) ska godkännas av respektive nämnd eller enligt delegationsordning; projekt där kommunen är projektägare ska alltid nämndbehandlas.',
      description_en:
        'Collective term in the strategy: the committees work to integrate international development into their operations. Starting a project that needs municipal co-financing (own staff time included) must be approved by the responsible committee or under the delegation order; a project where the municipality is project owner must always be decided by the committee.',
      source: `${F}:99`,
    },
    {
      key: 'forvaltningarna',
      is_internal: true,
      kind: 'department',
      name_sv: 'Förvaltningarna',
      name_en: 'The municipal departments',
      description_sv:
        'Samlingsbegrepp i strategin: nämndernas förvaltningar ska verka för att internationellt utvecklingsarbete integreras i verksamheten. En representant från varje förvaltning ingår i Internationell samordningsgrupp.',
      description_en:
        "Collective term in the strategy: the committees' departments work to integrate international development into their operations. Each department has one representative in the international coordination group.",
      source: `${F}:97-99`,
    },
    {
      key: 'forvaltningschefsgruppen',
      is_internal: true,
      kind: 'group',
      name_sv: 'Förvaltningschefsgruppen',
      name_en: 'Group of department heads',
      description_sv: 'Tar del av den halvårsvisa avrapporteringen av aktuella internationella projekt till Kommunstyrelsen.',
      description_en: 'Receives the half-yearly report on current international projects that goes to the Municipal Executive Board.',
      source: `${F}:101`,
    },
    {
      key: 'arbetsmarknadsenheten',
      is_internal: true,
      kind: 'unit',
      name_sv: 'Arbetsmarknadsenheten',
      name_en: 'Labour Market Unit',
      description_sv: 'Har i olika EU-projekt lyckats få sig tilldelade ca 7 EU-miljoner (enligt strategin 2006).',
      description_en: 'Has been awarded about 7 million in EU funding in various projects (according to the 2006 strategy).',
      source: `${F}:44`,
    },
    {
      key: 'grundskolan',
      is_internal: true,
      kind: 'unit',
      name_sv: 'Grundskolan',
      name_en: 'Compulsory schools',
      description_sv:
        'Inom grundskolan pågår (2006) ett aktivt internationaliseringsarbete genom bland annat olika EU-program men också genom andra initiativ, som lärar- och elevutbyte med andra länder.',
      description_en:
        'The compulsory schools were (in 2006) actively internationalising through various EU programmes and other initiatives, such as teacher and pupil exchanges with other countries.',
      source: `${F}:48`,
    },
    {
      key: 'ale-gymnasium',
      is_internal: true,
      kind: 'unit',
      name_sv: 'Ale gymnasium',
      name_en: 'Ale Upper Secondary School',
      description_sv:
        'Kommunens gymnasieskola. Elever från vänorten Ruukki har vid flera tillfällen studerat här, och här pågår (2006) ett aktivt internationaliseringsarbete med bland annat lärar- och elevutbyte med andra länder.',
      description_en:
        "The municipality's upper secondary school. Pupils from the twin town of Ruukki have studied here on several occasions, and the school was (in 2006) actively internationalising, including teacher and pupil exchanges with other countries.",
      source: `${F}:36`,
    },

    // --- twin towns (lines 36-40); populations as the document states them (2006) ---
    {
      key: 'ruukki',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Ruukki',
      name_en: 'Ruukki',
      country: 'FI',
      region: 'Norra Österbotten',
      population: 5000,
      population_year: 2006,
      latitude: 64.66,
      longitude: 25.1,
      description_sv:
        'Jordbrukskommun i norra Finland, enligt strategin c:a 8 mil nordost om Uleåborg, med c:a 5000 invånare enligt strategin (2006). Ruukki gick den 1 januari 2007 samman med Siikajoki kommun.',
      description_en:
        'Farming municipality in northern Finland, about 80 km north-east of Oulu (Uleåborg) according to the strategy, with about 5,000 inhabitants according to the strategy (2006). Ruukki merged into the municipality of Siikajoki on 1 January 2007.',
      source: `${F}:36`,
    },
    {
      key: 'kaufungen',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Kaufungen',
      name_en: 'Kaufungen',
      country: 'DE',
      region: 'Hessen (Kasselregionen)',
      population: 12000,
      population_year: 2006,
      website: 'https://www.kaufungen.de',
      latitude: 51.28,
      longitude: 9.62,
      description_sv:
        'Kommun med c:a 12000 invånare enligt strategin (2006), i den industriellt dynamiska Kasselregionen med Kassel som närmaste större stad.',
      description_en:
        'Municipality with about 12,000 inhabitants according to the strategy (2006), in the industrially dynamic Kassel region, with Kassel as the nearest large city.',
      source: `${F}:38`,
    },
    {
      key: 'bertinoro',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Bertinoro',
      name_en: 'Bertinoro',
      country: 'IT',
      region: 'Emilia-Romagna',
      population: 9000,
      population_year: 2006,
      latitude: 44.15,
      longitude: 12.13,
      description_sv: 'Kommun i Bolognaregionen / Emilia-Romagna med 9000 invånare enligt strategin (2006).',
      description_en: 'Municipality in the Bologna region / Emilia-Romagna with 9,000 inhabitants according to the strategy (2006).',
      source: `${F}:40`,
    },

    // --- networks and organisations named in the text ---
    {
      key: 'foreningen-norden',
      is_internal: false,
      kind: 'association',
      name_sv: 'Föreningen Norden',
      name_en: 'The Norden Association (Föreningen Norden)',
      country: 'SE',
      website: 'https://www.norden.se',
      description_sv:
        'Föreslog 1980 Ruukki som vänort till Ale. Föreningens filosofi beträffande vänorter grundades på olikheter, som skulle prägla utbytet.',
      description_en:
        'Proposed Ruukki as a twin town for Ale in 1980. Its philosophy of twinning was based on differences, which were to shape the exchange.',
      source: `${F}:36`,
    },
    {
      key: 'oxford-brookes',
      is_internal: false,
      kind: 'university',
      name_sv: 'Oxford Brookes University',
      name_en: 'Oxford Brookes University',
      country: 'GB',
      region: 'Oxfordshire',
      website: 'https://www.brookes.ac.uk',
      latitude: 51.75,
      longitude: -1.22,
      description_sv: 'Samarbetspartner i kunskapsprojekten för ungdomar Morgondagens Entreprenörer och Unga Entreprenörer i nya Europa.',
      description_en: "Partner in the youth knowledge projects 'Tomorrow's Entrepreneurs' and 'Young Entrepreneurs in the New Europe'.",
      source: `${F}:44`,
    },
    {
      key: 'west-sweden',
      is_internal: false,
      kind: 'network',
      name_sv: 'West Sweden',
      name_en: 'West Sweden',
      country: 'SE',
      region: 'Västra Götaland',
      description_sv:
        'Medlemskapet i West Sweden har ökat möjligheterna att ta tillvara program inom EU och ger information, kunskap, utbildning och tillgång till ett brett internationellt nätverk (enligt strategin 2006).',
      description_en:
        'Membership of West Sweden has increased the possibilities of using EU programmes and provides information, knowledge, training and access to a broad international network (according to the 2006 strategy).',
      source: `${F}:48`,
    },
    {
      key: 'gr',
      is_internal: false,
      kind: 'region',
      name_sv: 'Göteborgsregionen',
      name_en: 'Gothenburg Region Association of Local Authorities',
      short_name: 'GR',
      country: 'SE',
      region: 'Västra Götaland',
      website: 'https://goteborgsregionen.se',
      description_sv: 'Kommunalförbund i Göteborgsregionen. Kommunen ska tillvarata den möjlighet till stöd och stimulans som medlemskapet i GR utgör.',
      description_en:
        'Association of local authorities in the Gothenburg region. The municipality is to make use of the support and stimulus that membership of GR offers.',
      source: `${F}:70`,
    },
    {
      key: 'eu',
      is_internal: false,
      kind: 'other',
      name_sv: 'Europeiska unionen',
      name_en: 'European Union',
      short_name: 'EU',
      website: 'https://european-union.europa.eu',
      description_sv: 'Sedan medlemskapet i EU har Ale kommun medverkat i ett stort antal EU-program.',
      description_en: 'Since Sweden joined the EU, Ale has taken part in a large number of EU programmes.',
      source: `${F}:44`,
    },
  ],

  partnerships: [
    {
      key: 'ruukki',
      kind: 'twinning',
      title_sv: 'Vänort Ruukki (Finland)',
      title_en: 'Twin town Ruukki (Finland)',
      status: 'active',
      summary_sv:
        'Föreningen Norden föreslog 1980 Ruukki i norra Finland som vänort till Ale. Föreningens filosofi beträffande vänorter grundades på olikheter, som skulle prägla utbytet. Sedan vänortsavtalet tecknades 1986 har utbytet mellan kommunerna skett med varierande frekvens. Vid ett flertal tillfällen har elever från Ruukki studerat på Ale gymnasium.',
      summary_en:
        'In 1980 the Norden Association proposed Ruukki in northern Finland as a twin town for Ale; its philosophy was that twinning should be built on differences. Since the twinning agreement was signed in 1986, exchanges between the municipalities have taken place with varying frequency. On several occasions pupils from Ruukki have studied at Ale Upper Secondary School.',
      cooperation_areas: ['education'],
      partners: ['ruukki'],
      events: [
        {
          kind: 'proposed',
          date_from: '1980-01-01',
          date_to: '1980-12-31',
          date_precision: 'year',
          description_sv: 'Föreningen Norden föreslår Ruukki som vänort till Ale.',
          description_en: 'The Norden Association proposes Ruukki as a twin town for Ale.',
          source: `${F}:36`,
        },
        {
          kind: 'agreement_signed',
          date_from: '1986-01-01',
          date_to: '1986-12-31',
          date_precision: 'year',
          description_sv: 'Vänortsavtalet mellan Ale och Ruukki tecknas.',
          description_en: 'The twinning agreement between Ale and Ruukki is signed.',
          source: `${F}:36`,
        },
      ],
      // Where the strategy's text places it.
      goals: ['Inriktning för Ale kommuns vänortssamarbete'],
      source: `${F}:36`,
    },
    {
      key: 'kaufungen',
      kind: 'twinning',
      title_sv: 'Vänort Kaufungen (Tyskland)',
      title_en: 'Twin town Kaufungen (Germany)',
      status: 'active',
      summary_sv:
        'De första kontakterna mellan Ale och Kaufungen togs 1989–90. Hösten 1992 undertecknades en vänortsförbindelse vid en högtidlighet i Kaufungen, och samma procedur upprepades på Alemässan i maj 1994 då Kaufungens kommunledning var på besök. Redan under 1992–93 skapades spontana utbyten mellan kultur och föreningsliv; de har sedan dess utvecklats ytterligare och under senare tid har även näringslivet involverats.',
      summary_en:
        "The first contacts between Ale and Kaufungen were made in 1989–90. In the autumn of 1992 a twinning link was signed at a ceremony in Kaufungen, and the procedure was repeated at the Ale Fair (Alemässan) in May 1994 when Kaufungen's municipal leadership was visiting. Spontaneous exchanges in culture and between associations started as early as 1992–93; they have grown since, and more recently local businesses have become involved too.",
      cooperation_areas: ['culture', 'business'],
      partners: ['kaufungen'],
      events: [
        {
          kind: 'first_contact',
          date_from: '1989-01-01',
          date_to: '1990-12-31',
          date_precision: 'year',
          description_sv: 'De första kontakterna mellan Ale och Kaufungen tas.',
          description_en: 'The first contacts between Ale and Kaufungen are made.',
          source: `${F}:38`,
        },
        {
          kind: 'exchange',
          date_from: '1992-01-01',
          date_to: '1993-12-31',
          date_precision: 'year',
          description_sv: 'Spontana utbyten mellan kultur och föreningsliv skapas.',
          description_en: 'Spontaneous exchanges in culture and between associations begin.',
          source: `${F}:38`,
        },
        {
          kind: 'agreement_signed',
          date_from: '1992-09-01',
          date_to: '1992-11-30',
          date_precision: 'season',
          description_sv: 'En vänortsförbindelse mellan Kaufungen och Ale undertecknas vid en högtidlighet i Kaufungen.',
          description_en: 'A twinning link between Kaufungen and Ale is signed at a ceremony in Kaufungen.',
          place: 'Kaufungen',
          source: `${F}:38`,
        },
        {
          kind: 'confirmed',
          date_from: '1994-05-01',
          date_to: '1994-05-31',
          date_precision: 'month',
          description_sv:
            'Undertecknandet upprepas på Alemässan, då Kaufungens kommunledning är på besök i Ale.',
          description_en: "The signing is repeated at the Ale Fair (Alemässan) during a visit by Kaufungen's municipal leadership.",
          place: 'Alemässan, Ale',
          source: `${F}:38`,
        },
      ],
      // Where the strategy's text places it.
      goals: ['Inriktning för Ale kommuns vänortssamarbete'],
      source: `${F}:38`,
    },
    {
      key: 'bertinoro',
      kind: 'twinning',
      title_sv: 'Vänort Bertinoro (Italien)',
      title_en: 'Twin town Bertinoro (Italy)',
      status: 'active',
      summary_sv:
        'Sedan 1996 har Ale kommun utvecklat ett samarbete med Bertinoro i Italien. Ett flertal EU-projekt har genomförts mellan vänorterna. År 2001 skrevs vänortsavtal mellan kommunerna i Bertinoro, och året därpå fastställdes avtalet vid en ceremoni i Ale.',
      summary_en:
        'Since 1996 Ale has developed its cooperation with Bertinoro in Italy, and several EU projects have been carried out between the two towns. A twinning agreement was signed in Bertinoro in 2001 and confirmed at a ceremony in Ale the following year.',
      cooperation_areas: [],
      partners: ['bertinoro'],
      events: [
        {
          kind: 'first_contact',
          date_from: '1996-01-01',
          date_to: '1996-12-31',
          date_precision: 'year',
          description_sv: 'Ale kommun inleder ett samarbete med Bertinoro.',
          description_en: 'Ale begins its cooperation with Bertinoro.',
          source: `${F}:40`,
        },
        {
          kind: 'agreement_signed',
          date_from: '2001-01-01',
          date_to: '2001-12-31',
          date_precision: 'year',
          description_sv: 'Vänortsavtal skrivs mellan kommunerna i Bertinoro.',
          description_en: 'The twinning agreement between the two municipalities is signed in Bertinoro.',
          place: 'Bertinoro',
          source: `${F}:40`,
        },
        {
          kind: 'confirmed',
          date_from: '2002-01-01',
          date_to: '2002-12-31',
          date_precision: 'year',
          description_sv: 'Avtalet fastställs vid en ceremoni i Ale.',
          description_en: 'The agreement is confirmed at a ceremony in Ale.',
          place: 'Ale',
          source: `${F}:40`,
        },
      ],
      // Where the strategy's text places it.
      goals: ['Inriktning för Ale kommuns vänortssamarbete'],
      source: `${F}:40`,
    },
    {
      key: 'west-sweden',
      kind: 'network',
      title_sv: 'Medlemskap i West Sweden',
      title_en: 'Membership of West Sweden',
      status: 'active',
      summary_sv:
        'Genom medlemskapet i West Sweden har möjligheterna att ta tillvara program inom EU ökat. Medlemskapet ger information, kunskap, utbildning och tillgång till ett brett internationellt nätverk. Kommunen ska tillvarata den möjlighet till stöd och stimulans som medlemskapet utgör.',
      summary_en:
        'Membership of West Sweden has increased the possibilities of using EU programmes. It provides information, knowledge, training and access to a broad international network. The municipality is to make use of the support and stimulus that the membership offers.',
      cooperation_areas: [],
      partners: ['west-sweden'],
      events: [],
      source: `${F}:48`,
    },
    {
      key: 'gr',
      kind: 'network',
      title_sv: 'Medlemskap i Göteborgsregionen (GR)',
      title_en: 'Membership of the Gothenburg Region (GR)',
      status: 'active',
      summary_sv: 'Kommunen ska tillvarata den möjlighet till stöd och stimulans som medlemskapet i GR utgör.',
      summary_en: 'The municipality is to make use of the support and stimulus that membership of GR offers.',
      cooperation_areas: [],
      partners: ['gr'],
      events: [],
      source: `${F}:70`,
    },
  ],

  projects: [
    {
      key: 'eu-projekt-1998',
      kind: 'project',
      title_sv: 'EU-projekt 1998 (ett 20-tal projekt)',
      title_en: 'EU projects in 1998 (about 20 projects)',
      summary_sv:
        'Sammanställd post: redan 1998 medverkade Ale kommun i ett 20-tal EU-projekt med en intäkt på c:a 8 miljoner kronor. Merparten av kommunens EU-projekt har bedrivits inom arbetsmarknad, utbildning/kultur, barn/ungdom, vård/omsorg och turism. Strategin namnger inte de enskilda projekten.',
      summary_en:
        "Aggregated record: as early as 1998 Ale took part in about 20 EU projects, bringing in about SEK 8 million. Most of the municipality's EU projects have been in the labour market, education/culture, children/youth, health and social care, and tourism. The strategy does not name the individual projects.",
      status: 'completed',
      year: 1998,
      themes: ['labour_market', 'education', 'culture', 'youth', 'care', 'tourism'],
      target_groups: [],
      countries: [],
      partners: [],
      funding: [
        {
          kind: 'eu_grant',
          source_name: 'EU',
          amount_minor: 800_000_000,
          currency: 'SEK',
          note_sv: 'c:a 8 miljoner kronor för ett 20-tal projekt',
          source: `${F}:44`,
        },
      ],
      results: EU_PROJECT_RESULTS,
      // Where the strategy's text places it.
      goals: ['Tillvarata finansieringsmöjligheter som EU erbjuder i kommunens utvecklingsarbete'],
      source: `${F}:44`,
    },
    {
      key: 'vikinga',
      kind: 'project',
      title_sv: 'Vikinga-projektet',
      title_en: 'The Vikinga project',
      summary_sv:
        'På senare år (före 2006) har Vikinga-projektet dragit till sig drygt 20 miljoner kronor inom Interreg och Mål 3. Strategin beskriver inte projektets innehåll eller period.',
      summary_en:
        'In recent years (before 2006) the Vikinga project has attracted just over SEK 20 million from Interreg and Objective 3. The strategy does not describe the content or period of the project.',
      themes: [],
      target_groups: [],
      countries: [],
      partners: [],
      funding: [
        {
          kind: 'eu_grant',
          programme: 'interreg',
          source_name: 'Interreg och Mål 3',
          amount_minor: 2_000_000_000,
          currency: 'SEK',
          note_sv: 'drygt 20 miljoner kronor, sammanlagt inom Interreg och Mål 3 (strategin anger ingen fördelning mellan programmen)',
          source: `${F}:44`,
        },
      ],
      results: [],
      // Where the strategy's text places it.
      goals: ['Tillvarata finansieringsmöjligheter som EU erbjuder i kommunens utvecklingsarbete'],
      source: `${F}:44`,
    },
    {
      key: 'ame-eu-projekt',
      kind: 'project',
      title_sv: 'Arbetsmarknadsenhetens EU-projekt',
      title_en: "The Labour Market Unit's EU projects",
      summary_sv:
        'Sammanställd post: Arbetsmarknadsenheten har i olika EU-projekt lyckats få sig tilldelade ca 7 EU-miljoner. Strategin namnger inte de enskilda projekten.',
      summary_en:
        'Aggregated record: in various EU projects the Labour Market Unit has been awarded about 7 million in EU funding. The strategy does not name the individual projects.',
      owner_unit: 'arbetsmarknadsenheten',
      themes: ['labour_market'],
      target_groups: [],
      countries: [],
      partners: [],
      funding: [
        {
          kind: 'eu_grant',
          source_name: 'EU',
          currency: 'SEK',
          note_sv:
            'Strategin anger "ca 7 EU-miljoner" utan att säga om det avser kronor eller euro; beloppet har därför inte registrerats.',
          source: `${F}:44`,
        },
      ],
      results: EU_PROJECT_RESULTS,
      // Where the strategy's text places it.
      goals: ['Tillvarata finansieringsmöjligheter som EU erbjuder i kommunens utvecklingsarbete'],
      source: `${F}:44`,
    },
    {
      key: 'morgondagens-entreprenorer',
      kind: 'project',
      title_sv: 'Morgondagens Entreprenörer',
      title_en: "Tomorrow's Entrepreneurs",
      summary_sv: 'Internationellt kunskapsprojekt för ungdomar i samarbete med Oxford Brookes University.',
      summary_en: 'International knowledge project for young people, in cooperation with Oxford Brookes University.',
      status: 'completed',
      themes: ['youth', 'business'],
      target_groups: ['youth'],
      countries: ['GB'],
      partners: [{ org: 'oxford-brookes', role: 'partner' }],
      funding: [],
      results: [],
      source: `${F}:44`,
    },
    {
      key: 'unga-entreprenorer-nya-europa',
      kind: 'project',
      title_sv: 'Unga Entreprenörer i nya Europa',
      title_en: 'Young Entrepreneurs in the New Europe',
      summary_sv: 'Internationellt kunskapsprojekt för ungdomar i samarbete med Oxford Brookes University.',
      summary_en: 'International knowledge project for young people, in cooperation with Oxford Brookes University.',
      status: 'completed',
      themes: ['youth', 'business'],
      target_groups: ['youth'],
      countries: ['GB'],
      partners: [{ org: 'oxford-brookes', role: 'partner' }],
      funding: [],
      results: [],
      source: `${F}:44`,
    },
    {
      key: 'ruukki-elever',
      kind: 'exchange',
      title_sv: 'Elever från Ruukki studerar vid Ale gymnasium',
      title_en: 'Pupils from Ruukki study at Ale Upper Secondary School',
      summary_sv: 'Vid ett flertal tillfällen har elever från vänorten Ruukki studerat på Ale gymnasium.',
      summary_en: 'On several occasions pupils from the twin town of Ruukki have studied at Ale Upper Secondary School.',
      owner_unit: 'ale-gymnasium',
      themes: ['education', 'youth'],
      target_groups: ['pupils'],
      countries: ['FI'],
      partners: [{ org: 'ruukki', role: 'partner' }],
      funding: [],
      results: [],
      partnerships: ['ruukki'],
      source: `${F}:36`,
    },
    {
      key: 'grundskolan-utbyte',
      kind: 'exchange',
      title_sv: 'Lärar- och elevutbyte med andra länder i grundskolan',
      title_en: 'Teacher and pupil exchanges with other countries in compulsory schools',
      summary_sv:
        'Inom grundskolan pågick (2006) ett aktivt internationaliseringsarbete genom bland annat olika EU-program men också genom andra initiativ, som lärar- och elevutbyte med andra länder.',
      summary_en:
        'The compulsory schools were (in 2006) actively internationalising through various EU programmes and other initiatives, such as teacher and pupil exchanges with other countries.',
      owner_unit: 'grundskolan',
      themes: ['education'],
      target_groups: ['teachers', 'pupils'],
      countries: [],
      partners: [],
      funding: [],
      results: [],
      source: `${F}:48`,
    },
    {
      key: 'ale-gymnasium-utbyte',
      kind: 'exchange',
      title_sv: 'Lärar- och elevutbyte med andra länder vid Ale gymnasium',
      title_en: 'Teacher and pupil exchanges with other countries at Ale Upper Secondary School',
      summary_sv:
        'Vid Ale gymnasium pågick (2006) ett aktivt internationaliseringsarbete genom bland annat olika EU-program men också genom andra initiativ, som lärar- och elevutbyte med andra länder.',
      summary_en:
        'Ale Upper Secondary School was (in 2006) actively internationalising through various EU programmes and other initiatives, such as teacher and pupil exchanges with other countries.',
      owner_unit: 'ale-gymnasium',
      themes: ['education'],
      target_groups: ['teachers', 'pupils'],
      countries: [],
      partners: [],
      funding: [],
      results: [],
      source: `${F}:48`,
    },
    {
      key: 'kaufungen-kultur-foreningsliv',
      kind: 'exchange',
      title_sv: 'Utbyten inom kultur och föreningsliv med Kaufungen',
      title_en: 'Cultural and association exchanges with Kaufungen',
      summary_sv:
        'Redan under 1992–93 skapades spontana utbyten mellan kultur och föreningsliv i Ale och Kaufungen. Dessa har sedan dess utvecklats ytterligare, och under senare tid har även näringslivet involverats.',
      summary_en:
        'Spontaneous exchanges in culture and between associations in Ale and Kaufungen began as early as 1992–93. They have grown since, and more recently local businesses have become involved too.',
      year: 1992,
      themes: ['culture'],
      target_groups: ['associations'],
      countries: ['DE'],
      partners: [{ org: 'kaufungen', role: 'partner' }],
      funding: [],
      results: [],
      partnerships: ['kaufungen'],
      source: `${F}:38`,
    },
    {
      key: 'bertinoro-eu-projekt',
      kind: 'project',
      title_sv: 'EU-projekt mellan Ale och Bertinoro',
      title_en: 'EU projects between Ale and Bertinoro',
      summary_sv:
        'Sammanställd post: ett flertal EU-projekt har genomförts mellan vänorterna Ale och Bertinoro (samarbete sedan 1996). Strategin namnger inte de enskilda projekten.',
      summary_en:
        'Aggregated record: several EU projects have been carried out between the twin towns of Ale and Bertinoro (cooperating since 1996). The strategy does not name the individual projects.',
      status: 'completed',
      themes: [],
      target_groups: [],
      countries: ['IT'],
      partners: [{ org: 'bertinoro', role: 'partner' }],
      funding: [],
      results: [],
      partnerships: ['bertinoro'],
      // Where the strategy's text places it.
      goals: ['Starta och genomföra gemensamma projekt'],
      source: `${F}:40`,
    },
  ],
};
