import { describe, expect, it } from 'vitest';
import { kronorInput, parseKronor, readAllocationForm, readEntryForm } from './service.js';

describe('parseKronor', () => {
  it('reads amounts as Swedes write them, to öre', () => {
    expect(parseKronor('12 500')).toEqual({ ok: true, minor: 1_250_000 });
    expect(parseKronor('12500,50')).toEqual({ ok: true, minor: 1_250_050 });
    expect(parseKronor('12\u00a0500,5')).toEqual({ ok: true, minor: 1_250_050 });
    expect(parseKronor('0,07')).toEqual({ ok: true, minor: 7 });
    expect(parseKronor('150 000 kr')).toEqual({ ok: true, minor: 15_000_000 });
    expect(parseKronor('')).toEqual({ ok: true, minor: null });
    expect(parseKronor('  ')).toEqual({ ok: true, minor: null });
  });

  it('refuses negatives, absurd amounts and other text', () => {
    expect(parseKronor('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parseKronor('\u2212 1 000')).toEqual({ ok: false, reason: 'negative' });
    expect(parseKronor('1 000 000 001')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseKronor('1 000 000 000')).toEqual({ ok: true, minor: 100_000_000_000 });
    for (const bad of ['tolv', '1e6', '12,345', '12.500.00', 'kr', '1,2,3']) expect(parseKronor(bad)).toEqual({ ok: false, reason: 'format' });
  });

  it('writes öre back as the form shows them', () => {
    expect(kronorInput(1_250_050, 'sv')).toBe('12500,50');
    expect(kronorInput(1_250_000, 'en')).toBe('12500');
    expect(kronorInput(null, 'sv')).toBe('');
    for (const minor of [0, 7, 1_250_050, 99_999_999_999]) expect(parseKronor(kronorInput(minor, 'sv'))).toEqual({ ok: true, minor });
  });
});

describe('the forms', () => {
  it('reports every error of an entry at once', () => {
    const r = readEntryForm({ category: 'travel', spent_on: '2026-02-30', amount: '-3', description_sv: ' ', project_id: '9', partnership_id: 'x' }, { projects: [{ id: 1, title: 'A', year: null }], partnerships: [] }, 'sv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['amount', 'category', 'description_sv', 'partnership_id', 'project_id', 'spent_on']);
  });

  it('reads a valid entry and an allocation', () => {
    const r = readEntryForm({ category: 'twinning', spent_on: '2026-03-01', amount: '12 500', description_sv: 'Resa till Skive', project_id: '1', partnership_id: '' }, { projects: [{ id: 1, title: 'A', year: null }], partnerships: [] }, 'sv');
    expect(r).toEqual({ ok: true, data: { category: 'twinning', spent_on: '2026-03-01', amount_minor: 1_250_000, description_sv: 'Resa till Skive', project_id: 1, partnership_id: null } });
    expect(readAllocationForm({ ar: '2026', twinning: '50 000', preparation: '' }, 'sv')).toEqual({ ok: true, data: { year: 2026, twinning: 5_000_000, preparation: null } });
    const bad = readAllocationForm({ ar: '1999', twinning: '-1', preparation: 'mycket' }, 'sv');
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['ar', 'preparation', 'twinning']);
  });
});
