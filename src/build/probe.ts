/**
 * One stage's simulated network: the grader's scripted client on one end of each simulated TCP
 * connection, the learner's server (through a ServerHost) on the other, virtual time in between.
 * Everything either side puts on the wire is recorded in the stage's Timeline as the playground
 * records it (segments, the HTTP messages, the frames), so the page draws the learner's real bytes.
 *
 * The simulation is synchronous and the learner's code is not (it runs in a sandbox, answering by
 * message): the clock runs one action at a time, and whenever the learner's socket has something to
 * hear the run stops, awaits the host's reply and writes what the code did before time moves on.
 */
import {
  FrameDecoder,
  Opcode,
  concatBytes,
  headEnd,
  parseRequestHead,
  parseResponseHead,
  type DecodedFrame,
  type HttpResponse,
  type ProtocolError,
  type Text,
} from '../protocol/index.ts';
import { VirtualClock } from '../sim/clock.ts';
import { SeededRandom } from '../sim/rng.ts';
import { Network, TcpEndpoint } from '../sim/tcp.ts';
import { Timeline, type ArrowEvent, type NewEvent } from '../sim/timeline.ts';
import { OUTPUT_LIMIT, type ConnAction, type HostEvent, type HostFailure, type ServerHost } from './host.ts';

export const CLIENT = 'client';
export const SERVER = 'server';

/** More socket actions than this in one stage end it: a runaway writer must not fill the page with arrows. */
export const MAX_ACTIONS_PER_STAGE = 5000;
/** Virtual time one settle may take at most (a stage's exchanges last well under a second). */
const SETTLE_LIMIT_MS = 60_000;

/** The learner's code stopped the run (host.ts): the stage ends as a crash. */
export class Crash extends Error {
  constructor(readonly failure: HostFailure) {
    super(failure.kind);
  }
}

/** One frame the server sent, as the client reads it, with the arrow that drew it. */
export interface SeenFrame {
  readonly frame: DecodedFrame;
  readonly eventId: number;
}

/** A server's byte stream as a client reads it: an HTTP head, then frames (after a 101), then nothing. */
class ServerTap {
  #head: Uint8Array[] = [];
  #decoder: FrameDecoder | null = null;
  response: { readonly message: HttpResponse; readonly eventId: number } | null = null;
  /** The head did not parse: what it began with, and why. */
  notHttp: { readonly start: string; readonly eventId: number } | null = null;
  readonly frames: SeenFrame[] = [];
  /** A frame the client cannot read (the engine's rule), and the arrow of the bytes. */
  badFrame: { readonly error: ProtocolError; readonly eventId: number } | null = null;
  /** Where in the server's byte stream its 101 ends and its first close frame ends (for the client's state). */
  openAt: number | null = null;
  closeAt: number | null = null;
  /** Bytes the server has written so far. */
  #written = 0;
  /** Bytes of the stream that no arrow stands for yet (a head or frame still incomplete). */
  get pendingHead(): number {
    return this.#head.reduce((n, c) => n + c.length, 0);
  }

  constructor(private readonly probe: Probe) {}

  /** Split a write into the messages and frames it completes; each is written with its own arrow. */
  write(bytes: Uint8Array): void {
    const before = this.#written;
    this.#written += bytes.length;
    this.#split(bytes, before);
  }

