/** What every request handler can reach through `c.var`. */
import type { Config } from './config/env.js';
import type { DbHandle } from './db/database.js';
import type { Lang } from './i18n/index.js';

export interface AppEnv {
  Variables: {
    handle: DbHandle;
    config: Config;
    requestId: string;
    lang: Lang;
    clientAddress?: string;
  };
}
