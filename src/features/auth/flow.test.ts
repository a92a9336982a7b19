import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './flow.js';

describe('safeReturnPath', () => {
  it('keeps back-office paths of this site', () => {
    for (const p of ['/admin', '/admin/arvika', '/en/admin/arvika/projekt?sida=2&q=v%C3%A4nort', '/admin?x=1']) expect(safeReturnPath(p, 'sv')).toBe(p);
  });
  it('refuses everything else, falling back to the start page of the language', () => {
    for (const p of [
      undefined,
      '',
      'https://evil.example/admin',
      '//evil.example/admin',
      '///evil.example',
      '/\\evil.example',
      '/admin\\@evil.example',
      '/admin//evil.example',
      '/admin/../../evil',
      '/administrator',
      '/projekt',
      'javascript:alert(1)',
      '/admin/\u0000x',
      '/admin/ x',
      '/admin/logga-in?till=/admin',
      '/en/admin/sso/callback',
      `/admin/${'a'.repeat(2001)}`,
    ]) {
      expect(safeReturnPath(p, 'sv')).toBe('/admin');
      expect(safeReturnPath(p, 'en')).toBe('/en/admin');
    }
  });
});
