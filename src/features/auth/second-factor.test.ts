import { describe, expect, it } from 'vitest';
import { currentTotp, groupedSecret, looksLikeRecoveryCode, newTotpSecret, normaliseRecoveryCode, totpStep, totpUri } from './second-factor.js';

describe('TOTP', () => {
  it('accepts the current code and one step either side, and tells which step', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = Date.UTC(2026, 10, 21, 10, 0, 15);
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, currentTotp(secret, now), now)).toBe(step);
    expect(totpStep(secret, currentTotp(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, currentTotp(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, currentTotp(secret, now + 60_000), now)).toBeUndefined();
    expect(totpStep(secret, '12345', now)).toBeUndefined();
    expect(totpStep(secret, 'abcdef', now)).toBeUndefined();
  });
  it('shows the secret in fours and as an otpauth URI', () => {
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(totpUri('JBSWY3DPEHPK3PXP', 'a@b.se')).toBe('otpauth://totp/Utblick:a%40b.se?issuer=Utblick&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
  });
  it('normalises recovery codes', () => {
    expect(normaliseRecoveryCode(' K7M2Q-9XW4H ')).toBe('k7m2q9xw4h');
    expect(looksLikeRecoveryCode('k7m2q 9xw4h')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
