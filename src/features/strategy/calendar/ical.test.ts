import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../progress/due.js';
import { buildCalendar, eventUid, FEED_REFRESH_SECONDS } from './ical.js';

const item = (over: Partial<DueItem>): DueItem => ({ kind: 'strategy_review', title: 'Strategi', dueOn: '2026-10-14', state: 'due', path: '/arvika/strategi/3', recordId: 3, municipalityId: 1, ...over });

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })) };
}

describe('buildCalendar', () => {
  it('writes all-day events with stable UIDs, links and descriptions that an independent parser reads back', () => {
    const awkward = 'Strategi, för; internationellt\\arbete\nmed en lång titel som behöver vikas över flera rader i iCalendar-formatet';
    const text = buildCalendar({
      lang: 'sv',
      baseUrl: 'https://utblick.example.se',
      name: 'Utblick – strategiarbetet i Arvika kommun',
      now: new Date('2026-05-01T10:00:00Z'),
      sources: [
        {
          municipalityName: 'Arvika kommun',
          items: [
            item({ title: awkward, dueOn: '2018-10-14', state: 'overdue' }),
            item({ kind: 'measure_end', title: 'Åtgärd', dueOn: '2024-02-29', path: '/arvika/handlingsplaner/5/atgarder/9', recordId: 9, planTitle: 'Plan 2025' }),
            // The same item twice (e.g. two sources): one event.
            item({ kind: 'measure_end', title: 'Åtgärd', dueOn: '2024-02-29', path: '/arvika/handlingsplaner/5/atgarder/9', recordId: 9, planTitle: 'Plan 2025' }),
          ],
        },
      ],
    });
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Utblick – strategiarbetet i Arvika kommun');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(text).toContain(`X-PUBLISHED-TTL:PT${FEED_REFRESH_SECONDS / 3600}H`);
    expect(events).toHaveLength(2);
    const [review, measure] = events;
    expect(review!.e.uid).toBe('strategy-review-3-2018-10-14@utblick');
    expect(review!.e.summary).toBe(`Översyn av strategin: ${awkward}`);
    expect(review!.e.startDate.isDate).toBe(true);
    expect(review!.e.startDate.toString()).toBe('2018-10-14');
    expect(review!.e.endDate.toString()).toBe('2018-10-15');
    expect(review!.v.getFirstPropertyValue('url')).toBe('https://utblick.example.se/admin/arvika/strategi/3');
    expect(review!.v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(review!.e.description).toBe(
      [
        'Strategin ska ses över en gång per mandatperiod (mandatperioden börjar den 15 oktober valåret). Översynen ska vara gjord senast 14 oktober 2018.',
        'Läge: försenad.',
        'Kommun: Arvika kommun.',
        'Öppna i Utblick: https://utblick.example.se/admin/arvika/strategi/3',
      ].join('\n'),
    );
    expect(measure!.e.uid).toBe('measure-end-9-2024-02-29@utblick');
    expect(measure!.e.startDate.toString()).toBe('2024-02-29');
    expect(measure!.e.endDate.toString()).toBe('2024-03-01');
    expect(measure!.e.description).toContain('Åtgärden i Plan 2025 ska vara klar 29 februari 2024.');
  });

  it('names the municipality in each summary when the feed covers several, and writes English', () => {
    const text = buildCalendar({
      lang: 'en',
      baseUrl: 'http://localhost:3000',
      name: 'Utblick – my strategy work',
      sources: [
        { municipalityName: 'Ale Municipality', items: [item({ kind: 'plan_evaluation', title: 'Handlingsplan', titleEn: 'Action plan', path: '/ale/handlingsplaner/2', recordId: 2, dueOn: '2027-01-01' })] },
        { municipalityName: 'Arvika Municipality', items: [item({ title: 'Strategi' })] },
        { municipalityName: 'Empty Municipality', items: [] },
      ],
    });
    const { events } = parse(text);
    expect(events.map((x) => x.e.summary)).toEqual(['Ale Municipality: Evaluation of the action plan: Action plan', 'Arvika Municipality: Review of the strategy: Strategi']);
    expect(events[0]!.v.getFirstPropertyValue('url')).toBe('http://localhost:3000/en/admin/ale/handlingsplaner/2');
    expect(events[0]!.e.description).toContain('The action plan is to be evaluated every other year. The evaluation is due by 1 January 2027.');
    expect(eventUid({ kind: 'plan_evaluation', recordId: 2, dueOn: '2027-01-01' })).toBe('plan-evaluation-2-2027-01-01@utblick');
  });

  it('keeps the calendar’s name a single plain line', () => {
    const text = buildCalendar({ lang: 'sv', baseUrl: 'https://u.example.se', name: 'A, b;\r\nc', sources: [] });
    expect(text).toContain('X-WR-CALNAME:A b c\r\n');
    expect(parse(text).events).toEqual([]);
  });
});
