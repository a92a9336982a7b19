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

export async function awaitingFor(db: Db, actor: Actor, municipalityId: number, lang: Lang) {
  const target = { municipalityId };
  const sv = lang === 'sv';
  const reviews: AwaitingItem[] = [];
  const decisions: AwaitingItem[] = [];
  const drafts: AwaitingItem[] = [];
  const returned: AwaitingItem[] = [];

  const titleOf = async (entity: string, id: number): Promise<string> => {
    if (entity === 'project') return (await db.selectFrom('projects').select('title_sv').where('id', '=', id).executeTakeFirst())?.title_sv ?? `#${id}`;
    if (entity === 'partnership') return (await db.selectFrom('partnerships').select('title_sv').where('id', '=', id).executeTakeFirst())?.title_sv ?? `#${id}`;
    return (await db.selectFrom('organisations').select('name_sv').where('id', '=', id).executeTakeFirst())?.name_sv ?? `#${id}`;
  };

  if (can(actor, 'publish', target)) {
    const revs = await db.selectFrom('revisions').select(['id', 'entity', 'entity_id']).where('municipality_id', '=', municipalityId).where('state', '=', 'in_review').orderBy('submitted_at').limit(50).execute();
    for (const r of revs) {
      // A never-published record in review is listed below as new, not as a change.
      const table = r.entity === 'project' ? 'projects' : r.entity === 'partnership' ? 'partnerships' : undefined;
      if (table) {
        const live = await db.selectFrom(table).select('publication_state').where('id', '=', Number(r.entity_id)).executeTakeFirst();
        if (live?.publication_state !== 'published') continue;
      }
      reviews.push({ title: await titleOf(r.entity, Number(r.entity_id)), path: `/${ENTITY_PATH[r.entity] ?? r.entity}/${r.entity_id}`, note: sv ? 'ändring av publicerad uppgift' : 'change to a published record' });
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
  const mine = await db
    .selectFrom('revisions')
    .select(['entity', 'entity_id', 'state', 'review_comment'])
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('created_by', '=', actor.userId), eb('submitted_by', '=', actor.userId)]))
    .where('state', 'in', ['draft', 'returned'])
    .limit(50)
    .execute();
  for (const r of mine) {
    const item = { title: await titleOf(r.entity, Number(r.entity_id)), path: `/${ENTITY_PATH[r.entity] ?? r.entity}/${r.entity_id}`, note: r.review_comment ?? undefined };
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
