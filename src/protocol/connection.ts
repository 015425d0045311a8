/**
 * One WebSocket endpoint as a sans-I/O state machine (the shape of python-websockets' protocol layer):
 * the caller feeds bytes with `receiveData`, asks to send with `send*`, and drains `dataToSend()` and
 * `events()`. No socket, no clock, no timers: the caller owns time and transport. The opening
 * handshake's two halves live in client.ts and server.ts.
 *
 *   CONNECTING ──101──▶ OPEN ──close sent or received──▶ CLOSING ──both close frames──▶ CLOSED
 *        └──────────────── handshake refused / transport lost / connection failed ───────▶ CLOSED
 */
import { buildClosePayload, parseClosePayload } from './close.ts';
import { DecodedFrame, FrameDecoder } from './decoder.ts';
import { PerMessageDeflate, type DeflateSetup } from './deflate/extension.ts';
import { DeflateNote, type DeflateWindow } from './deflate/note.ts';
import type { DeflateParams } from './deflate/params.ts';
import { closeCodeFor, protocolError, type ProtocolError } from './errors.ts';
import type { EngineEvent, ReadyState, Role, SendResult } from './events.ts';
import { Opcode, firstByte, isControl, minimalLengthForm, opcodeName, type FrameSpec } from './frame.ts';
import { serializeHead, type HttpRequest, type HttpResponse } from './http.ts';
import { MaskKeys } from './mask.ts';
import { DEFAULT_MAX_MESSAGE_SIZE, FRAGMENT_OVERHEAD, IncomingMessage } from './message.ts';
import { Output } from './output.ts';
import { decodeUtf8, firstInvalidUtf8 } from './utf8.ts';

export { DEFAULT_MAX_MESSAGE_SIZE, FRAGMENT_OVERHEAD } from './message.ts';

export interface ConnectionOptions {
  /**
   * Largest message accepted: the sum of its frames' payloads (after inflation, for a compressed one),
   * plus FRAGMENT_OVERHEAD per frame when it is fragmented. Beyond it the connection closes with 1009.
   */
  readonly maxMessageSize?: number;
  /** Random bytes for masking keys and the handshake nonce; the simulator passes a seeded source. */
  readonly random?: (n: number) => Uint8Array;
  /** Answer pings with pongs automatically (§5.5.2 says an endpoint MUST). */
  readonly autoPong?: boolean;
  /**
   * permessage-deflate as if already negotiated with these parameters (RFC 7692): for a connection
   * that starts OPEN, such as the decoder's receiver. The client and server roles negotiate it instead.
   */
  readonly deflate?: DeflateSetup & { readonly params: DeflateParams };
}

export const cryptoRandom = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
const EMPTY = new Uint8Array(0);
const OK: SendResult = { ok: true };
const textEncoder = new TextEncoder();

export class Connection {
  readonly role: Role;
  #state: ReadyState;
  readonly #decoder: FrameDecoder;
  readonly #autoPong: boolean;
  readonly maxMessageSize: number;
  #events: EngineEvent[] = [];
  readonly #output = new Output();
  /** The message whose first frame had FIN = 0 (§5.4), until its last frame. */
  #message: IncomingMessage | null = null;
  /** permessage-deflate, once negotiated (RFC 7692): compresses what is sent, inflates what is received. */
  #deflate: PerMessageDeflate | null = null;
  #closeSent = false;
  #closeReceived: { code: number | null; reason: string } | null = null;
  #failed = false;
  /** Where a client's masking keys come from (§5.3); a server masks nothing. */
  readonly #maskKeys: MaskKeys | null;
  #need = 2;

