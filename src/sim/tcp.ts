/**
 * A simulated TCP connection — simple but honest (RFC 9293): the 3-way handshake with initial sequence
 * numbers, data segments carrying the real bytes with seq/ack numbers, segmentation at the MSS (a big
 * write spans several segments; writes made in the same instant share them), per-direction latency and
 * bandwidth, and the 4-way close with TIME_WAIT on the side that closed first.
 * No loss, reordering or retransmission: the link delivers every segment in order.
 *
 * Flow control (RFC 9293 §3.8.6): each end has a receive buffer that its application empties at its
 * own pace (`Reader`); every segment advertises the free space left in it as its window, and a sender
 * never has more unacknowledged bytes in flight than the peer's last advertised window. What the
 * window does not let out waits in the sender's queue: that queue is what a browser reports as
 * `bufferedAmount`. By default the buffer is 65,535 bytes (no window scaling, RFC 7323) and the
 * application reads every byte the moment it arrives, so the window stays at 65,535.
 */
import { concatBytes, messagesOf } from '../protocol/index.ts';
import type { VirtualClock } from './clock.ts';
import type { SeededRandom } from './rng.ts';
import type { EndpointId, NoteTexts, SegmentEvent, TcpFlags, Timeline } from './timeline.ts';

const say = messagesOf<NoteTexts>();

export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECEIVED'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT';

export interface LinkSettings {
  /** One-way propagation delay in ms. */
  latency: number;
  /** Bytes per ms (1,250 = 10 Mbit/s). */
  bandwidth: number;
}

export interface TcpSettings {
  /** Maximum segment size: payload bytes per segment. */
  mss: number;
  /** Maximum segment lifetime; TIME_WAIT lasts 2 × MSL. */
  msl: number;
}

/** IPv4 + TCP headers without options: counted on the link, not shown as payload. */
export const HEADER_BYTES = 40;
/** The largest window a segment can advertise without window scaling (RFC 7323): a 16-bit field. */
export const MAX_WINDOW = 65535;

/**
 * How the application above TCP reads its receive buffer: at once (the default: every byte goes to the
 * engine the moment it arrives), so many bytes per second, or not at all (a stalled consumer).
 */
export type Reader =
  | { readonly kind: 'instant' }
  | { readonly kind: 'rate'; readonly bytesPerSecond: number }
  | { readonly kind: 'paused' };

export const INSTANT_READER: Reader = { kind: 'instant' };

/** A receive buffer of `buffer` bytes (1…65,535) and the application that empties it. */
export interface ReceiveSettings {
  readonly buffer: number;
  readonly reader: Reader;
}

export const DEFAULT_RECEIVE: ReceiveSettings = { buffer: MAX_WINDOW, reader: INSTANT_READER };

/** A rate reader wakes this often (ms of virtual time) and takes what its rate allows since last time. */
export const READ_TICK_MS = 10;
/**
 * The persist timer (RFC 9293 §3.8.6.1): while the peer advertises a zero window and data waits, the
 * sender probes after this long, doubling each time up to `PERSIST_MAX_MS`, so a lost window update
 * cannot stall the connection for ever. (This link loses nothing, but the probes show on the wire.)
 * A probe is one octet of new data beyond the window (§3.8.6.1); tshark calls it "TCP ZeroWindowProbe".
 */
export const PERSIST_MIN_MS = 200;
export const PERSIST_MAX_MS = 60_000;
/**
 * Segments cut in one action of the clock; the rest of the data leaves at the same virtual instant, in
 * the next action. Only `mss 1`-like settings reach it (1,024 full segments are 1.5 MB at the default
 * MSS), and it keeps any one action short: a 64 KiB write at `mss 1` is 65,536 segments, about 0.3 s
 * of work in one piece, which a page cannot pause in the middle of (clock.ts Pacer).
 */
export const SEGMENTS_PER_FLUSH = 1024;

/** Something written to TCP that a view wants to follow onto the wire: an HTTP message or a frame. */
export interface Tagged {
  segments: number[];
  arriveT: number;
  /** A segment carrying part of it was lost at a middlebox: it never arrives whole. */
  lost?: 'middlebox';
}

interface PendingWrite {
  readonly start: number; // stream offset of its first byte
  readonly end: number;
  readonly tag: Tagged | null;
}

