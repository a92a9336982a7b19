import { describe, expect, it } from 'vitest';
import type { DueItem } from '../strategy/progress/due.js';
import { digestMail, digestRunKey, isoWeekKey, reminderKey, reminderMail } from './jobs.js';
import { concerns } from './recipients.js';

const item = (over: Partial<DueItem>): DueItem => ({ kind: 'plan_evaluation', title: 'Handlingsplan 2025–2027', dueOn: '2026-12-01', state: 'due', path: '/arvika/handlingsplaner/4', recordId: 4, municipalityId: 1, ...over });
const names = new Map([
  [1, { sv: 'Arvika kommun', en: 'Arvika Municipality' }],
  [2, { sv: 'Ale kommun', en: 'Ale Municipality' }],
]);

describe('isoWeekKey', () => {
  it('numbers weeks as ISO 8601 does: week 1 holds the year’s first Thursday', () => {
    // 1 January 2026 is a Thursday, so week 1 runs from Monday 29 December 2025.
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(isoWeekKey('2026-01-04')).toBe('2026-W01');
    expect(isoWeekKey('2026-01-05')).toBe('2026-W02');
    // 23 November 2026 is day 327 of the year: (327 + 2) / 7 = 47 whole weeks after 29 December → week 48.
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48');
    expect(isoWeekKey('2026-11-29')).toBe('2026-W48');
    // 2026 starts on a Thursday, so it has 53 weeks; 1 January 2027 (a Friday) belongs to the last.
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    // 30 December 2024 (a Monday) starts 2025's week 1.
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
  });
});

describe('digestRunKey', () => {
  it('is the week from Monday 06:00 Swedish time, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(digestRunKey(new Date('2026-11-23T04:59:00Z'))).toBeUndefined(); // 05:59 Monday
    expect(digestRunKey(new Date('2026-11-23T05:00:00Z'))).toBe('2026-W48'); // 06:00
    expect(digestRunKey(new Date('2026-11-22T23:30:00Z'))).toBeUndefined(); // 00:30 Monday in Stockholm, still Sunday in UTC
    expect(digestRunKey(new Date('2026-11-22T22:00:00Z'))).toBe('2026-W47'); // 23:00 Sunday
    expect(digestRunKey(new Date('2026-11-24T03:00:00Z'))).toBe('2026-W48'); // Tuesday night: the same week
    expect(digestRunKey(new Date('2026-06-01T03:59:00Z'))).toBeUndefined(); // 05:59 on Monday 1 June
    expect(digestRunKey(new Date('2026-06-01T04:00:00Z'))).toBe('2026-W23');
  });
});

describe('reminderKey', () => {
  it('changes with the kind, the record, the date and the unit', () => {
    expect(reminderKey(item({}))).toBe('plan_evaluation:4:2026-12-01');
    expect(reminderKey(item({ kind: 'report_section', recordId: 9, unitId: 12 }))).toBe('report_section:9:2026-12-01:12');
    expect(reminderKey(item({ dueOn: '2027-01-01' }))).not.toBe(reminderKey(item({})));
  });
});

describe('concerns', () => {
  const person = (role: 'municipal_admin' | 'coordinator' | 'unit_editor' | 'reader', units: number[] = []) => ({ roles: new Map([[1, role]]), units: new Set(units) });
  it('unit items go to the unit’s editors and the coordinators; the rest to coordinators and administrators', () => {
    const unitItem = item({ unitId: 5 });
    const whole = item({ unitId: null });
    expect([concerns(person('coordinator'), unitItem), concerns(person('coordinator'), whole)]).toEqual([true, true]);
    expect([concerns(person('municipal_admin'), unitItem), concerns(person('municipal_admin'), whole)]).toEqual([false, true]);
    expect([concerns(person('unit_editor', [5]), unitItem), concerns(person('unit_editor', [6]), unitItem), concerns(person('unit_editor', [5]), whole)]).toEqual([true, false, false]);
    expect([concerns(person('reader'), unitItem), concerns(person('reader'), whole)]).toEqual([false, false]);
    // A role in another municipality counts for nothing here.
    expect(concerns(person('coordinator'), item({ municipalityId: 2 }))).toBe(false);
  });
});

