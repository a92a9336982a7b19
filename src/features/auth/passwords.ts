/**
 * Passwords: argon2id hashes (the `@node-rs/argon2` default: argon2id, m=19 MiB, t=2, p=1, the
 * OWASP minimum) and the rules a new password must meet: at least 12 characters, at most 200
 * (argon2 of a huge input is a cheap denial of service), not one of the most common passwords,
 * and not the account's own e-mail address.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Lang } from '../../i18n/index.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Hash verified when there is no account, so a wrong e-mail takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`. With no stored hash (unknown account, single sign-on only)
 * a dummy hash is verified anyway and the answer is false. Never throws.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  if (!stored) {
    dummyHash ??= hash('utblick-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Passwords of 12 characters or more that still top the leaked-password lists (Swedish and
 * international). Compared in lower case. A small list on purpose: the length rule does most of
 * the work; this stops the obvious.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  '123123123123', '121212121212', '987654321098', '098765432109', '112233445566', '123412341234',
  'qwertyuiopas', 'qwertyuiopå', 'qwertyuiopåä', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  'asdfghjklöä', 'asdfghjkl123', 'zxcvbnm12345', 'passwordpassword', 'password1234', 'password123!',
  'password12345', 'passw0rd1234', 'p@ssw0rd1234', 'lösenord1234', 'losenord1234', 'lösenordlösenord',
  'lösenord123!', 'losenord123!', 'välkommen123', 'valkommen123', 'välkommen1234', 'sommar2024!!',
  'sommar2025!!', 'sommar2026!!', 'vinter2025!!', 'vinter2026!!', 'hösten2026!!', 'iloveyou1234',
  'trustno1trustno1', 'letmein12345', 'welcome12345', 'welcome123456', 'administrator', 'administratör',
  'admin1234567', 'adminadmin12', 'changeme1234', 'utblick12345', 'utblickutblick', 'kommunen1234',
  'sverige12345', 'sverige123456', 'correct horse battery staple', 'correcthorsebatterystaple',
]);

const T = {
  empty: { sv: 'Fyll i ett nytt lösenord.', en: 'Enter a new password.' },
  short: { sv: `Lösenordet måste ha minst ${PASSWORD_MIN} tecken. Ett bra sätt är tre eller fyra ord som inte hör ihop.`, en: `The password must be at least ${PASSWORD_MIN} characters. Three or four unrelated words work well.` },
  long: { sv: `Lösenordet får ha högst ${PASSWORD_MAX} tecken.`, en: `The password must be ${PASSWORD_MAX} characters or fewer.` },
  common: { sv: 'Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat.', en: 'This is one of the most common passwords and is easy to guess. Choose another one.' },
  email: { sv: 'Lösenordet får inte vara din e-postadress.', en: 'The password must not be your email address.' },
  repeated: { sv: 'Lösenordet får inte bestå av ett enda tecken som upprepas.', en: 'The password must not be one character repeated.' },
};

/** What is wrong with `password` as a new password, in `lang`, or undefined when it is acceptable. */
export function passwordProblem(password: string, lang: Lang, email?: string): string | undefined {
  if (password.length === 0) return T.empty[lang];
  const length = [...password].length;
  if (length < PASSWORD_MIN) return T.short[lang];
  if (length > PASSWORD_MAX) return T.long[lang];
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return T.repeated[lang];
  if (COMMON.has(lower) || COMMON.has(lower.trim())) return T.common[lang];
  if (email && lower.trim() === email.toLowerCase()) return T.email[lang];
  return undefined;
}
