/**
 * The strategy back office over HTTP, on SQLite and PostgreSQL: the list, a new strategy, the
 * import from pasted text and from a Word file with its correction form and row buttons, tampered
 * forms, goals (add, edit, move, delete), adoption superseding the previous strategy, reviews,
 * versions, the follow-up lists and their setting, the audit trail, permissions and 404s.
 */
import fs from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/database.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const ALE_TEXT = fs.readFileSync(new URL('../../../shared/seeds/004_80a054d53fd2fabb.txt', import.meta.url), 'utf8');
const GROUP_1 = 'Inriktning för Ale kommuns internationella arbete';
const GROUP_2 = 'Inriktning för Ale kommuns vänortssamarbete';

type Fields = Record<string, string>;

/** The named fields of the form posting to `action` (inputs but buttons and files, and textareas), decoded. */
function formFields(html: string, action: string): Fields {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Fields = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const type = /\btype="([^"]*)"/.exec(tag)?.[1] ?? 'text';
    if (!name || name === '_csrf' || type === 'file' || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(tag)) continue;
    out[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[decode(m[1]!)] = decode(m[2]!);
  return out;
}

/** The rows of a correction form as "depth|title", in order. */
function rowsOf(f: Fields): string[] {
  const n = Number(f.count);
  return Array.from({ length: n }, (_, i) => `${f[`node.${i}.depth`]}|${f[`node.${i}.title`]}`);
}

