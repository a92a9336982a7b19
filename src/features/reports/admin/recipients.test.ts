import { describe, expect, it } from 'vitest';
import { formatRecipients, mailAddress, parseRecipients } from './recipients.js';

describe('parseRecipients', () => {
  it('reads named and bare addresses, one per line, skipping empty lines', () => {
    const r = parseRecipients('Kommunstyrelsens registratur <ks@arvika.se>\r\n\n  chef.kultur@arvika.se  \n"Anna Andersson, förvaltningschef" <anna@arvika.se>');
    expect(r.badLines).toEqual([]);
    expect(r.recipients).toEqual([
      { name: 'Kommunstyrelsens registratur', address: 'ks@arvika.se' },
      { name: null, address: 'chef.kultur@arvika.se' },
      { name: 'Anna Andersson, förvaltningschef', address: 'anna@arvika.se' },
    ]);
  });

  it('names the lines that are not addresses', () => {
    const r = parseRecipients('ks@arvika.se\nKS registratur\nks@arvika\n<>\nA <b@c.se> <d@e.se>\nok@arvika.se, andra@arvika.se');
    expect(r.badLines).toEqual([2, 3, 4, 5, 6]);
    expect(r.recipients).toEqual([{ name: null, address: 'ks@arvika.se' }]);
  });

  it('round-trips through formatRecipients', () => {
    const text = 'KS registratur <ks@arvika.se>\nchef@arvika.se';
    expect(formatRecipients(parseRecipients(text).recipients)).toBe(text);
  });

  it('quotes a name in the To header so a comma cannot split it', () => {
    expect(mailAddress({ name: 'Andersson, Anna', address: 'anna@arvika.se' })).toBe('"Andersson, Anna" <anna@arvika.se>');
    expect(mailAddress({ name: null, address: 'ks@arvika.se' })).toBe('ks@arvika.se');
  });
});