  constructor(role: Role, options: ConnectionOptions = {}, initial: ReadyState = 'OPEN') {
    this.role = role;
    this.#state = initial;
    this.maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
    this.#maskKeys =
      role !== 'client'
        ? null
        : options.random
          ? new MaskKeys(options.random)
          : new MaskKeys(cryptoRandom, 65536);
    this.#autoPong = options.autoPong ?? true;
    this.#decoder = new FrameDecoder({
      expectMasked: role === 'server',
      allowedRsv: 0,
      maxPayload: this.maxMessageSize,
    });
    if (options.deflate) this.useDeflate(options.deflate.params, options.deflate);
  }

  /** The permessage-deflate parameters in force, or null when messages go uncompressed. */
  get deflate(): DeflateParams | null {
    return this.#deflate?.params ?? null;
  }

  /** Turn permessage-deflate on (the handshake agreed to it): RSV1 now means "compressed" (RFC 7692 §6). */
  protected useDeflate(params: DeflateParams, setup: DeflateSetup): void {
    this.#deflate = new PerMessageDeflate(this.role, params, setup);
    this.#decoder.rules = { ...this.#decoder.rules, allowedRsv: 0x40 };
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
    return this.#output.take();
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
    return this.#sendData(Opcode.Text, textEncoder.encode(text));
  }

  sendBinary(data: Uint8Array): SendResult {
    return this.#sendData(Opcode.Binary, data);
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

  /**
   * One message as `count` frames (§5.4): the first carries the opcode, the rest are continuations.
   * With permessage-deflate each frame carries the compressed share of its part (RFC 7692 §7.2.1).
   */
  sendFragmented(data: string | Uint8Array, count: number): SendResult {
    const payload = typeof data === 'string' ? textEncoder.encode(data) : data;
    const n = Math.max(1, Math.min(Math.floor(count) || 1, Math.max(1, payload.length)));
    const opcode = typeof data === 'string' ? Opcode.Text : Opcode.Binary;
    const check = this.#canSend(opcode, 0);
    if (!check.ok) return check;
    if (this.#deflate) {
      this.#sendCompressed(opcode, payload, n);
      return OK;
    }
    for (let i = 0; i < n; i++) {
      const start = Math.floor((payload.length * i) / n);
      const end = Math.floor((payload.length * (i + 1)) / n);
      const part = payload.subarray(start, end);
      const b0 = (i === n - 1 ? 0x80 : 0) | (i === 0 ? opcode : Opcode.Continuation);
      this.#write(b0, part, minimalLengthForm(part.length));
    }
    return OK;
  }

  /**
   * Send a frame as specified (the mask is the engine's business: clients mask, servers do not).
   * Frame-level rules are enforced: no data before OPEN or after a close frame, control payloads ≤ 125.
   */
  sendFrame(spec: Omit<FrameSpec, 'maskKey'>): SendResult {
    const { opcode, payload } = spec;
    const check = this.#canSend(opcode, payload.length);
    if (!check.ok) return check;
    this.#write(firstByte(spec), payload, spec.lengthForm ?? minimalLengthForm(payload.length));
    if (opcode === Opcode.Close) this.#closeWritten();
    return OK;
  }

  /**
   * Put arbitrary bytes on the wire, unchecked — the playground's `raw` command, so a learner can
   * watch the peer reject a broken frame. The engine's own state does not change.
   */
  sendRaw(bytes: Uint8Array): void {
    this.#events.push({ type: 'raw-out', bytes });
    this.#output.append(bytes);
  }

  /** _Fail the WebSocket Connection_ (§7.1.7) for a violation found by the caller or the engine. */
  fail(error: ProtocolError): void {
    if (this.#failed || this.#state === 'CLOSED') return;
    this.#failed = true;
    this.#events.push({ type: 'error', error, by: 'peer' });
    const code = closeCodeFor(error);
    if (this.#state === 'OPEN' && !this.#closeSent && code !== undefined) {
      const body = buildClosePayload(code, '');
      if (body.ok) this.#write(0x80 | Opcode.Close, body.payload, 7);
      this.#closeSent = true;
    }
    this.#toClosed(this.#closeReceived?.code ?? 1006, '', false);
  }

  // ── internals ───────────────────────────────────────────────────────────

  /** A whole data message in one frame: the path sendText and sendBinary take. */
  #sendData(opcode: number, payload: Uint8Array): SendResult {
    const check = this.#canSend(opcode, 0);
    if (!check.ok) return check;
    if (this.#deflate) this.#sendCompressed(opcode, payload, 1);
    else this.#write(0x80 | opcode, payload, minimalLengthForm(payload.length));
    return OK;
  }

  /** RFC 7692 §6.1: a compressed message in `count` frames, RSV1 on the first only. */
  #sendCompressed(opcode: number, payload: Uint8Array, count: number): void {
    const pmd = this.#deflate!;
    const { parts, window } = pmd.compress(payload, count);
    for (let i = 0; i < count; i++) {
      const last = i === count - 1;
      const from = Math.floor((payload.length * i) / count);
      const to = Math.floor((payload.length * (i + 1)) / count);
      const note = new DeflateNote(i === 0 ? window : null, pmd.ownBits, [payload.subarray(from, to)], last);
      const b0 = (last ? 0x80 : 0) | (i === 0 ? 0x40 | opcode : Opcode.Continuation);
      const part = parts[i]!;
      this.#events.push(this.#output.frame(b0, part, minimalLengthForm(part.length), this.#maskKeys, note));
    }
  }

  #canSend(opcode: number, length: number): SendResult {
    if (this.#state === 'CONNECTING') return { ok: false, error: protocolError('send-before-open') };
    if (this.#closeSent || this.#state === 'CLOSED')
      return { ok: false, error: protocolError('send-after-close') };
    if (isControl(opcode) && length > 125) {
      return { ok: false, error: protocolError('control-payload-too-long', { length }) };
    }
    return OK;
  }

  /** One frame onto the output: masked with a fresh key by a client (§5.3), reported as `frame-out`. */
  #write(b0: number, payload: Uint8Array, form: 7 | 16 | 64): void {
    this.#events.push(this.#output.frame(b0, payload, form, this.#maskKeys));
  }

  /** A close frame went out: CLOSING, or CLOSED if the peer's came first (§7.1.2). */
  #closeWritten(): void {
    this.#closeSent = true;
    if (this.#closeReceived) {
      this.#toClosed(this.#closeReceived.code ?? 1005, this.#closeReceived.reason, true);
    } else {
      this.#setState('CLOSING');
    }
  }

  protected writeHttp(message: HttpRequest | HttpResponse): void {
    const bytes = serializeHead(message);
    this.#events.push({ type: 'http-out', message, bytes });
    this.#output.append(bytes);
  }

  protected pushEvent(event: EngineEvent): void {
    this.#events.push(event);
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
    if (this.#closeReceived) {
      // §5.5.1: nothing may follow a close frame; the bytes are discarded.
      this.#events.push({ type: 'frame-in', frame });
      return;
    }
    switch (frame.header.opcode) {
      case Opcode.Text:
      case Opcode.Binary:
        this.#dataFrame(frame);
        return;
      case Opcode.Continuation:
        this.#continuation(frame);
        return;
    }
    this.#events.push({ type: 'frame-in', frame });
    switch (frame.header.opcode) {
      case Opcode.Ping:
        this.#events.push({ type: 'ping', payload: frame.payload });
        if (this.#autoPong && this.#state === 'OPEN' && !this.#closeSent) this.sendPong(frame.payload);
        return;
      case Opcode.Pong:
        this.#events.push({ type: 'pong', payload: frame.payload });
        return;
      case Opcode.Close:
        this.#closeFrame(frame);
        return;
    }
  }

  /** The first frame of a message (§5.4); a whole message when FIN is set. */
  #dataFrame(frame: DecodedFrame): void {
    const { opcode, fin } = frame.header;
    const payload = frame.payload;
    if (this.#message) {
      this.#events.push({ type: 'frame-in', frame });
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
    // RFC 7692 §6: RSV1 on a message's first frame says its payload is compressed (the decoder lets
    // RSV1 through only once permessage-deflate is negotiated).
    if (frame.header.rsv1) {
      const m = new IncomingMessage(binary, true);
      m.frames = 1;
      this.#inflateFrame(m, frame, this.#deflate!.beginMessage());
      return;
    }
    this.#events.push({ type: 'frame-in', frame });
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
    const m = new IncomingMessage(binary, false);
    m.frames = 1;
    if (!m.push(payload, false)) {
      this.#failUtf8(frame, 0, firstInvalidUtf8(payload));
      return;
    }
    this.#message = m;
  }

  /** A continuation frame (§5.4): the next part of the message in progress, charged against the limit. */
  #continuation(frame: DecodedFrame): void {
    const m = this.#message;
    if (!m || frame.header.rsv1) {
      this.#events.push({ type: 'frame-in', frame });
      const at = { offset: frame.offset, length: 1 };
      // RFC 7692 §6: only the first frame of a message may carry RSV1.
      this.fail(
        m ? protocolError('rsv1-on-continuation', {}, at) : protocolError('unexpected-continuation', {}, at),
      );
      return;
    }
    m.frames++;
    if (m.compressed) {
      this.#inflateFrame(m, frame, null);
      return;
    }
    this.#events.push({ type: 'frame-in', frame });
    const payload = frame.payload;
    const before = m.size;
    const size = before + payload.length;
    if (size > this.maxMessageSize) {
      this.fail(
        protocolError(
          'message-too-big',
          { length: size, max: this.maxMessageSize },
          { offset: frame.offset + 1, length: 1 },
        ),
      );
      return;
    }
    if (this.#tooManyFragments(m, size, frame)) return;
    const fin = frame.header.fin;
    if (!m.push(payload, fin)) {
      this.#failUtf8(frame, before, -1);
      return;
    }
    if (fin) {
      this.#message = null;
      this.#events.push({ type: 'message', binary: m.binary, data: m.data(), frames: m.frames });
    }
  }

  /**
   * §7.4.1: 1009 is "a message that is too big for it to process" — and a million fragments are,
   * whatever their payload. 1008 (policy) is for when "there is no other more suitable status code
   * (e.g., 1003 or 1009)", and 1009 is the suitable one.
   */
  #tooManyFragments(m: IncomingMessage, size: number, frame: DecodedFrame): boolean {
    if (size + m.frames * FRAGMENT_OVERHEAD <= this.maxMessageSize) return false;
    this.fail(
      protocolError(
        'too-many-fragments',
        { frames: m.frames, overhead: FRAGMENT_OVERHEAD, length: size, max: this.maxMessageSize },
        { offset: frame.offset, length: 1 },
      ),
    );
    return true;
  }

  /**
   * RFC 7692 §6.2: a frame of a compressed message, inflated into the message — in bounded pieces, each
   * charged against the limit before the next is made, so a small frame that would inflate to gigabytes
   * is refused (1009) as soon as it passes the limit, and the rest of it is never inflated. The frame is
   * reported with what it inflated to, then the message, or the rule its data broke.
   */
  #inflateFrame(m: IncomingMessage, frame: DecodedFrame, window: DeflateWindow | null): void {
    const pmd = this.#deflate!;
    const fin = frame.header.fin;
    const pieces: Uint8Array[] = [];
    let error: ProtocolError | null = null;
    const payloadAt = { offset: frame.offset + frame.header.headerLength, length: 1 };
    const limit = this.maxMessageSize - (m.frames > 1 ? m.frames * FRAGMENT_OVERHEAD : 0);
    const result = pmd.inflate(frame.payload, fin, (piece) => {
      if (m.size + piece.length > limit) {
        error = protocolError('inflated-too-big', { max: this.maxMessageSize }, payloadAt);
        return false;
      }
      const before = m.size;
      if (!m.push(piece, false)) {
        const invalid = firstInvalidUtf8(piece);
        error = protocolError('invalid-utf8', { offset: before + Math.max(0, invalid) }, payloadAt);
        return false;
      }
      pieces.push(piece);
      return true;
    });
    if (result.kind === 'corrupt')
      error = protocolError('deflate-corrupt', { detail: result.detail }, payloadAt);
    const problem =
      result.kind === 'corrupt' ? 'corrupt' : error?.rule === 'inflated-too-big' ? 'limit' : null;
    const note = new DeflateNote(window, pmd.peerBits, pieces, fin, problem);
    this.#events.push({ type: 'frame-in', frame: frame.withDeflate(note) });
    if (error === null && fin && !m.push(EMPTY, true)) {
      error = protocolError('invalid-utf8', { offset: m.size }, payloadAt);
    }
    if (error !== null) {
      this.#message = null;
      this.fail(error);
      return;
    }
    if (!fin) {
      this.#message = m;
      return;
    }
    this.#message = null;
    this.#events.push({
      type: 'message',
      binary: m.binary,
      data: m.data(),
      frames: m.frames,
      compressed: true,
    });
  }

  #closeFrame(frame: DecodedFrame): void {
    const body = parseClosePayload(frame.payload, frame.offset + frame.header.headerLength);
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
