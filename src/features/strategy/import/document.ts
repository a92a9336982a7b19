/**
 * An uploaded strategy document as text for the importer: .txt and .md as text (UTF-8, UTF-16
 * with or without a byte-order mark, or Windows-1252), .docx through mammoth with Word's headings
 * kept as markdown `#` lines, list items as `- ` / `1. ` lines (indented when nested), short
 * bold-only paragraphs as `**…**` lines (the importer reads them as headings) and table rows as
 * "cell: cell" lines. The type is read from the content, not only from the name. Never throws.
 */
import mammoth from 'mammoth';

type Message = { sv: string; en: string };
export type DocumentText = { ok: true; text: string } | { ok: false; message: Message };

const TEXT_EXTENSIONS = new Set(['', 'txt', 'text', 'md', 'markdown']);

const MESSAGES = {
  empty: { sv: 'Filen är tom.', en: 'The file is empty.' },
  doc: {
    sv: 'Filen är i Words äldre format (.doc), som inte kan läsas. Spara den som .docx i Word och ladda upp den igen.',
    en: 'The file is in Word’s older format (.doc), which cannot be read. Save it as .docx in Word and upload it again.',
  },
  pdf: {
    sv: 'PDF-filer kan inte läsas. Ladda upp strategin som .docx eller .txt, eller klistra in texten.',
    en: 'PDF files cannot be read. Upload the strategy as .docx or .txt, or paste the text.',
  },
  rtf: {
    sv: 'RTF-filer kan inte läsas. Spara dokumentet som .docx eller .txt och ladda upp det igen.',
    en: 'RTF files cannot be read. Save the document as .docx or .txt and upload it again.',
  },
  odt: {
    sv: 'OpenDocument-filer (.odt) kan inte läsas. Spara dokumentet som .docx och ladda upp det igen.',
    en: 'OpenDocument files (.odt) cannot be read. Save the document as .docx and upload it again.',
  },
  notDocx: {
    sv: 'Filen är inte ett Word-dokument (.docx) som går att läsa. Den kan vara skadad, eller en annan sorts fil med ett nytt namn.',
    en: 'The file is not a Word document (.docx) that can be read. It may be damaged, or another kind of file that has been renamed.',
  },
  docxName: {
    sv: 'Filen heter .docx men är inget Word-dokument. Den kan vara skadad eller omdöpt. Öppna den i Word och spara den som .docx igen.',
    en: 'The file is named .docx but is not a Word document. It may be damaged or renamed. Open it in Word and save it as .docx again.',
  },
  binary: {
    sv: 'Filen är ingen textfil och kan inte läsas. Ladda upp strategin som .docx, .txt eller .md.',
    en: 'The file is not a text file and cannot be read. Upload the strategy as .docx, .txt or .md.',
  },
  type: {
    sv: 'Den filtypen kan inte läsas. Ladda upp strategin som .docx, .txt eller .md.',
    en: 'That type of file cannot be read. Upload the strategy as .docx, .txt or .md.',
  },
  noText: {
    sv: 'Dokumentet innehåller ingen text som kan läsas.',
    en: 'The document contains no text that can be read.',
  },
} satisfies Record<string, Message>;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function extensionOf(filename: string): string {
  const base = filename.split(/[/\\]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Reads the document's text; a message in Swedish and English when it cannot be read. */
export async function documentToText(bytes: Uint8Array, filename: string): Promise<DocumentText> {
  try {
    return await read(bytes, filename);
  } catch {
    return { ok: false, message: MESSAGES.notDocx };
  }
}

async function read(bytes: Uint8Array, filename: string): Promise<DocumentText> {
  const ext = extensionOf(filename);
  if (bytes.length === 0) return { ok: false, message: MESSAGES.empty };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 200))).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) return { ok: false, message: MESSAGES.odt };
    return docxToText(bytes);
  }
  if (ext === 'docx') return { ok: false, message: MESSAGES.docxName };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: false, message: MESSAGES.doc };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: false, message: MESSAGES.pdf };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { ok: false, message: MESSAGES.rtf };
  if (!TEXT_EXTENSIONS.has(ext)) return { ok: false, message: MESSAGES.type };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, message: MESSAGES.binary };
  return { ok: true, text };
}

