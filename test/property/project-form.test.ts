/**
 * Property test of the project form: generated values for every field, posted as a unit editor
 * and as a coordinator, new and edit. Whatever comes in, the answer is never a 5xx; a refused
 * form writes nothing; an accepted one writes the whole project exactly as validated (no half-
 * written record), with an audit entry; no typed value appears unescaped.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectData, type ProjectData } from '../../src/features/editing/project-data.js';
import { loadFormRefs, parseProjectForm } from '../../src/features/editing/project-form.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</textarea><b>fet</b>', '\u0000', '\r\n', '%00', '${7*7}'];

const junk = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n })).map(String) },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 6000 }) },
);
const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const amount = fc.oneof(fc.nat({ max: 10_000_000 }).map(String), fc.tuple(fc.nat({ max: 999_999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a.toLocaleString('sv-SE')},${b}`));

describe.each(kinds)('the project form never breaks on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 90_000);
  afterAll(async () => t?.close());
  const numRuns = kind === 'sqlite' ? 150 : 50;

  it('generated forms: no 5xx, nothing partial, no unescaped input', async () => {
    const db = t.handle.db;
    const refs = await loadFormRefs(db, t.arvikaId);
    const ids = (xs: { id: number }[]) => xs.map((x) => String(x.id));
    const units = ids(refs.units);
    const orgs = ids(refs.externalOrgs);
    const programmes = ids(refs.programmes);
    const line = fc.string({ minLength: 1, maxLength: 60 }).filter((x) => x.trim() !== '' && !/[\r\n]/.test(x));
    /** A form that should pass, with optional fields sometimes left empty. */
    const validForm = fc
      .record({
        kind: fc.constantFrom('project', 'exchange', 'visit', 'study_trip', 'network_activity', 'training'),
        title_sv: line,
        title_en: fc.oneof(fc.constant(''), line),
        summary_sv: fc.string({ maxLength: 300 }),
        owner_unit_id: fc.constant(String(t.ownUnit.id)),
        municipality_role: fc.constantFrom('', 'lead', 'partner', 'associated'),
        programme_id: fc.constantFrom('', ...programmes),
        dates: fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        participants: fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 200 })).map(([a, b]) => [String(Math.max(a, b)), String(Math.min(a, b))]),
        themes: fc.subarray(['youth', 'business', 'culture']),
        partnerships: fc.subarray(ids(refs.partnerships)),
        country: fc.constantFrom('', 'NO', 'FI', 'fi', 'DE'),
        partner: fc.constantFrom('', ...orgs),
        role: fc.constantFrom('lead', 'partner', 'associated', 'other'),
        fundingKind: fc.constantFrom('eu_grant', 'municipal_cash', 'own_staff_time'),
        amount: fc.oneof(fc.constant(''), amount),
        currency: fc.constantFrom('SEK', 'EUR', 'NOK'),
        hours: fc.oneof(fc.constant(''), fc.nat({ max: 5000 }).map(String)),
        result: fc.oneof(fc.constant(''), line),
        target: fc.oneof(fc.constant(''), fc.integer({ min: -1000, max: 1000 }).map(String)),
        linkLabel: line,
        url: fc.constantFrom('https://www.arvika.se', 'http://example.org/a?b=c'),
        withLink: fc.boolean(),
      })
      .map((v): Record<string, string | string[]> => ({
        kind: v.kind,
        title_sv: v.title_sv,
        title_en: v.title_en,
        summary_sv: v.summary_sv,
        owner_unit_id: v.owner_unit_id,
        municipality_role: v.municipality_role,
        programme_id: v.programme_id,
        start_date: v.dates[0]!,
        end_date: v.dates[1]!,
        participants_total: v.participants[0]!,
        participants_youth: v.participants[1]!,
        themes: v.themes,
        partnerships: v.partnerships,
        'countries.0.country': v.country,
        'partners.0.org': v.partner,
        'partners.0.role': v.role,
        'funding.0.kind': v.fundingKind,
        'funding.0.amount': v.amount,
        'funding.0.currency': v.currency,
        'funding.0.staff_hours': v.hours,
        'results.0.description_sv': v.result,
        'results.0.target': v.result ? v.target : '',
        'links.0.label_sv': v.withLink ? v.linkLabel : '',
        'links.0.url': v.withLink ? v.url : '',
      }));
    const FIELDS = [
      'kind', 'title_sv', 'title_en', 'summary_sv', 'owner_unit_id', 'municipality_role', 'programme_id', 'start_date', 'end_date', 'year',
      'participants_total', 'participants_youth', 'themes', 'partnerships', 'countries.0.country', 'countries.1.country', 'partners.0.org',
      'partners.0.role', 'partners.1.org', 'funding.0.kind', 'funding.0.amount', 'funding.0.currency', 'funding.0.staff_hours', 'funding.0.id',
      'results.0.description_sv', 'results.0.target', 'links.0.label_sv', 'links.0.url', 'links.99999.url', '_action',
    ];
    const corruption = fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(junk, fc.constantFrom('', ...units, ...orgs, 'NO', 'publish', 'submit'))), { maxLength: 4 });
    const form = fc.tuple(validForm, fc.oneof(fc.constant([] as [string, string][]), corruption)).map(([base, bad]) => {
      const out = { ...base };
      for (const [k, v] of bad) out[k] = v;
      return out;
    });
    const actor = fc.constantFrom('unit_editor', 'coordinator') as fc.Arbitrary<'unit_editor' | 'coordinator'>;
    // A project of the unit editor's unit to edit.
    const target = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', {
      form: { kind: 'project', title_sv: 'Målprojekt', owner_unit_id: String(t.ownUnit.id), _action: 'publish' },
    });
    const targetId = Number(/projekt\/(\d+)\?/.exec(target.headers.get('location') ?? '')![1]);
    const statuses = new Map<number, number>();
    const countProjects = async () => Number((await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    await fc.assert(
      fc.asyncProperty(form, actor, fc.boolean(), fc.constantFrom('lang-sv', 'lang-en'), async (values, who, isNew, l) => {
        const lang = l === 'lang-en' ? 'en' : 'sv';
        const before = await countProjects();
        const path = `${lang === 'en' ? '/en' : ''}/admin/arvika/projekt/${isNew ? 'ny' : `${targetId}/redigera`}`;
        const res = await t.request(t.users[who], path, { form: values });
        expect(res.status).toBeLessThan(500);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = await res.text();
        for (const p of PAYLOADS.slice(0, 3)) expect(body).not.toContain(p);
        const after = await countProjects();
        const allowedUnits = who === 'unit_editor' ? new Set([t.ownUnit.id]) : undefined;
        // The app reads forms through formValues(), which drops NUL characters; so does the model.
        const read = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => x.replaceAll('\0', '')) : String(v).replaceAll('\0', '')]));
        const expected = parseProjectForm(read, { lang, refs, allowedUnits });
        if (res.status === 303) {
          expect(expected.ok).toBe(true);
          const id = isNew ? Number(/projekt\/(\d+)\?/.exec(res.headers.get('location') ?? '')![1]) : targetId;
          expect(after).toBe(before + (isNew ? 1 : 0));
          if (isNew && expected.ok) {
            const stored = await loadProjectData(db, t.arvikaId, id);
            const norm = (d: ProjectData) => ({
              ...d,
              funding: d.funding.map(({ id: _id, ...rest }) => rest),
              results: d.results.map(({ id: _id, ...rest }) => rest),
              countries: [...d.countries].sort(),
              themes: [...d.themes].sort(),
              target_groups: [...d.target_groups].sort(),
              partnerships: [...d.partnerships].sort((a, b) => a - b),
              year: null,
            });
            expect(norm(stored!.data)).toEqual(norm(expected.data));
            const audit = await db.selectFrom('audit_log').select('action').where('entity', '=', 'project').where('entity_id', '=', String(id)).orderBy('id').execute();
            expect(audit[0]?.action).toBe('create');
          }
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(after).toBe(before);
          if (res.status === 400) expect(body).toContain('class="error-summary"');
        }
      }),
      { numRuns },
    );
    // The generator reaches both sides: accepted forms and refused ones.
    expect(statuses.get(303) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
