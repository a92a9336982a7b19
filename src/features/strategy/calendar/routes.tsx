/**
 * Calendar feeds (iCalendar) of every deadline (`allDueItems`): the secret feed addresses and their back-office page.
 *
 * A feed's address is `/kalender/<token>.ics`: the token is 32 random bytes, shown once when the
 * feed is created; only its SHA-256 is stored (like sessions). A municipality's feed (user_id
 * null) holds that municipality's dates; a personal feed holds the dates of every municipality
 * where the person still holds a role, and stops working when the person has none or is
 * disabled. The answer is private and never stored by the response cache.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import { fill, type Lang } from '../../../i18n/index.js';
import { adminHref, idParam, noticeOf, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import { recordAudit } from '../../audit/chain.js';
import { newToken, sha256Hex } from '../../auth/session.js';
import { todayInSweden } from '../../decisions/registry.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import { auditActor } from '../../policy/actor.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { allDueItems } from '../../reminders/due.js';
import { buildCalendar, type FeedSource } from './ical.js';
import { CAL, FEED } from './messages.js';
import { CalendarPage, FeedCreatedPage, type FeedInfo } from './pages.js';

/** `newToken(32)`: 43 characters of base64url. */
const FEED_FILE_RE = /^([A-Za-z0-9_-]{43})\.ics$/;

const NOTICES = { removed: CAL.removed };

/** The address of a feed with the given token, in the page's language. */
export function feedAddress(baseUrl: string, token: string, lang: Lang): string {
  return `${baseUrl}/kalender/${token}.ics${lang === 'en' ? '?lang=en' : ''}`;
}

type FeedRow = { id: number; municipality_id: number; user_id: number | null; created_at: string };

async function findFeeds(db: Db, where: { userId: number } | { municipalityId: number }): Promise<FeedRow[]> {
  let q = db.selectFrom('calendar_feeds').select(['id', 'municipality_id', 'user_id', 'created_at']);
  q = 'userId' in where ? q.where('user_id', '=', where.userId) : q.where('municipality_id', '=', where.municipalityId).where('user_id', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: Number(r.id), municipality_id: Number(r.municipality_id), user_id: r.user_id === null ? null : Number(r.user_id), created_at: r.created_at }));
}

const info = (f: FeedRow | undefined): FeedInfo | undefined => (f ? { id: f.id, createdAt: f.created_at } : undefined);
/** What the audit trail keeps of a feed: never its token or hash. */
const auditView = (f: FeedRow) => ({ id: f.id, municipality_id: f.municipality_id, user_id: f.user_id, created_at: f.created_at });

/**
 * Creates the feed, or gives the existing one a new token (the old address stops working), in
 * one transaction with its audit entry. Returns the new token.
 */
async function createOrRenew(c: Context<AppEnv>, municipality: MunicipalityRecord, kind: 'personal' | 'municipality'): Promise<{ token: string; renewed: boolean }> {
  const actor = c.var.actor!;
  const token = newToken(32);
  const now = nowIso();
  const renewed = await c.var.handle.db.transaction().execute(async (trx) => {
    const existing = await findFeeds(trx, kind === 'personal' ? { userId: actor.userId } : { municipalityId: municipality.id });
    const [keep, ...extra] = existing;
    if (extra.length > 0) await trx.deleteFrom('calendar_feeds').where('id', 'in', extra.map((f) => f.id)).execute();
    const audit = { municipalityId: municipality.id, actor: auditActor(actor), entity: 'calendar_feed', details: { kind } };
    if (keep) {
      await trx.updateTable('calendar_feeds').set({ token_hash: sha256Hex(token), created_at: now, municipality_id: municipality.id }).where('id', '=', keep.id).execute();
      await recordAudit(trx, { ...audit, action: 'update', entityId: keep.id, before: auditView(keep), after: auditView({ ...keep, municipality_id: municipality.id, created_at: now }), details: { kind, renewed: true } });
      return true;
    }
    const row = await trx
      .insertInto('calendar_feeds')
      .values({ municipality_id: municipality.id, user_id: kind === 'personal' ? actor.userId : null, token_hash: sha256Hex(token), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, { ...audit, action: 'create', entityId: id, before: null, after: auditView({ id, municipality_id: municipality.id, user_id: kind === 'personal' ? actor.userId : null, created_at: now }) });
    return false;
  });
  return { token, renewed };
}

/** Back office: `/admin/{kommun}/kalender`. */
export function calendarAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = (slug: string, rest = '') => adminHref(lang, `/${slug}/kalender${rest}`);

  app.get('/:kommun/kalender', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const [ctx, personal, shared, items] = await Promise.all([
      adminPageContext(c, municipality),
      findFeeds(db, { userId: actor.userId }),
      findFeeds(db, { municipalityId: municipality.id }),
      allDueItems(db, municipality.id, todayInSweden(), { measureHorizonDays: null }),
    ]);
    const canConfigure = can(actor, 'configure', { municipalityId: municipality.id });
    return c.html(<CalendarPage ctx={ctx} personal={info(personal[0])} shared={info(shared[0])} canConfigure={canConfigure} items={items} notice={noticeOf(c, NOTICES)} />);
  });

  app.post('/:kommun/kalender/personlig', async (c) => {
    const { municipality } = await requireAdminMunicipality(c);
    const { token, renewed } = await createOrRenew(c, municipality, 'personal');
    const ctx = await adminPageContext(c, municipality);
    return c.html(<FeedCreatedPage ctx={ctx} kind="personal" address={feedAddress(c.var.config.baseUrl, token, lang)} renewed={renewed} />);
  });

  app.post('/:kommun/kalender/kommun', async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'configure');
    const { token, renewed } = await createOrRenew(c, municipality, 'municipality');
    const ctx = await adminPageContext(c, municipality);
    return c.html(<FeedCreatedPage ctx={ctx} kind="municipality" address={feedAddress(c.var.config.baseUrl, token, lang)} renewed={renewed} />);
  });

  app.post('/:kommun/kalender/:id/ta-bort', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const id = idParam(c);
    const db = c.var.handle.db;
    const row = await db.selectFrom('calendar_feeds').select(['id', 'municipality_id', 'user_id', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw recordNotFound(lang);
    const feed: FeedRow = { id, municipality_id: Number(row.municipality_id), user_id: row.user_id === null ? null : Number(row.user_id), created_at: row.created_at };
    if (feed.user_id === null) {
      // The municipality's feed: only in its own municipality, by those who configure it.
      if (feed.municipality_id !== municipality.id) throw recordNotFound(lang);
      authorize(actor, 'configure', { municipalityId: municipality.id }, lang);
    } else if (feed.user_id !== actor.userId) {
      // Someone else's personal feed does not exist for anyone but its owner.
      throw recordNotFound(lang);
    }
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('calendar_feeds').where('id', '=', id).execute();
      await recordAudit(trx, {
        municipalityId: feed.municipality_id,
        actor: auditActor(actor),
        action: 'delete',
        entity: 'calendar_feed',
        entityId: id,
        before: auditView(feed),
        after: null,
        details: { kind: feed.user_id === null ? 'municipality' : 'personal' },
      });
    });
    return c.redirect(`${path(municipality.slug)}?klart=removed`, 303);
  });

  return app;
}

