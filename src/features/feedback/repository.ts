/** Page feedback: stored per page, counted per page; comments never leave the back office. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface NewFeedback {
  municipalityId: number | null;
  path: string;
  lang: string;
  helpful: boolean;
  comment: string | null;
  clientHash: string;
  at: string;
}

export async function insertFeedback(db: Db, f: NewFeedback): Promise<void> {
  await db
    .insertInto('page_feedback')
    .values({ municipality_id: f.municipalityId, path: f.path, lang: f.lang, helpful: f.helpful ? 1 : 0, comment: f.comment, client_hash: f.clientHash, created_at: f.at })
    .execute();
}

/** How many answers this client sent since `sinceIso`. */
export async function countRecentByClient(db: Db, clientHash: string, sinceIso: string): Promise<number> {
  const r = await db
    .selectFrom('page_feedback')
    .select(sql<number>`count(*)`.as('n'))
    .where('client_hash', '=', clientHash)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface FeedbackCount {
  path: string;
  yes: number;
  no: number;
  comments: number;
}

/** Yes/no counts per page, for one municipality or (null) the installation's own pages. */
export async function feedbackCounts(db: Db, municipalityId: number | null | 'all'): Promise<FeedbackCount[]> {
  let q = db
    .selectFrom('page_feedback')
    .select([
      'path',
      sql<number>`sum(case when helpful = 1 then 1 else 0 end)`.as('yes'),
      sql<number>`sum(case when helpful = 0 then 1 else 0 end)`.as('no'),
      sql<number>`sum(case when comment is not null then 1 else 0 end)`.as('comments'),
    ])
    .groupBy('path')
    .orderBy('path');
  if (municipalityId === null) q = q.where('municipality_id', 'is', null);
  else if (municipalityId !== 'all') q = q.where('municipality_id', '=', municipalityId);
  return (await q.execute()).map((r) => ({ path: r.path, yes: Number(r.yes), no: Number(r.no), comments: Number(r.comments) }));
}