describe('reminder and digest mails', () => {
  const items = [
    item({ state: 'overdue', dueOn: '2022-01-01' }),
    item({ kind: 'measure_stale', title: 'Elevutbyte', titleEn: 'Pupil exchange', planTitle: 'Handlingsplan 2025–2027', dueOn: '2026-10-01', state: 'overdue', path: '/arvika/handlingsplaner/4/atgarder/8', recordId: 8, unitId: 5 }),
    item({ kind: 'decision_awaited', title: 'Ungdomsutbyte', dueOn: '2026-11-02', state: 'due', path: '/ale/projekt/3/beslutsvag', recordId: 3, municipalityId: 2 }),
  ];

  it('bundle a person’s items under their municipalities, in Swedish, with absolute links', () => {
    const mail = reminderMail({ name: 'Sara Samordnare', lang: 'sv' }, items, names, 'https://utblick.example.se');
    expect(mail.subject).toBe('Påminnelse från Utblick: 3 saker att göra');
    const text = mail.text;
    expect(text.startsWith('Hej Sara Samordnare!\n')).toBe(true);
    expect(text).toContain('- Utvärdering av handlingsplanen: Handlingsplan 2025–2027\n  Handlingsplanen ska utvärderas vartannat år. Utvärderingen ska vara gjord senast 1 januari 2022. Försenad.\n  Öppna: https://utblick.example.se/admin/arvika/handlingsplaner/4\n');
    expect(text).toContain('- Åtgärden saknar aktuell lägesrapport: Elevutbyte\n  Åtgärden i Handlingsplan 2025–2027 saknar aktuell lägesrapport: en ny rapport skulle ha kommit senast 1 oktober 2026. Försenad.');
    expect(text).toContain('- Projektet väntar på beslut: Ungdomsutbyte\n  Projektet väntar på beslut sedan 2 november 2026.\n  Öppna: https://utblick.example.se/admin/ale/projekt/3/beslutsvag');
    // Ale's item under Ale's heading, after Arvika's (the order of the names).
    expect(text.indexOf('Arvika kommun\n')).toBeGreaterThan(0);
    expect(text.indexOf('Ale kommun\n')).toBeGreaterThan(text.indexOf('Elevutbyte'));
    expect(text.indexOf('Ungdomsutbyte')).toBeGreaterThan(text.indexOf('Ale kommun\n'));
  });

  it('name a single item in the subject, and use English titles and addresses in English', () => {
    const mail = reminderMail({ name: 'Erik', lang: 'en' }, [items[1]!], names, 'https://utblick.example.se');
    expect(mail.subject).toBe('Reminder from Utblick: Measure without a recent progress report: Pupil exchange');
    expect(mail.text).toContain('Hello Erik,');
    expect(mail.text).toContain('Open: https://utblick.example.se/en/admin/arvika/handlingsplaner/4/atgarder/8');
    expect(mail.text).not.toContain('Ale Municipality');
  });

  it('the digest names its week and says how to turn it off', () => {
    const sv = digestMail({ name: 'Anna', lang: 'sv' }, items, names, 'https://utblick.example.se', '2026-W48');
    expect(sv.subject).toBe('Veckosammanfattning från Utblick, vecka 48');
    expect(sv.text).toContain('stänga av den under Mitt konto: https://utblick.example.se/admin/konto');
    const en = digestMail({ name: 'Anna', lang: 'en' }, items, names, 'https://utblick.example.se', '2027-W01');
    expect(en.subject).toBe('Weekly summary from Utblick, week 1');
    expect(en.text).toContain('turn it off under My account: https://utblick.example.se/en/admin/konto');
  });
});
