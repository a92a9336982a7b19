/**
 * zod pieces for the registry's forms. Every field arrives as text (or, when a name is repeated
 * by a hand-made request, as a list, which fails as "wrong format"); empty optional fields become
 * null. Numbers accept the Swedish decimal comma and spaces between thousands.
 */
import { z } from 'zod';

/** A required line of text, trimmed. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional text, trimmed; empty → null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** A number as people type it: "59,65", "-12.5", "47 000", "−3" (minus sign). Undefined when it is not one. */
function parseLooseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (!/^-?(\d{1,12}(\.\d{1,12})?|\.\d{1,12})$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** An optional number between min and max (integer when `integer`); empty → null. */
export const optionalNumber = (opts: { min: number; max: number; integer?: boolean; message: string }) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      const n = parseLooseNumber(s);
      if (n === undefined || n < opts.min || n > opts.max || (opts.integer && !Number.isInteger(n))) {
        ctx.addIssue({ code: 'custom', message: opts.message });
        return z.NEVER;
      }
      return n;
    });

/** Whether `s` is an https address of a host with a dot, without credentials or spaces, at most 500 characters. */
function isHttpsAddress(s: string): boolean {
  if (s.length > 500 || /\s/.test(s)) return false;
  try {
    const url = new URL(s);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** An optional https address (at most 500 characters, a host with a dot); empty → null. */
export const optionalHttpsUrl = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (!isHttpsAddress(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return s;
    });

/** An optional id of a record chosen from a list; empty → null. The caller checks that it exists. */
export const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (!/^[1-9][0-9]{0,14}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(s);
    });

/** The `updated_at` the form was opened with, to refuse lost updates. */
export const versionField = z.string().max(100).optional();

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(s: string | null | undefined): s is string {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A required date `YYYY-MM-DD`, trimmed. */
export const requiredDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx): string => {
      const s = (v ?? '').trim();
      if (!isIsoDate(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return s;
    });

/** An optional date `YYYY-MM-DD`, trimmed; empty → null. */
export const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx): string | null => {
      const s = (v ?? '').trim();
      if (s === '') return null;
      if (!isIsoDate(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return s;
    });
