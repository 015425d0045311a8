/**
 * One WebSocket endpoint as a sans-I/O state machine (the shape of python-websockets' protocol layer):
 * the caller feeds bytes with `receiveData`, asks to send with `send*`, and drains `dataToSend()` and
 * `events()`. No socket, no clock, no timers: the caller owns time and transport.
 *
 *   CONNECTING ──101──▶ OPEN ──close sent or received──▶ CLOSING ──both close frames──▶ CLOSED
 *        └──────────────── handshake refused / transport lost / connection failed ───────▶ CLOSED
 */
import { buildClosePayload, parseClosePayload } from './close.ts';
import { DecodedFrame, FrameDecoder, type FrameHeader } from './decoder.ts';
import { closeCodeFor, protocolError, type ProtocolError } from './errors.ts';
import {
  Opcode,
  concatBytes,
  encodeFrameChunks,
  headerLength,
  isControl,
  minimalLengthForm,
  opcodeName,
  type FrameSpec,
} from './frame.ts';
import {
  acceptFor,
  buildRequest,
  checkRequest,
  checkResponse,
  generateKey,
  rejectionFor,
  type AcceptedRequest,
  type ClientRequestOptions,
  type RequestCheck,
  type ServerPolicy,
} from './handshake.ts';
import {
  HEAD_INCOMPLETE,
  HeadScanner,
  parseRequestHead,
  parseResponseHead,
  serializeHead,
  type HttpRequest,
  type HttpResponse,
} from './http.ts';
import { MaskKeys } from './mask.ts';
import { Utf8Stream, decodeUtf8, firstInvalidUtf8 } from './utf8.ts';

export type Role = 'client' | 'server';
export type ReadyState = 'CONNECTING' | 'OPEN' | 'CLOSING' | 'CLOSED';

export type EngineEvent =
  | { readonly type: 'state'; readonly from: ReadyState; readonly to: ReadyState }
  | { readonly type: 'http-out'; readonly message: HttpRequest | HttpResponse; readonly bytes: Uint8Array }
  | { readonly type: 'http-in'; readonly message: HttpRequest | HttpResponse; readonly bytes: Uint8Array }
  | { readonly type: 'frame-out'; readonly frame: DecodedFrame; readonly bytes: readonly Uint8Array[] }
  | { readonly type: 'frame-in'; readonly frame: DecodedFrame }
  | { readonly type: 'raw-out'; readonly bytes: Uint8Array }
  | {
      readonly type: 'message';
      readonly binary: boolean;
      readonly data: string | Uint8Array;
      readonly frames: number;
    }
  | { readonly type: 'ping'; readonly payload: Uint8Array }
  | { readonly type: 'pong'; readonly payload: Uint8Array }
  | { readonly type: 'close-frame'; readonly code: number | null; readonly reason: string }
  | { readonly type: 'error'; readonly error: ProtocolError; readonly by: 'local' | 'peer' }
  | {
      readonly type: 'closed';
      /** §7.1.5 The WebSocket Connection Close Code: from the received close frame, else 1005 / 1006. */
      readonly code: number;
      readonly reason: string;
      readonly wasClean: boolean;
    }
  /** Asks the driver to close the TCP connection now (§7.1.1: the server closes first). */
  | { readonly type: 'close-transport' };

export type SendResult = { readonly ok: true } | { readonly ok: false; readonly error: ProtocolError };

export interface ConnectionOptions {
  /**
   * Largest message accepted: the sum of its frames' payloads, plus FRAGMENT_OVERHEAD per frame when it
   * is fragmented. Beyond it the connection closes with 1009.
   */
  readonly maxMessageSize?: number;
  /** Random bytes for masking keys and the handshake nonce; the simulator passes a seeded source. */
  readonly random?: (n: number) => Uint8Array;
  /** Answer pings with pongs automatically (§5.5.2 says an endpoint MUST). */
  readonly autoPong?: boolean;
}

export const DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

/**
 * Bytes each fragment of a message is charged on top of its payload when checking maxMessageSize.
 * Payload bytes alone left fragments free: 3.3 M empty continuation frames (20 MB on the wire) grew a
 * server by ~710 MiB and never reached the limit (security review M1). 16 B is about what one frame
 * costs to decode (its header and event), and it bounds a message to maxMessageSize / 16 fragments
 * (1 M at 16 MiB) while Autobahn's finest case, 9.3.1 (4 MiB in 65,536 fragments of 64 B), costs 5 MiB.
 */
