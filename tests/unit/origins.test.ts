/**
 * Who may connect (issue 14, lesson 14): the browser's SameSite rule for a WebSocket handshake, the
 * server's Origin allow-list (RFC 6455 §10.2 → 403), and the bank that trusts its cookie alone — so an
 * attacker's page reads the victim's account until one of the two is set.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import {
  BANK_ACCOUNT,
  BANK_ORIGIN,
  EVIL_ORIGIN,
  bankVerdict,
  cookieSent,
  cookieValue,
  originAllowed,
  parseOrigin,
  siteOf,
} from '../../src/sim/origins.ts';
import { World } from '../../src/sim/world.ts';

/** Run console lines against a fresh world with the bank server, the way the playground does. */
function bank(...lines: string[]): World {
  const w = new World({ server: 'bank' });
  for (const line of lines) {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(`${line}: ${JSON.stringify(p.error)}`);
    runCommand(w, p.command);
    w.settle();
  }
  return w;
}
const received = (w: World): string[] =>
  w.timeline.events.flatMap((e) =>
    e.kind === 'engine' && e.endpoint === 'client' && e.event.type === 'message'
      ? [String(e.event.data)]
      : [],
  );
const statuses = (w: World): number[] =>
  w.timeline.events.flatMap((e) =>
    e.kind === 'http' && e.message.kind === 'response' ? [e.message.status] : [],
  );
const requestCookie = (w: World): string | null => {
  const req = w.timeline.events.find((e) => e.kind === 'http' && e.message.kind === 'request');
  if (req?.kind !== 'http' || req.message.kind !== 'request') return null;
  return req.message.headers.find((h) => h.name.toLowerCase() === 'cookie')?.value ?? null;
};
const closedWith = (w: World): number | null => {
  const c = w.timeline.events.find(
    (e) => e.kind === 'engine' && e.endpoint === 'client' && e.event.type === 'closed',
  );
  return c?.kind === 'engine' && c.event.type === 'closed' ? c.event.code : null;
};

describe('origins and sites (RFC 6454 §6.2)', () => {
  it('a serialized origin is scheme://host[:port]: a path, a trailing slash, upper case or "null" are not', () => {
    expect(parseOrigin('https://bank.example')).toEqual({
      scheme: 'https',
      host: 'bank.example',
      port: null,
    });
    expect(parseOrigin('http://bank.example:8080')?.port).toBe('8080');
    for (const bad of [
      'https://bank.example/',
      'https://bank.example/app',
      'HTTPS://bank.example',
      'null',
      '',
    ])
      expect(parseOrigin(bad)).toBeNull();
  });

  it('a site is the scheme and the registrable domain: forum.bank.example is the same site as bank.example', () => {
    expect(siteOf('https://forum.bank.example')).toBe('https://bank.example');
    expect(siteOf(BANK_ORIGIN)).toBe('https://bank.example');
    expect(siteOf(EVIL_ORIGIN)).toBe('https://evil.example');
    // Schemeful: http://bank.example is another site than https://bank.example.
    expect(siteOf('http://bank.example')).not.toBe(siteOf(BANK_ORIGIN));
  });
});

describe('the browser: which handshakes carry the cookie (RFC 6265bis §5.4.7)', () => {
  it('SameSite=None goes with every handshake, cross-site included', () => {
    expect(cookieSent('none', EVIL_ORIGIN, BANK_ORIGIN)).toBe(true);
  });
  it('Lax and Strict stay home on a cross-site handshake (a WebSocket is not a top-level navigation)', () => {
    expect(cookieSent('lax', EVIL_ORIGIN, BANK_ORIGIN)).toBe(false);
    expect(cookieSent('strict', EVIL_ORIGIN, BANK_ORIGIN)).toBe(false);
    expect(cookieSent('strict', null, BANK_ORIGIN)).toBe(false);
  });
  it('…but go with a same-site one, a sibling subdomain included: SameSite does not replace the Origin check', () => {
    expect(cookieSent('strict', BANK_ORIGIN, BANK_ORIGIN)).toBe(true);
    expect(cookieSent('strict', 'https://forum.bank.example', BANK_ORIGIN)).toBe(true);
  });
});

