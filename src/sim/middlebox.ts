/**
 * What sits on the path between a client and a server and keeps state per connection: a load
 * balancer or proxy with an idle timeout, and a NAT whose mappings expire. Neither tells the endpoints
 * when it forgets a connection; the endpoints find out only when the next segment crosses it.
 *
 * What may live here: the per-connection memory of a middlebox and the fate of each segment that
 * crosses it. Pure (time is passed in), so the rules are unit-tested without a clock; world.ts puts it
 * on the simulated path (tcp.ts Network.filter) for the playground's `middlebox` command.
 */

/** The direction a segment crosses the box: out = client → server, in = server → client. */
export type Crossing = 'out' | 'in';

/**
 * A load balancer or reverse proxy that forgets a connection after `idleMs` without a segment (AWS ALB:
 * 60 s by default; nginx `proxy_read_timeout`: 60 s). `drop`: it forgets silently and drops what comes
 * later; `reset`: it answers a later segment with a TCP RST (RFC 9293 §3.10.7.1: a segment for no
 * connection gets a reset).
 */
export interface IdleTimeoutBox {
  readonly kind: 'idle-timeout';
  readonly idleMs: number;
  readonly onIdle: 'drop' | 'reset';
}

/**
 * A NAT (RFC 4787 §4.3: a UDP mapping lasts at least 2 min; RFC 5382 REQ-5: an established TCP mapping
 * at least 2 h 4 min, which home routers and mobile carriers often cut to minutes). Once the mapping is
 * gone, a segment from outside has nowhere to go (dropped), and a segment from inside gets a new mapping
 * with a new port, so the server sees an unknown connection and answers RST.
 */
export interface NatBox {
  readonly kind: 'nat';
  readonly mappingMs: number;
}

export type MiddleboxSettings = IdleTimeoutBox | NatBox;

/** What happens to one segment: it goes on, it vanishes, or the sender gets a RST instead. */
export type SegmentFate = 'pass' | 'drop' | 'reset-sender';

export class Middlebox {
  /** Per connection: when a segment last crossed, or 'forgotten'. */
  readonly #last = new Map<number, number | 'forgotten'>();

  constructor(readonly settings: MiddleboxSettings) {}

  get #timeoutMs(): number {
    return this.settings.kind === 'nat' ? this.settings.mappingMs : this.settings.idleMs;
  }

  /** Has the box forgotten this connection by `now`? (A connection it never saw is not its concern.) */
  forgot(conn: number, now: number): boolean {
    const last = this.#last.get(conn);
    if (last === undefined) return false;
    if (last === 'forgotten') return true;
    // The timer fires at last + timeout: at exactly that instant the entry is already gone. (Compared
    // as a sum, the form the clock is scheduled with: `now - last` can round below the timeout.)
    if (now >= last + this.#timeoutMs) {
      this.#last.set(conn, 'forgotten');
      return true;
    }
    return false;
  }

  /** The instant this connection is forgotten unless another segment crosses first; null if it is. */
  expiresAt(conn: number): number | null {
    const last = this.#last.get(conn);
    return typeof last === 'number' ? last + this.#timeoutMs : null;
  }

  /** A segment of `conn` crosses at `now`: its fate, and (if it passes) the connection is fresh again. */
  cross(conn: number, dir: Crossing, now: number): SegmentFate {
    if (this.forgot(conn, now)) {
      if (this.settings.kind === 'nat') return dir === 'out' ? 'reset-sender' : 'drop';
      return this.settings.onIdle === 'reset' ? 'reset-sender' : 'drop';
    }
    this.#last.set(conn, now);
    return 'pass';
  }
}

/**
 * Does a heartbeat every `everyMs` keep a path with this timeout alive? Each ping and its pong refresh
 * the box, so the gap the box sees is at most the interval (plus one round trip for the ping's own
 * delay): the interval must be shorter than the timeout by that margin.
 */
export function heartbeatKeepsAlive(everyMs: number, timeoutMs: number, rttMs: number): boolean {
  return everyMs + rttMs < timeoutMs;
}

/**
 * The client's heartbeat (world.ts): a ping every `everyMs` while the connection is open, and if no
 * pong answers it within `timeoutMs`, the client gives up on the connection (ws's `terminate()`): TCP is
 * aborted and the application hears 1006. RFC 6455 §5.5.2: a pong must answer every ping, so silence
 * means the path or the peer is gone.
 */
export interface HeartbeatSettings {
  readonly everyMs: number;
  readonly timeoutMs: number;
}

/** The payload of the client's n-th heartbeat ping, and back: its pong echoes it (RFC 6455 §5.5.3). */
export const heartbeatPayload = (n: number): string => `hb ${n}`;
export function heartbeatNumber(payload: Uint8Array): number | null {
  const m = /^hb (\d+)$/.exec(new TextDecoder().decode(payload));
  return m ? Number(m[1]) : null;
}
