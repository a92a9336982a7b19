/**
 * Loads reference lists and the seed municipalities. Seeding is all-or-nothing per municipality
 * (one transaction) and runs only when the database holds no municipality.
 */
import type { DbHandle, Db } from '../db/database.js';
import { nowIso } from '../db/database.js';
import { buildSearchText } from '../features/projects/search-text.js';
import { recordAudit } from '../features/audit/chain.js';
import { proposeStrategy } from '../features/strategy/import/parse.js';
import { insertProposedStrategy } from '../features/strategy/import/save.js';
import { writeStrategyVersion } from '../features/strategy/versions.js';
import { ale } from './data/ale.js';
import { arvika } from './data/arvika.js';
import { OFFICIAL_MUNICIPALITIES } from './data/official-municipalities.js';
import { FUNDING_PROGRAMMES, TARGET_GROUPS, THEMES } from './reference.js';
import type { SeedMunicipality } from './types.js';

export const SEED_MUNICIPALITIES: readonly SeedMunicipality[] = [arvika, ale];

/** Inserts the reference lists that are missing (themes, target groups, programmes, the 290). */
export async function loadReferenceData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const have = async (table: 'themes' | 'target_groups' | 'funding_programmes' | 'official_municipalities') =>
      Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) > 0;
    if (!(await have('themes'))) await trx.insertInto('themes').values([...THEMES]).execute();
    if (!(await have('target_groups'))) await trx.insertInto('target_groups').values([...TARGET_GROUPS]).execute();
    if (!(await have('funding_programmes'))) await trx.insertInto('funding_programmes').values([...FUNDING_PROGRAMMES]).execute();
    if (!(await have('official_municipalities'))) {
      for (let i = 0; i < OFFICIAL_MUNICIPALITIES.length; i += 100) {
        await trx.insertInto('official_municipalities').values(OFFICIAL_MUNICIPALITIES.slice(i, i + 100)).execute();
      }
    }
  });
}

