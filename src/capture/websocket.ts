/**
 * A captured TCP connection read as WebSocket by the engine itself. The handshake is checked by the
 * engine's two halves: a `ServerConnection` reads the captured request and decides on it (`accept`),
 * a `ClientConnection` built with the captured Sec-WebSocket-Key, subprotocols and deflate offer reads
 * the captured 101 (Accept, extensions, subprotocol). Then each direction is fed, segment by segment,
 * to the endpoint that received it — the server's engine for client→server bytes, the client's for
 * server→client — so every frame, message, verdict and close code is the engine's, stamped with the
 * packet that completed it.
 *
 * What the capture lacks is said, not papered over: at a gap the receiver stops; decoding resumes at
 * the first plausible frame boundary after it with a fresh receiver, and what follows is marked as a
 * guess. A connection whose handshake was not captured is decoded the same way from its first bytes.
 */
import {
  checkAnswer,
  ClientConnection,
  Connection,
  DEFAULT_DEFLATE_PARAMS,
  deflateParamsOf,
  headerValue,
  parseExtensions,
  parseHeader,
  PERMESSAGE_DEFLATE,
  ServerConnection,
  type DecodedFrame,
  type DeflateCodec,
  type DeflateOffer,
  type DeflateParams,
  type Direction,
  type EngineEvent,
  type ExtensionElement,
  type HttpRequest,
  type HttpResponse,
  type ProtocolError,
  type WindowBits,
} from '../protocol/index.ts';
import type { DataPiece, ReassembledStream, StreamPiece } from './reassembly.ts';

export interface DecodeSetup {
  /** DEFLATE for permessage-deflate (the page loads pako lazily); null: compressed frames are not read. */
  readonly codec: DeflateCodec | null;
  /** The receivers' message limit: generous, a capture is read, not defended against. */
  readonly maxMessageSize?: number;
}

/** 1 GiB: a captured message is shown whatever its size, up to what the file can hold. */
export const CAPTURE_MAX_MESSAGE = 1024 * 1024 * 1024;

/**
 * Why a frame's reading is not certain: it follows a gap, the handshake was not captured, or it was
 * rebuilt from a HAR message by the engine (har.ts) — bytes the engine wrote, not the original ones.
 */
export type Guess = 'after-gap' | 'no-handshake' | 'reconstructed' | null;

export interface CapturedFrame {
  readonly direction: Direction;
  /** The packet whose bytes completed the frame, and its time. */
  readonly packet: number;
  readonly timeUs: number;
  /** Offset of the frame's first byte in its direction's TCP stream. */
  readonly streamOffset: number;
  readonly frame: DecodedFrame;
  readonly guess: Guess;
}

/** What a receiver made of the frames: messages, pings, pongs, close frames, violations, the close. */
export type ReceivedEvent = Extract<
  EngineEvent,
  { type: 'message' | 'ping' | 'pong' | 'close-frame' | 'error' | 'closed' }
>;

export interface CapturedEvent {
  readonly direction: Direction;
  readonly packet: number;
  readonly timeUs: number;
  readonly event: ReceivedEvent;
  readonly guess: Guess;
}

/** Bytes of a direction the decoder did not read as frames, and why. */
export interface Skipped {
  readonly direction: Direction;
  readonly offset: number;
  readonly length: number;
  readonly why: 'gap' | 'resync' | 'after-failure' | 'after-close' | 'no-boundary';
}

export interface Handshake {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  /** The server engine's verdict on the request (§4.2.1), null when it is valid. */
  readonly requestError: ProtocolError | null;
  /** The client engine's verdict on the 101 (§4.1: Accept, extensions, subprotocol), null when valid. */
  readonly responseError: ProtocolError | null;
  readonly protocol: string | null;
  /** permessage-deflate as agreed, or null. */
  readonly deflate: DeflateParams | null;
  /** Compressed frames were seen but no codec was given to inflate them. */
  readonly deflateUnread: boolean;
}

