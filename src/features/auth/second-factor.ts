/**
 * The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 seconds, the settings every
 * authenticator app understands) and single-use recovery codes for when the phone is lost.
 * Recovery codes are stored as SHA-256 hashes only; they are shown once, when made.
 */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../db/database.js';
import { sha256Hex } from './session.js';

export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;

/** A new random TOTP secret (160 bits), base32 as the apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, accountName = 'utblick'): TOTP {
  return new TOTP({ issuer: 'Utblick', label: accountName, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://` URI an authenticator app reads (usually from a QR code). */
export function totpUri(secret: string, accountName: string): string {
  return totp(secret, accountName).toString();
}

/** The secret in groups of four characters, easier to type by hand: `ABCD EFGH …`. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step a 6-digit `code` is valid for (the current step, or one step before or after to
 * allow for clock drift), or undefined. The step lets the caller refuse a code used twice.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return undefined;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}

/** The current code of a secret (for tests and the set-up check). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

// ── Recovery codes ────────────────────────────────────────────────────────────

/** Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code like `k7m2q-9xw4h`: 10 characters, about 50 bits. */
function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** The form a recovery code is hashed in: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code));
}

/** Replaces the user's recovery codes with new ones and returns them (to show once). Call in a transaction. */
export async function replaceRecoveryCodes(trx: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = new Date().toISOString();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: sha256Hex(normaliseRecoveryCode(code)), used_at: null, created_at: now })))
    .execute();
  return codes;
}

/**
 * Uses up a recovery code: true when it was one of the user's unused codes (it is now used and
 * can never be used again), false otherwise. Safe against two requests using the same code at
 * once: only the one whose update changes the row wins.
 */
export async function consumeRecoveryCode(db: Db, userId: number, code: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256Hex(normaliseRecoveryCode(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** How many unused recovery codes the user has left. */
export async function unusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const rows = await db.selectFrom('recovery_codes').select('id').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  return rows.length;
}
