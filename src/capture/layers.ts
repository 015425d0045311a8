/**
 * From a captured packet to a TCP segment: the link layer (Ethernet with 802.1Q/802.1ad tags, Linux
 * cooked capture v1 and v2, BSD null/loopback, raw IP), then IPv4 or IPv6 (extension headers skipped),
 * then the TCP header. Anything else is named and counted, never misread: an IPv4 fragment is named
 * (not reassembled: WebSocket over TCP on a loopback or LAN is not fragmented in practice), a link type
 * this reader does not know is reported by number.
 */
import type { CapturedPacket } from './container.ts';

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export interface TcpSegment {
  readonly packet: number;
  readonly timeUs: number;
  readonly ipVersion: 4 | 6;
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  readonly syn: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  readonly ackFlag: boolean;
  /** The payload bytes captured. */
  readonly payload: Uint8Array;
  /** The payload's length on the wire (more than `payload.length` when the snapshot cut it). */
  readonly length: number;
}

export type PacketReading =
  | { readonly kind: 'tcp'; readonly segment: TcpSegment }
  | { readonly kind: 'ip-fragment'; readonly packet: number; readonly id: number; readonly offset: number }
  | { readonly kind: 'other-ip'; readonly protocol: number }
  | { readonly kind: 'not-ip' }
  | { readonly kind: 'unknown-link'; readonly linkType: number }
  /** Headers cut short by the snapshot length or a damaged packet. */
  | { readonly kind: 'short' };

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);
const TCP = 6;

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number): number =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

export function readPacket(p: CapturedPacket): PacketReading {
  const ip = ipOf(p.linkType, p.data);
  if (ip === 'short') return { kind: 'short' };
  if (ip === 'unknown') return { kind: 'unknown-link', linkType: p.linkType };
  if (ip === null) return { kind: 'not-ip' };
  return ip.version === 4 ? readIpv4(p, ip.bytes) : readIpv6(p, ip.bytes);
}

type IpStart = { readonly version: 4 | 6; readonly bytes: Uint8Array } | null | 'short' | 'unknown';

function ipOf(linkType: number, d: Uint8Array): IpStart {
  const byEthertype = (type: number, at: number): IpStart => {
    if (type === ETHERTYPE_IPV4) return { version: 4, bytes: d.subarray(at) };
    if (type === ETHERTYPE_IPV6) return { version: 6, bytes: d.subarray(at) };
    return null;
  };
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      let at = 12;
      if (d.length < 14) return 'short';
      let type = u16(d, at);
      // 802.1Q / 802.1ad tags: 4 bytes each, possibly stacked (QinQ). Bounded by the packet length.
      while (VLAN_TAGS.has(type)) {
        at += 4;
        if (d.length < at + 2) return 'short';
        type = u16(d, at);
      }
      return byEthertype(type, at + 2);
    }
    case LINKTYPE.LINUX_SLL:
      if (d.length < 16) return 'short';
      return byEthertype(u16(d, 14), 16);
    case LINKTYPE.LINUX_SLL2:
      if (d.length < 20) return 'short';
      return byEthertype(u16(d, 0), 20);
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (d.length < 4) return 'short';
      // NULL: the address family in the capturing host's byte order; LOOP: in network byte order.
      const le = d[0]! | (d[1]! << 8) | (d[2]! << 16) | (d[3]! << 24);
      const family = linkType === LINKTYPE.LOOP || le > 0xffff ? u32(d, 0) : le;
      if (family === 2) return { version: 4, bytes: d.subarray(4) };
      // AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS), 10 (Linux).
      if (family === 24 || family === 28 || family === 30 || family === 10)
        return { version: 6, bytes: d.subarray(4) };
      return null;
    }
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6: {
      if (d.length < 1) return 'short';
      const v = d[0]! >> 4;
      return v === 4 || v === 6 ? { version: v, bytes: d } : null;
    }
    default:
      return 'unknown';
  }
}

