/** SQL of the attachments feature. Every function takes the database (or transaction) first. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Insertable, Selectable } from 'kysely';
import type { AttachmentTable } from '../../db/schema.js';

export type AttachmentRow = Selectable<AttachmentTable>;

/** The kinds of record that can carry attachments. */
export const ATTACHMENT_ENTITIES = ['project', 'partnership', 'decision'] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

export function isAttachmentEntity(v: string): v is AttachmentEntity {
  return (ATTACHMENT_ENTITIES as readonly string[]).includes(v);
}

/** The record an attachment hangs on, as far as access rules need it. */
export interface OwnerRecord {
  entity: AttachmentEntity;
  id: number;
  municipalityId: number;
  /** The unit whose editors may edit the record (decisions have none: coordinators only). */
  ownerUnitId: number | null;
  /** Whether the public may see the record (and so its public attachments). */
  published: boolean;
  /** Title for headings. */
  title: string;
}

/**
 * The record `entity`/`id` in the municipality, or undefined when it does not exist there.
 * A decision counts as published when a published project or partnership carries it: decisions
 * have no publication state of their own.
 */
export async function findOwnerRecord(db: Db, municipalityId: number, entity: AttachmentEntity, id: number): Promise<OwnerRecord | undefined> {
  if (entity === 'project' || entity === 'partnership') {
    const table = entity === 'project' ? 'projects' : 'partnerships';
    const row = await db
      .selectFrom(table)
      .select(['id', 'municipality_id', 'owner_unit_id', 'publication_state', 'title_sv', 'title_en'])
      .where('id', '=', id)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      entity,
      id: Number(row.id),
      municipalityId: Number(row.municipality_id),
      ownerUnitId: row.owner_unit_id === null ? null : Number(row.owner_unit_id),
      published: row.publication_state === 'published',
      title: row.title_sv,
    };
  }
  const row = await db
    .selectFrom('decisions as d')
    .select(['d.id', 'd.municipality_id', 'd.subject_sv', 'd.paragraph', 'd.decided_on'])
    .select((eb) => [
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('project_decisions as pd')
              .innerJoin('projects as p', 'p.id', 'pd.project_id')
              .select(sql<number>`1`.as('one'))
              .whereRef('pd.decision_id', '=', 'd.id')
              .where('p.publication_state', '=', 'published'),
          ),
          eb.exists(
            eb
              .selectFrom('partnership_decisions as ptd')
              .innerJoin('partnerships as pt', 'pt.id', 'ptd.partnership_id')
              .select(sql<number>`1`.as('one'))
              .whereRef('ptd.decision_id', '=', 'd.id')
              .where('pt.publication_state', '=', 'published'),
          ),
          eb.exists(
            eb
              .selectFrom('partnership_events as pe')
              .innerJoin('partnerships as pt2', 'pt2.id', 'pe.partnership_id')
              .select(sql<number>`1`.as('one'))
              .whereRef('pe.decision_id', '=', 'd.id')
              .where('pt2.publication_state', '=', 'published'),
          ),
        ])
        .as('published'),
    ])
    .where('d.id', '=', id)
    .where('d.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    entity,
    id: Number(row.id),
    municipalityId: Number(row.municipality_id),
    ownerUnitId: null,
    published: Boolean(row.published),
    title: row.subject_sv,
  };
}

export async function insertAttachment(db: Db, values: Insertable<AttachmentTable>): Promise<AttachmentRow> {
  const row = await db.insertInto('attachments').values(values).returningAll().executeTakeFirstOrThrow();
  return normalise(row);
}

/** One attachment of the municipality, or undefined. */
export async function findAttachment(db: Db, municipalityId: number, id: number): Promise<AttachmentRow | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row && normalise(row);
}

/** The attachments of one record, oldest first. */
export async function listAttachmentRows(db: Db, municipalityId: number, entity: AttachmentEntity, entityId: number): Promise<AttachmentRow[]> {
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(normalise);
}

export async function deleteAttachmentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', id).execute();
}

export async function setAttachmentPublicFlag(db: Db, id: number, isPublic: boolean): Promise<void> {
  await db
    .updateTable('attachments')
    .set({ is_public: isPublic ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** PostgreSQL returns bigint columns as numbers already; SQLite too. Kept in one place anyway. */
function normalise(row: AttachmentRow): AttachmentRow {
  return {
    ...row,
    id: Number(row.id),
    municipality_id: Number(row.municipality_id),
    entity_id: Number(row.entity_id),
    size_bytes: Number(row.size_bytes),
    is_public: Number(row.is_public),
    uploaded_by: row.uploaded_by === null ? null : Number(row.uploaded_by),
  };
}
