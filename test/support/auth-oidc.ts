/**
 * A real OpenID Connect provider (`oidc-provider` v9) on loopback for single sign-on tests, with
 * its development login and consent pages, and a driver that walks a browser through them.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** oidc-provider ships no types; what the tests use of it. */
type ProviderCtor = new (issuer: string, config: Record<string, unknown>) => { callback(): http.RequestListener };

export const CLIENT_ID = 'utblick-test';
export const CLIENT_SECRET = 'en-lang-hemlighet-for-testklienten-0123456789';

/** Starts an identity provider that knows `accounts` (by account id = subject) and one client. */
export async function startTestOidcProvider(accounts: Record<string, TestAccount>, redirectUri: string) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const specifier = 'oidc-provider';
  const { default: Provider } = (await import(specifier)) as { default: ProviderCtor };
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    cookies: { keys: ['utblick-test-cookie-key-0123456789'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The visible text of an HTML page, for error messages. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 600);

/** A cookie jar for the identity provider's origin (paths ignored: one flow at a time). */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Walks from the identity provider's authorization URL through its login (as `accountId`) and
 * consent pages, and returns the URL it finally redirects to (the app's callback).
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string, opts: { abort?: boolean } = {}): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== url.origin) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`identity provider answered ${res.status}: ${textOf(html)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at the identity provider: ${textOf(html)}`);
    if (opts.abort) {
      url = new URL(`${url.pathname.replace(/\/$/, '')}/abort`, url);
      continue;
    }
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'whatever' } : { prompt });
    const post = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', body, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    jar.take(post);
    if (post.status < 300 || post.status >= 400) throw new Error(`identity provider refused the ${prompt} form: ${post.status} ${textOf(await post.text())}`);
    const next = new URL(post.headers.get('location')!, url);
    if (next.origin !== url.origin) return next;
    url = next;
  }
  throw new Error('too many redirects at the identity provider');
}
