/**
 * Back-office journeys, named as user stories, in Chromium: a unit editor registers an exchange
 * and submits it for review; the coordinator reviews and publishes it, and the public finds it; a
 * project with own staff time goes to the committee, cannot start before the decision, and starts
 * once the decision is recorded.
 *
 * The people use the keyboard alone on the pages (Tab, Shift+Tab, Enter, Space, typing); a page
 * is opened by its address where a person would type it or come from a bookmark. axe finds no
 * WCAG 2.1 A/AA violations on any page a journey passes.
 *
 * The app is served on 127.0.0.1 (test/browser/admin-support.ts) with a signed-in person of each
 * role; the session goes in a header that Chromium drops when it follows a redirect, so form
 * posts' redirects are followed by the helpers in journey-support.ts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { registryYear } from '../../src/features/decisions/registry.js';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { activate, byId, focused, pressAndArrive, tabToAndChoose, tabToAndType, textOf } from './journey-support.js';
import { describeInBrowser, expectAccessible, tabTo } from './support.js';

const EXCHANGE = {
  title: 'Sommarläger för unga ledare i Kongsvinger',
  summary: 'Tjugofyra ungdomar från Arvika och Kongsvinger leder tillsammans ett sommarläger vid Glafsfjorden.',
  searchWord: 'sommarläger',
};
const STAFF_PROJECT = 'Digitala bibliotek i gränsregionen';
const COMMITTEE = 'Kultur- och fritidsnämnden';

describeInBrowser('back-office journeys', () => {
  const app = useAdminBrowserApp();
  let t: AdminTestApp;
  const pages = new Map<string, Page>();
  /** One browser context per person (anonymous: the public). */
  const pageOf = async (who: 'unit_editor' | 'coordinator' | 'public'): Promise<Page> => {
    let p = pages.get(who);
    if (!p) {
      p = await app.pageAs(who === 'public' ? undefined : t.users[who], { width: 1280, height: 900 });
      pages.set(who, p);
    }
    return p;
  };
  const path = (p: Page) => {
    const u = new URL(p.url());
    return u.pathname + u.search;
  };
  let exchangeId = 0;

  beforeAll(() => {
    t = app.t;
  });

  test('En förvaltningsredaktör registrerar ett utbyte och skickar det för granskning', async () => {
    const page = await pageOf('unit_editor');
    await page.goto('/admin/arvika');
    await expectAccessible(page, { lang: 'sv', what: 'the unit editor’s overview' });
    await activate(page, 'main a[href="/admin/arvika/projekt/ny"]');
    expect(path(page)).toBe('/admin/arvika/projekt/ny');
    await expectAccessible(page, { lang: 'sv', what: 'the new project form' });

    // The unit editor may only choose their own unit, so it is chosen already.
    expect(await page.locator('#owner_unit_id').inputValue()).toBe(String(t.ownUnit.id));

    await tabToAndChoose(page, '#kind', 'exchange');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('title_sv');
    await page.keyboard.type(EXCHANGE.title);
    await tabTo(page, '#summary_sv');
    await page.keyboard.type(EXCHANGE.summary);
    await tabTo(page, '#start_date');
    await page.keyboard.type('2026-07-06');
    await page.keyboard.press('Tab');
    // A slip: the end before the start, and more young participants than participants.
    await page.keyboard.type('2026-06-10');
    await tabTo(page, '#participants_total');
    await page.keyboard.type('24');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30');
    await tabTo(page, 'input[name="themes"][value="youth"]');
    await page.keyboard.press('Space');
    await tabToAndChoose(page, byId('countries.0.country'), 'NO');

    // Saving shows every error at once, in a summary that gets the focus, and keeps what was typed.
    await tabTo(page, 'button[name="_action"][value="save"].button', { max: 400 });
    expect((await pressAndArrive(page)).status).toBe(400);
    await expectAccessible(page, { lang: 'sv', what: 'the form with errors' });
    const summary = page.locator('.error-summary');
    expect(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#end_date', '#participants_youth']);
    expect(await page.locator('#end_date-error').textContent()).toMatch(/slutdatum|startdatum/i);
    expect(await page.locator('#participants_youth-error').textContent()).toMatch(/unga|deltagare/i);
    expect(await page.locator('#end_date').getAttribute('aria-describedby')).toContain('end_date-error');
    // GOV.UK's pattern: the summary takes the focus, so a screen reader announces it and Tab goes to its links.
    expect.soft((await focused(page)).className, 'the error summary has the focus after a failed save').toContain('error-summary');
    expect(await page.locator('#kind').inputValue()).toBe('exchange');
    expect(await page.locator('#title_sv').inputValue()).toBe(EXCHANGE.title);
    expect(await page.locator('#summary_sv').inputValue()).toBe(EXCHANGE.summary);
    expect(await page.locator('#owner_unit_id').inputValue()).toBe(String(t.ownUnit.id));
    expect(await page.locator('#start_date').inputValue()).toBe('2026-07-06');
    expect(await page.locator('#end_date').inputValue()).toBe('2026-06-10');
    expect(await page.locator('#participants_total').inputValue()).toBe('24');
    expect(await page.locator('#participants_youth').inputValue()).toBe('30');
    expect(await page.locator('input[name="themes"][value="youth"]').isChecked()).toBe(true);
    expect(await page.locator(byId('countries.0.country')).inputValue()).toBe('NO');

    // The summary's first link leads to the end date; correct it, then the number of young people.
    await tabTo(page, '.error-summary a[href="#end_date"]', { max: 60 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#end_date$/);
    expect((await focused(page)).id, 'the summary’s link puts the focus in the field').toBe('end_date');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-07-17');
    await tabTo(page, '.error-summary a[href="#participants_youth"]', { max: 200, backwards: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#participants_youth$/);
    expect((await focused(page)).id).toBe('participants_youth');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('18');

    await tabTo(page, 'button[name="_action"][value="save"].button', { max: 400 });
    const saved = await pressAndArrive(page);
    expect(saved.status).toBe(303);
    const created = /^\/admin\/arvika\/projekt\/(\d+)\?klart=created$/.exec(saved.location ?? '');
    expect(created, `redirect after saving: ${saved.location}`).not.toBeNull();
    exchangeId = Number(created![1]);
    expect(await page.locator('h1').textContent()).toBe(EXCHANGE.title);
    expect(await page.locator('.notice').first().textContent()).toContain('Projektet är skapat som utkast');
    await expectAccessible(page, { lang: 'sv', what: 'the saved draft' });
    // Every link of the project's page leads somewhere.
    for (const href of await page.locator('main ul.link-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect.soft((await page.request.get(href, { maxRedirects: 0 })).status(), `the project page's link ${href}`).toBe(200);
    }
    const draft = await t.handle.db.selectFrom('projects').selectAll().where('id', '=', exchangeId).executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ kind: 'exchange', owner_unit_id: t.ownUnit.id, start_date: '2026-07-06', end_date: '2026-07-17', participants_total: 24, participants_youth: 18, publication_state: 'draft' });

    // Submit for review from the project's page.
    const submitted = await activate(page, `form[action="/admin/arvika/projekt/${exchangeId}/skicka"] button`, 80);
    expect(submitted).toEqual({ status: 303, location: `/admin/arvika/projekt/${exchangeId}?klart=submitted` });
    expect(await page.locator('.notice').first().textContent()).toContain('Skickat för granskning.');
    expect(await page.locator('main .tags').first().textContent()).toContain('Väntar på granskning');
    await expectAccessible(page, { lang: 'sv', what: 'the project in review' });

    // The public cannot see it while it is in review.
    const visitor = await pageOf('public');
    const res = await visitor.goto(`/arvika/projekt/${exchangeId}`);
    expect(res?.status()).toBe(404);
    await expectAccessible(visitor, { lang: 'sv', what: 'the public 404 page' });
  }, 60_000);

  test('Samordnaren granskar och publicerar utbytet', async () => {
    expect(exchangeId, 'the first journey registered the exchange').toBeGreaterThan(0);
    const page = await pageOf('coordinator');
    await page.goto('/admin/arvika');
    await expectAccessible(page, { lang: 'sv', what: 'the coordinator’s overview' });
    // The overview lists the exchange once, as a new project to review.
    const waiting = page.locator('#awaiting-title ~ ul li', { has: page.locator(`a[href="/admin/arvika/projekt/${exchangeId}"]`) });
    const listed = await waiting.allTextContents();
    expect(listed.length, 'the exchange is among the things waiting').toBeGreaterThan(0);
    expect.soft(listed, 'the exchange is listed once, as a new project').toEqual([`${EXCHANGE.title} – nytt projekt`]);

    await activate(page, 'nav a[href="/admin/arvika/granskning"]');
    expect(path(page)).toBe('/admin/arvika/granskning');
    await expectAccessible(page, { lang: 'sv', what: 'the review queue' });
    const item = page.locator('main table a', { hasText: EXCHANGE.title });
    expect(await item.count()).toBe(1);
    const itemHref = (await item.getAttribute('href'))!;
    await activate(page, `main a[href="${itemHref}"]`);
    expect(path(page)).toBe(itemHref);
    expect(await page.locator('h1').textContent()).toBe(`Granska: ${EXCHANGE.title}`);
    const changes = (await page.locator('main table').textContent()) ?? '';
    for (const text of [EXCHANGE.title, EXCHANGE.summary, 'Norge', 'Barn och unga']) expect(changes).toContain(text);
    await expectAccessible(page, { lang: 'sv', what: 'the review item' });

    const published = await activate(page, 'main form[action$="/publicera"] button');
    expect(published).toEqual({ status: 303, location: '/admin/arvika/granskning?klart=published' });
    expect(await page.locator('.notice').first().textContent()).toContain('Publicerat.');
    expect(await page.locator('main table a', { hasText: EXCHANGE.title }).count()).toBe(0);
    await expectAccessible(page, { lang: 'sv', what: 'the review queue after publishing' });

    // The public project page shows it, and the public search finds it.
    const visitor = await pageOf('public');
    const res = await visitor.goto(`/arvika/projekt/${exchangeId}`);
    expect(res?.status()).toBe(200);
    expect(await visitor.locator('h1').textContent()).toBe(EXCHANGE.title);
    expect(await visitor.locator('main').textContent()).toContain(EXCHANGE.summary);
    await expectAccessible(visitor, { lang: 'sv', what: 'the public project page' });
    await visitor.goto('/arvika/projekt');
    await tabTo(visitor, 'input#q');
    await visitor.keyboard.type(EXCHANGE.searchWord);
    expect((await pressAndArrive(visitor)).status).toBe(200);
    const hit = visitor.locator(`ul.results h3 a[href^="/arvika/projekt/${exchangeId}?"]`);
    expect(await hit.count(), 'the search finds the exchange').toBe(1);
    expect(await hit.textContent()).toBe(EXCHANGE.title);
    await expectAccessible(visitor, { lang: 'sv', what: 'the public search result' });
  }, 60_000);

  test('Ett projekt med egen personaltid går till nämnden, kan inte starta före beslut och startar när beslutet är registrerat', async () => {
    const coordinator = await pageOf('coordinator');
    const db = t.handle.db;

    // 1. The committee, as a body of the municipality's own organisation.
    await coordinator.goto('/admin/arvika/enheter/ny');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the new unit form' });
    await tabToAndChoose(coordinator, '#kind', 'committee');
    await tabTo(coordinator, '#name_sv');
    await coordinator.keyboard.type(COMMITTEE);
    const unitSaved = await activate(coordinator, 'main form button[type="submit"]');
    expect(unitSaved.status).toBe(303);
    await expectAccessible(coordinator, { lang: 'sv', what: 'the new committee' });
    const committeeId = Number((await db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('name_sv', '=', COMMITTEE).executeTakeFirstOrThrow()).id);

    // 2. The delegation order: the committee answers for the unit; its head of department may decide up to 50 000 kr.
    await coordinator.goto('/admin/arvika/delegationsordning');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the delegation order' });
    await tabToAndChoose(coordinator, `#committee_${t.ownUnit.id}`, String(committeeId));
    expect(await activate(coordinator, 'main form[action$="/delegationsordning/namnder"] button[type="submit"]')).toEqual({ status: 303, location: '/admin/arvika/delegationsordning?klart=units' });
    await expectAccessible(coordinator, { lang: 'sv', what: 'the delegation order with the committee set' });
    await activate(coordinator, 'main a[href="/admin/arvika/delegationsordning/regler/ny"]');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the new point of the delegation order' });
    await tabToAndChoose(coordinator, '#committee_id', String(committeeId));
    await tabToAndType(coordinator, '#delegate_role', 'förvaltningschef');
    await tabToAndType(coordinator, '#max_amount', '50 000');
    await tabToAndType(coordinator, '#reference', '3.2');
    expect((await activate(coordinator, 'main form button[type="submit"]')).status).toBe(303);
    expect(await coordinator.locator('main').textContent()).toContain('förvaltningschef');

    // 3. The settings: an hour of own staff time costs 500 kr; registry numbers start with KS.
    await activate(coordinator, 'nav a[href="/admin/arvika/installningar"]');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the settings' });
    await tabToAndType(coordinator, '#staff_hour_cost', '500');
    await tabToAndType(coordinator, '#registry_prefix', 'KS');
    expect(await activate(coordinator, 'main form button[type="submit"]')).toEqual({ status: 303, location: '/admin/arvika/installningar?klart=settings' });
    await expectAccessible(coordinator, { lang: 'sv', what: 'the saved settings' });

    // 4. The unit editor registers the project: 200 hours of own staff time, worth 100 000 kr.
    const editor = await pageOf('unit_editor');
    await editor.goto('/admin/arvika/projekt/ny');
    await tabToAndChoose(editor, '#kind', 'project');
    await tabTo(editor, '#title_sv');
    await editor.keyboard.type(STAFF_PROJECT);
    await tabTo(editor, '#summary_sv');
    await editor.keyboard.type('Biblioteken i Arvika och Eda bygger en gemensam digital tjänst med norska grannar.');
    await tabToAndChoose(editor, byId('funding.0.kind'), 'own_staff_time', 200);
    await tabTo(editor, byId('funding.0.staff_hours'));
    await editor.keyboard.type('200');
    await tabTo(editor, byId('funding.0.note'));
    await editor.keyboard.type('Bibliotekarier, två timmar i veckan under två år');
    const projectSaved = await activate(editor, 'button[name="_action"][value="save"].button', 400);
    const projectId = Number(/projekt\/(\d+)\?klart=created$/.exec(projectSaved.location ?? '')?.[1]);
    expect(projectId, `redirect after saving: ${projectSaved.location}`).toBeGreaterThan(0);
    expect(await db.selectFrom('project_funding').select(['kind', 'staff_hours']).where('project_id', '=', projectId).execute()).toEqual([{ kind: 'own_staff_time', staff_hours: 200 }]);

    // 5. The decision route says, in Swedish, that the committee decides and why.
    await activate(editor, `main a[href="/admin/arvika/projekt/${projectId}/beslutsvag"]`);
    expect(await editor.locator('h1').textContent()).toBe(`Beslutsväg: ${STAFF_PROJECT}`);
    await expectAccessible(editor, { lang: 'sv', what: 'the decision route (idea)' });
    const route = await textOf(editor, 'main');
    expect(route).toContain('Projektet kräver kommunal medfinansiering (200 timmar egen personal, värderat till 100 000 kr).');
    expect(route).toContain(`Beslut fattas av ${COMMITTEE}.`);
    expect(route).toContain('Medfinansieringen (100 000 kr) är större än vad delegationsordningen låter en delegat besluta om (förvaltningschef (punkt 3.2, upp till 50 000 kr)).');
    // Starting the assessment is the unit's own step.
    expect(await activate(editor, 'form:has(input[name="action"][value="start_assessment"]) button')).toEqual({ status: 303, location: `/admin/arvika/projekt/${projectId}/beslutsvag?klart=status` });
    expect(await editor.locator('main .tag').first().textContent()).toBe('Under bedömning');
    await expectAccessible(editor, { lang: 'sv', what: 'the decision route (assessment)' });

    // 6. The coordinator cannot send it for decision before the assessment is complete.
    await coordinator.goto(`/admin/arvika/projekt/${projectId}/beslutsvag`);
    expect((await activate(coordinator, 'form:has(input[name="action"][value="submit_for_decision"]) button')).status).toBe(409);
    expect(await coordinator.locator('.error-summary').textContent()).toContain('Projektet kan inte skickas till beslut innan bedömningen är klar.');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the refused step (assessment incomplete)' });
    await activate(coordinator, `main a[href="/admin/arvika/projekt/${projectId}/bedomning"]`);
    await expectAccessible(coordinator, { lang: 'sv', what: 'the assessment form' });
    const economy = await textOf(coordinator, 'main form dl');
    expect(economy).toContain('200 timmar');
    expect(economy).toContain('100 000 kr');
    const texts: [string, string][] = [
      ['#total_benefit', 'Invånarna får tillgång till norska och svenska e-böcker i en och samma tjänst.'],
      ['#citizen_perspective', 'Låntagare i gränsregionen har efterfrågat tjänsten i biblioteksenkäten 2025.'],
      ['#operations_fit', 'Ryms i bibliotekens ordinarie arbete med digital delaktighet.'],
      ['#strategy_fit', 'Svarar mot strategins mål om samarbete över gränsen.'],
      ['#risks', 'Licensavtalen med förlagen kan dröja.'],
    ];
    for (const [selector, text] of texts) await tabToAndType(coordinator, selector, text);
    await tabTo(coordinator, 'input[name="recommendation"][value="approve"]');
    await coordinator.keyboard.press('Space');
    expect(await coordinator.locator('input[name="recommendation"][value="approve"]').isChecked()).toBe(true);
    await tabToAndType(coordinator, '#recommendation_text', `${COMMITTEE} beslutar att bevilja 200 timmar egen personaltid till projektet.`);
    expect(await activate(coordinator, 'button[name="intent"][value="complete"]')).toEqual({ status: 303, location: `/admin/arvika/projekt/${projectId}/bedomning?klart=assessment_complete` });
    await expectAccessible(coordinator, { lang: 'sv', what: 'the completed assessment' });

    // 7. Sent for decision; it cannot be approved, nor started, before the committee has decided.
    await activate(coordinator, `main a[href="/admin/arvika/projekt/${projectId}/beslutsvag"]`);
    expect((await activate(coordinator, 'form:has(input[name="action"][value="submit_for_decision"]) button')).status).toBe(303);
    expect(await coordinator.locator('main .tag').first().textContent()).toBe('Väntar på beslut');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the decision route (awaiting decision)' });
    expect(await coordinator.locator('form:has(input[name="action"][value="start"])').count(), 'no start button before the decision').toBe(0);
    const approveHint = await coordinator.locator('#hint-approve').textContent();
    expect(approveHint).toBe(`Projektet kan inte markeras som beviljat innan beslut är fattat av ${COMMITTEE}.`);
    expect((await activate(coordinator, 'form:has(input[name="action"][value="approve"]) button')).status).toBe(409);
    expect(await coordinator.locator('.error-summary').textContent()).toContain(`Projektet kan inte markeras som beviljat innan beslut är fattat av ${COMMITTEE}.`);
    await expectAccessible(coordinator, { lang: 'sv', what: 'the refused approval' });
    // A start posted anyway (an old page, a second tab) is refused with the reason.
    const csrf = (await coordinator.locator('input[name="_csrf"]').first().inputValue()) || t.users.coordinator.csrf;
    const start = await coordinator.request.post(`/admin/arvika/projekt/${projectId}/status`, { form: { _csrf: csrf, action: 'start' }, headers: { origin: app.baseUrl }, maxRedirects: 0 });
    expect(start.status()).toBe(409);
    expect(await start.text()).toContain(`Projektet kan inte starta innan beslut är fattat av ${COMMITTEE}.`);
    expect((await db.selectFrom('projects').select('lifecycle').where('id', '=', projectId).executeTakeFirstOrThrow()).lifecycle).toBe('awaiting_decision');

    // 8. The committee's decision is recorded, with the next registry number.
    await coordinator.goto(`/admin/arvika/projekt/${projectId}/beslutsvag`);
    await activate(coordinator, `main a[href="/admin/arvika/beslut/ny?projekt=${projectId}"]`);
    await expectAccessible(coordinator, { lang: 'sv', what: 'the decision form for the project' });
    expect(await coordinator.locator('input[name="route"][value="committee"]').isChecked()).toBe(true);
    expect(await coordinator.locator('#body_id').inputValue()).toBe(String(committeeId));
    expect(await coordinator.locator('input[name="registry_mode"][value="auto"]').isChecked()).toBe(true);
    await tabToAndType(coordinator, '#paragraph', '45');
    expect(await activate(coordinator, 'main form button[type="submit"].button')).toEqual({ status: 303, location: `/admin/arvika/projekt/${projectId}/beslutsvag?klart=decision` });
    const registryNumber = `KS ${registryYear()}/1`;
    expect(await coordinator.locator('main table').textContent()).toContain(registryNumber);
    expect(await coordinator.locator('.notice').first().textContent()).toContain('Beslutet är registrerat.');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the decision route with the decision' });
    const decision = await db.selectFrom('decisions').select(['registry_number', 'body_id', 'route', 'outcome', 'paragraph']).where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow();
    expect(decision).toEqual({ registry_number: registryNumber, body_id: committeeId, route: 'committee', outcome: 'approved', paragraph: '45' });

    // 9. Approved, then started: the project is ongoing.
    expect((await activate(coordinator, 'form:has(input[name="action"][value="approve"]) button')).status).toBe(303);
    expect(await coordinator.locator('main .tag').first().textContent()).toBe('Beviljat');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the approved project' });
    expect((await activate(coordinator, 'form:has(input[name="action"][value="start"]) button')).status).toBe(303);
    expect(await coordinator.locator('main .tag').first().textContent()).toBe('Pågående');
    expect(await coordinator.locator('.notice').first().textContent()).toContain('Projektets status är ändrad.');
    await expectAccessible(coordinator, { lang: 'sv', what: 'the ongoing project' });
    expect(await db.selectFrom('projects').select(['lifecycle', 'status']).where('id', '=', projectId).executeTakeFirstOrThrow()).toEqual({ lifecycle: 'ongoing', status: 'ongoing' });
  }, 90_000);
});
