/**
 * Back-office routes of attachments, under `/admin/{kommun}/bilagor/{entity}/{id}` (entity:
 * `project`, `partnership`, `decision`). Each handler: sign-in (guard) → municipality and record
 * (404 unless the record is in that municipality) → policy (`view` to read, `edit` to upload or
 * delete, `publish` to make a file public) → service → page or redirect.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { type AdminScope, idParam, noticeOf, requireAdminMunicipality } from '../admin/context.js';
import { adminPageContext } from '../admin/layout.js';
import { type Action, authorize, can, recordNotFound } from '../policy/policy.js';
import { M, NOTICES } from './messages.js';
import { AttachmentsPage, attachmentsHref, DeleteAttachmentPage } from './pages.js';
import { type AttachmentRow, isAttachmentEntity, type OwnerRecord } from './repository.js';
import { sendAttachment } from './serve.js';
import { deleteAttachment, findRecord, getAttachment, listAttachments, openAttachment, setAttachmentPublic, storeAttachment } from './service.js';

export { attachmentPublicRoutes } from './public-routes.js';

interface RecordScope extends AdminScope {
  owner: OwnerRecord;
}

/** The municipality, the record in the URL and the policy check for `action` on it. */
async function requireRecord(c: Context<AppEnv>, action: Action): Promise<RecordScope> {
  const scope = await requireAdminMunicipality(c, 'view');
  const entity = c.req.param('entity') ?? '';
  if (!isAttachmentEntity(entity)) throw recordNotFound(scope.lang);
  const owner = await findRecord(c.var.handle.db, scope.municipality.id, entity, idParam(c, 'entityId'));
  if (!owner) throw recordNotFound(scope.lang);
  authorize(scope.actor, action, { municipalityId: owner.municipalityId, ownerUnitId: owner.ownerUnitId }, scope.lang);
  return { ...scope, owner };
}

/** An attachment of the record in the URL (404 when it belongs to another record). */
async function requireAttachment(c: Context<AppEnv>, scope: RecordScope): Promise<AttachmentRow> {
  const a = await getAttachment(c.var.handle.db, scope.municipality.id, idParam(c, 'id'), scope.lang);
  if (a.entity !== scope.owner.entity || a.entity_id !== scope.owner.id) throw new AppError('not_found', M.attachmentNotFound[scope.lang]);
  return a;
}

async function renderList(c: Context<AppEnv>, scope: RecordScope, errors: { field: string; message: string }[] = []) {
  const { actor, municipality, owner } = scope;
  const target = { municipalityId: owner.municipalityId, ownerUnitId: owner.ownerUnitId };
  const attachments = await listAttachments(c.var.handle.db, municipality.id, owner.entity, owner.id);
  const ctx = await adminPageContext(c, municipality);
  return c.html(
    <AttachmentsPage
      ctx={ctx}
      owner={owner}
      attachments={attachments}
      csrf={actor.csrfToken}
      canEdit={can(actor, 'edit', target)}
      canPublish={can(actor, 'publish', target)}
      maxBytes={c.var.config.attachments.maxBytes}
      notice={errors.length ? undefined : noticeOf(c, NOTICES)}
      errors={errors}
    />,
  );
}

export function attachmentAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/bilagor/:entity/:entityId';
  const back = (s: RecordScope, notice: keyof typeof NOTICES) =>
    `${attachmentsHref(lang, s.municipality.slug, s.owner.entity, s.owner.id)}?klart=${notice}`;

  app.get(base, async (c) => renderList(c, await requireRecord(c, 'view')));

  app.post(base, async (c) => {
    const scope = await requireRecord(c, 'edit');
    const body = await c.req.parseBody({ all: true });
    const given = Array.isArray(body.file) ? body.file[0] : body.file;
    if (!(given instanceof File) || (given.size === 0 && given.name === '')) {
      c.status(400);
      return renderList(c, scope, [{ field: 'file', message: M.noFile[lang] }]);
    }
    try {
      await storeAttachment(c.var.handle.db, c.var.config, {
        municipalityId: scope.municipality.id,
        entity: scope.owner.entity,
        entityId: scope.owner.id,
        filename: given.name,
        bytes: new Uint8Array(await given.arrayBuffer()),
        actor: scope.actor,
        lang,
      });
    } catch (e) {
      if (e instanceof AppError && e.fieldErrors.length > 0) {
        c.status(e.status as 400);
        return renderList(c, scope, e.fieldErrors);
      }
      throw e;
    }
    return c.redirect(back(scope, 'uppladdad'), 303);
  });

  app.get(`${base}/:id/ta-bort`, async (c) => {
    const scope = await requireRecord(c, 'edit');
    const attachment = await requireAttachment(c, scope);
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<DeleteAttachmentPage ctx={ctx} owner={scope.owner} attachment={attachment} csrf={scope.actor.csrfToken} />);
  });

  app.post(`${base}/:id/ta-bort`, async (c) => {
    const scope = await requireRecord(c, 'edit');
    const attachment = await requireAttachment(c, scope);
    await deleteAttachment(c.var.handle.db, c.var.config, { municipalityId: scope.municipality.id, id: attachment.id, actor: scope.actor, lang });
    return c.redirect(back(scope, 'borttagen'), 303);
  });

  app.post(`${base}/:id/synlighet`, async (c) => {
    const scope = await requireRecord(c, 'edit');
    const attachment = await requireAttachment(c, scope);
    const body = await c.req.parseBody({ all: true });
    const makePublic = body.public === '1';
    if (!makePublic && body.public !== '0') throw new AppError('invalid_form', lang === 'sv' ? 'Välj offentlig eller intern.' : 'Choose public or internal.');
    // Making a file public publishes it (AL-14): the coordinator's call. Hiding it is an edit.
    if (makePublic) authorize(scope.actor, 'publish', { municipalityId: scope.owner.municipalityId, ownerUnitId: scope.owner.ownerUnitId }, lang);
    await setAttachmentPublic(c.var.handle.db, { municipalityId: scope.municipality.id, id: attachment.id, isPublic: makePublic, actor: scope.actor, lang });
    return c.redirect(back(scope, makePublic ? 'offentlig' : 'intern'), 303);
  });

  app.get(`${base}/:id/:filename`, async (c) => {
    const scope = await requireRecord(c, 'view');
    const attachment = await requireAttachment(c, scope);
    const opened = await openAttachment(c.var.config, attachment, lang);
    return sendAttachment(c, opened, false);
  });

  return app;
}
