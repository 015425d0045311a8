/**
 * The race's HTTP/2 switch: what the HTTP lanes' framing would cost if their requests ran as streams of
 * one HTTP/2 connection (RFC 9113) instead of HTTP/1.1 messages. The lanes still exchange their HTTP/1.1
 * messages over the simulated TCP (so timing, segments and the diagram are HTTP/1.1 keep-alive's); with
 * the switch on, each head is re-encoded here with the course's HPACK encoder (src/sim/h2/hpack.ts), one
 * dynamic table per direction for the whole lane, as on one real connection, and that is what the lane
 * counts as header bytes:
 *   - a head → a HEADERS frame: 9 octets + its HPACK block. Names lower-cased (§8.2); the request line
 *     becomes :method, :scheme, :path, :authority (Host); the connection-specific fields Connection,
 *     Keep-Alive, Transfer-Encoding and Upgrade are dropped (§8.2.2);
 *   - a body or a streamed chunk → a DATA frame: 9 octets, no chunk-size line (§8.1: no chunked coding).
 * What is not modelled: Huffman coding (sizes here are a little larger than a browser's), frame and
 * flow-control traffic of the connection itself (SETTINGS, WINDOW_UPDATE), and TLS records.
 */
import type { HeaderField } from '../../protocol/index.ts';
import { FRAME_HEADER_BYTES } from '../h2/frames.ts';
import { HpackEncoder, type HeaderPair } from '../h2/hpack.ts';

/** RFC 9113 §8.2.2: fields that only make sense on one HTTP/1.1 connection; never sent in HTTP/2. */
const CONNECTION_SPECIFIC = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
]);

const fieldsOf = (headers: readonly HeaderField[]): HeaderPair[] =>
  headers
    .map((h) => ({ name: h.name.toLowerCase(), value: h.value }))
    .filter((h) => !CONNECTION_SPECIFIC.has(h.name));

export class Http2Framing {
  readonly #client = new HpackEncoder();
  readonly #server = new HpackEncoder();

  /** Bytes of the HEADERS frame for a request (and of the DATA frame's header when it has a body). */
  request(method: string, target: string, headers: readonly HeaderField[], bodyLength: number): number {
    const host = headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '';
    const block = this.#client.encode([
      { name: ':method', value: method },
      { name: ':scheme', value: 'https' },
      { name: ':path', value: target },
      { name: ':authority', value: host },
      ...fieldsOf(headers),
    ]).bytes.length;
    return FRAME_HEADER_BYTES + block + (bodyLength > 0 ? FRAME_HEADER_BYTES : 0);
  }

  /** Bytes of the HEADERS frame for a response (and of its DATA frame's header when it has a body). */
  response(status: number, headers: readonly HeaderField[], bodyLength: number): number {
    const block = this.#server.encode([{ name: ':status', value: String(status) }, ...fieldsOf(headers)])
      .bytes.length;
    return FRAME_HEADER_BYTES + block + (bodyLength > 0 ? FRAME_HEADER_BYTES : 0);
  }

  /** A streamed piece of a response: one DATA frame, whose 9-octet header replaces the chunk framing. */
  data(): number {
    return FRAME_HEADER_BYTES;
  }
}
