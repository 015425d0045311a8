/**
 * A capture file from first byte to report: pushed in chunks (the page reads the File in slices, in a
 * worker), read as pcap or pcapng, its packets down to TCP segments, the segments into connections;
 * at the end each connection is named for what it carries — WebSocket (decoded by the engine), TLS
 * (with its server name), plain HTTP, or something else — and the report says what was found.
 *
 * Memory: a packet's bytes are dropped once its TCP payload (if any) is held by its connection, and a
 * connection whose first bytes name it TLS or plain HTTP keeps only those (connections.ts): what is
 * kept is the payload of the WebSocket (or unclear) connections, which is what the report shows.
 */
import type { Direction } from '../protocol/index.ts';
import { ConnectionTable, SNIFF_BYTES, type Endpoint, type TcpConnection } from './connections.ts';
import { ContainerReader, type ContainerKind } from './container.ts';
import { analyzeHar, looksLikeJson, type HarReport } from './har.ts';
import { readPacket } from './layers.ts';
import { firstBytesHex, MAX_CAPTURE_BYTES, type CaptureProblem } from './problems.ts';
import type { ReassembledStream } from './reassembly.ts';
import { looksLikeRequest, requestHead, responseHead, streamStart, tlsClientHello } from './sniff.ts';
import { summarize, type WebSocketSummary } from './summary.ts';
import {
  decodeWithHandshake,
  decodeWithoutHandshake,
  plausibleBoundary,
  type DecodeSetup,
  type WebSocketDecode,
} from './websocket.ts';
import { headerTokens, headerValue } from '../protocol/index.ts';

export interface StreamFacts {
  /** Bytes of the stream that are in the capture. */
  readonly bytes: number;
  readonly gaps: number;
  readonly gapBytes: number;
  readonly duplicateBytes: number;
  /** The SYN was not captured: the stream's start is not its first byte. */
  readonly startedLate: boolean;
}

interface ConnectionBase {
  /** 1-based, in order of first packet. */
  readonly id: number;
  readonly client: Endpoint;
  readonly server: Endpoint;
  readonly ipVersion: 4 | 6;
  readonly firstUs: number;
  readonly lastUs: number;
  readonly firstPacket: number;
  readonly packets: number;
  readonly c2s: StreamFacts;
  readonly s2c: StreamFacts;
}

export type ConnectionReport =
  | (ConnectionBase & {
      readonly kind: 'websocket';
      readonly ws: WebSocketDecode;
      readonly summary: WebSocketSummary;
    })
  /** wss:// or any TLS: encrypted, so only the ClientHello's server name is read. */
  | (ConnectionBase & { readonly kind: 'tls'; readonly serverName: string | null })
  | (ConnectionBase & {
      readonly kind: 'http';
      readonly method: string;
      readonly target: string;
      readonly host: string | null;
      /** The response status, when one was captured. */
      readonly status: number | null;
    })
  | (ConnectionBase & { readonly kind: 'other' });

export interface PacketCounts {
  readonly total: number;
  readonly tcp: number;
  /** IPv4/IPv6 fragments: named, not reassembled. */
  readonly fragments: number;
  readonly otherIp: number;
  readonly notIp: number;
  readonly short: number;
  /** Link types this reader does not know, with their packet counts. */
  readonly unknownLinks: ReadonlyMap<number, number>;
}

export interface CaptureReport {
  readonly format: ContainerKind;
  readonly fileBytes: number;
  readonly packets: PacketCounts;
  readonly connections: readonly ConnectionReport[];
  /** The file could not be read to its end: what was read is reported, and where it stopped. */
  readonly problem: CaptureProblem | null;
  readonly firstUs: number | null;
}

export type CaptureResult =
  | { readonly ok: true; readonly kind: 'capture'; readonly report: CaptureReport }
  | { readonly ok: true; readonly kind: 'har'; readonly report: HarReport }
  | { readonly ok: false; readonly problem: CaptureProblem };

