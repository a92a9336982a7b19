/**
 * Content of the accessibility statement (tillgänglighetsredogörelse) at
 * `/tillganglighet` and `/en/tillganglighet`.
 *
 * Lagen (2018:1937) om tillgänglighet till digital offentlig service (the DOS
 * law) requires one, and Myndigheten för digital förvaltning (Digg) prescribes
 * what it must contain. The structure and headings follow Digg's model
 * statement, which is in turn based on the EU model accessibility statement in
 * Commission Implementing Decision (EU) 2018/1523. A statement must contain:
 *
 *  - the name of the public body and of the website,
 *  - compliance status in the words "helt förenlig", "delvis förenlig" or
 *    "inte förenlig",
 *  - a full list of content that is not accessible and why,
 *  - content exempted as a disproportionate burden (12 §) and content outside
 *    the law's scope (9 §),
 *  - the date and method of the assessment and the date of the last update,
 *  - a way to report problems and to request inaccessible content,
 *  - a link to Digg's reporting function (https://www.digg.se/tdosanmalan).
 *
 * This module only builds text; the page renders it. Keep the Swedish and the
 * English versions section for section in step.
 */

export interface StatementFacts {
  /** Name of the website, e.g. "Utblick" or "Internationellt arbete i Exempelstad". */
  installationName: string;
  /** The public body responsible for the website, e.g. "Exempelstads kommun". */
  organisationName: string;
  contactEmail: string;
  contactPhone?: string;
  /** How many working days it normally takes us to answer. */
  responseDays: number;
  /** ISO date (YYYY-MM-DD) of the latest assessment of the website. */
  testedOn: string;
  /** ISO date the statement was first prepared and published. */
  publishedOn: string;
  /** ISO date the statement was last reviewed or updated. */
  updatedOn: string;
  /**
   * Real failures against the law's requirements (EN 301 549 / WCAG 2.1 AA),
   * each saying what does not work, for whom, and why. Any entry here makes
   * the site "delvis förenlig" (partially compliant).
   */
  knownIssues: { sv: string; en: string }[];
}

export interface StatementSection {
  heading: string;
  paragraphs: string[];
  list?: string[];
  links?: { href: string; text: string }[];
}

export interface Statement {
  title: string;
  lead: string;
  sections: StatementSection[];
}

/** Digg's reporting function, as Digg asks statements to link to it. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

export const DEFAULT_FACTS: StatementFacts = {
  installationName: 'Utblick',
  organisationName: 'Utblick',
  contactEmail: 'tillganglighet@utblick.example',
  responseDays: 5,
  testedOn: '2026-11-21',
  publishedOn: '2026-11-21',
  updatedOn: '2026-11-21',
  knownIssues: [],
};

const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** "2026-11-21" → "21 november 2026" / "21 November 2026". Anything else is returned as given. */
function formatDate(lang: 'sv' | 'en', iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  const day = Number(m[3]);
  if (month === undefined || day < 1 || day > 31) return iso;
  return `${day} ${month} ${m[1]}`;
}

