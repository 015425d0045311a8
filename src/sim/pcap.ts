/**
 * A simulated session as a real libpcap capture file, for Wireshark or tshark: one record for each TCP
 * segment in the Timeline. Each record carries Ethernet II, IPv4 and TCP headers and the payload the
 * engines produced. Checksums are valid; seq, ack, flags and window are the simulation's own.
 *
 * The simulation has no addresses, so this file makes some up. It uses documentation addresses
 * (RFC 5737): servers in 198.51.100.0/24 and clients in 192.0.2.0/24, numbered in the order they first
 * appear. It also uses locally-administered MACs 02:00:<the IPv4 address>, port 80 on the server, and
 * an ephemeral port per connection on the client. Port 80 is where Wireshark looks for HTTP. It then
 * follows the 101 into WebSocket.
 *
 * The TCP header has no options (data offset 5). The simulation's segments carry none, and its link
 * timing counts 40 bytes of IPv4 + TCP header per segment (`HEADER_BYTES`). So the IP total length in
 * the file is the size the simulation sent.
 *
 * Where the capture is taken: one tap on the server's network interface by default. It sees every
 * connection, including chat's alice and bob. A segment the server sends is stamped with the time it
 * left, and a segment it receives with the time its last byte arrived. So SYN → SYN-ACK spans
 * the latency, and the SYN-ACK → ACK gap at the server is one round trip, as in a real capture.
 * Times are virtual milliseconds, offset from a fixed epoch, so the same run always gives the same bytes.
 *
 * Pure TypeScript over Uint8Array: no DOM, no Node. The page and the tests build the same file.
 */
import { HEADER_BYTES } from './tcp.ts';
import type { EndpointId, SegmentEvent, TimelineEvent } from './timeline.ts';

/** 2011-12-01T00:00:00Z, the month RFC 6455 was published: virtual time 0 in the capture. */
export const PCAP_EPOCH_SECONDS = 1_322_697_600;
export const PCAP_MAGIC = 0xa1b2c3d4;
export const PCAP_SNAPLEN = 65535;
/** LINKTYPE_ETHERNET. */
export const PCAP_LINKTYPE = 1;
export const PCAP_GLOBAL_HEADER_BYTES = 24;
export const PCAP_RECORD_HEADER_BYTES = 16;
const ETHERNET_BYTES = 14;
const IPV4_BYTES = 20;
const TCP_BYTES = HEADER_BYTES - IPV4_BYTES;
/** What sits before the TCP payload in each captured frame. */
export const FRAME_OVERHEAD = ETHERNET_BYTES + HEADER_BYTES;
/** The largest payload an IPv4 packet with these headers can carry (total length is 16 bits). */
export const MAX_SEGMENT_PAYLOAD = 0xffff - HEADER_BYTES;

export const SERVER_PORT = 80;
/** The start of the dynamic port range (RFC 6335). Connection n gets port 49152 + n. */
const EPHEMERAL_BASE = 49152;
const TTL = 64;

/** Which end of each connection holds the tap. */
export type CaptureSide = 'server' | 'client';

export interface PcapOptions {
  /** Capture at the server (default: it sees every connection) or at each connection's client. */
  tap?: CaptureSide;
  /** Only what the tap had seen by this virtual time, in ms (e.g. the playhead). Default: everything. */
  until?: number;
}

export interface Host {
  readonly id: EndpointId;
  readonly ip: readonly [number, number, number, number];
  readonly mac: readonly number[];
}

/** One segment as the tap saw it: when, and between which addresses and ports. */
export interface CapturedSegment {
  readonly segment: SegmentEvent;
  /** Virtual time (ms) at which the tap saw it. */
  readonly t: number;
  readonly src: Host;
  readonly dst: Host;
  readonly srcPort: number;
  readonly dstPort: number;
}

/**
 * Segments in capture order, with made-up addresses. The sort key is the time at the tap. When a
 * received and a sent segment have the same time, the received one comes first, because what
 * arrives at an instant is handled before anything sent in reply. Ties after that keep the Timeline's
 * order.
 */