export interface TcpCallbacks {
  onEstablished(): void;
  onData(bytes: Uint8Array): void;
  /** The peer sent FIN: no more data will come. */
  onEof(): void;
  onClosed?(): void;
  /** A RST ended the connection (RFC 9293 §3.10.7.4: "connection reset"): nothing more comes or goes. */
  onReset?(): void;
}

/**
 * Something on the path that may keep a segment from its peer (sim/middlebox.ts): asked for each
 * segment an endpoint sends. 'drop': it never arrives; 'reset-sender': it never arrives and the sender
 * gets a RST in its place. Absent (the default), the link delivers everything, as before.
 */
export type SegmentFilter = (from: TcpEndpoint, flags: TcpFlags) => 'pass' | 'drop' | 'reset-sender';

export class TcpEndpoint {
  state: TcpState = 'CLOSED';
  readonly iss: number;
  #sndNxt = 0; // bytes of stream sent (relative to iss + 1)
  #rcvIrs = 0;
  #rcvNxt = 0; // relative to irs + 1
  #out: Uint8Array[] = [];
  #outBytes = 0;
  #written = 0; // stream offset of the next byte written by the app
  #pending: PendingWrite[] = [];
  #ackDue = false;
  #finWanted = false;
  #finSent = false;
  #flushScheduled = false;
  // ── flow control (RFC 9293 §3.8.6) ──
  #receive: ReceiveSettings = DEFAULT_RECEIVE;
  /** Bytes that arrived and the application has not read yet. */
  #rcvQueue: Uint8Array[] = [];
  #rcvQueued = 0;
  /** The window this end advertised last (free buffer space when it was said). */
  #advertised = MAX_WINDOW;
  #eofPending = false;
  #readScheduled = false;
  #lastRead = 0;
  /** Oldest unacknowledged byte we sent (relative, like #sndNxt) and the peer's last window. */
  #sndUna = 0;
  #sndWnd = MAX_WINDOW;
  #maxSndWnd = 0;
  #persistMs = 0; // 0: no probe timer running
  /** The zero-window probe in flight: its octet counts as sent only if the peer acknowledges it. */
  #probe: SegmentEvent | null = null;
  #stalled = false; // a "window 0" note was written for this stall
  #bufferFull = false; // a "buffer full" note was written for this fill
  peer!: TcpEndpoint;
  callbacks: TcpCallbacks | null = null;

  constructor(
    readonly id: EndpointId,
    readonly conn: number,
    private readonly net: Network,
    rng: SeededRandom,
  ) {
    this.iss = rng.nextU32();
  }

  // ── what the application does ──────────────────────────────────────────
  connect(): void {
    this.#setState('SYN_SENT');
    this.#send({ syn: true, ack: false, fin: false, psh: false, rst: false }, this.iss, 0, EMPTY);
  }

  listen(): void {
    this.#setState('LISTEN');
  }

  /** Queue bytes; they leave at the end of the current instant, cut at the MSS. */
  write(bytes: Uint8Array, tag: Tagged | null = null): void {
    if (bytes.length === 0) return;
    if (!this.canWrite) {
      this.net.timeline.append({
        kind: 'note',
        t: this.net.clock.now,
        conn: this.conn,
        endpoint: this.id,
        text: say('pg.note.notSent', { state: this.state, bytes: bytes.length }),
      });
      return;
    }
    this.#out.push(bytes);
    this.#outBytes += bytes.length;
    this.#pending.push({ start: this.#written, end: this.#written + bytes.length, tag });
    this.#written += bytes.length;
    this.#scheduleFlush();
  }

  get canWrite(): boolean {
    return this.state === 'ESTABLISHED' || this.state === 'CLOSE_WAIT';
  }

  /**
   * Bytes the application wrote that have not left in a segment yet: with a full peer window they
   * wait here. A browser's `WebSocket.bufferedAmount` counts the same thing (bytes queued by `send()`
   * and not yet transmitted), so this is what the playground reports under that name.
   */
  get unsent(): number {
    return this.#outBytes;
  }

  /** Bytes sent and not yet acknowledged: never more than `peerWindow` allowed when they left. */
  get inFlight(): number {
    return this.#sndNxt - this.#sndUna;
  }

  /** The window the peer advertised last. */
  get peerWindow(): number {
    return this.#sndWnd;
  }

  /** Bytes in our receive buffer the application has not read. */
  get unread(): number {
    return this.#rcvQueued;
  }

