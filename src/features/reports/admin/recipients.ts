/**
 * The recipients of a finalised half-year report, as the coordinator writes them in the
 * settings: one per line, `Kommunstyrelsens registratur <ks@arvika.se>` or just the address.
 */

export interface Recipient {
  name: string | null;
  address: string;
}

/** At most this many recipients (one mail goes to all of them). */
export const MAX_RECIPIENTS = 50;

const ADDRESS_RE = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/;
const NAMED_RE = /^(.*?)\s*<([^<>]*)>$/;

/**
 * The recipients of the text, or the 1-based numbers of the lines that are not an address.
 * Empty lines are skipped; a name may not contain `<`, `>` or `"`.
 * @example parseRecipients('KS registratur <ks@arvika.se>\nchef@arvika.se') // { recipients: [{ name: 'KS registratur', address: 'ks@arvika.se' }, { name: null, address: 'chef@arvika.se' }], badLines: [] }
 */
export function parseRecipients(text: string): { recipients: Recipient[]; badLines: number[] } {
  const recipients: Recipient[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const named = NAMED_RE.exec(line);
    const name = named ? named[1]!.replace(/^"(.*)"$/, '$1').trim() : '';
    const address = (named ? named[2]! : line).trim();
    if (!ADDRESS_RE.test(address) || address.length > 254 || /[<>"]/.test(name) || name.length > 200) badLines.push(i + 1);
    else recipients.push({ name: name || null, address });
  });
  return { recipients, badLines };
}

/** A recipient as written in the settings: `Name <address>`, or the address alone. */
export function recipientLine(r: Recipient): string {
  return r.name ? `${r.name} <${r.address}>` : r.address;
}

/** The recipients, one per line, in the form they are saved in. */
export function formatRecipients(recipients: Recipient[]): string {
  return recipients.map(recipientLine).join('\n');
}

/** An address for the mail's To header: the name quoted, so a comma in it cannot split the address. */
export function mailAddress(r: Recipient): string {
  return r.name ? `"${r.name.replace(/[\\"]/g, '')}" <${r.address}>` : r.address;
}
