/**
 * Memory follows what is shown: a connection whose first bytes name it TLS or plain HTTP keeps only
 * the start that names it (SNIFF_BYTES each way), its other bytes counted, not held, and never shown as
 * a gap; a WebSocket upgrade (or anything unclear) keeps every byte for the decoder.
 */
import { describe, expect, it } from 'vitest';
import { ConnectionTable, notWebSocket, SNIFF_BYTES, type TcpSegment } from '../../src/capture/index.ts';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** SYN, SYN-ACK, the client's first bytes, then `n` server segments of 1000 bytes and a FIN each way. */
function connection(first: Uint8Array, n: number): ConnectionTable {
  const table = new ConnectionTable();
  let packet = 0;
  const seg = (from: 'c' | 's', seq: number, payload: Uint8Array, flags: Partial<TcpSegment> = {}): void =>
    table.add({
      packet: ++packet,
      timeUs: packet,
      ipVersion: 4,
      src: from === 'c' ? '10.0.0.1' : '10.0.0.2',
      dst: from === 'c' ? '10.0.0.2' : '10.0.0.1',
      srcPort: from === 'c' ? 50000 : 80,
      dstPort: from === 'c' ? 80 : 50000,
      seq,
      ack: 0,
      syn: false,
      fin: false,
      rst: false,
      ackFlag: true,
      payload,
      length: payload.length,
      ...flags,
    });
  seg('c', 100, new Uint8Array(0), { syn: true, ackFlag: false });
  seg('s', 5000, new Uint8Array(0), { syn: true });
  seg('c', 101, first);
  for (let i = 0; i < n; i++) seg('s', 5001 + i * 1000, new Uint8Array(1000).fill(0x61));
  seg('s', 5001 + n * 1000, new Uint8Array(0), { fin: true });
  seg('c', 101 + first.length, new Uint8Array(0), { fin: true });
  return table;
}

const held = (pieces: readonly { kind: string; bytes?: Uint8Array }[]): number =>
  pieces.reduce((sum, p) => sum + (p.kind === 'data' ? p.bytes!.length : 0), 0);

describe('what a connection keeps', () => {
  it('plain HTTP (no Upgrade): the server’s 2 MB answer is counted, its start kept, no gap', () => {
    const c = connection(ascii('GET /big HTTP/1.1\r\nHost: example\r\n\r\n'), 2000).list[0]!;
    const { ba } = c.streams();
    expect(ba.bytes).toBe(2_000_000);
    expect(held(ba.pieces)).toBeLessThanOrEqual(SNIFF_BYTES + 1000);
    expect(ba.pieces.some((p) => p.kind === 'gap')).toBe(false);
  });

  it('TLS (a handshake record first, RFC 8446 §5.1): only the start is kept', () => {
    const hello = new Uint8Array([0x16, 0x03, 0x01, 0x00, 0x05, 1, 0, 0, 1, 0]);
    const { ba } = connection(hello, 2000).list[0]!.streams();
    expect(held(ba.pieces)).toBeLessThanOrEqual(SNIFF_BYTES + 1000);
  });

  it('RFC 6455 §4.1: an Upgrade to websocket keeps every byte for the decoder', () => {
    const upgrade = ascii(
      'GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    );
    const { ba } = connection(upgrade, 2000).list[0]!.streams();
    expect(held(ba.pieces)).toBe(2_000_000);
  });

  it('a head cut before its end, or bytes that are no HTTP: unclear, so kept', () => {
    expect(notWebSocket(ascii('GET / HTTP/1.1\r\nHost: x\r\n'))).toBe(false);
    expect(notWebSocket(new Uint8Array([0x81, 0x85, 1, 2, 3, 4]))).toBe(false);
    expect(notWebSocket(ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(true);
  });
});
