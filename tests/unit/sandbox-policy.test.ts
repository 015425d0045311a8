/**
 * The #/build sandbox's Content-Security-Policy, written in three places that must agree: the constant
 * (src/build/sandbox/policy.ts), the <meta> tag of public/build-sandbox.html, and the header lines of
 * docs/deploy.md. Its hash must be the one of the document's inline bootstrap, byte for byte, or the
 * browser refuses the bootstrap and #/build never starts. And the page's own policy stays as strict.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SANDBOX_BOOTSTRAP_HASH,
  SANDBOX_CONTENT_SECURITY_POLICY,
  SANDBOX_DOCUMENT,
} from '../../src/build/sandbox/policy.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';

const html = readFileSync(new URL(`../../public/${SANDBOX_DOCUMENT}`, import.meta.url), 'utf8');
const deploy = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');

describe('the sandbox document and its policy', () => {
  it('the <meta> policy of build-sandbox.html is SANDBOX_CONTENT_SECURITY_POLICY, before any script', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(SANDBOX_CONTENT_SECURITY_POLICY);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it("script-src's hash is the sha256 of the one inline script, exactly as written", () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(''); // inline: no src, no type
    const hash = `sha256-${createHash('sha256').update(scripts[0]![2]!).digest('base64')}`;
    expect(hash).toBe(SANDBOX_BOOTSTRAP_HASH);
    expect(SANDBOX_CONTENT_SECURITY_POLICY).toContain(`script-src '${hash}' blob:`);
  });

  it('no network and no string evaluation: connect-src none, no unsafe-eval or unsafe-inline', () => {
    expect(SANDBOX_CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'none'(;|$)/);
    expect(SANDBOX_CONTENT_SECURITY_POLICY).toMatch(/(^|; )connect-src 'none'(;|$)/);
    expect(SANDBOX_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|data:/);
  });

  it('docs/deploy.md gives the same policy, as the text and in every header line for this file', () => {
    expect(deploy).toContain(`\n${SANDBOX_CONTENT_SECURITY_POLICY}\n`);
    const lines = deploy.split('\n').filter((l) => l.includes(SANDBOX_BOOTSTRAP_HASH));
    expect(lines.length).toBeGreaterThanOrEqual(5); // the text, nginx, Apache, _headers, Caddy
    for (const line of lines) expect(line).toContain(SANDBOX_CONTENT_SECURITY_POLICY);
  });

  it("the page's own policy still has script-src 'self' and no unsafe-eval (the sandbox needs nothing of it)", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|blob:.*script|frame-src/);
  });
});
