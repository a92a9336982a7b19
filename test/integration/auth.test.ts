/**
 * Signing in, safely: password + TOTP set-up and codes, recovery codes, session rotation, rate
 * limits, signing out, disabled users, time-outs, open redirects, cookie attributes. On SQLite and
 * PostgreSQL alike, through the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, disableUser } from '../../src/features/auth/accounts.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { sha256Hex } from '../../src/features/auth/session.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { csrfOf, recoveryCodesOf, secretOf, TestBrowser, totpCode } from '../support/auth-browser.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const PASSWORD = 'granskog vid vänern 1784';

let counter = 0;

describe.each(kinds)('signing in on %s', (kind) => {
  let t: AdminTestApp;
  let passwordHash: string;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    passwordHash = await hashPassword(PASSWORD);
  }, 60_000);
  afterAll(async () => t?.close());

  /** A new account with a coordinator role in Arvika; with a confirmed TOTP secret when given. */
  async function makeUser(opts: { totpSecret?: string; lang?: 'sv' | 'en'; role?: boolean } = {}) {
    const email = `person${++counter}@arvika.example.se`;
    const id = await createAccount(
      t.handle.db,
      { email, displayName: `Person ${counter}`, passwordHash, preferredLang: opts.lang, role: opts.role === false ? undefined : { municipalityId: t.arvikaId, role: 'coordinator' } },
      { userId: null, label: 'test' },
    );
    if (opts.totpSecret) await t.handle.db.updateTable('users').set({ totp_secret: opts.totpSecret, totp_enabled_at: new Date().toISOString() }).where('id', '=', id).execute();
    return { id, email };
  }

  /** A browser from its own client address (so the per-address limit of one test does not touch another). */
  const browser = () => new TestBrowser(t.app, { 'x-forwarded-for': `192.0.2.${++counter % 250}` });

  /** Signs in with password and TOTP; returns the browser, signed in. */
  async function signIn(email: string, secret: string, at = Date.now()) {
    const b = browser();
    const r1 = await b.post('/admin/logga-in', { email, password: PASSWORD });
    expect(r1.status).toBe(303);
    expect(r1.headers.get('location')).toBe('/admin/logga-in/kod');
    const page = await (await b.get('/admin/logga-in/kod')).text();
    const r2 = await b.post('/admin/logga-in/kod', { _csrf: csrfOf(page), code: totpCode(secret, at) });
    expect(r2.status).toBe(303);
    return b;
  }

  it('shows an accessible sign-in form in Swedish and English, never cached, with a strict CSP', async () => {
    for (const [path, words] of [
      ['/admin/logga-in', ['Logga in', 'E-postadress', 'Lösenord', 'Har du glömt lösenordet?', 'lang="sv"']],
      ['/en/admin/logga-in', ['Sign in', 'Email address', 'Password', 'Forgotten your password?', 'lang="en"']],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
      const html = decode(await res.text());
      for (const w of words) expect(html).toContain(w);
      expect(html).toMatch(/<label class="field-label" for="email">/);
      expect(html).toMatch(/<input[^>]*name="email"[^>]*type="email"[^>]*autocomplete="username"/);
      expect(html).toMatch(/<input[^>]*name="password"[^>]*type="password"[^>]*autocomplete="current-password"/);
      expect(html).not.toContain('<script');
    }
  });

  it('first sign-in: password, then TOTP set-up with a code, then ten recovery codes; the session rotates at each step', async () => {
    const { id, email } = await makeUser();
    const b = browser();
    const res = await b.post('/admin/logga-in', { email: email.toUpperCase(), password: PASSWORD, till: '/admin/arvika' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/logga-in/tvafaktor?till=${encodeURIComponent('/admin/arvika')}`);
    // The cookie: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain.
    const setCookie = b.lastSetCookie.find((c) => c.startsWith('__Host-utblick_session='))!;
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    const pendingCookie = b.sessionCookie!;
    const pendingRow = await t.handle.db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256Hex(pendingCookie)).executeTakeFirstOrThrow();
    expect(pendingRow.stage).toBe('totp_setup');

    // A pending session opens nothing.
    expect((await b.get('/admin/arvika')).status).toBe(303);

    const setup = await b.get('/admin/logga-in/tvafaktor?till=%2Fadmin%2Farvika');
    expect(setup.status).toBe(200);
    const html = decode(await setup.text());
    const secret = secretOf(html);
    expect(html).toMatch(/id="totp-secret">[A-Z2-7]{4}( [A-Z2-7]{1,4})+</);
    expect(html).toContain(`otpauth://totp/Utblick:${encodeURIComponent(email)}?issuer=Utblick&amp;secret=${secret}`.replace('&amp;', '&'));
    expect(html).toMatch(/autocomplete="one-time-code"/);
    // The same URI as a QR code: an SVG image with a text alternative.
    const qr = /<img class="qr-code" src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"/.exec(html);
    expect(qr?.[2]).toContain('QR-kod');
    expect(Buffer.from(qr![1]!, 'base64').toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    // Reloading shows the same secret.
    expect(secretOf(await (await b.get('/admin/logga-in/tvafaktor')).text())).toBe(secret);

    // Without the pending session's CSRF token the form is refused.
    expect((await b.post('/admin/logga-in/tvafaktor', { code: totpCode(secret) })).status).toBe(403);
    const csrf = csrfOf(html);
    const wrong = await b.post('/admin/logga-in/tvafaktor', { _csrf: csrf, code: '000000', till: '/admin/arvika' });
    expect(wrong.status).toBe(400);
    expect(decode(await wrong.text())).toContain('Koden stämmer inte');

    const done = await b.post('/admin/logga-in/tvafaktor', { _csrf: csrf, code: totpCode(secret), till: '/admin/arvika' });
    expect(done.status).toBe(200);
    const codesPage = decode(await done.text());
    const codes = recoveryCodesOf(codesPage);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codesPage).toContain('href="/admin/arvika"');
    expect(b.sessionCookie).toBeDefined();
    expect(b.sessionCookie).not.toBe(pendingCookie);
    // The pending session is gone; the new one is complete.
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', sha256Hex(pendingCookie)).executeTakeFirst()).toBeUndefined();
    const complete = await t.handle.db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256Hex(b.sessionCookie!)).executeTakeFirstOrThrow();
    expect(complete.stage).toBe('complete');
    expect(complete.auth_method).toBe('password');
    expect((await b.get('/admin/arvika')).status).toBe(200);

    // Stored: the secret is confirmed; only hashes of the recovery codes.
    const user = await t.handle.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.totp_enabled_at).not.toBeNull();
    const stored = await t.handle.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', id).execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);

    // Audited, without secrets.
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('user_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['login_password', 'second_factor_setup', 'login']));
    const everything = JSON.stringify(await t.handle.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(codes[0]);
  });

  it('an unfinished set-up is not reused: each sign-in gets its own secret', async () => {
    const { email } = await makeUser();
    const first = browser();
    await first.post('/admin/logga-in', { email, password: PASSWORD });
    const page1 = await (await first.get('/admin/logga-in/tvafaktor')).text();
    const s1 = secretOf(page1);
    const second = browser();
    await second.post('/admin/logga-in', { email, password: PASSWORD });
    const s2 = secretOf(await (await second.get('/admin/logga-in/tvafaktor')).text());
    expect(s2).not.toBe(s1);
    expect((await first.post('/admin/logga-in/tvafaktor', { _csrf: csrfOf(page1), code: totpCode(s1) })).status).toBe(400);
  });

  it('later sign-ins ask for the code; the same code cannot be used twice; the cookie changes at each step', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const { email } = await makeUser({ totpSecret: secret });
    const b = browser();
    const before = 'x'.repeat(43);
    b.cookies.set('__Host-utblick_session', before);
    await b.post('/admin/logga-in', { email, password: PASSWORD });
    const pending = b.sessionCookie!;
    expect(pending).not.toBe(before);
    const page = decode(await (await b.get('/admin/logga-in/kod')).text());
    expect(page).toContain('Ange din kod');
    expect(page).toMatch(/autocomplete="one-time-code"/);
    const code = totpCode(secret);
    const ok = await b.post('/admin/logga-in/kod', { _csrf: csrfOf(page), code });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin');
    expect(b.sessionCookie).not.toBe(pending);
    // The old pending token opens nothing any more.
    const stale = new TestBrowser(t.app);
    stale.cookies.set('__Host-utblick_session', pending);
    expect((await stale.get('/admin/logga-in/kod')).status).toBe(303);

    // Same code in a second sign-in: refused.
    const b2 = browser();
    await b2.post('/admin/logga-in', { email, password: PASSWORD });
    const page2 = await (await b2.get('/admin/logga-in/kod')).text();
    const again = await b2.post('/admin/logga-in/kod', { _csrf: csrfOf(page2), code });
    expect(again.status).toBe(400);
    expect(decode(await again.text())).toContain('redan använts');
    // The next step's code is accepted (±1 step for clock drift).
    const next = await b2.post('/admin/logga-in/kod', { _csrf: csrfOf(page2), code: totpCode(secret, Date.now() + 30_000) });
    expect(next.status).toBe(303);
  });

  it('a recovery code signs in once and never again', async () => {
    const secret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
    const { id, email } = await makeUser({ totpSecret: secret });
    const b = await signIn(email, secret);
    const page = await (await b.get('/admin/konto')).text();
    const res = await b.post('/admin/konto/aterstallningskoder', { _csrf: csrfOf(page) });
    expect(res.status).toBe(200);
    const codes = recoveryCodesOf(await res.text());
    expect(codes).toHaveLength(10);

    const b2 = browser();
    await b2.post('/admin/logga-in', { email, password: PASSWORD });
    const p2 = await (await b2.get('/admin/logga-in/kod')).text();
    const used = await b2.post('/admin/logga-in/kod', { _csrf: csrfOf(p2), code: codes[3]!.toUpperCase().replace('-', ' ') });
    expect(used.status).toBe(303);
    const audit = await t.handle.db.selectFrom('audit_log').select('details').where('user_id', '=', id).where('action', '=', 'login').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ second_factor: 'recovery_code' });

    const b3 = browser();
    await b3.post('/admin/logga-in', { email, password: PASSWORD });
    const p3 = await (await b3.get('/admin/logga-in/kod')).text();
    const reused = await b3.post('/admin/logga-in/kod', { _csrf: csrfOf(p3), code: codes[3]! });
    expect(reused.status).toBe(400);
    expect(decode(await (await b.get('/admin/konto')).text())).toContain('Du har 9 oanvända återställningskoder av 10.');
  });

  it('gives the same answer for an unknown address, a wrong password and a disabled account', async () => {
    const { id, email } = await makeUser();
    const disabled = await makeUser();
    await disableUser(t.handle.db, disabled.id, { userId: null, label: 'test' });
    const answers: string[] = [];
    for (const [e, p] of [
      ['nobody@arvika.example.se', PASSWORD],
      [email, 'fel lösenord här'],
      [disabled.email, PASSWORD],
    ] as const) {
      const res = await browser().post('/admin/logga-in', { email: e, password: p });
      expect(res.status).toBe(400);
      const html = decode(await res.text());
      answers.push(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0]);
      expect(html).toContain(`value="${e}"`);
      expect(html).not.toContain(p);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('Fel e-postadress eller lösenord');
    const failed = await t.handle.db.selectFrom('audit_log').select(['details', 'user_id']).where('action', '=', 'login_failed').where('user_id', '=', id).execute();
    expect(failed.length).toBe(1);
    expect(JSON.stringify(failed)).not.toContain('fel lösenord');
  });

  it('reports every missing field at once', async () => {
    const res = await browser().post('/en/admin/logga-in', { email: '', password: '' });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('Enter your email address.');
    expect(html).toContain('Enter your password.');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#password"');
  });

  it('limits failed passwords per account (5 in 15 minutes) and per client address (20), across the database', async () => {
    const { email } = await makeUser();
    const b = browser();
    for (let i = 0; i < 5; i++) expect((await b.post('/admin/logga-in', { email, password: `fel lösenord ${i}` })).status).toBe(400);
    // From another address, even the right password is refused now.
    const limited = await browser().post('/admin/logga-in', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(decode(await limited.text())).toContain('För många misslyckade inloggningsförsök');
    const en = await browser().post('/en/admin/logga-in', { email, password: PASSWORD });
    expect(decode(await en.text())).toContain('Too many failed sign-in attempts');
    // The attempts are stored hashed: no address in clear.
    const rows = await t.handle.db.selectFrom('auth_attempts').select('key').execute();
    expect(JSON.stringify(rows)).not.toContain(email);

    // Per address: 20 failures over many accounts, then even a good sign-in from there is refused.
    const ok = await makeUser();
    const one = new TestBrowser(t.app, { 'x-forwarded-for': '198.51.100.7' });
    for (let i = 0; i < 20; i++) await one.post('/admin/logga-in', { email: `unknown${i}@example.se`, password: 'fel lösenord här' });
    expect((await one.post('/admin/logga-in', { email: ok.email, password: PASSWORD })).status).toBe(429);
    expect((await browser().post('/admin/logga-in', { email: ok.email, password: PASSWORD })).status).toBe(303);
  });

  it('limits wrong second-factor codes (5 in 15 minutes)', async () => {
    const secret = 'MZXW6YTBOI4TQMZXW6YTBOI4TQMZXW6Y';
    const { email } = await makeUser({ totpSecret: secret });
    const b = browser();
    await b.post('/admin/logga-in', { email, password: PASSWORD });
    const csrf = csrfOf(await (await b.get('/admin/logga-in/kod')).text());
    for (let i = 0; i < 5; i++) expect((await b.post('/admin/logga-in/kod', { _csrf: csrf, code: `12345${i}` })).status).toBe(400);
    const limited = await b.post('/admin/logga-in/kod', { _csrf: csrf, code: totpCode(secret) });
    expect(limited.status).toBe(429);
    expect(decode(await limited.text())).toContain('För många felaktiga koder');
  });

  it('signing out ends the session and says so', async () => {
    const secret = 'ONSWG4TFOQONSWG4TFOQONSWG4TFOQON';
    const { email } = await makeUser({ totpSecret: secret });
    const b = await signIn(email, secret);
    const token = b.sessionCookie!;
    const page = await (await b.get('/admin/konto')).text();
    const res = await b.post('/admin/logga-ut', { _csrf: csrfOf(page) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/logga-in?klart=utloggad');
    expect(b.lastSetCookie.some((c) => /^__Host-utblick_session=;.*Max-Age=0/.test(c))).toBe(true);
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', sha256Hex(token)).executeTakeFirst()).toBeUndefined();
    expect(decode(await (await b.get('/admin/logga-in?klart=utloggad')).text())).toContain('Du är utloggad.');
    const replay = new TestBrowser(t.app);
    replay.cookies.set('__Host-utblick_session', token);
    expect((await replay.get('/admin/konto')).status).toBe(303);
  });

  it('cancelling a sign-in ends the pending session', async () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const { email } = await makeUser({ totpSecret: secret });
    const b = browser();
    await b.post('/admin/logga-in', { email, password: PASSWORD });
    const token = b.sessionCookie!;
    const csrf = csrfOf(await (await b.get('/admin/logga-in/kod')).text());
    const res = await b.post('/admin/logga-in/avbryt', { _csrf: csrf });
    expect(res.headers.get('location')).toBe('/admin/logga-in?klart=avbruten');
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', sha256Hex(token)).executeTakeFirst()).toBeUndefined();
  });

  it('disabling a user ends their sessions at once, and is audited', async () => {
    const secret = 'NBSWY3DPNBSWY3DPNBSWY3DPNBSWY3DP';
    const { id, email } = await makeUser({ totpSecret: secret });
    const b1 = await signIn(email, secret);
    const b2 = await signIn(email, secret, Date.now() + 30_000);
    expect((await b1.get('/admin/arvika')).status).toBe(200);
    const admin = t.users.municipal_admin;
    expect(await disableUser(t.handle.db, id, { userId: admin.id, label: 'Anna Admin <admin@arvika.example.se>' }, { municipalityId: t.arvikaId })).toBe(true);
    expect((await b1.get('/admin/arvika')).status).toBe(303);
    expect((await b2.get('/admin/arvika')).status).toBe(303);
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute()).toHaveLength(0);
    const entry = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'disable').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(Number(entry.municipality_id)).toBe(t.arvikaId);
    expect(JSON.parse(entry.after_data!).disabled_at).toBeTruthy();
    expect(entry.after_data).not.toContain('argon2');
    expect(await disableUser(t.handle.db, 999_999, { userId: null, label: 'test' })).toBe(false);
  });

  it('a session ends after 30 idle minutes and after 12 hours in all', async () => {
    const secret = 'IFBEGRCFIZDUQSKKIFBEGRCFIZDUQSKK';
    const { email } = await makeUser({ totpSecret: secret });
    const idle = await signIn(email, secret);
    const idleHash = sha256Hex(idle.sessionCookie!);
    await t.handle.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000).toISOString() }).where('id_hash', '=', idleHash).execute();
    expect((await idle.get('/admin/arvika')).status).toBe(200);
    await t.handle.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('id_hash', '=', idleHash).execute();
    expect((await idle.get('/admin/arvika')).status).toBe(303);
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', idleHash).executeTakeFirst()).toBeUndefined();

    const old = await signIn(email, secret, Date.now() + 30_000);
    const oldHash = sha256Hex(old.sessionCookie!);
    const row = await t.handle.db.selectFrom('sessions').selectAll().where('id_hash', '=', oldHash).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(12 * 3_600_000);
    await t.handle.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', oldHash).execute();
    expect((await old.get('/admin/arvika')).status).toBe(303);
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', oldHash).executeTakeFirst()).toBeUndefined();
  });

  it('never sends anyone off-site after signing in', async () => {
    for (const evil of ['https://evil.example/admin', '//evil.example/admin', '/\\evil.example', '/admin/../../evil', 'javascript:alert(1)', '/admin//evil.example', '/projekt', '/admin/logga-in?till=https://evil.example']) {
      const secret = 'GM4DGMRVGYZDINBQGM4DGMRVGYZDINBQ';
      const { email } = await makeUser({ totpSecret: secret });
      const b = browser();
      const r1 = await b.post('/admin/logga-in', { email, password: PASSWORD, till: evil });
      expect(r1.headers.get('location')).toBe('/admin/logga-in/kod');
      const page = await (await b.get(`/admin/logga-in/kod?till=${encodeURIComponent(evil)}`)).text();
      expect(page).not.toMatch(/name="till"/);
      const r2 = await b.post('/admin/logga-in/kod', { _csrf: csrfOf(page), code: totpCode(secret), till: evil });
      expect(r2.headers.get('location')).toBe('/admin');
    }
    const { email } = await makeUser({ totpSecret: 'GM4DGMRVGYZDINBQGM4DGMRVGYZDINBQ' });
    // A good return path is kept through both steps.
    const b = browser();
    const r1 = await b.post('/en/admin/logga-in', { email, password: PASSWORD, till: '/en/admin/arvika/projekt?sida=2' });
    expect(r1.headers.get('location')).toBe(`/en/admin/logga-in/kod?till=${encodeURIComponent('/en/admin/arvika/projekt?sida=2')}`);
    const page = await (await b.get(r1.headers.get('location')!)).text();
    expect(page).toContain('name="till" value="/en/admin/arvika/projekt?sida=2"');
    const r2 = await b.post('/en/admin/logga-in/kod', { _csrf: csrfOf(page), code: totpCode('GM4DGMRVGYZDINBQGM4DGMRVGYZDINBQ'), till: '/en/admin/arvika/projekt?sida=2' });
    expect(r2.headers.get('location')).toBe('/en/admin/arvika/projekt?sida=2');
  });

  it('the account page: name, language, new password (ends the other sessions), sign out everywhere', async () => {
    const secret = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
    const { id, email } = await makeUser({ totpSecret: secret });
    const b = await signIn(email, secret);
    const other = await signIn(email, secret, Date.now() + 30_000);
    for (const [path, words] of [
      ['/admin/konto', ['Mitt konto', 'Byt lösenord', 'Nuvarande lösenord', 'Logga ut överallt', 'Språk']],
      ['/en/admin/konto', ['My account', 'Change password', 'Current password', 'Sign out everywhere', 'Language']],
    ] as const) {
      const html = decode(await (await b.get(path)).text());
      for (const w of words) expect(html).toContain(w);
      expect(html).toContain(email);
      expect(html).toMatch(/name="current_password"[^>]*autocomplete="current-password"/);
      expect(html).toMatch(/name="new_password"[^>]*autocomplete="new-password"/);
    }
    let csrf = csrfOf(await (await b.get('/admin/konto')).text());

    expect((await b.post('/admin/konto/namn', { _csrf: csrf, display_name: '' })).status).toBe(400);
    expect((await b.post('/admin/konto/namn', { _csrf: csrf, display_name: 'Karin Kommun' })).headers.get('location')).toBe('/admin/konto?klart=namn');
    expect(decode(await (await b.get('/admin/konto?klart=namn')).text())).toContain('Karin Kommun');

    const lang = await b.post('/admin/konto/sprak', { _csrf: csrf, preferred_lang: 'en' });
    expect(lang.headers.get('location')).toBe('/en/admin/konto?klart=sprak');
    expect((await t.handle.db.selectFrom('users').select('preferred_lang').where('id', '=', id).executeTakeFirstOrThrow()).preferred_lang).toBe('en');
    expect((await b.post('/admin/konto/sprak', { _csrf: csrf, preferred_lang: 'de' })).status).toBe(400);

    const bad = await b.post('/admin/konto/losenord', { _csrf: csrf, current_password: 'inte rätt lösenord', new_password: 'kort', new_password_confirm: 'annat' });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain('Det nuvarande lösenordet stämmer inte.');
    expect(badHtml).toContain('minst 12 tecken');
    const common = await b.post('/admin/konto/losenord', { _csrf: csrf, current_password: PASSWORD, new_password: 'password1234', new_password_confirm: 'password1234' });
    expect(decode(await common.text())).toContain('vanligaste lösenorden');

    const before = b.sessionCookie;
    const NEW = 'tre ord som inte hör ihop';
    const changed = await b.post('/admin/konto/losenord', { _csrf: csrf, current_password: PASSWORD, new_password: NEW, new_password_confirm: NEW });
    expect(changed.status).toBe(303);
    expect(b.sessionCookie).not.toBe(before);
    expect((await b.get('/admin/konto?klart=losenord')).status).toBe(200);
    expect((await other.get('/admin/arvika')).status).toBe(303);
    expect((await browser().post('/admin/logga-in', { email, password: PASSWORD })).status).toBe(400);
    expect((await browser().post('/admin/logga-in', { email, password: NEW })).status).toBe(303);

    csrf = csrfOf(await (await b.get('/admin/konto')).text());
    const everywhere = await b.post('/admin/konto/logga-ut-overallt', { _csrf: csrf });
    expect(everywhere.headers.get('location')).toBe('/admin/logga-in?klart=utloggad-overallt');
    expect(await t.handle.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute()).toHaveLength(0);
    const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('user_id', '=', id).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['update', 'password_change', 'logout_everywhere']));
  });

  it('every sign-in page answers in Swedish and English', async () => {
    const { email } = await makeUser();
    for (const lang of ['sv', 'en'] as const) {
      const p = lang === 'en' ? '/en/admin' : '/admin';
      for (const path of ['/logga-in', '/glomt-losenord', '/aterstall/okand-token-som-inte-finns-xyz']) {
        const res = await t.app.request(`${p}${path}`);
        expect([200, 410]).toContain(res.status);
        expect(await res.text()).toContain(`lang="${lang}"`);
      }
      const b = browser();
      await b.post(`${p}/logga-in`, { email, password: PASSWORD });
      const setup = await b.get(`${p}/logga-in/tvafaktor`);
      expect(setup.status).toBe(200);
      expect(decode(await setup.text())).toContain(lang === 'en' ? 'two-step verification' : 'tvåstegsverifiering');
    }
  });

  it('the pages of a pending sign-in need that sign-in; without it they send you to the start', async () => {
    for (const path of ['/admin/logga-in/kod', '/admin/logga-in/tvafaktor']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/logga-in?klart=session-slut');
    }
  });
});