export class CaptureAnalyzer {
  readonly #reader = new ContainerReader();
  readonly #table = new ConnectionTable();
  #bytes = 0;
  #tcp = 0;
  #fragments = 0;
  #otherIp = 0;
  #notIp = 0;
  #short = 0;
  #firstUs: number | null = null;
  readonly #unknownLinks = new Map<number, number>();
  #refused: CaptureProblem | null = null;
  /** A HAR is JSON: its chunks are kept until the end, then parsed whole. Null: a binary capture. */
  #json: Uint8Array[] | null = null;
  #started = false;

  /** Refuse a file above the limit before reading a byte of it. */
  constructor(readonly size: number | null = null) {
    if (size !== null && size > MAX_CAPTURE_BYTES)
      this.#refused = { kind: 'too-large', size, limit: MAX_CAPTURE_BYTES };
  }

  /** Bytes pushed so far (for a progress bar). */
  get bytesRead(): number {
    return this.#bytes;
  }

  /** false once reading has stopped for good (not a capture, a bad record, too large). */
  push(chunk: Uint8Array): boolean {
    if (this.#refused) return false;
    this.#bytes += chunk.length;
    if (this.size === null && this.#bytes > MAX_CAPTURE_BYTES) {
      this.#refused = { kind: 'too-large', size: this.#bytes, limit: MAX_CAPTURE_BYTES };
      return false;
    }
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      if (looksLikeJson(chunk)) this.#json = [];
    }
    if (this.#json) {
      this.#json.push(chunk);
      return true;
    }
    const step = this.#reader.push(chunk);
    for (const p of step.packets) {
      this.#firstUs ??= p.timeUs;
      const r = readPacket(p);
      switch (r.kind) {
        case 'tcp':
          this.#tcp++;
          this.#table.add(r.segment);
          break;
        case 'ip-fragment':
          this.#fragments++;
          break;
        case 'other-ip':
          this.#otherIp++;
          break;
        case 'not-ip':
          this.#notIp++;
          break;
        case 'short':
          this.#short++;
          break;
        case 'unknown-link':
          this.#unknownLinks.set(r.linkType, (this.#unknownLinks.get(r.linkType) ?? 0) + 1);
          break;
      }
    }
    return step.kind === 'packets';
  }

