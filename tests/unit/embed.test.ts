/**
 * Embedding's pure parts: which host messages are accepted (strictly), how link parameters read and
 * clamp, how hashes move between the full site and the embed form, and the share link's bounds.
 */
import { describe, expect, it } from 'vitest';
import { embedHash, fullSiteHash, iframeSnippet, keepPresentation } from '../../src/ui/embed/link.ts';
import { readPresentation, rootFontSize } from '../../src/ui/embed/options.ts';
import { parseRequest } from '../../src/ui/embed/presenter.ts';
import { MAX_LINK_STEPS, scenarioLink } from '../../src/ui/playground/share.ts';

describe('host messages', () => {
  it('accepts the short and the long form of every action', () => {
    expect(parseRequest({ type: 'step' })).toEqual({ action: 'step', n: 1 });
    expect(parseRequest({ type: 'ws101', action: 'back' })).toEqual({ action: 'back', n: 1 });
    expect(parseRequest({ type: 'step', n: 3, id: 'a' })).toEqual({ action: 'step', n: 3, id: 'a' });
    expect(parseRequest({ type: 'goto', step: 0 })).toEqual({ action: 'goto', step: 0 });
    expect(parseRequest({ type: 'ws101', action: 'getState', id: 7 })).toEqual({ action: 'getState', id: 7 });
    for (const action of ['play', 'pause', 'reset'] as const)
      expect(parseRequest({ type: action })).toEqual({ action });
    // Unknown extra fields are a host's own business.
    expect(parseRequest({ type: 'play', from: 'reveal' })).toEqual({ action: 'play' });
  });

  it('ignores anything else, without throwing', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'step',
      42,
      ['step'],
      new Date(),
      Object.create({ type: 'step' }),
      { type: 'STEP' },
      { type: 'ws101', action: 'launch' },
      { type: 'step', action: 'step' },
      { type: 'step', n: 0 },
      { type: 'step', n: 1001 },
      { type: 'step', n: '2' },
      { type: 'step', n: 2.5 },
      { type: 'step', step: 2 },
      { type: 'play', n: 1 },
      { type: 'play', step: 1 },
      { type: 'goto' },
      { type: 'goto', step: -1 },
      { type: 'goto', step: 1e7 },
      { type: 'goto', step: Infinity },
      { type: 'getState', id: null },
      { type: 'getState', id: 'x'.repeat(65) },
      { type: 'getState', id: Number.NaN },
    ];
    for (const b of bad) expect(parseRequest(b), JSON.stringify(b) ?? String(b)).toBeNull();
    const hostile = {
      get type(): string {
        throw new Error('no');
      },
    };
    expect(parseRequest(hostile)).toBeNull();
  });
});

describe('presentation parameters', () => {
  it('clamps numbers and ignores garbage', () => {
    expect(readPresentation({ scale: '1.5' }).scale).toBe(1.5);
    expect(readPresentation({ scale: '9' }).scale).toBe(2.5);
    expect(readPresentation({ scale: '0.1' }).scale).toBe(0.75);
    for (const scale of ['', 'abc', '1e3', '0x10', 'Infinity', '-2', '1.5.2', '２'])
      expect(readPresentation({ scale }).scale, scale).toBeNull();
    expect(readPresentation({ font: '20px' }).font).toBe(20);
    expect(readPresentation({ font: '100' }).font).toBe(40);
    expect(readPresentation({ theme: 'DARK' }).theme).toBe('dark');
    expect(readPresentation({ theme: 'purple' }).theme).toBeNull();
    expect(readPresentation({ lang: 'ko' }).lang).toBe('ko');
    expect(readPresentation({ lang: 'fr' }).lang).toBeNull();
  });

  it('keeps what a link leaves out, until theme=auto or scale=1', () => {
    const dark = readPresentation({ theme: 'dark', scale: '2' });
    expect(readPresentation({}, dark)).toEqual(dark);
    expect(readPresentation({ theme: 'nonsense' }, dark).theme).toBe('dark');
    expect(readPresentation({ theme: 'auto', scale: '1' }, dark)).toMatchObject({ theme: null, scale: null });
  });

  it('sizes the root font', () => {
    expect(rootFontSize(readPresentation({}))).toBe('');
    expect(rootFontSize(readPresentation({ scale: '1.25' }))).toBe('125%');
    expect(rootFontSize(readPresentation({ font: '20', scale: '1.5' }))).toBe('30px');
  });
});

describe('hashes', () => {
  it('turns a view into its embed form and back', () => {
    const hash = '#/playground?server=echo&run=connect;send%20a%3Bb&theme=light';
    const embed = embedHash(hash, { theme: 'dark', scale: 1.5 });
    expect(embed).toBe('#/embed/playground?server=echo&run=connect;send%20a%3Bb&theme=dark&scale=1.5');
    expect(fullSiteHash(embed)).toBe('#/playground?server=echo&run=connect;send%20a%3Bb&theme=dark');
    expect(fullSiteHash('#/frame?hex=81&embed=1&scale=2')).toBe('#/frame?hex=81');
    expect(embedHash('#/', { theme: 'auto', scale: 1 })).toBe('#/embed');
  });

  it('keeps the embed form and presentation parameters when a view rewrites its hash', () => {
    expect(keepPresentation('#/frame?hex=8100&dir=c2s', '#/embed/frame?hex=81&theme=dark&scale=2')).toBe(
      '#/embed/frame?hex=8100&dir=c2s&theme=dark&scale=2',
    );
    expect(keepPresentation('#/playground', '#/playground?run=x&embed=1')).toBe('#/playground?embed=1');
    expect(keepPresentation('#/frame?dir=s2c', '#/frame?hex=00')).toBe('#/frame?dir=s2c');
  });

  it('writes an iframe whose attributes cannot be broken out of', () => {
    expect(
      iframeSnippet({ src: 'https://x/#/a?b=1&c="><script>', width: 960, height: 540, title: 'T "q"' }),
    ).toBe(
      '<iframe src="https://x/#/a?b=1&amp;c=&quot;&gt;&lt;script&gt;" width="960" height="540"' +
        ' title="T &quot;q&quot;" loading="lazy" allow="clipboard-write" style="border:0"></iframe>',
    );
  });
});

describe('the share link', () => {
  it('writes the steps so that the reader splits them back', () => {
    expect(scenarioLink('echo', [])).toEqual({ hash: '#/playground', kept: 0, total: 0 });
    expect(scenarioLink('chat', []).hash).toBe('#/playground?server=chat');
    expect(scenarioLink('echo', ['connect', 'send a;b&c']).hash).toBe(
      '#/playground?server=echo&run=connect;send%20a%3Bb%26c',
    );
  });

  it('keeps the longest prefix within 50 steps of at most 1 KiB', () => {
    const many = Array.from({ length: 60 }, (_, i) => `ping ${i}`);
    expect(scenarioLink('echo', many)).toMatchObject({ kept: MAX_LINK_STEPS, total: 60 });
    const long = ['connect', `send ${'한'.repeat(400)}`, 'close'];
    expect(scenarioLink('echo', long)).toMatchObject({ kept: 1, total: 3 });
  });
});
