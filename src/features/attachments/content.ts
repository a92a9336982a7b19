/**
 * What an uploaded file really is, decided from its bytes (never from its name), and the cleaning
 * of images before they are stored.
 *
 * Accepted: PDF, Word (.docx), Excel (.xlsx), OpenDocument text and spreadsheet (.odt, .ods), and
 * JPEG, PNG, WebP and GIF images. Refused on purpose:
 * - a plain ZIP, and macro-enabled Office files (.docm, .xlsm): `file-type` tells them apart from
 *   .docx/.xlsx by the entries inside the container;
 * - legacy Office files (.doc, .xls): `file-type` sees only an OLE compound file (`cfb`), the same
 *   container as Windows installers (.msi) and Outlook messages, and legacy files carry macros, so
 *   the person is asked to save as .docx/.xlsx instead;
 * - SVG (can hold scripts), HTML, executables, and everything else.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';

export type ContentKind = 'document' | 'image';

export interface AllowedType {
  mime: string;
  /** The extension a clean file name gets when the uploaded name lacks a matching one. */
  ext: string;
  /** Extensions that already match the type. */
  extensions: readonly string[];
  kind: ContentKind;
  /** Short name for lists ("PDF", "Word"). */
  label: string;
}

const TYPES: readonly AllowedType[] = [
  { mime: 'application/pdf', ext: 'pdf', extensions: ['pdf'], kind: 'document', label: 'PDF' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    extensions: ['docx'],
    kind: 'document',
    label: 'Word',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    extensions: ['xlsx'],
    kind: 'document',
    label: 'Excel',
  },
  { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', extensions: ['odt'], kind: 'document', label: 'OpenDocument' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods', extensions: ['ods'], kind: 'document', label: 'OpenDocument' },
  { mime: 'image/jpeg', ext: 'jpg', extensions: ['jpg', 'jpeg'], kind: 'image', label: 'JPEG' },
  { mime: 'image/png', ext: 'png', extensions: ['png'], kind: 'image', label: 'PNG' },
  { mime: 'image/webp', ext: 'webp', extensions: ['webp'], kind: 'image', label: 'WebP' },
  { mime: 'image/gif', ext: 'gif', extensions: ['gif'], kind: 'image', label: 'GIF' },
];

/** The accepted types by media type. */
export const ALLOWED_TYPES: ReadonlyMap<string, AllowedType> = new Map(TYPES.map((t) => [t.mime, t]));

export type Inspection = { ok: true; type: AllowedType } | { ok: false; reason: 'unsupported' | 'legacy_office'; detected?: string };

/** Detects the type of `bytes` from their content and says whether it is accepted. */
export async function inspectContent(bytes: Uint8Array): Promise<Inspection> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { ok: false, reason: 'unsupported' };
  const type = ALLOWED_TYPES.get(found.mime);
  if (type) return { ok: true, type };
  return { ok: false, reason: found.ext === 'cfb' ? 'legacy_office' : 'unsupported', detected: found.mime };
}

/** Largest image accepted, in pixels (a 100-megapixel photo): guards against decompression bombs. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export class ImageError extends Error {
  constructor(readonly reason: 'unreadable' | 'too_many_pixels') {
    super(`image ${reason}`);
    this.name = 'ImageError';
  }
}

/**
 * Re-encodes an image in its own format without any metadata: EXIF (GPS position, camera, owner),
 * XMP, IPTC and comments are dropped, the EXIF orientation is applied to the pixels first so the
 * picture still stands the right way. Throws `ImageError` when the image cannot be read or is too big.
 */
export async function cleanImage(bytes: Uint8Array, mime: string): Promise<Buffer> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).metadata();
  } catch {
    throw new ImageError('unreadable');
  }
  const pages = meta.pages ?? 1;
  const frame = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (frame * pages > MAX_IMAGE_PIXELS) throw new ImageError('too_many_pixels');
  const animated = pages > 1;
  try {
    // sharp writes no metadata unless asked to (withMetadata/keepExif): re-encoding is the cleaning.
    let img = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated });
    if (!animated) img = img.rotate();
    switch (mime) {
      case 'image/jpeg':
        return await img.jpeg({ quality: 90 }).toBuffer();
      case 'image/png':
        return await img.png().toBuffer();
      case 'image/webp':
        return await img.webp({ quality: 90 }).toBuffer();
      case 'image/gif':
        return await img.gif().toBuffer();
      default:
        throw new Error(`not an image type: ${mime}`);
    }
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('not an image type')) throw e;
    throw new ImageError(/pixel limit/i.test(String((e as Error).message)) ? 'too_many_pixels' : 'unreadable');
  }
}

/** Whether an image still carries metadata that could say where or by whom it was taken. */
export async function imageHasMetadata(bytes: Uint8Array): Promise<boolean> {
  const m = await sharp(bytes).metadata();
  return Boolean(m.exif || m.xmp || m.iptc || (m as { comments?: unknown[] }).comments?.length);
}