export interface WebSocketDecode {
  /** Null when the handshake is not in the capture (decoded from a guessed frame boundary). */
  readonly handshake: Handshake | null;
  /** In packet order, both directions interleaved as they were on the wire. */
  readonly frames: readonly CapturedFrame[];
  readonly events: readonly CapturedEvent[];
  readonly skipped: readonly Skipped[];
}

type Role = 'client' | 'server';
const receiverRole = (d: Direction): Role => (d === 'c2s' ? 'server' : 'client');
const ZEROS = (n: number): Uint8Array => new Uint8Array(n);

/** Bytes scanned for a frame boundary after a gap: a frame header is found long before this. */
const RESYNC_SCAN = 64 * 1024;

/**
 * The most likely offset of a frame's first byte in `b`, decoding as `role` would (masking rule,
 * RSV1 only with permessage-deflate): a header the engine accepts, not a continuation, whose frame
 * either ends exactly where the bytes end or is followed by two more acceptable headers. -1: none.
 */
export function plausibleBoundary(b: Uint8Array, role: Role, deflate: boolean): number {
  const rules = {
    expectMasked: role === 'server',
    allowedRsv: deflate ? 0x40 : 0,
    maxPayload: CAPTURE_MAX_MESSAGE,
  };
  let weak = -1;
  const limit = Math.min(b.length, RESYNC_SCAN);
  for (let i = 0; i < limit; i++) {
    const first = parseHeader(b, i, b.length, rules);
    if (first.kind !== 'header' || first.header.opcode === 0) continue;
    let at = i;
    let ok = 0;
    // Bounded: at most three headers chained from each candidate.
    for (let n = 0; n < 3; n++) {
      const h = parseHeader(b, at, b.length, rules);
      if (h.kind !== 'header') break;
      at += h.header.headerLength + h.header.payloadLength;
      ok++;
      if (at >= b.length) break;
    }
    if (at === b.length || ok >= 3) return i;
    if (weak < 0 && at > b.length && ok >= 1) weak = i;
  }
  return weak;
}

/** The client's deflate offers, as the engine's `DeflateOffer`s (RFC 7692 §7.1). */
export function deflateOffers(request: HttpRequest): { offers: DeflateOffer[] } {
  const value = headerValue(request.headers, 'Sec-WebSocket-Extensions');
  if (value === null) return { offers: [] };
  const parsed = parseExtensions(value);
  if (!parsed.ok) return { offers: [] };
  return { offers: parsed.elements.filter((e) => e.name === PERMESSAGE_DEFLATE).map(offerOf) };
}

function offerOf(e: ExtensionElement): DeflateOffer {
  const bits = (v: string | null): WindowBits | undefined => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 8 && n <= 15 ? (n as WindowBits) : undefined;
  };
  const out: {
    serverNoContextTakeover?: boolean;
    clientNoContextTakeover?: boolean;
    serverMaxWindowBits?: WindowBits;
    clientMaxWindowBits?: WindowBits | true;
  } = {};
  for (const p of e.params) {
    if (p.name === 'server_no_context_takeover') out.serverNoContextTakeover = true;
    else if (p.name === 'client_no_context_takeover') out.clientNoContextTakeover = true;
    else if (p.name === 'server_max_window_bits') {
      const b = bits(p.value);
      if (b) out.serverMaxWindowBits = b;
    } else if (p.name === 'client_max_window_bits') out.clientMaxWindowBits = bits(p.value) ?? true;
  }
  return out;
}

/** The answer's permessage-deflate element, if the 101 names one. */
export function answerElement(response: HttpResponse): ExtensionElement | null {
  const value = headerValue(response.headers, 'Sec-WebSocket-Extensions');
  if (value === null) return null;
  const parsed = parseExtensions(value);
  return parsed.ok ? (parsed.elements.find((e) => e.name === PERMESSAGE_DEFLATE) ?? null) : null;
}

