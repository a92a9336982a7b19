import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('tre ord som inte hör ihop');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'tre ord som inte hör ihop')).toBe(true);
    expect(await verifyPassword(h, 'tre ord som inte hör ihoP')).toBe(false);
    expect(await verifyPassword(null, 'vad som helst')).toBe(false);
    expect(await verifyPassword('inte en hash', 'vad som helst')).toBe(false);
  });
  it('asks for 12 characters, refuses the most common passwords and the e-mail address', () => {
    expect(passwordProblem('', 'sv')).toContain('Fyll i');
    expect(passwordProblem('kort', 'sv')).toContain('minst 12 tecken');
    expect(passwordProblem('Lösenord1234', 'sv')).toContain('vanligaste');
    expect(passwordProblem('aaaaaaaaaaaaaaa', 'en')).toContain('repeated');
    expect(passwordProblem('karin@arvika.se', 'sv', 'Karin@Arvika.se')).toContain('e-postadress');
    expect(passwordProblem('x'.repeat(201), 'en')).toContain('200');
    expect(passwordProblem('tre ord som inte hör ihop', 'sv')).toBeUndefined();
  });
});
