/**
 * `npm run admin:create -- --email x@kommun.se --name "Förnamn Efternamn" [--platform]
 * [--municipality <kommun> --role coordinator|municipal_admin|unit_editor|reader]`
 *
 * Creates a back-office account, the first one included. The password comes from the environment
 * variable UTBLICK_ADMIN_PASSWORD or, in a terminal, is asked for twice without being shown. The
 * person sets up the second factor at the first sign-in.
 *
 * Idempotent: when the account exists, only what is missing (the platform flag, the role) is
 * added; the password and name are left alone. Every change is audited as `system:cli`.
 * Exit codes: 0 done (or nothing to do), 2 wrong arguments or input, 1 anything else.
 */
import type { Config } from '../config/env.js';
import { loadConfig } from '../config/env.js';
import type { DbHandle } from '../db/database.js';
import type { MunicipalRole } from '../db/schema.js';
import { createAccount, findUserByEmail, grantRole, normaliseEmail } from '../features/auth/accounts.js';
import { hashPassword, passwordProblem } from '../features/auth/passwords.js';
import { recordAudit } from '../features/audit/chain.js';
import { ROLES } from '../features/users/service.js';
import { setLogLevel } from '../log.js';
import { prepareDatabase } from '../server.js';

const CLI_ACTOR = { userId: null, label: 'system:cli' };
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const USAGE = `Användning:
  npm run admin:create -- --email <e-post> --name "<namn>" [--platform]
                          [--municipality <kommun> --role <roll>]

  --platform       plattformsadministratör (alla kommuner, lägger till kommuner)
  --municipality   kommunens adress, till exempel arvika
  --role           coordinator, municipal_admin, unit_editor eller reader

Lösenordet läses från miljövariabeln UTBLICK_ADMIN_PASSWORD, annars frågar kommandot efter det.
`;

export class UsageError extends Error {}

export interface CreateAdminArgs {
  email: string;
  name?: string;
  platform: boolean;
  municipality?: string;
  role?: MunicipalRole;
}

