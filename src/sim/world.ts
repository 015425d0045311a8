/**
 * The playground's world: a learner's client, a server (and, for chat, two more clients) joined by
 * simulated TCP, each end driven by the real RFC 6455 engine. Commands act at the current virtual time;
 * everything the engines emit lands in the Timeline.
 */
import {
  headerValue,
  messagesOf,
  type ClientConnection,
  type DeflateCodec,
  type DeflateOffer,
  type ProtocolError,
  type RuleTextId,
  type Text,
} from '../protocol/index.ts';
import { BudgetSpent, BudgetedTimeline, MAX_TIMELINE_EVENTS, type WorkLimit } from './budget.ts';
import { VirtualClock } from './clock.ts';
import {
  BANK_COOKIE_NAME,
  BANK_HOST,
  BANK_ORIGIN,
  BANK_SESSION,
  bankVerdict,
  cookieSent,
  type SameSite,
} from './origins.ts';
import {
  heartbeatNumber,
  heartbeatPayload,
  Middlebox,
  type HeartbeatSettings,
  type MiddleboxSettings,
} from './middlebox.ts';
import { SeededRandom } from './rng.ts';
import { DEFAULT_SERVER_DEFLATE, serverOptionsFor, type ServerDeflate, type ServerKind } from './servers.ts';
import {
  DEFAULT_RECEIVE,
  Network,
  type LinkSettings,
  type Reader,
  type ReceiveSettings,
  type TcpEndpoint,
} from './tcp.ts';
import { Timeline, type EndpointId, type NoteTexts } from './timeline.ts';
import { WsLink } from './ws-link.ts';

export interface WorldSettings {
  seed: number;
  /** One-way latency in ms, both directions. */
  latency: number;
  /** Bytes per ms. */
  bandwidth: number;
  mss: number;
  /** Maximum segment lifetime (TIME_WAIT = 2 × MSL), ms. Short, so a lesson sees it end. */
  msl: number;
  server: ServerKind;
  /** Whether the server accepts permessage-deflate, and its limits (`server deflate …`). */
  serverDeflate: ServerDeflate;
  /** The server's subprotocols in order of preference (`server protocols …`); null: its behaviour's own. */
  serverProtocols: readonly string[] | null;
  /** The Origins the server lets in (`server origins …`); null: every origin (origins.ts). */
  serverOrigins: readonly string[] | null;
  /** The SameSite attribute of the bank's session cookie (`server samesite …`, origins.ts). */
  bankSameSite: SameSite;
  /** Ticker period, ms. */
  tickEvery: number;
  /** Timeline events the world may record before it stops (budget.ts). */
  maxEvents: number;
  /** A load balancer or NAT on the path (`middlebox …`, middlebox.ts); null: none. */
  middlebox: MiddleboxSettings | null;
  /** The learner's client pings on a timer with a pong deadline (`ping every …`); null: it does not. */
  heartbeat: HeartbeatSettings | null;
  /** The server's TCP receive buffer and how fast its application reads it (`window`, `reader`). */
  serverReceive: ReceiveSettings;
}

export const DEFAULT_SETTINGS: WorldSettings = {
  seed: 101,
  latency: 40,
  bandwidth: 1250,
  mss: 1460,
  msl: 500,
  server: 'echo',
  serverDeflate: DEFAULT_SERVER_DEFLATE,
  serverProtocols: null,
  serverOrigins: null,
  bankSameSite: 'none',
  tickEvery: 1000,
  maxEvents: MAX_TIMELINE_EVENTS,
  middlebox: null,
  heartbeat: null,
  serverReceive: DEFAULT_RECEIVE,
};

export interface ConnectOptions {
  path?: string;
  protocols?: string[];
  origin?: string | null;
  /** Sec-WebSocket-Version to send (a lesson may want 8, to see 426). */
  version?: string;
  /** Sec-WebSocket-Key to send (a lesson may want a malformed one, to see 400). */
  key?: string;
  /** Offer permessage-deflate with these parameters (RFC 7692 §7.1); absent: no extension offered. */
  deflate?: DeflateOffer;
}