function readIpv4(p: CapturedPacket, b: Uint8Array): PacketReading {
  if (b.length < 20) return { kind: 'short' };
  const ihl = (b[0]! & 0x0f) * 4;
  if (ihl < 20 || b.length < ihl) return { kind: 'short' };
  const total = u16(b, 2);
  const flagsFrag = u16(b, 6);
  const more = (flagsFrag & 0x2000) !== 0;
  const fragOffset = (flagsFrag & 0x1fff) * 8;
  if (more || fragOffset !== 0)
    return { kind: 'ip-fragment', packet: p.number, id: u16(b, 4), offset: fragOffset };
  const protocol = b[9]!;
  if (protocol !== TCP) return { kind: 'other-ip', protocol };
  const src = `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  const dst = `${b[16]}.${b[17]}.${b[18]}.${b[19]}`;
  // A total length of 0 is TCP segmentation offload seen before the NIC split it: take what was captured.
  const end = total === 0 ? b.length : total;
  const wire = Math.max(0, end - ihl);
  return readTcp(p, 4, src, dst, b.subarray(ihl, Math.min(b.length, end)), wire);
}

/** RFC 8200 §4: extension headers that carry a length and a next header, skipped to reach TCP. */
const IPV6_SKIPPED = new Set([0, 43, 60, 51, 135, 139, 140]);
const IPV6_FRAGMENT = 44;

function readIpv6(p: CapturedPacket, b: Uint8Array): PacketReading {
  if (b.length < 40) return { kind: 'short' };
  const payloadLength = u16(b, 4);
  let next = b[6]!;
  let at = 40;
  // Bounded: each header advances `at` by at least 8 bytes, within the packet.
  while (IPV6_SKIPPED.has(next) || next === IPV6_FRAGMENT) {
    if (b.length < at + 8) return { kind: 'short' };
    if (next === IPV6_FRAGMENT) {
      const off = u16(b, at + 2);
      if ((off & 0xfff8) !== 0 || (off & 1) !== 0)
        return { kind: 'ip-fragment', packet: p.number, id: u32(b, at + 4), offset: off & 0xfff8 };
      next = b[at]!;
      at += 8;
      continue;
    }
    const len = next === 51 ? (b[at + 1]! + 2) * 4 : (b[at + 1]! + 1) * 8;
    next = b[at]!;
    at += len;
  }
  if (next !== TCP) return { kind: 'other-ip', protocol: next };
  if (b.length < at) return { kind: 'short' };
  const src = ipv6Text(b.subarray(8, 24));
  const dst = ipv6Text(b.subarray(24, 40));
  // A payload length of 0 is a jumbogram or offload: take what was captured.
  const end = payloadLength === 0 ? b.length : 40 + payloadLength;
  const wire = Math.max(0, end - at);
  return readTcp(p, 6, src, dst, b.subarray(at, Math.min(b.length, end)), wire);
}

function readTcp(
  p: CapturedPacket,
  ipVersion: 4 | 6,
  src: string,
  dst: string,
  t: Uint8Array,
  wire: number,
): PacketReading {
  if (t.length < 20) return { kind: 'short' };
  const offset = (t[12]! >> 4) * 4;
  if (offset < 20 || t.length < offset) return { kind: 'short' };
  const flags = t[13]!;
  const payload = t.subarray(offset);
  return {
    kind: 'tcp',
    segment: {
      packet: p.number,
      timeUs: p.timeUs,
      ipVersion,
      src,
      dst,
      srcPort: u16(t, 0),
      dstPort: u16(t, 2),
      seq: u32(t, 4),
      ack: u32(t, 8),
      fin: (flags & 0x01) !== 0,
      syn: (flags & 0x02) !== 0,
      rst: (flags & 0x04) !== 0,
      ackFlag: (flags & 0x10) !== 0,
      payload,
      length: Math.max(payload.length, wire - offset),
    },
  };
}

/** RFC 5952 text form: lower-case hex, the longest run of two or more zero groups as "::". */
export function ipv6Text(a: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((a[i]! << 8) | a[i + 1]!);
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]): string => g.map((x) => x.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}
