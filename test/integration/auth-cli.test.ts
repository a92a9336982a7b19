/** `npm run admin:create`: the first account, idempotent re-runs, Swedish errors, audited as system:cli. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, parseArgs, UsageError } from '../../src/cli/create-admin.js';
import { verifyPassword } from '../../src/features/auth/passwords.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const kinds = await availableDatabases();
const PASSWORD = 'första kontot i arvika 2026';

describe('create-admin arguments', () => {
  it('reads the arguments and refuses wrong ones in Swedish', () => {
    expect(parseArgs(['--email', 'a@b.se', '--name', 'Anna', '--platform'])).toEqual({ email: 'a@b.se', name: 'Anna', platform: true });
    expect(parseArgs(['--email', 'a@b.se', '--municipality', 'arvika', '--role', 'coordinator'])).toMatchObject({ municipality: 'arvika', role: 'coordinator' });
    for (const [argv, message] of [
      [[], 'Ange e-postadressen med --email.'],
      [['--email'], '--email behöver ett värde.'],
      [['--email', 'inte-en-adress', '--platform'], 'är inte en e-postadress'],
      [['--email', 'a@b.se'], 'Ange --platform eller --municipality'],
      [['--email', 'a@b.se', '--municipality', 'arvika'], '--municipality och --role anges tillsammans.'],
      [['--email', 'a@b.se', '--municipality', 'arvika', '--role', 'kung'], 'Okänd roll "kung"'],
      [['--email', 'a@b.se', '--platform', '--admin'], 'Okänt argument "--admin"'],
    ] as const) {
      expect(() => parseArgs([...argv])).toThrow(UsageError);
      expect(() => parseArgs([...argv])).toThrow(message);
    }
  });
});

describe.each(kinds)('create-admin on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  }, 60_000);
  afterAll(async () => t?.close());

  const run = async (argv: string[], env: Record<string, string> = { UTBLICK_ADMIN_PASSWORD: PASSWORD }, askPassword = async () => undefined as string | undefined) => {
    let out = '';
    await createAdmin(t.handle, parseArgs(argv), env, { out: (s) => (out += s), askPassword });
    return out;
  };

  it('creates a platform administrator with the password from the environment, audited as system:cli', async () => {
    const out = await run(['--email', 'Petra@Utblick.example.se', '--name', 'Petra Plattform', '--platform']);
    expect(out).toContain('Kontot petra@utblick.example.se är skapat som plattformsadministratör');
    const user = await t.handle.db.selectFrom('users').selectAll().where('email', '=', 'petra@utblick.example.se').executeTakeFirstOrThrow();
    expect(user.is_platform_admin).toBe(1);
    expect(user.totp_enabled_at).toBeNull();
    expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('actor', '=', 'system:cli').execute();
    expect(audit.map((a) => a.action)).toContain('create');
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('is idempotent: a second run changes nothing, or adds only the missing role', async () => {
    expect(await run(['--email', 'petra@utblick.example.se', '--platform'], {})).toContain('finns redan med de behörigheterna. Inget har ändrats.');
    const out = await run(['--email', 'petra@utblick.example.se', '--municipality', 'arvika', '--role', 'municipal_admin'], {});
    expect(out).toContain('fått rollen municipal_admin i arvika');
    expect(out).toContain('Lösenordet är oförändrat');
    expect(await run(['--email', 'petra@utblick.example.se', '--municipality', 'arvika', '--role', 'municipal_admin'], {})).toContain('Inget har ändrats');
    const users = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'petra@utblick.example.se').execute();
    expect(users).toHaveLength(1);
  });

  it('creates a coordinator with a password asked for on the terminal', async () => {
    const out = await run(['--email', 'sara@arvika.example.se', '--name', 'Sara', '--municipality', 'arvika', '--role', 'coordinator'], {}, async () => PASSWORD);
    expect(out).toContain('med rollen coordinator i arvika');
    const user = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'sara@arvika.example.se').executeTakeFirstOrThrow();
    const role = await t.handle.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(role.role).toBe('coordinator');
  });

  it('refuses, in Swedish, a missing password, a weak one, a missing name and an unknown municipality', async () => {
    await expect(run(['--email', 'x@arvika.example.se', '--name', 'X', '--platform'], {})).rejects.toThrow('UTBLICK_ADMIN_PASSWORD');
    await expect(run(['--email', 'x@arvika.example.se', '--name', 'X', '--platform'], { UTBLICK_ADMIN_PASSWORD: 'kort' })).rejects.toThrow('minst 12 tecken');
    await expect(run(['--email', 'x@arvika.example.se', '--platform'])).rejects.toThrow('ange namnet med --name');
    await expect(run(['--email', 'x@arvika.example.se', '--name', 'X', '--municipality', 'atlantis', '--role', 'reader'])).rejects.toThrow('Det finns ingen kommun med adressen "atlantis"');
    expect(await t.handle.db.selectFrom('users').select('id').where('email', '=', 'x@arvika.example.se').executeTakeFirst()).toBeUndefined();
  });
});
