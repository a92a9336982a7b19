/** The queries behind each role's overview: what awaits the person, recent changes, key counts. */
import type { Db } from '../../db/database.js';
import type { Lang } from '../../i18n/index.js';
import type { Actor } from '../policy/actor.js';
import { can } from '../policy/policy.js';

export interface AwaitingItem {
  title: string;
  /** Path under `/admin/{kommun}`. */
  path: string;
  note?: string;
}

const ENTITY_PATH: Record<string, string> = { project: 'projekt', partnership: 'samarbeten', organisation: 'organisationer' };

/** Revisions with the title and publication state of the record each one changes, in one query. */
function revisionsWithRecord(db: Db) {
  return db
    .selectFrom('revisions as r')
    .leftJoin('projects as p', (j) => j.onRef('p.id', '=', 'r.entity_id').on('r.entity', '=', 'project'))
    .leftJoin('partnerships as ps', (j) => j.onRef('ps.id', '=', 'r.entity_id').on('r.entity', '=', 'partnership'))
    .leftJoin('organisations as o', (j) => j.onRef('o.id', '=', 'r.entity_id').on('r.entity', '=', 'organisation'))
    .select([
      'r.entity',
      'r.entity_id',
      'p.title_sv as project_title',
      'p.publication_state as project_state',
      'ps.title_sv as partnership_title',
      'ps.publication_state as partnership_state',
      'o.name_sv as organisation_name',
    ]);
}

type RevisionRecord = Awaited<ReturnType<ReturnType<typeof revisionsWithRecord>['execute']>>[number];

function titleOf(r: RevisionRecord): string {
  const title = r.entity === 'project' ? r.project_title : r.entity === 'partnership' ? r.partnership_title : r.organisation_name;
  return title ?? `#${r.entity_id}`;
}

function liveStateOf(r: RevisionRecord): string | null {
  return r.entity === 'project' ? r.project_state : r.partnership_state;
}

export async function awaitingFor(db: Db, actor: Actor, municipalityId: number, lang: Lang) {
  const target = { municipalityId };
  const sv = lang === 'sv';
  const reviews: AwaitingItem[] = [];
  const decisions: AwaitingItem[] = [];
  const drafts: AwaitingItem[] = [];
  const returned: AwaitingItem[] = [];

  if (can(actor, 'publish', target)) {
    const revs = await revisionsWithRecord(db).where('r.municipality_id', '=', municipalityId).where('r.state', '=', 'in_review').orderBy('r.submitted_at').limit(50).execute();
    for (const r of revs) {
      // A never-published record in review is listed below as new, not as a change.
      if (r.entity !== 'organisation' && liveStateOf(r) !== 'published') continue;
      reviews.push({ title: titleOf(r), path: `/${ENTITY_PATH[r.entity] ?? r.entity}/${r.entity_id}`, note: sv ? 'ändring av publicerad uppgift' : 'change to a published record' });
    }
    const newProjects = await db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', municipalityId).where('publication_state', '=', 'in_review').limit(50).execute();
    for (const p of newProjects) reviews.push({ title: p.title_sv, path: `/projekt/${p.id}`, note: sv ? 'nytt projekt' : 'new project' });
    const newPartnerships = await db.selectFrom('partnerships').select(['id', 'title_sv']).where('municipality_id', '=', municipalityId).where('publication_state', '=', 'in_review').limit(50).execute();
    for (const p of newPartnerships) reviews.push({ title: p.title_sv, path: `/samarbeten/${p.id}`, note: sv ? 'nytt samarbete' : 'new partnership' });
  }

  if (can(actor, 'decide', target)) {
    const waiting = await db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', municipalityId).where('lifecycle', '=', 'awaiting_decision').orderBy('updated_at').limit(50).execute();
    for (const p of waiting) decisions.push({ title: p.title_sv, path: `/projekt/${p.id}/beslutsvag` });
  }

  // Drafts: everything in draft for those who edit all records; a unit editor's own units' drafts.
  const editsAll = can(actor, 'publish', target);
  const units = [...actor.units];
  if (editsAll || units.length > 0) {
    let q = db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', municipalityId).where('publication_state', '=', 'draft');
    if (!editsAll) q = q.where('owner_unit_id', 'in', units);
    for (const p of await q.orderBy('updated_at', 'desc').limit(50).execute()) drafts.push({ title: p.title_sv, path: `/projekt/${p.id}` });
  }
  const mine = await revisionsWithRecord(db)
    .select(['r.state', 'r.review_comment'])
    .where('r.municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('r.created_by', '=', actor.userId), eb('r.submitted_by', '=', actor.userId)]))
    .where('r.state', 'in', ['draft', 'returned'])
    .limit(50)
    .execute();
  for (const r of mine) {
    const item = { title: titleOf(r), path: `/${ENTITY_PATH[r.entity] ?? r.entity}/${r.entity_id}`, note: r.review_comment ?? undefined };
    (r.state === 'returned' ? returned : drafts).push(item);
  }
  return { reviews, decisions, drafts, returned };
}

export async function recentChanges(db: Db, municipalityId: number, limit: number) {
  return db.selectFrom('audit_log').select(['id', 'actor', 'action', 'entity', 'entity_id', 'at']).where('municipality_id', '=', municipalityId).orderBy('id', 'desc').limit(limit).execute();
}

export async function keyCounts(db: Db, municipalityId: number) {
  const count = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
  const [projects, publishedProjects, ongoing, partnerships] = await Promise.all([
    count(db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirst()),
    count(db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', municipalityId).where('publication_state', '=', 'published').executeTakeFirst()),
    count(db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', municipalityId).where('lifecycle', '=', 'ongoing').executeTakeFirst()),
    count(db.selectFrom('partnerships').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirst()),
  ]);
  return { projects, publishedProjects, ongoing, partnerships };
}