  #split(bytes: Uint8Array, streamStart: number): void {
    const tcp = this.probe.server;
    let rest = bytes;
    if (!this.#decoder && !this.notHttp && !this.response) {
      this.#head.push(rest);
      const all = concatBytes(this.#head);
      const end = headEnd(all);
      if (end < 0) {
        // Not a whole head yet. Something that cannot be a status line is said at once.
        if (all.length >= 5 && !/^HTTP\//.test(latin1(all.subarray(0, 5)))) this.#notHttp(all, rest);
        else tcp.write(rest, null);
        return;
      }
      const parsed = parseResponseHead(all.subarray(0, end));
      const mine = end - (all.length - rest.length); // bytes of this write that finish the head
      if (parsed.kind !== 'head') {
        this.#notHttp(all, rest);
        return;
      }
      const ev = this.probe.record('http', { message: parsed.head, bytes: all.subarray(0, end) });
      tcp.write(rest.subarray(0, mine), ev);
      this.response = { message: parsed.head, eventId: ev.id };
      if (parsed.head.status === 101) {
        this.openAt = streamStart + mine;
        this.probe.wsState('server', 'OPEN');
      }
      this.#head = [];
      rest = rest.subarray(mine);
      if (parsed.head.status !== 101) {
        if (rest.length > 0) tcp.write(rest, this.probe.record('raw', { bytes: rest }));
        this.#decoder = null;
        return;
      }
      this.#decoder = new FrameDecoder({
        expectMasked: null,
        allowedRsv: 0,
        maxPayload: Number.MAX_SAFE_INTEGER,
      });
    }
    if (rest.length === 0) return;
    const decoder = this.#decoder;
    if (!decoder || this.badFrame) {
      tcp.write(rest, this.probe.record('raw', { bytes: rest }));
      return;
    }
    const start = decoder.offset + decoder.buffered; // stream offset of rest[0]
    decoder.push(rest);
    let written = 0;
    for (;;) {
      const step = decoder.next();
      if (step.kind === 'need') break;
      if (step.kind === 'error') {
        const ev = this.probe.record('raw', { bytes: rest.subarray(written) });
        tcp.write(rest.subarray(written), ev);
        this.badFrame = { error: step.error, eventId: ev.id };
        return;
      }
      const frame = step.frame;
      const end = frame.offset + frame.size - start; // where this frame ends inside `rest`
      const ev = this.probe.record('frame', { frame, bytes: frame.wireBytes() });
      tcp.write(rest.subarray(written, end), ev);
      this.frames.push({ frame, eventId: ev.id });
      if (frame.opcode === Opcode.Close && this.closeAt === null) {
        this.closeAt = frame.offset + frame.size + (this.openAt ?? 0);
        this.probe.wsState('server', 'CLOSING');
      }
      written = end;
    }
    if (written < rest.length) tcp.write(rest.subarray(written), null);
  }

  #notHttp(all: Uint8Array, rest: Uint8Array): void {
    const ev = this.probe.record('raw', { bytes: all });
    this.probe.server.write(rest, ev);
    this.notHttp = { start: latin1(all.subarray(0, 24)), eventId: ev.id };
  }
}

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

/** One simulated TCP connection between the grader's client and the learner's server. */
export class Probe {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  readonly tap: ServerTap;
  /** The server sent FIN (socket.end()). */
  serverEnded = false;
  /** The connection was reset (socket.destroy()). */
  reset = false;
  /**
   * Each side's WebSocket state as its bytes show it (the lifelines' "WS" label): the client's from
   * what it sent and what has reached it, the learner's server from what its code wrote.
   */
  readonly #ws: Record<'client' | 'server', string> = { client: 'NONE', server: 'NONE' };
  #received = 0;
  #requestSent = false;

