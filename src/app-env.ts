/** What every request handler can reach through `c.var`. */
import type { Config } from './config/env.js';
import type { DbHandle } from './db/database.js';
import type { Actor } from './features/policy/actor.js';
import type { Lang } from './i18n/index.js';

export interface AppEnv {
  Variables: {
    handle: DbHandle;
    config: Config;
    requestId: string;
    lang: Lang;
    clientAddress?: string;
    /** The signed-in person (back office only; set by src/features/admin/guard.ts). */
    actor?: Actor;
    /** A session whose second factor is still pending (sign-in in progress). */
    pendingSession?: { idHash: string; userId: number; stage: 'password' | 'totp_setup'; csrfToken: string };
  };
}