export function captureSegments(
  events: readonly TimelineEvent[],
  options: PcapOptions = {},
): CapturedSegment[] {
  const tap = options.tap ?? 'server';
  const until = options.until ?? Number.POSITIVE_INFINITY;
  const roles = connectionRoles(events);
  const hosts = new HostBook();
  const out: { c: CapturedSegment; received: boolean }[] = [];
  for (const e of events) {
    if (e.kind !== 'segment') continue;
    const fromClient = isFromClient(e, roles);
    // Hosts are numbered in order of first appearance, which is known before any filter applies.
    const src = fromClient ? hosts.client(e.from) : hosts.server(e.from);
    const dst = fromClient ? hosts.server(e.to) : hosts.client(e.to);
    const sentByTap = fromClient === (tap === 'client');
    const t = sentByTap ? e.sendT : e.arriveT;
    if (t > until + 1e-9) continue;
    const clientPort = EPHEMERAL_BASE + (e.conn % (0x10000 - EPHEMERAL_BASE));
    out.push({
      c: {
        segment: e,
        t,
        src,
        dst,
        srcPort: fromClient ? clientPort : SERVER_PORT,
        dstPort: fromClient ? SERVER_PORT : clientPort,
      },
      received: !sentByTap,
    });
  }
  out.sort(
    (a, b) => a.c.t - b.c.t || Number(b.received) - Number(a.received) || a.c.segment.id - b.c.segment.id,
  );
  return out.map((o) => o.c);
}

/** The capture as the bytes of a libpcap file (classic format, microsecond timestamps, Ethernet). */
export function sessionToPcap(
  events: readonly TimelineEvent[],
  options: PcapOptions = {},
): Uint8Array<ArrayBuffer> {
  return capturedToPcap(captureSegments(events, options));
}

/** The size in bytes of the file `sessionToPcap` writes for these segments. */
export function pcapSize(captured: readonly CapturedSegment[]): number {
  let size = PCAP_GLOBAL_HEADER_BYTES;
  for (const c of captured)
    size += PCAP_RECORD_HEADER_BYTES + Math.min(PCAP_SNAPLEN, FRAME_OVERHEAD + c.segment.payload.length);
  return size;
}

export function capturedToPcap(captured: readonly CapturedSegment[]): Uint8Array<ArrayBuffer> {
  const file = new Uint8Array(pcapSize(captured));
  const view = new DataView(file.buffer);
  // Global header, written big-endian: a reader learns the byte order from the magic number.
  view.setUint32(0, PCAP_MAGIC);
  view.setUint16(4, 2);
  view.setUint16(6, 4);
  view.setInt32(8, 0); // thiszone: timestamps are UTC
  view.setUint32(12, 0); // sigfigs
  view.setUint32(16, PCAP_SNAPLEN);
  view.setUint32(20, PCAP_LINKTYPE);

  const frame = new Uint8Array(FRAME_OVERHEAD + MAX_SEGMENT_PAYLOAD);
  const fv = new DataView(frame.buffer);
  const ipIds = new Map<Host, number>();
  let at = PCAP_GLOBAL_HEADER_BYTES;
  for (const c of captured) {
    const s = c.segment;
    const len = FRAME_OVERHEAD + s.payload.length;
    if (s.payload.length > MAX_SEGMENT_PAYLOAD)
      throw new RangeError(
        `segment ${s.id} carries ${s.payload.length} bytes; one IPv4 packet holds at most ${MAX_SEGMENT_PAYLOAD}`,
      );
    const ipId = ipIds.get(c.src) ?? 1;
    ipIds.set(c.src, (ipId + 1) & 0xffff);
    writeFrame(frame, fv, c, ipId);

    const us = Math.round(c.t * 1000);
    const sec = Math.floor(us / 1_000_000);
    const kept = Math.min(PCAP_SNAPLEN, len);
    view.setUint32(at, PCAP_EPOCH_SECONDS + sec);
    view.setUint32(at + 4, us - sec * 1_000_000);
    view.setUint32(at + 8, kept); // incl_len: a frame longer than the snaplen is cut, as libpcap does
    view.setUint32(at + 12, len); // orig_len
    file.set(frame.subarray(0, kept), at + PCAP_RECORD_HEADER_BYTES);
    at += PCAP_RECORD_HEADER_BYTES + kept;
  }
  return file;
}

