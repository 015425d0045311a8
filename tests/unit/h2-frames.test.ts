/**
 * HTTP/2 frame layouts (RFC 9113 §4.1, §6) and the RFC 8441 session built on them: what each frame's
 * 9-octet header says, and the rules of WebSocket over HTTP/2 that the scripted session must follow.
 */
import { describe, expect, it } from 'vitest';
import { Opcode } from '../../src/protocol/index.ts';
import {
  CONNECTION_PREFACE,
  ErrorCode,
  Flag,
  FrameType,
  Setting,
  dataFrame,
  encodeFrame,
  headersFrame,
  parseFrames,
  readSettings,
  rstStreamFrame,
  settingsAck,
  settingsFrame,
  windowUpdateFrame,
} from '../../src/sim/h2/frames.ts';
import { HpackDecoder } from '../../src/sim/h2/hpack.ts';
import { websocketOverH2Session } from '../../src/sim/h2/session.ts';

const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('RFC 9113 frame layouts', () => {
  it('§3.4: the client preface is the 24 octets "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"', () => {
    expect(CONNECTION_PREFACE).toHaveLength(24);
    expect(new TextDecoder().decode(CONNECTION_PREFACE)).toBe('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  });
  it('§6.5 + RFC 8441 §3: SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 → length 6, type 4, stream 0, id 0x0008, value 1', () => {
    expect(toHex(encodeFrame(settingsFrame([[Setting.ENABLE_CONNECT_PROTOCOL, 1]])))).toBe(
      '00 00 06 04 00 00 00 00 00 00 08 00 00 00 01',
    );
  });
  it('§6.5: a SETTINGS ACK is empty with flag 0x1', () => {
    expect(toHex(encodeFrame(settingsAck()))).toBe('00 00 00 04 01 00 00 00 00');
  });
  it('§6.2: HEADERS with END_HEADERS (0x4) on stream 3', () => {
    expect(toHex(encodeFrame(headersFrame(3, Uint8Array.of(0x88))))).toBe('00 00 01 01 04 00 00 00 03 88');
  });
  it('§6.1: DATA with END_STREAM (0x1) on stream 3, 300 octets → 24-bit length 0x00012c', () => {
    const b = encodeFrame(dataFrame(3, new Uint8Array(300), true));
    expect(toHex(b.subarray(0, 9))).toBe('00 01 2c 00 01 00 00 00 03');
    expect(b).toHaveLength(309);
  });
  it('§6.4: RST_STREAM CANCEL (0x8) on stream 5 → 4-octet error code', () => {
    expect(toHex(encodeFrame(rstStreamFrame(5, ErrorCode.CANCEL)))).toBe(
      '00 00 04 03 00 00 00 00 05 00 00 00 08',
    );
  });
  it('§6.9: WINDOW_UPDATE on the connection (stream 0), increment 70', () => {
    expect(toHex(encodeFrame(windowUpdateFrame(0, 70)))).toBe('00 00 04 08 00 00 00 00 00 00 00 00 46');
  });
  it('§4.1: the reserved bit of the stream id is sent as 0', () => {
    expect(encodeFrame(dataFrame(0x80000003, new Uint8Array(0)))[5]).toBe(0);
  });
  it('§4.1: a frame cut short → an error naming the rule, not a throw', () => {
    const cut = encodeFrame(dataFrame(1, new Uint8Array(10))).subarray(0, 12);
    expect(parseFrames(cut)).toMatchObject({ ok: false, rule: 'RFC 9113 §4.1' });
  });
});

describe('RFC 8441 session: WebSockets as streams of one HTTP/2 connection', () => {
  const s = websocketOverH2Session();
  const frames = (from: 'client' | 'server') =>
    s.flights.filter((f) => f.from === from).flatMap((f) => f.frames);

  it('every flight parses back into the frames that were written', () => {
    for (const f of s.flights) {
      const p = parseFrames(f.bytes);
      expect(p.ok).toBe(true);
      if (p.ok) expect(p.frames.map((x) => x.type)).toEqual(f.frames.map((x) => x.frame.type));
    }
    expect(s.flights[0]!.preface).toBe(true);
  });

  it('§3: the server advertises SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 before any extended CONNECT is sent', () => {
    const serverSettings = s.flights.findIndex(
      (f) =>
        f.from === 'server' &&
        f.frames.some(
          (x) =>
            x.frame.type === FrameType.SETTINGS &&
            readSettings(x.frame).some(([id, v]) => id === Setting.ENABLE_CONNECT_PROTOCOL && v === 1),
        ),
    );
    const firstConnect = s.flights.findIndex((f) =>
      f.frames.some((x) => x.headers?.some((h) => h.name === ':protocol')),
    );
    expect(serverSettings).toBeGreaterThanOrEqual(0);
    expect(serverSettings).toBeLessThan(firstConnect);
  });

  it('§4–5: the extended CONNECT has :method CONNECT, :protocol websocket and no Upgrade, Connection or Sec-WebSocket-Key; the answer is 200 with no Sec-WebSocket-Accept', () => {
    const dec = new HpackDecoder();
    const requests = frames('client')
      .filter((x) => x.frame.type === FrameType.HEADERS)
      .map((x) => {
        const r = dec.decode(x.frame.payload);
        if (!r.ok) throw new Error(r.error.message);
        return { stream: x.frame.stream, fields: r.fields };
      });
    const connects = requests.filter((r) =>
      r.fields.some((h) => h.name === ':protocol' && h.value === 'websocket'),
    );
    expect(connects.map((r) => r.stream)).toEqual([3, 5]);
    for (const c of connects) {
      expect(c.fields).toContainEqual({ name: ':method', value: 'CONNECT' });
      expect(c.fields).toContainEqual({ name: 'sec-websocket-version', value: '13' });
      const names = c.fields.map((h) => h.name);
      for (const banned of ['upgrade', 'connection', 'sec-websocket-key', 'host'])
        expect(names).not.toContain(banned);
    }
    const sdec = new HpackDecoder();
    const answers = frames('server')
      .filter((x) => x.frame.type === FrameType.HEADERS)
      .map((x) => {
        const r = sdec.decode(x.frame.payload);
        if (!r.ok) throw new Error(r.error.message);
        return { stream: x.frame.stream, fields: r.fields, end: (x.frame.flags & Flag.END_STREAM) !== 0 };
      });
    for (const a of answers.filter((x) => x.stream !== 1)) {
      expect(a.fields[0]).toEqual({ name: ':status', value: '200' });
      expect(a.fields.map((h) => h.name)).not.toContain('sec-websocket-accept');
      expect(a.end).toBe(false); // the stream stays open for the WebSocket's frames
    }
  });

  it("RFC 7541: the second CONNECT reuses the first one's table, so it costs a fraction of the first", () => {
    const [first, second] = frames('client').filter((x) => x.headers?.some((h) => h.name === ':protocol'));
    expect(second!.frame.payload.length).toBeLessThan(first!.frame.payload.length / 4);
    // Only :path differs; every other field is one indexed byte (§6.1).
    expect(second!.hpack!.filter((h) => h.representation === 'indexed')).toHaveLength(8);
  });

  it('§5 / RFC 6455 §5.3: DATA carries whole WebSocket frames, masked from the client, unmasked from the server', () => {
    for (const side of ['client', 'server'] as const) {
      const ws = frames(side).flatMap((x) => x.websocket ?? []);
      expect(ws.length).toBeGreaterThan(0);
      for (const w of ws) expect(w.header.masked).toBe(side === 'client');
    }
    const closeFromServer = frames('server').find((x) =>
      x.websocket?.some((w) => w.header.opcode === Opcode.Close),
    );
    expect(closeFromServer!.frame.flags & Flag.END_STREAM).toBe(Flag.END_STREAM);
  });

  it('§5.1: the second WebSocket ends abruptly with RST_STREAM (CANCEL), the HTTP/2 stand-in for a TCP RST', () => {
    const rst = frames('client').find((x) => x.frame.type === FrameType.RST_STREAM)!;
    expect(rst.frame.stream).toBe(5);
    expect(new DataView(rst.frame.payload.buffer).getUint32(0)).toBe(ErrorCode.CANCEL);
  });
});