  /** The window we advertise now: the free space in the receive buffer (never negative). */
  get window(): number {
    return Math.max(0, Math.min(MAX_WINDOW, this.#receive.buffer - this.#rcvQueued));
  }

  get receiveSettings(): ReceiveSettings {
    return this.#receive;
  }

  /**
   * Size the receive buffer (before the handshake: the SYN advertises it) or change how the
   * application reads (at any time: a consumer that speeds up drains what is waiting).
   */
  setReceive(settings: ReceiveSettings): void {
    const buffer = Math.max(1, Math.min(MAX_WINDOW, Math.floor(settings.buffer)));
    this.#receive = { buffer, reader: settings.reader };
    if (this.state === 'CLOSED' || this.state === 'LISTEN' || this.state === 'SYN_SENT')
      this.#advertised = this.window;
    this.#scheduleRead();
  }

  /** Close our direction: FIN after any queued data. */
  close(): void {
    if (this.#finWanted) return;
    if (this.state === 'ESTABLISHED') this.#setState('FIN_WAIT_1');
    else if (this.state === 'CLOSE_WAIT') this.#setState('LAST_ACK');
    else if (this.state === 'SYN_SENT' || this.state === 'LISTEN') {
      this.#setState('CLOSED');
      return;
    } else return;
    this.#finWanted = true;
    this.#scheduleFlush();
  }

  /**
   * ABORT (RFC 9293 §3.10.4 … §3.10.7): send a RST and forget the connection at once, queued data
   * and all. What a client does when it gives up on a dead path (ws's `terminate()`).
   */
  abort(): void {
    if (this.state === 'CLOSED' || this.state === 'LISTEN' || this.state === 'TIME_WAIT') return;
    if (this.state !== 'SYN_SENT')
      this.#send(RST, (this.iss + 1 + this.#sndNxt) >>> 0, this.#ackNumber(), EMPTY);
    this.#forget();
  }

  /** The sequence number the peer expects next from us, and the one we expect: what a forged RST needs. */
  get nextSeq(): number {
    return (this.iss + 1 + this.#sndNxt + (this.#finSent ? 1 : 0)) >>> 0;
  }

  get nextAck(): number {
    return this.#ackNumber();
  }

  #forget(): void {
    this.#out = [];
    this.#outBytes = 0;
    this.#pending = [];
    this.#ackDue = false;
    this.#finWanted = false;
    this.#setState('CLOSED');
  }

  // ── what arrives ───────────────────────────────────────────────────────
  receive(seg: SegmentEvent): void {
    const f = seg.flags;
    if (f.rst) {
      // RFC 9293 §3.10.7.4: a RST in a synchronized state closes the connection at once, and the user
      // hears "connection reset"; no FIN, no TIME_WAIT. (Our RSTs carry the expected sequence number.)
      if (this.state === 'CLOSED' || this.state === 'LISTEN' || this.state === 'TIME_WAIT') return;
      this.#forget();
      this.callbacks?.onReset?.();
      return;
    }
    if (this.state === 'CLOSED' || this.state === 'TIME_WAIT') {
      if (this.state === 'TIME_WAIT' && f.fin) this.#sendAck(); // a retransmitted FIN is re-acknowledged
      return;
    }
    if (this.state === 'LISTEN') {
      if (!f.syn) return;
      this.#rcvIrs = seg.seq;
      this.#rcvNxt = 0;
      this.#peerSays(seg.window);
      this.#setState('SYN_RECEIVED');
      this.#send(
        { syn: true, ack: true, fin: false, psh: false, rst: false },
        this.iss,
        this.#ackNumber(),
        EMPTY,
      );
      return;
    }
    if (this.state === 'SYN_SENT') {
      if (!(f.syn && f.ack)) return;
      this.#rcvIrs = seg.seq;
      this.#rcvNxt = 0;
      this.#peerSays(seg.window);
      this.#setState('ESTABLISHED');
      this.#sendAck();
      this.callbacks?.onEstablished();
      return;
    }
    if (f.ack) this.#onAck(seg.ack, seg.window);
    if (this.state === 'SYN_RECEIVED') return; // only an ACK completes it
    if (this.state === 'ESTABLISHED' && this.#justEstablished) {
      this.#justEstablished = false;
      this.callbacks?.onEstablished();
    }
    const expected = (this.#rcvIrs + 1 + this.#rcvNxt) >>> 0;
    // Bytes we already have (a probe's octet we took, sent again with the data behind it) are cut
    // off the front, as RFC 9293 §3.10.7.4 trims a segment to the window.
    const early = (expected - seg.seq) | 0; // signed: > 0 when the segment starts before rcv.nxt
    const payload = seg.payload.length > 0 && early > 0 ? seg.payload.subarray(early) : seg.payload;
    const unacceptable =
      (payload.length === 0 && !f.fin && seg.seq !== expected) ||
      (payload.length > 0 && (early < 0 || payload.length > this.window));
    if (unacceptable) {
      // RFC 9293 §3.10.7.4: an unacceptable segment is answered with an ACK and dropped. With a zero
      // receive window any data is unacceptable: a zero-window probe's octet is not taken, and the
      // ACK (acknowledging nothing new) tells the sender the window is still 0.
      this.#sendAck();
      return;
    }
    if (payload.length > 0) {
      this.#rcvNxt += payload.length;
      this.#ackDue = true;
      this.#scheduleFlush();
      if (this.#receive.reader.kind === 'instant' && this.#rcvQueued === 0) {
        this.callbacks?.onData(payload);
      } else {
        this.#rcvQueue.push(payload);
        this.#rcvQueued += payload.length;
        this.#noteBufferFull();
        this.#scheduleRead();
      }
    }
    if (f.fin) {
      this.#rcvNxt += 1;
      // A FIN is acknowledged at once, before the application hears of it: that is why a close shows
      // four segments (FIN, ACK, FIN, ACK) and not three.
      this.#sendAck();
      if (this.state === 'ESTABLISHED') this.#setState('CLOSE_WAIT');
      else if (this.state === 'FIN_WAIT_1') this.#setState('CLOSING');
      else if (this.state === 'FIN_WAIT_2') this.#enterTimeWait();
      // The end of the stream comes after its last byte: a slow application reads what waits first.
      if (this.#rcvQueued > 0) this.#eofPending = true;
      else this.callbacks?.onEof();
    }
  }

  // ── the application reading its receive buffer ──────────────────────────

  #scheduleRead(): void {
    if (this.#readScheduled || this.#rcvQueued === 0) return;
    const reader = this.#receive.reader;
    if (reader.kind === 'paused') return;
    this.#readScheduled = true;
    this.#lastRead = this.net.clock.now;
    const delay = reader.kind === 'instant' ? 0 : READ_TICK_MS;
    this.net.clock.after(delay, () => {
      this.#readScheduled = false;
      this.#read();
      this.net.settle();
    });
  }

  /** The application takes what its rate allows from the receive buffer, oldest bytes first. */
  #read(): void {
    const reader = this.#receive.reader;
    if (reader.kind === 'paused' || this.#rcvQueued === 0) return;
    const elapsed = this.net.clock.now - this.#lastRead;
    let budget =
      reader.kind === 'instant'
        ? this.#rcvQueued
        : Math.max(1, Math.floor((reader.bytesPerSecond * elapsed) / 1000));
    const chunks: Uint8Array[] = [];
    while (budget > 0 && this.#rcvQueue.length > 0) {
      const head = this.#rcvQueue[0]!;
      if (head.length <= budget) {
        chunks.push(head);
        this.#rcvQueue.shift();
        budget -= head.length;
      } else {
        chunks.push(head.subarray(0, budget));
        this.#rcvQueue[0] = head.subarray(budget);
        budget = 0;
      }
    }
    const bytes = concatBytes(chunks);
    this.#rcvQueued -= bytes.length;
    if (this.#rcvQueued < this.#receive.buffer) this.#bufferFull = false;
    this.#maybeAnnounceWindow();
    if (bytes.length > 0) this.callbacks?.onData(bytes);
    if (this.#rcvQueued === 0 && this.#eofPending) {
      this.#eofPending = false;
      this.callbacks?.onEof();
    }
    this.#scheduleRead();
  }

  /**
   * RFC 9293 §3.8.6.2.2 (receiver-side silly window avoidance): a segment sent only to announce a
   * bigger window goes out once the window has grown by at least min(buffer / 2, MSS) since we last
   * advertised it, not for every byte the application reads.
   */
  #maybeAnnounceWindow(): void {
    if (this.state !== 'ESTABLISHED' && this.state !== 'FIN_WAIT_1' && this.state !== 'FIN_WAIT_2') return;
    const step = Math.min(Math.floor(this.#receive.buffer / 2), Math.max(1, this.net.tcp.mss));
    if (this.window - this.#advertised >= Math.max(1, step)) {
      this.#ackDue = true;
      this.#scheduleFlush();
    }
  }

  #noteBufferFull(): void {
    if (this.window > 0 || this.#bufferFull) return;
    this.#bufferFull = true;
    this.net.timeline.append({
      kind: 'note',
      t: this.net.clock.now,
      conn: this.conn,
      endpoint: this.id,
      text: say('pg.note.bufferFull', { bytes: this.#rcvQueued }),
    });
  }

  /** The peer's advertised window, from a segment it sent (this link keeps order: the last one rules). */
  #peerSays(window: number): void {
    this.#sndWnd = window;
    if (window > this.#maxSndWnd) this.#maxSndWnd = window;
    if (window > 0) {
      this.#persistMs = 0;
      this.#stalled = false;
      if (this.#outBytes > 0) this.#scheduleFlush();
    } else if (this.#outBytes > 0) this.#waitForWindow(0);
  }

  #justEstablished = false;

  #onAck(ack: number, window: number): void {
    const acked = (ack - (this.iss + 1)) >>> 0;
    const probe = this.#probe;
    this.#probe = null;
    if (probe && acked === this.#sndNxt + 1 && this.#outBytes > 0) this.#probeTaken(probe);
    if (acked <= this.#sndNxt + 1) this.#sndUna = Math.min(this.#sndNxt, Math.max(this.#sndUna, acked));
    this.#peerSays(window);
    const finAcked = this.#finSent && ack === (this.iss + 1 + this.#sndNxt + 1) >>> 0;
    if (this.state === 'SYN_RECEIVED' && ack === (this.iss + 1) >>> 0) {
      this.#setState('ESTABLISHED');
      this.#justEstablished = true;
    } else if (finAcked) {
      if (this.state === 'FIN_WAIT_1') this.#setState('FIN_WAIT_2');
      else if (this.state === 'CLOSING') this.#enterTimeWait();
      else if (this.state === 'LAST_ACK') {
        this.#setState('CLOSED');
        this.callbacks?.onClosed?.();
      }
    }
  }

  #enterTimeWait(): void {
    this.#setState('TIME_WAIT');
    // RFC 9293 §3.6: wait 2 × MSL so that late segments of this connection die out.
    this.net.clock.after(2 * this.net.tcp.msl, () => {
      if (this.state === 'TIME_WAIT') {
        this.#setState('CLOSED');
        this.callbacks?.onClosed?.();
        this.net.timeline.commit();
      }
    });
  }

  // ── sending segments ───────────────────────────────────────────────────
  #ackNumber(): number {
    return (this.#rcvIrs + 1 + this.#rcvNxt) >>> 0;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    this.net.flushQueue.push(this);
  }

  /** Called by the network at the end of the current instant. */
  flush(): void {
    this.#flushScheduled = false;
    const mss = Math.max(1, this.net.tcp.mss);
    const usable = Math.max(0, this.#sndUna + this.#sndWnd - this.#sndNxt);
    // RFC 9293 §3.8.6.2.1 (sender-side silly window avoidance): send a full segment, or all that
    // waits, or at least half the largest window the peer ever offered; else wait for a bigger window.
    const worth =
      usable >= Math.min(mss, this.#outBytes) || usable >= Math.max(1, Math.floor(this.#maxSndWnd / 2));
    if (this.#outBytes > 0 && (usable === 0 || !worth)) this.#waitForWindow(usable);
    if (this.#outBytes > 0 && usable > 0 && worth) {
      const data = concatBytes(this.#out);
      const first = this.#sndNxt; // stream offset of data[0]
      const now = Math.min(data.length, SEGMENTS_PER_FLUSH * mss, usable);
      // Pending writes are in stream order, and so are the segments: one pointer walks both, so
      // tagging is linear (a loop over every write for every segment was 1,000 frames × 7,000
      // segments for one `frag … 1000` at `mss 1`).
      let head = 0;
      for (let o = 0; o < now; o += mss) {
        const payload = data.subarray(o, Math.min(now, o + mss));
        // PSH when the segment empties the send queue (what the application wrote is all out).
        const last = o + mss >= data.length;
        const seg = this.#send(
          { syn: false, ack: true, fin: false, psh: last, rst: false },
          (this.iss + 1 + this.#sndNxt) >>> 0,
          this.#ackNumber(),
          payload,
        );
        this.#sndNxt += payload.length;
        head = this.#attribute(head, first + o, first + o + payload.length, seg);
      }
      this.#pending = this.#pending.filter((p) => p.end > this.#sndNxt);
      this.#ackDue = false;
      const rest = data.subarray(now);
      this.#out = rest.length > 0 ? [rest] : [];
      this.#outBytes = rest.length;
      if (rest.length > 0 && now === usable) {
        // The window is used up: the rest waits for an ACK that opens it (#peerSays), FIN behind it.
        this.#waitForWindow(0);
        if (this.#ackDue) this.#sendAck();
        return;
      }
      if (rest.length > 0) {
        // The rest leaves at this same instant, one action later; a FIN waits behind the data.
        this.net.clock.at(this.net.clock.now, () => {
          this.#scheduleFlush();
          this.net.settle();
        });
        return;
      }
    }
    if (this.#outBytes > 0) {
      if (this.#ackDue) this.#sendAck();
      return; // a FIN waits behind the data the window holds back
    }
    if (this.#finWanted && !this.#finSent) {
      this.#finSent = true;
      this.#send(
        { syn: false, ack: true, fin: true, psh: false, rst: false },
        (this.iss + 1 + this.#sndNxt) >>> 0,
        this.#ackNumber(),
        EMPTY,
      );
      this.#ackDue = false;
    }
    if (this.#ackDue) this.#sendAck();
  }

  /**
   * Data waits for the peer's window. At zero, note the stall once (what `bufferedAmount` holds now)
   * and start the persist timer (RFC 9293 §3.8.6.1).
   */
  #waitForWindow(usable: number): void {
    if (this.#sndWnd > 0 || usable > 0) return;
    if (!this.#stalled) {
      this.#stalled = true;
      this.net.timeline.append({
        kind: 'note',
        t: this.net.clock.now,
        conn: this.conn,
        endpoint: this.id,
        text: say('pg.note.windowZero', { bytes: this.#outBytes }),
      });
    }
    if (this.#persistMs > 0) return;
    this.#persistMs = PERSIST_MIN_MS;
    this.#armPersist();
  }

  #armPersist(): void {
    this.net.clock.after(this.#persistMs, () => {
      if (this.#persistMs === 0 || this.#sndWnd > 0 || this.#outBytes === 0 || !this.canWrite) {
        this.#persistMs = 0;
        return;
      }
      // RFC 9293 §3.8.6.1: the probe is one octet of new data, beyond the zero window. A receiver
      // that still has no room drops it and answers with an ACK stating its window (§3.10.7.4); the
      // octet stays first in our queue, so it is sent again with the data once the window opens.
      const first = this.#out[0]!;
      this.#probe = this.#send(
        { syn: false, ack: true, fin: false, psh: false, rst: false },
        (this.iss + 1 + this.#sndNxt) >>> 0,
        this.#ackNumber(),
        first.subarray(0, 1),
      );
      this.#persistMs = Math.min(PERSIST_MAX_MS, this.#persistMs * 2);
      this.#armPersist();
      this.net.settle();
    });
  }

  /**
   * The peer had room by the time the probe arrived and acknowledged its octet: it is sent, so it
   * leaves the queue and the stream moves on by one byte (whatever carried it, the probe did).
   */
  #probeTaken(probe: SegmentEvent): void {
    const first = this.#out[0]!;
    if (first.length > 1) this.#out[0] = first.subarray(1);
    else this.#out.shift();
    this.#outBytes -= 1;
    this.#attribute(0, this.#sndNxt, this.#sndNxt + 1, probe);
    this.#sndNxt += 1;
    this.#pending = this.#pending.filter((p) => p.end > this.#sndNxt);
  }

  /**
   * Tell tagged writes (frames, HTTP messages) which segments carry them and when they fully arrive.
   * `head` is the first pending write that may still overlap [start, end); returns the next one's.
   */
  #attribute(head: number, start: number, end: number, seg: SegmentEvent): number {
    const pending = this.#pending;
    let h = head;
    while (h < pending.length && pending[h]!.end <= start) h++;
    for (let i = h; i < pending.length && pending[i]!.start < end; i++) {
      const p = pending[i]!;
      if (p.tag) {
        p.tag.segments.push(seg.id);
        if (seg.lost) p.tag.lost = seg.lost;
        if (p.end <= end) p.tag.arriveT = seg.arriveT;
      }
    }
    return h;
  }

  #sendAck(): void {
    this.#ackDue = false;
    this.#send(
      { syn: false, ack: true, fin: false, psh: false, rst: false },
      (this.iss + 1 + this.#sndNxt + (this.#finSent ? 1 : 0)) >>> 0,
      this.#ackNumber(),
      EMPTY,
    );
  }

  #send(flags: TcpFlags, seq: number, ack: number, payload: Uint8Array): SegmentEvent {
    // Every segment advertises the free space in our receive buffer (RFC 9293 §3.8.6).
    this.#advertised = this.window;
    return this.net.transmit(this, flags, seq, ack, this.#advertised, payload);
  }

  #setState(to: TcpState): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.net.timeline.append({
      kind: 'state',
      layer: 'tcp',
      t: this.net.clock.now,
      conn: this.conn,
      endpoint: this.id,
      from,
      to,
    });
  }
}

const EMPTY = new Uint8Array(0);
const RST: TcpFlags = { syn: false, ack: true, fin: false, psh: false, rst: true };

/** The wire between hosts: per-direction links that serialize segments and delay them. */
export class Network {
  readonly flushQueue: TcpEndpoint[] = [];
  readonly #busyUntil = new Map<string, number>();
  /** A middlebox on the path (sim/middlebox.ts via world.ts); null: every segment arrives. */
  filter: SegmentFilter | null = null;

  constructor(
    readonly clock: VirtualClock,
    readonly timeline: Timeline,
    /** Link settings per direction: "client>server" … falls back to `defaultLink`. */
    readonly links: Map<string, LinkSettings>,
    public defaultLink: LinkSettings,
    public tcp: TcpSettings,
  ) {}

  link(from: EndpointId, to: EndpointId): LinkSettings {
    return this.links.get(`${from}>${to}`) ?? this.defaultLink;
  }

  transmit(
    from: TcpEndpoint,
    flags: TcpFlags,
    seq: number,
    ack: number,
    window: number,
    payload: Uint8Array,
    /** 'middlebox': a RST the box forges in `from`'s name; it skips the filter (it starts there). */
    by: 'middlebox' | null = null,
  ): SegmentEvent {
    const to = from.peer;
    const fate = by === null && this.filter ? this.filter(from, flags) : 'pass';
    const link = this.link(from.id, to.id);
    const key = `${from.conn}:${from.id}>${to.id}`;
    const now = this.clock.now;
    const depart = Math.max(now, this.#busyUntil.get(key) ?? 0);
    const tx = (payload.length + HEADER_BYTES) / Math.max(1e-6, link.bandwidth);
    this.#busyUntil.set(key, depart + tx);
    const arriveT = depart + tx + link.latency;
    const seg = this.timeline.append({
      kind: 'segment',
      layer: 'tcp',
      t: now,
      conn: from.conn,
      from: from.id,
      to: to.id,
      sendT: now,
      arriveT,
      flags,
      seq,
      ack,
      window,
      payload,
      // Optional fields only when set: a timeline without a middlebox is the same as before.
      ...(fate === 'pass' ? {} : { lost: 'middlebox' as const }),
      ...(by ? { by } : {}),
    });
    this.timeline.extend(arriveT);
    if (fate !== 'pass') {
      // The box forgets the segment; with 'reset-sender' it answers in the peer's name, at once.
      if (fate === 'reset-sender') this.forgeRst(to, from);
      return seg;
    }
    this.clock.at(arriveT, () => {
      to.receive(seg);
      this.settle();
    });
    return seg;
  }

  /**
   * A RST the middlebox sends to `to` as if `from` sent it (RFC 9293 §3.10.7.1), with the sequence
   * number `to` expects so that it is accepted (§3.10.7.4: a RST is valid when its seq is in the window).
   */
  forgeRst(from: TcpEndpoint, to: TcpEndpoint): void {
    if (to.state === 'CLOSED' || to.state === 'LISTEN' || to.state === 'TIME_WAIT') return;
    this.transmit(from, RST, to.nextAck, to.nextSeq, 0, EMPTY, 'middlebox');
  }

  /** End of an instant: send what the endpoints queued, then show the batch to the views. */
  settle(): void {
    while (this.flushQueue.length > 0) {
      const ep = this.flushQueue.shift()!;
      ep.flush();
    }
    this.timeline.commit();
  }
}