  constructor(
    readonly run: StageRun,
    readonly conn: number,
  ) {
    this.client = new TcpEndpoint(CLIENT, conn, run.net, run.rng);
    this.server = new TcpEndpoint(SERVER, conn, run.net, run.rng);
    this.client.peer = this.server;
    this.server.peer = this.client;
    this.tap = new ServerTap(this);
    const hear = (event: HostEvent): void => {
      run.inbox.push({ conn, event });
    };
    this.server.callbacks = {
      onEstablished: () => {
        this.wsState('server', 'CONNECTING');
        hear({ kind: 'open', remoteAddress: '192.0.2.10', remotePort: 50_000 + conn });
      },
      onData: (bytes) => hear({ kind: 'data', bytes }),
      onEof: () => hear({ kind: 'end' }),
      onClosed: () => {
        this.wsState('server', 'CLOSED');
        hear({ kind: 'close', hadError: false });
      },
      onReset: () => {
        this.wsState('server', 'CLOSED');
        hear({ kind: 'close', hadError: true });
      },
    };
    this.client.callbacks = {
      onEstablished: () => {},
      // The tap read the server's bytes as they were written; here only the client's state follows them.
      onData: (bytes) => {
        this.#received += bytes.length;
        const { openAt, closeAt } = this.tap;
        if (openAt !== null && this.#received >= openAt) this.wsState('client', 'OPEN');
        if (closeAt !== null && this.#received >= closeAt) this.wsState('client', 'CLOSING');
      },
      onEof: () => {
        this.serverEnded = true;
        this.client.close(); // the server closed first (§7.1.1); the client closes its half now
      },
      onClosed: () => this.wsState('client', 'CLOSED'),
      onReset: () => {
        this.reset = true;
        this.wsState('client', 'CLOSED');
      },
    };
  }

  /** Move one side's WebSocket state forward (never back: CONNECTING → OPEN → CLOSING → CLOSED). */
  wsState(side: 'client' | 'server', to: 'CONNECTING' | 'OPEN' | 'CLOSING' | 'CLOSED'): void {
    const order = ['NONE', 'CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
    const from = this.#ws[side];
    if (order.indexOf(to) <= order.indexOf(from)) return;
    this.#ws[side] = to;
    const t = this.run.clock.now;
    this.run.timeline.append({
      kind: 'state',
      layer: 'ws',
      t,
      conn: this.conn,
      endpoint: side === 'client' ? CLIENT : SERVER,
      from,
      to,
    });
  }

  get response(): HttpResponse | null {
    return this.tap.response?.message ?? null;
  }
  get frames(): readonly SeenFrame[] {
    return this.tap.frames;
  }

  /** Record an arrow from `from` at the current instant (its segments are filled in as it is sent). */
  record<K extends ArrowEvent['kind']>(
    kind: K,
    body: Omit<
      Extract<ArrowEvent, { kind: K }>,
      'id' | 'kind' | 'layer' | 't' | 'conn' | 'from' | 'to' | 'sendT' | 'arriveT' | 'segments'
    >,
    from: string = SERVER,
  ): Extract<ArrowEvent, { kind: K }> {
    const t = this.run.clock.now;
    const layer = kind === 'http' ? 'http' : kind === 'segment' ? 'tcp' : 'ws';
    return this.run.timeline.append({
      kind,
      layer,
      t,
      conn: this.conn,
      from,
      to: from === SERVER ? CLIENT : SERVER,
      sendT: t,
      arriveT: t,
      segments: [],
      ...body,
    } as unknown as NewEvent) as unknown as Extract<ArrowEvent, { kind: K }>;
  }

  /** The client writes bytes now: the request head first, then frames (or raw bytes it cannot call a frame). */
  send(bytes: Uint8Array): number {
    if (!this.#requestSent) {
      this.#requestSent = true;
      this.wsState('client', 'CONNECTING');
      const parsed = parseRequestHead(bytes);
      const ev =
        parsed.kind === 'head'
          ? this.record('http', { message: parsed.head, bytes }, CLIENT)
          : this.record('raw', { bytes }, CLIENT);
      this.client.write(bytes, ev);
      return ev.id;
    }
    const decoder = new FrameDecoder({
      expectMasked: null,
      allowedRsv: 0,
      maxPayload: Number.MAX_SAFE_INTEGER,
    });
    decoder.push(bytes);
    const step = decoder.next();
    const whole = step.kind === 'frame' && step.frame.size === bytes.length;
    const ev = whole
      ? this.record('frame', { frame: step.frame, bytes }, CLIENT)
      : this.record('raw', { bytes }, CLIENT);
    if (whole && step.frame.opcode === Opcode.Close) this.wsState('client', 'CLOSING');
    this.client.write(bytes, ev);
    return ev.id;
  }

  /** The client writes bytes that are not one whole frame (pieces of one, or several frames) as raw. */
  sendRaw(bytes: Uint8Array): number {
    const ev = this.record('raw', { bytes }, CLIENT);
    this.client.write(bytes, ev);
    return ev.id;
  }

  /** What the learner's code did to this connection's socket. */
  apply(action: ConnAction['action']): void {
    switch (action.kind) {
      case 'write':
        if (this.server.canWrite) this.tap.write(action.bytes);
        else this.server.write(action.bytes); // the simulated TCP notes that it was not sent
        return;
      case 'end':
        this.server.close();
        return;
      case 'destroy':
        this.server.abort();
        this.reset = true;
        return;
    }
  }
}

/** What a stage script can do: open connections, send, and let time run until everyone is idle. */
export class StageRun {
  readonly clock = new VirtualClock();
  readonly timeline = new Timeline();
  readonly rng: SeededRandom;
  readonly net: Network;
  readonly inbox: { conn: number; event: HostEvent }[] = [];
  readonly logs: string[] = [];
  readonly probes = new Map<number, Probe>();
  #actions = 0;

  constructor(
    readonly host: ServerHost,
    seed: number,
  ) {
    this.rng = new SeededRandom(seed);
    // A short, fast link: latency makes the arrows slant; the MSS cuts a 64 KiB frame into segments.
    this.net = new Network(
      this.clock,
      this.timeline,
      new Map(),
      { latency: 20, bandwidth: 12_500 },
      {
        mss: 1460,
        msl: 200,
      },
    );
  }

  /** A new TCP connection from the client; resolves once the server's socket has been handed over. */
  async connect(): Promise<Probe> {
    const probe = new Probe(this, this.probes.size + 1);
    this.probes.set(probe.conn, probe);
    probe.server.listen();
    probe.client.connect();
    await this.settle();
    return probe;
  }

  /**
   * Run virtual time until nothing is left to happen, carrying every socket event to the learner's code.
   * `whole`: the code reads only once the network is quiet, so the segments that came meanwhile reach it
   * as one chunk (a server that was busy reads all its kernel buffer holds); otherwise each segment is
   * its own 'data' event, the moment it arrives.
   */
  settle(whole = false): Promise<void> {
    return this.#run(this.clock.now + SETTLE_LIMIT_MS, false, whole);
  }

  /** Let `ms` of virtual time pass (a client that waits before its next piece). */
  wait(ms: number): Promise<void> {
    return this.#run(this.clock.now + ms, true, false);
  }

  async #run(until: number, advance: boolean, whole: boolean): Promise<void> {
    this.net.settle(); // what the client wrote since the last action leaves now
    for (;;) {
      const quiet = this.clock.next > until;
      if (!whole || quiet) {
        if (whole) this.#joinData();
        while (this.inbox.length > 0) await this.#deliver(this.inbox.shift()!);
      }
      if (this.clock.next > until) {
        if (this.inbox.length === 0) break;
        continue;
      }
      this.clock.runUntil(this.clock.next, 1, false);
    }
    if (advance) this.clock.runUntil(until);
  }

  /** Consecutive 'data' events of one connection become one (what one read would return). */
  #joinData(): void {
    const joined: typeof this.inbox = [];
    for (const item of this.inbox) {
      const last = joined[joined.length - 1];
      if (last && last.conn === item.conn && last.event.kind === 'data' && item.event.kind === 'data')
        joined[joined.length - 1] = {
          conn: item.conn,
          event: { kind: 'data', bytes: concatBytes([last.event.bytes, item.event.bytes]) },
        };
      else joined.push(item);
    }
    this.inbox.splice(0, this.inbox.length, ...joined);
  }

  async #deliver({ conn, event }: { conn: number; event: HostEvent }): Promise<void> {
    const reply = await this.host.deliver(conn, event);
    if (!reply.ok) throw new Crash(reply.failure);
    this.logs.push(...reply.logs);
    this.#actions += reply.actions.length;
    if (this.#actions > MAX_ACTIONS_PER_STAGE) throw new Crash({ kind: 'output', limit: OUTPUT_LIMIT });
    for (const { conn: c, action } of reply.actions) this.probes.get(c)?.apply(action);
    this.net.settle();
  }
}

/** A Text with its spot, for a check that failed. */
export interface Miss {
  readonly reason: Text;
  readonly eventId: number | null;
  readonly byte: number | null;
}
