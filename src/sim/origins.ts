/**
 * Who may connect: the browser's part (which cookies ride along with a WebSocket handshake) and the
 * bank's part (which Origins it lets in, whose session a cookie names). Pure functions of strings, so
 * the playground, the lesson's checks and the tests decide the same way.
 *
 * What may live here: origin and site arithmetic, the SameSite rule for a WebSocket request, the bank's
 * sessions. No clock, no TCP: world.ts wires these into the handshake.
 */

/** The bank's own page, and the host its WebSocket lives on. */
export const BANK_ORIGIN = 'https://bank.example';
export const BANK_HOST = 'bank.example';
/** The page the attacker controls, on another site. */
export const EVIL_ORIGIN = 'https://evil.example';
/** The session cookie the bank set when the learner signed in, and whose account it opens. */
export const BANK_COOKIE_NAME = 'session';
export const BANK_SESSION = 'alice-7f3a9c';
export const BANK_ACCOUNT = 'alice: balance 1,250.00 EUR; last transfer 300.00 EUR to bob';

/** The cookie attribute (RFC 6265bis §5.4.7): when a browser sends the cookie on a cross-site request. */
export type SameSite = 'none' | 'lax' | 'strict';
export const SAME_SITES: readonly SameSite[] = ['none', 'lax', 'strict'];

/** A serialized origin (scheme://host[:port], RFC 6454 §6.2) taken apart; null when it is not one. */
export interface ParsedOrigin {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: string | null;
}

/**
 * Parse a serialized origin as a browser writes it in `Origin`: lower-case scheme and host, no path, no
 * trailing slash. "null" (an opaque origin: a sandboxed iframe, a file: page) and anything else → null.
 */
export function parseOrigin(origin: string): ParsedOrigin | null {
  const m = /^(https?):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(origin);
  if (!m) return null;
  return { scheme: m[1] as 'http' | 'https', host: m[2]!, port: m[3] ?? null };
}

/**
 * The "site" of an origin: its scheme and registrable domain (HTML's "schemelessly/schemeful same site").
 * The registrable domain is taken as the host's last two labels, which is right for every host this
 * course uses (bank.example, forum.bank.example, evil.example); a browser reads the Public Suffix List
 * instead, so that a.github.io and b.github.io are different sites.
 */
export function siteOf(origin: string): string | null {
  const o = parseOrigin(origin);
  if (!o) return null;
  return `${o.scheme}://${o.host.split('.').slice(-2).join('.')}`;
}

/** Is a request from a page at `from` to `to` same-site? An opaque or malformed origin never is. */
export function sameSite(from: string | null, to: string): boolean {
  if (from === null) return false;
  const a = siteOf(from);
  return a !== null && a === siteOf(to);
}

/**
 * Does the browser attach a cookie with this SameSite to the handshake a page at `pageOrigin` starts
 * towards `target`? A WebSocket handshake is not a top-level navigation, so Lax behaves like Strict
 * here (RFC 6265bis §5.8.3.1 lets Lax cookies out cross-site only on top-level "safe" navigations):
 * only `None` goes cross-site. Same-site pages — a sibling subdomain included — always get it.
 */
export function cookieSent(sameSiteAttr: SameSite, pageOrigin: string | null, target: string): boolean {
  return sameSiteAttr === 'none' || sameSite(pageOrigin, target);
}

/**
 * The bank's Origin check (RFC 6455 §4.2.2 item 5 and §10.2): with an allow-list, only those exact
 * serialized origins are let in, so a request without Origin is refused too (it comes from no browser
 * page — and a client that is not a browser carries no victim's cookies). Null: every origin is let in,
 * which is the hole this lesson is about.
 */
export function originAllowed(allowList: readonly string[] | null, origin: string | null): boolean {
  return allowList === null || (origin !== null && allowList.includes(origin));
}

/** The value of one cookie in a Cookie header ("a=1; session=x" → "x"), or null. */
export function cookieValue(header: string | null, name: string): string | null {
  if (header === null) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return null;
}

/** What the bank does once a WebSocket is open: send the account the session names, or refuse. */
export type BankVerdict =
  { readonly kind: 'account'; readonly text: string } | { readonly kind: 'no-session' };

export function bankVerdict(cookieHeader: string | null): BankVerdict {
  return cookieValue(cookieHeader, BANK_COOKIE_NAME) === BANK_SESSION
    ? { kind: 'account', text: BANK_ACCOUNT }
    : { kind: 'no-session' };
}
