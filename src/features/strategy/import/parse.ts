/**
 * The strategy importer's reader: proposes a strategy and its goal tree from the document's own
 * text (plain text as copied from a web page or a Word file, or markdown). Pure and total: any
 * string gives a proposal, with warnings for what could not be worked out; it never throws.
 *
 * How the text is read, in order:
 * 1. Normalised: line breaks, odd spaces and invisible characters, tabs.
 * 2. Cut into units: headings (`#`), list items (bullets, `1.`, `1)`, `a)` … nested by indentation
 *    or by a change of numbering), and paragraphs. A text copied from the web has one paragraph per
 *    line ("soft" lines); a hard-wrapped text (every line ≤ 110 characters, sentences running over
 *    line ends) is joined back into paragraphs.
 * 3. Facts taken out: the web page's feedback prompt and other page chrome, the adoption decision
 *    ("Antaget av Kommunstyrelsen den 12 november 2012, § 258", "Dnr KS 2019/123", or a table of
 *    "Beslutad av: …"), the quoted vision near the top, the title (first line or `#`).
 * 4. Headings found: markdown headings, bold lines, and in plain text short lines without a full
 *    stop that are followed by something. Each heading is classified by its words: a known section
 *    (Inledning, Syfte, Bakgrund → body; Ansvarsfördelning, Organisation → responsibilities; Vision),
 *    a level label ("Övergripande mål", "Målområden och aktiviteter", "Aktiviteter", "Delmål"), an
 *    instance of a level ("Mål 1: Ökad kompetens"), a group ("Inriktning för Ale kommuns
 *    internationella arbete"), or a plain heading (a target area's own name).
 * 5. In plain text, levels are inferred: a level label followed directly by headings opens a
 *    container whose headings are nodes of that level; a label like "Aktiviteter" belongs to the
 *    node before it.
 * 6. The sections are read into the tree: list items and headings under a label become nodes with
 *    the document's own level name, introductory paragraphs become descriptions, everything else
 *    goes to the body (or to the responsibilities).
 *
 * A node's title is its text's first sentence; the rest goes to its description.
 */
import type { ProposedNode, ProposedStrategy } from '../model.js';

type Message = { sv: string; en: string };

/** Longer texts are cut here (a strategy is a few pages; this keeps the work bounded). */
const MAX_CHARS = 1_000_000;
const MAX_TITLE = 500;
const MAX_DEPTH = 8;
const MAX_NODES = 2000;
/** Longer lines are cut (a paragraph is rarely over a few thousand characters). */
const MAX_LINE = 20_000;

// ── Words ────────────────────────────────────────────────────────────────────

type Gender = 'n' | 'c';

/** Goal-level nouns in every form the documents use, with their singular and gender. */
const NOUNS: [forms: string[], singular: string, gender: Gender][] = [
  [['målområdena', 'målområden', 'målområdet', 'målområde'], 'målområde', 'n'],
  [['fokusområdena', 'fokusområden', 'fokusområdet', 'fokusområde'], 'fokusområde', 'n'],
  [['insatsområdena', 'insatsområden', 'insatsområdet', 'insatsområde'], 'insatsområde', 'n'],
  [['utvecklingsområdena', 'utvecklingsområden', 'utvecklingsområdet', 'utvecklingsområde'], 'utvecklingsområde', 'n'],
  [['strategiområdena', 'strategiområden', 'strategiområdet', 'strategiområde'], 'strategiområde', 'n'],
  [['inriktningsområdena', 'inriktningsområden', 'inriktningsområdet', 'inriktningsområde'], 'inriktningsområde', 'n'],
  [['områdena', 'områden', 'området', 'område'], 'område', 'n'],
  [['delmålen', 'delmålet', 'delmål'], 'delmål', 'n'],
  [['effektmålen', 'effektmålet', 'effektmål'], 'effektmål', 'n'],
  [['resultatmålen', 'resultatmålet', 'resultatmål'], 'resultatmål', 'n'],
  [['verksamhetsmålen', 'verksamhetsmålet', 'verksamhetsmål'], 'verksamhetsmål', 'n'],
  [['inriktningsmålen', 'inriktningsmålet', 'inriktningsmål'], 'inriktningsmål', 'n'],
  [['målen', 'målet', 'mål'], 'mål', 'n'],
  [['viljeinriktningarna', 'viljeinriktningar', 'viljeinriktningen', 'viljeinriktning'], 'viljeinriktning', 'c'],
  [['inriktningarna', 'inriktningar', 'inriktningen', 'inriktning'], 'inriktning', 'c'],
  [['målsättningarna', 'målsättningar', 'målsättningen', 'målsättning'], 'målsättning', 'c'],
  [['prioriteringarna', 'prioriteringar', 'prioriteringen', 'prioritering'], 'prioritering', 'c'],
  [['aktiviteterna', 'aktiviteter', 'aktiviteten', 'aktivitet'], 'aktivitet', 'c'],
  [['åtgärderna', 'åtgärder', 'åtgärden', 'åtgärd'], 'åtgärd', 'c'],
  [['insatserna', 'insatser', 'insatsen', 'insats'], 'insats', 'c'],
  // Only the plural: "Strategi för …" is usually the document's own name, not a level.
  [['strategierna', 'strategier'], 'strategi', 'c'],
];
const NOUN_OF = new Map<string, { singular: string; gender: Gender }>();
for (const [forms, singular, gender] of NOUNS) for (const f of forms) NOUN_OF.set(f, { singular, gender });
const NOUN_ALT = [...NOUN_OF.keys()].sort((a, b) => b.length - a.length).join('|');

/** Adjectives that may stand before a level noun; possessives are dropped from level names. */
const ADJECTIVES = [
  'övergripande',
  'strategiska',
  'strategisk',
  'strategiskt',
  'långsiktiga',
  'långsiktig',
  'långsiktigt',
  'kortsiktiga',
  'prioriterade',
  'prioriterad',
  'prioriterat',
  'konkreta',
  'konkret',
  'gemensamma',
  'gemensamt',
  'politiska',
  'särskilda',
  'utvalda',
  'centrala',
  'viktiga',
  'nya',
  'våra',
  'vår',
  'vårt',
  'kommunens',
  'kommunkoncernens',
];
const POSSESSIVES = new Set(['våra', 'vår', 'vårt', 'kommunens', 'kommunkoncernens']);
const ADJ_ALT = ADJECTIVES.join('|');

const L = '\\p{L}\\p{N}';
/** A level phrase at the start: adjectives, the noun, and the rest. */
const KEYWORD_START = new RegExp(`^((?:(?:${ADJ_ALT})\\s+){0,3})(${NOUN_ALT})(?![${L}])(.*)$`, 'iu');
/** A level phrase anywhere (for lead-ins such as "De övergripande målen … är att:"). */
const KEYWORD_ANY = new RegExp(`(?<![${L}])((?:(?:${ADJ_ALT})\\s+){0,3})(${NOUN_ALT})(?![${L}])`, 'iu');

interface Keyword {
  adjectives: string[];
  singular: string;
  gender: Gender;
  rest: string;
}

function keywordAtStart(text: string): Keyword | null {
  const m = KEYWORD_START.exec(text);
  if (!m) return null;
  const noun = NOUN_OF.get(m[2]!.toLowerCase());
  if (!noun) return null;
  return { adjectives: m[1]!.trim().toLowerCase().split(/\s+/).filter(Boolean), singular: noun.singular, gender: noun.gender, rest: m[3] ?? '' };
}

