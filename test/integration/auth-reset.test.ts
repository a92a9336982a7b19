/**
 * Password reset by e-mail, end to end: the form, a real SMTP server on loopback receiving the
 * mail, the link followed, the new password set, the old sessions ended, the token used up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createAccount } from '../../src/features/auth/accounts.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { createSession } from '../../src/features/auth/session.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { startTestSmtp } from '../support/auth-mail.js';
import { TestBrowser } from '../support/auth-browser.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const OLD = 'gammalt lösenord i arvika';
const NEW = 'nytt lösenord vid glafsfjorden';

describe.each(kinds)('password reset by e-mail on %s', (kind) => {
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let app: ReturnType<typeof createApp>;
  let n = 0;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    smtp = await startTestSmtp();
    app = createApp({ handle: t.handle, config: { ...t.config, mail: { smtpUrl: smtp.url, from: 'Utblick <utblick@test.example>' } } });
  }, 60_000);
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const browser = () => new TestBrowser(app, { 'x-forwarded-for': `203.0.113.${++n}` });
  async function makeUser(lang: 'sv' | 'en' = 'sv') {
    const email = `reset${++n}@arvika.example.se`;
    const id = await createAccount(t.handle.db, { email, displayName: `Rut Reset ${n}`, passwordHash: await hashPassword(OLD), preferredLang: lang, role: { municipalityId: t.arvikaId, role: 'reader' } }, { userId: null, label: 'test' });
    return { id, email };
  }
  /** The main content of a page: what a visitor sees, without the CSRF token. */
  const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];

  it('answers the same whether or not the address has an account, and mails only a real account', async () => {
    const { email } = await makeUser();
    const before = smtp.mails.length;
    const unknown = await browser().post('/admin/glomt-losenord', { email: 'ingen@arvika.example.se' });
    const known = await browser().post('/admin/glomt-losenord', { email });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    const a = mainOf(decode(await unknown.text())).replace('ingen@arvika.example.se', 'X');
    const b = mainOf(decode(await known.text())).replace(email, 'X');
    expect(a).toBe(b);
    expect(a).toContain('Titta i din e-post');
    const mails = await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.to).toEqual([email]);
  });

  it('the link in the mail sets a new password once, ends every session, and then works no more', async () => {
    const { id, email } = await makeUser();
    const token = await createSession(t.handle.db, t.config, id, 'complete', 'password');
    const signedIn = new TestBrowser(app);
    signedIn.cookies.set('__Host-utblick_session', token);
    expect((await signedIn.get('/admin/konto')).status).toBe(200);

    const before = smtp.mails.length;
    await browser().post('/admin/glomt-losenord', { email: `  ${email.toUpperCase()} ` });
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('utblick@test.example');
    expect(mail.subject).toBe('Välj ett nytt lösenord i Utblick');
    expect(mail.text).toContain(`Hej Rut Reset`);
    expect(mail.text).toContain('30 minuter');
    const link = /(http:\/\/localhost:3000\/admin\/aterstall\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const path = new URL(link).pathname;
    // Stored only as a hash.
    const rows = await t.handle.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', id).execute();
    expect(JSON.stringify(rows)).not.toContain(path.split('/').pop());

    const b = browser();
    const form = await b.get(path);
    expect(form.status).toBe(200);
    const html = decode(await form.text());
    expect(html).toContain('Välj ett nytt lösenord');
    expect(html).toMatch(/name="new_password"[^>]*autocomplete="new-password"/);
    expect(html).toMatch(/name="new_password_confirm"[^>]*autocomplete="new-password"/);

    const weak = await b.post(path, { new_password: 'kort', new_password_confirm: '' });
    expect(weak.status).toBe(400);
    const weakHtml = decode(await weak.text());
    expect(weakHtml).toContain('minst 12 tecken');
    expect(weakHtml).toContain('Skriv det nya lösenordet en gång till.');
    const mismatch = await b.post(path, { new_password: NEW, new_password_confirm: `${NEW}!` });
    expect(decode(await mismatch.text())).toContain('Lösenorden är inte likadana');

    const done = await b.post(path, { new_password: NEW, new_password_confirm: NEW });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/logga-in?klart=nytt-losenord');
    expect(decode(await (await b.get('/admin/logga-in?klart=nytt-losenord')).text())).toContain('Lösenordet är bytt.');
    // Every session of the person has ended.
    expect((await signedIn.get('/admin/konto')).status).toBe(303);
    // The link is used up.
    expect((await b.get(path)).status).toBe(410);
    expect((await b.post(path, { new_password: `${NEW} igen`, new_password_confirm: `${NEW} igen` })).status).toBe(410);
    // The new password signs in (to the second factor); the old one no longer does.
    expect((await browser().post('/admin/logga-in', { email, password: OLD })).status).toBe(400);
    const ok = await browser().post('/admin/logga-in', { email, password: NEW });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin/logga-in/tvafaktor');
    const audit = (await t.handle.db.selectFrom('audit_log').select('action').where('user_id', '=', id).execute()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset']));
  });

  it('writes to English-speaking users in English, with an English link', async () => {
    const { email } = await makeUser('en');
    const before = smtp.mails.length;
    const res = await browser().post('/en/admin/glomt-losenord', { email });
    expect(decode(await res.text())).toContain('Check your email');
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail.subject).toBe('Choose a new password in Utblick');
    expect(mail.text).toContain('Hello Rut Reset');
    const path = new URL(/(http:\/\/localhost:3000\/\S+)/.exec(mail.text)![1]!).pathname;
    expect(path.startsWith('/en/admin/aterstall/')).toBe(true);
    const page = decode(await (await browser().get(path)).text());
    expect(page).toContain('Choose a new password');
    expect(page).toContain('lang="en"');
  });

  it('a link older than 30 minutes does not work', async () => {
    const { id, email } = await makeUser();
    const before = smtp.mails.length;
    await browser().post('/admin/glomt-losenord', { email });
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    const path = new URL(/(http:\/\/localhost:3000\/\S+)/.exec(mail.text)![1]!).pathname;
    await t.handle.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', id).execute();
    const res = await browser().get(path);
    expect(res.status).toBe(410);
    expect(decode(await res.text())).toContain('Länken fungerar inte längre');
  });

  it('sends at most three links an hour to one account, and limits requests per address', async () => {
    const { email } = await makeUser();
    const before = smtp.mails.length;
    for (let i = 0; i < 5; i++) expect((await browser().post('/admin/glomt-losenord', { email })).status).toBe(200);
    await smtp.waitFor(before + 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(3);

    const one = new TestBrowser(app, { 'x-forwarded-for': '203.0.113.250' });
    for (let i = 0; i < 10; i++) expect((await one.post('/admin/glomt-losenord', { email: `x${i}@example.se` })).status).toBe(200);
    const limited = await one.post('/admin/glomt-losenord', { email: 'x@example.se' });
    expect(limited.status).toBe(429);
    expect(decode(await limited.text())).toContain('för många förfrågningar');
  });

  it('checks the address typed', async () => {
    const res = await browser().post('/admin/glomt-losenord', { email: 'inte en adress' });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('Ange en e-postadress i rätt format');
    expect(html).toContain('value="inte en adress"');
  });
});