describe('the server: Origin allow-list (RFC 6455 §4.2.2, §10.2)', () => {
  it('no list lets every origin in; a list lets in exactly its strings, and no Origin is refused', () => {
    expect(originAllowed(null, EVIL_ORIGIN)).toBe(true);
    expect(originAllowed([BANK_ORIGIN], BANK_ORIGIN)).toBe(true);
    expect(originAllowed([BANK_ORIGIN], EVIL_ORIGIN)).toBe(false);
    expect(originAllowed([BANK_ORIGIN], 'https://forum.bank.example')).toBe(false);
    expect(originAllowed([BANK_ORIGIN], null)).toBe(false);
  });
  it('the bank opens the account a valid session cookie names, and nothing else', () => {
    expect(cookieValue('theme=dark; session=alice-7f3a9c', 'session')).toBe('alice-7f3a9c');
    expect(bankVerdict('session=alice-7f3a9c')).toEqual({ kind: 'account', text: BANK_ACCOUNT });
    expect(bankVerdict('session=mallory')).toEqual({ kind: 'no-session' });
    expect(bankVerdict(null)).toEqual({ kind: 'no-session' });
  });
});

describe('cross-site WebSocket hijacking in the playground', () => {
  it('the learner’s own page: 101, the cookie rides along, the account arrives', () => {
    const w = bank('connect');
    expect(requestCookie(w)).toBe('session=alice-7f3a9c');
    expect(statuses(w)).toEqual([101]);
    expect(received(w)).toEqual([BANK_ACCOUNT]);
  });

  it('the attacker’s page with no defence: the browser sends the victim’s cookie, and the attacker reads the account', () => {
    const w = bank('connect --origin https://evil.example');
    expect(requestCookie(w)).toBe('session=alice-7f3a9c');
    expect(statuses(w)).toEqual([101]);
    expect(received(w)).toEqual([BANK_ACCOUNT]);
  });

  it('§10.2: with server origins https://bank.example the attacker’s handshake gets 403 and no data', () => {
    const w = bank('server origins https://bank.example', 'connect --origin https://evil.example');
    expect(statuses(w)).toEqual([403]);
    expect(received(w)).toEqual([]);
    // The learner's own page still gets in.
    const own = bank('server origins https://bank.example', 'connect');
    expect(statuses(own)).toEqual([101]);
    expect(received(own)).toEqual([BANK_ACCOUNT]);
  });

  it('SameSite=Lax: the attacker’s socket opens without the cookie, and the bank closes it with 1008', () => {
    const w = bank('server samesite lax', 'connect --origin https://evil.example');
    expect(requestCookie(w)).toBeNull();
    expect(statuses(w)).toEqual([101]);
    expect(received(w)).toEqual(['not signed in']);
    expect(closedWith(w)).toBe(1008);
  });

  it('SameSite=Strict does not stop a same-site page (forum.bank.example); the Origin list does', () => {
    const forum = bank('server samesite strict', 'connect --origin https://forum.bank.example');
    expect(received(forum)).toEqual([BANK_ACCOUNT]);
    const both = bank(
      'server samesite strict',
      'server origins https://bank.example',
      'connect --origin https://forum.bank.example',
    );
    expect(statuses(both)).toEqual([403]);
  });

  it('the console names the rule for a malformed allow-list entry and for an unknown SameSite', () => {
    const slash = parseCommand('server origins https://bank.example/');
    expect(slash.ok).toBe(false);
    if (!slash.ok) expect(slash.error.id).toBe('con.err.originForm');
    const bad = parseCommand('server samesite maybe');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.id).toBe('con.err.serverSameSite');
    const any = parseCommand('server origins any');
    expect(any.ok && any.command).toEqual({ name: 'server', set: 'origins', origins: null });
  });
});
