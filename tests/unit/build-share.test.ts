/**
 * The build page's share link and stored file: what the writer makes, the reader reads back; what a
 * hand-made or hostile link or stored value holds is refused with the limit it broke, never thrown.
 */
import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/ui/route.ts';
import {
  MAX_CODE_CHARS,
  MAX_FILE_BYTES,
  base64url,
  codeLink,
  fromBase64url,
  readCodeParam,
  withinFileLimit,
} from '../../src/ui/build/share.ts';
import { BUILD_FILE_KEY, storedFileCodec } from '../../src/ui/build/stored.ts';
import { Persisted, type StorageLike } from '../../src/ui/state/persisted.svelte.ts';

const SERVER = `import { createHash } from 'node:crypto';

export default function onConnection(socket) {
  socket.on('data', (chunk) => socket.write(chunk)); // 한국어 주석도 UTF-8로
}
`;

/** A pseudo-random text that DEFLATE cannot shrink much (a fixed seed: the same every run). */
function noise(chars: number): string {
  let x = 2463534242;
  let s = '';
  for (let i = 0; i < chars; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += String.fromCharCode(33 + ((x >>> 0) % 90));
  }
  return s;
}

const read = (hash: string) => readCodeParam(parseRoute(hash));

describe('base64url (RFC 4648 §5)', () => {
  it('round-trips every length mod 3, with - and _ and no padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 251) & 0xff);
      const text = base64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('a character outside the alphabet, or 4n+1 characters → null', () => {
    expect(fromBase64url('ab+c')).toBeNull();
    expect(fromBase64url('abcde')).toBeNull();
    expect(fromBase64url('한글')).toBeNull();
  });
});

describe('share link: #/build?code=<base64url(deflate-raw(UTF-8))>', () => {
  it('the link the page writes opens the same file, byte for byte', () => {
    const link = codeLink(SERVER);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.hash).toMatch(/^#\/build\?code=[A-Za-z0-9_-]+$/);
    expect(read(link.hash)).toEqual({ kind: 'ok', source: SERVER });
    // Beside the presentation parameters a view keeps, and on a stage's route.
    const code = link.hash.slice('#/build?'.length);
    expect(read(`#/build/echo?lang=ko&${code}`)).toEqual({ kind: 'ok', source: SERVER });
  });

  it(`a file whose link would be over ${MAX_CODE_CHARS} characters gets no link, and says how long it would be`, () => {
    // ~16 000 characters of noise deflate to ~13 000 bytes: ~17 500 characters of base64url.
    const link = codeLink(noise(16_000));
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.max).toBe(MAX_CODE_CHARS);
    expect(link.chars).toBeGreaterThan(MAX_CODE_CHARS);
  });

  it('a long file that compresses well still fits (the reference solution is ~9 KB)', () => {
    const link = codeLink(SERVER.repeat(200));
    expect(link.ok).toBe(true);
  });

  it('no code, an empty code, or another page → none', () => {
    expect(read('#/build')).toEqual({ kind: 'none' });
    expect(read('#/build?code=')).toEqual({ kind: 'none' });
    expect(read('#/playground?code=abc')).toEqual({ kind: 'none' });
  });

  it('a code over the limit is not decoded at all → too-long, with both lengths', () => {
    const r = read(`#/build?code=${'A'.repeat(MAX_CODE_CHARS + 1)}`);
    expect(r).toEqual({
      kind: 'bad',
      problem: { kind: 'too-long', chars: MAX_CODE_CHARS + 1, max: MAX_CODE_CHARS },
    });
  });

  it('garbled base64 → base64; bytes that are not DEFLATE, or a stream cut short → deflate', () => {
    expect(read('#/build?code=ab%2Bc')).toEqual({ kind: 'bad', problem: { kind: 'base64' } });
    expect(read('#/build?code=not*base64')).toEqual({ kind: 'bad', problem: { kind: 'base64' } });
    // 0xff: BTYPE 11, a reserved block type.
    expect(read(`#/build?code=${base64url(new Uint8Array([0xff, 0xff, 0xff]))}`)).toEqual({
      kind: 'bad',
      problem: { kind: 'deflate' },
    });
    const link = codeLink(SERVER);
    if (!link.ok) throw new Error('no link');
    // A link cut by a chat app: the stream never reaches its final block.
    expect(read(link.hash.slice(0, -12))).toEqual({ kind: 'bad', problem: { kind: 'deflate' } });
  });

  it(`a deflate bomb stops at ${MAX_FILE_BYTES} bytes → too-large (not 4 MB of text in the editor)`, () => {
    // 4 MiB of one letter deflates to ~4 KB: a short link that would inflate a thousandfold.
    const bomb = base64url(deflateRaw(new Uint8Array(4 << 20).fill(0x61), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_CODE_CHARS);
    expect(read(`#/build?code=${bomb}`)).toEqual({
      kind: 'bad',
      problem: { kind: 'too-large', max: MAX_FILE_BYTES },
    });
    // Exactly at the limit is a file; one byte more is not.
    const at = base64url(deflateRaw(new Uint8Array(MAX_FILE_BYTES).fill(0x61)));
    expect(read(`#/build?code=${at}`).kind).toBe('ok');
    const over = base64url(deflateRaw(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)));
    expect(read(`#/build?code=${over}`)).toEqual({
      kind: 'bad',
      problem: { kind: 'too-large', max: MAX_FILE_BYTES },
    });
  });

  it('bytes that are not UTF-8 → utf8', () => {
    const code = base64url(deflateRaw(new Uint8Array([0x63, 0xc3, 0x28])));
    expect(read(`#/build?code=${code}`)).toEqual({ kind: 'bad', problem: { kind: 'utf8' } });
  });
});

