/**
 * The registry's forms under random input: any posted values give an answer below 500, and a
 * refused form writes nothing (no row, no audit entry, no revision).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

const TABLES = ['organisations', 'partnerships', 'partnership_events', 'partnership_partners', 'revisions', 'audit_log'] as const;

describe.each(kinds)('registry forms under random input on %s', (kind) => {
  let t: AdminTestApp;
  let ids: { org: number; unit: number; partnership: number; partner: number; aleOrg: number };
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    const one = async (q: Promise<{ id: number } | undefined>) => Number((await q)!.id);
    ids = {
      org: await one(db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('is_internal', '=', 0).executeTakeFirst()),
      unit: t.ownUnit.id,
      partnership: await one(db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.arvikaId).executeTakeFirst()),
      partner: await one(db.selectFrom('organisations').select('id').where('name_sv', '=', 'Skive').executeTakeFirst()),
      aleOrg: await one(db.selectFrom('organisations').select('id').where('municipality_id', '=', t.aleId).where('is_internal', '=', 0).executeTakeFirst()),
    };
  }, 60_000);
  afterAll(async () => t?.close());

  const counts = async () =>
    Promise.all(TABLES.map(async (table) => Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));

  const value = () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          '', ' ', 'twinning', 'network', 'proposed', 'active', 'dormant', 'ended', 'municipality', 'committee', 'unit', 'first_contact',
          'youth', 'NO', 'se', 'XX', 'https://www.example.se', 'http://example.se', 'javascript:alert(1)', '59,65', '-90', '181', '1e309', 'NaN',
          '77 000', '2024', '1700', 'hösten 1992', '1940-talet–1950-talet', '2012-02-30', '0', '-1', '99999999999999999999', '1', '<script>x</script>',
          String(ids.org), String(ids.unit), String(ids.partner), String(ids.aleOrg), 'save', 'submit', 'publish', 'add_event', 'add_partner', 'x'.repeat(5000),
        ),
      },
    );
    return fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) });
  };

  const FIELDS = [
    'kind', 'name_sv', 'name_en', 'short_name', 'country', 'region', 'population', 'population_year', 'website', 'latitude', 'longitude',
    'description_sv', 'description_en', 'parent_id', 'version', 'title_sv', 'title_en', 'summary_sv', 'summary_en', 'cooperation_areas',
    'financing_sv', 'financing_en', 'owner_unit_id', 'status', 'do', 'comment', 'revision', 'revision_at', 'partner-0', 'partner-1', 'partner-9999',
    'event-0-id', 'event-0-kind', 'event-0-date', 'event-0-description_sv', 'event-0-description_en', 'event-0-place', 'event-0-decision',
    'event-0-remove', 'event-1-kind', 'event-1-date', 'event-1-description_sv', 'event-00001-kind', 'unknown',
  ];

  const form = () => fc.dictionary(fc.constantFrom(...FIELDS), value(), { maxKeys: 24 });

  const paths = () => [
    '/admin/arvika/organisationer/ny',
    `/admin/arvika/organisationer/${ids.org}/redigera`,
    `/en/admin/arvika/organisationer/${ids.aleOrg}/redigera`,
    '/admin/arvika/enheter/ny',
    `/en/admin/arvika/enheter/${ids.unit}/redigera`,
    '/admin/arvika/samarbeten/ny',
    `/admin/arvika/samarbeten/${ids.partnership}/redigera`,
    `/en/admin/arvika/samarbeten/${ids.partnership}/skicka-tillbaka`,
  ];

  /** A valid form for each path, which the random values then partly overwrite, so that saves happen too. */
  const bases = (): Record<string, string | string[]>[] => {
    const org = { kind: 'municipality', name_sv: 'Slumpstad', country: 'NO', latitude: '60', longitude: '11' };
    const unit = { kind: 'unit', name_sv: 'Slumpenheten', parent_id: '' };
    const partnership = { kind: 'network', title_sv: 'Slumpnätverket', status: 'proposed', 'partner-0': String(ids.partner), 'event-0-kind': 'other', 'event-0-date': '1992', 'event-0-description_sv': 'Något hände.', do: 'save' };
    return [org, org, org, unit, unit, partnership, { ...partnership, status: 'dormant' }, { comment: 'Ändra' }];
  };

  it('never answers 5xx, and a refused form writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 7 }), fc.boolean(), form(), fc.constantFrom('coordinator', 'unit_editor', 'reader') as fc.Arbitrary<'coordinator' | 'unit_editor' | 'reader'>, async (p, useBase, random, role) => {
        const values = useBase ? { ...bases()[p]!, ...random } : random;
        const before = await counts();
        const res = await t.request(t.users[role], paths()[p]!, { form: values as Record<string, string | string[]> });
        expect(res.status, `${paths()[p]} ${JSON.stringify(values).slice(0, 500)}`).toBeLessThan(500);
        if (res.status >= 400 || res.status === 200) expect(await counts()).toEqual(before);
        await res.arrayBuffer();
      }),
      { numRuns: 150 },
    );
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
    // The valid bases made some saves happen.
    expect(Number((await t.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity', 'in', ['organisation', 'partnership']).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  }, 300_000);

  it('every partnership written through the form has at least one partner of its own municipality', async () => {
    const rows = await t.handle.db
      .selectFrom('partnerships as p')
      .leftJoin('partnership_partners as pp', 'pp.partnership_id', 'p.id')
      .leftJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select(['p.id', 'p.municipality_id', 'o.municipality_id as org_municipality', 'o.is_internal'])
      .execute();
    for (const r of rows) {
      expect(r.org_municipality, `partnership ${r.id}`).not.toBeNull();
      expect(Number(r.org_municipality)).toBe(Number(r.municipality_id));
      expect(Number(r.is_internal)).toBe(0);
    }
  });
});