export const FRAGMENT_OVERHEAD = 16;

const cryptoRandom = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const OK: SendResult = { ok: true };
const textEncoder = new TextEncoder();

/**
 * The payload of a fragmented binary message, gathered without one object per fragment (review M1).
 * A typed array costs ~190 B of heap besides its bytes, so a fragment of KEEP bytes or more is kept as
 * it is (≤ 5 % extra, and no copy); smaller ones are copied into a block that doubles up to BLOCK bytes
 * and then starts the next one. `bytes()` joins the lot once, as the list of fragments was joined before.
 */
class FragmentBytes {
  readonly #parts: Uint8Array[] = [];
  #block: Uint8Array = EMPTY;
  #used = 0;

  push(payload: Uint8Array): void {
    if (payload.length >= KEEP) {
      this.#seal();
      this.#parts.push(payload);
      return;
    }
    if (payload.length <= this.#block.length - this.#used) {
      this.#block.set(payload, this.#used); // the common case, without a subarray view per fragment
      this.#used += payload.length;
      return;
    }
    let from = 0;
    while (from < payload.length) {
      if (this.#used === this.#block.length) this.#grow(payload.length - from);
      const n = Math.min(payload.length - from, this.#block.length - this.#used);
      this.#block.set(payload.subarray(from, from + n), this.#used);
      this.#used += n;
      from += n;
    }
  }

  bytes(): Uint8Array {
    this.#seal();
    return this.#parts.length === 1 ? this.#parts[0]! : concatBytes(this.#parts);
  }

  /** Room for at least one more byte: double the block while it is small, else start a new one. */
  #grow(want: number): void {
    if (this.#block.length >= BLOCK) {
      this.#seal();
      this.#block = new Uint8Array(BLOCK);
      return;
    }
    const next = new Uint8Array(Math.min(BLOCK, Math.max(64, this.#block.length * 2, this.#used + want)));
    next.set(this.#block.subarray(0, this.#used));
    this.#block = next;
  }

  #seal(): void {
    if (this.#used === 0) return;
    this.#parts.push(this.#block.subarray(0, this.#used));
    this.#block = EMPTY;
    this.#used = 0;
  }
}

const KEEP = 4 * 1024;
const BLOCK = 16 * 1024;
const EMPTY = new Uint8Array(0);

/** A message whose first frame had FIN = 0 (§5.4): its text is validated as it comes, its bytes kept. */
type Fragmented = { size: number; frames: number } & (
  | { readonly binary: true; readonly bytes: FragmentBytes }
  | { readonly binary: false; readonly utf8: Utf8Stream }
);

export class Connection {
  readonly role: Role;
  #state: ReadyState;
  readonly #decoder: FrameDecoder;
  readonly #random: (n: number) => Uint8Array;
  readonly #autoPong: boolean;
  readonly maxMessageSize: number;
  #events: EngineEvent[] = [];
  #out: Uint8Array[] = [];
  #outOffset = 0;
  #fragment: Fragmented | null = null;
  #closeSent = false;
  #closeReceived: { code: number | null; reason: string } | null = null;
  #failed = false;
  readonly #maskKeys: MaskKeys;
  #need = 2;

  constructor(role: Role, options: ConnectionOptions = {}, initial: ReadyState = 'OPEN') {
    this.role = role;
    this.#state = initial;
    this.maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
    this.#random = options.random ?? cryptoRandom;
    this.#maskKeys = new MaskKeys(this.#random);
    this.#autoPong = options.autoPong ?? true;
    this.#decoder = new FrameDecoder({
      expectMasked: role === 'server',
      allowedRsv: 0,
      maxPayload: this.maxMessageSize,
    });
  }

  get state(): ReadyState {
    return this.#state;
  }

  /** How many more bytes the frame decoder waits for before it can finish the current frame. */
  get need(): number {
    return this.#need;
  }

  /** Bytes the caller must write to the transport, in order. */
  dataToSend(): Uint8Array[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  /** Everything that happened since the last call, in order. */
  events(): EngineEvent[] {
    const ev = this.#events;
    this.#events = [];
    return ev;
  }

  /** Feed bytes received from the transport, in any chunking. */
  receiveData(bytes: Uint8Array): void {
    if (this.#state === 'CONNECTING') {
      this.receiveHandshake(bytes);
      return;
    }
    if (this.#state === 'CLOSED' || this.#failed) return; // §7.1.7: no more processing after failing
    this.#decoder.push(bytes);
    this.#drainFrames();
  }

  /** The transport reached end of stream (TCP FIN received, or the socket closed). */
  receiveEof(): void {
    if (this.#state === 'CLOSED') return;
    const received = this.#closeReceived;
    this.#toClosed(received?.code ?? 1006, received?.reason ?? '', received !== null && this.#closeSent);
  }

  // ── sending ──────────────────────────────────────────────────────────────

  sendText(text: string): SendResult {
    return this.sendFrame({ opcode: Opcode.Text, payload: textEncoder.encode(text) });
  }

  sendBinary(data: Uint8Array): SendResult {
    return this.sendFrame({ opcode: Opcode.Binary, payload: data });
  }

  sendPing(payload: Uint8Array = new Uint8Array(0)): SendResult {
    return this.sendFrame({ opcode: Opcode.Ping, payload });
  }

  sendPong(payload: Uint8Array = new Uint8Array(0)): SendResult {
    return this.sendFrame({ opcode: Opcode.Pong, payload });
  }

  /** Start (or answer) the closing handshake (§5.5.1, §7.1.2). */
  sendClose(code?: number | null, reason = ''): SendResult {
    const body = buildClosePayload(code ?? null, reason);
    if (!body.ok) return body;
    return this.sendFrame({ opcode: Opcode.Close, payload: body.payload });
  }

  /** One message as `count` frames (§5.4): the first carries the opcode, the rest are continuations. */
  sendFragmented(data: string | Uint8Array, count: number): SendResult {
    const payload = typeof data === 'string' ? textEncoder.encode(data) : data;
    const n = Math.max(1, Math.min(Math.floor(count) || 1, Math.max(1, payload.length)));
    const opcode = typeof data === 'string' ? Opcode.Text : Opcode.Binary;
    const check = this.#canSend(opcode, 0);
    if (!check.ok) return check;
    for (let i = 0; i < n; i++) {
      const start = Math.floor((payload.length * i) / n);
      const end = Math.floor((payload.length * (i + 1)) / n);
      this.#emitFrame({
        opcode: i === 0 ? opcode : Opcode.Continuation,
        fin: i === n - 1,
        payload: payload.subarray(start, end),
      });
    }
    return OK;
  }

  /**
   * Send a frame as specified (the mask is the engine's business: clients mask, servers do not).
   * Frame-level rules are enforced: no data before OPEN or after a close frame, control payloads ≤ 125.
   */
  sendFrame(spec: Omit<FrameSpec, 'maskKey'>): SendResult {
    const check = this.#canSend(spec.opcode, spec.payload.length);
    if (!check.ok) return check;
    this.#emitFrame(spec);
    if (spec.opcode === Opcode.Close) {
      this.#closeSent = true;
      if (this.#closeReceived) {
        this.#toClosed(this.#closeReceived.code ?? 1005, this.#closeReceived.reason, true);
      } else {
        this.#setState('CLOSING');
      }
    }
    return OK;
  }

  /**
   * Put arbitrary bytes on the wire, unchecked — the playground's `raw` command, so a learner can
   * watch the peer reject a broken frame. The engine's own state does not change.
   */
  sendRaw(bytes: Uint8Array): void {
    this.#events.push({ type: 'raw-out', bytes });
    this.#write(bytes);
  }

  /** _Fail the WebSocket Connection_ (§7.1.7) for a violation found by the caller or the engine. */
  fail(error: ProtocolError): void {
    if (this.#failed || this.#state === 'CLOSED') return;
    this.#failed = true;
    this.#events.push({ type: 'error', error, by: 'peer' });
    const code = closeCodeFor(error);
    if (this.#state === 'OPEN' && !this.#closeSent && code !== undefined) {
      const body = buildClosePayload(code, '');
      if (body.ok) this.#emitFrame({ opcode: Opcode.Close, payload: body.payload });
      this.#closeSent = true;
    }
    this.#toClosed(this.#closeReceived?.code ?? 1006, '', false);
  }

  // ── internals ───────────────────────────────────────────────────────────

  #canSend(opcode: number, length: number): SendResult {
    if (this.#state === 'CONNECTING') return { ok: false, error: protocolError('send-before-open') };
    if (this.#closeSent || this.#state === 'CLOSED')
      return { ok: false, error: protocolError('send-after-close') };
    if (isControl(opcode) && length > 125) {
      return { ok: false, error: protocolError('control-payload-too-long', { length }) };
    }
    return OK;
  }

  #emitFrame(spec: Omit<FrameSpec, 'maskKey'>): void {
    // One object shape for every frame keeps the encoder's property reads monomorphic (2–3× faster).
    const full: FrameSpec = {
      fin: spec.fin ?? true,
      rsv1: spec.rsv1 ?? false,
      rsv2: spec.rsv2 ?? false,
      rsv3: spec.rsv3 ?? false,
      opcode: spec.opcode,
      payload: spec.payload,
      maskKey: this.role === 'client' ? this.#maskKeys.next() : null,
      lengthForm: spec.lengthForm ?? minimalLengthForm(spec.payload.length),
    };
    const chunks = encodeFrameChunks(full);
    const frame = new DecodedFrame(headerOf(full), spec.payload, this.#outOffset);
    this.#events.push({ type: 'frame-out', frame, bytes: chunks });
    for (const c of chunks) this.#write(c);
  }

  #write(bytes: Uint8Array): void {
    this.#out.push(bytes);
    this.#outOffset += bytes.length;
  }

  protected writeHttp(message: HttpRequest | HttpResponse): void {
    const bytes = serializeHead(message);
    this.#events.push({ type: 'http-out', message, bytes });
    this.#write(bytes);
  }

  protected pushEvent(event: EngineEvent): void {
    this.#events.push(event);
  }

  protected randomBytes(n: number): Uint8Array {
    return this.#random(n);
  }

  /** Handshake bytes; overridden by ClientConnection and ServerConnection. */
  protected receiveHandshake(bytes: Uint8Array): void {
    void bytes;
  }

  /** Called by the handshake subclasses once the 101 has been sent or accepted. */
  protected opened(rest: Uint8Array): void {
    this.#setState('OPEN');
    if (rest.length) this.receiveData(rest);
  }

  /** Called by the handshake subclasses when the handshake fails: there never was a WebSocket. */
  protected handshakeFailed(error: ProtocolError, by: 'local' | 'peer'): void {
    this.#events.push({ type: 'error', error, by });
    this.#failed = true;
    this.#toClosed(1006, '', false);
  }

  #drainFrames(): void {
    for (;;) {
      const step = this.#decoder.next();
      if (step.kind === 'need') {
        this.#need = step.need;
        return;
      }
      if (step.kind === 'error') {
        this.fail(step.error);
        return;
      }
      this.#handleFrame(step.frame);
      if (this.#failed || this.#state === 'CLOSED') return;
    }
  }

  #handleFrame(frame: DecodedFrame): void {
    this.#events.push({ type: 'frame-in', frame });
    if (this.#closeReceived) {
      // §5.5.1: nothing may follow a close frame; the bytes are discarded.
      return;
    }
    const { opcode, fin } = frame.header;
    const payload = frame.payload;
    switch (opcode) {
      case Opcode.Text:
      case Opcode.Binary: {
        if (this.#fragment) {
          this.fail(
            protocolError(
              'interleaved-data-frame',
              { opcodeName: opcodeName(opcode) },
              { offset: frame.offset, length: 1 },
            ),
          );
          return;
        }
        const binary = opcode === Opcode.Binary;
        if (fin) {
          if (binary) {
            this.#events.push({ type: 'message', binary, data: payload, frames: 1 });
            return;
          }
          const text = decodeUtf8(payload);
          if (text === null) {
            this.#failUtf8(frame, 0, firstInvalidUtf8(payload));
            return;
          }
          this.#events.push({ type: 'message', binary, data: text, frames: 1 });
          return;
        }
        if (binary) {
          const bytes = new FragmentBytes();
          bytes.push(payload);
          this.#fragment = { binary, bytes, size: payload.length, frames: 1 };
          return;
        }
        const utf8 = new Utf8Stream();
        if (!utf8.push(payload, false)) {
          this.#failUtf8(frame, 0, firstInvalidUtf8(payload));
          return;
        }
        this.#fragment = { binary, utf8, size: payload.length, frames: 1 };
        return;
      }
      case Opcode.Continuation: {
        const m = this.#fragment;
        if (!m) {
          this.fail(protocolError('unexpected-continuation', {}, { offset: frame.offset, length: 1 }));
          return;
        }
        const before = m.size;
        m.size += payload.length;
        m.frames++;
        if (m.size > this.maxMessageSize) {
          this.fail(
            protocolError(
              'message-too-big',
              { length: m.size, max: this.maxMessageSize },
              { offset: frame.offset + 1, length: 1 },
            ),
          );
          return;
        }
        if (m.size + m.frames * FRAGMENT_OVERHEAD > this.maxMessageSize) {
          // §7.4.1: 1009 is "a message that is too big for it to process" — and a million fragments are,
          // whatever their payload. 1008 (policy) is for when "there is no other more suitable status
          // code (e.g., 1003 or 1009)", and 1009 is the suitable one.
          this.fail(
            protocolError(
              'too-many-fragments',
              { frames: m.frames, overhead: FRAGMENT_OVERHEAD, length: m.size, max: this.maxMessageSize },
              { offset: frame.offset, length: 1 },
            ),
          );
          return;
        }
        if (m.binary) m.bytes.push(payload);
        else if (!m.utf8.push(payload, fin)) {
          this.#failUtf8(frame, before, -1);
          return;
        }
        if (fin) {
          this.#fragment = null;
          const data = m.binary ? m.bytes.bytes() : m.utf8.text();
          this.#events.push({ type: 'message', binary: m.binary, data, frames: m.frames });
        }
        return;
      }
      case Opcode.Ping:
        this.#events.push({ type: 'ping', payload });
        if (this.#autoPong && this.#state === 'OPEN' && !this.#closeSent) this.sendPong(payload);
        return;
      case Opcode.Pong:
        this.#events.push({ type: 'pong', payload });
        return;
      case Opcode.Close: {
        const body = parseClosePayload(payload, frame.offset + frame.header.headerLength);
        if (!body.ok) {
          this.fail(body.error);
          return;
        }
        this.#closeReceived = { code: body.code, reason: body.reason };
        this.#events.push({ type: 'close-frame', code: body.code, reason: body.reason });
        if (this.#closeSent) {
          this.#toClosed(body.code ?? 1005, body.reason, true);
        } else {
          // §5.5.1: answer with a close frame, echoing the status code received.
          this.sendClose(body.code, '');
        }
        return;
      }
    }
  }

  #failUtf8(frame: DecodedFrame, messageOffset: number, invalidAt: number): void {
    const at = invalidAt >= 0 ? invalidAt : 0;
    this.fail(
      protocolError(
        'invalid-utf8',
        { offset: messageOffset + at },
        { offset: frame.offset + frame.header.headerLength + at, length: 1 },
      ),
    );
  }

  #setState(to: ReadyState): void {
    if (to === this.#state) return;
    const from = this.#state;
    this.#state = to;
    this.#events.push({ type: 'state', from, to });
  }

  #toClosed(code: number, reason: string, wasClean: boolean): void {
    if (this.#state === 'CLOSED') return;
    this.#setState('CLOSED');
    this.#events.push({ type: 'closed', code, reason, wasClean });
    // §7.1.1: the server closes the TCP connection first; a client waits for it.
    if (this.role === 'server' || !wasClean) this.#events.push({ type: 'close-transport' });
  }
}

function headerOf(spec: FrameSpec): FrameHeader {
  const form = spec.lengthForm ?? minimalLengthForm(spec.payload.length);
  const masked = spec.maskKey != null;
  return {
    fin: spec.fin ?? true,
    rsv1: !!spec.rsv1,
    rsv2: !!spec.rsv2,
    rsv3: !!spec.rsv3,
    opcode: spec.opcode,
    masked,
    lengthForm: form,
    payloadLength: spec.payload.length,
    headerLength: headerLength(form, masked),
    maskKey: spec.maskKey ?? null,
  };
}

// ── the two roles, with their halves of the opening handshake ──────────────

export interface ClientOptions extends ConnectionOptions, ClientRequestOptions {
  /** Send this Sec-WebSocket-Key instead of a fresh nonce (to show a server rejecting a malformed one). */
  readonly key?: string;
}

export class ClientConnection extends Connection {
  readonly request: HttpRequest;
  readonly key: string;
  readonly expectedAccept: string;
  readonly #protocols: readonly string[];
  readonly #head = new HeadScanner();
  protocol: string | null = null;

  /** The request is queued at once (`dataToSend()`), with the Accept value it expects computed beside it. */
  constructor(options: ClientOptions) {
    super('client', options, 'CONNECTING');
    this.key = options.key ?? generateKey(options.random ?? cryptoRandom);
    this.expectedAccept = acceptFor(this.key);
    this.#protocols = options.protocols ?? [];
    this.request = buildRequest(options, this.key);
    this.writeHttp(this.request);
  }

  protected override receiveHandshake(bytes: Uint8Array): void {
    const scan = this.#head.push(bytes);
    if (scan.kind === 'need') return;
    const parsed = scan.kind === 'complete' ? parseResponseHead(scan.bytes) : scan;
    if (scan.kind !== 'complete' || parsed.kind !== 'head') {
      const detail = parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE;
      this.handshakeFailed(protocolError('bad-response-head', { detail }), 'peer');
      return;
    }
    const res = parsed.head;
    this.pushEvent({ type: 'http-in', message: res, bytes: scan.bytes.slice(0, parsed.length) });
    const check = checkResponse(res, this.expectedAccept, this.#protocols);
    if (!check.ok) {
      this.handshakeFailed(check.error, 'peer');
      return;
    }
    this.protocol = check.accepted.protocol;
    this.opened(scan.bytes.subarray(parsed.length));
  }
}

export interface ServerOptions extends ConnectionOptions, ServerPolicy {}

export class ServerConnection extends Connection {
  readonly #policy: ServerPolicy;
  readonly #head = new HeadScanner();
  #request: HttpRequest | null = null;
  /** Bytes that came after the request, before our 101: the first frames, decoded once OPEN. */
  #rest: Uint8Array[] = [];
  #responded = false;
  accepted: AcceptedRequest | null = null;

  constructor(options: ServerOptions = {}) {
    super('server', options, 'CONNECTING');
    this.#policy = options;
  }

  /** The client's complete handshake request, once it has arrived. */
  get request(): HttpRequest | null {
    return this.#request;
  }

  /** True once a complete request has arrived and no response has been sent yet. */
  get responsePending(): boolean {
    return this.#request !== null && !this.#responded && this.state === 'CONNECTING';
  }

  protected override receiveHandshake(bytes: Uint8Array): void {
    if (this.#request) {
      // Bytes after the request but before our 101 (a client must wait, but bytes may be in flight).
      this.#rest.push(bytes);
      return;
    }
    const scan = this.#head.push(bytes);
    if (scan.kind === 'need') return;
    const parsed = scan.kind === 'complete' ? parseRequestHead(scan.bytes) : scan;
    if (scan.kind !== 'complete' || parsed.kind !== 'head') {
      const detail = parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE;
      const error = protocolError('bad-http-head', { detail });
      this.writeHttp(rejectionFor(error));
      this.handshakeFailed(error, 'peer');
      return;
    }
    this.#request = parsed.head;
    if (scan.bytes.length > parsed.length) this.#rest.push(scan.bytes.slice(parsed.length));
    this.pushEvent({ type: 'http-in', message: parsed.head, bytes: scan.bytes.slice(0, parsed.length) });
  }

  /**
   * Decide, and only decide (python-websockets' `accept()`): this server's policy applied to a request,
   * as the response it would send — a 101 with the chosen subprotocol, or 400 / 403 / 426 with the rule
   * broken. Nothing is written and the state does not change, so a caller may look at the decision,
   * add headers to the response, or replace it, before `sendResponse`.
   */
  accept(request: HttpRequest): RequestCheck {
    return checkRequest(request, this.#policy);
  }

  /**
   * Act on a decision: write its response; a 101 opens the connection (and decodes the frames that
   * came early), anything else ends it. Once only, and not after the transport has ended.
   */
  sendResponse(decision: RequestCheck): void {
    if (this.#responded || this.state !== 'CONNECTING') return;
    this.#responded = true;
    this.writeHttp(decision.response);
    if (!decision.ok) {
      this.handshakeFailed(decision.error, 'peer');
      return;
    }
    this.accepted = decision.accepted;
    const rest = concatBytes(this.#rest);
    this.#rest = [];
    this.opened(rest);
  }
}
