/**
 * Single sign-on with OpenID Connect (openid-client v6), one or more identity providers per
 * municipality (`oidc_providers`). Authorization code flow with PKCE, state and nonce; the state,
 * verifier and nonce wait in `oidc_logins` (ten minutes, single use) so any process can finish a
 * login another one started.
 *
 * Who gets in: only a person who already has an enabled account with a role in the provider's
 * municipality, found by an earlier link (`user_identities`: provider + subject) or, the first
 * time, by an e-mail address the provider says it has verified (`email_verified: true`); the link
 * is then stored. No accounts are created. Platform administrators are refused: a municipality's
 * identity provider must not vouch for rights over the whole installation.
 *
 * The second factor is the identity provider's business: a single sign-on session is complete
 * at once (auth_method `oidc`). The municipality decides, in its identity provider, how strong
 * that sign-in must be.
 */
import * as client from 'openid-client';
import type { Config } from '../../../config/env.js';
import type { Db } from '../../../db/database.js';
import type { OidcProviderTable, User } from '../../../db/schema.js';
import type { Selectable } from 'kysely';
import { findUser, findUserByEmail } from '../accounts.js';

export type OidcProvider = Selectable<OidcProviderTable>;

/** A login started more than this long ago cannot be finished. */
export const LOGIN_MAX_AGE_MS = 10 * 60_000;

/** The one callback address of the installation, to register at every identity provider. */
export function redirectUri(config: Pick<Config, 'baseUrl'>): string {
  return `${config.baseUrl}/admin/sso/callback`;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer may be https, or http on the loopback interface (tests, a local identity provider). */
export function issuerProblem(issuer: string): 'missing' | 'invalid' | undefined {
  if (!issuer) return 'missing';
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'invalid';
  }
  if (url.search || url.hash || url.username || url.password) return 'invalid';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  return 'invalid';
}

function normalise(p: OidcProvider): OidcProvider {
  return { ...p, id: Number(p.id), municipality_id: Number(p.municipality_id), enabled: Number(p.enabled) };
}

/**
 * The enabled providers for the sign-in page's buttons: those of the municipality the person is
 * on their way to (the first segment of the return path) when it has any, else all of them.
 */
export async function enabledProviders(db: Db, returnPath?: string): Promise<{ id: number; displayName: string }[]> {
  const base = db
    .selectFrom('oidc_providers')
    .innerJoin('municipalities', 'municipalities.id', 'oidc_providers.municipality_id')
    .select(['oidc_providers.id', 'oidc_providers.display_name', 'municipalities.slug'])
    .where('oidc_providers.enabled', '=', 1)
    .orderBy('oidc_providers.display_name')
    .orderBy('oidc_providers.id');
  const rows = (await base.execute()).map((r) => ({ id: Number(r.id), displayName: r.display_name, slug: r.slug }));
  const slug = returnPath ? /^\/(?:en\/)?admin\/([a-z0-9-]+)(?:[/?]|$)/.exec(returnPath)?.[1] : undefined;
  const own = slug ? rows.filter((r) => r.slug === slug) : [];
  return (own.length ? own : rows).map(({ id, displayName }) => ({ id, displayName }));
}

export async function providersOf(db: Db, municipalityId: number): Promise<OidcProvider[]> {
  const rows = await db.selectFrom('oidc_providers').selectAll().where('municipality_id', '=', municipalityId).orderBy('display_name').orderBy('id').execute();
  return rows.map(normalise);
}

