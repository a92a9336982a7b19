/** POST /feedback: stores a yes/no answer and an optional comment for a page (AR-13). */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { nowIso } from '../../db/database.js';
import { AppError } from '../../errors/index.js';
import { t } from '../../i18n/index.js';
import { ErrorSummary, Layout } from '../../ui/layout.js';
import { COMMENT_MAX, FeedbackForm, feedbackLangOf } from './component.js';
import { countRecentByClient, insertFeedback } from './repository.js';

const MAX_PER_WINDOW = 10;
const WINDOW_MS = 10 * 60 * 1000;
const PATH_RE = /^\/[\p{L}\p{N}\-_/.]{0,300}$/u;
const SEARCH_RE = /^\?[^\s#<>"'\\]{1,2000}$/;

export function feedbackRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/feedback', async (c) => {
    const { handle, config } = c.var;
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const lang = feedbackLangOf(form.lang);
    const rawPath = typeof form.path === 'string' ? form.path : '/';
    // Only a local path: never `//host` (a protocol-relative redirect to another site) or `..`.
    const path = PATH_RE.test(rawPath) && !rawPath.includes('..') && !rawPath.includes('//') ? rawPath : '/';
    const helpful = form.helpful;
    const commentRaw = typeof form.comment === 'string' ? form.comment.replace(/\r\n/g, '\n').trim() : '';
    const back = `${lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path}`;
    // The page's own query string comes back so the visitor returns to the same selection.
    const rawSearch = typeof form.search === 'string' ? form.search : '';
    const params = SEARCH_RE.test(rawSearch) ? new URLSearchParams(rawSearch) : new URLSearchParams();
    params.delete('tack');
    const kept = params.toString();
    const thanks = `${back}?${kept ? `${kept}&` : ''}tack=1#feedback`;

    // A bot filled in the hidden field: answer as if stored, store nothing.
    if (typeof form.website === 'string' && form.website.trim() !== '') return c.redirect(thanks, 303);

    const errors: { field: string; message: string }[] = [];
    if (helpful !== 'yes' && helpful !== 'no') errors.push({ field: 'feedback-yes', message: lang === 'sv' ? 'Välj ja eller nej.' : 'Choose yes or no.' });
    if (commentRaw.length > COMMENT_MAX) errors.push({ field: 'feedback-comment', message: t(lang, 'v_too_long', { name: t(lang, 'feedback_comment'), max: COMMENT_MAX }) });
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(commentRaw)) errors.push({ field: 'feedback-comment', message: t(lang, 'v_control_chars', { name: t(lang, 'feedback_comment') }) });
    const ctx = { lang, path, search: kept ? `?${kept}` : '' };
    if (errors.length) {
      c.status(400);
      return c.html(
        <Layout ctx={ctx} title={`${lang === 'sv' ? 'Fel' : 'Error'}: ${t(lang, 'feedback_heading')}`} feedback={false}>
          <h1>{lang === 'sv' ? 'Ditt svar har inte skickats' : 'Your answer has not been sent'}</h1>
          <ErrorSummary lang={lang} errors={errors} />
          <FeedbackForm ctx={ctx} state={{ helpful: typeof helpful === 'string' ? helpful : undefined, comment: commentRaw, errors }} standalone />
          <p>
            <a href={back + ctx.search}>{lang === 'sv' ? 'Tillbaka till sidan' : 'Back to the page'}</a>
          </p>
        </Layout>,
      );
    }

    const address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || c.var.clientAddress || 'unknown';
    const day = nowIso().slice(0, 10);
    const clientHash = createHash('sha256').update(`${config.rateLimitSalt}|${day}|${address}`).digest('hex').slice(0, 32);
    const since = new Date(Date.now() - WINDOW_MS).toISOString();
    if ((await countRecentByClient(handle.db, clientHash, since)) >= MAX_PER_WINDOW) {
      throw new AppError('rate_limited', t(lang, 'error_rate_limited'));
    }
    const slug = path.split('/')[1] ?? '';
    const municipality = slug ? await handle.db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst() : undefined;
    await insertFeedback(handle.db, {
      municipalityId: municipality ? Number(municipality.id) : null,
      path,
      lang,
      helpful: helpful === 'yes',
      comment: commentRaw || null,
      clientHash,
      at: nowIso(),
    });
    return c.redirect(thanks, 303);
  });
  return app;
}
