import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../model.js';
import { dueState } from '../due.js';
import { parseSectionForm, parseSettingsForm, parseStructureForm, structureValues, versionOf } from './forms.js';
import { parseStructure } from './repository.js';

const UNITS = [
  { id: 7, name: 'Kultur- och fritidsförvaltningen' },
  { id: 3, name: 'Bildningsförvaltningen' },
  { id: 9, name: 'Arvika Näringsliv AB' },
];

describe('parseSectionForm', () => {
  it('saves a comment, marks ready only with the second button, and needs a comment to be ready', () => {
    expect(parseSectionForm({ comment: ' Text \r\nmer ', action: 'save', version: '4' }, 'sv')).toEqual({ ok: true, data: { comment: 'Text \nmer', ready: false, version: 4 } });
    expect(parseSectionForm({ comment: 'Klart', action: 'ready', version: '4' }, 'sv')).toMatchObject({ ok: true, data: { ready: true } });
    expect(parseSectionForm({ comment: '   ', action: 'ready', version: '4' }, 'sv')).toEqual({ ok: false, errors: { comment: 'Skriv en kommentar innan du markerar avsnittet som klart.' } });
    expect(parseSectionForm({ comment: '', action: 'save' }, 'en')).toEqual({ ok: true, data: { comment: null, ready: false, version: 0 } });
    expect(parseSectionForm({ comment: 'x'.repeat(20_001), action: 'save' }, 'en')).toEqual({ ok: false, errors: { comment: 'The comment must be 20000 characters or fewer.' } });
  });

  it('reads only a plain positive version; anything else never matches a row', () => {
    for (const v of ['0', '-1', '1.5', '01', '', '99999999999', ['1', '2']]) expect(versionOf({ version: v })).toBe(0);
    expect(versionOf({ version: '12' })).toBe(12);
  });
});

describe('the structure form', () => {
  it('round-trips a structure through its form values', () => {
    const structure = parseStructure(JSON.stringify({ sections: [{ key: 'projects', included: true, heading_sv: 'Våra projekt', heading_en: null }, { key: 'budget', included: false }], unitIds: [9, 3] }));
    const parsed = parseStructureForm(structureValues(structure, [9, 3]), UNITS, 'sv');
    expect(parsed).toEqual({ ok: true, data: { sections: structure.sections, unitIds: [9, 3], confirmRemove: false, version: 0 } });
  });

  it('orders by the numbers given, ties and blanks by the default order, and refuses bad numbers and unknown units', () => {
    const values: Record<string, string> = { include_goals: '1', order_goals: '1', include_summary: '1', order_summary: '1', unit_3: '1', unit_7: '1', unit_order_7: '1' };
    const r = parseStructureForm(values, UNITS, 'sv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.data.sections.map((s) => s.key).slice(0, 2)).toEqual(['summary', 'goals']);
    expect(r.data.sections.filter((s) => s.included).map((s) => s.key)).toEqual(['summary', 'goals']);
    expect(r.data.sections).toHaveLength(SECTION_KEYS.length);
    expect(r.data.unitIds).toEqual([7, 3]);
    const bad = parseStructureForm({ order_funding: '0', unit_99: '1', unit_3: '1', unit_order_3: 'x', heading_en_budget: 'h'.repeat(121) }, UNITS, 'sv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['heading_en_budget', 'include_summary', 'order_funding', 'unit_order_3', 'units']);
  });

  it('makes a saved structure whole: unknown and repeated keys dropped, missing ones added, broken JSON read as every section', () => {
    const s = parseStructure(JSON.stringify({ sections: [{ key: 'goals', included: true }, { key: 'goals', included: false }, { key: 'nope' }], unitIds: [3, '3', 'x', -1, 4] }));
    expect(s.sections.map((x) => [x.key, x.included])).toEqual([['goals', true], ...SECTION_KEYS.filter((k) => k !== 'goals').map((k) => [k, false])]);
    expect(s.unitIds).toEqual([3, 4]);
    expect(parseStructure('{').sections.every((x) => x.included)).toBe(true);
    expect(parseStructure(JSON.stringify({ sections: [], unitIds: [5] })).sections.every((x) => x.included)).toBe(true);
  });
});

describe('parseSettingsForm', () => {
  const good = { report_recipients: 'KS <ks@arvika.se>\n\nchef@arvika.se', report_sections_due_days: '30', report_due_days: '45', partnership_evaluation_months: '48', reminder_days_before: '14' };
  it('reads the settings, tidying the recipients', () => {
    expect(parseSettingsForm(good, 'sv')).toEqual({ ok: true, data: { reportRecipients: 'KS <ks@arvika.se>\nchef@arvika.se', reportSectionsDueDays: 30, reportDueDays: 45, partnershipEvaluationMonths: 48, reminderDaysBefore: 14 } });
  });
  it('gives every error at once', () => {
    const r = parseSettingsForm({ report_recipients: 'inte en adress', report_sections_due_days: '366', report_due_days: '', partnership_evaluation_months: '121', reminder_days_before: '1,5' }, 'sv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['partnership_evaluation_months', 'reminder_days_before', 'report_due_days', 'report_recipients', 'report_sections_due_days']);
  });
  it('refuses a report due before the sections', () => {
    expect(parseSettingsForm({ ...good, report_due_days: '29' }, 'sv')).toEqual({ ok: false, errors: { report_due_days: 'Rapporten kan inte vara klar före förvaltningarnas avsnitt.' } });
  });
});

describe('dueState', () => {
  it('is overdue after the day, due from the given days before, upcoming before that', () => {
    expect(dueState('2026-08-14', '2026-08-15', 14)).toBe('overdue');
    expect(dueState('2026-08-14', '2026-08-14', 14)).toBe('due');
    expect(dueState('2026-08-14', '2026-07-31', 14)).toBe('due');
    expect(dueState('2026-08-14', '2026-07-30', 14)).toBe('upcoming');
    expect(dueState('2026-08-14', '2026-08-13', 0)).toBe('upcoming');
  });
});
