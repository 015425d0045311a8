/**
 * The decoder with permessage-deflate (RFC 7692): the `ext=` link parameter read through the engine's
 * negotiation checks and written back, and RFC 7692 §7.2.3's examples decoded as the RFC says — and,
 * without the extension, refused with 1002 as RFC 6455 §5.2 requires.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  Connection,
  DEFAULT_DEFLATE_PARAMS,
  closeCodeFor,
  describeError,
  toHex,
  type DeflateParams,
  type WindowBits,
} from '../../src/protocol/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { locale } from '../../src/i18n/locale.svelte.ts';
import { parseRoute } from '../../src/ui/route.ts';
import { frameSummary } from '../../src/ui/decoder/describe.ts';
import { BROKEN_EXAMPLES, DEFLATE_EXAMPLES, type Example } from '../../src/ui/decoder/examples.ts';
import {
  EXT_PARAM_LIMIT,
  NO_EXTENSION,
  deflateChoice,
  extParam,
  readExtParam,
  withExt,
  type ExtChoice,
} from '../../src/ui/decoder/extension.ts';
import { INFLATE_LIMIT, decodeInput, windowNotInBytes } from '../../src/ui/decoder/model.ts';

afterEach(() => {
  locale.lang = 'en';
});

const optionOf = (choice: ExtChoice) =>
  choice.kind === 'permessage-deflate' ? { codec: pakoCodec, params: choice.params } : null;
const decode = (ex: Example, choice: ExtChoice = ex.ext) => decodeInput(ex.hex, ex.dir, optionOf(choice));
const messages = (d: ReturnType<typeof decodeInput>) =>
  d.inspection.events.flatMap((e) => (e.type === 'message' ? [e.data] : []));
const example = (id: string): Example => {
  const ex = [...DEFLATE_EXAMPLES, ...BROKEN_EXAMPLES].find((e) => e.id === id);
  if (!ex) throw new Error(id);
  return ex;
};

describe('the ext= link parameter', () => {
  it('round trip: every parameter combination is written compactly and read back the same', () => {
    const bits: WindowBits[] = [8, 10, 15];
    for (const serverNoContextTakeover of [false, true])
      for (const clientNoContextTakeover of [false, true])
        for (const serverMaxWindowBits of bits)
          for (const clientMaxWindowBits of bits) {
            const choice = deflateChoice({
              serverNoContextTakeover,
              clientNoContextTakeover,
              serverMaxWindowBits,
              clientMaxWindowBits,
            });
            const hash = withExt('#/frame?hex=c107f248cdc9c90700&dir=s2c', choice);
            const route = parseRoute(hash);
            expect(readExtParam(route.params.ext)).toEqual({ choice, problem: null });
          }
  });

  it('the defaults are written as the bare name; non-defaults as the brief’s example', () => {
    expect(extParam(deflateChoice())).toBe('permessage-deflate');
    expect(extParam(NO_EXTENSION)).toBeNull();
    expect(withExt('#/frame?dir=s2c', NO_EXTENSION)).toBe('#/frame?dir=s2c');
    const choice = deflateChoice({ clientNoContextTakeover: true, serverMaxWindowBits: 10 });
    expect(extParam(choice)).toBe('permessage-deflate;client_no_context_takeover;server_max_window_bits=10');
    expect(withExt('#/frame?dir=s2c', choice)).toBe(
      '#/frame?dir=s2c&ext=permessage-deflate%3Bclient_no_context_takeover%3Bserver_max_window_bits%3D10',
    );
  });

  it('a hand-written value with spaces, capitals and a quoted value is read as a handshake reads it', () => {
    const read = readExtParam('Permessage-Deflate; server_max_window_bits="12"');
    expect(read).toEqual({ choice: deflateChoice({ serverMaxWindowBits: 12 }), problem: null });
    expect(
      readExtParam(parseRoute('#/frame?ext=permessage-deflate+%3B+server_no_context_takeover').params.ext),
    ).toEqual({ choice: deflateChoice({ serverNoContextTakeover: true }), problem: null });
  });

  it('absent, empty or "none" is no extension, without a notice', () => {
    for (const v of [undefined, '', '  ', 'none', 'NONE']) {
      expect(readExtParam(v)).toEqual({ choice: NO_EXTENSION, problem: null });
    }
  });

  const refused = (value: string) => {
    const read = readExtParam(value);
    expect(read.choice).toEqual(NO_EXTENSION);
    const p = read.problem;
    if (p?.kind !== 'rule') throw new Error(`expected a rule for ${value}, got ${JSON.stringify(p)}`);
    return p.error;
  };

  it('RFC 7692 §7.1.2: a window outside 8–15 (or with a leading zero) is refused and named', () => {
    for (const v of ['16', '7', '010', 'x']) {
      const e = refused(`permessage-deflate;server_max_window_bits=${v}`);
      expect(e).toMatchObject({ rule: 'deflate-answer-bad-window-bits', rfc: 7692, section: '7.1.2' });
      expect(describeError(e)).toContain('RFC 7692 §7.1.2');
    }
  });

  it('RFC 7692 §7.1.2.2: client_max_window_bits without a value is refused (a response MUST give one)', () => {
    expect(refused('permessage-deflate;client_max_window_bits')).toMatchObject({
      rule: 'deflate-answer-window-no-value',
      section: '7.1.2.2',
    });
  });

  it('RFC 7692 §7: an unknown parameter, a repeated one, or a value on a flag is refused', () => {
    expect(refused('permessage-deflate;level=9')).toMatchObject({ rule: 'deflate-answer-unknown-param' });
    expect(refused('permessage-deflate;server_no_context_takeover;server_no_context_takeover')).toMatchObject(
      { rule: 'deflate-answer-duplicate-param' },
    );
    expect(refused('permessage-deflate;client_no_context_takeover=1')).toMatchObject({
      rule: 'deflate-answer-flag-with-value',
      section: '7.1.1',
    });
  });

  it('RFC 7692 §5: permessage-deflate twice is refused (one extension owns RSV1)', () => {
    expect(refused('permessage-deflate, permessage-deflate')).toMatchObject({ rule: 'deflate-answer-twice' });
  });

  it('RFC 6455 §9.1: a malformed value (open quote, bad token) is refused with the header rule', () => {
    expect(refused('permessage-deflate;server_max_window_bits="10')).toMatchObject({
      rule: 'bad-extensions-header',
      section: '9.1',
    });
    expect(refused('permessage deflate')).toMatchObject({ rule: 'bad-extensions-header' });
  });

  it('an extension other than permessage-deflate is named, and not used', () => {
    expect(readExtParam('x-webkit-deflate-frame')).toEqual({
      choice: NO_EXTENSION,
      problem: { kind: 'unknown', name: 'x-webkit-deflate-frame' },
    });
  });

  it(`a value over ${EXT_PARAM_LIMIT} characters is not parsed at all (bounded work per link)`, () => {
    const long = `permessage-deflate;${'server_no_context_takeover;'.repeat(20)}`;
    expect(readExtParam(long)).toEqual({
      choice: NO_EXTENSION,
      problem: { kind: 'too-long', length: long.length, limit: EXT_PARAM_LIMIT },
    });
    // A megabyte of garbage costs a length check.
    expect(readExtParam('%'.repeat(1 << 20)).problem?.kind).toBe('too-long');
  });
});

describe('RFC 7692 §7.2.3 examples in the decoder', () => {
  it('§7.2.3.1 "Hello" compressed → "Hello": DEFLATE bytes, inflated text, tail and empty window', () => {
    const d = decode(example('deflate-hello'));
    expect(d.error).toBeNull();
    expect(messages(d)).toEqual(['Hello']);
    const payload = d.cards[0]!.rows.find((r) => r.field.id === 'payload')!;
    expect(payload.field.raw).toBe('f2 48 cd c9 c9 07 00');
    const child = (id: string) => d.cards[0]!.rows.find((r) => r.field.id === id)!.field;
    expect(child('inflated').raw).toBe('48 65 6c 6c 6f');
    expect(child('deflate-tail').raw).toBe('00 00 ff ff');
    expect(child('deflate-window').raw).toBe('2^15');
    expect(frameSummary(d.inspection.frames[0]!)).toBe(
      'Text frame, 7 bytes of DEFLATE data → 5 bytes inflated: “Hello”',
    );
    locale.lang = 'ko';
    expect(frameSummary(d.inspection.frames[0]!)).toContain('“Hello”');
  });

  it('the hex pane keeps the DEFLATE bytes the payload’s (the inflated text is not bytes of its own)', () => {
    const card = decode(example('deflate-hello')).cards[0]!;
    const seg = card.segments.find((s) => s.start === 2)!;
    expect(seg).toMatchObject({ end: 9, category: 'payload', keys: ['f0:payload'] });
  });

  it('§7.2.3.1 fragmented → one "Hello"; RSV1 on the first frame only, the tail after the last', () => {
    const d = decode(example('deflate-fragmented'));
    expect(messages(d)).toEqual(['Hello']);
    expect(d.inspection.frames.map((f) => f.header.rsv1)).toEqual([true, false]);
    expect(d.inspection.frames.map((f) => f.deflate?.tail)).toEqual([false, true]);
  });

  it('§7.2.3.2 with context takeover: the second "Hello" is 5 bytes that refer to the first (window kept)', () => {
    const d = decode(example('deflate-takeover'));
    expect(messages(d)).toEqual(['Hello', 'Hello']);
    expect(d.inspection.frames.map((f) => f.deflate?.window)).toEqual(['empty', 'kept']);
  });

  it('§7.2.3.2 without context takeover: the same 7 bytes twice, the window reset', () => {
    const ex = example('deflate-no-takeover');
    expect(ex.ext).toEqual(deflateChoice({ serverNoContextTakeover: true }));
    const d = decode(ex);
    expect(messages(d)).toEqual(['Hello', 'Hello']);
    expect(d.inspection.frames.map((f) => f.deflate?.window)).toEqual(['empty', 'reset']);
  });

  it('§7.2.3.3 a stored block, §7.2.3.4 BFINAL, §7.2.3.5 two blocks → "Hello" each', () => {
    for (const id of ['deflate-stored', 'deflate-bfinal', 'deflate-two-blocks']) {
      expect(messages(decode(example(id)))).toEqual(['Hello']);
    }
  });

  it('§6 an uncompressed message (RSV1 = 0) on a compressed connection is read as it is', () => {
    const d = decode(example('deflate-uncompressed'));
    expect(messages(d)).toEqual(['Hello', 'Hello']);
    expect(d.inspection.frames.map((f) => f.deflate === null)).toEqual([true, false]);
  });

  it('RFC 6455 §5.2 without the extension, every RFC 7692 example is refused: RSV1 set → 1002', () => {
    for (const ex of DEFLATE_EXAMPLES) {
      const d = decode(ex, NO_EXTENSION);
      expect(d.error, ex.id).toMatchObject({ rule: 'rsv-without-extension', section: '5.2' });
      expect(closeCodeFor(d.error!)).toBe(1002);
    }
  });

  it('§6.2 the shared-window bytes without context takeover → corrupt DEFLATE, 1002', () => {
    const d = decode(example('deflate-lost-window'));
    expect(messages(d)).toEqual(['Hello']);
    expect(d.error).toMatchObject({ rule: 'deflate-corrupt', rfc: 7692, section: '6.2' });
    expect(closeCodeFor(d.error!)).toBe(1002);
    expect(d.inspection.frames[1]!.deflate?.problem).toBe('corrupt');
  });

  it('§6.2 bytes that are not DEFLATE at all → 1002, with the inflated row saying where it failed', () => {
    const d = decode(example('deflate-corrupt'));
    expect(closeCodeFor(d.error!)).toBe(1002);
    const inflated = d.cards[0]!.rows.find((r) => r.field.id === 'inflated')!;
    expect(inflated.field.meaning.id).toBe('frame.inflated.corrupt');
  });

  it('RFC 6455 §10.4 a small frame inflating past the decoder’s limit → 1009, without inflating it all', () => {
    const server = new Connection('server', {
      deflate: { codec: pakoCodec, params: DEFAULT_DEFLATE_PARAMS },
    });
    server.sendBinary(new Uint8Array(INFLATE_LIMIT + 1));
    const bytes = server.dataToSend();
    const hex = bytes.map((b) => toHex(b, '')).join('');
    const d = decodeInput(hex, 's2c', { codec: pakoCodec, params: DEFAULT_DEFLATE_PARAMS });
    expect(d.error).toMatchObject({ rule: 'inflated-too-big' });
    expect(closeCodeFor(d.error!)).toBe(1009);
    const note = d.inspection.frames[0]!.deflate!;
    expect(note.problem).toBe('limit');
    // Pieces of 64 KiB: at most the limit is kept, the piece that crossed it is not.
    expect(note.inflatedLength).toBeLessThanOrEqual(INFLATE_LIMIT);
  });

  it('client → server: a masked compressed frame with client_max_window_bits=10 decodes (the client’s window)', () => {
    const params: DeflateParams = { ...DEFAULT_DEFLATE_PARAMS, clientMaxWindowBits: 10 };
    const client = new Connection('client', { deflate: { codec: pakoCodec, params } });
    client.sendText('Hello, Hello, Hello');
    const hex = client
      .dataToSend()
      .map((b) => toHex(b))
      .join(' ');
    const d = decodeInput(hex, 'c2s', { codec: pakoCodec, params });
    expect(messages(d)).toEqual(['Hello, Hello, Hello']);
    expect(d.inspection.frames[0]!.deflate?.windowBits).toBe(10);
  });
});

describe('where the decoder puts a DEFLATE error', () => {
  it('§6.2 corrupt data: the whole compressed payload is underlined, not its first byte only', () => {
    const d = decodeInput('c1 03 ff ff ff', 's2c', optionOf(deflateChoice()));
    const marked = d.cards[0]!.segments.filter((s) => s.error).map((s) => [s.start, s.end]);
    expect(marked).toEqual([[2, 5]]);
  });
});

describe('a message that needs an earlier message’s window (context takeover)', () => {
  // RFC 7692 §7.2.3.2: the second "Hello" is `f2 00 11 00 00`, a back-reference 5 bytes into the first.
  const SECOND = 'c1 05 f2 00 11 00 00';

  it('§7.2.3.2 the second "Hello" alone, with context takeover → said to need the earlier window, not a fault', () => {
    const option = optionOf(deflateChoice());
    const d = decodeInput(SECOND, 's2c', option);
    expect(d.error).toMatchObject({ rule: 'deflate-corrupt' });
    expect(windowNotInBytes(d, 's2c', option)).toBe(true);
  });

  it('§7.2.3.2 with the first "Hello" before it, the same bytes inflate: nothing to say', () => {
    const option = optionOf(deflateChoice());
    const d = decodeInput(`c1 07 f2 48 cd c9 c9 07 00 ${SECOND}`, 's2c', option);
    expect(messages(d)).toEqual(['Hello', 'Hello']);
    expect(windowNotInBytes(d, 's2c', option)).toBe(false);
  });

  it('§7.1.1.1 a sender without context takeover (server_no_context_takeover) → the 1002 stands', () => {
    const option = optionOf(deflateChoice({ serverNoContextTakeover: true }));
    const d = decodeInput(SECOND, 's2c', option);
    expect(closeCodeFor(d.error!)).toBe(1002);
    expect(windowNotInBytes(d, 's2c', option)).toBe(false);
    // The other side's parameter does not govern server → client bytes.
    const other = optionOf(deflateChoice({ clientNoContextTakeover: true }));
    expect(windowNotInBytes(decodeInput(SECOND, 's2c', other), 's2c', other)).toBe(true);
  });

  it('§6.2 a later message in the bytes, or data that is not DEFLATE at all → the 1002 stands', () => {
    const option = optionOf(deflateChoice());
    const lost = example('deflate-lost-window');
    expect(windowNotInBytes(decode(lost), lost.dir, optionOf(lost.ext))).toBe(false);
    const corrupt = decodeInput('c1 03 ff ff ff', 's2c', option);
    expect(closeCodeFor(corrupt.error!)).toBe(1002);
    expect(windowNotInBytes(corrupt, 's2c', option)).toBe(false);
  });
});
