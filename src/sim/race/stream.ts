/**
 * HTTP streaming and Server-Sent Events: one response that never ends, an event per chunk. Streaming
 * sends each event as a line of NDJSON; SSE as an `id:`/`data:` record that a dropped stream can resume
 * from (Last-Event-ID, after the `retry:` the server announced).
 */
import { headerValue, type HttpRequest } from '../../protocol/index.ts';
import { SseParser } from '../sse.ts';
import type { ResponseHandler, ResponseWriter } from './http.ts';
import { HttpLane } from './http-lane.ts';
import type { RaceContext } from './lane.ts';
import { readEventId } from './messages.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** HTTP streaming and SSE: one response that never ends, an event per chunk. */
export class StreamLane extends HttpLane {
  /** The server's end of the open stream (null once dropped). */
  #out: ResponseWriter | null = null;
  /** Highest event id the server has written to the stream. */
  #sentUpTo = 0;
  /** SSE: the last `id:` the client saw, sent back as Last-Event-ID when it reconnects. */
  #lastId = 0;
  /** SSE: the reconnection time, ms (the settings' until the server announces one). */
  #retry: number;

  constructor(technique: 'streaming' | 'sse', race: RaceContext) {
    super(technique, race);
    this.#retry = race.settings.sseRetry;
  }

  get sse(): boolean {
    return this.technique === 'sse';
  }

  start(): void {
    this.#open();
    const drop = this.race.settings.sseDropAt;
    if (this.sse && drop !== null) {
      this.race.clock.at(drop, () => {
        this.#out?.drop();
        this.#out = null;
        this.net.settle();
      });
    }
  }

  onServerEvent(): void {
    this.#flush();
  }

  /** SSE: a comment line (a line starting with ":"), which the client's parser ignores; it only keeps the stream busy. */
  override heartbeat(): void {
    if (this.sse && this.#out?.open) this.#out.chunk(enc.encode(':\n\n'), 0);
  }

  /** The server's side: the stream's head, SSE's `retry:`, then every event it has after the resume point. */
  protected serve(req: HttpRequest, _body: Uint8Array, out: ResponseWriter): void {
    this.#out = out;
    const resumeAfter = Number(headerValue(req.headers, 'Last-Event-ID') ?? this.#sentUpTo);
    out.streamHead(
      this.sse
        ? [
            { name: 'Content-Type', value: 'text/event-stream' },
            { name: 'Cache-Control', value: 'no-store' },
          ]
        : [{ name: 'Content-Type', value: 'application/x-ndjson' }],
    );
    if (this.sse) out.chunk(enc.encode(`retry: ${this.race.settings.sseRetry}\n\n`), 0);
    this.#sentUpTo = resumeAfter;
    this.#flush();
  }

  #open(): void {
    const sse = new SseParser();
    const headers = this.requestHeaders([
      { name: 'Accept', value: this.sse ? 'text/event-stream' : 'application/x-ndjson' },
    ]);
    if (this.sse && this.#lastId > 0) headers.push({ name: 'Last-Event-ID', value: String(this.#lastId) });
    const handler: ResponseHandler = {
      data: (d) => {
        if (!this.sse) {
          for (const line of dec.decode(d).split('\n')) if (line) this.deliver(readEventId(line));
          return;
        }
        for (const ev of sse.push(dec.decode(d))) {
          if (ev.retry !== null) this.#retry = ev.retry;
          if (ev.id !== null) this.#lastId = Number(ev.id);
          if (ev.data !== null) this.deliver(readEventId(ev.data));
        }
      },
      // The response ended: over HTTP/1.1 the connection closed, over HTTP/2 the stream was reset.
      end: () => {
        if (!this.sse || this.race.clock.now >= this.race.settings.duration) return;
        // HTML §9.2: the EventSource reconnects after the reconnection time, sending Last-Event-ID.
        this.race.clock.after(this.#retry, () => {
          this.stats.reconnects++;
          this.#open();
          this.net.settle();
        });
      },
    };
    const target = this.sse ? '/events' : '/stream';
    if (this.http2) this.h2Request('GET', target, headers, handler);
    else this.http1Conn(true).request('GET', target, headers, handler);
  }

  #flush(): void {
    const out = this.#out;
    if (!out?.open) return;
    for (const e of this.pending(this.#sentUpTo)) {
      const text = dec.decode(e.body);
      out.chunk(enc.encode(this.sse ? `id: ${e.id}\ndata: ${text}\n\n` : `${text}\n`), e.body.length);
      this.#sentUpTo = e.id;
    }
  }
}