/** The catalog keys the world refuses a command with (translated in src/i18n, checked against this). */
export interface WorldTexts {
  readonly 'con.refuse.connected': Record<never, never>;
  readonly 'con.refuse.noTcp': Record<never, never>;
  readonly 'con.refuse.notConnected': Record<never, never>;
  /** A message or a ping after the client sent its close frame (state CLOSING). */
  readonly 'con.refuse.closingData': Record<never, never>;
  /** A second `close` while the closing handshake is under way. */
  readonly 'con.refuse.closingClose': Record<never, never>;
  /** Anything to send (a close included) once the connection is CLOSED. */
  readonly 'con.refuse.closed': Record<never, never>;
  /** `connect --deflate` on a world that was given no DEFLATE codec (the page loads it first). */
  readonly 'con.refuse.noCodec': Record<never, never>;
}
export type WorldTextId = keyof WorldTexts;
const say = messagesOf<WorldTexts>();
const sayNote = messagesOf<NoteTexts>();

/** A refusal names why: the world's own sentence, or the rule the engine refused the call with. */
export type CommandResult =
  | { ok: true }
  | { ok: false; reason: Text<WorldTextId | RuleTextId>; error?: ProtocolError }
  /** The world has stopped at its work budget (budget.ts): this command ran into it, or came after. */
  | { ok: false; stopped: WorkLimit };

const ok: CommandResult = { ok: true };
const refuse = (reason: Text<WorldTextId | RuleTextId>, error?: ProtocolError): CommandResult => ({
  ok: false,
  reason,
  ...(error ? { error } : {}),
});

export const LEARNER: EndpointId = 'client';
export const SERVER: EndpointId = 'server';
export const CHAT_PEERS: readonly EndpointId[] = ['alice', 'bob'];

export class World {
  readonly clock = new VirtualClock();
  readonly timeline: Timeline;
  readonly settings: WorldSettings;
  readonly net: Network;
  readonly #rng: SeededRandom;
  readonly #links: WsLink[] = [];
  #nextConn = 1;
  #ticks = 0;
  #stopped: WorkLimit | null = null;
  /** The middlebox on the path, if any (its timers check they still belong to the current one). */
  #box: Middlebox | null = null;
  readonly #boxWatched = new Set<number>();
  /** Bumped when the heartbeat changes, so the timers of an older one stop. */
  #heartbeatGen = 0;
  /** Per link: the highest heartbeat number a pong has answered. */
  readonly #pongs = new WeakMap<WsLink, number>();
  /** Paced runs of the clock, one after another: one must not end (and move the clock) inside another. */
  #paced: Promise<void> = Promise.resolve();
  /**
   * The DEFLATE codec permessage-deflate runs on, once someone needs it: the page loads pako with
   * `import()` before the first `connect --deflate` (sim/deflate-codec.ts), so a world that never
   * compresses never loads it. Given or not, the same commands give the same timeline.
   */
  codec: DeflateCodec | null;

