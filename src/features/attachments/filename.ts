/**
 * The file name people see. It is only ever shown and sent in Content-Disposition, never used as a
 * path (files are stored under a random key), yet it is cleaned so it cannot mislead either.
 */
import type { AllowedType } from './content.js';

const MAX_LENGTH = 150;

/**
 * A display name for an uploaded file: no folders (`../../etc/passwd` → `passwd`), no control or
 * direction-changing characters (`U+202E` would show `gpj.exe` as `exe.jpg`), no characters that
 * Windows forbids, at most 150 characters, and an extension that matches the detected type
 * (`rapport.pdf` that is really a PNG becomes `rapport.pdf.png`).
 * @example cleanFilename('C:\\Users\\anna\\Budget 2026.xlsx', xlsxType) // 'Budget 2026.xlsx'
 */
export function cleanFilename(raw: string, type: AllowedType): string {
  let name = raw.normalize('NFC');
  // Last path segment, for both separators.
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    // C0/C1 controls, bidi controls and marks, zero-width characters, BOM, line/paragraph separators.
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // No leading dots (hidden files, `..`) and no trailing dots or spaces (Windows drops them).
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let stem = type.extensions.includes(ext) ? name.slice(0, dot) : name;
  const suffix = `.${type.extensions.includes(ext) ? ext : type.ext}`;
  if (!stem) stem = 'bilaga';
  // Cut on whole code points so a name never ends in half a character.
  const room = MAX_LENGTH - suffix.length;
  const points = Array.from(stem);
  if (points.length > room) stem = points.slice(0, room).join('').trimEnd();
  return `${stem}${suffix}`;
}

/** RFC 5987 encoding of a value for `filename*`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The Content-Disposition header for a stored file: an ASCII fallback `filename` (non-ASCII and
 * quotes replaced) for old clients and the exact name in `filename*=UTF-8''…` (RFC 6266).
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline'): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
