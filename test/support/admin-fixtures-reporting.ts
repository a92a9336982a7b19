/**
 * Fixtures of follow-up and reporting (issue 5) for the authorisation matrix and the page sweep:
 * a draft half-year report with a section for `unit`, a budget entry, a partnership evaluation.
 */
import type { AdminTestApp } from './admin.js';

export async function reportingFixture(t: AdminTestApp, kind: 'report' | 'report_section' | 'budget_entry' | 'partnership_evaluation', municipalityId: number, unit: number, seq: number): Promise<Record<string, string>> {
  const db = t.handle.db;
  const ts = new Date().toISOString();
  switch (kind) {
    case 'report':
    case 'report_section': {
      // A distinct period per fixture: (municipality, period) is unique. The first free one of the
      // 602 half-years parseHalfYear accepts, starting after 2100 (clear of real periods).
      const taken = new Set((await db.selectFrom('half_year_reports').select('period').where('municipality_id', '=', municipalityId).execute()).map((r) => r.period));
      const candidate = (i: number) => {
        const n = (seq + i) % 602;
        return `${n < 202 ? 2100 + Math.floor(n / 2) : 1900 + Math.floor((n - 202) / 2)}H${(n % 2) + 1}`;
      };
      let tries = 0;
      while (taken.has(candidate(tries)) && tries < 602) tries++;
      const period = candidate(tries);
      const structure = JSON.stringify({ sections: [], unitIds: [unit] });
      const r = await db
        .insertInto('half_year_reports')
        .values({ municipality_id: municipalityId, period, title_sv: `Matrisrapport ${seq}`, title_en: null, summary_sv: null, summary_en: null, structure, sections_due_on: null, due_on: null, previous_report_id: null, snapshot: null, registry_number: null, finalised_on: null, finalised_at: null, finalised_by: null, sent_to: null, sent_at: null, created_by: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('half_year_report_sections').values({ report_id: Number(r.id), unit_id: unit, comment_sv: null, comment_en: null, ready_at: null, ready_by: null, updated_by: null, updated_at: ts }).execute();
      // `filename`: the report's PDF (GET …/halvarsrapporter/:id/:filename).
      const { slug } = await db.selectFrom('municipalities').select('slug').where('id', '=', municipalityId).executeTakeFirstOrThrow();
      return kind === 'report' ? { id: String(r.id), filename: `halvarsrapport-${slug}-${period}.pdf` } : { id: String(r.id), unitId: String(unit) };
    }
    case 'budget_entry': {
      const r = await db
        .insertInto('budget_entries')
        .values({ municipality_id: municipalityId, category: 'twinning', spent_on: '2026-03-01', amount_minor: 100000, description_sv: `Matrispost ${seq}`, project_id: null, partnership_id: null, user_id: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { entryId: String(r.id) };
    }
    case 'partnership_evaluation': {
      const p = await db
        .insertInto('partnerships')
        .values({ municipality_id: municipalityId, kind: 'twinning', title_sv: `Matrisvänort ${seq}`, title_en: null, status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: ts, updated_at: ts, owner_unit_id: unit })
        .returning('id')
        .executeTakeFirstOrThrow();
      const e = await db
        .insertInto('partnership_evaluations')
        .values({ municipality_id: municipalityId, partnership_id: Number(p.id), evaluated_on: '2026-06-30', period_start: '2022-10-15', period_end: '2026-06-30', benefit_residents_sv: 'Matris', benefit_organisation_sv: null, costs_minor: null, costs_sv: null, partner_view_sv: null, recommendation: 'continue', recommendation_sv: null, decision_id: null, user_id: null, created_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(p.id), evaluationId: String(e.id) };
    }
  }
}