/** A Map-backed localStorage stand-in. */
function memoryStorage(init: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
const open = (s: StorageLike) =>
  new Persisted(BUILD_FILE_KEY, { codec: storedFileCodec, fallback: null, storage: () => s });

describe('the stored file (ws101:v1:build-file)', () => {
  it('nothing stored: the starter (null), and nothing is written', () => {
    const s = memoryStorage();
    const p = open(s);
    expect(p.current).toBeNull();
    expect(p.status).toBe('empty');
    expect(s.data.size).toBe(0);
  });

  it('what was typed is read back as typed; the starter again removes the key', () => {
    const s = memoryStorage();
    open(s).current = SERVER;
    expect(JSON.parse(s.data.get(BUILD_FILE_KEY)!)).toEqual({ source: SERVER });
    const again = open(s);
    expect(again.current).toBe(SERVER);
    expect(again.status).toBe('ok');
    again.current = null;
    expect(s.data.has(BUILD_FILE_KEY)).toBe(false);
  });

  const bad: [string, string, string][] = [
    ['not JSON', '{"source": "unterminated', 'json'],
    ['a bare string', JSON.stringify(SERVER), 'shape'],
    ['an array', '["a"]', 'shape'],
    ['null', 'null', 'shape'],
    ['a number for source', '{"source": 42}', 'shape'],
    ['a file over the limit', JSON.stringify({ source: 'é'.repeat(MAX_FILE_BYTES / 2 + 1) }), 'too-large'],
    ['a 5 MB value', 'x'.repeat(5 << 20), 'too-large'],
  ];
  for (const [what, raw, problem] of bad) {
    it(`${what} → the starter, status reset (${problem}), and the bad value is replaced`, () => {
      const s = memoryStorage({ [BUILD_FILE_KEY]: raw });
      const p = open(s);
      expect(p.current).toBeNull();
      expect(p.status).toBe('reset');
      expect(p.problem).toBe(problem);
      expect(s.data.has(BUILD_FILE_KEY)).toBe(false);
    });
  }

  it('the limit counts UTF-8 bytes: a Korean file of 100 000 characters is 300 000 bytes, over 256 KiB', () => {
    expect(withinFileLimit('가'.repeat(80_000))).toBe(true);
    expect(withinFileLimit('가'.repeat(100_000))).toBe(false);
    expect(withinFileLimit('a'.repeat(MAX_FILE_BYTES))).toBe(true);
    expect(withinFileLimit('a'.repeat(MAX_FILE_BYTES + 1))).toBe(false);
  });
});
