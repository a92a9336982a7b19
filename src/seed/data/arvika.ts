/**
 * Arvika kommun: seed data taken from its adopted strategy, `seeds/000_af5e98bccb955d3a.txt`
 * ("Internationell strategi", adopted by Kommunstyrelsen 12 November 2012, § 258).
 *
 * Only what the document says is recorded. Facts that the document does not give (dates of the
 * twinning agreement, populations of the twin towns, the municipality's vision text) are left out.
 * Coordinates, regions and websites of external organisations are public facts added for the map.
 */
import type { SeedMunicipality } from '../types.js';
import { ARVIKA_STRATEGY_TEXT } from './strategy-texts.js';

const F = 'seeds/000_af5e98bccb955d3a.txt';

export const arvika: SeedMunicipality = {
  code: '1784',
  slug: 'arvika',
  name_sv: 'Arvika kommun',
  name_en: 'Arvika Municipality',
  county_code: '17',
  county_name: 'Värmlands län',
  // Line 15 refers to "kommunens vision" without quoting it: no vision text is recorded.
  website: 'https://www.arvika.se',
  source: `${F}:1-5`,

  strategy: { text: ARVIKA_STRATEGY_TEXT, source: 'seeds/000_af5e98bccb955d3a.txt:1-78' },

  organisations: [
    // --- the municipality's own bodies (line 28) ---
    {
      key: 'kf',
      is_internal: true,
      kind: 'council',
      name_sv: 'Kommunfullmäktige',
      name_en: 'Municipal Council',
      short_name: 'KF',
      description_sv: 'Företräder, tillsammans med eller i stället för Kommunstyrelsen, kommunen vid officiell representation.',
      description_en: 'Represents the municipality on official occasions, together with or instead of the Municipal Executive Board.',
      source: `${F}:28`,
    },
    {
      key: 'ks',
      is_internal: true,
      kind: 'executive_board',
      name_sv: 'Kommunstyrelsen',
      name_en: 'Municipal Executive Board',
      short_name: 'KS',
      description_sv:
        'Leder det internationella arbetet och ansvarar för vänortssamarbetet. Företräder kommunen vid officiell representation. Antog den internationella strategin den 12 november 2012, § 258.',
      description_en:
        'Leads the international work and is responsible for the twin-town cooperation. Represents the municipality on official occasions. Adopted the international strategy on 12 November 2012 (minute § 258).',
      source: `${F}:28`,
    },
    {
      key: 'forvaltningar',
      is_internal: true,
      kind: 'department',
      name_sv: 'Förvaltningarna',
      name_en: 'The municipal departments',
      description_sv:
        'Samlingsbegrepp i strategin ("Förvaltning och bolag"): ansvarar för att det strategiska internationella arbetet integreras i verksamheterna och för omvärldsbevakning inom sina respektive verksamhetsområden.',
      description_en:
        'Collective term in the strategy: the departments ensure that the strategic international work is integrated into their operations and scan international developments in their own fields.',
      source: `${F}:28`,
    },
    {
      key: 'bolag',
      is_internal: true,
      kind: 'company',
      name_sv: 'Bolagen',
      name_en: 'The municipal companies',
      description_sv:
        'Samlingsbegrepp i strategin ("Förvaltning och bolag"): kommunens bolag ansvarar för att det strategiska internationella arbetet integreras i verksamheterna och för omvärldsbevakning inom sina respektive verksamhetsområden.',
      description_en:
        "Collective term in the strategy: the municipality's companies ensure that the strategic international work is integrated into their operations and scan international developments in their own fields.",
      source: `${F}:28`,
    },

    // --- twin towns (line 57): one multilateral agreement ---
    {
      key: 'ylojarvi',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Ylöjärvi',
      name_en: 'Ylöjärvi',
      country: 'FI',
      region: 'Birkaland (Pirkanmaa)',
      website: 'https://www.ylojarvi.fi',
      latitude: 61.55,
      longitude: 23.6,
      description_sv: 'Vänort i Finland genom det gemensamma vänortsavtalet mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      description_en: 'Twin town in Finland under the joint twinning agreement between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      source: `${F}:57`,
    },
    {
      key: 'skive',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Skive',
      name_en: 'Skive',
      country: 'DK',
      region: 'Region Midtjylland',
      website: 'https://www.skive.dk',
      latitude: 56.57,
      longitude: 9.03,
      description_sv: 'Vänort i Danmark genom det gemensamma vänortsavtalet mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      description_en: 'Twin town in Denmark under the joint twinning agreement between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      source: `${F}:57`,
    },
    {
      key: 'kongsvinger',
      is_internal: false,
      kind: 'municipality',
      name_sv: 'Kongsvinger',
      name_en: 'Kongsvinger',
      country: 'NO',
      region: 'Innlandet',
      website: 'https://www.kongsvinger.kommune.no',
      latitude: 60.19,
      longitude: 12.0,
      description_sv: 'Vänort i Norge genom det gemensamma vänortsavtalet mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      description_en: 'Twin town in Norway under the joint twinning agreement between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      source: `${F}:57`,
    },

    // --- networks and organisations named in the text ---
    {
      key: 'arko',
      is_internal: false,
      kind: 'network',
      name_sv: 'ARKO',
      short_name: 'ARKO',
      description_sv: 'Elva gränskommuner i samverkan (enligt strategin 2012). Huvudsaklig kanal för samarbetet med Norge.',
      description_en: 'Eleven border municipalities working together (according to the 2012 strategy). The main channel for cooperation with Norway.',
      source: `${F}:59`,
    },
    {
      key: 'svensk-norsk-handelskammare',
      is_internal: false,
      kind: 'association',
      name_sv: 'Svensk-Norsk Handelskammare',
      name_en: 'Swedish-Norwegian Chamber of Commerce',
      description_sv: 'Intresseorganisation som strategin nämner som exempel på strategiska relationer på båda sidor gränsen.',
      description_en: 'Interest organisation that the strategy names as an example of strategic relations on both sides of the border.',
      source: `${F}:65`,
    },
    {
      key: 'skr',
      is_internal: false,
      kind: 'association',
      name_sv: 'Sveriges Kommuner och Regioner',
      name_en: 'Swedish Association of Local Authorities and Regions',
      short_name: 'SKR',
      country: 'SE',
      website: 'https://skr.se',
      description_sv: 'Erbjuder tillsammans med ICLD en Sida-finansierad samarbetsform för kommunala partnerskap som främjar lokal demokrati.',
      description_en: 'Together with ICLD, offers a Sida-funded form of municipal partnership that promotes local democracy.',
      source: `${F}:72`,
    },
    {
      key: 'icld',
      is_internal: false,
      kind: 'other',
      name_sv: 'ICLD (Internationellt Centrum för Lokal Demokrati)',
      name_en: 'ICLD (Swedish International Centre for Local Democracy)',
      short_name: 'ICLD',
      country: 'SE',
      website: 'https://icld.se',
      description_sv: 'Erbjuder tillsammans med Sveriges Kommuner och Regioner en Sida-finansierad samarbetsform där kommuner bidrar till att utveckla kommunal och regional verksamhet i prioriterade samarbetsländer.',
      description_en: 'Together with SKR, offers a Sida-funded form of cooperation in which municipalities help develop local and regional government in priority partner countries.',
      source: `${F}:72`,
    },
    {
      key: 'sida',
      is_internal: false,
      kind: 'authority',
      name_sv: 'Sida (Styrelsen för internationellt utvecklingssamarbete)',
      name_en: 'Sida (Swedish International Development Cooperation Agency)',
      short_name: 'Sida',
      country: 'SE',
      website: 'https://www.sida.se',
      description_sv: 'Finansierar enligt strategin (2012) samarbetsformen via SKR och ICLD och ersätter både omkostnader och arbetstid.',
      description_en: 'According to the strategy (2012), funds the partnerships offered through SKR and ICLD, reimbursing both costs and working time.',
      source: `${F}:72`,
    },
    {
      key: 'eu',
      is_internal: false,
      kind: 'other',
      name_sv: 'Europeiska unionen',
      name_en: 'European Union',
      short_name: 'EU',
      website: 'https://european-union.europa.eu',
      description_sv: 'EU:s fonder och program ska integreras i utvecklingsarbetet; EU uppmuntrar samverkan mellan vänorter.',
      description_en: "The EU's funds and programmes are to be integrated into development work; the EU encourages cooperation between twin towns.",
      source: `${F}:34`,
    },
  ],

  partnerships: [
    {
      key: 'vanorter',
      kind: 'twinning',
      title_sv: 'Vänortssamarbetet Arvika–Ylöjärvi–Skive–Kongsvinger',
      title_en: 'Twin-town cooperation Arvika–Ylöjärvi–Skive–Kongsvinger',
      status: 'active',
      summary_sv:
        'Ett vänortsavtal finns tecknat mellan Arvika, Ylöjärvi, Skive och Kongsvinger kommuner. Vänortskontakterna etablerades på 1940- och 1950-talet. Under åren har traditionellt vänortsarbete bedrivits med politikermöten, ungdoms-, kultur- och förvaltningsutbyte. Kommunstyrelsen ansvarar för vänortssamarbetet, som ska utvärderas och vid behov förändras.',
      summary_en:
        'A twinning agreement has been signed between the municipalities of Arvika, Ylöjärvi, Skive and Kongsvinger. The twin-town contacts were established in the 1940s and 1950s. Over the years, traditional twin-town work has consisted of meetings of politicians and youth, cultural and administrative exchanges. The Municipal Executive Board is responsible for the cooperation, which is to be evaluated and changed where needed.',
      cooperation_areas: ['youth', 'culture', 'administration'],
      partners: ['ylojarvi', 'skive', 'kongsvinger'],
      events: [
        {
          kind: 'first_contact',
          date_from: '1940-01-01',
          date_to: '1959-12-31',
          date_precision: 'decade',
          description_sv: 'Vänortskontakterna etablerades på 1940- och 1950-talet.',
          description_en: 'The twin-town contacts were established in the 1940s and 1950s.',
          source: `${F}:57`,
        },
      ],
      // Where the strategy's text places it.
      goals: ['Norge och vänorterna'],
      source: `${F}:57`,
    },
    {
      key: 'arko',
      kind: 'network',
      title_sv: 'Samverkan inom ARKO',
      title_en: 'Cooperation within ARKO',
      status: 'active',
      summary_sv:
        'Samarbetet med Norge sker i olika frågor främst via ARKO (elva gränskommuner i samverkan). Strategin slår fast fortsatt samverkan inom ARKO. Norgesamarbetet inriktas mot infrastruktur, näringsliv, kompetensförsörjning och kultur.',
      summary_en:
        'Cooperation with Norway on various issues takes place mainly through ARKO (eleven border municipalities working together). The strategy sets out continued cooperation within ARKO. The cooperation with Norway focuses on infrastructure, business, skills supply and culture.',
      cooperation_areas: ['infrastructure', 'business', 'skills', 'culture'],
      partners: ['arko'],
      events: [],
      // Where the strategy's text places it.
      goals: ['Fortsatt samverkan inom ARKO'],
      source: `${F}:59-64`,
    },
    {
      key: 'svensk-norsk-handelskammare',
      kind: 'cooperation',
      title_sv: 'Strategiska relationer på båda sidor gränsen: Svensk-Norsk Handelskammare',
      title_en: 'Strategic relations on both sides of the border: Swedish-Norwegian Chamber of Commerce',
      status: 'active',
      summary_sv:
        'Kommunen ska förbättra och stärka strategiska relationer med regionala företrädare och med intresseorganisationer på båda sidor gränsen, till exempel Svensk-Norsk Handelskammare.',
      summary_en:
        'The municipality is to improve and strengthen its strategic relations with regional representatives and interest organisations on both sides of the border, for example the Swedish-Norwegian Chamber of Commerce.',
      cooperation_areas: ['business'],
      partners: ['svensk-norsk-handelskammare'],
      events: [],
      // Where the strategy's text places it.
      goals: ['Förbättra och stärka strategiska relationer med regionala företrädare och med intresseorganisationer på båda sidor gränsen, ex Svensk-Norsk Handelskammare'],
      source: `${F}:65`,
    },
    // The democracy partnerships via SKR and ICLD (lines 72-76) describe a form of cooperation the
    // municipality may take part in, not an existing partnership: none is recorded.
  ],

  projects: [
    // Traditional twin-town work (line 57): "politikermöten, ungdoms-, kultur- och förvaltningsutbyte".
    // The document gives no dates, participants or status for these exchanges.
    {
      key: 'vanort-politikermoten',
      kind: 'exchange',
      title_sv: 'Politikermöten mellan vänorterna',
      title_en: 'Meetings of politicians between the twin towns',
      summary_sv:
        'Politikermöten är en del av det traditionella vänortsarbete som under åren bedrivits mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      summary_en:
        'Meetings of politicians are part of the traditional twin-town work carried out over the years between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      owner_unit: 'ks',
      themes: [],
      target_groups: ['politicians'],
      countries: ['FI', 'DK', 'NO'],
      partners: [
        { org: 'ylojarvi', role: 'partner' },
        { org: 'skive', role: 'partner' },
        { org: 'kongsvinger', role: 'partner' },
      ],
      funding: [],
      results: [],
      partnerships: ['vanorter'],
      // Where the strategy's text places it.
      goals: ['Norge och vänorterna'],
      source: `${F}:57`,
    },
    {
      key: 'vanort-ungdomsutbyte',
      kind: 'exchange',
      title_sv: 'Ungdomsutbyte mellan vänorterna',
      title_en: 'Youth exchange between the twin towns',
      summary_sv:
        'Ungdomsutbyte är en del av det traditionella vänortsarbete som under åren bedrivits mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      summary_en:
        'Youth exchange is part of the traditional twin-town work carried out over the years between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      owner_unit: 'ks',
      themes: ['youth'],
      target_groups: ['youth'],
      countries: ['FI', 'DK', 'NO'],
      partners: [
        { org: 'ylojarvi', role: 'partner' },
        { org: 'skive', role: 'partner' },
        { org: 'kongsvinger', role: 'partner' },
      ],
      funding: [],
      results: [],
      partnerships: ['vanorter'],
      // Where the strategy's text places it.
      goals: ['Norge och vänorterna'],
      source: `${F}:57`,
    },
    {
      key: 'vanort-kulturutbyte',
      kind: 'exchange',
      title_sv: 'Kulturutbyte mellan vänorterna',
      title_en: 'Cultural exchange between the twin towns',
      summary_sv:
        'Kulturutbyte är en del av det traditionella vänortsarbete som under åren bedrivits mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      summary_en:
        'Cultural exchange is part of the traditional twin-town work carried out over the years between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      owner_unit: 'ks',
      themes: ['culture'],
      target_groups: [],
      countries: ['FI', 'DK', 'NO'],
      partners: [
        { org: 'ylojarvi', role: 'partner' },
        { org: 'skive', role: 'partner' },
        { org: 'kongsvinger', role: 'partner' },
      ],
      funding: [],
      results: [],
      partnerships: ['vanorter'],
      // Where the strategy's text places it.
      goals: ['Norge och vänorterna'],
      source: `${F}:57`,
    },
    {
      key: 'vanort-forvaltningsutbyte',
      kind: 'exchange',
      title_sv: 'Förvaltningsutbyte mellan vänorterna',
      title_en: 'Administrative exchange between the twin towns',
      summary_sv:
        'Förvaltningsutbyte är en del av det traditionella vänortsarbete som under åren bedrivits mellan Arvika, Ylöjärvi, Skive och Kongsvinger.',
      summary_en:
        'Exchange between the municipal administrations is part of the traditional twin-town work carried out over the years between Arvika, Ylöjärvi, Skive and Kongsvinger.',
      owner_unit: 'ks',
      themes: ['administration'],
      target_groups: ['staff'],
      countries: ['FI', 'DK', 'NO'],
      partners: [
        { org: 'ylojarvi', role: 'partner' },
        { org: 'skive', role: 'partner' },
        { org: 'kongsvinger', role: 'partner' },
      ],
      funding: [],
      results: [],
      partnerships: ['vanorter'],
      // Where the strategy's text places it.
      goals: ['Norge och vänorterna'],
      source: `${F}:57`,
    },
  ],
};
