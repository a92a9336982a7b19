/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on loopback): the settings
 * page, the sign-in button, the authorization code flow with PKCE, state and nonce, linking by
 * verified e-mail and then by subject, and every refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/features/auth/accounts.js';
import { sha256Hex } from '../../src/features/auth/session.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { csrfOf, TestBrowser } from '../support/auth-browser.js';
import { CLIENT_ID, CLIENT_SECRET, signInAtProvider, startTestOidcProvider, type TestAccount } from '../support/auth-oidc.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

describe.each(kinds)('single sign-on with OpenID Connect on %s', (kind) => {
  let t: AdminTestApp;
  let idp: Awaited<ReturnType<typeof startTestOidcProvider>>;
  let providerId: number;
  let karinId: number;
  const accounts: Record<string, TestAccount> = {
    'karin-sub': { email: 'karin@arvika.example.se', email_verified: true, name: 'Karin' },
    'okand-sub': { email: 'okand@arvika.example.se', email_verified: true },
    'overifierad-sub': { email: 'olle@arvika.example.se', email_verified: false },
    'ale-sub': { email: 'samordnare@ale.example.se', email_verified: true },
    'plattform-sub': { email: 'plattform@example.se', email_verified: true },
  };

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    idp = await startTestOidcProvider(accounts, `${t.config.baseUrl}/admin/sso/callback`);
    karinId = await createAccount(t.handle.db, { email: 'karin@arvika.example.se', displayName: 'Karin Kommun', passwordHash: null, role: { municipalityId: t.arvikaId, role: 'coordinator' } }, { userId: null, label: 'test' });
    await createAccount(t.handle.db, { email: 'olle@arvika.example.se', displayName: 'Olle', passwordHash: null, role: { municipalityId: t.arvikaId, role: 'reader' } }, { userId: null, label: 'test' });
  }, 60_000);
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  /** Starts single sign-on in a fresh browser and returns the browser and the provider's URL. */
  async function start(path = `/admin/sso/${providerId}/start`) {
    const b = new TestBrowser(t.app);
    const res = await b.get(path);
    expect(res.status).toBe(303);
    const url = res.headers.get('location')!;
    return { b, url };
  }
  /** The app path of the identity provider's redirect back. */
  const appPath = (u: URL) => {
    expect(`${u.origin}${u.pathname}`).toBe(`${t.config.baseUrl}/admin/sso/callback`);
    return `${u.pathname}${u.search}`;
  };

  it('a municipal administrator adds the identity provider; others may not', async () => {
    const admin = t.users.municipal_admin;
    const page = await t.request(admin, '/admin/arvika/installningar/inloggning');
    expect(page.status).toBe(200);
    const html = decode(await page.text());
    expect(html).toContain('Inloggning med kommunens konton');
    expect(html).toContain(`${t.config.baseUrl}/admin/sso/callback`);
    expect((await t.request(admin, '/en/admin/arvika/installningar/inloggning')).status).toBe(200);
    expect((await t.request(t.users.coordinator, '/admin/arvika/installningar/inloggning')).status).toBe(403);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/installningar/inloggning')).status).toBe(404);
    expect((await t.request(t.users.municipal_admin, '/admin/ale/installningar/inloggning')).status).toBe(404);

    const origin = { origin: 'http://localhost' };
    const bad = await t.request(admin, '/admin/arvika/installningar/inloggning', { form: { display_name: '', issuer: 'http://idp.example.se', client_id: '', scopes: 'email profile' }, headers: origin });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    for (const m of ['Fyll i namnet på knappen.', 'Utfärdaren måste vara en adress som börjar med https://', 'Fyll i klient-id.', 'med openid bland dem']) expect(badHtml).toContain(m);
    expect(badHtml).toContain('value="http://idp.example.se"');

    const ok = await t.request(admin, '/admin/arvika/installningar/inloggning', {
      form: { display_name: 'Arvika kommun', issuer: idp.issuer, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scopes: 'openid email profile', enabled: '1' },
      headers: origin,
    });
    expect(ok.status).toBe(303);
    const row = await t.handle.db.selectFrom('oidc_providers').selectAll().where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow();
    providerId = Number(row.id);
    expect(row.client_secret).toBe(CLIENT_SECRET);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'oidc_provider').where('action', '=', 'create').executeTakeFirstOrThrow();
    expect(audit.after_data).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(audit.after_data!)).toMatchObject({ has_client_secret: true, issuer: idp.issuer });

    // Editing without a secret keeps the saved one; the secret is never shown.
    const edit = decode(await (await t.request(admin, `/admin/arvika/installningar/inloggning/${providerId}`)).text());
    expect(edit).not.toContain(CLIENT_SECRET);
    const saved = await t.request(admin, `/admin/arvika/installningar/inloggning/${providerId}`, {
      form: { display_name: 'Arvika kommun (test)', issuer: idp.issuer, client_id: CLIENT_ID, client_secret: '', scopes: 'openid email profile', enabled: '1' },
      headers: origin,
    });
    expect(saved.headers.get('location')).toBe('/admin/arvika/installningar/inloggning?klart=sparad');
    expect((await t.handle.db.selectFrom('oidc_providers').select('client_secret').where('id', '=', providerId).executeTakeFirstOrThrow()).client_secret).toBe(CLIENT_SECRET);
    // Another municipality's admin cannot reach it by id.
    expect((await t.request(t.users.platform_admin, `/admin/ale/installningar/inloggning/${providerId}`)).status).toBe(404);
  });

  it('the sign-in page offers the provider', async () => {
    const html = decode(await (await t.app.request('/admin/logga-in?till=%2Fadmin%2Farvika')).text());
    expect(html).toContain('Logga in med Arvika kommun (test)');
    expect(html).toContain(`href="/admin/sso/${providerId}/start?till=%2Fadmin%2Farvika"`);
    expect(decode(await (await t.app.request('/en/admin/logga-in')).text())).toContain('Sign in with Arvika kommun (test)');
    // On the way to another municipality that has its own provider, only that one is offered.
    const now = new Date().toISOString();
    const ale = await t.handle.db
      .insertInto('oidc_providers')
      .values({ municipality_id: t.aleId, display_name: 'Ale kommun', issuer: 'https://login.ale.example.se', client_id: 'x', client_secret: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const toAle = decode(await (await t.app.request('/admin/logga-in?till=%2Fadmin%2Fale%2Fprojekt')).text());
    expect(toAle).toContain('Logga in med Ale kommun');
    expect(toAle).not.toContain('Logga in med Arvika');
    const anywhere = decode(await (await t.app.request('/admin/logga-in')).text());
    expect(anywhere).toContain('Logga in med Ale kommun');
    expect(anywhere).toContain('Logga in med Arvika kommun (test)');
    await t.handle.db.deleteFrom('oidc_providers').where('id', '=', Number(ale.id)).execute();
  });

  it('signs in a known person by verified e-mail, links the identity, then finds them by subject', async () => {
    const { b, url } = await start(`/admin/sso/${providerId}/start?till=${encodeURIComponent('/admin/arvika')}`);
    const authUrl = new URL(url);
    expect(authUrl.origin).toBe(idp.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authUrl.searchParams.get('redirect_uri')).toBe(`${t.config.baseUrl}/admin/sso/callback`);
    const stateCookie = b.lastSetCookie.find((c) => c.startsWith('__Host-utblick_sso='))!;
    expect(stateCookie).toBe(`__Host-utblick_sso=${authUrl.searchParams.get('state')}; Max-Age=600; Path=/; HttpOnly; Secure; SameSite=Lax`);

    const back = await signInAtProvider(url, 'karin-sub');
    const res = await b.get(appPath(back));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/arvika');
    const session = await t.handle.db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256Hex(b.sessionCookie!)).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ stage: 'complete', auth_method: 'oidc' });
    expect(Number(session.user_id)).toBe(karinId);
    const html = decode(await (await b.get('/admin/arvika')).text());
    expect(html).toContain('Karin Kommun');
    expect(decode(await (await b.get('/admin/konto')).text())).toContain('Kommunens inloggning (enkel inloggning)');
    const identity = await t.handle.db.selectFrom('user_identities').selectAll().where('provider_id', '=', providerId).executeTakeFirstOrThrow();
    expect(identity.subject).toBe('karin-sub');
    // The callback cannot be used twice.
    const again = await b.get(appPath(back));
    expect(again.headers.get('location')).toBe('/admin/sso/fel?orsak=ogiltig');

    // Next time the subject decides, even when the provider's e-mail has changed.
    accounts['karin-sub']!.email = 'karin.ny@arvika.example.se';
    const second = await start();
    const res2 = await second.b.get(appPath(await signInAtProvider(second.url, 'karin-sub')));
    expect(res2.headers.get('location')).toBe('/admin');
    accounts['karin-sub']!.email = 'karin@arvika.example.se';
    const actions = (await t.handle.db.selectFrom('audit_log').select(['action', 'details']).where('user_id', '=', karinId).execute()).map((a) => a.action);
    expect(actions.filter((a) => a === 'login')).toHaveLength(2);
    expect(actions).toContain('link_identity');
  });

  it('creates no account for an unknown person and says why, in the language the sign-in started in', async () => {
    for (const [account, reason] of [
      ['okand-sub', 'inget-konto'],
      ['overifierad-sub', 'inget-konto'],
      ['ale-sub', 'inget-konto'],
      ['plattform-sub', 'plattform'],
    ] as const) {
      const { b, url } = await start();
      const res = await b.get(appPath(await signInAtProvider(url, account)));
      expect(res.headers.get('location')).toBe(`/admin/sso/fel?orsak=${reason}`);
      expect(b.sessionCookie).toBeUndefined();
      const page = await b.get(res.headers.get('location')!);
      expect(page.status).toBe(403);
      const html = decode(await page.text());
      expect(html).toContain(reason === 'plattform' ? 'lösenord och kod från app' : 'Utblick skapar inga konton av sig själv');
    }
    expect(await t.handle.db.selectFrom('users').select('id').where('email', '=', 'okand@arvika.example.se').executeTakeFirst()).toBeUndefined();

    const { b, url } = await start(`/en/admin/sso/${providerId}/start?till=${encodeURIComponent('/en/admin/arvika')}`);
    const res = await b.get(appPath(await signInAtProvider(url, 'okand-sub')));
    expect(res.headers.get('location')).toBe(`/en/admin/sso/fel?orsak=inget-konto&till=${encodeURIComponent('/en/admin/arvika')}`);
    const html = decode(await (await b.get(res.headers.get('location')!)).text());
    expect(html).toContain('Utblick does not create accounts by itself');
    expect(html).toContain('lang="en"');
  });

  it('refuses a callback from another browser, with a forged state, or after the user cancelled', async () => {
    const { url } = await start();
    const back = await signInAtProvider(url, 'karin-sub');
    // Another browser (no state cookie) brings the code back: login CSRF refused.
    const other = new TestBrowser(t.app);
    expect((await other.get(appPath(back))).headers.get('location')).toBe('/admin/sso/fel?orsak=ogiltig');
    expect(other.sessionCookie).toBeUndefined();

    const forged = await start();
    forged.b.cookies.set('__Host-utblick_sso', 'x'.repeat(43));
    const back2 = await signInAtProvider(forged.url, 'karin-sub');
    expect((await forged.b.get(appPath(back2))).headers.get('location')).toBe('/admin/sso/fel?orsak=ogiltig');

    const cancelled = await start();
    const back3 = await signInAtProvider(cancelled.url, 'karin-sub', { abort: true });
    expect(back3.searchParams.get('error')).toBe('access_denied');
    expect((await cancelled.b.get(appPath(back3))).headers.get('location')).toBe('/admin/sso/fel?orsak=avbruten');
    expect((await t.app.request('/admin/sso/callback')).headers.get('location')).toBe('/admin/sso/fel?orsak=ogiltig');
  });

  it('a turned-off or removed provider signs no one in', async () => {
    const admin = t.users.municipal_admin;
    const origin = { origin: 'http://localhost' };
    await t.request(admin, `/admin/arvika/installningar/inloggning/${providerId}`, {
      form: { display_name: 'Arvika kommun (test)', issuer: idp.issuer, client_id: CLIENT_ID, scopes: 'openid email profile' },
      headers: origin,
    });
    expect(decode(await (await t.app.request('/admin/logga-in')).text())).not.toContain('Logga in med Arvika');
    expect((await t.app.request(`/admin/sso/${providerId}/start`)).headers.get('location')).toBe('/admin/sso/fel?orsak=okand');
    const page = decode(await (await t.request(admin, `/admin/arvika/installningar/inloggning/${providerId}`)).text());
    const removed = await t.request(admin, `/admin/arvika/installningar/inloggning/${providerId}/ta-bort`, { form: { _csrf: csrfOf(page) }, headers: origin });
    expect(removed.headers.get('location')).toBe('/admin/arvika/installningar/inloggning?klart=borttagen');
    expect(await t.handle.db.selectFrom('user_identities').select('subject').where('provider_id', '=', providerId).execute()).toHaveLength(0);
    expect((await t.app.request(`/admin/sso/${providerId}/start`)).headers.get('location')).toBe('/admin/sso/fel?orsak=okand');
  });

  it('an unreachable identity provider gives a clear message, not a 500', async () => {
    const admin = t.users.municipal_admin;
    await t.request(admin, '/admin/arvika/installningar/inloggning', {
      form: { display_name: 'Trasig', issuer: 'http://127.0.0.1:9', client_id: 'x', scopes: 'openid', enabled: '1' },
      headers: { origin: 'http://localhost' },
    });
    const row = await t.handle.db.selectFrom('oidc_providers').select('id').where('display_name', '=', 'Trasig').executeTakeFirstOrThrow();
    const res = await t.app.request(`/admin/sso/${row.id}/start`);
    expect(res.headers.get('location')).toBe('/admin/sso/fel?orsak=misslyckades');
    const page = await t.app.request('/admin/sso/fel?orsak=misslyckades');
    expect(page.status).toBe(400);
    expect(decode(await page.text())).toContain('inte svarade som väntat');
  });
});