/** Reads the arguments. @throws UsageError with a Swedish message. */
export function parseArgs(argv: string[]): CreateAdminArgs {
  const out: Partial<CreateAdminArgs> & { platform: boolean } = { platform: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} behöver ett värde.`);
      return v;
    };
    if (arg === '--email') out.email = value();
    else if (arg === '--name') out.name = value();
    else if (arg === '--platform') out.platform = true;
    else if (arg === '--municipality') out.municipality = value();
    else if (arg === '--role') {
      const role = value();
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`Okänd roll "${role}". Välj coordinator, municipal_admin, unit_editor eller reader.`);
      out.role = role as MunicipalRole;
    } else throw new UsageError(`Okänt argument "${arg}".`);
  }
  if (!out.email) throw new UsageError('Ange e-postadressen med --email.');
  if (!EMAIL_RE.test(out.email) || out.email.length > 320) throw new UsageError(`"${out.email}" är inte en e-postadress.`);
  if (out.name !== undefined && (!out.name.trim() || out.name.length > 200)) throw new UsageError('Namnet måste ha mellan 1 och 200 tecken.');
  if (Boolean(out.municipality) !== Boolean(out.role)) throw new UsageError('--municipality och --role anges tillsammans.');
  if (!out.platform && !out.municipality) throw new UsageError('Ange --platform eller --municipality <kommun> --role <roll>.');
  return out as CreateAdminArgs;
}

export interface CliIo {
  out(text: string): void;
  /** Asks for the password (twice, without echo). Undefined when there is no terminal to ask in. */
  askPassword(): Promise<string | undefined>;
}

/**
 * Does the work on an open, migrated database; what was done goes to `io.out`.
 * @throws UsageError for wrong input (exit code 2).
 */
export async function createAdmin(handle: DbHandle, args: CreateAdminArgs, env: Record<string, string | undefined>, io: CliIo): Promise<void> {
  const db = handle.db;
  const email = normaliseEmail(args.email);
  let municipalityId: number | undefined;
  if (args.municipality) {
    const m = await db.selectFrom('municipalities').select('id').where('slug', '=', args.municipality).executeTakeFirst();
    if (!m) throw new UsageError(`Det finns ingen kommun med adressen "${args.municipality}" i databasen.`);
    municipalityId = Number(m.id);
  }
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const changes: string[] = [];
    await db.transaction().execute(async (trx) => {
      if (args.platform && !existing.is_platform_admin) {
        await trx.updateTable('users').set({ is_platform_admin: 1, updated_at: new Date().toISOString() }).where('id', '=', existing.id).execute();
        await recordAudit(trx, { municipalityId: null, actor: CLI_ACTOR, action: 'update', entity: 'user', entityId: existing.id, before: { is_platform_admin: 0 }, after: { is_platform_admin: 1 } });
        changes.push('gjort till plattformsadministratör');
      }
      if (municipalityId !== undefined && args.role) {
        const held = await trx.selectFrom('user_roles').select('role').where('user_id', '=', existing.id).where('municipality_id', '=', municipalityId).executeTakeFirst();
        if (held?.role !== args.role) {
          await grantRole(trx, existing.id, municipalityId, args.role, CLI_ACTOR);
          changes.push(`fått rollen ${args.role} i ${args.municipality}`);
        }
      }
    });
    io.out(changes.length ? `Kontot ${email} fanns redan och har ${changes.join(' och ')}. Lösenordet är oförändrat.\n` : `Kontot ${email} finns redan med de behörigheterna. Inget har ändrats.\n`);
    return;
  }
  if (!args.name) throw new UsageError('Kontot finns inte än: ange namnet med --name "Förnamn Efternamn".');
  let password = env.UTBLICK_ADMIN_PASSWORD;
  if (!password) password = await io.askPassword();
  if (!password) throw new UsageError('Ange lösenordet i miljövariabeln UTBLICK_ADMIN_PASSWORD, eller kör kommandot i en terminal så frågar det efter lösenordet.');
  const problem = passwordProblem(password, 'sv', email);
  if (problem) throw new UsageError(problem);
  await createAccount(
    db,
    { email, displayName: args.name, passwordHash: await hashPassword(password), platformAdmin: args.platform, role: municipalityId !== undefined && args.role ? { municipalityId, role: args.role } : undefined },
    CLI_ACTOR,
  );
  io.out(`Kontot ${email} är skapat${args.platform ? ' som plattformsadministratör' : ''}${args.role ? ` med rollen ${args.role} i ${args.municipality}` : ''}. Vid första inloggningen ställer personen in tvåstegsverifiering.\n`);
}

/** Asks for a password twice on the terminal without showing it; undefined when stdin is not a terminal. */
async function askPasswordOnTty(): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const [first, second] = await readHiddenLines(['Lösenord (minst 12 tecken): ', 'Samma lösenord igen: ']);
  if (first !== second) throw new UsageError('Lösenorden är inte likadana.');
  return first;
}

/** Reads one line per prompt with the terminal in raw mode (nothing echoed). Ctrl-C cancels. */
function readHiddenLines(prompts: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    const lines: string[] = [];
    let text = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          process.stdout.write('\n');
          lines.push(text);
          text = '';
          if (lines.length === prompts.length) {
            finish();
            resolve(lines);
            return;
          }
          process.stdout.write(prompts[lines.length]!);
        } else if (ch === '\u0003') {
          finish();
          process.stdout.write('\n');
          reject(new UsageError('Avbrutet.'));
          return;
        } else if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
    process.stdout.write(prompts[0]!);
  });
}

async function main(): Promise<void> {
  let args: CreateAdminArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config: Config = loadConfig();
  setLogLevel(config.logLevel === 'info' ? 'error' : config.logLevel);
  const handle = await prepareDatabase(config);
  try {
    await createAdmin(handle, args, process.env, { out: (t) => process.stdout.write(t), askPassword: askPasswordOnTty });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } finally {
    await handle.db.destroy();
  }
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('create-admin.js') || entry.endsWith('create-admin.ts')) {
  main().catch((e: unknown) => {
    process.stderr.write(`Kontot kunde inte skapas: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