function writeFrame(frame: Uint8Array, fv: DataView, c: CapturedSegment, ipId: number): void {
  const s = c.segment;
  // Ethernet II
  frame.set(c.dst.mac, 0);
  frame.set(c.src.mac, 6);
  fv.setUint16(12, 0x0800);
  // IPv4 (RFC 791): no options, Don't Fragment, checksum over the header alone.
  const ip = ETHERNET_BYTES;
  const tcpLength = TCP_BYTES + s.payload.length;
  frame[ip] = 0x45;
  frame[ip + 1] = 0;
  fv.setUint16(ip + 2, IPV4_BYTES + tcpLength);
  fv.setUint16(ip + 4, ipId);
  fv.setUint16(ip + 6, 0x4000);
  frame[ip + 8] = TTL;
  frame[ip + 9] = 6;
  fv.setUint16(ip + 10, 0);
  frame.set(c.src.ip, ip + 12);
  frame.set(c.dst.ip, ip + 16);
  fv.setUint16(ip + 10, ~onesSum(frame, ip, IPV4_BYTES, 0) & 0xffff);
  // TCP (RFC 9293): no options, so data offset 5.
  const tcp = ip + IPV4_BYTES;
  const f = s.flags;
  fv.setUint16(tcp, c.srcPort);
  fv.setUint16(tcp + 2, c.dstPort);
  fv.setUint32(tcp + 4, s.seq >>> 0);
  fv.setUint32(tcp + 8, f.ack ? s.ack >>> 0 : 0);
  frame[tcp + 12] = (TCP_BYTES / 4) << 4;
  frame[tcp + 13] =
    (f.fin ? 0x01 : 0) | (f.syn ? 0x02 : 0) | (f.rst ? 0x04 : 0) | (f.psh ? 0x08 : 0) | (f.ack ? 0x10 : 0);
  fv.setUint16(tcp + 14, s.window & 0xffff);
  fv.setUint16(tcp + 16, 0);
  fv.setUint16(tcp + 18, 0); // urgent pointer
  frame.set(s.payload, tcp + TCP_BYTES);
  // The checksum covers a pseudo-header (addresses, protocol, TCP length), the header and the payload.
  let pseudo = 6 + tcpLength;
  for (let i = 0; i < 4; i += 2) {
    pseudo += (c.src.ip[i]! << 8) | c.src.ip[i + 1]!;
    pseudo += (c.dst.ip[i]! << 8) | c.dst.ip[i + 1]!;
  }
  fv.setUint16(tcp + 16, ~onesSum(frame, tcp, tcpLength, pseudo) & 0xffff);
}

