/**
 * Looking values of a file up: enumerations by their label (Swedish or English) or code, countries
 * by name or code, partners' "Name (Country)", Utblick project addresses, and the municipality's
 * units, organisations, programmes, themes and target groups by name (`Resolver`), which also
 * collects the records an import must create.
 */
import { countryName } from '../../i18n/index.js';
import { MUNICIPALITY_ROLES, PROJECT_KINDS, PROJECT_STATUSES } from '../../i18n/labels.js';
import type { Lookups } from './repository.js';
import { matchKey } from './values.js';

/** A reference to an existing record (`id`) or to one the run creates (`key` into the plan's lists). */
export type Ref = { id: number } | { key: string };

// ── Static lookups: enumerations by label (sv, en) or code; countries by name or code ──────────
function labelIndex<K extends string>(labels: Record<K, { sv: string; en: string }>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [code, l] of Object.entries(labels) as [K, { sv: string; en: string }][]) {
    m.set(matchKey(code), code);
    m.set(matchKey(l.sv), code);
    m.set(matchKey(l.en), code);
  }
  return m;
}
export const KINDS = labelIndex(PROJECT_KINDS);
export const STATUSES = labelIndex(PROJECT_STATUSES);
export const ROLES = labelIndex(MUNICIPALITY_ROLES);
// Short forms people write for the municipality's role.
for (const [k, v] of [['projektägare', 'lead'], ['huvudpartner', 'lead'], ['lead partner', 'lead'], ['lead', 'lead'], ['ägare', 'lead'], ['associerad', 'associated'], ['associated', 'associated']] as const) ROLES.set(k, v);

/** Codes that name no country of today: old aliases of a current code, and groups of countries. */
const NOT_COUNTRIES = new Set(['AN', 'BU', 'CS', 'DD', 'DY', 'EU', 'EZ', 'FX', 'HV', 'NH', 'QO', 'RH', 'SU', 'TP', 'UK', 'UN', 'VD', 'YD', 'YU', 'ZR', 'ZZ']);

let countries: Map<string, string> | undefined;
/** Country name (Swedish or English) or ISO code → ISO 3166-1 alpha-2 code. */
export function countryCode(name: string): string | undefined {
  if (!countries) {
    countries = new Map();
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        if (NOT_COUNTRIES.has(code) || (code.startsWith('X') && code !== 'XK')) continue;
        const sv = countryName('sv', code);
        const en = countryName('en', code);
        if (!sv || !en) continue;
        countries.set(matchKey(code), code);
        if (!countries.has(matchKey(sv))) countries.set(matchKey(sv), code);
        if (!countries.has(matchKey(en))) countries.set(matchKey(en), code);
      }
    }
    countries.set('uk', 'GB');
  }
  return countries.get(matchKey(name));
}

/** "Tampere (Finland)" → name and country; the parenthesis is kept when it is not a country. */
export function splitPartner(item: string): { name: string; country: string | null } {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(item);
  const country = m ? countryCode(m[2] as string) : undefined;
  return m && country ? { name: (m[1] as string).trim(), country } : { name: item.trim(), country: null };
}

/** `/ale/projekt/12` or `https://…/en/ale/projekt/12?x` → slug and number. */
export function parseProjectUrl(value: string): { slug: string; id: number } | null {
  const m = /\/(?:en\/)?([a-z0-9][a-z0-9-]*)\/projekt\/([1-9]\d{0,9})\/?(?:[?#].*)?$/.exec(value.trim());
  return m ? { slug: m[1] as string, id: Number(m[2]) } : null;
}

/** Whether two lists hold the same items, in any order. */
export function sameSet(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

export const refKey = (r: Ref) => ('id' in r ? `id:${r.id}` : `key:${r.key}`);

/** Resolves names to records, and collects the records the run must create. */
export class Resolver {
  private units = new Map<string, number>();
  private orgs = new Map<string, { id: number; country: string | null }[]>();
  private programmes = new Map<string, number>();
  private themes = new Map<string, string>();
  private targets = new Map<string, string>();
  private newUnits = new Map<string, string>();
  private newOrgs = new Map<string, { name: string; country: string | null }>();
  private newProgrammes = new Map<string, string>();

  constructor(readonly lookups: Lookups) {
    for (const o of lookups.orgs) {
      const keys = new Set([o.name_sv, o.name_en, o.short_name].filter((s): s is string => !!s).map(matchKey));
      for (const k of keys) {
        if (o.is_internal === 1 && !this.units.has(k)) this.units.set(k, o.id);
        this.orgs.set(k, [...(this.orgs.get(k) ?? []), { id: o.id, country: o.country }]);
      }
    }
    for (const p of lookups.programmes) for (const k of [p.code, p.name_sv, p.name_en]) if (!this.programmes.has(matchKey(k))) this.programmes.set(matchKey(k), p.id);
    for (const t of lookups.themes) for (const k of [t.code, t.label_sv, t.label_en]) this.themes.set(matchKey(k), t.code);
    for (const t of lookups.targets) for (const k of [t.code, t.label_sv, t.label_en]) this.targets.set(matchKey(k), t.code);
  }

  unit(name: string): Ref {
    const id = this.units.get(matchKey(name));
    if (id !== undefined) return { id };
    const key = matchKey(name);
    if (!this.newUnits.has(key)) this.newUnits.set(key, name);
    return { key };
  }

  programme(name: string): Ref {
    const id = this.programmes.get(matchKey(name));
    if (id !== undefined) return { id };
    const key = matchKey(name);
    if (!this.newProgrammes.has(key)) this.newProgrammes.set(key, name);
    return { key };
  }

  /** A partner by name and country, preferring the project's current partners. */
  partner(name: string, country: string | null, current: ReadonlySet<number>): Ref {
    const candidates = this.orgs.get(matchKey(name)) ?? [];
    const fitting = country ? candidates.filter((c) => c.country === country) : candidates;
    const pool = fitting.length ? fitting : country ? candidates.filter((c) => c.country === null) : [];
    const chosen = pool.find((c) => current.has(c.id)) ?? pool[0];
    if (chosen) return { id: chosen.id };
    const key = `${matchKey(name)}|${country ?? ''}`;
    if (!this.newOrgs.has(key)) this.newOrgs.set(key, { name, country });
    return { key };
  }

  theme(label: string) {
    return this.themes.get(matchKey(label));
  }

  target(label: string) {
    return this.targets.get(matchKey(label));
  }

  created() {
    return {
      newUnits: [...this.newUnits].map(([key, name]) => ({ key, name })),
      newOrganisations: [...this.newOrgs].map(([key, o]) => ({ key, ...o })),
      newProgrammes: [...this.newProgrammes].map(([key, name]) => ({ key, name })),
    };
  }
}
