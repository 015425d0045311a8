/**
 * The opening handshake read incrementally (security review L4): each byte of a head is looked at once,
 * and however the head is cut into chunks — one byte at a time included — both roles end up exactly
 * where one chunk would have taken them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClientConnection,
  HeadScanner,
  MAX_HEAD_BYTES,
  ServerConnection,
  encodeFrame,
  headEnd,
  type Connection,
} from '../../src/protocol/index.ts';

const enc = new TextEncoder();
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='; // RFC 6455 §1.3's example

/** Cut `bytes` into chunks of the given sizes (cycled); `[1]` is byte by byte. */
function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0, i = 0; o < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    out.push(bytes.subarray(o, o + n));
    o += n;
  }
  return out;
}

/** Everything an endpoint said and did, as one comparable string (bytes as hex). */
function run(conn: Connection, chunks: readonly Uint8Array[]): string {
  for (const c of chunks) conn.receiveData(c);
  if (conn instanceof ServerConnection && conn.responsePending) conn.sendResponse(conn.accept(conn.request!));
  const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(
    { state: conn.state, events: conn.events(), out: conn.dataToSend().map(hexOf) },
    (_k, v: unknown) => (v instanceof Uint8Array ? hexOf(v) : v),
  );
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/);
const value = fc.stringMatching(/^[ -~]{0,40}$/);
const extraHeaders = fc.array(
  fc.tuple(token, value).map(([n, v]) => `${n}: ${v}`),
  { maxLength: 6 },
);
/** Bytes dense in CR and LF, to catch every near-miss of CR LF CR LF. */
const crlfNoise = fc
  .array(fc.constantFrom(13, 10, 65, 58, 32), { maxLength: 120 })
  .map((a) => Uint8Array.from(a));
const chunkSizes = fc.oneof(
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
);
const trailing = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.constant(encodeFrame({ opcode: 1, payload: enc.encode('hi'), maskKey: Uint8Array.of(1, 2, 3, 4) })),
  crlfNoise,
);

function request(lines: readonly string[]): string {
  return [
    'GET /chat HTTP/1.1',
    'Host: example.com',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${KEY}`,
    'Sec-WebSocket-Version: 13',
    ...lines,
    '',
    '',
  ].join('\r\n');
}

const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe('HeadScanner finds the end of a head as headEnd does, at any chunking', () => {
  it('for bytes full of CR and LF, the head length (or "need more") matches headEnd on the whole', () => {
    fc.assert(
      fc.property(crlfNoise, chunkSizes, (bytes, sizes) => {
        const scanner = new HeadScanner();
        let found = -1;
        for (const c of cut(bytes, sizes)) {
          const r = scanner.push(c);
          if (r.kind === 'complete') {
            found = r.length;
            expect(Array.from(r.bytes)).toEqual(Array.from(bytes.subarray(0, r.bytes.length)));
            break;
          }
        }
        expect(found).toBe(headEnd(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('§4.1 a head over 16 KiB is refused the same way in one chunk and byte by byte', () => {
    const long = enc.encode(request([`X-Pad: ${'p'.repeat(MAX_HEAD_BYTES)}`]));
    const whole = run(new ServerConnection(), [long]);
    const bytewise = run(new ServerConnection(), cut(long, [1]));
    expect(bytewise).toBe(whole);
    expect(whole).toContain('bad-http-head');
    expect(whole).toContain('longer than 16384 bytes');
  });
});

describe('§4.2.1 the server reads a request in any chunking as in one chunk', () => {
  it('valid requests (and the first frame right behind them) → the same 101, events and message', () => {
    fc.assert(
      fc.property(extraHeaders, trailing, chunkSizes, (lines, rest, sizes) => {
        const bytes = concat(enc.encode(request(lines)), rest);
        const whole = run(new ServerConnection(), [bytes]);
        expect(run(new ServerConnection(), cut(bytes, sizes))).toBe(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('any bytes at all → the same verdict (need more, 400, or 101)', () => {
    fc.assert(
      fc.property(crlfNoise, chunkSizes, (bytes, sizes) => {
        const whole = run(new ServerConnection(), [bytes]);
        expect(run(new ServerConnection(), cut(bytes, sizes))).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('§4.1 the client reads a response in any chunking as in one chunk', () => {
  const response = (lines: readonly string[], status = '101 Switching Protocols') =>
    [
      `HTTP/1.1 ${status}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${ACCEPT}`,
      ...lines,
      '',
      '',
    ].join('\r\n');
  const client = () => new ClientConnection({ host: 'example.com', key: KEY });
  const serverFrame = encodeFrame({ opcode: 1, payload: enc.encode('hello') });

  it('a 101 (with a frame behind it) or a refusal → the same state and events', () => {
    fc.assert(
      fc.property(
        extraHeaders,
        fc.constantFrom('101 Switching Protocols', '403 Forbidden', '200 OK'),
        fc.boolean(),
        chunkSizes,
        (lines, status, withFrame, sizes) => {
          const head = enc.encode(response(lines, status));
          const bytes = withFrame ? concat(head, serverFrame) : head;
          const whole = run(client(), [bytes]);
          expect(run(client(), cut(bytes, sizes))).toBe(whole);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a 101 sent one byte at a time opens the connection and delivers the frame behind it', () => {
    const c = client();
    run(c, cut(concat(enc.encode(response([])), serverFrame), [1]));
    expect(c.state).toBe('OPEN');
  });
});
