/**
 * The installation's configuration, read from the environment once at start-up and validated as
 * a whole: every problem is reported at once, then the process refuses to start.
 */
import path from 'node:path';
import { z } from 'zod';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number; statementTimeoutMs: number };

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  database: DatabaseConfig;
  /** Load the seed municipalities when the database holds none. */
  seedOnEmpty: boolean;
  logLevel: 'silent' | 'error' | 'info';
  /** Secret salt for hashing client addresses in rate limits (never stored in clear). */
  rateLimitSalt: string;
  /** Who runs the installation, and where to report accessibility problems (the DOS law). */
  operator: { name: string; accessibilityEmail: string; accessibilityPhone?: string };
  /** The cache of rendered public responses (src/http/response-cache.ts). */
  responseCache: { enabled: boolean; maxBytes: number; ttlMs: number };
  /** Back-office sessions: idle and absolute time-outs. */
  session: { idleMinutes: number; absoluteHours: number };
  /** Outgoing e-mail (password reset, reminders). Without SMTP_URL mail is written to the log. */
  mail: { smtpUrl?: string; from: string };
  /** Uploaded attachments: a folder outside the web root, and the largest file accepted. */
  attachments: { dir: string; maxBytes: number };
  /** Scheduled work in the server process (reminders, the weekly digest): on by default, every 300 s. */
  scheduler: { enabled: boolean; intervalSeconds: number };
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ message: 'BASE_URL must be an absolute URL such as https://utblick.example.se' }).optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('sqlite:') || v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: 'DATABASE_URL must start with sqlite:, postgres:// or postgresql://',
    })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SEED_ON_EMPTY: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  RATE_LIMIT_SALT: z.string().min(16, 'RATE_LIMIT_SALT must be at least 16 characters').optional(),
  RESPONSE_CACHE: z.enum(['true', 'false']).default('true'),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  OPERATOR_NAME: z.string().min(2).max(200).default('Utblick'),
  ACCESSIBILITY_EMAIL: z.email({ message: 'ACCESSIBILITY_EMAIL must be an e-mail address' }).default('tillganglighet@utblick.example'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(12),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), { message: 'SMTP_URL must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Utblick <utblick@localhost>'),
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().min(0.01).max(200).default(20),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  ACCESSIBILITY_PHONE: z.string().regex(/^[+0-9 ()-]{5,30}$/, 'ACCESSIBILITY_PHONE must be a phone number').optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from `env`.
 * @throws ConfigError listing every invalid variable.
 * @example loadConfig({ DATABASE_URL: 'sqlite:/tmp/u.db', PORT: '0' })
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const url = e.DATABASE_URL;
  let database: DatabaseConfig;
  if (!url) database = { kind: 'sqlite', file: path.resolve(cwd, 'data/utblick.db') };
  else if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError(['DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/utblick.db']);
    database = { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  } else {
    database = {
      kind: 'postgres',
      url,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    };
  }
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database,
    seedOnEmpty: e.SEED_ON_EMPTY === 'true',
    logLevel: e.LOG_LEVEL,
    rateLimitSalt: e.RATE_LIMIT_SALT ?? 'utblick-default-salt-change-me',
    operator: { name: e.OPERATOR_NAME, accessibilityEmail: e.ACCESSIBILITY_EMAIL, accessibilityPhone: e.ACCESSIBILITY_PHONE },
    responseCache: { enabled: e.RESPONSE_CACHE === 'true', maxBytes: e.RESPONSE_CACHE_MAX_MB * 1024 * 1024, ttlMs: e.RESPONSE_CACHE_TTL_MS },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    attachments: {
      dir: path.resolve(cwd, e.ATTACHMENTS_DIR ?? (database.kind === 'sqlite' && database.file !== ':memory:' ? path.join(path.dirname(database.file), 'attachments') : 'data/attachments')),
      maxBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
    },
    scheduler: { enabled: e.SCHEDULER === 'on', intervalSeconds: e.SCHEDULER_INTERVAL_SECONDS },
  };
}