/** Loads one seed municipality with everything it holds, published. Returns its id. */
export async function loadSeedMunicipality(db: Db, seed: SeedMunicipality, actor = 'seed'): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id: muniId } = await trx
      .insertInto('municipalities')
      .values({
        code: seed.code,
        slug: seed.slug,
        name_sv: seed.name_sv,
        name_en: seed.name_en,
        county_code: seed.county_code,
        county_name: seed.county_name,
        vision_sv: seed.vision_sv ?? null,
        vision_en: seed.vision_en ?? null,
        languages: 'sv,en',
        website: seed.website ?? null,
        source: seed.source,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const municipalityId = Number(muniId);

    const orgIds = new Map<string, number>();
    const orgNames = new Map<string, string[]>();
    for (const o of seed.organisations) {
      const { id } = await trx
        .insertInto('organisations')
        .values({
          municipality_id: municipalityId,
          is_internal: o.is_internal ? 1 : 0,
          kind: o.kind,
          name_sv: o.name_sv,
          name_en: o.name_en ?? null,
          short_name: o.short_name ?? null,
          parent_id: null,
          country: o.country ?? null,
          region: o.region ?? null,
          population: o.population ?? null,
          population_year: o.population_year ?? null,
          website: o.website ?? null,
          latitude: o.latitude ?? null,
          longitude: o.longitude ?? null,
          description_sv: o.description_sv ?? null,
          description_en: o.description_en ?? null,
          source: o.source,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, Number(id));
      orgNames.set(o.key, [o.name_sv, o.name_en, o.short_name].filter((s): s is string => !!s));
    }
    const org = (key: string) => {
      const id = orgIds.get(key);
      if (id === undefined) throw new Error(`Seed ${seed.slug}: unknown organisation key "${key}"`);
      return id;
    };
    for (const o of seed.organisations) {
      if (o.parent) await trx.updateTable('organisations').set({ parent_id: org(o.parent) }).where('id', '=', org(o.key)).execute();
    }

    // The strategy first: partnerships and projects name the goals they serve.
    const goalIds = new Map<string, number>();
    if (seed.strategy) {
      const strategyId = await insertProposedStrategy(trx, null, municipalityId, proposeStrategy(seed.strategy.text), seed.strategy.source, actor);
      await trx.updateTable('strategies').set({ status: 'adopted', updated_at: now }).where('id', '=', strategyId).execute();
      await writeStrategyVersion(trx, strategyId, null, 'Antagen');
      await recordAudit(trx, { municipalityId, actor: { userId: null, label: actor }, action: 'adopt', entity: 'strategy', entityId: strategyId, details: { source: seed.strategy.source } });
      for (const g of await trx.selectFrom('strategy_goals').select(['id', 'title_sv']).where('strategy_id', '=', strategyId).execute()) goalIds.set(g.title_sv, Number(g.id));
    }
    const goal = (title: string) => {
      const id = goalIds.get(title);
      if (id === undefined) throw new Error(`Seed ${seed.slug}: no goal titled "${title}" in the strategy`);
      return id;
    };

    const partnershipIds = new Map<string, number>();
    for (const p of seed.partnerships) {
      const { id } = await trx
        .insertInto('partnerships')
        .values({
          municipality_id: municipalityId,
          kind: p.kind,
          title_sv: p.title_sv,
          title_en: p.title_en ?? null,
          status: p.status,
          summary_sv: p.summary_sv ?? null,
          summary_en: p.summary_en ?? null,
          cooperation_areas: JSON.stringify(p.cooperation_areas),
          financing_sv: null,
          financing_en: null,
          publication_state: 'published',
          source: p.source,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const pid = Number(id);
      partnershipIds.set(p.key, pid);
      for (const title of p.goals ?? []) await trx.insertInto('partnership_goals').values({ partnership_id: pid, goal_id: goal(title) }).execute();
      if (p.partners.length) {
        await trx
          .insertInto('partnership_partners')
          .values(p.partners.map((key, position) => ({ partnership_id: pid, organisation_id: org(key), position })))
          .execute();
      }
      for (const e of p.events) {
        await trx
          .insertInto('partnership_events')
          .values({
            partnership_id: pid,
            kind: e.kind,
            date_from: e.date_from,
            date_to: e.date_to,
            date_precision: e.date_precision,
            description_sv: e.description_sv,
            description_en: e.description_en ?? null,
            place: e.place ?? null,
            decision_id: null,
            source: e.source,
          })
          .execute();
      }
    }

    const programmes = new Map((await trx.selectFrom('funding_programmes').select(['id', 'code', 'name_sv', 'name_en']).execute()).map((p) => [p.code, p]));
    const themes = new Map((await trx.selectFrom('themes').selectAll().execute()).map((t) => [t.code, t]));
    const targets = new Map((await trx.selectFrom('target_groups').selectAll().execute()).map((t) => [t.code, t]));
    const programmeId = (code: string | undefined) => {
      if (!code) return null;
      const p = programmes.get(code);
      if (!p) throw new Error(`Seed ${seed.slug}: unknown programme "${code}"`);
      return Number(p.id);
    };

    for (const p of seed.projects) {
      const countries = [...new Set(p.countries)];
      const budget = p.funding.filter((f) => f.currency === 'SEK' && f.amount_minor != null).reduce((s, f) => s + (f.amount_minor ?? 0), 0);
      const searchText = buildSearchText({
        kind: p.kind,
        title_sv: p.title_sv,
        title_en: p.title_en,
        summary_sv: p.summary_sv,
        summary_en: p.summary_en,
        partnerNames: p.partners.flatMap((x) => orgNames.get(x.org) ?? []),
        countries,
        themeLabels: p.themes.flatMap((c) => [themes.get(c)?.label_sv, themes.get(c)?.label_en].filter((s): s is string => !!s)),
        targetLabels: p.target_groups.flatMap((c) => [targets.get(c)?.label_sv, targets.get(c)?.label_en].filter((s): s is string => !!s)),
        programmeNames: [p.programme, ...p.funding.map((f) => f.programme)]
          .flatMap((c) => (c ? [programmes.get(c)?.name_sv, programmes.get(c)?.name_en] : []))
          .concat(p.funding.map((f) => f.source_name))
          .filter((s): s is string => !!s),
        unitNames: p.owner_unit ? (orgNames.get(p.owner_unit) ?? []) : [],
        resultTexts: p.results.flatMap((r) => [r.description_sv, r.description_en].filter((s): s is string => !!s)),
      });
      const { id } = await trx
        .insertInto('projects')
        .values({
          municipality_id: municipalityId,
          kind: p.kind,
          title_sv: p.title_sv,
          title_en: p.title_en ?? null,
          summary_sv: p.summary_sv ?? null,
          summary_en: p.summary_en ?? null,
          owner_unit_id: p.owner_unit ? org(p.owner_unit) : null,
          municipality_role: p.municipality_role ?? null,
          programme_id: programmeId(p.programme),
          status: p.status ?? null,
          start_date: p.start_date ?? null,
          end_date: p.end_date ?? null,
          year: p.year ?? (p.start_date ? Number(p.start_date.slice(0, 4)) : null),
          participants_total: null,
          participants_youth: null,
          budget_sek_minor: budget > 0 ? budget : null,
          publication_state: 'published',
          published_at: now,
          search_text: searchText,
          source: p.source,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const projectId = Number(id);
      if (p.partners.length) {
        await trx
          .insertInto('project_partners')
          .values(p.partners.map((x, position) => ({ project_id: projectId, organisation_id: org(x.org), role: x.role, position })))
          .execute();
      }
      if (countries.length) await trx.insertInto('project_countries').values(countries.map((country) => ({ project_id: projectId, country }))).execute();
      if (p.themes.length) await trx.insertInto('project_themes').values([...new Set(p.themes)].map((theme) => ({ project_id: projectId, theme }))).execute();
      if (p.target_groups.length) {
        await trx.insertInto('project_target_groups').values([...new Set(p.target_groups)].map((target_group) => ({ project_id: projectId, target_group }))).execute();
      }
      for (const f of p.funding) {
        await trx
          .insertInto('project_funding')
          .values({
            project_id: projectId,
            kind: f.kind,
            programme_id: programmeId(f.programme),
            source_name: f.source_name ?? null,
            amount_minor: f.amount_minor ?? null,
            currency: f.currency,
            staff_hours: f.staff_hours ?? null,
            note_sv: f.note_sv ?? null,
            source: f.source,
          })
          .execute();
      }
      for (const r of p.results) {
        await trx
          .insertInto('project_results')
          .values({ project_id: projectId, description_sv: r.description_sv, description_en: r.description_en ?? null, indicator: null, unit: null, baseline: null, target: null, actual: null, period: null, source: r.source })
          .execute();
      }
      for (const l of p.links ?? []) {
        await trx.insertInto('project_links').values({ project_id: projectId, kind: 'link', url: l.url, label_sv: l.label_sv, label_en: l.label_en ?? null }).execute();
      }
      for (const key of p.partnerships ?? []) {
        const partnershipId = partnershipIds.get(key);
        if (partnershipId === undefined) throw new Error(`Seed ${seed.slug}: unknown partnership key "${key}"`);
        await trx.insertInto('project_partnerships').values({ project_id: projectId, partnership_id: partnershipId }).execute();
      }
      for (const title of p.goals ?? []) await trx.insertInto('project_goals').values({ project_id: projectId, goal_id: goal(title) }).execute();
    }

    await recordAudit(trx, {
      municipalityId,
      actor: { userId: null, label: actor },
      action: 'seed',
      entity: 'municipality',
      entityId: municipalityId,
      details: { source: seed.source, organisations: seed.organisations.length, partnerships: seed.partnerships.length, projects: seed.projects.length },
    });
    return municipalityId;
  });
}

/** Loads reference data, and the seed municipalities when no municipality exists yet. */
export async function seedIfEmpty(handle: DbHandle): Promise<boolean> {
  await loadReferenceData(handle.db);
  const n = await handle.db.selectFrom('municipalities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  if (Number(n.n) > 0) return false;
  for (const seed of SEED_MUNICIPALITIES) await loadSeedMunicipality(handle.db, seed);
  return true;
}
