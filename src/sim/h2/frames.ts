/**
 * The HTTP/2 frames (RFC 9113 §4, §6) that a WebSocket over HTTP/2 (RFC 8441) needs: the connection
 * preface, SETTINGS, HEADERS, DATA, RST_STREAM, WINDOW_UPDATE, PING and GOAWAY. Every frame is a 9-octet
 * header (§4.1: 24-bit length, 8-bit type, 8-bit flags, 1 reserved bit + 31-bit stream id) and a payload.
 * No padding and no priority fields are written (the PADDED and PRIORITY flags stay 0): a sender may
 * always leave them out, and browsers do.
 */

/** §3.4: what a client sends first, before its SETTINGS: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n". */
export const CONNECTION_PREFACE = new TextEncoder().encode('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export const FRAME_HEADER_BYTES = 9;

/** §6 frame types (and §11.2's registry). */
export const FrameType = {
  DATA: 0x0,
  HEADERS: 0x1,
  PRIORITY: 0x2,
  RST_STREAM: 0x3,
  SETTINGS: 0x4,
  PUSH_PROMISE: 0x5,
  PING: 0x6,
  GOAWAY: 0x7,
  WINDOW_UPDATE: 0x8,
  CONTINUATION: 0x9,
} as const;
export type FrameTypeName = keyof typeof FrameType;

export const Flag = {
  /** DATA, HEADERS: the last frame this endpoint sends on the stream (§6.1, §6.2). */
  END_STREAM: 0x1,
  /** SETTINGS, PING: this is the acknowledgement (§6.5, §6.7). */
  ACK: 0x1,
  /** HEADERS: the header block is complete in this frame (§6.2). */
  END_HEADERS: 0x4,
} as const;

/** §6.5.2, plus RFC 8441 §3's SETTINGS_ENABLE_CONNECT_PROTOCOL (0x8). */
export const Setting = {
  HEADER_TABLE_SIZE: 0x1,
  ENABLE_PUSH: 0x2,
  MAX_CONCURRENT_STREAMS: 0x3,
  INITIAL_WINDOW_SIZE: 0x4,
  MAX_FRAME_SIZE: 0x5,
  MAX_HEADER_LIST_SIZE: 0x6,
  ENABLE_CONNECT_PROTOCOL: 0x8,
} as const;

/** §7 error codes used here. */
export const ErrorCode = {
  NO_ERROR: 0x0,
  PROTOCOL_ERROR: 0x1,
  CANCEL: 0x8,
  COMPRESSION_ERROR: 0x9,
} as const;

/** §6.9.2: every stream and the connection start with a 65,535-octet flow-control window. */
export const DEFAULT_WINDOW = 65_535;
/** §4.2: SETTINGS_MAX_FRAME_SIZE starts at 2^14. */
export const DEFAULT_MAX_FRAME_SIZE = 16_384;

export interface H2Frame {
  readonly type: number;
  readonly flags: number;
  readonly stream: number;
  readonly payload: Uint8Array;
}

export function encodeFrame(f: H2Frame): Uint8Array {
  if (f.payload.length > 0xffffff)
    throw new RangeError('RFC 9113 §4.1: a frame payload is at most 2^24-1 octets');
  const out = new Uint8Array(FRAME_HEADER_BYTES + f.payload.length);
  out[0] = (f.payload.length >>> 16) & 0xff;
  out[1] = (f.payload.length >>> 8) & 0xff;
  out[2] = f.payload.length & 0xff;
  out[3] = f.type;
  out[4] = f.flags;
  new DataView(out.buffer).setUint32(5, f.stream & 0x7fffffff); // reserved bit R is sent as 0
  out.set(f.payload, FRAME_HEADER_BYTES);
  return out;
}

export function settingsFrame(settings: readonly (readonly [number, number])[]): H2Frame {
  const payload = new Uint8Array(6 * settings.length);
  const v = new DataView(payload.buffer);
  settings.forEach(([id, value], i) => {
    v.setUint16(6 * i, id);
    v.setUint32(6 * i + 2, value);
  });
  return { type: FrameType.SETTINGS, flags: 0, stream: 0, payload };
}

export const settingsAck = (): H2Frame => ({
  type: FrameType.SETTINGS,
  flags: Flag.ACK,
  stream: 0,
  payload: new Uint8Array(0),
});

/** One HEADERS frame holding a whole header block (END_HEADERS), optionally ending the stream. */
export function headersFrame(stream: number, block: Uint8Array, endStream = false): H2Frame {
  return {
    type: FrameType.HEADERS,
    flags: Flag.END_HEADERS | (endStream ? Flag.END_STREAM : 0),
    stream,
    payload: block,
  };
}

export function dataFrame(stream: number, payload: Uint8Array, endStream = false): H2Frame {
  return { type: FrameType.DATA, flags: endStream ? Flag.END_STREAM : 0, stream, payload };
}

function u32Frame(type: number, stream: number, value: number): H2Frame {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setUint32(0, value >>> 0);
  return { type, flags: 0, stream, payload };
}

export const rstStreamFrame = (stream: number, code: number): H2Frame =>
  u32Frame(FrameType.RST_STREAM, stream, code);
export const windowUpdateFrame = (stream: number, increment: number): H2Frame =>
  u32Frame(FrameType.WINDOW_UPDATE, stream, increment & 0x7fffffff);

export function goawayFrame(lastStream: number, code: number): H2Frame {
  const payload = new Uint8Array(8);
  const v = new DataView(payload.buffer);
  v.setUint32(0, lastStream & 0x7fffffff);
  v.setUint32(4, code);
  return { type: FrameType.GOAWAY, flags: 0, stream: 0, payload };
}

export type FrameParse =
  | { readonly ok: true; readonly frames: H2Frame[]; readonly preface: boolean }
  | { readonly ok: false; readonly rule: string; readonly at: number; readonly message: string };

/**
 * Split one direction's bytes into frames (the client's may start with the preface). Stops with the rule
 * broken when a frame is cut short.
 */
export function parseFrames(bytes: Uint8Array): FrameParse {
  let at = 0;
  let preface = false;
  if (bytes.length >= CONNECTION_PREFACE.length && CONNECTION_PREFACE.every((b, i) => bytes[i] === b)) {
    preface = true;
    at = CONNECTION_PREFACE.length;
  }
  const frames: H2Frame[] = [];
  while (at < bytes.length) {
    if (bytes.length - at < FRAME_HEADER_BYTES)
      return { ok: false, rule: 'RFC 9113 §4.1', at, message: 'fewer than 9 octets left for a frame header' };
    const length = (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
    const end = at + FRAME_HEADER_BYTES + length;
    if (end > bytes.length)
      return {
        ok: false,
        rule: 'RFC 9113 §4.1',
        at,
        message: `frame length ${length} runs past the bytes given`,
      };
    frames.push({
      type: bytes[at + 3]!,
      flags: bytes[at + 4]!,
      stream: new DataView(bytes.buffer, bytes.byteOffset + at + 5, 4).getUint32(0) & 0x7fffffff,
      payload: bytes.slice(at + FRAME_HEADER_BYTES, end),
    });
    at = end;
  }
  return { ok: true, frames, preface };
}

export function frameTypeName(type: number): string {
  const name = (Object.keys(FrameType) as FrameTypeName[]).find((k) => FrameType[k] === type);
  return name ?? `unknown 0x${type.toString(16)}`;
}

/** The settings a SETTINGS frame carries, in order. */
export function readSettings(f: H2Frame): [number, number][] {
  const v = new DataView(f.payload.buffer, f.payload.byteOffset, f.payload.length);
  const out: [number, number][] = [];
  for (let i = 0; i + 6 <= f.payload.length; i += 6) out.push([v.getUint16(i), v.getUint32(i + 2)]);
  return out;
}
