/**
 * Password reset by e-mail: a random single-use token, valid 30 minutes, stored only as its
 * SHA-256. The request answers the same whether or not the address has an account (so the form
 * cannot be used to find out who has one); the mail goes out in the background for the same reason.
 * Setting the new password uses the token up, cancels the user's other tokens and ends all the
 * user's sessions.
 */
import type { Config } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import type { User } from '../../db/schema.js';
import { recordAudit } from '../audit/chain.js';
import { type Mailer, sendInBackground } from '../mail/mailer.js';
import { findUser, findUserByEmail, setPassword } from './accounts.js';
import { fill, RESET_MAIL } from './messages.js';
import { attemptKey, clearAttempts, isLimited, recordAttempt } from './rate-limit.js';
import { newToken, sha256Hex } from './session.js';

export const RESET_MINUTES = 30;

/** The address of the reset page of a token, in the user's language. */
export function resetLink(config: Pick<Config, 'baseUrl'>, lang: 'sv' | 'en', token: string): string {
  return `${config.baseUrl}${lang === 'en' ? '/en' : ''}/admin/aterstall/${token}`;
}

/**
 * Sends a reset link to `email` if it belongs to an enabled account that has not had three links
 * in the last hour. Says nothing about which happened. The returned promise (of the mail) is for
 * tests; callers need not wait for it.
 */
export async function requestPasswordReset(db: Db, config: Config, mailer: Mailer, email: string): Promise<{ mail?: Promise<void> }> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) return {};
  const accountKey = attemptKey(config, 'reset_account', user.id);
  if (await isLimited(db, 'reset_account', accountKey)) return {};
  const token = newToken(32);
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: sha256Hex(token), user_id: user.id, created_at: new Date(now).toISOString(), expires_at: new Date(now + RESET_MINUTES * 60_000).toISOString(), used_at: null })
      .execute();
    await recordAttempt(trx, 'reset_account', accountKey);
    await recordAudit(trx, { municipalityId: null, actor: { userId: user.id, label: `${user.display_name} <${user.email}>` }, action: 'password_reset_requested', entity: 'user', entityId: user.id });
  });
  const lang = user.preferred_lang;
  const text = fill(RESET_MAIL.text[lang], { name: user.display_name, link: resetLink(config, lang, token), minutes: RESET_MINUTES });
  return { mail: sendInBackground(mailer, { to: user.email, subject: RESET_MAIL.subject[lang], text }, { userId: user.id }) };
}

/** The user a reset token belongs to, when the token is known, unused, unexpired and the user enabled. */
export async function userOfResetToken(db: Db, token: string): Promise<User | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('password_resets')
    .select(['user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now()) return undefined;
  const user = await findUser(db, Number(row.user_id));
  return user && !user.disabled_at ? user : undefined;
}

/**
 * Sets the new password of the token's user, uses the token up (and every other open token of the
 * user), ends all the user's sessions and clears the account's failed sign-ins. False when the
 * token is no longer valid (used meanwhile, expired).
 */
export async function completePasswordReset(db: Db, config: Config, token: string, passwordHash: string): Promise<boolean> {
  const user = await userOfResetToken(db, token);
  if (!user) return false;
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', sha256Hex(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await setPassword(trx, user, passwordHash, { userId: user.id, label: `${user.display_name} <${user.email}>` }, 'password_reset');
    await clearAttempts(trx, 'login_account', attemptKey(config, 'login_account', user.email));
    return true;
  });
}