function workingDays(lang: 'sv' | 'en', n: number): string {
  if (lang === 'sv') return `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}

function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

function contactLinks(lang: 'sv' | 'en', facts: StatementFacts): { href: string; text: string }[] {
  const email = facts.contactEmail.trim();
  const links = [
    {
      href: `mailto:${email}`,
      text: lang === 'sv' ? `Skicka e-post till ${email}` : `Email ${email}`,
    },
  ];
  const phone = facts.contactPhone?.trim();
  if (phone) {
    links.push({ href: telHref(phone), text: lang === 'sv' ? `Ring ${phone}` : `Call ${phone}` });
  }
  return links;
}

/** The statement in Swedish ('sv') or English ('en'), built from the facts. Pure function. */
export function accessibilityStatement(lang: 'sv' | 'en', facts: StatementFacts): Statement {
  return lang === 'sv' ? swedish(facts) : english(facts);
}

function swedish(f: StatementFacts): Statement {
  const site = f.installationName.trim();
  const org = f.organisationName.trim();
  const issues = f.knownIssues.map((i) => i.sv);
  const full = issues.length === 0;
  const law = 'lagen (2018:1937) om tillgänglighet till digital offentlig service';
  const responseTime = `Vi svarar normalt inom ${workingDays('sv', f.responseDays)}.`;
  const contact = contactLinks('sv', f);
  const phone = f.contactPhone?.trim();

  const owner =
    org === site
      ? `${org} står bakom den här webbplatsen.`
      : `${org} står bakom webbplatsen ${site}.`;

  return {
    title: `Tillgänglighetsredogörelse för ${site}`,
    lead:
      `${owner} Vi vill att så många som möjligt ska kunna använda webbplatsen. ` +
      `Här beskriver vi hur ${site} uppfyller ${law}, vilka kända tillgänglighetsproblem som finns ` +
      'och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
    sections: [
      {
        heading: 'Hur tillgänglig är webbplatsen?',
        paragraphs: [
          `Redogörelsen gäller den öppna webbplatsen ${site}, både den svenska och den engelska versionen. ${org} ansvarar för webbplatsen.`,
          full
            ? 'Vi känner inte till några delar av webbplatsen som inte är tillgängliga. Du ska kunna använda hela webbplatsen med enbart tangentbord och på en liten skärm, till exempel en mobiltelefon.'
            : `Vi känner till ${issues.length === 1 ? 'en brist' : `${issues.length} brister`} i webbplatsens tillgänglighet. Vi beskriver ${issues.length === 1 ? 'den' : 'dem'} under rubriken Innehåll som inte är tillgängligt.`,
        ],
      },
      {
        heading: 'Vad kan du göra om du inte kan använda delar av webbplatsen?',
        paragraphs: [
          'Om du inte kan ta del av något innehåll på webbplatsen kan du kontakta oss. ' +
            'Berätta vilken information du behöver, så ser vi till att du får den på ett sätt som fungerar för dig, ' +
            `till exempel som text i ett e-postmeddelande${phone ? ' eller uppläst i telefon' : ''}.`,
          responseTime,
        ],
        links: contact,
      },
      {
        heading: 'Rapportera brister i webbplatsens tillgänglighet',
        paragraphs: [
          'Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. ' +
            'Om du upplever problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, ' +
            'vill vi att du meddelar oss. Då vet vi att problemet finns och kan åtgärda det.',
          'Skriv gärna vilken sida det gäller, vad som inte fungerar och vilken webbläsare eller vilka hjälpmedel du använder.',
          responseTime,
        ],
        links: contact,
      },
      {
        heading: 'Tillsyn',
        paragraphs: [
          `Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn enligt ${law}.`,
          'Om du inte är nöjd med hur vi har hanterat dina synpunkter, eller om du har begärt innehåll i tillgänglig form utan att få det, ' +
            'kan du anmäla det till Digg. Du kan också anmäla direkt till Digg om du inte vill kontakta oss först.',
        ],
        links: [{ href: DIGG_REPORT_URL, text: 'Anmäl bristande tillgänglighet på Diggs webbplats' }],
      },
      {
        heading: 'Teknisk information om webbplatsens tillgänglighet',
        paragraphs: [
          full
            ? `Den här webbplatsen är helt förenlig med ${law}.`
            : `Den här webbplatsen är delvis förenlig med ${law}, på grund av de brister som beskrivs nedan.`,
          'Lagens krav finns i den europeiska standarden EN 301 549 (version 3.2.1). ' +
            'För webbplatser motsvarar kraven nivå AA i riktlinjerna WCAG 2.1 (Web Content Accessibility Guidelines).',
        ],
      },
      {
        heading: 'Innehåll som inte är tillgängligt',
        paragraphs: full
          ? ['Vi känner inte till något innehåll på webbplatsen som inte uppfyller lagens krav.']
          : [
              'Innehållet som beskrivs nedan uppfyller ännu inte lagens krav. Vi arbetar med att rätta bristerna. ' +
                'Fram till dess kan du kontakta oss för att få informationen på ett annat sätt.',
            ],
        ...(full ? {} : { list: issues }),
      },
      {
        heading: 'Oskäligt betungande anpassning',
        paragraphs: [
          'Vi åberopar inte undantaget för oskäligt betungande anpassning enligt 12 § i lagen. ' +
            'Det betyder att vi inte har valt bort att göra något innehåll tillgängligt för att det skulle vara för dyrt eller för svårt.',
        ],
      },
      {
        heading: 'Innehåll som inte omfattas av lagkraven',
        paragraphs: [
          'Vi undantar inget innehåll på webbplatsen med stöd av 9 § i lagen. ' +
            'Webbplatsen länkar till andra webbplatser, till exempel webbplatser som tillhör våra partner. Den som driver en sådan webbplats ansvarar för dess tillgänglighet.',
        ],
      },
      {
        heading: 'Så har vi gjort webbplatsen tillgänglig',
        paragraphs: [
          'Kartan över våra partner är en bild. Samma uppgifter finns som text i listan direkt under kartan. ' +
            'Du behöver alltså inte kunna se kartan för att ta del av informationen, och kartan är därför inte en brist i tillgängligheten.',
        ],
      },
      {
        heading: 'Hur vi testat webbplatsen',
        paragraphs: [
          'Vi testar webbplatsen själva (självskattning). Vi har inte anlitat någon extern granskare.',
          'Varje sida testas automatiskt med verktyget axe i webbläsaren Chromium, både i 320 och i 1280 pixlars bredd. ' +
            'Vi testar också att hela webbplatsen går att använda med enbart tangentbord.',
          `Senaste bedömningen gjordes den ${formatDate('sv', f.testedOn)}.`,
          `Redogörelsen upprättades den ${formatDate('sv', f.publishedOn)} och uppdaterades senast den ${formatDate('sv', f.updatedOn)}.`,
        ],
      },
    ],
  };
}

function english(f: StatementFacts): Statement {
  const site = f.installationName.trim();
  const org = f.organisationName.trim();
  const issues = f.knownIssues.map((i) => i.en);
  const full = issues.length === 0;
  const law = 'the Swedish Act on accessibility to digital public services (2018:1937)';
  const responseTime = `We normally reply within ${workingDays('en', f.responseDays)}.`;
  const contact = contactLinks('en', f);
  const phone = f.contactPhone?.trim();

  const owner = org === site ? `This website is run by ${org}.` : `The website ${site} is run by ${org}.`;

  return {
    title: `Accessibility statement for ${site}`,
    lead:
      `${owner} We want as many people as possible to be able to use it. ` +
      `This page explains how ${site} meets ${law}, which accessibility problems we know about, ` +
      'and how you can report problems to us so that we can fix them.',
    sections: [
      {
        heading: 'How accessible is this website?',
        paragraphs: [
          `This statement applies to the public website ${site}, in both its Swedish and its English version. ${org} is responsible for the website.`,
          full
            ? 'We do not know of any part of the website that is not accessible. You should be able to use the whole website with a keyboard only and on a small screen, such as a mobile phone.'
            : `We know of ${issues.length === 1 ? 'one problem' : `${issues.length} problems`} with the accessibility of this website. ${issues.length === 1 ? 'It is' : 'They are'} described under the heading Non-accessible content.`,
        ],
      },
      {
        heading: 'What to do if you cannot use parts of this website',
        paragraphs: [
          'If you cannot access any content on this website, please contact us. ' +
            'Tell us what information you need and we will make sure you get it in a way that works for you, ' +
            `for example as text in an email${phone ? ' or read to you over the phone' : ''}.`,
          responseTime,
        ],
        links: contact,
      },
      {
        heading: 'Reporting accessibility problems',
        paragraphs: [
          'We are always working to improve the accessibility of this website. ' +
            'If you have problems that are not described on this page, or you think we are not meeting the requirements of the law, ' +
            'please let us know. Then we know about the problem and can fix it.',
          'It helps if you tell us which page it is about, what does not work, and which browser or assistive technology you use.',
          responseTime,
        ],
        links: contact,
      },
      {
        heading: 'Enforcement procedure',
        paragraphs: [
          `The Swedish Agency for Digital Government (Digg) is responsible for enforcing ${law}.`,
          'If you are not happy with how we have handled your feedback, or you asked us for content in an accessible form and did not get it, ' +
            'you can report this to Digg. You can also report directly to Digg if you do not want to contact us first.',
        ],
        links: [{ href: DIGG_REPORT_URL, text: "Report lack of accessibility on Digg's website (in Swedish)" }],
      },
      {
        heading: "Technical information about this website's accessibility",
        paragraphs: [
          full
            ? `This website is fully compliant with ${law}.`
            : `This website is partially compliant with ${law}, due to the problems described below.`,
          'The requirements of the law are those in the European standard EN 301 549 (version 3.2.1). ' +
            'For websites, they correspond to level AA of the Web Content Accessibility Guidelines (WCAG) 2.1.',
        ],
      },
      {
        heading: 'Non-accessible content',
        paragraphs: full
          ? ['We do not know of any content on this website that does not meet the requirements of the law.']
          : [
              'The content described below does not yet meet the requirements of the law. We are working to fix these problems. ' +
                'Until then, you can contact us to get the information in another way.',
            ],
        ...(full ? {} : { list: issues }),
      },
      {
        heading: 'Disproportionate burden',
        paragraphs: [
          'We do not claim the exemption for disproportionate burden under section 12 of the Act. ' +
            'This means we have not chosen to leave any content inaccessible because fixing it would cost too much or be too difficult.',
        ],
      },
      {
        heading: 'Content that is not within the scope of the law',
        paragraphs: [
          'We do not exempt any content on this website under section 9 of the Act. ' +
            'The website links to other websites, for example those of our partners. Whoever runs such a website is responsible for its accessibility.',
        ],
      },
      {
        heading: 'How we made this website accessible',
        paragraphs: [
          'The map of our partners is an image. The same information is available as text in the list directly below the map. ' +
            'You do not need to see the map to get the information, so the map is not an accessibility problem.',
        ],
      },
      {
        heading: 'How we tested this website',
        paragraphs: [
          'We test the website ourselves (self-assessment). We have not used an external auditor.',
          'Every page is tested automatically with the axe tool in the Chromium browser, at both 320 and 1280 pixels wide. ' +
            'We also test that the whole website can be used with a keyboard only.',
          `The most recent assessment was made on ${formatDate('en', f.testedOn)}.`,
          `This statement was prepared on ${formatDate('en', f.publishedOn)} and last updated on ${formatDate('en', f.updatedOn)}.`,
        ],
      },
    ],
  };
}