  constructor(settings: Partial<WorldSettings> = {}, codec: DeflateCodec | null = null) {
    this.codec = codec;
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.timeline = new BudgetedTimeline(this.settings.maxEvents);
    this.#rng = new SeededRandom(this.settings.seed);
    this.net = new Network(this.clock, this.timeline, new Map<string, LinkSettings>(), this.#linkSettings(), {
      mss: this.settings.mss,
      msl: this.settings.msl,
    });
    if (this.settings.middlebox) this.setMiddlebox(this.settings.middlebox);
  }

  get now(): number {
    return this.clock.now;
  }

  /** The learner's current connection, if any. */
  get learner(): WsLink | undefined {
    for (let i = this.#links.length - 1; i >= 0; i--)
      if (this.#links[i]!.clientId === LEARNER) return this.#links[i];
    return undefined;
  }

  /** Run the world up to virtual time `t` (bounded, so a runaway scenario cannot freeze the page). */
  runUntil(t: number, maxActions = 2_000_000): void {
    this.#run(() => this.clock.runUntil(t, maxActions));
  }

  /**
   * Run until nothing is left to happen, but at most `limit` ms of virtual time (the ticker never rests);
   * the clock stays at the last thing that happened.
   */
  settle(limit = 60_000): void {
    this.#run(() => this.clock.runUntil(this.clock.now + limit, 2_000_000, false));
  }

  /** `runUntil` for a page: in slices with the clock's pacer between them (clock.ts), same timeline. */
  runUntilPaced(t: number, maxActions = 2_000_000): Promise<void> {
    return this.#runPaced(() => this.clock.runPaced(t, maxActions));
  }

  /** `settle` for a page: in slices with the clock's pacer between them (clock.ts), same timeline. */
  settlePaced(limit = 60_000): Promise<void> {
    return this.#runPaced(() => this.clock.runPaced(this.clock.now + limit, 2_000_000, false));
  }

  /** The limit the world stopped at, or null while it runs. A stopped world keeps its timeline. */
  get stopped(): WorkLimit | null {
    return this.#stopped;
  }

  /** Stop running for good (the page has replaced this world); not a budget stop. */
  halt(): void {
    this.clock.halt();
  }

  // ── the work budget: caught here, and only here ───────────────────────

  #stop(limit: WorkLimit): WorkLimit {
    this.#stopped = limit;
    this.clock.halt();
    this.timeline.commit();
    return limit;
  }

  /** A run of the clock: none once stopped, and a spent budget stops the world here. */
  #run(work: () => unknown): void {
    if (this.#stopped || this.clock.halted) return;
    try {
      work();
    } catch (e) {
      if (!(e instanceof BudgetSpent)) throw e;
      this.#stop(e.limit);
    }
    this.timeline.commit();
  }

  #runPaced(work: () => Promise<unknown>): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.#stopped || this.clock.halted) return;
      try {
        await work();
      } catch (e) {
        if (!(e instanceof BudgetSpent)) throw e;
        this.#stop(e.limit);
      }
      this.timeline.commit();
    };
    const p = this.#paced.then(run, run);
    this.#paced = p.catch(() => {});
    return p;
  }

  /** A command against the world: refused once it has stopped, and stopped if it spends the budget. */
  #command(act: () => CommandResult): CommandResult {
    if (this.#stopped) return { ok: false, stopped: this.#stopped };
    try {
      return act();
    } catch (e) {
      if (!(e instanceof BudgetSpent)) throw e;
      return { ok: false, stopped: this.#stop(e.limit) };
    }
  }

  // ── commands (the console's verbs) ─────────────────────────────────────

  connect(options: ConnectOptions = {}): CommandResult {
    return this.#command(() => this.#connect(options));
  }

  #connect(options: ConnectOptions): CommandResult {
    const current = this.learner;
    if (current && current.clientTcp.state !== 'CLOSED' && current.clientTcp.state !== 'TIME_WAIT') {
      return refuse(say('con.refuse.connected'));
    }
    if (options.deflate && !this.codec) return refuse(say('con.refuse.noCodec'));
    this.#open(LEARNER, options);
    if (this.settings.server === 'chat') {
      for (const peer of CHAT_PEERS) {
        const existing = [...this.#links].reverse().find((l) => l.clientId === peer);
        if (!existing || existing.clientTcp.state === 'CLOSED') this.#open(peer, { path: '/chat' });
      }
    }
    this.net.settle();
    return ok;
  }

  send(text: string): CommandResult {
    return this.#withOpen('data', (c) => c.sendText(text));
  }

  binary(bytes: Uint8Array): CommandResult {
    return this.#withOpen('data', (c) => c.sendBinary(bytes));
  }

  ping(payload: Uint8Array): CommandResult {
    return this.#withOpen('data', (c) => c.sendPing(payload));
  }

  close(code?: number, reason = ''): CommandResult {
    return this.#withOpen('close', (c) => c.sendClose(code ?? null, reason));
  }

  /**
   * `count` binary messages of `bytes` bytes each, all sent in this instant: a sender faster than any
   * reader, so a small receive window fills and the rest waits in the send queue (bufferedAmount).
   */
  flood(count: number, bytes: number): CommandResult {
    return this.#withOpen('data', (c) => {
      for (let i = 0; i < count; i++) {
        const payload = new Uint8Array(bytes).fill(0x30 + (i % 10)); // "000…", "111…": each one visible
        const r = c.sendBinary(payload);
        if (!r.ok) return r;
      }
      return { ok: true };
    });
  }

  /**
   * What a browser's `socket.bufferedAmount` would say now: bytes the learner's client has handed to
   * send() that have not left in a TCP segment (the peer's window holds them back).
   */
  get bufferedAmount(): number {
    return this.learner?.clientTcp.unsent ?? 0;
  }

  frag(text: string, count: number): CommandResult {
    return this.#withOpen('data', (c) => c.sendFragmented(text, count));
  }

  raw(bytes: Uint8Array): CommandResult {
    return this.#command(() => this.#raw(bytes));
  }

  #raw(bytes: Uint8Array): CommandResult {
    const link = this.learner;
    if (!link?.client || !link.clientTcp.canWrite) {
      return refuse(say('con.refuse.noTcp'));
    }
    link.client.sendRaw(bytes);
    link.pump('client');
    this.net.settle();
    return ok;
  }

  setLatency(ms: number): void {
    this.settings.latency = ms;
    this.net.defaultLink = this.#linkSettings();
  }

  setMss(bytes: number): void {
    this.settings.mss = bytes;
    this.net.tcp = { ...this.net.tcp, mss: bytes };
  }

  /**
   * The server's TCP receive buffer in bytes (1…65,535: no window scaling). The SYN advertises it, so
   * it applies from the next `connect`.
   */
  setWindow(bytes: number): void {
    this.settings.serverReceive = { ...this.settings.serverReceive, buffer: bytes };
  }

  /** How fast the server's application reads its receive buffer; applies at once to the open connection. */
  setReader(reader: Reader): void {
    this.settings.serverReceive = { ...this.settings.serverReceive, reader };
    const tcp = this.learner?.serverTcp;
    if (tcp) {
      tcp.setReceive({ buffer: tcp.receiveSettings.buffer, reader });
      this.net.settle();
    }
  }

  setServer(kind: ServerKind): void {
    this.settings.server = kind;
  }

  /** What the server's next handshakes agree to about permessage-deflate (RFC 7692 §7.1). */
  setServerDeflate(deflate: ServerDeflate): void {
    this.settings.serverDeflate = deflate;
  }

  /** The server's subprotocols, in its order of preference (RFC 6455 §4.2.2: it picks one, or none). */
  setServerProtocols(protocols: readonly string[]): void {
    this.settings.serverProtocols = protocols;
  }

  /** The Origins the server's next handshakes let in (RFC 6455 §10.2); null: all of them. */
  setServerOrigins(origins: readonly string[] | null): void {
    this.settings.serverOrigins = origins;
  }

  /** The SameSite attribute of the bank's session cookie, for the next handshakes (origins.ts). */
  setBankSameSite(sameSite: SameSite): void {
    this.settings.bankSameSite = sameSite;
  }

  /**
   * Put a middlebox on the path (null: take it away). It sees the connections from their next segment
   * on: a box that never saw a connection has nothing to forget (middlebox.ts).
   */
  setMiddlebox(settings: MiddleboxSettings | null): void {
    this.settings.middlebox = settings;
    const box = settings ? new Middlebox(settings) : null;
    this.#box = box;
    this.#boxWatched.clear();
    this.net.filter = box ? (from) => this.#cross(box, from) : null;
  }

  /** Ping every `everyMs` with a pong deadline (null: stop); from now if the learner is open, else on open. */
  setHeartbeat(heartbeat: HeartbeatSettings | null): void {
    this.settings.heartbeat = heartbeat;
    this.#heartbeatGen++;
    const link = this.learner;
    if (heartbeat && link?.client?.state === 'OPEN') this.#startHeartbeat(link);
  }

  #cross(box: Middlebox, from: TcpEndpoint): 'pass' | 'drop' | 'reset-sender' {
    // The box is drawn beside the sender: a segment crosses it when it is sent. Where exactly it sits
    // on the path moves every instant by at most the latency, and changes none of the rules.
    const fate = box.cross(from.conn, from.id === SERVER ? 'in' : 'out', this.clock.now);
    if (fate === 'pass') this.#watch(box, from.conn);
    return fate;
  }

  /** One timer per connection, at the instant the box would forget it; moved on by later segments. */
  #watch(box: Middlebox, conn: number): void {
    if (this.#boxWatched.has(conn)) return;
    this.#boxWatched.add(conn);
    const check = (): void => {
      if (this.#box !== box) return;
      if (!box.forgot(conn, this.clock.now)) {
        const at = box.expiresAt(conn);
        if (at !== null) this.clock.at(at, check);
        return;
      }
      this.#forgotten(box, conn);
      this.net.settle();
    };
    const at = box.expiresAt(conn);
    if (at !== null) this.clock.at(at, check);
  }

  /** The box's timer fired: say so, and a resetting load balancer sends a RST to both ends. */
  #forgotten(box: Middlebox, conn: number): void {
    const link = this.#links.find((l) => l.conn === conn);
    const live = (ep: TcpEndpoint): boolean =>
      ep.state !== 'CLOSED' && ep.state !== 'TIME_WAIT' && ep.state !== 'LISTEN';
    if (!link || !(live(link.clientTcp) || live(link.serverTcp))) return; // it had ended anyway
    const s = box.settings;
    const text =
      s.kind === 'nat'
        ? sayNote('pg.note.natForgot', { ms: s.mappingMs })
        : sayNote(s.onIdle === 'reset' ? 'pg.note.boxReset' : 'pg.note.boxDrop', { ms: s.idleMs });
    this.timeline.append({ kind: 'note', t: this.clock.now, conn, endpoint: null, text });
    if (s.kind === 'idle-timeout' && s.onIdle === 'reset') {
      // As a load balancer with reset-on-idle does (Azure LB's TCP reset, for one): both ends hear at once.
      this.net.forgeRst(link.serverTcp, link.clientTcp);
      this.net.forgeRst(link.clientTcp, link.serverTcp);
    }
  }

  #startHeartbeat(link: WsLink): void {
    const hb = this.settings.heartbeat;
    if (!hb) return;
    const gen = this.#heartbeatGen;
    let n = 0;
    const current = (): boolean => gen === this.#heartbeatGen && link.client?.state === 'OPEN';
    const beat = (): void => {
      if (!current()) return;
      const sent = ++n;
      link.client!.sendPing(new TextEncoder().encode(heartbeatPayload(sent)));
      link.pump('client');
      this.clock.after(hb.timeoutMs, () => {
        if (!current() || (this.#pongs.get(link) ?? 0) >= sent) return;
        // RFC 6455 §5.5.2: the peer must answer a ping; silence past the deadline means the path is gone.
        this.timeline.append({
          kind: 'note',
          t: this.clock.now,
          conn: link.conn,
          endpoint: link.clientId,
          text: sayNote('pg.note.pongMissed', { ms: hb.timeoutMs }),
        });
        link.abort('client');
        this.net.settle();
      });
      this.clock.after(hb.everyMs, () => {
        beat();
        this.net.settle();
      });
    };
    this.clock.after(hb.everyMs, () => {
      beat();
      this.net.settle();
    });
  }

  #linkSettings(): LinkSettings {
    return { latency: this.settings.latency, bandwidth: this.settings.bandwidth };
  }

  #withOpen(
    kind: 'data' | 'close',
    act: (c: ClientConnection) => { ok: true } | { ok: false; error: ProtocolError },
  ): CommandResult {
    return this.#command(() => this.#withOpenLink(kind, act));
  }

  #withOpenLink(
    kind: 'data' | 'close',
    act: (c: ClientConnection) => { ok: true } | { ok: false; error: ProtocolError },
  ): CommandResult {
    const link = this.learner;
    if (!link?.client) {
      return refuse(say('con.refuse.notConnected'));
    }
    // The engine would refuse with its own rule (§5.5.1, worded for data frames); a learner at the
    // console also needs the way on: this connection is done, `connect` opens the next one.
    const state = link.client.state;
    if (state === 'CLOSED') return refuse(say('con.refuse.closed'));
    if (state === 'CLOSING')
      return refuse(say(kind === 'close' ? 'con.refuse.closingClose' : 'con.refuse.closingData'));
    const r = act(link.client);
    if (!r.ok) return refuse(r.error.message, r.error);
    link.pump('client');
    this.net.settle();
    return ok;
  }

  // ── wiring engines to TCP ──────────────────────────────────────────────

  #open(clientId: EndpointId, options: ConnectOptions): void {
    // The bank: the learner is signed in, so their browser holds the bank's session cookie and decides,
    // by its SameSite attribute and the page's origin, whether this handshake carries it.
    const bank = this.settings.server === 'bank';
    const defaultOrigin = bank ? BANK_ORIGIN : 'https://learner.example';
    const origin = options.origin === undefined ? defaultOrigin : options.origin;
    const cookie =
      bank && cookieSent(this.settings.bankSameSite, origin, BANK_ORIGIN)
        ? [{ name: 'Cookie', value: `${BANK_COOKIE_NAME}=${BANK_SESSION}` }]
        : [];
    const link = new WsLink(
      this.net,
      this.#rng,
      this.#nextConn++,
      clientId,
      SERVER,
      {
        host: bank ? BANK_HOST : 'ws101.example',
        path: options.path ?? (bank ? '/account' : '/chat'),
        origin,
        ...(cookie.length ? { extraHeaders: cookie } : {}),
        protocols: options.protocols ?? [],
        ...(options.version ? { version: options.version } : {}),
        ...(options.key ? { key: options.key } : {}),
        ...(options.deflate && this.codec ? { deflate: { codec: this.codec, offer: options.deflate } } : {}),
      },
      serverOptionsFor(
        {
          kind: this.settings.server,
          deflate: this.settings.serverDeflate,
          protocols: this.settings.serverProtocols,
          origins: this.settings.serverOrigins,
        },
        this.codec,
      ),
      {
        onEvent: (l, side, e) => {
          if (side === 'client' && l.clientId === LEARNER) {
            if (e.type === 'state' && e.to === 'OPEN') this.#startHeartbeat(l);
            else if (e.type === 'pong') {
              const n = heartbeatNumber(e.payload);
              if (n !== null && n > (this.#pongs.get(l) ?? 0)) this.#pongs.set(l, n);
            }
          }
          if (side !== 'server') return;
          if (e.type === 'state' && e.to === 'OPEN') this.#serverOpened(l);
          else if (e.type === 'message') this.#serverReacts(l, e.data, e.binary);
        },
      },
    );
    this.#links.push(link);
    link.serverTcp.setReceive(this.settings.serverReceive);
    link.start();
  }

  #serverOpened(link: WsLink): void {
    if (this.settings.server === 'bank') this.#bankOpened(link);
    if (this.settings.server === 'ticker') {
      const tick = (): void => {
        const s = link.server;
        if (!s || s.state !== 'OPEN') return;
        this.#ticks++;
        s.sendText(`tick ${this.#ticks} (t = ${Math.round(this.clock.now)} ms)`);
        link.pump('server');
        this.clock.after(this.settings.tickEvery, () => {
          tick();
          this.net.settle();
        });
      };
      this.clock.after(this.settings.tickEvery, () => {
        tick();
        this.net.settle();
      });
    }
    if (this.settings.server === 'chat' && link.clientId !== LEARNER) {
      this.clock.after(300 + 200 * CHAT_PEERS.indexOf(link.clientId), () => {
        link.client?.sendText(`hi, ${link.clientId} here`);
        link.pump('client');
        this.net.settle();
      });
    }
  }

  /**
   * The bank trusts the cookie alone: whoever's socket carries the session gets the account, which is
   * the whole of cross-site WebSocket hijacking. Without a session it closes with 1008 (RFC 6455 §7.4.1,
   * policy violation), after saying why.
   */
  #bankOpened(link: WsLink): void {
    const s = link.server;
    if (!s) return;
    const verdict = bankVerdict(s.request ? headerValue(s.request.headers, 'Cookie') : null);
    if (verdict.kind === 'account') s.sendText(verdict.text);
    else {
      s.sendText('not signed in');
      s.sendClose(1008, 'no session');
    }
    link.pump('server');
  }

  #serverReacts(link: WsLink, data: string | Uint8Array, binary: boolean): void {
    const kind = this.settings.server;
    const s = link.server;
    if (!s) return;
    if (kind === 'echo') {
      if (binary) s.sendBinary(data as Uint8Array);
      else s.sendText(data as string);
    } else if (kind === 'chat') {
      // Broadcast to every open connection, the sender included, labelled with who said it.
      for (const other of this.#links) {
        if (other.server?.state !== 'OPEN') continue;
        if (binary) other.server.sendBinary(data as Uint8Array);
        else other.server.sendText(`${link.clientId}: ${data as string}`);
        if (other !== link) other.pump('server');
      }
    }
  }
}
