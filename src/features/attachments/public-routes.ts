/**
 * Public downloads: `/{kommun}/bilagor/{id}/{filnamn}` serves an attachment only when it is marked
 * public and its record is published; anything else answers 404, whether the attachment exists or
 * not. Mounted once at `/` in app.tsx, before the municipality routes.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import { requireMunicipality } from '../../ui/page-context.js';
import { M } from './messages.js';
import { sendAttachment } from './serve.js';
import { openPublicAttachment } from './service.js';

/** The public address of an attachment. */
export function publicAttachmentHref(municipalitySlug: string, id: number, filename: string): string {
  return `/${municipalitySlug}/bilagor/${id}/${encodeURIComponent(filename)}`;
}

export function attachmentPublicRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:kommun/bilagor/:id/:filename', async (c) => {
    const lang = c.var.lang;
    const municipality = await requireMunicipality(c, lang);
    const raw = c.req.param('id');
    if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new AppError('not_found', M.attachmentNotFound[lang]);
    const opened = await openPublicAttachment(c.var.handle.db, c.var.config, Number(raw), municipality.id, lang);
    // The name in the address is for people; an old or shortened one leads to the right address.
    if (c.req.param('filename') !== opened.attachment.filename) {
      await opened.file.close();
      return c.redirect(publicAttachmentHref(municipality.slug, opened.attachment.id, opened.attachment.filename), 301);
    }
    return sendAttachment(c, opened, true);
  });
  return app;
}
