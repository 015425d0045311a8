/**
 * Nothing lost across a reconnect: message ids and acknowledgements, the application's part. SSE has
 * this built in (the browser resends the last `id:` as `Last-Event-ID`, WHATWG HTML §9.2); WebSocket
 * has no such thing, and a 1006 says nothing about which messages arrived.
 *
 * The sender numbers each message and keeps it until a cumulative ack covers it; on reconnect it sends
 * again everything not acknowledged. The receiver remembers the highest id it has processed, so a
 * resent message it already has is dropped (at-least-once delivery made effectively once).
 */
export interface Numbered {
  readonly id: number;
  readonly body: string;
}

export class Outbox {
  #next = 1;
  readonly #unacked: Numbered[] = [];

  /** Number a message and keep it until it is acknowledged. */
  send(body: string): Numbered {
    const m = { id: this.#next++, body };
    this.#unacked.push(m);
    return m;
  }

  /** A cumulative ack: the peer has processed every id up to and including `upTo`. */
  ack(upTo: number): void {
    while (this.#unacked.length > 0 && this.#unacked[0]!.id <= upTo) this.#unacked.shift();
  }

  /** What to send again after a reconnect, in order. */
  get unacked(): readonly Numbered[] {
    return this.#unacked;
  }
}

export class Inbox {
  #lastId = 0;
  readonly processed: string[] = [];

  /** Take a message: process it once, and answer the cumulative ack to send back. */
  receive(m: Numbered): number {
    if (m.id === this.#lastId + 1) {
      this.#lastId = m.id;
      this.processed.push(m.body);
    }
    // A duplicate (id ≤ last) is dropped; a gap (id > last + 1) waits for the resend of what is missing.
    return this.#lastId;
  }

  get lastId(): number {
    return this.#lastId;
  }
}
