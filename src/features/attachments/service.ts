/**
 * Attachments of projects, partnerships and decisions: checked, cleaned, stored outside the web
 * root, recorded with an audit entry in the same transaction. No HTTP here: routes authorise first
 * (policy layer) and call these functions.
 */
import { createHash } from 'node:crypto';
import type fs from 'node:fs';
import type { Config } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { log } from '../../log.js';
import { type AuditActor, recordAudit } from '../audit/chain.js';
import { type Actor, actorLabel } from '../policy/actor.js';
import { cleanImage, ImageError, imageHasMetadata, inspectContent } from './content.js';
import { cleanFilename } from './filename.js';
import { M, maxMbText } from './messages.js';
import {
  type AttachmentEntity,
  type AttachmentRow,
  deleteAttachmentRow,
  findAttachment,
  findOwnerRecord,
  insertAttachment,
  listAttachmentRows,
  type OwnerRecord,
  setAttachmentPublicFlag,
} from './repository.js';
import { newStorageKey, openStoredFile, removeStoredFile, writeStoredFile } from './storage.js';

type AttachmentConfig = Pick<Config, 'attachments'>;

/** Who makes the change: the signed-in person, or an audit actor (the system, a script). */
export type ChangeActor = Actor | AuditActor;

function toAuditActor(a: ChangeActor): AuditActor {
  return 'label' in a ? a : { userId: a.userId, label: actorLabel(a) };
}

export interface StoreAttachmentInput {
  municipalityId: number;
  entity: AttachmentEntity;
  entityId: number;
  /** The name the uploader's computer gave the file; shown only, never used as a path. */
  filename: string;
  bytes: Uint8Array;
  actor: ChangeActor;
  /** Language of the error messages. */
  lang?: Lang;
}

/** What the audit trail keeps of an attachment (no storage key: it is an internal detail). */
function auditView(a: AttachmentRow) {
  return {
    id: a.id,
    entity: a.entity,
    entity_id: a.entity_id,
    filename: a.filename,
    media_type: a.media_type,
    size_bytes: a.size_bytes,
    sha256: a.sha256,
    is_public: a.is_public,
  };
}

const fileError = (code: 'payload_too_large' | 'unsupported_media_type' | 'invalid_form', message: string) =>
  new AppError(code, message, [{ field: 'file', message }]);

/**
 * Checks, cleans and stores an uploaded file for a record and returns the new attachment.
 * @throws AppError `payload_too_large` (413) over `config.attachments.maxBytes`,
 *   `unsupported_media_type` (415) when the content is not an accepted type or not a readable
 *   image, `invalid_form` (400) for an empty file, `not_found` (404) when the record is not in the
 *   municipality. Errors carry a field error for `file`. Nothing is stored when anything fails.
 */
export async function storeAttachment(db: Db, config: AttachmentConfig, input: StoreAttachmentInput): Promise<AttachmentRow> {
  const lang = input.lang ?? 'sv';
  const { maxBytes, dir } = config.attachments;
  if (input.bytes.byteLength === 0) throw fileError('invalid_form', M.empty[lang]);
  if (input.bytes.byteLength > maxBytes) throw fileError('payload_too_large', M.tooLarge(maxMbText(maxBytes, lang))[lang]);

  const owner = await findOwnerRecord(db, input.municipalityId, input.entity, input.entityId);
  if (!owner) throw new AppError('not_found', M.recordNotFound[lang]);

  const inspection = await inspectContent(input.bytes);
  if (!inspection.ok) throw fileError('unsupported_media_type', (inspection.reason === 'legacy_office' ? M.legacyOffice : M.unsupported)[lang]);
  const type = inspection.type;

  let stored: Uint8Array = input.bytes;
  if (type.kind === 'image') {
    try {
      stored = await cleanImage(input.bytes, type.mime);
    } catch (e) {
      if (e instanceof ImageError) throw fileError('unsupported_media_type', (e.reason === 'too_many_pixels' ? M.imageTooBig : M.badImage)[lang]);
      throw e;
    }
    // Belt and braces: a picture with its GPS position must never be stored.
    if (await imageHasMetadata(stored)) throw new Error('image metadata survived re-encoding');
  }

  const actor = toAuditActor(input.actor);
  const key = newStorageKey();
  await writeStoredFile(dir, key, stored);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await insertAttachment(trx, {
        municipality_id: owner.municipalityId,
        entity: owner.entity,
        entity_id: owner.id,
        filename: cleanFilename(input.filename, type),
        media_type: type.mime,
        size_bytes: stored.byteLength,
        sha256: createHash('sha256').update(stored).digest('hex'),
        storage_key: key,
        is_public: 0,
        uploaded_by: actor.userId,
        created_at: nowIso(),
      });
      await recordAudit(trx, {
        municipalityId: owner.municipalityId,
        actor,
        action: 'create',
        entity: 'attachment',
        entityId: row.id,
        before: null,
        after: auditView(row),
        details: { record: `${owner.entity}:${owner.id}` },
      });
      return row;
    });
  } catch (e) {
    await removeStoredFile(dir, key).catch((err) => log('error', 'could not remove an orphaned attachment file', { key, error: String(err) }));
    throw e;
  }
}

/** The attachments of one record in the municipality, oldest first. */
export function listAttachments(db: Db, municipalityId: number, entity: AttachmentEntity, entityId: number): Promise<AttachmentRow[]> {
  return listAttachmentRows(db, municipalityId, entity, entityId);
}