/** One direction's receiver, fed piece by piece; a new one (a guess) after each gap. */
class DirectionReader {
  readonly frames: (CapturedFrame & { order: number })[] = [];
  readonly events: (CapturedEvent & { order: number })[] = [];
  readonly skipped: Skipped[] = [];
  #receiver: Connection | null;
  #base: number;
  #guess: Guess;
  #stopped: Skipped['why'] | null = null;
  #stoppedAt = 0;
  #stoppedEnd = 0;
  #order = 0;

  constructor(
    readonly direction: Direction,
    receiver: Connection | null,
    base: number,
    guess: Guess,
    readonly fresh: () => Connection,
    readonly deflate: boolean,
  ) {
    this.#receiver = receiver;
    this.#base = base;
    this.#guess = guess;
  }

  /** Feed the stream from `from` on: each data piece to the receiver, each gap a new start. */
  read(pieces: readonly StreamPiece[], from: number): void {
    let pending: DataPiece[] | null = this.#receiver ? null : [];
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      const end = p.kind === 'gap' ? p.offset + p.length : p.offset + p.bytes.length;
      if (end <= from) continue;
      if (p.kind === 'gap') {
        this.skipped.push({ direction: this.direction, offset: p.offset, length: p.length, why: 'gap' });
        // A receiver that closed or failed reads nothing more (§7.1.7), gap or not.
        if (this.#stopped) continue;
        this.#receiver = null;
        this.#stopped = null;
        this.#guess = 'after-gap';
        pending = [];
        continue;
      }
      const piece: DataPiece =
        p.offset < from ? { ...p, offset: from, bytes: p.bytes.subarray(from - p.offset) } : p;
      if (pending) {
        // Gather the contiguous bytes after a gap, then look for a frame boundary in them.
        pending.push(piece);
        const next = pieces[i + 1];
        const gathered = pending.reduce((n, q) => n + q.bytes.length, 0);
        if (next && next.kind === 'data' && gathered < RESYNC_SCAN) continue;
        this.#resync(pending);
        pending = null;
        continue;
      }
      this.#feed(piece);
    }
    if (pending && pending.length > 0) this.#resync(pending);
    this.#flushStop();
  }

  #resync(pending: DataPiece[]): void {
    const first = pending[0]!;
    const total = pending.reduce((n, q) => n + q.bytes.length, 0);
    const joined = new Uint8Array(total);
    let o = 0;
    for (const q of pending) {
      joined.set(q.bytes, o);
      o += q.bytes.length;
    }
    const at = plausibleBoundary(joined, receiverRole(this.direction), this.deflate);
    if (at < 0) {
      this.skipped.push({
        direction: this.direction,
        offset: first.offset,
        length: total,
        why: 'no-boundary',
      });
      return;
    }
    if (at > 0)
      this.skipped.push({ direction: this.direction, offset: first.offset, length: at, why: 'resync' });
    this.#receiver = this.fresh();
    this.#base = first.offset + at;
    for (const q of pending) {
      const qEnd = q.offset + q.bytes.length;
      if (qEnd <= this.#base) continue;
      this.#feed(
        q.offset < this.#base
          ? { ...q, offset: this.#base, bytes: q.bytes.subarray(this.#base - q.offset) }
          : q,
      );
    }
  }

