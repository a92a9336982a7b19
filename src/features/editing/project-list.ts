/** The back office's list of a municipality's projects: drafts too, filtered by unit and publication state. */
import type { Db } from '../../db/database.js';
import type { PublicationState, RevisionState } from '../../db/schema.js';

export const LIST_STATES = ['draft', 'in_review', 'published', 'archived', 'changed'] as const;
export type ListState = (typeof LIST_STATES)[number];

export interface ListFilter {
  unitId?: number;
  state?: ListState;
  /** Words in the Swedish or English title. */
  text?: string;
  page: number;
}

export interface ListedProject {
  id: number;
  title: string;
  titleEn: string | null;
  unitId: number | null;
  publicationState: PublicationState;
  revisionState?: RevisionState;
  updatedAt: string;
}

export const PAGE_SIZE = 50;

const OPEN: RevisionState[] = ['draft', 'in_review', 'returned'];

/** One page of the municipality's projects, newest change first, and the total count. */
export async function listProjects(db: Db, municipalityId: number, f: ListFilter): Promise<{ items: ListedProject[]; total: number }> {
  let q = db.selectFrom('projects').where('projects.municipality_id', '=', municipalityId);
  if (f.unitId !== undefined) q = q.where('projects.owner_unit_id', '=', f.unitId);
  if (f.state === 'changed') {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('revisions')
          .select('revisions.id')
          .whereRef('revisions.entity_id', '=', 'projects.id')
          .where('revisions.entity', '=', 'project')
          .where('revisions.state', 'in', OPEN),
      ),
    );
  } else if (f.state) q = q.where('projects.publication_state', '=', f.state);
  for (const word of (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['projects.title_sv']), 'like', pattern), eb(eb.fn('lower', [eb.fn.coalesce('projects.title_en', eb.val(''))]), 'like', pattern)]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select(['projects.id', 'projects.title_sv', 'projects.title_en', 'projects.owner_unit_id', 'projects.publication_state', 'projects.updated_at'])
    .orderBy('projects.updated_at', 'desc')
    .orderBy('projects.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .execute();
  const ids = rows.map((r) => Number(r.id));
  const revisions = ids.length
    ? await db.selectFrom('revisions').select(['entity_id', 'state']).where('entity', '=', 'project').where('municipality_id', '=', municipalityId).where('entity_id', 'in', ids).where('state', 'in', OPEN).execute()
    : [];
  const revisionOf = new Map(revisions.map((r) => [Number(r.entity_id), r.state]));
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      title: r.title_sv,
      titleEn: r.title_en,
      unitId: r.owner_unit_id === null ? null : Number(r.owner_unit_id),
      publicationState: r.publication_state as PublicationState,
      revisionState: revisionOf.get(Number(r.id)),
      updatedAt: r.updated_at,
    })),
  };
}