  finish(setup: DecodeSetup): CaptureResult {
    if (this.#refused) return { ok: false, problem: this.#refused };
    if (this.#json) {
      const text = new TextDecoder().decode(concat(this.#json));
      this.#json = null;
      const har = analyzeHar(text, setup);
      return har.ok ? { ok: true, kind: 'har', report: har.report } : har;
    }
    const problem = this.#reader.end();
    const format = this.#reader.kind;
    if (format === null || problem?.kind === 'not-a-capture')
      return {
        ok: false,
        problem: problem ?? { kind: 'not-a-capture', firstBytes: firstBytesHex(new Uint8Array(0)) },
      };
    const connections = this.#table.list.map((c) => reportOf(c, setup));
    return {
      ok: true,
      kind: 'capture',
      report: {
        format,
        fileBytes: this.#bytes,
        packets: {
          total: this.#reader.packetCount,
          tcp: this.#tcp,
          fragments: this.#fragments,
          otherIp: this.#otherIp,
          notIp: this.#notIp,
          short: this.#short,
          unknownLinks: this.#unknownLinks,
        },
        connections,
        problem,
        firstUs: this.#firstUs,
      },
    };
  }
}

/** Read a whole capture held in memory (tests, the round trip of the playground's export). */
export function analyzeCapture(bytes: Uint8Array, setup: DecodeSetup, chunk = 1 << 20): CaptureResult {
  const a = new CaptureAnalyzer(bytes.length);
  for (let o = 0; o < bytes.length; o += chunk) if (!a.push(bytes.subarray(o, o + chunk))) break;
  return a.finish(setup);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function facts(s: ReassembledStream): StreamFacts {
  let gaps = 0;
  let gapBytes = 0;
  for (const p of s.pieces)
    if (p.kind === 'gap') {
      gaps++;
      gapBytes += p.length;
    }
  return { bytes: s.bytes, gaps, gapBytes, duplicateBytes: s.duplicateBytes, startedLate: s.startedLate };
}

function reportOf(c: TcpConnection, setup: DecodeSetup): ConnectionReport {
  const { ab, ba } = c.streams();
  const abStart = streamStart(ab, SNIFF_BYTES);
  const baStart = streamStart(ba, SNIFF_BYTES);
  // The client: the SYN's sender; else the end that spoke HTTP or TLS first; else the higher port.
  let clientIsA: boolean;
  if (c.opener) clientIsA = c.opener === 'a';
  else if (looksLikeRequest(abStart) || tlsClientHello(abStart)) clientIsA = true;
  else if (looksLikeRequest(baStart) || tlsClientHello(baStart)) clientIsA = false;
  else if (!ab.startedLate || !ba.startedLate) clientIsA = true;
  else {
    // Mid-stream with no clue: the end whose bytes read as masked frames is the client (§5.3).
    const masked = (s: ReassembledStream, start: Uint8Array): boolean =>
      s.bytes > 0 && plausibleBoundary(start, 'server', true) >= 0;
    clientIsA = masked(ab, abStart) || (!masked(ba, baStart) && c.a.port > c.b.port);
  }
  const [c2s, s2c] = clientIsA ? [ab, ba] : [ba, ab];
  const [c2sStart, s2cStart] = clientIsA ? [abStart, baStart] : [baStart, abStart];
  const base: ConnectionBase = {
    id: c.id,
    client: clientIsA ? c.a : c.b,
    server: clientIsA ? c.b : c.a,
    ipVersion: c.ipVersion,
    firstUs: c.firstUs,
    lastUs: c.lastUs,
    firstPacket: c.firstPacket,
    packets: c.packets,
    c2s: facts(c2s),
    s2c: facts(s2c),
  };
  const tcpEnd = {
    fin: { client: (clientIsA ? c.finA : c.finB) !== null, server: (clientIsA ? c.finB : c.finA) !== null },
    rst: c.rst ? ((c.rst.by === 'a') === clientIsA ? ('client' as const) : ('server' as const)) : null,
    firstUs: c.firstUs,
    lastUs: c.lastUs,
  };

  const tls = tlsClientHello(c2sStart);
  if (tls) return { ...base, kind: 'tls', serverName: tls.serverName };
  const req = requestHead(c2sStart);
  if (req.kind === 'head') {
    const res = responseHead(s2cStart);
    const upgrade = headerTokens(req.head.headers, 'Upgrade').includes('websocket');
    if (upgrade && res.kind === 'head' && res.head.status === 101) {
      const ws = decodeWithHandshake(
        {
          request: req.head,
          requestBytes: c2sStart.slice(0, req.length),
          response: res.head,
          responseBytes: s2cStart.slice(0, res.length),
        },
        c2s,
        s2c,
        setup,
      );
      return { ...base, kind: 'websocket', ws, summary: summarize(ws, tcpEnd) };
    }
    return {
      ...base,
      kind: 'http',
      method: req.head.method,
      target: req.head.target,
      host: headerValue(req.head.headers, 'Host'),
      status: res.kind === 'head' ? res.head.status : null,
    };
  }
  // The handshake was not captured: a WebSocket is guessed when frames read plausibly each way.
  if ((c2s.startedLate || s2c.startedLate) && (c2s.bytes > 0 || s2c.bytes > 0)) {
    const ws = decodeWithoutHandshake(c2s, s2c, setup);
    if (ws.frames.length > 0) return { ...base, kind: 'websocket', ws, summary: summarize(ws, tcpEnd) };
  }
  return { ...base, kind: 'other' };
}

export const directionSender = (d: Direction): 'client' | 'server' => (d === 'c2s' ? 'client' : 'server');