  #feed(piece: DataPiece): void {
    // Bounded: each turn either ends or restarts after a frame that lies inside this piece.
    for (let p: DataPiece | null = piece; p;) p = this.#feedOnce(p);
  }

  /** Feed one piece; the rest of it when a guessed receiver must start again after a frame. */
  #feedOnce(p: DataPiece): DataPiece | null {
    const r = this.#receiver;
    if (!r) return null;
    if (this.#stopped) {
      this.#stoppedEnd = p.offset + p.bytes.length;
      return null;
    }
    r.receiveData(p.bytes);
    r.dataToSend(); // the receiver's replies (pongs, close echoes) are not part of the capture
    let failure: ProtocolError | null = null;
    for (const e of r.events()) {
      const at = { direction: this.direction, packet: p.packet, timeUs: p.timeUs, guess: this.#guess };
      if (e.type === 'frame-in')
        this.frames.push({
          ...at,
          streamOffset: this.#base + e.frame.offset,
          frame: e.frame,
          order: this.#order++,
        });
      else if (
        e.type === 'message' ||
        e.type === 'ping' ||
        e.type === 'pong' ||
        e.type === 'close-frame' ||
        e.type === 'error' ||
        e.type === 'closed'
      ) {
        this.events.push({ ...at, event: e, order: this.#order++ });
        if (e.type === 'error') failure = e.error;
      }
    }
    if (r.state !== 'CLOSED' || this.#stopped) return null;
    const last = this.frames[this.frames.length - 1];
    const lastEnd = last ? last.streamOffset + last.frame.size : p.offset;
    // A guessed start lacks the LZ77 window earlier messages left (RFC 7692 §7.2.3.2): data that
    // refers to it cannot inflate. That says nothing about the frames after it, so reading goes on
    // with a fresh receiver from the next frame, still a guess.
    if (this.#guess && failure?.rule === 'deflate-corrupt' && last && lastEnd > p.offset) {
      this.#receiver = this.fresh();
      this.#base = lastEnd;
      const rest = p.bytes.subarray(lastEnd - p.offset);
      return rest.length > 0 ? { ...p, offset: lastEnd, bytes: rest } : null;
    }
    this.#stopped = failure ? 'after-failure' : 'after-close';
    this.#stoppedAt = lastEnd;
    this.#stoppedEnd = p.offset + p.bytes.length;
    return null;
  }

  /** Bytes after the receiver closed (or failed): counted, as a real endpoint would discard them. */
  #flushStop(): void {
    if (this.#stopped && this.#stoppedEnd > this.#stoppedAt)
      this.skipped.push({
        direction: this.direction,
        offset: this.#stoppedAt,
        length: this.#stoppedEnd - this.#stoppedAt,
        why: this.#stopped,
      });
  }
}

/** Receivers in OPEN state, as after a handshake that agreed to `deflate` (or none). */
function openReceiver(direction: Direction, deflate: DeflateParams | null, setup: DecodeSetup): Connection {
  return new Connection(receiverRole(direction), {
    maxMessageSize: setup.maxMessageSize ?? CAPTURE_MAX_MESSAGE,
    random: ZEROS,
    ...(deflate && setup.codec ? { deflate: { codec: setup.codec, params: deflate } } : {}),
  });
}

export interface CapturedHeads {
  readonly request: HttpRequest;
  /** The request head as captured: the engine reads these very bytes, not a re-serialisation. */
  readonly requestBytes: Uint8Array;
  readonly response: HttpResponse;
  readonly responseBytes: Uint8Array;
}

/** Decode a connection whose request and 101 were captured. */
export function decodeWithHandshake(
  heads: CapturedHeads,
  c2s: ReassembledStream,
  s2c: ReassembledStream,
  setup: DecodeSetup,
): WebSocketDecode {
  const { request, response } = heads;
  const maxMessageSize = setup.maxMessageSize ?? CAPTURE_MAX_MESSAGE;
  const codec = setup.codec;
  // The client's half: the captured key, subprotocols and the deflate offer the 101 answers.
  const { offers } = deflateOffers(request);
  const answer = answerElement(response);
  const offer = (answer && offers.find((o) => checkAnswer(answer, o).ok)) ?? offers[0];
  const protocols = (headerValue(request.headers, 'Sec-WebSocket-Protocol') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const client = new ClientConnection({
    key: headerValue(request.headers, 'Sec-WebSocket-Key') ?? '',
    // The request it builds is not used: the captured one was sent. Host and path only fill it in.
    host: headerValue(request.headers, 'Host') ?? '',
    path: request.target,
    protocols,
    maxMessageSize,
    random: ZEROS,
    ...(offer && codec ? { deflate: { codec, offer } } : {}),
  });
  client.dataToSend();
  client.events();
  client.receiveData(heads.responseBytes);
  let responseError: ProtocolError | null = null;
  for (const e of client.events()) if (e.type === 'error' && !responseError) responseError = e.error;
  // Without a codec the client declines to read a deflate answer: check the answer on its own then.
  let deflate: DeflateParams | null = client.deflate;
  if (!codec && answer) {
    const r = offer ? checkAnswer(answer, offer) : deflateParamsOf(answer);
    deflate = r.ok ? r.params : null;
  } else if (responseError && answer) {
    const r = deflateParamsOf(answer);
    deflate = r.ok ? r.params : null;
  }
  const protocol = headerValue(response.headers, 'Sec-WebSocket-Protocol');

  // The server's half: its engine reads the request and decides; the decision is then made to agree
  // with what the captured server answered (its subprotocol and deflate parameters), and acted on.
  const server = new ServerConnection({
    maxMessageSize,
    random: ZEROS,
    protocols: protocol ? [protocol] : [],
    ...(codec ? { deflate: { codec } } : {}),
  });
  server.receiveData(heads.requestBytes);
  server.events();
  const decision = server.accept(request);
  const requestError = decision.ok ? null : decision.error;
  let serverReceiver: Connection;
  if (decision.ok) {
    server.sendResponse({ ...decision, accepted: { ...decision.accepted, protocol, deflate } });
    server.dataToSend();
    server.events();
    serverReceiver = server;
  } else serverReceiver = openReceiver('c2s', deflate, setup);
  const clientReceiver = client.state === 'OPEN' ? client : openReceiver('s2c', deflate, setup);

  const readers = (['c2s', 's2c'] as const).map((direction) => {
    const start = direction === 'c2s' ? heads.requestBytes.length : heads.responseBytes.length;
    const r = new DirectionReader(
      direction,
      direction === 'c2s' ? serverReceiver : clientReceiver,
      start,
      null,
      () => openReceiver(direction, deflate, setup),
      deflate !== null,
    );
    r.read((direction === 'c2s' ? c2s : s2c).pieces, start);
    return r;
  });
  const merged = merge(readers);
  const deflateUnread = deflate !== null && !codec && merged.frames.some((f) => f.frame.header.rsv1);
  return {
    handshake: { request, response, requestError, responseError, protocol, deflate, deflateUnread },
    ...merged,
  };
}

/**
 * Decode a connection whose handshake was not captured, from the first plausible frame boundary of
 * each direction: every frame is marked as a guess. Compression is assumed when a first frame sets
 * RSV1 and a codec is given (its parameters unknown: RFC 7692's defaults).
 */
export function decodeWithoutHandshake(
  c2s: ReassembledStream,
  s2c: ReassembledStream,
  setup: DecodeSetup,
): WebSocketDecode {
  const readers = (['c2s', 's2c'] as const).map((direction) => {
    const stream = direction === 'c2s' ? c2s : s2c;
    const deflate = setup.codec && startsCompressed(stream, direction) ? DEFAULT_DEFLATE_PARAMS : null;
    const r = new DirectionReader(
      direction,
      null,
      0,
      'no-handshake',
      () => openReceiver(direction, deflate, setup),
      deflate !== null,
    );
    r.read(stream.pieces, 0);
    return r;
  });
  return { handshake: null, ...merge(readers) };
}

function startsCompressed(s: ReassembledStream, direction: Direction): boolean {
  const first = s.pieces.find((p): p is DataPiece => p.kind === 'data');
  if (!first) return false;
  const at = plausibleBoundary(first.bytes, receiverRole(direction), true);
  return at >= 0 && (first.bytes[at]! & 0x40) !== 0;
}

/** Both directions interleaved by packet number (one packet carries one direction). */
function merge(readers: readonly DirectionReader[]): Omit<WebSocketDecode, 'handshake'> {
  const byPacket = <T extends { packet: number; order: number }>(a: T, b: T): number =>
    a.packet - b.packet || a.order - b.order;
  // The `order` field stays on the values: harmless, and copying tens of thousands of frames is not.
  const frames = readers.flatMap((r) => r.frames).sort(byPacket);
  const events = readers.flatMap((r) => r.events).sort(byPacket);
  return {
    frames,
    events,
    skipped: readers.flatMap((r) => r.skipped),
  };
}