describe.each(kinds)('strategy back office on %s', (kind) => {
  let t: AdminTestApp;
  const REVIEW_PATH = '/admin/arvika/strategi/importera/granska';
  const count = async (table: 'strategies' | 'strategy_goals' | 'strategy_versions' | 'strategy_reviews') => Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = (entity: string, id: number) => t.handle.db.selectFrom('audit_log').select(['action', 'before_data', 'after_data']).where('entity', '=', entity).where('entity_id', '=', String(id)).orderBy('id').execute();
  const versions = async (id: number) => (await t.handle.db.selectFrom('strategy_versions').select('version').where('strategy_id', '=', id).orderBy('version').execute()).map((v) => Number(v.version));
  const idFrom = (res: Response) => Number(/\/strategi\/(\d+)(?:\?|$)/.exec(res.headers.get('location') ?? '')?.[1]);
  const goalIdFrom = (res: Response) => Number(/\/mal\/(\d+)\?/.exec(res.headers.get('location') ?? '')?.[1]);

  /** The correction form of Ale's strategy, as pasted text. */
  const aleProposal = async (): Promise<Fields> => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { form: { text: ALE_TEXT } });
    expect(res.status).toBe(200);
    return formFields(await res.text(), REVIEW_PATH);
  };
  const op = async (f: Fields, which: string) => {
    const res = await t.request(t.users.coordinator, REVIEW_PATH, { form: { ...f, op: which } });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists the strategies to every role; only coordinators and administrators get the buttons and forms', async () => {
    const html = await (await t.request(t.users.reader, '/admin/arvika/strategi')).text();
    expect(html).toContain('<h1>Strategi och mål</h1>');
    expect(html).not.toContain('/admin/arvika/strategi/importera');
    const coordinator = await (await t.request(t.users.coordinator, '/admin/arvika/strategi')).text();
    expect(coordinator).toContain('Importera strategi från text eller fil');
    expect(coordinator).toContain('href="/admin/arvika/strategi/ny"');
    for (const user of [t.users.reader, t.users.unit_editor]) {
      for (const path of ['/admin/arvika/strategi/ny', '/admin/arvika/strategi/importera']) expect((await t.request(user, path)).status, path).toBe(403);
      expect((await t.request(user, '/admin/arvika/strategi/importera', { form: { text: ALE_TEXT } })).status).toBe(403);
      expect((await t.request(user, REVIEW_PATH, { form: { count: '0', op: 'confirm', title_sv: 'X' } })).status).toBe(403);
    }
    const en = await (await t.request(t.users.coordinator, '/en/admin/arvika/strategi')).text();
    expect(en).toContain('<h1>Strategy and goals</h1>');
    expect(en).toContain('Import a strategy from text or a file');
  });

  it('creates a draft strategy with version 1 and an audit entry; refuses an invalid form without writing', async () => {
    const before = await count('strategies');
    const bad = await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: '', adopted_on: '2012-13-45', minute_paragraph: '§ 258' } });
    expect(bad.status).toBe(400);
    const html = decode(await bad.text());
    expect(html).toContain('href="#title_sv"');
    expect(html).toContain('Datum för beslutet måste vara ett datum');
    expect(html).toContain('value="§ 258"');
    expect(await count('strategies')).toBe(before);

    const res = await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', {
      form: { title_sv: 'Internationell strategi', vision_sv: 'Arvika – en attraktiv kommun', adopted_by: 'Kommunstyrelsen', adopted_on: '2012-11-12', minute_paragraph: '§ 258', registry_number: 'KS 2012/123' },
    });
    expect(res.status).toBe(303);
    const id = idFrom(res);
    expect(res.headers.get('location')).toBe(`/admin/arvika/strategi/${id}?klart=created`);
    const row = await t.handle.db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', adopted_by: 'Kommunstyrelsen', adopted_on: '2012-11-12', minute_paragraph: '§ 258' });
    expect(await versions(id)).toEqual([1]);
    expect((await audits('strategy', id)).map((a) => a.action)).toEqual(['create']);
    const page = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${id}?klart=created`)).text());
    expect(page).toContain('Strategin är sparad som utkast.');
    expect(page).toContain('Kommunstyrelsen');
    expect(page).toContain('12 november 2012');
    expect(page).toContain('Arvika – en attraktiv kommun');
    // A reader sees no buttons that change anything.
    expect(page).not.toContain(`/strategi/${id}/redigera`);
    expect(page).not.toContain(`/strategi/${id}/anta`);
  });

  it('imports Ale’s strategy from pasted text: the proposal, the warning, and on confirmation 2 groups with 6 and 5 directions', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { form: { text: ALE_TEXT } });
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('Att kontrollera');
    expect(html).toContain('Inget beslut om antagande hittades');
    // Every row button names its row.
    expect(html).toContain('Flytta ned<span class="visually-hidden">: Stödja internationellt samarbete</span>');
    expect(html).toContain('Öka nivå<span class="visually-hidden">: Utveckla den internationella kompetensen hos förtroendevalda och personal</span>');
    const f = formFields(html, REVIEW_PATH);
    expect(f.title_sv).toBe('Ale kommuns internationella strategi');
    expect(f.vision_sv).toContain('Göteborgsregionens betydelsefulla roll i Europa');
    const rows = rowsOf(f);
    expect(rows.filter((r) => r.startsWith('0|'))).toEqual([`0|${GROUP_1}`, `0|${GROUP_2}`]);
    expect(rows.filter((r) => r.startsWith('1|'))).toHaveLength(11);
    expect(await count('strategies')).toBeGreaterThan(0);
    const before = await count('strategies');

    const done = await t.request(t.users.coordinator, REVIEW_PATH, { form: { ...f, op: 'confirm' } });
    expect(done.status).toBe(303);
    const id = idFrom(done);
    expect(done.headers.get('location')).toBe(`/admin/arvika/strategi/${id}?klart=imported`);
    expect(await count('strategies')).toBe(before + 1);
    const goals = await t.handle.db.selectFrom('strategy_goals').selectAll().where('strategy_id', '=', id).execute();
    const top = goals.filter((g) => g.parent_id === null).sort((a, b) => Number(a.position) - Number(b.position));
    expect(top.map((g) => g.title_sv)).toEqual([GROUP_1, GROUP_2]);
    expect(top.map((g) => goals.filter((c) => Number(c.parent_id) === Number(g.id)).length)).toEqual([6, 5]);
    const strategy = await t.handle.db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(strategy.status).toBe('draft');
    expect(strategy.municipality_id === t.arvikaId || Number(strategy.municipality_id) === t.arvikaId).toBe(true);
    expect((await versions(id)).length).toBeGreaterThanOrEqual(1);
    expect((await audits('strategy', id)).map((a) => a.action)).toContain('import');
    const page = decode(await (await t.request(t.users.coordinator, done.headers.get('location')!)).text());
    expect(page).toContain('Strategin är importerad som utkast.');
    expect(page).toContain('Öka förståelsen mellan människor i olika länder');
  });

  it('reads an uploaded Word document the same way', async () => {
    const paragraphs = ALE_TEXT.split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => (l.startsWith('- ') ? new Paragraph({ text: l.slice(2), bullet: { level: 0 } }) : new Paragraph({ text: l })));
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], 'Ale internationell strategi.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    const res = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { multipart: form });
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('Källa: Ale internationell strategi.docx');
    const rows = rowsOf(formFields(html, REVIEW_PATH));
    expect(rows.filter((r) => r.startsWith('0|'))).toEqual([`0|${GROUP_1}`, `0|${GROUP_2}`]);
    expect(rows.filter((r) => r.startsWith('1|'))).toHaveLength(11);
  });

  it('refuses an empty text, no file, a file of the wrong kind and a file that is too large', async () => {
    const empty = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { form: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(decode(await empty.text())).toContain('Klistra in strategins text.');
    const none = new FormData();
    none.set('file', new File([], ''));
    expect((await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { multipart: none })).status).toBe(400);
    const pdf = new FormData();
    pdf.set('file', new File([new TextEncoder().encode('%PDF-1.4')], 'strategi.pdf'));
    const wrong = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { multipart: pdf });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('field-error');
    const big = new FormData();
    big.set('file', new File([new Uint8Array(2 * 1024 * 1024 + 1).fill(65)], 'stor.txt'));
    const large = await t.request(t.users.coordinator, '/admin/arvika/strategi/importera', { multipart: big });
    expect(large.status).toBe(413);
    expect(decode(await large.text())).toContain('Filen är för stor. Den får vara högst 2 MB.');
  });

  it('moves, indents, outdents, merges, deletes and adds rows through the form, keeping what was typed', async () => {
    const f = await aleProposal();
    const typed = { ...f, 'node.3.title': 'Tillvarata EU:s finansiering' };

    const up = await op(typed, 'up:2');
    expect(up.status).toBe(200);
    const u = formFields(up.html, REVIEW_PATH);
    expect(rowsOf(u).slice(1, 4)).toEqual(['1|Utveckla den internationella kompetensen hos förtroendevalda och personal', '1|Stödja internationellt samarbete', '1|Tillvarata EU:s finansiering']);

    const indented = formFields((await op(f, 'indent:2')).html, REVIEW_PATH);
    expect(rowsOf(indented)[2]).toBe('2|Utveckla den internationella kompetensen hos förtroendevalda och personal');
    expect(decode((await op(f, 'indent:2')).html)).toContain('Nivå 3');

    const outdented = formFields((await op(f, 'outdent:1')).html, REVIEW_PATH);
    expect(rowsOf(outdented).slice(5, 8)).toEqual(['1|Öka förståelsen mellan människor i olika länder', '0|Stödja internationellt samarbete', `0|${GROUP_2}`]);

    const merged = formFields((await op(f, 'merge:7')).html, REVIEW_PATH);
    expect(Number(merged.count)).toBe(12);
    expect(rowsOf(merged).filter((r) => r.startsWith('0|'))).toEqual([`0|${GROUP_1}`]);
    expect(merged['node.0.description']).toContain(GROUP_2);

    const deleted = formFields((await op(f, 'delete:0')).html, REVIEW_PATH);
    expect(rowsOf(deleted).slice(0, 7)).toEqual([
      '0|Stödja internationellt samarbete',
      '0|Utveckla den internationella kompetensen hos förtroendevalda och personal',
      '0|Tillvarata finansieringsmöjligheter som EU erbjuder i kommunens utvecklingsarbete',
      '0|Etablera kommersiella kontakter för att stödja näringslivet',
      '0|Öka kommuninvånarnas delaktighet avseende kommunens internationella arbete',
      '0|Öka förståelsen mellan människor i olika länder',
      `0|${GROUP_2}`,
    ]);

    const added = formFields((await op(f, 'add:12')).html, REVIEW_PATH);
    expect(Number(added.count)).toBe(14);
    expect(added['node.13.title']).toBe('');
    expect(added['node.13.level']).toBe(f['node.12.level']);
    // Enter in a field redraws the form: nothing moves.
    expect(rowsOf(formFields((await op(f, 'refresh')).html, REVIEW_PATH))).toEqual(rowsOf(f));
  });

  it('refuses a tampered correction form with a clear message and writes nothing', async () => {
    const f = await aleProposal();
    const before = await count('strategies');
    const cases: [Fields, string][] = [
      [{ ...f, 'node.3.depth': '3' }, 'Formulärets nivåer hänger inte ihop'],
      [{ ...f, 'node.0.depth': '1' }, 'Formulärets nivåer hänger inte ihop'],
      [{ ...f, count: '100000' }, 'Trädet får ha högst 500 mål'],
      [{ ...f, count: 'många' }, 'antalet mål saknas eller är felaktigt'],
      [{ ...f, count: '14' }, 'uppgifter om ett eller flera mål saknas'],
    ];
    for (const [form, message] of cases) {
      const res = await op(form, 'confirm');
      expect(res.status, message).toBe(400);
      expect(decode(res.html)).toContain(message);
    }
    const { 'node.4.title': _gone, ...missing } = f;
    expect((await op(missing, 'up:4')).status).toBe(400);
    const unknown = await op(f, 'explode:1');
    expect(unknown.status).toBe(400);
    expect(decode(unknown.html)).toContain('en knapp som Utblick inte känner igen');
    expect(await count('strategies')).toBe(before);
  });

  it('answers any hand-made correction form with a page, never a server error, and writes nothing unconfirmed', async () => {
    const before = await count('strategies');
    const opArb = fc.oneof(fc.constantFrom('confirm', 'refresh', '', 'add:-1'), fc.tuple(fc.constantFrom('up', 'down', 'indent', 'outdent', 'merge', 'delete', 'add', 'x'), fc.integer({ min: -3, max: 12 })).map(([k, i]) => `${k}:${i}`), fc.string({ maxLength: 12 }));
    const rowArb = fc.record({ depth: fc.oneof(fc.nat(4).map(String), fc.string({ maxLength: 3 })), level: fc.string({ maxLength: 20 }), title: fc.string({ maxLength: 40 }), description: fc.string({ maxLength: 40 }) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 8 }), fc.oneof(fc.constant(undefined), fc.nat(12).map(String), fc.string({ maxLength: 4 })), opArb, async (rows, countField, which) => {
        const form: Record<string, string> = { title_sv: 'Handgjord', op: which };
        if (countField !== undefined) form.count = countField;
        rows.forEach((r, i) => {
          for (const [k, v] of Object.entries(r)) if (v !== undefined) form[`node.${i}.${k}`] = v;
        });
        const res = await t.request(t.users.coordinator, REVIEW_PATH, { form });
        expect([200, 303, 400]).toContain(res.status);
      }),
      { numRuns: 60 },
    );
    // Only a confirmed, valid form is saved; count what got through.
    const saved = (await count('strategies')) - before;
    const titles = await t.handle.db.selectFrom('strategies').select('title_sv').orderBy('id', 'desc').limit(Math.max(1, saved)).execute();
    if (saved > 0) expect(titles.every((r) => r.title_sv === 'Handgjord')).toBe(true);
  });

  it('validates everything on confirmation and shows all errors at once, beside each field', async () => {
    const f = await aleProposal();
    const before = await count('strategies');
    const res = await op({ ...f, title_sv: '', adopted_on: '12 nov 2012', 'node.2.title': '  ', 'node.5.level': '' }, 'confirm');
    expect(res.status).toBe(400);
    const html = decode(res.html);
    expect(html).toContain('href="#title_sv"');
    expect(html).toContain('href="#adopted_on"');
    expect(html).toContain('<a href="#node.2.title">Mål 3: Fyll i rubrik.</a>');
    expect(html).toContain('<a href="#node.5.level">Mål 6: Fyll i nivåns namn, till exempel Målområde.</a>');
    expect(html).toContain('id="node.2.title-error"');
    expect(html).toContain('value="12 nov 2012"');
    expect(await count('strategies')).toBe(before);
  });

  it('adds, edits, moves and deletes goals, each as a new version with an audit entry', async () => {
    const s = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi för målträdet' } }));
    const top = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { level_name: 'Övergripande mål', title_sv: 'Attraktiv kommun', weight: '2,5' } });
    expect(top.status).toBe(303);
    const a = goalIdFrom(top);
    expect(top.headers.get('location')).toBe(`/admin/arvika/strategi/${s}/mal/${a}?klart=created`);
    const child = goalIdFrom(await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { parent_id: String(a), level_name: 'Aktivitet', title_sv: 'Språkkurser för personal' } }));
    const second = goalIdFrom(await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { level_name: 'Övergripande mål', title_sv: 'Demokratiutveckling' } }));
    expect(await versions(s)).toEqual([1, 2, 3, 4]);
    expect(Number((await t.handle.db.selectFrom('strategy_goals').select('weight').where('id', '=', a).executeTakeFirstOrThrow()).weight)).toBe(2.5);
    expect((await audits('strategy_goal', a)).map((x) => x.action)).toEqual(['create']);

    // The form suggests the level name used below the chosen parent.
    const suggest = decode(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny?parent=${second}`)).text());
    expect(suggest).toContain('name="level_name" type="text" value="Aktivitet"');
    expect(suggest).toContain('Nivå 2: Aktivitet');

    const goalsBefore = await count('strategy_goals');
    const bad = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { parent_id: 'abc', level_name: '', title_sv: '', weight: '200' } });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    for (const field of ['parent_id', 'level_name', 'title_sv', 'weight']) expect(badHtml, field).toContain(`href="#${field}"`);
    expect(await count('strategy_goals')).toBe(goalsBefore);

    // Not under itself or its own sub-goal.
    for (const parent of [a, child]) {
      const res = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${a}/redigera`, { form: { parent_id: String(parent), level_name: 'Övergripande mål', title_sv: 'Attraktiv kommun', weight: '1' } });
      expect(res.status).toBe(400);
      expect(decode(await res.text())).toContain('Ett mål kan inte flyttas in under sig självt eller något av sina egna undermål.');
    }
    // Move the activity under the second goal, then to the top as the first goal.
    const moved = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${child}/redigera`, { form: { parent_id: String(second), level_name: 'Aktivitet', title_sv: 'Språkkurser för personal', weight: '1' } });
    expect(moved.status).toBe(303);
    expect(Number((await t.handle.db.selectFrom('strategy_goals').select('parent_id').where('id', '=', child).executeTakeFirstOrThrow()).parent_id)).toBe(second);
    expect((await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${child}/redigera`, { form: { parent_id: '', level_name: 'Övergripande mål', title_sv: 'Språk', weight: '1', position: '1' } })).status).toBe(303);
    const order = await t.handle.db.selectFrom('strategy_goals').select(['id', 'position']).where('strategy_id', '=', s).where('parent_id', 'is', null).orderBy('position').execute();
    expect(order.map((g) => Number(g.id))).toEqual([child, a, second]);
    expect((await audits('strategy_goal', child)).map((x) => x.action)).toEqual(['create', 'move', 'move']);
    const rename = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${a}/redigera`, { form: { parent_id: '', level_name: 'Övergripande mål', title_sv: 'En attraktiv kommun', weight: '1', position: '2' } });
    expect(rename.status).toBe(303);
    expect((await audits('strategy_goal', a)).map((x) => x.action)).toEqual(['create', 'update']);
    expect(await versions(s)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Deleting a goal with sub-goals needs the tick; then the subtree goes.
    const sub = goalIdFrom(await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { parent_id: String(second), level_name: 'Aktivitet', title_sv: 'Medborgardialog' } }));
    const confirmPage = decode(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${second}/ta-bort`)).text());
    expect(confirmPage).toContain('Undermål som också tas bort: 1.');
    const unticked = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${second}/ta-bort`, { form: {} });
    expect(unticked.status).toBe(400);
    expect(decode(await unticked.text())).toContain('Kryssa i att du förstår vad som tas bort.');
    expect(await count('strategy_goals')).toBe(goalsBefore + 1);
    const gone = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${second}/ta-bort`, { form: { confirm: 'yes' } });
    expect(gone.status).toBe(303);
    expect(gone.headers.get('location')).toBe(`/admin/arvika/strategi/${s}?klart=goalDeleted`);
    expect(await t.handle.db.selectFrom('strategy_goals').select('id').where('id', 'in', [second, sub]).execute()).toEqual([]);
    expect((await audits('strategy_goal', second)).map((x) => x.action)).toEqual(['create', 'delete']);
    // A goal without sub-goals or links goes without the tick.
    expect((await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${child}/ta-bort`, { form: {} })).status).toBe(303);

    for (const user of [t.users.reader, t.users.unit_editor]) {
      expect((await t.request(user, `/admin/arvika/strategi/${s}/mal/ny`)).status).toBe(403);
      expect((await t.request(user, `/admin/arvika/strategi/${s}/mal/${a}/redigera`, { form: { level_name: 'X', title_sv: 'Y' } })).status).toBe(403);
      expect((await t.request(user, `/admin/arvika/strategi/${s}/mal/${a}/ta-bort`, { form: { confirm: 'yes' } })).status).toBe(403);
    }
    expect((await t.request(t.users.reader, `/admin/arvika/strategi/${s}/mal/${a}`)).status).toBe(200);
  });

  it('edits the facts as a new version and refuses a stale form', async () => {
    const s = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi att ändra' } }));
    const form = formFields(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/redigera`)).text(), `/admin/arvika/strategi/${s}/redigera`);
    expect(form.title_sv).toBe('Strategi att ändra');
    const bad = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/redigera`, { form: { ...form, title_sv: '' } });
    expect(bad.status).toBe(400);
    expect(await versions(s)).toEqual([1]);
    const ok = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/redigera`, { form: { ...form, responsibilities_sv: 'Kommunstyrelsen leder arbetet.' } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/admin/arvika/strategi/${s}?klart=updated`);
    expect(await versions(s)).toEqual([1, 2]);
    const audit = await audits('strategy', s);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.after_data!).responsibilities_sv).toBe('Kommunstyrelsen leder arbetet.');
    const stale = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/redigera`, { form: { ...form, title_sv: 'Annan titel' } });
    expect(stale.status).toBe(409);
    expect(await versions(s)).toEqual([1, 2]);

    // The versions, and one version as it was.
    const history = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${s}/historik`)).text());
    expect(history).toContain('Strategins uppgifter ändrades');
    expect(history).toContain('Sara Samordnare');
    const v1 = await t.request(t.users.reader, `/admin/arvika/strategi/${s}/historik?version=1`);
    expect(v1.status).toBe(200);
    expect(decode(await v1.text())).toContain('Version 1 av Strategi att ändra');
    for (const v of ['9999', 'x', '0']) expect((await t.request(t.users.reader, `/admin/arvika/strategi/${s}/historik?version=${v}`)).status, v).toBe(404);
  });

  it('adopts a strategy only with its decision, supersedes the previous one, and keeps one adopted strategy', async () => {
    const first = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi 2012' } }));
    const refused = await t.request(t.users.coordinator, `/admin/arvika/strategi/${first}/anta`, { form: {} });
    expect(refused.status).toBe(400);
    const refusedHtml = decode(await refused.text());
    expect(refusedHtml).toContain('Fyll i vem som antog strategin innan den kan antas i Utblick.');
    expect(refusedHtml).toContain('<a href="#adopted_on">');
    expect((await t.handle.db.selectFrom('strategies').select('status').where('id', '=', first).executeTakeFirstOrThrow()).status).toBe('draft');
    expect(await versions(first)).toEqual([1]);

    for (const user of [t.users.reader, t.users.unit_editor]) expect((await t.request(user, `/admin/arvika/strategi/${first}/anta`, { form: {} })).status).toBe(403);

    const form = formFields(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${first}/redigera`)).text(), `/admin/arvika/strategi/${first}/redigera`);
    await t.request(t.users.coordinator, `/admin/arvika/strategi/${first}/redigera`, { form: { ...form, adopted_by: 'Kommunstyrelsen', adopted_on: '2012-11-12', minute_paragraph: '§ 258' } });
    const adopted = await t.request(t.users.coordinator, `/admin/arvika/strategi/${first}/anta`, { form: {} });
    expect(adopted.status).toBe(303);
    const adoptedIn = async () => (await t.handle.db.selectFrom('strategies').select('id').where('municipality_id', '=', t.arvikaId).where('status', '=', 'adopted').execute()).map((r) => Number(r.id));
    expect(await adoptedIn()).toEqual([first]);

    const second = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi 2027', adopted_by: 'Kommunfullmäktige', adopted_on: '2026-10-20', minute_paragraph: '§ 12' } }));
    const next = await t.request(t.users.municipal_admin, `/admin/arvika/strategi/${second}/anta`, { form: {} });
    expect(next.status).toBe(303);
    expect(next.headers.get('location')).toBe(`/admin/arvika/strategi/${second}?klart=adoptedSuperseding`);
    expect(await adoptedIn()).toEqual([second]);
    const old = await t.handle.db.selectFrom('strategies').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    expect(old.status).toBe('superseded');
    expect(Number(old.superseded_by_id)).toBe(second);
    expect((await audits('strategy', first)).map((a) => a.action)).toEqual(['create', 'update', 'adopt', 'supersede']);
    expect((await audits('strategy', second)).map((a) => a.action)).toEqual(['create', 'adopt']);
    expect(await versions(first)).toEqual([1, 2, 3, 4]);
    const oldPage = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${first}`)).text());
    expect(oldPage).toContain('Ersatt av');
    expect(oldPage).toContain(`href="/admin/arvika/strategi/${second}"`);
    // A superseded strategy cannot be adopted again.
    expect((await t.request(t.users.coordinator, `/admin/arvika/strategi/${first}/anta`, { form: {} })).status).toBe(409);
    const list = decode(await (await t.request(t.users.reader, '/admin/arvika/strategi')).text());
    expect(list).toContain('Ersatt');
    expect(list).toContain('Kommunfullmäktige 20 oktober 2026, § 12');
  });

  it('records a review (decide) and shows when the next one is due', async () => {
    const s = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi att se över', adopted_by: 'Kommunstyrelsen', adopted_on: '2019-05-01' } }));
    expect((await t.request(t.users.reader, `/admin/arvika/strategi/${s}/oversyn`)).status).toBe(403);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/strategi/${s}/oversyn`, { form: { reviewed_on: '2026-01-01', outcome: 'unchanged' } })).status).toBe(403);
    expect((await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/oversyn`)).status).toBe(200);
    const before = await count('strategy_reviews');
    const bad = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/oversyn`, { form: { reviewed_on: '2999-01-01', outcome: 'maybe', note_sv: 'Kvar' } });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain('Datum för översynen kan inte ligga i framtiden.');
    expect(badHtml).toContain('href="#outcome"');
    expect(badHtml).toContain('>Kvar</textarea>');
    expect(await count('strategy_reviews')).toBe(before);
    const ok = await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/oversyn`, { form: { reviewed_on: '2023-03-01', outcome: 'revise', note_sv: 'Ny handlingsplan behövs.', decision_reference: 'KS 2023-03-01 § 45' } });
    expect(ok.status).toBe(303);
    const review = await t.handle.db.selectFrom('strategy_reviews').selectAll().where('strategy_id', '=', s).executeTakeFirstOrThrow();
    expect(review).toMatchObject({ reviewed_on: '2023-03-01', outcome: 'revise', decision_reference: 'KS 2023-03-01 § 45' });
    expect((await audits('strategy_review', Number(review.id))).map((a) => a.action)).toEqual(['review']);
    await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/anta`, { form: {} });
    const page = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${s}`)).text());
    expect(page).toContain('Strategin ska revideras');
    expect(page).toContain('KS 2023-03-01 § 45');
    expect(page).toMatch(/Nästa översyn<\/dt><dd>[^<]*<span class="tag tag--(not_due|due|overdue)">/);
  });

  it('shows late measures, measures without a report and goals nothing serves; the setting changes the limit', async () => {
    const db = t.handle.db;
    const s = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Strategi att följa upp' } }));
    const goal = async (title: string, parent?: number) =>
      goalIdFrom(await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/ny`, { form: { parent_id: parent ? String(parent) : '', level_name: parent ? 'Aktivitet' : 'Målområde', title_sv: title } }));
    const area = await goal('Ett attraktivt Arvika');
    const served = await goal('Utbyten för unga', area);
    const projectGoal = await goal('Gränsregionalt samarbete', area);
    await goal('Demokratiutveckling');
    const ts = nowIso();
    const plan = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: t.arvikaId, strategy_id: s, title_sv: 'Handlingsplan 2026–2027', title_en: null, period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', previous_plan_id: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const measure = async (title: string, endDate: string, reportedAt: string | null, createdAt = ts) =>
      Number(
        (
          await db
            .insertInto('measures')
            .values({ municipality_id: t.arvikaId, plan_id: plan, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: t.ownUnit.id, start_date: '2026-01-01', end_date: endDate, status: 'ongoing', progress: 40, progress_updated_at: reportedAt, created_at: createdAt, updated_at: ts })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const thirtyDaysAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const late = await measure('Språkkurs för handläggare', '2020-06-30', ts);
    await measure('Vänortsbesök i Skive', '2099-12-31', thirtyDaysAgo);
    await measure('Aldrig rapporterad åtgärd', '2099-12-31', null, '2001-01-01T00:00:00.000Z');
    await db.insertInto('measure_goals').values({ measure_id: late, goal_id: served }).execute();
    const project = await db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', t.arvikaId).orderBy('id').executeTakeFirstOrThrow();
    const partnership = await db.selectFrom('partnerships').select(['id', 'title_sv']).where('municipality_id', '=', t.arvikaId).orderBy('id').executeTakeFirstOrThrow();
    await db.insertInto('project_goals').values({ project_id: Number(project.id), goal_id: projectGoal }).execute();
    await db.insertInto('partnership_goals').values({ partnership_id: Number(partnership.id), goal_id: projectGoal }).execute();
    await db.insertInto('goal_progress_history').values({ goal_id: served, recorded_on: '2026-01-15', progress: 20, light: 'on_track' }).execute();

    const page = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${s}`)).text());
    expect(page).toContain('Försenade åtgärder (1)');
    expect(page).toContain('Språkkurs för handläggare');
    expect(page).toContain(`href="/admin/arvika/handlingsplaner/${plan}"`);
    expect(page).toContain('Åtgärder utan lägesrapport (1)');
    expect(page).toContain('Aldrig (inlagd 1 januari 2001)');
    expect(page).toContain('Mål utan åtgärd, projekt eller samarbete (1)');
    expect(page).toMatch(/Mål utan åtgärd[\s\S]*Demokratiutveckling/);
    expect(page).toContain('mer än 90 dagar');
    expect(page).toContain('Handlingsplan 2026–2027');
    // The reader cannot change the setting.
    expect(page).not.toContain('name="stale_after_days"');
    expect((await t.request(t.users.reader, '/admin/arvika/strategi/installningar', { form: { stale_after_days: '10', strategy_id: String(s) } })).status).toBe(403);

    const bad = await t.request(t.users.coordinator, '/admin/arvika/strategi/installningar', { form: { stale_after_days: '0', strategy_id: String(s) } });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain('Antal dagar måste vara ett heltal mellan 1 och 730');
    expect(badHtml).toContain('value="0"');
    const saved = await t.request(t.users.coordinator, '/admin/arvika/strategi/installningar', { form: { stale_after_days: '10', strategy_id: String(s) } });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/admin/arvika/strategi/${s}?klart=settings#uppfoljning`);
    expect(Number((await db.selectFrom('municipality_settings').select('stale_after_days').where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow()).stale_after_days)).toBe(10);
    expect((await audits('municipality_settings', t.arvikaId)).map((a) => a.action)).toContain('update');
    const after = decode(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}?klart=settings`)).text());
    expect(after).toContain('Åtgärder utan lägesrapport (2)');
    expect(after).toContain('Inställningen för uppföljning är sparad.');
    expect(after).toContain('name="stale_after_days" type="text" value="10"');

    // The goal pages: progress, history, the measures, projects and partnerships serving them.
    const servedPage = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${s}/mal/${served}`)).text());
    expect(servedPage).toContain('Språkkurs för handläggare');
    expect(servedPage).toContain('role="img"');
    expect(servedPage).toContain('15 januari 2026');
    expect(servedPage).toContain('20 %');
    expect(servedPage).toContain('Så räknas det');
    const projectPage = decode(await (await t.request(t.users.reader, `/admin/arvika/strategi/${s}/mal/${projectGoal}`)).text());
    expect(projectPage).toContain(`href="/admin/arvika/projekt/${project.id}"`);
    expect(projectPage).toContain(`href="/admin/arvika/samarbeten/${partnership.id}"`);
    const areaDelete = decode(await (await t.request(t.users.coordinator, `/admin/arvika/strategi/${s}/mal/${area}/ta-bort`)).text());
    expect(areaDelete).toContain('Undermål som också tas bort: 2.');
    expect(areaDelete).toContain('Åtgärder som kopplas bort från målet: 1.');
    expect(areaDelete).toContain('Projekt som kopplas bort från målet: 1.');
    expect(areaDelete).toContain('Samarbeten som kopplas bort från målet: 1.');
    const en = await (await t.request(t.users.reader, `/en/admin/arvika/strategi/${s}`)).text();
    expect(en).toContain('Follow-up');
    expect(en).toContain('Late measures (1)');
  });

  it('another municipality’s strategy or goal, or a goal of another strategy, is 404', async () => {
    const ale = idFrom(await t.request(t.users.other_coordinator, '/admin/ale/strategi/ny', { form: { title_sv: 'Ale kommuns internationella strategi' } }));
    expect(ale).toBeGreaterThan(0);
    const aleGoal = goalIdFrom(await t.request(t.users.other_coordinator, `/admin/ale/strategi/${ale}/mal/ny`, { form: { level_name: 'Inriktning', title_sv: 'Stödja internationellt samarbete' } }));
    const own = idFrom(await t.request(t.users.coordinator, '/admin/arvika/strategi/ny', { form: { title_sv: 'Egen strategi' } }));
    for (const path of [`/admin/arvika/strategi/${ale}`, `/admin/arvika/strategi/${ale}/redigera`, `/admin/arvika/strategi/${ale}/historik`, `/admin/arvika/strategi/${ale}/mal/${aleGoal}`, `/admin/arvika/strategi/${own}/mal/${aleGoal}`, '/admin/arvika/strategi/999999999', '/admin/arvika/strategi/abc']) {
      expect((await t.request(t.users.coordinator, path)).status, path).toBe(404);
    }
    expect((await t.request(t.users.coordinator, `/admin/arvika/strategi/${ale}/anta`, { form: {} })).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/ale/strategi/${ale}`)).status).toBe(404);
    expect((await t.request(t.users.other_coordinator, `/admin/ale/strategi/${ale}/mal/${aleGoal}`)).status).toBe(200);
  });
});