/** A record that can carry attachments, in the municipality, or undefined (for the policy check). */
export function findRecord(db: Db, municipalityId: number, entity: AttachmentEntity, id: number): Promise<OwnerRecord | undefined> {
  return findOwnerRecord(db, municipalityId, entity, id);
}

/** The record an attachment hangs on (for the policy check), or undefined. */
export function ownerOf(db: Db, attachment: Pick<AttachmentRow, 'municipality_id' | 'entity' | 'entity_id'>): Promise<OwnerRecord | undefined> {
  return findOwnerRecord(db, attachment.municipality_id, attachment.entity as AttachmentEntity, attachment.entity_id);
}

/** One attachment of the municipality. @throws AppError `not_found` */
export async function getAttachment(db: Db, municipalityId: number, id: number, lang: Lang = 'sv'): Promise<AttachmentRow> {
  const a = await findAttachment(db, municipalityId, id);
  if (!a) throw new AppError('not_found', M.attachmentNotFound[lang]);
  return a;
}

/**
 * Deletes an attachment: the row and its audit entry in one transaction, then the file. A file that
 * cannot be removed afterwards is logged (an orphan file is harmless; a lost row would not be).
 * @throws AppError `not_found`
 */
export async function deleteAttachment(
  db: Db,
  config: AttachmentConfig,
  input: { municipalityId: number; id: number; actor: ChangeActor; lang?: Lang },
): Promise<AttachmentRow> {
  const lang = input.lang ?? 'sv';
  const removed = await db.transaction().execute(async (trx) => {
    const a = await findAttachment(trx, input.municipalityId, input.id);
    if (!a) throw new AppError('not_found', M.attachmentNotFound[lang]);
    await deleteAttachmentRow(trx, a.id);
    await recordAudit(trx, {
      municipalityId: a.municipality_id,
      actor: toAuditActor(input.actor),
      action: 'delete',
      entity: 'attachment',
      entityId: a.id,
      before: auditView(a),
      after: null,
      details: { record: `${a.entity}:${a.entity_id}` },
    });
    return a;
  });
  await removeStoredFile(config.attachments.dir, removed.storage_key).catch((err) =>
    log('error', 'could not remove a deleted attachment file', { key: removed.storage_key, error: String(err) }),
  );
  return removed;
}

/**
 * Marks an attachment public (shown with its record once the record is published) or internal.
 * @throws AppError `not_found`
 */
export async function setAttachmentPublic(
  db: Db,
  input: { municipalityId: number; id: number; isPublic: boolean; actor: ChangeActor; lang?: Lang },
): Promise<AttachmentRow> {
  const lang = input.lang ?? 'sv';
  return db.transaction().execute(async (trx) => {
    const before = await findAttachment(trx, input.municipalityId, input.id);
    if (!before) throw new AppError('not_found', M.attachmentNotFound[lang]);
    const after = { ...before, is_public: input.isPublic ? 1 : 0 };
    if (before.is_public === after.is_public) return before;
    await setAttachmentPublicFlag(trx, before.id, input.isPublic);
    await recordAudit(trx, {
      municipalityId: before.municipality_id,
      actor: toAuditActor(input.actor),
      action: input.isPublic ? 'publish' : 'unpublish',
      entity: 'attachment',
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
      details: { record: `${before.entity}:${before.entity_id}` },
    });
    return after;
  });
}

export interface OpenedAttachment {
  attachment: AttachmentRow;
  /** Open for reading; the caller streams and closes it. */
  file: fs.promises.FileHandle;
}

/**
 * Opens an attachment the caller has looked up for download (no access check: the caller has done it).
 * @throws AppError `not_found` when its file is missing (logged).
 */
export async function openAttachment(config: AttachmentConfig, attachment: AttachmentRow, lang: Lang = 'sv'): Promise<OpenedAttachment> {
  return { attachment, file: await openFileOf(config, attachment, lang) };
}

/**
 * Opens an attachment for the public: only when it is marked public and its record is published.
 * @throws AppError `not_found` otherwise (the same answer whether it exists or not).
 */
export async function openPublicAttachment(db: Db, config: AttachmentConfig, id: number, municipalityId: number, lang: Lang = 'sv'): Promise<OpenedAttachment> {
  const attachment = await findAttachment(db, municipalityId, id);
  const owner = attachment?.is_public === 1 ? await ownerOf(db, attachment) : undefined;
  if (!attachment || !owner?.published) throw new AppError('not_found', M.attachmentNotFound[lang]);
  return { attachment, file: await openFileOf(config, attachment, lang) };
}

/** The public attachments of a published record (for its public page); empty when unpublished. */
export async function listPublicAttachments(db: Db, municipalityId: number, entity: AttachmentEntity, entityId: number): Promise<AttachmentRow[]> {
  const owner = await findOwnerRecord(db, municipalityId, entity, entityId);
  if (!owner?.published) return [];
  return (await listAttachmentRows(db, municipalityId, entity, entityId)).filter((a) => a.is_public === 1);
}

async function openFileOf(config: AttachmentConfig, a: AttachmentRow, lang: Lang): Promise<fs.promises.FileHandle> {
  const file = await openStoredFile(config.attachments.dir, a.storage_key);
  if (!file) {
    log('error', 'attachment file missing from storage', { id: a.id, key: a.storage_key });
    throw new AppError('not_found', M.fileMissing[lang]);
  }
  return file;
}
