/**
 * A small browser for sign-in tests: keeps cookies across `app.request()` calls (honouring
 * deletion), sends the Origin header a browser would send with a form, and reads hidden fields.
 */
import { Secret, TOTP } from 'otpauth';

type Fetchable = { request(path: string, init?: RequestInit): Response | Promise<Response> };

export class TestBrowser {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers of the last response. */
  lastSetCookie: string[] = [];

  constructor(
    private readonly app: Fetchable,
    private readonly headers: Record<string, string> = {},
  ) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get('__Host-utblick_session');
  }

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  private remember(res: Response): Response {
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = this.cookieHeader();
    return this.remember(await this.app.request(path, { headers: { ...this.headers, ...(cookie ? { cookie } : {}), ...headers } }));
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = this.cookieHeader();
    return this.remember(
      await this.app.request(path, {
        method: 'POST',
        body: new URLSearchParams(form).toString(),
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', ...this.headers, ...(cookie ? { cookie } : {}), ...headers },
      }),
    );
  }
}

/** The `_csrf` value of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

/** The TOTP secret shown on the set-up page (grouped in fours). */
export function secretOf(html: string): string {
  const m = /id="totp-secret">([A-Z2-7 ]+)</.exec(html);
  if (!m) throw new Error('no secret on the page');
  return m[1]!.replace(/ /g, '');
}

/** The recovery codes shown on the page. */
export function recoveryCodesOf(html: string): string[] {
  return [...html.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
}

/** The TOTP code of `secret` at `at` (ms). */
export function totpCode(secret: string, at = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at, algorithm: 'SHA1', digits: 6, period: 30 });
}