/** Text in UTF-8, UTF-16 or Windows-1252; null when the bytes are not text. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const utf16 = utf16WithoutMark(bytes);
    if (utf16) text = new TextDecoder(utf16).decode(bytes);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = decodeWindows1252(bytes);
      }
    }
  }
  // Text files hold no NUL bytes and few other control characters.
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > Math.max(8, text.length / 100)) return null;
  return text.replace(/^\uFEFF/, '');
}

/** Windows-1252: Latin-1 except 0x80–0x9F (Node's TextDecoder treats the label as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** UTF-16 without a byte-order mark: every other byte zero (mostly Latin text). */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4000) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Rubrik'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Underrubrik'] => p:fresh",
  "p[style-name='Rubrik 1'] => h1:fresh",
  "p[style-name='Rubrik 2'] => h2:fresh",
  "p[style-name='Rubrik 3'] => h3:fresh",
  "p[style-name='Rubrik 4'] => h4:fresh",
];

async function docxToText(bytes: Uint8Array): Promise<DocumentText> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    return { ok: false, message: MESSAGES.notDocx };
  }
  const text = htmlToText(html);
  if (!text.trim()) return { ok: false, message: MESSAGES.noText };
  return { ok: true, text };
}

// ── mammoth's HTML as markdown-like text ─────────────────────────────────────

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

interface Block {
  kind: 'h' | 'p' | 'li' | 'cell';
  level: number;
  ordered: boolean;
  /** Text with bold runs marked. */
  parts: { text: string; bold: boolean }[];
}

/**
 * Turns mammoth's HTML (a small, well-formed subset: h1–h6, p, ul/ol/li, table/tr/td/th,
 * strong/em/a/br/img/sup/sub) into lines.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let block: Block | null = null;
  let bold = 0;
  let row: string[] | null = null;
  let cellText: string[] | null = null;

  const flush = () => {
    if (!block) return;
    const text = block.parts
      .map((p) => p.text)
      .join('')
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    const b = block;
    block = null;
    if (!text) return;
    if (cellText) {
      cellText.push(text.replace(/\n/g, ' '));
      return;
    }
    if (b.kind === 'h') {
      lines.push('', `${'#'.repeat(b.level)} ${text.replace(/\n/g, ' ')}`, '');
    } else if (b.kind === 'li') {
      const depth = Math.max(0, lists.length - 1);
      const list = lists.at(-1);
      const marker = list?.ordered ? `${list.count}.` : '-';
      lines.push(`${'   '.repeat(depth)}${marker} ${text.replace(/\n/g, ' ')}`);
    } else {
      const allBold = b.parts.filter((p) => p.text.trim()).every((p) => p.bold);
      const short = text.length <= 120 && !text.includes('\n') && !/[.!?]$/.test(text);
      lines.push('', allBold && short ? `**${text.replace(/:$/, '')}**` : text, '');
    }
  };

  const tokens = html.split(/(<[^>]+>)/);
  for (const tok of tokens) {
    if (!tok) continue;
    if (!tok.startsWith('<')) {
      const text = decodeEntities(tok);
      if (!block) block = { kind: lists.length ? 'li' : 'p', level: 0, ordered: false, parts: [] };
      block.parts.push({ text, bold: bold > 0 });
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(tok);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      flush();
      if (!closing) block = { kind: 'h', level: Number(tag[1]), ordered: false, parts: [] };
    } else if (tag === 'p') {
      flush();
      if (!closing) block = { kind: lists.length ? 'li' : 'p', level: 0, ordered: false, parts: [] };
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
      if (!lists.length) lines.push('');
    } else if (tag === 'li') {
      flush();
      if (!closing) {
        const list = lists.at(-1);
        if (list) list.count++;
        block = { kind: 'li', level: 0, ordered: false, parts: [] };
      }
    } else if (tag === 'tr') {
      flush();
      if (closing && row) {
        const cells = row.filter(Boolean);
        if (cells.length === 2) lines.push('', `${cells[0]!.replace(/:$/, '')}: ${cells[1]}`, '');
        else if (cells.length) lines.push('', cells.join(' | '), '');
        row = null;
      } else if (!closing) row = [];
    } else if (tag === 'td' || tag === 'th') {
      flush();
      if (!closing) cellText = [];
      else if (cellText) {
        row?.push(cellText.join(' ').trim());
        cellText = null;
      }
    } else if (tag === 'strong' || tag === 'b') bold = Math.max(0, bold + (closing ? -1 : 1));
    else if (tag === 'br') block?.parts.push({ text: '\n', bold: bold > 0 });
  }
  flush();
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}