/**
 * The municipalities a feed covers and its name, or undefined when the feed no longer works (a
 * personal feed whose owner is disabled or holds no role anywhere).
 */
async function feedContent(db: Db, feed: FeedRow, lang: Lang, today: string): Promise<{ name: string; sources: FeedSource[] } | undefined> {
  let municipalityIds: number[];
  let name: string;
  if (feed.user_id === null) {
    municipalityIds = [feed.municipality_id];
    name = '';
  } else {
    const user = await db.selectFrom('users').select(['id', 'disabled_at', 'is_platform_admin']).where('id', '=', feed.user_id).executeTakeFirst();
    if (!user || user.disabled_at !== null) return undefined;
    const roles = await db.selectFrom('user_roles').select('municipality_id').where('user_id', '=', feed.user_id).execute();
    municipalityIds = roles.map((r) => Number(r.municipality_id));
    // A platform administrator holds no roles: the feed covers the municipality it was made in.
    if (user.is_platform_admin === 1 && !municipalityIds.includes(feed.municipality_id)) municipalityIds.push(feed.municipality_id);
    if (municipalityIds.length === 0) return undefined;
    name = FEED.personalName[lang];
  }
  const municipalities = await db.selectFrom('municipalities').select(['id', 'name_sv', 'name_en']).where('id', 'in', municipalityIds).orderBy('name_sv').execute();
  if (municipalities.length === 0) return undefined;
  const sources = await Promise.all(
    municipalities.map(async (m) => ({
      municipalityName: lang === 'en' ? m.name_en : m.name_sv,
      items: await allDueItems(db, Number(m.id), today, { measureHorizonDays: null }),
    })),
  );
  if (feed.user_id === null) name = fill(FEED.municipalityName[lang], { municipality: sources[0]!.municipalityName });
  return { name, sources };
}

/** The feeds themselves, outside the back office (a calendar client has no session). */
export function calendarFeedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/kalender/:file', async (c) => {
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'sv';
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    const notFound = () => c.text(FEED.notFound[lang], 404);
    const match = FEED_FILE_RE.exec(c.req.param('file'));
    if (!match) return notFound();
    const db = c.var.handle.db;
    const row = await db.selectFrom('calendar_feeds').select(['id', 'municipality_id', 'user_id', 'created_at']).where('token_hash', '=', sha256Hex(match[1]!)).executeTakeFirst();
    if (!row) return notFound();
    const feed: FeedRow = { id: Number(row.id), municipality_id: Number(row.municipality_id), user_id: row.user_id === null ? null : Number(row.user_id), created_at: row.created_at };
    const content = await feedContent(db, feed, lang, todayInSweden());
    if (!content) return notFound();
    const body = buildCalendar({ lang, baseUrl: c.var.config.baseUrl, name: content.name, sources: content.sources });
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
  return app;
}
