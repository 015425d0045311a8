/**
 * Links are input like any other (security review M4, I4, I5): the one query splitter, the playground
 * link's reader held to the writer's limits (50 steps of at most 1 KiB, the longest prefix that fits),
 * the decoder's hex cut at 4 KiB on reading, and the `embed` parameter read the same way everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullSiteHash, keepPresentation } from '../../src/ui/embed/link.ts';
import { fromHost } from '../../src/ui/embed/presenter.ts';
import { readStep, withStep } from '../../src/ui/lessons/step-link.ts';
import {
  MAX_LINK_STEPS,
  MAX_RUN_CHARS,
  MAX_STEP_BYTES,
  readScenario,
  scenarioLink,
} from '../../src/ui/playground/share.ts';
import { URL_HEX_LIMIT, frameLink, parseRoute, queryPairs } from '../../src/ui/route.ts';

const read = (hash: string) => readScenario(parseRoute(hash));
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('the one query splitter', () => {
  it('decodes names once and keeps values as they came', () => {
    expect(queryPairs('#/playground?%65mbed=1&run=send%20a%3Bb;close&x')).toEqual([
      { name: 'embed', rawName: '%65mbed', raw: '1' },
      { name: 'run', rawName: 'run', raw: 'send%20a%3Bb;close' },
      { name: 'x', rawName: 'x', raw: '' },
    ]);
    expect(queryPairs('#/frame')).toEqual([]);
    expect(queryPairs('#/frame?&&')).toEqual([]);
  });

  it('lesson step links read the step through it (%73tep is step)', () => {
    expect(readStep('#/lessons/masking?%73tep=mask-key')).toEqual({ kind: 'step', id: 'mask-key' });
    expect(withStep('#/lessons/masking?%73tep=old&theme=dark', 'new')).toBe(
      '#/lessons/masking?theme=dark&step=new',
    );
  });
});

describe('reading a playground link (share.ts readScenario)', () => {
  it('round trip: what scenarioLink writes, readScenario reads back, byte for byte', () => {
    const step = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const link = scenarioLink('chat', steps);
        const back = read(link.hash);
        expect(back?.server).toBe('chat');
        expect(back?.run ?? []).toEqual(steps.slice(0, link.kept));
        expect(back?.cuts).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the largest link the writer makes (50 steps of 1 KiB, every byte escaped) is read whole', () => {
    const steps = Array.from({ length: MAX_LINK_STEPS }, () => 'ü'.repeat(MAX_STEP_BYTES / 2));
    const link = scenarioLink('echo', steps);
    expect(link.kept).toBe(MAX_LINK_STEPS);
    const run = link.hash.slice(link.hash.indexOf('run=') + 4);
    expect(run.length).toBe(MAX_LINK_STEPS * 3 * MAX_STEP_BYTES + MAX_LINK_STEPS - 1);
    expect(run.length).toBeLessThanOrEqual(MAX_RUN_CHARS);
    expect(read(link.hash)).toMatchObject({ run: steps, cuts: [] });
  });

  it('a step over 1 KiB is dropped with every step after it: the longest prefix that fits', () => {
    const long = `send ${'x'.repeat(MAX_STEP_BYTES)}`; // 1029 bytes
    const hash = `#/playground?run=connect;send%20hi;${encodeURIComponent(long)};close;ping`;
    expect(read(hash)).toEqual({
      server: null,
      run: ['connect', 'send hi'],
      cuts: [{ kind: 'step-too-long', n: 3, max: MAX_STEP_BYTES }],
    });
    // Exactly 1 KiB fits; the limit counts UTF-8 bytes, not characters.
    const exact = `send ${'x'.repeat(MAX_STEP_BYTES - 5)}`;
    expect(read(`#/playground?run=${encodeURIComponent(exact)}`)?.run).toEqual([exact]);
    const korean = `send ${'한'.repeat(340)}`; // 5 + 1020 bytes
    expect(read(`#/playground?run=${encodeURIComponent(korean)}`)?.cuts).toEqual([
      { kind: 'step-too-long', n: 1, max: MAX_STEP_BYTES },
    ]);
  });

  it('a 2 MB step is not even decoded: the read stops at MAX_RUN_CHARS, before it', () => {
    const hash = `#/playground?run=connect;send%20${'A'.repeat(2_000_000)};close`;
    expect(read(hash)).toEqual({
      server: null,
      run: ['connect'],
      cuts: [{ kind: 'run-too-long', chars: 2_000_021, max: MAX_RUN_CHARS }],
    });
  });

  it('more than 50 steps: the first 50 run, and the notice counts them all', () => {
    const steps = Array.from({ length: 80 }, (_, i) => `ping ${i}`);
    const hash = `#/playground?run=${steps.map(encodeURIComponent).join(';')}`;
    const r = read(hash);
    expect(r?.run).toEqual(steps.slice(0, 50));
    expect(r?.cuts).toEqual([{ kind: 'too-many', total: 80, max: MAX_LINK_STEPS }]);
  });

  it('the whole run= is read up to MAX_RUN_CHARS, and only whole steps before it', () => {
    // 60 steps of 1 KiB, every byte escaped: 3,064 characters each, 3,065 with the `;`. 50 of them
    // end at 153,249, within the cap; the cut at 153,650 falls inside the 51st, which is not run.
    const step = `send%20${'%61'.repeat(1019)}`;
    const hash = `#/playground?run=${Array.from({ length: 60 }, () => step).join(';')}`;
    const r = read(hash);
    expect(r?.cuts).toEqual([{ kind: 'run-too-long', chars: 60 * 3065 - 1, max: MAX_RUN_CHARS }]);
    expect(r?.run).toEqual(Array.from({ length: 50 }, () => `send ${'a'.repeat(1019)}`));
  });

  it('blank steps are skipped, steps are trimmed, and the server name is read as written', () => {
    expect(read('#/embed/playground?server=%20Chat&run=;%20connect%20;;')).toEqual({
      server: 'chat',
      run: ['connect'],
      cuts: [],
    });
    expect(read('#/playground')).toEqual({ server: null, run: null, cuts: [] });
    expect(read('#/frame?run=connect')).toBeNull();
  });

  it('a link read is bounded: 50 steps of at most 1 KiB each, whatever the address holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 1500 }), { maxLength: 70 }), (steps) => {
        const r = read(`#/playground?run=${steps.map((s) => encodeURIComponent(s)).join(';')}`);
        expect(r!.run!.length).toBeLessThanOrEqual(MAX_LINK_STEPS);
        for (const s of r!.run!) expect(bytes(s)).toBeLessThanOrEqual(MAX_STEP_BYTES);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the decoder link (I4)', () => {
  it('a hex parameter is cut at 4 KiB on reading, and the page is told', () => {
    const hex = '81'.repeat(5000);
    const route = parseRoute(`#/frame?hex=${hex}&dir=s2c`);
    expect(route.hex!.replace(/ /g, '').length).toBe(URL_HEX_LIMIT);
    expect(route.notices).toContainEqual({ kind: 'hex-cut', length: 10_000, limit: URL_HEX_LIMIT });
    expect(parseRoute('#/frame?hex=8100').notices).toEqual([]);
  });

  it('frameLink offers a decoder link only for bytes whose hex fits', () => {
    expect(frameLink(new Uint8Array([0x81, 0x00]), 'c2s')).toBe('#/frame?hex=8100&dir=c2s');
    expect(frameLink(new Uint8Array(URL_HEX_LIMIT / 2), 's2c')).not.toBeNull();
    expect(frameLink(new Uint8Array(URL_HEX_LIMIT / 2 + 1), 's2c')).toBeNull();
  });
});

describe('embed, however it is percent-encoded (I5)', () => {
  it('%65mbed=1 embeds, and the ↗ link drops it', () => {
    expect(parseRoute('#/frame?%65mbed=1').embed).toBe(true);
    expect(parseRoute('#/frame?%65%6D%62%65%64=true').embed).toBe(true);
    expect(fullSiteHash('#/frame?hex=81&%65mbed=1&%73cale=2')).toBe('#/frame?hex=81');
    expect(keepPresentation('#/frame?hex=00', '#/frame?%65mbed=1')).toBe('#/frame?hex=00&%65mbed=1');
  });

  it('the ↗ link never opens embedded, whatever the hash', () => {
    const part = fc.constantFrom(
      'embed',
      '%65mbed',
      'e%6Dbed',
      'EMBED',
      '/embed',
      '%2Fembed',
      '=1',
      '=true',
      '&',
      '?',
      '/frame',
      'x',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const hash = `#/${parts.join('')}`;
        expect(parseRoute(fullSiteHash(hash)).embed).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(fullSiteHash('#/embed/embed/frame?embed=1')).toBe('#/frame');
  });
});

describe('presenter (I8)', () => {
  it('takes messages only from the embedding page', () => {
    const self = {};
    const parent = {};
    expect(fromHost(parent, self, parent)).toBe(true);
    expect(fromHost({}, self, parent)).toBe(false); // a sibling frame, an opener
    expect(fromHost(self, self, parent)).toBe(false); // our own window (Monaco, xterm)
    expect(fromHost(null, self, parent)).toBe(false); // a MessagePort-less message
    expect(fromHost(self, self, self)).toBe(false); // top level: no host at all
  });
});
