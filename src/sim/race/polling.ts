/**
 * Short and long polling: the client asks GET /events?after=<last id> again and again. Short polling
 * asks on a fixed beat and the server answers at once, empty or not; long polling asks again as soon as
 * an answer comes and the server holds each question until it has an event or a timeout passes.
 */
import { concatBytes, type HttpRequest } from '../../protocol/index.ts';
import type { HttpClientConn, ResponseHandler, ResponseWriter } from './http.ts';
import { HttpLane } from './http-lane.ts';
import { readEventIds } from './messages.ts';

const dec = new TextDecoder();

/** The `after` of GET /events?after=<id>: the client has every event up to this id (none: 0). */
function afterParam(target: string): number {
  return Number(new URL(target, 'http://race.ws101.example').searchParams.get('after') ?? 0);
}

/** What both polling lanes share: the question, its connection, and reading the answer. */
abstract class PollLane extends HttpLane {
  /** HTTP/1.1: the connection the questions go on (HTTP/2: each is a stream of the lane's one). */
  #conn: HttpClientConn | null = null;
  #asking = false;

  /** The server's side: answer a question for the events after `after`, now or later. */
  protected abstract answer(after: number, out: ResponseWriter): void;

  protected serve(req: HttpRequest, _body: Uint8Array, out: ResponseWriter): void {
    this.answer(afterParam(req.target), out);
  }

  /** Whether the question before is still unanswered. */
  protected get asking(): boolean {
    return this.#asking;
  }

  /**
   * GET /events?after=<last id>: over HTTP/1.1 on the same connection while keep-alive holds it open
   * (else a new one), over HTTP/2 as a new stream. Count an empty answer, take the events, then `next()`.
   */
  protected getEvents(next: () => void): void {
    let status = 0;
    const chunks: Uint8Array[] = [];
    const handler: ResponseHandler = {
      head: (res) => (status = res.status),
      data: (d) => chunks.push(d),
      end: () => {
        this.#asking = false;
        if (status === 204) this.stats.emptyResponses++;
        // Only a 200 carries events (the server writes no other body).
        if (status === 200) for (const id of readEventIds(dec.decode(concatBytes(chunks)))) this.deliver(id);
        next();
      },
    };
    const target = `/events?after=${this.lastId}`;
    const headers = this.requestHeaders([{ name: 'Accept', value: 'application/json' }]);
    this.#asking = true;
    if (this.http2) {
      this.h2Request('GET', target, headers, handler);
      return;
    }
    const keep = this.race.settings.keepAlive;
    const conn = this.#conn && !this.#conn.closed && keep ? this.#conn : this.http1Conn(keep);
    this.#conn = conn;
    conn.request('GET', target, headers, handler);
  }
}

export class PollingLane extends PollLane {
  /** A poll fell due while the one before was unanswered. */
  #due = false;

  start(): void {
    const tick = (): void => {
      this.#poll();
      this.race.clock.after(this.race.settings.pollInterval, () => {
        tick();
        this.net.settle();
      });
    };
    tick();
  }

  protected answer(after: number, out: ResponseWriter): void {
    const events = this.pending(after);
    if (events.length === 0) out.empty([{ name: 'Cache-Control', value: 'no-store' }]);
    else out.json(events);
  }

  #poll(): void {
    if (this.asking) {
      this.#due = true; // never two requests at once on one connection: poll again when it answers
      return;
    }
    this.getEvents(() => {
      if (this.#due) {
        this.#due = false;
        this.#poll();
      }
    });
  }

  onServerEvent(): void {
    /* the server only answers when asked */
  }
}

export class LongPollingLane extends PollLane {
  /** The question the server holds, waiting for an event; `timer` tells its timeout from older ones. */
  #waiting: { out: ResponseWriter; after: number; timer: number } | null = null;
  #timerSeq = 0;

  start(): void {
    this.#ask();
  }

  protected answer(after: number, out: ResponseWriter): void {
    const events = this.pending(after);
    if (events.length > 0) {
      out.json(events);
      return;
    }
    // Hold the request until an event comes or the timeout passes.
    const timer = ++this.#timerSeq;
    this.#waiting = { out, after, timer };
    this.race.clock.after(this.race.settings.longPollTimeout, () => {
      if (this.#waiting?.timer !== timer) return;
      this.#waiting = null;
      out.empty();
      this.net.settle();
    });
  }

  #ask(): void {
    this.getEvents(() => {
      if (this.race.clock.now < this.race.settings.duration) this.#ask(); // at once: the next question is already on its way
    });
  }

  onServerEvent(): void {
    const w = this.#waiting;
    if (!w || !w.out.open) return;
    const events = this.pending(w.after);
    if (events.length === 0) return;
    this.#waiting = null;
    w.out.json(events);
  }
}
