import { describe, expect, it } from 'vitest';
import { bulkRows, MAX_BULK_ROWS } from './bulk.js';

describe('the rows of the bulk form', () => {
  it('collects each measure’s fields, whatever their order, and ignores other fields', () => {
    const { rows, tooMany } = bulkRows({ 'm-7-status': 'done', 'm-3-progress': '40', 'm-7-progress': '100', 'm-3-note': 'Bra', enhet: '4', 'm-0-progress': '1', 'm-7-version': 'v', 'm-x-progress': '2' });
    expect(tooMany).toBe(false);
    expect(rows).toEqual([
      { measureId: 7, progress: '100', status: 'done', note: '', version: 'v' },
      { measureId: 3, progress: '40', status: '', note: 'Bra', version: '' },
    ]);
  });

  it('a repeated field counts as empty (and so fails as a wrong value), and too many rows are reported', () => {
    expect(bulkRows({ 'm-1-progress': ['1', '2'] }).rows[0]!.progress).toBe('');
    const many: Record<string, string> = {};
    for (let i = 1; i <= MAX_BULK_ROWS + 1; i++) many[`m-${i}-progress`] = '1';
    expect(bulkRows(many).tooMany).toBe(true);
  });
});