export async function findProvider(db: Db, id: number): Promise<OidcProvider | undefined> {
  const row = await db.selectFrom('oidc_providers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** Discovered configurations, per provider; rediscovered after an hour or when the provider changes. */
const configurations = new Map<number, { key: string; at: number; configuration: Promise<client.Configuration> }>();
const DISCOVERY_TTL_MS = 3_600_000;

/** The provider's client configuration (discovery document fetched and cached). Rejects when discovery fails. */
export function providerConfiguration(p: OidcProvider): Promise<client.Configuration> {
  const key = `${p.issuer}|${p.client_id}|${p.client_secret ?? ''}|${p.updated_at}`;
  const cached = configurations.get(p.id);
  if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const insecure = new URL(p.issuer).protocol === 'http:';
  const configuration = client.discovery(
    new URL(p.issuer),
    p.client_id,
    p.client_secret ?? undefined,
    // client_secret_basic is the OpenID Connect default; without a secret: a public client with PKCE.
    p.client_secret ? client.ClientSecretBasic(p.client_secret) : client.None(),
    { execute: insecure && issuerProblem(p.issuer) === undefined ? [client.allowInsecureRequests] : [], timeout: 10 },
  );
  configurations.set(p.id, { key, at: Date.now(), configuration });
  configuration.catch(() => {
    if (configurations.get(p.id)?.configuration === configuration) configurations.delete(p.id);
  });
  return configuration;
}

/**
 * Starts a login: stores state, PKCE verifier and nonce, and returns the identity provider's
 * authorization address to send the browser to, and the state (to bind to the browser).
 */
export async function startLogin(db: Db, config: Config, p: OidcProvider, returnTo: string): Promise<{ url: string; state: string }> {
  const configuration = await providerConfiguration(p);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const now = Date.now();
  await db.deleteFrom('oidc_logins').where('created_at', '<', new Date(now - LOGIN_MAX_AGE_MS).toISOString()).execute();
  await db.insertInto('oidc_logins').values({ state, provider_id: p.id, code_verifier: verifier, nonce, return_to: returnTo, created_at: new Date(now).toISOString() }).execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(config),
    scope: p.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

export interface PendingLogin {
  state: string;
  providerId: number;
  codeVerifier: string;
  nonce: string;
  returnTo: string | null;
}

/** Takes the started login of `state` out of the table (single use); undefined when unknown or too old. */
export async function takeLogin(db: Db, state: string): Promise<PendingLogin | undefined> {
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(state)) return undefined;
  const row = await db.selectFrom('oidc_logins').selectAll().where('state', '=', state).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('oidc_logins').where('state', '=', state).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return undefined;
  if (Date.now() - Date.parse(row.created_at) > LOGIN_MAX_AGE_MS) return undefined;
  return { state: row.state, providerId: Number(row.provider_id), codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
}

export interface VerifiedIdentity {
  subject: string;
  email?: string;
  emailVerified: boolean;
}

/**
 * Exchanges the code for tokens and verifies the ID token (signature, issuer, audience, expiry,
 * nonce; PKCE and state by the library). The e-mail comes from the ID token or, when the provider
 * keeps it there, from the UserInfo endpoint.
 * @throws when anything does not verify.
 */
export async function finishLogin(config: Config, p: OidcProvider, login: PendingLogin, callbackSearch: string): Promise<VerifiedIdentity> {
  const configuration = await providerConfiguration(p);
  const currentUrl = new URL(`${redirectUri(config)}${callbackSearch}`);
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: login.codeVerifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims?.sub) throw new Error('the ID token has no subject');
  let email = typeof claims.email === 'string' ? claims.email : undefined;
  let verified = claims.email_verified === true;
  if (!email && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : undefined;
    verified = info.email_verified === true;
  }
  return { subject: claims.sub, email, emailVerified: verified };
}

export type MatchResult = { user: User; link: boolean } | { refused: 'inget-konto' | 'plattform' };

/** The account an identity signs in to, per the rules at the top of this file. */
export async function matchAccount(db: Db, p: OidcProvider, identity: VerifiedIdentity): Promise<MatchResult> {
  const linked = await db.selectFrom('user_identities').select('user_id').where('provider_id', '=', p.id).where('subject', '=', identity.subject).executeTakeFirst();
  let user = linked ? await findUser(db, Number(linked.user_id)) : undefined;
  let link = false;
  if (!user && identity.email && identity.emailVerified) {
    user = await findUserByEmail(db, identity.email);
    link = user !== undefined;
  }
  if (!user || user.disabled_at) return { refused: 'inget-konto' };
  if (user.is_platform_admin) return { refused: 'plattform' };
  const role = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).where('municipality_id', '=', p.municipality_id).executeTakeFirst();
  if (!role) return { refused: 'inget-konto' };
  return { user, link };
}

/** Remembers that `subject` at provider `p` is `userId`. Call in the sign-in transaction. */
export async function linkIdentity(trx: Db, p: OidcProvider, subject: string, userId: number): Promise<void> {
  await trx.insertInto('user_identities').values({ provider_id: p.id, subject, user_id: userId, created_at: new Date().toISOString() }).execute();
}
