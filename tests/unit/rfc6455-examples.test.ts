/**
 * The byte examples of RFC 6455 itself: §5.7 (framing) and §1.3 / §4.2.2 (Sec-WebSocket-Accept).
 * Given these bytes, this frame; given this frame, these bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  Connection,
  FrameDecoder,
  Opcode,
  acceptFor,
  encodeFrame,
  sha1Hex,
  type DecodedFrame,
} from '../../src/protocol/index.ts';
import { hex } from '../support/bytes.ts';

const utf8 = (b: Uint8Array): string => new TextDecoder().decode(b);
const key = hex('37 fa 21 3d');

function decodeOne(bytes: Uint8Array): DecodedFrame {
  const d = new FrameDecoder();
  d.push(bytes);
  const step = d.next();
  if (step.kind !== 'frame') throw new Error(`expected a frame, got ${JSON.stringify(step)}`);
  return step.frame;
}

describe('RFC 6455 §5.7 examples', () => {
  it('a single-frame unmasked text message: 0x81 0x05 0x48 0x65 0x6c 0x6c 0x6f contains "Hello"', () => {
    const bytes = hex('81 05 48 65 6c 6c 6f');
    const f = decodeOne(bytes);
    expect(f.header).toMatchObject({ fin: true, opcode: Opcode.Text, masked: false, payloadLength: 5 });
    expect(utf8(f.payload)).toBe('Hello');
    expect(encodeFrame({ opcode: Opcode.Text, payload: f.payload })).toEqual(bytes);
  });

  it('a single-frame masked text message: 0x81 0x85 0x37 0xfa 0x21 0x3d 0x7f 0x9f 0x4d 0x51 0x58 contains "Hello"', () => {
    const bytes = hex('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const f = decodeOne(bytes);
    expect(f.header.masked).toBe(true);
    expect(Array.from(f.header.maskKey!)).toEqual(Array.from(key));
    expect(utf8(f.payload)).toBe('Hello');
    expect(encodeFrame({ opcode: Opcode.Text, payload: f.payload, maskKey: key })).toEqual(bytes);
    expect(f.wireBytes()).toEqual(bytes);
  });

  it('a fragmented unmasked text message: 0x01 0x03 "Hel" then 0x80 0x02 "lo" is one message "Hello"', () => {
    const client = new Connection('client');
    client.receiveData(hex('01 03 48 65 6c 80 02 6c 6f'));
    const events = client.events();
    const frames = events.filter((e) => e.type === 'frame-in');
    expect(frames.map((e) => e.type === 'frame-in' && [e.frame.fin, e.frame.opcode])).toEqual([
      [false, Opcode.Text],
      [true, Opcode.Continuation],
    ]);
    expect(events.filter((e) => e.type === 'message')).toEqual([
      { type: 'message', binary: false, data: 'Hello', frames: 2 },
    ]);
  });

  it('an unmasked ping "Hello" is answered by a masked pong with the same body (§5.5.2, §5.5.3)', () => {
    const client = new Connection('client', {
      random: () => new Uint8Array(4096).fill(0).map((_, i) => key[i % 4]!),
    });
    client.receiveData(hex('89 05 48 65 6c 6c 6f'));
    expect(client.events().some((e) => e.type === 'ping' && utf8(e.payload) === 'Hello')).toBe(true);
    const out = client.dataToSend();
    expect(out).toEqual([hex('8a 85 37 fa 21 3d 7f 9f 4d 51 58')]);
  });

  it('256 bytes binary message in a single unmasked frame: 0x82 0x7E 0x0100 [256 bytes]', () => {
    const payload = Uint8Array.from({ length: 256 }, (_, i) => i);
    const bytes = encodeFrame({ opcode: Opcode.Binary, payload });
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x82, 0x7e, 0x01, 0x00]);
    const f = decodeOne(bytes);
    expect(f.header.lengthForm).toBe(16);
    expect(f.payload).toEqual(payload);
  });

  it('64KiB binary message in a single unmasked frame: 0x82 0x7F 0x0000000000010000 [65536 bytes]', () => {
    const payload = new Uint8Array(65536).fill(0xab);
    const bytes = encodeFrame({ opcode: Opcode.Binary, payload });
    expect(Array.from(bytes.subarray(0, 10))).toEqual([0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0]);
    const f = decodeOne(bytes);
    expect(f.header.lengthForm).toBe(64);
    expect(f.payload.length).toBe(65536);
  });
});

describe('RFC 6455 §1.3 Sec-WebSocket-Accept', () => {
  it('key "dGhlIHNhbXBsZSBub25jZQ==" gives "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="', () => {
    expect(acceptFor('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('the SHA-1 of key + GUID is 0xb3 0x7a 0x4f 0x2c … 0xea (§1.3)', () => {
    expect(sha1Hex('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11')).toBe(
      'b37a4f2cc0624f1690f64606cf385945b2bec4ea',
    );
  });
});
