/**
 * The two ways a search text is matched agree: the database's indexes (SQLite FTS5, PostgreSQL
 * pg_trgm and tsvector) and the in-memory match used for a cached municipality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/database.js';
import { loadFacetRows, matchText } from '../../src/features/projects/repository.js';
import { matchInMemory, searchTerms } from '../../src/features/projects/text.js';
import { seedIfEmpty } from '../../src/seed/load.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';

const kinds = await availableDatabases();
const QUERIES = [
  'vänort', 'vänorter', 'VÄNORT', 'vänortssamarbetet', 'entreprenör', 'Entreprenörerna', 'eu', 'EU-projekt', 'ruukki', 'kaufungen bertinoro',
  'ål', 'norge', 'å', 'ab', 'oxford brookes', 'samarbete', 'x', '1998', 'mål 3', 'Älvdalen', 'grundskolan', 'ungdomsutbyte', 'ÖVERKALIX',
];

describe.each(kinds)('text matching on %s', (kind) => {
  let t: TestDb;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedIfEmpty(t.handle);
    for (const m of await t.handle.db.selectFrom('municipalities').select(['id', 'slug']).execute()) ids[m.slug] = Number(m.id);
    const now = nowIso();
    const texts = ['ÅLAND OCH ÄLVDALEN i samarbete', 'Ungdomsutbyte med Överkalix – EU-projektet', 'Kaab och Abisko: ab-test'];
    for (const text of texts) {
      await t.handle.db
        .insertInto('projects')
        .values({ municipality_id: ids.ale!, kind: 'project', title_sv: text, publication_state: 'published', search_text: text, created_at: now, updated_at: now } as never)
        .execute();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the same projects from the index and from memory', async () => {
    for (const slug of ['ale', 'arvika']) {
      const municipalityId = ids[slug]!;
      const rows = await loadFacetRows(t.handle.db, municipalityId);
      const full = await t.handle.db.selectFrom('projects').select(['id', 'search_text']).where('municipality_id', '=', municipalityId).execute();
      const byId = new Map(full.map((r) => [Number(r.id), r.search_text.normalize('NFC').toLowerCase()]));
      const texts = rows.map((r) => byId.get(r.id) ?? '');
      for (const q of QUERIES) {
        const terms = searchTerms(q);
        const fromIndex = [...(await matchText(t.handle, municipalityId, terms))].sort((a, b) => a - b);
        const fromMemory = matchInMemory(texts, terms).map((i) => rows[i]!.id).sort((a, b) => a - b);
        expect(fromMemory, `${slug}: "${q}"`).toEqual(fromIndex);
      }
    }
  });

  it('finds what a resident expects', async () => {
    const rows = await loadFacetRows(t.handle.db, ids.ale!);
    const titles = (q: string) => {
      const texts = rows.map((r) => `${r.title_sv}`.toLowerCase());
      return matchInMemory(texts, searchTerms(q)).map((i) => rows[i]!.title_sv);
    };
    expect(titles('älvdalen')).toEqual(['ÅLAND OCH ÄLVDALEN i samarbete']);
    expect(titles('ab')).toEqual(['Kaab och Abisko: ab-test']);
    expect(titles('överkalix eu')).toEqual(['Ungdomsutbyte med Överkalix – EU-projektet']);
  });
});