function keywordAnywhere(text: string): Keyword | null {
  const m = KEYWORD_ANY.exec(text);
  if (!m) return null;
  const noun = NOUN_OF.get(m[2]!.toLowerCase());
  if (!noun) return null;
  const adjectives = m[1]!.trim().toLowerCase().split(/\s+/).filter(Boolean);
  // "område" alone is too common a word to name a level.
  if (noun.singular === 'område' && adjectives.filter((a) => !POSSESSIVES.has(a)).length === 0) return null;
  return { adjectives, singular: noun.singular, gender: noun.gender, rest: '' };
}

function capitalise(s: string): string {
  return s ? s[0]!.toLocaleUpperCase('sv') + s.slice(1) : s;
}

/** An adjective in the singular form that agrees with the noun's gender. */
function singularAdjective(adj: string, gender: Gender): string {
  // Participles ("övergripande") and forms already singular ("strategiskt") stay as written.
  if (/[ae]nde$/.test(adj) || !/[ae]$/.test(adj)) return adj;
  let base = adj.slice(0, -1);
  if (/(mm|nn)$/.test(base)) base = base.slice(0, -1);
  if (gender === 'c') return base;
  if (/[aeiouyåäö]$/.test(base)) return `${base}tt`;
  if (base.endsWith('t')) return base;
  if (base.endsWith('d')) return `${base.slice(0, -1)}t`;
  return `${base}t`;
}

/** The level's name as the document says it, in the singular: "Övergripande mål", "Målområde". */
function levelNameOf(k: Keyword): string {
  const adjs = k.adjectives.filter((a) => !POSSESSIVES.has(a)).map((a) => singularAdjective(a, k.gender));
  return capitalise([...adjs, k.singular].join(' '));
}

/** The name of a group of nodes of a level: "Inriktning" → "Inriktningsområde", "Mål" → "Målområde". */
function groupLevelOf(k: Keyword): string {
  const n = k.singular;
  if (n.endsWith('område')) return capitalise(`${n}sgrupp`);
  const joint = /[aeiouyåäösl]$/.test(n) ? '' : 's';
  return capitalise(`${n}${joint}område`);
}

/** The name of the level below, when the document does not name it. */
function defaultChildLevel(level: string): string {
  const n = level.toLowerCase().split(' ').at(-1) ?? '';
  if (n.endsWith('område') || n === 'perspektiv') return 'Mål';
  if (n === 'delmål') return 'Åtgärd';
  if (n.endsWith('mål') || n === 'målsättning') return 'Delmål';
  if (n === 'aktivitet') return 'Delaktivitet';
  if (n === 'åtgärd') return 'Delåtgärd';
  if (n === 'insats') return 'Delinsats';
  if (n === 'delaktivitet' || n === 'delåtgärd' || n === 'delinsats') return capitalise(n);
  return 'Åtgärd';
}

function sameLevel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ── Text helpers ─────────────────────────────────────────────────────────────

/** Inline markdown and emphasis removed; spaces collapsed. */
function plain(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)\s]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[\s(„"”“])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=$|[\s).,:;!?”"])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const TERMINAL = /[.!?…]["”’»)]*$/;

/** A line's text as a heading: emphasis, trailing colon and numbering gone. */
function headingText(s: string): string {
  return plain(s)
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s*:$/, '')
    .trim();
}

function stripNumbering(s: string): string {
  return s.replace(/^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z][.)]|[IVX]{1,5}\.)\s+(?=\S)/, '').trim();
}

/** A title in sentence case when the document shouts it, keeping names before "kommun(s)". */
function calmTitle(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toLocaleUpperCase('sv')) return s;
  const words = s.toLocaleLowerCase('sv').split(' ');
  return words
    .map((w, i) => {
      const next = words[i + 1] ?? '';
      if (i === 0 || /^(kommuns?|stads?|regions?|läns?)$/.test(next)) return capitalise(w);
      if (/^(eu|eu:s|fn|fn:s|sida|icld|skr|esf|arko)$/.test(w)) return w.toLocaleUpperCase('sv');
      return w;
    })
    .join(' ');
}

