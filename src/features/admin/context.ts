/** What every back-office route needs: the signed-in actor, the municipality in the URL, links, forms. */
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { type FormValues, formValues } from '../../ui/forms.js';
import { findMunicipality, type MunicipalityRecord } from '../municipalities/repository.js';
import type { Actor } from '../policy/actor.js';
import { type Action, authorize, recordNotFound, roleIn } from '../policy/policy.js';

/** A back-office address in the given language: `/admin/…` or `/en/admin/…`. */
export function adminHref(lang: Lang, path = ''): string {
  return `${lang === 'en' ? '/en/admin' : '/admin'}${path}`;
}

/** The signed-in actor. The guard has already sent everyone else to the sign-in page. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError('unauthorized', c.var.lang === 'en' ? 'You need to sign in.' : 'Du behöver logga in.');
  return actor;
}

export interface AdminScope {
  actor: Actor;
  municipality: MunicipalityRecord;
  lang: Lang;
}

const SLUG_RE = /^[a-z0-9-]{1,60}$/;

/**
 * The actor and the municipality named by `:kommun`, after checking that the actor may do
 * `action` there (default: view). 404 when the municipality does not exist or the actor has no
 * role in it.
 */
export async function requireAdminMunicipality(c: Context<AppEnv>, action: Action = 'view'): Promise<AdminScope> {
  const actor = requireActor(c);
  const lang = c.var.lang;
  const slug = c.req.param('kommun') ?? '';
  const municipality = SLUG_RE.test(slug) ? await findMunicipality(c.var.handle.db, slug) : undefined;
  if (!municipality || roleIn(actor, municipality.id) === undefined) throw recordNotFound(lang);
  authorize(actor, action, { municipalityId: municipality.id }, lang);
  return { actor, municipality, lang };
}

/**
 * The submitted form (urlencoded or multipart) as values; the body is parsed once and cached, so
 * the guard's CSRF check and the route read the same body. Files: `await c.req.parseBody({ all: true })`.
 */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  return formValues(await c.req.parseBody({ all: true }));
}

/** A route parameter as a positive integer id, or a 404. */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw recordNotFound(c.var.lang);
  return Number(raw);
}

/** A short confirmation after a redirect (`?klart=<key>`), looked up in the feature's own texts. */
export function noticeOf(c: Context<AppEnv>, texts: Record<string, { sv: string; en: string }>): string | undefined {
  const key = c.req.query('klart');
  return key && Object.hasOwn(texts, key) ? texts[key]![c.var.lang] : undefined;
}