/** RFC 1071: the 16-bit ones' complement sum of bytes[start, start+length), plus `initial`. */
function onesSum(bytes: Uint8Array, start: number, length: number, initial: number): number {
  let sum = initial;
  const end = start + length;
  let i = start;
  for (; i + 1 < end; i += 2) {
    sum += (bytes[i]! << 8) | bytes[i + 1]!;
    if (sum > 0x7fffffff) sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (i < end) sum += bytes[i]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/**
 * The first moment (virtual ms) the tap sees a segment, or null while none has been sent. Cheap
 * enough to ask on every frame: the Timeline is in time order, and a segment is seen no earlier than
 * it is sent, so the scan stops after the first few segments.
 */
export function firstCaptureTime(
  events: readonly TimelineEvent[],
  tap: CaptureSide = 'server',
): number | null {
  let first = Number.POSITIVE_INFINITY;
  const roles = new Map<number, { client: EndpointId }>();
  for (const e of events) {
    if (e.t >= first) break;
    if (e.kind !== 'segment') continue;
    if (e.flags.syn && !e.flags.ack && !roles.has(e.conn)) roles.set(e.conn, { client: e.from });
    const sentByTap = isFromClient(e, roles) === (tap === 'client');
    first = Math.min(first, sentByTap ? e.sendT : e.arriveT);
  }
  return first === Number.POSITIVE_INFINITY ? null : first;
}

/** Whether a segment goes client → server. Without its connection's SYN, the endpoint "server" is the server. */
function isFromClient(e: SegmentEvent, roles: ReadonlyMap<number, { client: EndpointId }>): boolean {
  const client = roles.get(e.conn)?.client;
  return client !== undefined ? e.from === client : e.from !== 'server';
}

/** Who opened each connection: the sender of its SYN is the client. */
function connectionRoles(events: readonly TimelineEvent[]): Map<number, { client: EndpointId }> {
  const roles = new Map<number, { client: EndpointId }>();
  for (const e of events)
    if (e.kind === 'segment' && e.flags.syn && !e.flags.ack && !roles.has(e.conn))
      roles.set(e.conn, { client: e.from });
  return roles;
}

/** Addresses handed out in order of first appearance: servers 198.51.100.n, clients 192.0.2.n. */
class HostBook {
  readonly #servers = new Map<EndpointId, Host>();
  readonly #clients = new Map<EndpointId, Host>();

  server(id: EndpointId): Host {
    return this.#get(this.#servers, id, [198, 51, 100], 1);
  }

  client(id: EndpointId): Host {
    return this.#get(this.#clients, id, [192, 0, 2], 2);
  }

  #get(
    book: Map<EndpointId, Host>,
    id: EndpointId,
    net: readonly [number, number, number],
    overflow: number,
  ): Host {
    let h = book.get(id);
    if (!h) {
      const n = book.size + 1;
      // A /24 holds 254 hosts. Past that (many clients, never the playground's three) 10.<overflow>.x.y.
      const ip: Host['ip'] = n <= 254 ? [...net, n] : [10, overflow, (n >> 8) & 0xff, n & 0xff];
      h = { id, ip, mac: [0x02, 0x00, ...ip] };
      book.set(id, h);
    }
    return h;
  }
}

/** One direction's bytes written at one moment, for `byteStreamsToPcap`. */
export interface WrittenBytes {
  /** Virtual time (ms) at which the sender writes them. */
  readonly t: number;
  readonly fromClient: boolean;
  readonly bytes: Uint8Array;
}

export interface ByteStreamOptions {
  /** The server's TCP port: 8080 by default, so a reader decodes it only when told (`-d tcp.port==8080,http2`). */
  readonly serverPort?: number;
  /** One-way latency in ms: the tap sits at the server, so what the client writes is seen this much later. */
  readonly latency?: number;
}

/** A TCP MSS for the made-up segments: Ethernet's 1500-octet MTU less 40 octets of IPv4 + TCP header. */
const BYTE_STREAM_MSS = 1460;

/**
 * A capture of one TCP connection that carries the given bytes, for transports the simulated TCP does not
 * drive (the HTTP/2 session of src/sim/h2). The handshake (SYN, SYN-ACK, ACK) comes first, then each
 * write as segments of at most one MSS with PSH on the last, then FIN from each side. Sequence numbers
 * start at fixed values so the same bytes always give the same file. Seen at the server, as sessionToPcap.
 */
export function byteStreamsToPcap(
  writes: readonly WrittenBytes[],
  options: ByteStreamOptions = {},
): Uint8Array<ArrayBuffer> {
  const port = options.serverPort ?? 8080;
  const latency = options.latency ?? 20;
  const hosts = new HostBook();
  const client = hosts.client('client');
  const server = hosts.server('server');
  const clientPort = EPHEMERAL_BASE;
  const seq = { client: 0x10000000, server: 0x20000000 };
  const out: CapturedSegment[] = [];
  let id = 0;
  const segment = (
    fromClient: boolean,
    sentAt: number,
    flags: Partial<SegmentEvent['flags']>,
    payload: Uint8Array,
  ): void => {
    const mine = fromClient ? 'client' : 'server';
    const theirs = fromClient ? 'server' : 'client';
    const e: SegmentEvent = {
      kind: 'segment',
      layer: 'tcp',
      id: id++,
      t: sentAt,
      conn: 0,
      from: mine,
      to: theirs,
      sendT: sentAt,
      arriveT: sentAt + latency,
      flags: { syn: false, ack: true, fin: false, psh: false, rst: false, ...flags },
      seq: seq[mine] >>> 0,
      ack: seq[theirs] >>> 0,
      window: 0xffff,
      payload,
    };
    seq[mine] += payload.length + (flags.syn || flags.fin ? 1 : 0);
    out.push({
      segment: e,
      t: fromClient ? e.arriveT : e.sendT,
      src: fromClient ? client : server,
      dst: fromClient ? server : client,
      srcPort: fromClient ? clientPort : port,
      dstPort: fromClient ? port : clientPort,
    });
  };
  // The handshake ends as the first write leaves: SYN at 0, SYN-ACK one latency later, ACK with the write.
  const shift = 2 * latency - (writes[0]?.t ?? 0);
  segment(true, 0, { syn: true, ack: false }, new Uint8Array(0));
  segment(false, latency, { syn: true }, new Uint8Array(0));
  segment(true, 2 * latency, {}, new Uint8Array(0));
  let last = 2 * latency;
  for (const w of writes) {
    const t = w.t + shift;
    for (let at = 0; at < w.bytes.length; at += BYTE_STREAM_MSS) {
      const end = Math.min(w.bytes.length, at + BYTE_STREAM_MSS);
      segment(w.fromClient, t, { psh: end === w.bytes.length }, w.bytes.subarray(at, end));
    }
    last = Math.max(last, t);
  }
  segment(true, last + latency, { fin: true }, new Uint8Array(0));
  segment(false, last + 2 * latency, { fin: true }, new Uint8Array(0));
  segment(true, last + 3 * latency, {}, new Uint8Array(0));
  out.sort((a, b) => a.t - b.t || a.segment.id - b.segment.id);
  return capturedToPcap(out);
}