function normaliseForCompare(s: string): string {
  return plain(s)
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ABBREVIATIONS = new Set([
  't.ex',
  'bl.a',
  'm.m',
  'm.fl',
  'ex',
  't.o.m',
  'fr.o.m',
  's.k',
  'd.v.s',
  'dvs',
  'osv',
  'o.s.v',
  'etc',
  'ca',
  'c:a',
  'resp',
  'jfr',
  'inkl',
  'exkl',
  'nr',
  'kap',
  'st',
  'kr',
  'mkr',
  'tkr',
  'milj',
  'prof',
  'dr',
  'f.d',
  'p.g.a',
  'pga',
  'enl',
  'tel',
  'vol',
  'sid',
  's',
  'ung',
  'max',
  'min',
  'forts',
  'kl',
  'jan',
  'feb',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
]);

/** Where the first sentence ends (index after its full stop), or -1 when the text is one sentence. */
function firstSentenceEnd(text: string): number {
  const re = /[.!?](?=\s+["”“«(]?[\p{Lu}\d])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const space = Math.max(text.lastIndexOf(' ', m.index), m.index - 40);
    const word = text.slice(space + 1, m.index);
    const bare = word.replace(/^[("„”“«]+/, '').toLowerCase();
    if (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /^\d{1,2}$/.test(bare) || /\.\p{L}$/u.test(bare)) continue;
    return m.index + 1;
  }
  return -1;
}

/** A list item's or paragraph's text as a node's title and description. */
function splitTitle(raw: string): { title: string; description: string } {
  let text = raw.replace(/\s+/g, ' ').trim();
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:.–—-]?\s*(.*)$/.exec(text);
  if (bold && bold[1]!.length <= 200) {
    const rest = plain(bold[2] ?? '');
    return finishTitle(plain(bold[1]!).replace(/[:.]$/, ''), rest);
  }
  text = plain(text);
  const end = firstSentenceEnd(text);
  if (end > 0) return finishTitle(text.slice(0, end), text.slice(end).trim());
  const colon = /^([^:]{2,80}):\s+(\S.*)$/.exec(text);
  if (colon && colon[1]!.split(' ').length <= 6 && colon[2]!.split(' ').length >= 3 && !/\d$/.test(colon[1]!)) return finishTitle(colon[1]!, colon[2]!);
  return finishTitle(text, '');
}

/** `s` without the given characters at its end (a loop: no regular-expression backtracking). */
function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function finishTitle(title: string, description: string): { title: string; description: string } {
  let t = trimTrailing(title.replace(/\s+/g, ' ').trim(), '.;,: ');
  let d = description.trim();
  if (t.length > 300) {
    const cut = t.slice(0, 200).replace(/\s+\S*$/, '');
    d = d ? `${t}. ${d}` : `${t}.`;
    t = `${cut} …`;
  }
  return { title: capitalise(t), description: d };
}

// ── Lines and units ──────────────────────────────────────────────────────────

type Marker = 'bullet' | 'decimal' | 'alpha' | 'roman';

type Token =
  | { t: 'blank' }
  | { t: 'md'; level: number; text: string }
  | { t: 'num'; depth: number; text: string }
  | { t: 'item'; indent: number; marker: Marker; text: string }
  | { t: 'text'; indent: number; text: string; quote: boolean };

const BULLETS = '-*+•●○◦▪▫■□–—·‣⁃➢➤►✓✔❖→';
const ITEM_RE = new RegExp(
  `^( *)(?:([${BULLETS.replace(/[-\]\\^]/g, '\\$&')}])|(\\d{1,3})[.)]|\\((\\d{1,3})\\)|([a-zåäö])\\)|\\(([a-zåäö])\\)|([a-zåäö])\\.(?= +\\p{Lu})|(ii|iii|iv|vi|vii|viii|ix|xi|xii)[.)])\\s+(\\S.*)$`,
  'u',
);

function tokenise(lines: string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      out.push({ t: 'blank' });
      continue;
    }
    const md = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/.exec(line);
    if (md) {
      const text = plain(md[2] ?? '');
      out.push(text ? { t: 'md', level: md[1]!.length, text } : { t: 'blank' });
      continue;
    }
    // Setext headings: a line underlined with === or ---.
    const next = lines[i + 1];
    const prev = out.at(-1);
    if (next !== undefined && /^ {0,3}(=+|-{2,})\s*$/.test(next) && !ITEM_RE.test(line) && (!prev || prev.t === 'blank' || prev.t === 'md')) {
      out.push({ t: 'md', level: next.trim().startsWith('=') ? 1 : 2, text: plain(line) });
      i++;
      continue;
    }
    if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
      out.push({ t: 'blank' });
      continue;
    }
    let quote = false;
    let body = line;
    const q = /^ {0,3}>+ ?(.*)$/.exec(body);
    if (q) {
      quote = true;
      body = q[1]!;
      if (!body.trim()) {
        out.push({ t: 'blank' });
        continue;
      }
    }
    const num = /^ {0,3}(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/.exec(body);
    if (num && !quote && headingLike(num[2]!)) {
      out.push({ t: 'num', depth: num[1]!.split('.').length, text: num[2]!.trim() });
      continue;
    }
    const item = ITEM_RE.exec(body);
    if (item) {
      const marker: Marker = item[2] ? 'bullet' : item[3] || item[4] ? 'decimal' : item[8] ? 'roman' : 'alpha';
      out.push({ t: 'item', indent: item[1]!.length, marker, text: item[9]!.trim() });
      continue;
    }
    const indent = /^ */.exec(body)![0].length;
    out.push({ t: 'text', indent, text: body.trim().replace(/\s+/g, ' '), quote });
  }
  return out;
}

interface ListItem {
  text: string;
  marker: Marker;
  indent: number;
  children: ListItem[];
}

type Unit =
  | { k: 'md'; level: number; text: string }
  | { k: 'num'; depth: number; text: string }
  | { k: 'para'; lines: string[]; quote: boolean; gone?: boolean }
  | { k: 'list'; items: ListItem[] };

function paraText(u: { lines: string[] }): string {
  return u.lines.join(' ').replace(/\s+/g, ' ').trim();
}

/** Whether the text runs over line ends (hard-wrapped) rather than one paragraph per line. */
function isHardWrapped(tokens: Token[]): boolean {
  let longest = 0;
  let runOn = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t !== 'text' && tok.t !== 'item') continue;
    longest = Math.max(longest, tok.text.length);
    const next = tokens[i + 1];
    if (tok.text.length >= 50 && !/[.!?:;]["”»)]*$/.test(tok.text) && next?.t === 'text') runOn++;
  }
  return longest <= 110 && runOn >= 3;
}

function buildUnits(tokens: Token[], hard: boolean): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (tok.t === 'blank') {
      i++;
      continue;
    }
    if (tok.t === 'md') {
      units.push({ k: 'md', level: tok.level, text: tok.text });
      i++;
      continue;
    }
    if (tok.t === 'num') {
      units.push({ k: 'num', depth: tok.depth, text: tok.text });
      i++;
      continue;
    }
    if (tok.t === 'item') {
      const flat: ListItem[] = [];
      while (i < tokens.length) {
        const t = tokens[i]!;
        if (t.t === 'item') {
          flat.push({ text: t.text, marker: t.marker, indent: t.indent, children: [] });
          i++;
          continue;
        }
        const last = flat.at(-1)!;
        if (t.t === 'text' && (t.indent > last.indent || /^\p{Ll}/u.test(t.text) || (hard && !/[.!?:;]$/.test(last.text)))) {
          last.text = `${last.text} ${t.text}`;
          i++;
          continue;
        }
        if (t.t === 'blank') {
          let j = i;
          while (j < tokens.length && tokens[j]!.t === 'blank') j++;
          const after = tokens[j];
          if (after?.t === 'item') {
            i = j;
            continue;
          }
          if (after?.t === 'text' && after.indent >= 2 && after.indent > last.indent) {
            last.text = `${last.text} ${after.text}`;
            i = j + 1;
            continue;
          }
        }
        break;
      }
      units.push({ k: 'list', items: nestItems(flat) });
      continue;
    }
    // Text lines.
    if (!hard) {
      units.push({ k: 'para', lines: [tok.text], quote: tok.quote });
      i++;
      continue;
    }
    let lines: string[] = [];
    let quote = tok.quote;
    const flush = () => {
      if (lines.length) units.push({ k: 'para', lines, quote });
      lines = [];
    };
    while (i < tokens.length && tokens[i]!.t === 'text') {
      const t = tokens[i] as Extract<Token, { t: 'text' }>;
      const next = tokens[i + 1];
      quote = lines.length ? quote && t.quote : t.quote;
      i++;
      if (labelLine(t.text)) {
        // "Insatser:" on its own line inside a block: a heading of its own.
        flush();
        lines.push(t.text);
        flush();
        continue;
      }
      // A heading written directly above its paragraph, without a blank line.
      if (!lines.length && next?.t === 'text' && t.text.length <= 60 && headingLike(t.text) && /^[\p{Lu}"”„«]/u.test(next.text)) {
        lines.push(t.text);
        flush();
        continue;
      }
      lines.push(t.text);
    }
    flush();
  }
  return units;
}

/** Nests list items by indentation, or by a change of numbering at the same indentation. */
function nestItems(flat: ListItem[]): ListItem[] {
  const roots: ListItem[] = [];
  const stack: ListItem[] = [];
  for (const item of flat) {
    while (stack.length && item.indent < stack.at(-1)!.indent - 1) stack.pop();
    if (!stack.length) {
      roots.push(item);
      stack.push(item);
      continue;
    }
    const top = stack.at(-1)!;
    if (item.indent > top.indent + 1) {
      if (stack.length < MAX_DEPTH) {
        top.children.push(item);
        stack.push(item);
      } else siblingOf(stack, roots, item);
      continue;
    }
    // Same indentation: a sibling of the nearest item with the same kind of marker, else a child.
    let sameKind = stack.length - 1;
    while (sameKind >= 0 && !(stack[sameKind]!.marker === item.marker && Math.abs(stack[sameKind]!.indent - item.indent) <= 1)) sameKind--;
    if (sameKind >= 0) {
      stack.length = sameKind + 1;
      siblingOf(stack, roots, item);
    } else if (stack.length < MAX_DEPTH) {
      top.children.push(item);
      stack.push(item);
    } else siblingOf(stack, roots, item);
  }
  return roots;
}

function siblingOf(stack: ListItem[], roots: ListItem[], item: ListItem): void {
  if (stack.length > 0) stack.pop();
  const parent = stack.at(-1);
  if (parent) parent.children.push(item);
  else roots.push(item);
  stack.push(item);
}

function listLines(items: ListItem[], depth = 0): string[] {
  return items.flatMap((it) => [`${'  '.repeat(depth)}- ${plain(it.text)}`, ...listLines(it.children, depth + 1)]);
}

// ── Page chrome, metadata, vision ────────────────────────────────────────────

/** Lines a web page adds around the document: the feedback prompt, share and print links, dates. */
const CHROME = [
  /^(?:hjälpte|var) (?:informationen|sidan|den här sidan|texten|innehållet)\b.{0,60}\?$/i,
  /^(?:fick du svar på (?:din|dina) frågor?|hittade du (?:det|vad) du (?:letade|sökte) efter)\b.{0,40}\?$/i,
  /^(?:senast (?:uppdaterad|ändrad|granskad|publicerad)|sidan (?:uppdaterades|publicerades|är senast (?:uppdaterad|granskad))|publicerad|uppdaterad)\b.{0,60}$/i,
  /^(?:dela|dela sidan|skriv ut|lyssna|tipsa en vän|till toppen|tillbaka|ja|nej|läs mer|print|share|facebook|linkedin|x|twitter|e-post)$/i,
];

function isChrome(text: string): boolean {
  const s = plain(text);
  return s.length <= 120 && CHROME.some((re) => re.test(s));
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DATE_RE = new RegExp(`(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)|(?<!\\d)(\\d{1,2})(?::[ae])?\\s+(${MONTH_ALT})\\.?\\s+(\\d{4})(?!\\d)|(?<!\\d)(\\d{1,2})/(\\d{1,2})[\\s-]+(\\d{4})(?!\\d)`, 'iu');
/** "Alafors januari 2006", "Arvika den 12 november 2012": where and when the text was signed. */
const DATELINE = new RegExp(`^[\\p{Lu}][\\p{L}-]+,?\\s+(?:den\\s+)?(?:\\d{1,2}\\s+)?(?:${MONTH_ALT})\\s+\\d{4}\\.?$`, 'iu');

/** A real calendar date as ISO text, or ''. */
export function isoDate(y: number, m: number, d: number): string {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return '';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function findDate(text: string): { iso: string; index: number } | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  let iso = '';
  if (m[1]) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  else if (m[4]) iso = isoDate(Number(m[6]), MONTHS[m[5]!.toLowerCase()] ?? 0, Number(m[4]));
  else if (m[7]) iso = isoDate(Number(m[9]), Number(m[8]), Number(m[7]));
  return iso ? { iso, index: m.index } : null;
}

const BODIES: Record<string, string> = { kf: 'Kommunfullmäktige', ks: 'Kommunstyrelsen' };

function adoptingBody(s: string): string {
  const t = s
    .replace(/^[\s:,]+|[\s:,.]+$/g, '')
    .replace(/\s+den$/i, '')
    .trim();
  if (!t || t.length > 80 || /\d/.test(t) || t.split(/\s+/).length > 6 || !/^\p{L}/u.test(t)) return '';
  return BODIES[t.toLowerCase()] ?? capitalise(t);
}

function paragraphOf(s: string): string {
  const m = /§\s*(\d{1,4})(?!\d)/.exec(s) ?? /(?<![\p{L}])paragraf\s+(\d{1,4})(?!\d)/iu.exec(s);
  return m ? `§ ${m[1]}` : '';
}

const ADOPT_VERB = /(?<![\p{L}])(antag(?:en|et|na|its|s)|fastställ(?:d|t|da|des|ts)|beslutad|beslutat|beslutades|godkänd|godkänt|godkändes)(?![\p{L}])/iu;
const REGISTRY_RE = /(?<![\p{L}])(?:dnr|diarienummer|diarienr|ärendenummer)\.?\s*:?\s*((?:[\p{Lu}]{1,6}[ -]?)?\d{2,4}[/.:-]\d{1,6}(?:[/.:-]\d{1,6})*)/iu;
const META_BY = /^(?:beslutad av|antagen av|antaget av|fastställd av|fastställt av|beslutsinstans|beslutande(?:\s+organ)?|beslutsorgan|beslutsfattare)\s*:\s*(.+)$/i;
const META_DATE = /^(?:beslutsdatum|antagandedatum|datum för (?:beslut|antagande|fastställelse)|antagen|antaget|fastställd|fastställt|beslutad|beslutat|antagen den)\s*:\s*(.+)$/i;
const META_PARAGRAPH = /^(?:paragraf|beslutsparagraf|protokollsparagraf|§)\s*:?\s*§?\s*(\d{1,4})\b/i;

interface Adoption {
  adoptedBy: string;
  adoptedOn: string;
  minuteParagraph: string;
  registryNumber: string;
}

/** Reads the decision facts from one paragraph; returns whether the paragraph is only metadata. */
function readAdoption(text: string, a: Adoption): boolean {
  const s = plain(text);
  let found = false;
  const reg = REGISTRY_RE.exec(s);
  if (reg) {
    if (!a.registryNumber) a.registryNumber = reg[1]!.trim();
    found = true;
  }
  const by = META_BY.exec(s);
  if (by) {
    const date = findDate(by[1]!);
    const body = adoptingBody(date ? by[1]!.slice(0, date.index) : by[1]!.split(/[,§(]/)[0]!);
    if (body && !a.adoptedBy) a.adoptedBy = body;
    if (date && !a.adoptedOn) a.adoptedOn = date.iso;
    if (!a.minuteParagraph) a.minuteParagraph = paragraphOf(by[1]!);
    return true;
  }
  const when = META_DATE.exec(s);
  if (when && findDate(when[1]!)) {
    const date = findDate(when[1]!)!;
    if (!a.adoptedOn) a.adoptedOn = date.iso;
    const body = adoptingBody(when[1]!.slice(0, date.index).replace(/^(?:av|i)\s+/i, ''));
    if (body && !a.adoptedBy) a.adoptedBy = body;
    if (!a.minuteParagraph) a.minuteParagraph = paragraphOf(when[1]!);
    return true;
  }
  const par = META_PARAGRAPH.exec(s);
  if (par && s.length <= 40) {
    if (!a.minuteParagraph) a.minuteParagraph = `§ ${par[1]}`;
    return true;
  }
  const verb = ADOPT_VERB.exec(s);
  if (verb && !(a.adoptedBy && a.adoptedOn)) {
    const rest = s.slice(verb.index + verb[0].length);
    const date = findDate(rest);
    let body = '';
    const av = /^\s*(?:av|i|:)\s+(.+)$/i.exec(rest);
    if (av) {
      const upto = av[1]!.search(/\s*(?:,|(?<![\p{L}])den(?![\p{L}])|\d|§|\(|$)/u);
      body = adoptingBody(upto >= 0 ? av[1]!.slice(0, upto) : av[1]!);
    }
    if (body || date) {
      if (body && !a.adoptedBy) a.adoptedBy = body;
      if (date && !a.adoptedOn) a.adoptedOn = date.iso;
      if (!a.minuteParagraph) a.minuteParagraph = paragraphOf(rest);
      // Only a short line is the decision itself; a sentence in the text keeps its place.
      return s.length <= 200 && verb.index <= 40;
    }
  }
  return found && s.length <= 120;
}

const QUOTE_OPEN = /^[\s*_>]*["”“«„']/;

/** The vision quoted near the top (AL-1): `*”…” (ur vision 2020)*`, `> "…"`, or "Vision: …". */
function readVision(units: Unit[], from: number): string {
  const paras: number[] = [];
  for (let i = from; i < units.length && paras.length < 8; i++) {
    const u = units[i]!;
    if (u.k === 'para' && !u.gone) paras.push(i);
    else if (u.k !== 'para') break;
  }
  for (let p = 0; p < paras.length; p++) {
    const u = units[paras[p]!] as Extract<Unit, { k: 'para' }>;
    const text = paraText(u);
    const labelled = /^[*_]*(?:vår |kommunens |[\p{Lu}][\p{L}-]* kommuns )?vision(?:en)?(?:\s+\d{4})?[*_]*\s*[:–—-]\s*(.+)$/iu.exec(text);
    if (labelled && labelled[1]!.length <= 600) {
      u.gone = true;
      return plain(unquote(labelled[1]!));
    }
    if (!QUOTE_OPEN.test(text) && !(u.quote && p === 0)) continue;
    let joined = text;
    const nextIndex = paras[p + 1];
    const next = nextIndex === undefined ? undefined : (units[nextIndex] as Extract<Unit, { k: 'para' }>);
    const nextText = next ? paraText(next) : '';
    const attribution = next && nextText.length <= 80 && /^[\s*_]*\(?\s*(?:ur|från|citat ur|ur kommunens)\b[^)]*\)?[\s*_]*$/i.test(nextText);
    if (attribution) joined = `${text} ${nextText}`;
    if (joined.length > 600) continue;
    if (!/vision/i.test(joined) && !(u.quote && p === 0) && !(p === 0 && /vision/i.test(nextText))) continue;
    u.gone = true;
    if (attribution && next) next.gone = true;
    const m = /^[\s*_>]*["”“«„']\s*(.+?)\s*["”“»']\s*[*_]*\s*(.*)$/.exec(joined);
    if (m) {
      const source = plain(m[2]!.replace(/[*_]+/g, ' ')).trim();
      return source ? `${plain(m[1]!)} ${source}` : plain(m[1]!);
    }
    return plain(unquote(joined.replace(/[*_]+/g, ' ')));
  }
  return '';
}

function unquote(s: string): string {
  return s.trim().replace(/^["”“«„']\s*/, '').replace(/\s*["”“»']$/, '');
}

// ── Headings ─────────────────────────────────────────────────────────────────

type HeadingClass =
  | { kind: 'known'; area: 'body' | 'responsibilities' | 'vision' }
  | { kind: 'label'; level: string; next: string | null; childish: boolean; area: boolean }
  | { kind: 'instance'; level: string; title: string }
  | { kind: 'group'; level: string; childLevel: string; title: string }
  | { kind: 'plain' };

const RESPONSIBILITIES = /^(?:ansvarsfördelning|ansvar|roller|organisation|organisering|ansvarsområden)(?:\s+(?:och|&)\s+(?:ansvar|roller|organisation|uppföljning|ansvarsfördelning))?$|^(?:roller|organisation|ledning|styrning|genomförande)\s+(?:och|&)\s+(?:ansvar|ansvarsfördelning|organisation)$|^ansvar för\b/i;
const VISION = /^(?:vår |kommunens |[\p{Lu}][\p{L}-]* kommuns )?vision(?:en)?(?:\s+\d{4})?$/iu;
const BODY =
  /^(?:inledning|bakgrund|syfte|syftet|förord|sammanfattning|uppföljning|utvärdering|revidering|revision|giltighet|giltighetstid|styrning|bilag[a-z]*|referenser|källor|definitioner|begrepp|begreppsförklaring|ordlista|om (?:strategin|dokumentet|styrdokumentet)|relaterade dokument|styrdokument|kontakt|beslut|omfattning|avgränsning|avgränsningar|läsanvisning|innehåll|innehållsförteckning|utgångspunkter|förutsättningar|uppdraget|uppdrag)(?:\s+(?:och|&)\s+\S+(?:\s+\S+)?)?$/i;

/** Nouns that name a level below another: their label belongs to the node before it. */
const SUB_LEVELS = new Set(['aktivitet', 'åtgärd', 'insats', 'delmål', 'effektmål', 'resultatmål']);

function classify(raw: string): HeadingClass {
  const text = stripNumbering(headingText(raw));
  if (RESPONSIBILITIES.test(text)) return { kind: 'known', area: 'responsibilities' };
  if (VISION.test(text)) return { kind: 'known', area: 'vision' };
  if (BODY.test(text)) return { kind: 'known', area: 'body' };
  const k = keywordAtStart(text);
  if (!k) return { kind: 'plain' };
  const level = levelNameOf(k);
  const rest = k.rest.trim();
  const plainAdjectives = k.adjectives.filter((a) => !POSSESSIVES.has(a));
  if (k.singular === 'område' && plainAdjectives.length === 0) return { kind: 'plain' };
  const area = k.singular.endsWith('område');
  // "Aktiviteter", "Delmål", or a bare "Mål" under a target area belong to the node before them;
  // "Strategiska mål" or "Övergripande mål" start a level of their own.
  const childish = SUB_LEVELS.has(k.singular) || (!area && plainAdjectives.length === 0);
  if (!rest) return { kind: 'label', level, next: null, childish, area };
  const conj = /^(?:och|&|samt)\s+(.+)$/i.exec(rest);
  if (conj) {
    const second = keywordAtStart(conj[1]!.trim());
    if (second && !second.rest.trim()) return { kind: 'label', level, next: levelNameOf(second), childish, area };
    return { kind: 'plain' };
  }
  const instance = /^(?:\d{1,3}(?:\.\d{1,3})*|[A-Z]|[IVX]{1,5})?\s*[:)–—-]\s*(\S.*)$/.exec(rest) ?? /^(?:\d{1,3}(?:\.\d{1,3})*|[A-Z])\.?\s+(\S.*)$/.exec(rest);
  if (instance) return { kind: 'instance', level, title: instance[1]!.trim() };
  if (/^(?:\d{1,3}(?:\.\d{1,3})*|[A-Z]|[IVX]{1,5})\.?$/.test(rest)) return { kind: 'instance', level, title: text };
  if (/^(?:för|inom|i|avseende|kring|gällande|rörande|när det gäller)\s+\S/i.test(rest)) return { kind: 'group', level: groupLevelOf(k), childLevel: level, title: text };
  return { kind: 'plain' };
}

/** A short line that reads as a heading: no full stop, capital first letter, a few words. */
function headingLike(raw: string): boolean {
  if (raw.length > 200) return false;
  const s = headingText(raw.replace(/\s*:$/, ''));
  if (s.length < 2 || s.length > 100) return false;
  if (s.split(' ').length > 12) return false;
  if (/[.,;:!?…"”»]$/.test(plain(raw).replace(/[*_]+$/, ''))) return false;
  if (!/^[\p{Lu}\d]/u.test(s)) return false;
  if (!/\p{L}{2,}/u.test(s)) return false;
  if (DATELINE.test(s)) return false;
  return true;
}

/** A line that names a level on its own: "Aktiviteter", "Aktiviteter:", "**Insatser**". */
function labelLine(raw: string): boolean {
  if (raw.length > 100) return false;
  const s = headingText(raw);
  if (s.length > 60 || s.length < 2) return false;
  const c = classify(s);
  return c.kind === 'label';
}

function boldOnly(raw: string): boolean {
  return /^(\*\*|__)[^*_].{0,118}\1:?$/.test(raw.trim()) && !TERMINAL.test(headingText(raw));
}

// ── Sections ─────────────────────────────────────────────────────────────────

interface Section {
  title: string | null;
  cls: HeadingClass;
  level: number;
  units: Unit[];
  children: Section[];
}

function buildSections(units: Unit[], markdown: boolean): Section {
  const root: Section = { title: null, cls: { kind: 'plain' }, level: 0, units: [], children: [] };
  const stack: Section[] = [root];
  const open = (title: string, level: number) => {
    while (stack.length > 1 && stack.at(-1)!.level >= level) stack.pop();
    const sec: Section = { title, cls: classify(title), level, units: [], children: [] };
    stack.at(-1)!.children.push(sec);
    stack.push(sec);
    return sec;
  };

  // Which paragraphs are headings.
  const live = units.filter((u) => !(u.k === 'para' && u.gone));
  const isHeadingAt = (i: number, inItems: boolean): boolean => {
    const u = live[i]!;
    if (u.k !== 'para' || u.lines.length !== 1) return false;
    const text = u.lines[0]!;
    if (u.quote) return false;
    if (labelLine(text) && !/^(?:\*\*|__)?\p{Ll}/u.test(text)) return i + 1 < live.length;
    if (markdown) return boldOnly(text) && i + 1 < live.length;
    if (!(boldOnly(text) || headingLike(text))) return false;
    const next = live[i + 1];
    if (!next) return false;
    if (!inItems) return true;
    const cls = classify(text);
    if (cls.kind !== 'plain') return true;
    if (next.k === 'list' || next.k === 'md' || next.k === 'num') return true;
    const nextText = paraText(next);
    if (nextText.length > 100) return true;
    const nextClass = labelLine(nextText) ? classify(nextText) : null;
    return nextClass?.kind === 'label' && nextClass.childish;
  };

  const hasMultiNumbers = units.some((u) => u.k === 'num');
  let lastMd = 1;
  let container: number | null = null;
  let lastNode: { level: number; level_name: string } | null = null;
  let inItems = false;
  for (let i = 0; i < live.length; i++) {
    const u = live[i]!;
    if (u.k === 'md') {
      lastMd = u.level;
      open(u.text, u.level);
      inItems = false;
      continue;
    }
    if (u.k === 'num') {
      const sec = open(u.text, u.depth + 1);
      container = null;
      lastNode = { level: u.depth + 1, level_name: sec.cls.kind === 'instance' ? sec.cls.level : '' };
      inItems = false;
      continue;
    }
    if (u.k === 'list') {
      // "3. Mål" between "2.1 …" headings: a section heading, not a list.
      const only = u.items[0]!;
      if (hasMultiNumbers && u.items.length === 1 && only.marker === 'decimal' && only.children.length === 0 && headingLike(only.text)) {
        open(only.text, 2);
        container = null;
        lastNode = { level: 2, level_name: '' };
        inItems = false;
        continue;
      }
      stack.at(-1)!.units.push(u);
      inItems = false;
      continue;
    }
    // A single-number line as a section heading in a document numbered "3.1".
    if (hasMultiNumbers && u.lines.length === 1 && /^\d{1,2}\.?\s+\S/.test(u.lines[0]!) && headingLike(u.lines[0]!.replace(/^\d{1,2}\.?\s+/, ''))) {
      open(u.lines[0]!.replace(/^\d{1,2}\.?\s+/, ''), 2);
      container = null;
      lastNode = { level: 2, level_name: '' };
      inItems = false;
      continue;
    }
    if (!isHeadingAt(i, inItems)) {
      stack.at(-1)!.units.push(u);
      continue;
    }
    const title = u.lines[0]!;
    if (markdown) {
      open(title, Math.min(lastMd + 1, 7));
      const cls = classify(title);
      inItems = cls.kind === 'label' && !cls.area;
      continue;
    }
    const cls = classify(title);
    const nextIsHeading = (() => {
      const next = live[i + 1];
      if (!next) return false;
      if (next.k === 'md' || next.k === 'num') return true;
      if (next.k !== 'para') return false;
      // After "Målområden" come headings; after "Aktiviteter" or "Övergripande mål" more often lines.
      const items = cls.kind !== 'label' || !cls.area;
      return isHeadingAt(i + 1, items) && classify(next.lines[0] ?? '').kind !== 'label';
    })();
    if (cls.kind === 'known') {
      open(title, 2);
      container = null;
      lastNode = null;
      inItems = false;
    } else if (cls.kind === 'label') {
      if (lastNode && cls.childish && !sameLevel(cls.level, lastNode.level_name)) {
        open(title, lastNode.level + 1);
      } else {
        open(title, 2);
        lastNode = null;
        container = nextIsHeading ? 2 : null;
      }
      inItems = !cls.area;
    } else if (cls.kind === 'instance' || cls.kind === 'group') {
      const level = container !== null ? container + 1 : 2;
      open(title, level);
      lastNode = { level, level_name: cls.kind === 'group' ? cls.childLevel : cls.level };
      inItems = false;
    } else if (container !== null) {
      open(title, container + 1);
      lastNode = { level: container + 1, level_name: '' };
      inItems = false;
    } else {
      open(title, 2);
      lastNode = null;
      inItems = false;
    }
  }
  return root;
}

// ── Reading the sections into the tree ───────────────────────────────────────

interface Out {
  body: string[];
  responsibilities: string[];
  vision: string;
  loose: ListItem[][];
  goalHeadings: number;
}

interface Ctx {
  goalLevel?: string;
  childLevel?: string;
}

function node(levelName: string, title: string, description: string, children: ProposedNode[] = []): ProposedNode {
  return { levelName, title, description, children };
}

function textNode(text: string, levelName: string): ProposedNode {
  const { title, description } = splitTitle(text);
  return node(levelName, title, description);
}

function itemNode(item: ListItem, levelName: string, childLevel: string): ProposedNode {
  const { title, description } = splitTitle(item.text);
  return node(
    levelName,
    title,
    description,
    item.children.map((c) => itemNode(c, childLevel, defaultChildLevel(childLevel))),
  );
}

function headingTitle(raw: string): string {
  return finishTitle(stripNumbering(headingText(raw)), '').title;
}

function isLeadIn(units: Unit[], i: number): boolean {
  const u = units[i]!;
  return u.k === 'para' && /:$/.test(paraText(u)) && paraText(u).length <= 300 && units[i + 1]?.k === 'list';
}

/** The lines of a paragraph as separate items (hard-wrapped text under "Aktiviteter"). */
function itemTexts(u: Extract<Unit, { k: 'para' }>): string[] {
  if (u.lines.length === 1) return [u.lines[0]!];
  const out: string[] = [];
  for (const line of u.lines) {
    const prev = out.at(-1);
    if (prev !== undefined && !/[.!?;:]["”»)]*$/.test(prev) && !/^\p{Lu}/u.test(line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

function allText(sec: Section): string[] {
  const out: string[] = [];
  for (const u of sec.units) {
    if (u.k === 'para') out.push(plain(paraText(u)));
    else if (u.k === 'list') out.push(listLines(u.items).join('\n'));
  }
  for (const c of sec.children) {
    if (c.title) out.push(headingText(c.title));
    out.push(...allText(c));
  }
  return out;
}

function interpret(sec: Section, ctx: Ctx, out: Out): ProposedNode[] {
  const cls = sec.cls;
  if (sec.title === null) return bodySection(sec, out, false);
  if (cls.kind === 'known') {
    if (cls.area === 'responsibilities') {
      out.responsibilities.push(...allText(sec));
      return [];
    }
    if (cls.area === 'vision' && !out.vision) {
      const first = sec.units.findIndex((u) => u.k === 'para');
      if (first >= 0) {
        out.vision = plain(unquote(paraText(sec.units[first] as Extract<Unit, { k: 'para' }>)));
        return bodySection({ ...sec, units: sec.units.filter((_, i) => i !== first) }, out, sec.units.length > 1 || sec.children.length > 0);
      }
    }
    return bodySection(sec, out, true);
  }
  if (cls.kind === 'label') return labelSection(sec, cls, out);
  if (cls.kind === 'group') {
    out.goalHeadings++;
    const hasStructure = sec.units.some((u) => u.k === 'list') || sec.children.length > 0;
    if (!hasStructure) return [fillNode(node(cls.childLevel, finishTitle(cls.title, '').title, ''), sec, defaultChildLevel(cls.childLevel), out)];
    return [fillNode(node(cls.level, finishTitle(cls.title, '').title, ''), sec, cls.childLevel, out)];
  }
  if (cls.kind === 'instance') {
    out.goalHeadings++;
    const child = ctx.goalLevel && ctx.childLevel && sameLevel(cls.level, ctx.goalLevel) ? ctx.childLevel : defaultChildLevel(cls.level);
    return [fillNode(node(cls.level, finishTitle(cls.title, '').title, ''), sec, child, out)];
  }
  if (ctx.goalLevel) {
    out.goalHeadings++;
    const child = ctx.childLevel ?? defaultChildLevel(ctx.goalLevel);
    return [fillNode(node(ctx.goalLevel, headingTitle(sec.title), ''), sec, child, out)];
  }
  return bodySection(sec, out, true);
}

/** A node's own section: paragraphs → description, lists → children, subsections → children. */
function fillNode(n: ProposedNode, sec: Section, childLevel: string, out: Out): ProposedNode {
  const description: string[] = [];
  sec.units.forEach((u, i) => {
    if (u.k === 'para') {
      if (!isLeadIn(sec.units, i)) description.push(plain(paraText(u)));
    } else if (u.k === 'list') {
      const lead = sec.units[i - 1];
      const named = lead?.k === 'para' && isLeadIn(sec.units, i - 1) ? keywordAnywhere(paraText(lead)) : null;
      const level = named ? levelNameOf(named) : childLevel;
      n.children.push(...u.items.map((it) => itemNode(it, level, defaultChildLevel(level))));
    }
  });
  for (const child of sec.children) n.children.push(...interpret(child, { goalLevel: childLevel, childLevel: defaultChildLevel(childLevel) }, out));
  n.description = description.join('\n\n');
  return n;
}

function labelSection(sec: Section, cls: Extract<HeadingClass, { kind: 'label' }>, out: Out): ProposedNode[] {
  out.goalHeadings++;
  const level = cls.level;
  const next = cls.next ?? defaultChildLevel(level);
  const hasList = sec.units.some((u) => u.k === 'list');
  if (!hasList && sec.children.length === 0) {
    const paras = sec.units.filter((u): u is Extract<Unit, { k: 'para' }> => u.k === 'para');
    const texts = paras.flatMap((p) => itemTexts(p)).filter((t) => !/:$/.test(t) || t.length > 300);
    if (texts.length === 0) return [];
    if (texts.every((t) => t.length <= 400)) return texts.map((t) => textNode(t, level));
    return [node(level, headingTitle(sec.title!), texts.map(plain).join('\n\n'))];
  }
  const nodes: ProposedNode[] = [];
  const intro: string[] = [];
  sec.units.forEach((u, i) => {
    if (u.k === 'para') {
      if (!isLeadIn(sec.units, i)) intro.push(plain(paraText(u)));
    } else if (u.k === 'list') nodes.push(...u.items.map((it) => itemNode(it, level, next)));
  });
  for (const child of sec.children) nodes.push(...interpret(child, { goalLevel: level, childLevel: next }, out));
  if (intro.length) out.body.push(headingText(sec.title!), ...intro);
  return nodes;
}

/** A section of the body: its text is kept; lists introduced by goal words become goals. */
function bodySection(sec: Section, out: Out, withHeading: boolean): ProposedNode[] {
  const nodes: ProposedNode[] = [];
  if (withHeading && sec.title) out.body.push(headingText(sec.title));
  sec.units.forEach((u, i) => {
    if (u.k === 'para') {
      const next = sec.units[i + 1];
      const named = next?.k === 'list' && /:$/.test(paraText(u)) ? keywordAnywhere(paraText(u)) : null;
      if (!named) out.body.push(plain(paraText(u)));
    } else if (u.k === 'list') {
      const lead = sec.units[i - 1];
      const named = lead?.k === 'para' && /:$/.test(paraText(lead)) ? keywordAnywhere(paraText(lead)) : null;
      if (named) {
        const level = levelNameOf(named);
        nodes.push(...u.items.map((it) => itemNode(it, level, defaultChildLevel(level))));
      } else {
        out.body.push(listLines(u.items).join('\n'));
        out.loose.push(u.items);
      }
    }
  });
  for (const child of sec.children) nodes.push(...interpret(child, {}, out));
  return nodes;
}

// ── Clean-up of the tree ─────────────────────────────────────────────────────

function tidy(nodes: ProposedNode[], depth: number, budget: { left: number; cut: boolean }): ProposedNode[] {
  const out: ProposedNode[] = [];
  for (const n of nodes) {
    const title = n.title.replace(/\s+/g, ' ').trim();
    const children = depth >= MAX_DEPTH ? [] : n.children;
    if (depth >= MAX_DEPTH && n.children.length) budget.cut = true;
    if (!title) {
      // A node without words: its children take its place.
      out.push(...tidy(children, depth, budget));
      continue;
    }
    if (budget.left <= 0) {
      budget.cut = true;
      break;
    }
    budget.left--;
    const levelName = (n.levelName.replace(/\s+/g, ' ').trim() || 'Mål').slice(0, 100);
    out.push({ levelName, title: title.slice(0, MAX_TITLE), description: n.description.trim(), children: tidy(children, depth + 1, budget) });
  }
  return out;
}

// ── The proposal ─────────────────────────────────────────────────────────────

const WARN = {
  empty: { sv: 'Texten är tom. Klistra in strategins text eller ladda upp dokumentet.', en: 'The text is empty. Paste the strategy’s text or upload the document.' },
  noTitle: { sv: 'Ingen titel hittades. Skriv in strategins namn.', en: 'No title was found. Enter the strategy’s name.' },
  noAdoption: {
    sv: 'Inget beslut om antagande hittades (beslutande organ, datum och paragraf). Fyll i dem om strategin är antagen.',
    en: 'No adoption decision was found (adopting body, date and minute paragraph). Fill them in if the strategy has been adopted.',
  },
  noGoals: {
    sv: 'Inga mål hittades i texten. Lägg till målen för hand, eller se till att de står under rubriker (till exempel ”Mål” eller ”Insatser”) eller i punktlistor.',
    en: 'No goals were found in the text. Add the goals by hand, or make sure they stand under headings (such as “Mål” or “Insatser”) or in bulleted lists.',
  },
  flat: {
    sv: 'Texten saknar rubriker som visar målens nivåer, så förslaget är en platt lista med dokumentets punkter. Kontrollera nivåerna och flytta målen rätt.',
    en: 'The text has no headings that show the levels of its goals, so the proposal is a flat list of the document’s points. Check the levels and move the goals where they belong.',
  },
  cut: {
    sv: 'Målträdet var för stort eller för djupt och har kortats. Kontrollera att inget fattas.',
    en: 'The goal tree was too large or too deep and has been cut. Check that nothing is missing.',
  },
  long: {
    sv: 'Texten var mycket lång; bara den första miljonen tecken har lästs.',
    en: 'The text was very long; only its first million characters were read.',
  },
  failed: {
    sv: 'Texten kunde inte tolkas. Lägg in målen för hand.',
    en: 'The text could not be interpreted. Enter the goals by hand.',
  },
} satisfies Record<string, Message>;

/** The warning given when the reader failed unexpectedly (tests check that it never happens). */
export const INTERNAL_FAILURE_WARNING: Message = WARN.failed;

/** A first line that names the document: short, not a sentence (a lone full stop at the end is allowed). */
function looksLikeTitle(text: string): boolean {
  const s = plain(text);
  if (s.length < 2 || s.length > 150 || !/\p{L}/u.test(s)) return false;
  if (s.endsWith('.') && s.length > 80) return false;
  return !TERMINAL.test(s.replace(/\.$/, '')) && !/[,;:]$/.test(s);
}

function emptyProposal(warnings: Message[]): ProposedStrategy {
  return { title: '', vision: '', adoptedBy: '', adoptedOn: '', minuteParagraph: '', registryNumber: '', responsibilities: '', body: '', goals: [], warnings };
}

/**
 * Proposes a strategy and its goal tree from the document's text. Never throws.
 * @example proposeStrategy(fs.readFileSync('strategi.txt', 'utf8')).goals
 */
export function proposeStrategy(text: string): ProposedStrategy {
  try {
    return propose(typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return emptyProposal([WARN.failed]);
  }
}

function normalise(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\t/g, '    ')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .split('\n')
    .map((l) =>
      l
        .slice(0, MAX_LINE)
        .replace(/(\S) {2,}/g, '$1 ')
        .replace(/([^\p{L}\p{N}\s])\1{9,}/gu, '$1$1$1$1$1$1$1$1$1$1')
        .trimEnd(),
    );
}

function propose(input: string): ProposedStrategy {
  const warnings: Message[] = [];
  let text = input;
  if (text.length > MAX_CHARS) {
    text = text.slice(0, MAX_CHARS);
    warnings.push(WARN.long);
  }
  const lines = normalise(text);
  const tokens = tokenise(lines);
  const hard = isHardWrapped(tokens);
  const units = buildUnits(tokens, hard);
  if (units.length === 0) return emptyProposal([...warnings, WARN.empty]);

  // Page chrome and datelines.
  const trailer: string[] = [];
  for (const u of units) {
    if (u.k !== 'para') continue;
    const t = paraText(u);
    if (isChrome(t)) u.gone = true;
    else if (DATELINE.test(plain(t))) {
      u.gone = true;
      trailer.push(plain(t));
    }
  }

  // The decision's facts.
  const adoption: Adoption = { adoptedBy: '', adoptedOn: '', minuteParagraph: '', registryNumber: '' };
  for (const u of units) {
    if (u.k !== 'para' || u.gone) continue;
    // Line by line first (a table of "Beslutad av: …" lines), then the paragraph as a whole.
    if (u.lines.length > 1) u.lines = u.lines.filter((line) => !readAdoption(line, adoption));
    if (u.lines.length === 0 || readAdoption(paraText(u), adoption)) u.gone = true;
  }

  // The title: the first heading or short first line.
  let title = '';
  let start = 0;
  while (start < units.length && units[start]!.k === 'para' && (units[start] as { gone?: boolean }).gone) start++;
  const first = units[start];
  if ((first?.k === 'md' || first?.k === 'num') && classify(first.text).kind !== 'known') {
    title = first.text;
    units.splice(start, 1);
  } else if (first?.k === 'para' && looksLikeTitle(paraText(first))) {
    title = paraText(first);
    first.gone = true;
  }
  title = calmTitle(finishTitle(plain(title).replace(/^[*_]+|[*_]+$/g, ''), '').title);
  if (title) {
    // The title repeated as the first line of the text ("Internationell strategi.").
    const again = units.slice(start).find((u) => !(u.k === 'para' && u.gone));
    if (again?.k === 'para' && normaliseForCompare(paraText(again)) === normaliseForCompare(title)) again.gone = true;
    else if (again?.k === 'md' && normaliseForCompare(again.text) === normaliseForCompare(title)) units.splice(units.indexOf(again), 1);
  }

  const vision = readVision(units, start);
  const markdown = units.some((u) => u.k === 'md');
  const root = buildSections(units, markdown);
  const out: Out = { body: [], responsibilities: [], vision, loose: [], goalHeadings: 0 };
  let goals = interpret(root, {}, out);
  out.body.push(...trailer);

  // One group around everything, with nothing to say: its children stand on their own.
  if (goals.length === 1 && goals[0]!.children.length > 0 && !goals[0]!.description && /område$|grupp$/.test(goals[0]!.levelName)) goals = goals[0]!.children;

  if (goals.length === 0 && out.loose.length > 0) {
    goals = out.loose.flat().map((it) => itemNode(it, 'Mål', 'Delmål'));
    warnings.push(WARN.flat);
  } else if (goals.length > 0 && out.goalHeadings === 0) warnings.push(WARN.flat);
  const budget = { left: MAX_NODES, cut: false };
  goals = tidy(goals, 0, budget);
  if (budget.cut) warnings.push(WARN.cut);
  if (goals.length === 0) warnings.push(WARN.noGoals);
  if (!title) warnings.unshift(WARN.noTitle);
  if (!adoption.adoptedBy && !adoption.adoptedOn) warnings.push(WARN.noAdoption);

  return {
    title,
    vision: out.vision,
    adoptedBy: adoption.adoptedBy,
    adoptedOn: adoption.adoptedOn,
    minuteParagraph: adoption.minuteParagraph,
    registryNumber: adoption.registryNumber,
    responsibilities: out.responsibilities.filter(Boolean).join('\n\n'),
    body: out.body.filter(Boolean).join('\n\n'),
    goals,
    warnings,
  };
}

/** Counts the nodes of a tree (all levels). */
export function countNodes(nodes: ProposedNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.children), 0);
}
