/**
 * The decisions feature's back-office pages over HTTP, on SQLite and PostgreSQL: every page in
 * Swedish and English, 4xx on bad input with every error at once, 404 across municipalities,
 * 403 for roles that may not, the lifecycle buttons refusing with the reason, the docx download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryYear } from '../../src/features/decisions/registry.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';
import { addProject, buildDelegation, type DelegationFixture, setFunding, unzipEntries } from './decisions-fixtures.js';

const kinds = await availableDatabases();
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/[\s\u00a0\u202f]+/g, ' ');

describe.each(kinds)('decisions pages on %s', (kind) => {
  let t: AdminTestApp;
  let f: DelegationFixture;
  let aleProject: number;
  let alePartnership: number;

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    f = await buildDelegation(t.handle.db, t.arvikaId);
    aleProject = await addProject(t.handle.db, t.aleId, { title: 'Ale-projekt' });
    alePartnership = Number((await t.handle.db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.aleId).executeTakeFirstOrThrow()).id);
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (user: keyof AdminTestApp['users'], path: string) => t.request(t.users[user], path);
  const post = (user: keyof AdminTestApp['users'], path: string, form: Record<string, string | string[]>) => t.request(t.users[user], path, { form });
  const body = async (res: Response) => ({ status: res.status, html: await res.text(), location: res.headers.get('location') });

  describe('delegation order', () => {
    it('everyone with a role reads it, in Swedish and English; only configurers get the forms', async () => {
      const reader = await body(await get('reader', '/admin/arvika/delegationsordning'));
      expect(reader.status).toBe(200);
      expect(reader.html).toContain('Kultur- och fritidsnämnden');
      expect(reader.html).toContain('förvaltningschef');
      expect(reader.html).not.toContain('name="committee_');
      expect(reader.html).not.toContain('/delegationsordning/regler/ny');
      const en = await body(await get('coordinator', '/en/admin/arvika/delegationsordning'));
      expect(en.status).toBe(200);
      expect(en.html).toContain('lang="en"');
      expect(en.html).toContain('Delegation order');
      expect(en.html).toContain(`name="committee_${f.department}"`);
      expect((await get('coordinator', '/admin/ale/delegationsordning')).status).toBe(404);
    });

    it('sets the responsible committee per unit; refuses readers, bad values and other municipalities’ units', async () => {
      expect((await post('reader', '/admin/arvika/delegationsordning/namnder', { [`committee_${f.orphan}`]: String(f.committee) })).status).toBe(403);
      expect((await post('unit_editor', '/admin/arvika/delegationsordning/namnder', { [`committee_${f.orphan}`]: String(f.committee) })).status).toBe(403);
      const bad = await body(await post('coordinator', '/admin/arvika/delegationsordning/namnder', { [`committee_${f.orphan}`]: 'x' }));
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('error-summary');
      const foreign = await body(await post('coordinator', '/admin/arvika/delegationsordning/namnder', { [`committee_${t.aleUnits[0]!.id}`]: String(f.committee) }));
      expect(foreign.status).toBe(400);
      const ok = await post('coordinator', '/admin/arvika/delegationsordning/namnder', { [`committee_${f.orphan}`]: String(f.committee) });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/admin/arvika/delegationsordning?klart=units');
      const after = await body(await get('coordinator', '/admin/arvika/delegationsordning?klart=units'));
      expect(after.html).toContain('Ansvariga nämnder är sparade.');
      expect(after.html).toMatch(new RegExp(`<option value="${f.committee}" selected="">Kultur- och fritidsnämnden</option>`));
      // Clear it again: the orphan unit is used for the executive-board fallback below.
      expect((await post('coordinator', '/admin/arvika/delegationsordning/namnder', { [`committee_${f.orphan}`]: '' })).status).toBe(303);
    });

    it('adds, edits and removes points; every error at once; what was typed is kept', async () => {
      expect((await get('reader', '/admin/arvika/delegationsordning/regler/ny')).status).toBe(403);
      const form = await body(await get('municipal_admin', '/admin/arvika/delegationsordning/regler/ny'));
      expect(form.status).toBe(200);
      const bad = await body(await post('municipal_admin', '/admin/arvika/delegationsordning/regler', { committee_id: '', delegate_role: '', max_amount: 'mycket', reference: 'x'.repeat(30), project_kinds: ['exchange', 'nonsense'] }));
      expect(bad.status).toBe(400);
      const summary = text(bad.html);
      for (const msg of ['Välj den nämnd som delegerar.', 'Fyll i delegatens titel.', 'Skriv beloppet i kronor med siffror', 'Punkten får ha högst 20 tecken.', 'Välj bland de angivna slagen av projekt.']) expect(summary).toContain(msg);
      expect(bad.html).toContain('value="mycket"');
      const created = await post('municipal_admin', '/admin/arvika/delegationsordning/regler', { committee_id: String(f.committee), delegate_role: 'enhetschef', max_amount: '50 000', reference: '3.3', project_kinds: ['exchange'] });
      expect(created.status).toBe(303);
      const rule = await t.handle.db.selectFrom('delegation_rules').selectAll().where('municipality_id', '=', t.arvikaId).where('reference', '=', '3.3').executeTakeFirstOrThrow();
      expect(Number(rule.max_cofinancing_minor)).toBe(5_000_000);
      expect(JSON.parse(rule.project_kinds)).toEqual(['exchange']);
      const edit = await body(await get('municipal_admin', `/en/admin/arvika/delegationsordning/regler/${rule.id}`));
      expect(edit.html).toContain('value="50 000"');
      expect((await post('municipal_admin', `/admin/arvika/delegationsordning/regler/${rule.id}`, { committee_id: String(f.committee), delegate_role: 'enhetschef', max_amount: '60000', reference: '3.3' })).status).toBe(303);
      // Another municipality's address for the same point: not found.
      expect((await get('other_coordinator', `/admin/ale/delegationsordning/regler/${rule.id}`)).status).toBe(404);
      expect((await post('municipal_admin', `/admin/arvika/delegationsordning/regler/${rule.id}/ta-bort`, {})).status).toBe(303);
      expect((await post('municipal_admin', `/admin/arvika/delegationsordning/regler/${rule.id}/ta-bort`, {})).status).toBe(404);
    });
  });

  describe('settings', () => {
    it('is for configurers only, links single sign-on, and validates', async () => {
      expect((await get('reader', '/admin/arvika/installningar')).status).toBe(403);
      expect((await get('unit_editor', '/admin/arvika/installningar')).status).toBe(403);
      expect((await get('other_coordinator', '/admin/arvika/installningar')).status).toBe(404);
      const page = await body(await get('municipal_admin', '/admin/arvika/installningar'));
      expect(page.status).toBe(200);
      expect(page.html).toContain('href="/admin/arvika/installningar/inloggning"');
      expect(page.html).toContain('value="500"');
      const en = await body(await get('municipal_admin', '/en/admin/arvika/installningar'));
      expect(en.html).toContain('href="/en/admin/arvika/installningar/inloggning"');
      const bad = await body(await post('municipal_admin', '/admin/arvika/installningar', { staff_hour_cost: '-5', registry_prefix: 'K S!' }));
      expect(bad.status).toBe(400);
      expect(text(bad.html)).toContain('Skriv timkostnaden i kronor');
      expect(text(bad.html)).toContain('Prefixet får bestå av');
      expect(bad.html).toContain('value="K S!"');
      expect((await post('reader', '/admin/arvika/installningar', { staff_hour_cost: '500', registry_prefix: 'KS' })).status).toBe(403);
      const ok = await post('municipal_admin', '/admin/arvika/installningar', { staff_hour_cost: '512,50', registry_prefix: 'ks' });
      expect(ok.status).toBe(303);
      const row = await t.handle.db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow();
      expect([Number(row.staff_hour_cost_minor), row.registry_prefix]).toEqual([51_250, 'KS']);
      expect((await body(await get('municipal_admin', '/admin/arvika/installningar'))).html).toContain('value="512,50"');
      await post('municipal_admin', '/admin/arvika/installningar', { staff_hour_cost: '500', registry_prefix: 'KS' });
    });
  });

  describe('decisions', () => {
    it('records a decision for a project with the route pre-filled, and lists it', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { title: 'Unga i gränslandet', unit: f.department, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }] });
      expect((await get('unit_editor', `/admin/arvika/beslut/ny?projekt=${p}`)).status).toBe(403);
      expect((await get('reader', '/admin/arvika/beslut/ny')).status).toBe(403);
      expect((await get('coordinator', `/admin/arvika/beslut/ny?projekt=${aleProject}`)).status).toBe(404);
      expect((await get('coordinator', '/admin/arvika/beslut/ny?projekt=abc')).status).toBe(400);
      const form = await body(await get('coordinator', `/admin/arvika/beslut/ny?projekt=${p}`));
      expect(form.status).toBe(200);
      expect(text(form.html)).toContain('Beslut fattas av Kultur- och fritidsnämnden eller, enligt delegationsordningen punkt 3.2, av förvaltningschef (upp till 250 000 kr).');
      expect(form.html).toMatch(new RegExp(`<option value="${f.committee}" selected="">Kultur- och fritidsnämnden</option>`));
      expect(form.html).toContain('value="Medfinansiering och start av projektet Unga i gränslandet"');
      const res = await post('coordinator', '/admin/arvika/beslut/ny', { project_id: String(p), subject_sv: 'Medfinansiering', route: 'committee', body_id: String(f.committee), decided_on: '2026-10-01', paragraph: '§ 45', registry_mode: 'auto', outcome: 'approved' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/admin/arvika/projekt/${p}/beslutsvag?klart=decision`);
      const list = await body(await get('reader', '/admin/arvika/beslut'));
      expect(list.status).toBe(200);
      expect(list.html).toMatch(new RegExp(`KS ${registryYear()}/\\d+`));
      expect(list.html).toContain('§ 45');
      expect(list.html).toContain(`/admin/arvika/projekt/${p}/beslutsvag`);
      expect((await get('reader', '/en/admin/arvika/beslut')).status).toBe(200);
      expect((await get('reader', '/admin/arvika/beslut?sida=abc')).status).toBe(400);
      expect((await get('reader', '/admin/arvika/beslut?sida=999')).status).toBe(404);
    });

    it('lists every error at once and keeps what was typed', async () => {
      const res = await body(await post('coordinator', '/admin/arvika/beslut/ny', { subject_sv: '', route: 'committee', body_id: '', decided_on: '2026-02-30', paragraph: 'fyrtiofem', registry_mode: 'manual', registry_number: '', outcome: 'kanske', conditions_sv: 'Villkor <b>ett</b>' }));
      expect(res.status).toBe(400);
      const s = text(res.html);
      for (const msg of ['Fyll i ärendet.', 'Välj den nämnd eller styrelse som fattade beslutet.', 'Beslutsdatum måste vara ett datum', 'Skriv paragrafens nummer', 'Fyll i diarienumret', 'Välj vad beslutet blev.']) expect(s).toContain(msg);
      expect(res.html).toContain('Villkor &lt;b&gt;ett&lt;/b&gt;');
      expect(res.html).not.toContain('<b>ett</b>');
      const future = await body(await post('coordinator', '/en/admin/arvika/beslut/ny', { subject_sv: 'X', route: 'committee', body_id: String(f.committee), decided_on: '2999-01-01', paragraph: '1', registry_mode: 'auto', outcome: 'approved' }));
      expect(future.status).toBe(400);
      expect(text(future.html)).toContain('cannot be in the future');
    });

    it('asks before recording a decision off the route; a delegate never for an owned project', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { title: 'Kommunens eget projekt', unit: f.department, role: 'lead', funding: [{ kind: 'municipal_cash', kr: 1000 }] });
      const form = { project_id: String(p), subject_sv: 'Start', route: 'delegate', rule_id: String(f.rule32), decided_on: '2026-10-01', paragraph: '', registry_mode: 'auto', outcome: 'approved' };
      const first = await body(await post('coordinator', '/admin/arvika/beslut/ny', form));
      expect(first.status).toBe(400);
      expect(text(first.html)).toContain('Kommunen är projektägare, så ett delegationsbeslut räcker inte.');
      expect(first.html).toContain('name="confirm_mismatch"');
      const second = await post('coordinator', '/admin/arvika/beslut/ny', { ...form, confirm_mismatch: '1' });
      expect(second.status).toBe(303);
      const page = await body(await get('coordinator', `/admin/arvika/projekt/${p}/beslutsvag`));
      expect(text(page.html)).toContain('Följer beslutsvägen');
      expect(page.html).toContain('<strong>Nej</strong>');
    });

    it('takes an existing registry number by hand, unique (409, nothing lost)', async () => {
      const form = { subject_sv: 'Internationell strategi', route: 'committee', body_id: String(f.board), decided_on: '2012-11-12', paragraph: '258', registry_mode: 'manual', registry_number: 'KS 2012/258', outcome: 'approved' };
      const first = await post('coordinator', '/admin/arvika/beslut/ny', form);
      expect(first.status).toBe(303);
      const id = Number(/\/beslut\/(\d+)/.exec(first.headers.get('location')!)![1]);
      const again = await body(await post('coordinator', '/admin/arvika/beslut/ny', form));
      expect(again.status).toBe(409);
      expect(text(again.html)).toContain('Diarienumret KS 2012/258 används redan');
      expect(again.html).toContain('value="Internationell strategi"');
      const view = await body(await get('reader', `/admin/arvika/beslut/${id}`));
      expect(view.status).toBe(200);
      expect(text(view.html)).toContain('12 november 2012');
      expect(text(view.html)).toContain('§ 258');
      expect((await get('reader', `/en/admin/arvika/beslut/${id}`)).status).toBe(200);
      expect((await get('other_coordinator', `/admin/ale/beslut/${id}`)).status).toBe(404);
      expect((await get('reader', '/admin/arvika/beslut/abc')).status).toBe(404);
    });
  });

  describe('project route and lifecycle', () => {
    it('shows the route and refuses to start without the committee’s decision (409 with the reason)', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { title: 'Gränslöst', unit: f.department, role: 'lead', funding: [{ kind: 'own_staff_time', hours: 10 }], lifecycle: 'awaiting_decision' });
      const page = await body(await get('reader', `/admin/arvika/projekt/${p}/beslutsvag`));
      expect(page.status).toBe(200);
      expect(text(page.html)).toContain('Eftersom kommunen är projektägare ska beslutet alltid fattas av Kultur- och fritidsnämnden');
      expect(text(page.html)).toContain('Din roll ger inte behörighet');
      const en = await body(await get('reader', `/en/admin/arvika/projekt/${p}/beslutsvag`));
      expect(text(en.html)).toContain('Because the municipality is the project owner');
      const coord = await body(await get('coordinator', `/admin/arvika/projekt/${p}/beslutsvag`));
      expect(coord.html).toContain('value="approve"');
      expect(text(coord.html)).toContain('Projektet kan inte markeras som beviljat innan beslut är fattat av Kultur- och fritidsnämnden.');
      const refused = await body(await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'start' }));
      expect(refused.status).toBe(409);
      expect(text(refused.html)).toContain('Projektet kan inte starta innan beslut är fattat av Kultur- och fritidsnämnden.');
      expect((await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'fly' })).status).toBe(400);
      expect((await post('reader', `/admin/arvika/projekt/${p}/status`, { action: 'approve' })).status).toBe(403);
      expect((await post('other_coordinator', `/admin/ale/projekt/${p}/status`, { action: 'approve' })).status).toBe(404);
      expect((await get('coordinator', `/admin/arvika/projekt/${aleProject}/beslutsvag`)).status).toBe(404);
      // With the committee's decision, approve and start.
      await post('coordinator', '/admin/arvika/beslut/ny', { project_id: String(p), subject_sv: 'Start', route: 'committee', body_id: String(f.committee), decided_on: '2026-10-02', paragraph: '12', registry_mode: 'auto', outcome: 'approved' });
      expect((await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'approve' })).status).toBe(303);
      const started = await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'start' });
      expect(started.status).toBe(303);
      expect((await body(await get('coordinator', started.headers.get('location')!))).html).toContain('Projektets status är ändrad.');
      const row = await t.handle.db.selectFrom('projects').select(['lifecycle', 'status']).where('id', '=', p).executeTakeFirstOrThrow();
      expect(row).toEqual({ lifecycle: 'ongoing', status: 'ongoing' });
    });

    it('warns when the co-financing has outgrown the delegate’s approval, and refuses to start', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { title: 'Växande projekt', unit: f.department, funding: [{ kind: 'municipal_cash', kr: 100_000 }], lifecycle: 'awaiting_decision' });
      await post('coordinator', '/admin/arvika/beslut/ny', { project_id: String(p), subject_sv: 'Start', route: 'delegate', rule_id: String(f.rule32), decided_on: '2026-10-02', registry_mode: 'auto', outcome: 'approved' });
      expect((await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'approve' })).status).toBe(303);
      await setFunding(t.handle.db, p, [{ kind: 'municipal_cash', kr: 300_000 }]);
      const page = await body(await get('coordinator', `/admin/arvika/projekt/${p}/beslutsvag`));
      expect(text(page.html)).toContain('Beslutet täcker inte längre projektet som det ser ut nu');
      expect(text(page.html)).toContain('Medfinansieringen (300 000 kr) är större än vad delegationsordningen låter en delegat besluta om');
      const refused = await body(await post('coordinator', `/admin/arvika/projekt/${p}/status`, { action: 'start' }));
      expect(refused.status).toBe(409);
      expect(text(refused.html)).toContain('Projektet kan inte starta innan beslut är fattat av Kultur- och fritidsnämnden.');
    });

    it('a unit editor moves their own unit’s project, not another unit’s', async () => {
      const own = await addProject(t.handle.db, t.arvikaId, { unit: t.ownUnit.id });
      const other = await addProject(t.handle.db, t.arvikaId, { unit: t.otherUnit.id });
      expect((await post('unit_editor', `/admin/arvika/projekt/${own}/status`, { action: 'start_assessment' })).status).toBe(303);
      expect((await post('unit_editor', `/admin/arvika/projekt/${other}/status`, { action: 'start_assessment' })).status).toBe(403);
      expect((await post('unit_editor', `/admin/arvika/projekt/${own}/status`, { action: 'cancel' })).status).toBe(303);
      expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${own}/status`, { form: { action: 'cancel' }, noCsrf: true })).status).toBe(403);
    });

    it('the assessment form: all errors at once when completing, drafts by unit editors, completion by decision makers', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { unit: t.ownUnit.id, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }] });
      const editorPage = await body(await get('unit_editor', `/admin/arvika/projekt/${p}/bedomning`));
      expect(editorPage.status).toBe(200);
      expect(editorPage.html).toContain('value="draft"');
      expect(editorPage.html).not.toContain('value="complete"');
      expect(text(editorPage.html)).toContain('120 000 kr');
      expect(text(editorPage.html)).toContain('200 timmar');
      expect((await post('unit_editor', `/admin/arvika/projekt/${p}/bedomning`, { total_benefit: 'Nytta', intent: 'draft' })).status).toBe(303);
      expect((await post('unit_editor', `/admin/arvika/projekt/${p}/bedomning`, { total_benefit: 'Nytta', intent: 'complete' })).status).toBe(403);
      expect((await post('reader', `/admin/arvika/projekt/${p}/bedomning`, { total_benefit: 'Nytta', intent: 'draft' })).status).toBe(403);
      const incomplete = await body(await post('coordinator', `/admin/arvika/projekt/${p}/bedomning`, { total_benefit: 'Nytta för unga', intent: 'complete', recommendation: 'approve' }));
      expect(incomplete.status).toBe(400);
      const s = text(incomplete.html);
      for (const msg of ['Beskriv medborgarperspektivet.', 'Beskriv kopplingen till den ordinarie verksamheten.', 'Beskriv kopplingen till strategin.', 'Beskriv riskerna', 'Skriv förslaget till beslut.']) expect(s).toContain(msg);
      expect(incomplete.html).toContain('Nytta för unga');
      const complete = { total_benefit: 'N', citizen_perspective: 'M', operations_fit: 'O', strategy_fit: 'S', risks: 'R', recommendation: 'approve_with_conditions', recommendation_text: 'Nämnden beslutar att bevilja.', intent: 'complete' };
      const done = await post('coordinator', `/en/admin/arvika/projekt/${p}/bedomning`, complete);
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(`/en/admin/arvika/projekt/${p}/bedomning?klart=assessment_complete`);
      expect((await get('other_coordinator', `/admin/ale/projekt/${p}/bedomning`)).status).toBe(404);
      const badChoice = await body(await post('coordinator', `/admin/arvika/projekt/${p}/bedomning`, { ...complete, recommendation: 'maybe' }));
      expect(badChoice.status).toBe(400);
    });

    it('downloads the draft decision document as a Word file', async () => {
      const p = await addProject(t.handle.db, t.arvikaId, { title: 'Unga & gränser', unit: f.department, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }, { kind: 'eu_grant', kr: 900_000 }] });
      const res = await get('reader', `/admin/arvika/projekt/${p}/tjansteskrivelse.docx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers.get('content-disposition')).toContain(`tjansteskrivelse-projekt-${p}.docx`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const files = unzipEntries(Buffer.from(await res.arrayBuffer()));
      const xml = files.get('word/document.xml')!;
      expect(xml).toContain('Unga &amp; gränser');
      expect(xml).toContain('Arvika kommun');
      expect(xml).toContain('Kultur- och fritidsförvaltningen');
      expect(xml).toContain('>Beslutsväg<');
      expect(xml).toContain('<w:tblHeader/>');
      expect(xml.replace(/[\u00a0\u202f]/g, ' ')).toContain('200 timmar egen personal, värderat till 100 000 kr');
      expect(files.get('word/styles.xml')).toContain('sv-SE');
      expect((await get('other_coordinator', `/admin/ale/projekt/${p}/tjansteskrivelse.docx`)).status).toBe(404);
    });
  });

  describe('partnerships', () => {
    it('assessment, decision and activation, each refused until its time', async () => {
      const now = new Date().toISOString();
      const pid = Number(
        (
          await t.handle.db
            .insertInto('partnerships')
            .values({ municipality_id: t.arvikaId, kind: 'cooperation', title_sv: 'Nytt nätverk', title_en: null, status: 'proposed', summary_sv: 'Ett förslag.', summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: 'test', created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      const page = await body(await get('coordinator', `/admin/arvika/samarbeten/${pid}/aktivera`));
      expect(page.status).toBe(200);
      expect(text(page.html)).toContain('Bedömningen är klar: inte uppfyllt');
      const early = await body(await post('coordinator', `/admin/arvika/samarbeten/${pid}/aktivera`, {}));
      expect(early.status).toBe(409);
      expect(text(early.html)).toContain('innan bedömningen är klar');
      expect((await post('reader', `/admin/arvika/samarbeten/${pid}/aktivera`, {})).status).toBe(403);
      expect((await get('coordinator', `/admin/arvika/samarbeten/${alePartnership}/aktivera`)).status).toBe(404);
      const badNumbers = await body(await post('coordinator', `/admin/arvika/samarbeten/${pid}/bedomning`, { cash: 'tusen', staff_hours: '-3', intent: 'draft' }));
      expect(badNumbers.status).toBe(400);
      expect(text(badNumbers.html)).toContain('Skriv beloppet i kronor med siffror');
      expect(text(badNumbers.html)).toContain('Skriv antalet timmar med siffror');
      const done = await post('coordinator', `/admin/arvika/samarbeten/${pid}/bedomning`, { total_benefit: 'N', cash: '0', staff_hours: '40', citizen_perspective: 'M', operations_fit: 'O', strategy_fit: 'S', risks: 'R', recommendation: 'approve', recommendation_text: 'KS beslutar att inleda samarbetet.', intent: 'complete' });
      expect(done.status).toBe(303);
      const rec = await post('coordinator', '/admin/arvika/beslut/ny', { partnership_id: String(pid), subject_sv: 'Inledande av samarbetet', route: 'committee', body_id: String(f.board), decided_on: '2026-11-02', paragraph: '101', registry_mode: 'auto', outcome: 'approved' });
      expect(rec.status).toBe(303);
      expect(rec.headers.get('location')).toBe(`/admin/arvika/samarbeten/${pid}/aktivera?klart=decision`);
      const ok = await post('coordinator', `/en/admin/arvika/samarbeten/${pid}/aktivera`, {});
      expect(ok.status).toBe(303);
      const after = await body(await get('coordinator', ok.headers.get('location')!));
      expect(after.html).toContain('The partnership is now active.');
      const docx = await get('reader', `/admin/arvika/samarbeten/${pid}/tjansteskrivelse.docx`);
      expect(docx.status).toBe(200);
      expect(unzipEntries(Buffer.from(await docx.arrayBuffer())).get('word/document.xml')).toContain('Inledande av samarbetet Nytt nätverk');
    });
  });
});
