import { describe, expect, it } from 'vitest';
import { ALLOWED_TYPES } from './content.js';
import { cleanFilename, contentDisposition } from './filename.js';

const pdf = ALLOWED_TYPES.get('application/pdf')!;
const png = ALLOWED_TYPES.get('image/png')!;
const jpeg = ALLOWED_TYPES.get('image/jpeg')!;

describe('cleanFilename', () => {
  it('keeps a normal Swedish name', () => {
    expect(cleanFilename('Slutrapport Ungdomsutbyte Ylöjärvi 2026.pdf', pdf)).toBe('Slutrapport Ungdomsutbyte Ylöjärvi 2026.pdf');
    expect(cleanFilename('bild.JPEG', jpeg)).toBe('bild.jpeg');
  });

  it('drops folders, so path traversal leaves only a name', () => {
    expect(cleanFilename('../../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(cleanFilename('..\\..\\Windows\\system32\\evil.pdf', pdf)).toBe('evil.pdf');
    expect(cleanFilename('C:\\Users\\anna\\Budget.pdf', pdf)).toBe('Budget.pdf');
    expect(cleanFilename('..', pdf)).toBe('bilaga.pdf');
    expect(cleanFilename('', png)).toBe('bilaga.png');
    expect(cleanFilename('.htaccess', pdf)).toBe('htaccess.pdf');
  });

  it('removes control and direction characters and gives the detected extension', () => {
    // "rapport‮fdp.exe" shows as "rapportexe.pdf" in a right-to-left override.
    expect(cleanFilename('rapport\u202efdp.exe', pdf)).toBe('rapportfdp.exe.pdf');
    expect(cleanFilename('a\u0000b\nc.pdf', pdf)).toBe('abc.pdf');
    expect(cleanFilename('foto.pdf', png)).toBe('foto.pdf.png');
    expect(cleanFilename('what?<script>.pdf', pdf)).toBe('what__script_.pdf');
  });

  it('shortens long names on whole characters and keeps the extension', () => {
    const name = cleanFilename(`${'å'.repeat(400)}.pdf`, pdf);
    expect(Array.from(name).length).toBe(150);
    expect(name.endsWith('å.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Rapport Ylöjärvi "slut".pdf', 'attachment')).toBe(
      `attachment; filename="Rapport Ylojarvi _slut_.pdf"; filename*=UTF-8''Rapport%20Yl%C3%B6j%C3%A4rvi%20%22slut%22.pdf`,
    );
    expect(contentDisposition("it's (1).png", 'inline')).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
