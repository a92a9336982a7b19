/**
 * Sends a stored attachment with headers that keep it from ever running as part of the site:
 * the detected type with `nosniff`, a download (`attachment`) except for images, and a CSP that
 * allows nothing and sandboxes the document, so even a PDF or an image opened on its own has no
 * origin to act in.
 *
 * Needs `secureHeaders({ …, overwrite: false })` in app.tsx so the site-wide CSP does not replace
 * this stricter one.
 */
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { ALLOWED_TYPES } from './content.js';
import { contentDisposition } from './filename.js';
import type { OpenedAttachment } from './service.js';

/** The CSP of every attachment response. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

/** Images open in the browser; everything else downloads (browsers refuse PDFs in a sandbox). */
export function dispositionOf(mediaType: string): 'inline' | 'attachment' {
  return ALLOWED_TYPES.get(mediaType)?.kind === 'image' ? 'inline' : 'attachment';
}

/** The headers of an attachment response. */
export function attachmentHeaders(a: { filename: string; media_type: string }, size: number, publicAccess: boolean): Record<string, string> {
  return {
    'Content-Type': a.media_type,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(a.filename, dispositionOf(a.media_type)),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': ATTACHMENT_CSP,
    'Cross-Origin-Resource-Policy': publicAccess ? 'cross-origin' : 'same-origin',
    'Cache-Control': publicAccess ? 'public, max-age=300' : 'private, no-store',
    'X-Robots-Tag': publicAccess ? 'noarchive' : 'noindex, nofollow',
  };
}

/** Streams the opened file (closing it when done) with the attachment headers. */
export async function sendAttachment(c: Context<AppEnv>, opened: OpenedAttachment, publicAccess: boolean): Promise<Response> {
  const { attachment, file } = opened;
  let size: number;
  try {
    size = (await file.stat()).size;
  } catch (e) {
    await file.close();
    throw e;
  }
  for (const [name, value] of Object.entries(attachmentHeaders(attachment, size, publicAccess))) c.header(name, value);
  if (c.req.method === 'HEAD') {
    await file.close();
    return c.body(null, 200);
  }
  const stream = Readable.toWeb(file.createReadStream({ autoClose: true })) as unknown as ReadableStream<Uint8Array>;
  return c.body(stream, 200);
}
