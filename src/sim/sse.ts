/**
 * Server-Sent Events on the receiving side: the text/event-stream parser of the HTML standard's
 * EventSource (§9.2.6). A standard of its own, not a detail of the transport race that uses it, so it
 * lives here and is tested on its own.
 */

/** One dispatched event: its data lines joined, its id, and a `retry:` the server announced (each or null). */
export interface SseEvent {
  readonly data: string | null;
  readonly id: string | null;
  readonly retry: number | null;
}

/** Parses a text/event-stream as the HTML standard's EventSource does (§9.2.6). */
export class SseParser {
  #buf = '';
  #data: string[] = [];
  #id: string | null = null;
  #retry: number | null = null;

  /** Feed the next piece of the stream; returns the events that a blank line completed. */
  push(text: string): SseEvent[] {
    this.#buf += text;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.#buf);
      if (!m) break;
      const line = this.#buf.slice(0, m.index);
      this.#buf = this.#buf.slice(m.index + m[0].length);
      if (line === '') {
        if (this.#data.length || this.#retry !== null || this.#id !== null) {
          out.push({
            data: this.#data.length ? this.#data.join('\n') : null,
            id: this.#id,
            retry: this.#retry,
          });
        }
        this.#data = [];
        this.#id = null;
        this.#retry = null;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') this.#data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.#id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    }
    return out;
  }
}
