/**
 * The race's HTTP/2 switch: an HTTP lane's requests as streams of ONE HTTP/2 connection (RFC 9113) over
 * the simulated TCP, byte for byte. The frames are the course's (src/sim/h2/frames.ts), the header
 * blocks its HPACK (src/sim/h2/hpack.ts): one encoder per direction for the whole connection, and the
 * receiving end reads every block back with its own HpackDecoder (so what the server routes on and what
 * the client takes the status from is what the bytes say). Every frame is an arrow on the lane's
 * timeline (`H2FrameEvent`), so segments, latency and counters all come from what was sent:
 *   - the client opens with the preface and its SETTINGS (§3.4), as Chrome does: no server push, a 6 MiB
 *     stream window, and a WINDOW_UPDATE that opens the connection window to 15 MiB (§6.9.2); it sends
 *     requests at once, without waiting for the server's SETTINGS (§3.4 allows it);
 *   - the server answers with its SETTINGS (MAX_CONCURRENT_STREAMS 100), its own connection
 *     WINDOW_UPDATE, and an ACK of the client's; the client ACKs the server's (§6.5.3);
 *   - a request is a HEADERS frame on the next odd stream id (§5.1.1), with END_STREAM when it has no
 *     body, else HEADERS + DATA (END_STREAM). A response is HEADERS (+ DATA with END_STREAM); a held or
 *     streamed one sends DATA frames as events come. Several streams may be open at once;
 *   - a request head becomes :method, :scheme, :path, :authority (Host); names are lower-cased (§8.2);
 *     Connection, Keep-Alive, Transfer-Encoding, Upgrade and Host are not sent (§8.2.2); a streamed
 *     body has no chunked coding (§8.1);
 *   - a dropped stream (SSE's `sseDropAt`, a proxy's idle timeout) is RST_STREAM (CANCEL) on that stream
 *     only: the connection stays, and the EventSource reconnects on a new stream of it.
 * Counted as header bytes: the preface, every frame header, HPACK blocks, SETTINGS, WINDOW_UPDATE and
 * RST_STREAM payloads, and the part of DATA that is not an event (JSON brackets, SSE fields); as
 * payload: the events' own bytes in DATA. Not modelled: Huffman coding (sizes here are a little larger
 * than a browser's), TLS records (the bytes are what a tap sees with the keys), flow-control stalls (the
 * windows announced are far beyond what a race sends), PING and GOAWAY.
 */
import { concatBytes, type HeaderField, type HttpRequest, type HttpResponse } from '../../protocol/index.ts';
import {
  CONNECTION_PREFACE,
  DEFAULT_MAX_FRAME_SIZE,
  ErrorCode,
  FRAME_HEADER_BYTES,
  Flag,
  FrameType,
  Setting,
  dataFrame,
  encodeFrame,
  headersFrame,
  rstStreamFrame,
  settingsAck,
  settingsFrame,
  windowUpdateFrame,
  type H2Frame,
} from '../h2/frames.ts';
import { HpackDecoder, HpackEncoder, type HeaderPair } from '../h2/hpack.ts';
import type { TcpEndpoint } from '../tcp.ts';
import { ResponseWriter, type HttpHost, type ResponseHandler, type ServerHandler } from './http.ts';

type Side = 'client' | 'server';

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

/** §8.3.1: a request's pseudo-header fields first, then its fields. */
export function requestFields(method: string, target: string, headers: readonly HeaderField[]): HeaderPair[] {
  const host = headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '';
  return [
    { name: ':method', value: method },
    { name: ':scheme', value: 'https' },
    { name: ':path', value: target },
    { name: ':authority', value: host },
    ...fieldsOf(headers),
  ];
}

/** The client's SETTINGS and connection window, as Chrome sends them (no push; 6 MiB; +15 MiB). */
const CLIENT_SETTINGS: [number, number][] = [
  [Setting.ENABLE_PUSH, 0],
  [Setting.INITIAL_WINDOW_SIZE, 6_291_456],
];
const CLIENT_WINDOW_INCREMENT = 15_663_105;
const SERVER_SETTINGS: [number, number][] = [[Setting.MAX_CONCURRENT_STREAMS, 100]];
/** The server opens the connection window as far as it goes (2^31 − 1, §6.9.1) minus the initial 65,535. */
const SERVER_WINDOW_INCREMENT = 2_147_418_112;

/**
 * One direction's bytes cut into frames as they arrive (TCP delivers them in any slices). The server's
 * reader first takes the client's 24-octet preface (§3.4).
 */
class FrameReader {
  #buf = new Uint8Array(0);
  #preface: boolean;

  constructor(expectPreface: boolean) {
    this.#preface = expectPreface;
  }

  push(bytes: Uint8Array): H2Frame[] {
    const buf = new Uint8Array(this.#buf.length + bytes.length);
    buf.set(this.#buf);
    buf.set(bytes, this.#buf.length);
    let at = 0;
    if (this.#preface) {
      if (buf.length < CONNECTION_PREFACE.length) {
        this.#buf = buf;
        return [];
      }
      if (!CONNECTION_PREFACE.every((b, i) => buf[i] === b))
        throw new Error(
          'transport race: HTTP/2 client did not start with the preface (RFC 9113 §3.4; a bug)',
        );
      at = CONNECTION_PREFACE.length;
      this.#preface = false;
    }
    const frames: H2Frame[] = [];
    while (buf.length - at >= FRAME_HEADER_BYTES) {
      const length = (buf[at]! << 16) | (buf[at + 1]! << 8) | buf[at + 2]!;
      const end = at + FRAME_HEADER_BYTES + length;
      if (end > buf.length) break;
      frames.push({
        type: buf[at + 3]!,
        flags: buf[at + 4]!,
        stream: new DataView(buf.buffer, at + 5, 4).getUint32(0) & 0x7fffffff,
        payload: buf.slice(at + FRAME_HEADER_BYTES, end),
      });
      at = end;
    }
    this.#buf = buf.slice(at);
    return frames;
  }
}

const headerFieldsOf = (fields: readonly HeaderPair[]): HeaderField[] =>
  fields.filter((f) => !f.name.startsWith(':')).map((f) => ({ name: f.name, value: f.value }));
const pseudo = (fields: readonly HeaderPair[], name: string): string =>
  fields.find((f) => f.name === name)?.value ?? '';

/** A request as the server reads it back: its stream's decoded fields and DATA so far. */
interface IncomingRequest {
  readonly fields: HeaderPair[];
  readonly body: Uint8Array[];
}

/**
 * One HTTP/2 connection between a lane's client and server: `request` opens a stream; the server side
 * hands each complete request to `route` with a `ResponseWriter` for its stream.
 */
export class Http2Connection {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  #established = false;
  /** Requests asked for before the handshake completed: sent, in order, right after the preface. */
  #queue: (() => void)[] = [];
  #nextStream = 1;
  readonly #encoder: Record<Side, HpackEncoder> = { client: new HpackEncoder(), server: new HpackEncoder() };
  readonly #decoder: Record<Side, HpackDecoder> = { client: new HpackDecoder(), server: new HpackDecoder() };
  /** The client's open streams and who reads their responses. */
  readonly #responses = new Map<number, ResponseHandler>();
  /** The server's streams whose request is still arriving. */
  readonly #requests = new Map<number, IncomingRequest>();
  /** The server's streams it may still write to (their response has not ended). */
  readonly #serverOpen = new Set<number>();

  constructor(
    private readonly lane: HttpHost,
    private readonly route: ServerHandler,
  ) {
    const { client, server } = lane.openTcp();
    this.client = client;
    this.server = server;
    const fromClient = new FrameReader(true);
    const fromServer = new FrameReader(false);
    let greeted = false;
    server.callbacks = {
      onEstablished: () => lane.holdServer(server),
      onData: (bytes) => {
        const frames = fromClient.push(bytes);
        if (!greeted) {
          // The preface has arrived (the reader took it): the server's own SETTINGS come first (§3.4).
          greeted = true;
          this.send('server', settingsFrame(SERVER_SETTINGS));
          this.send('server', windowUpdateFrame(0, SERVER_WINDOW_INCREMENT));
        }
        for (const f of frames) this.#serverReceives(f);
      },
      onEof: () => {
        server.close();
        lane.releaseServer(server);
      },
    };
    client.callbacks = {
      onEstablished: () => {
        this.#established = true;
        this.send('client', settingsFrame(CLIENT_SETTINGS), { preface: true });
        this.send('client', windowUpdateFrame(0, CLIENT_WINDOW_INCREMENT));
        for (const q of this.#queue) q();
        this.#queue = [];
      },
      onData: (bytes) => {
        for (const f of fromServer.push(bytes)) this.#clientReceives(f);
      },
      onEof: () => {
        client.close();
        for (const h of this.#responses.values()) h.end?.();
        this.#responses.clear();
      },
    };
    server.listen();
    client.connect();
  }

  /** The streams the client has open (a request sent, its response not yet ended). */
  get openStreams(): number {
    return this.#responses.size;
  }

  /**
   * A request on the next odd stream id (§5.1.1): HEADERS, END_STREAM when there is no body, else
   * DATA with END_STREAM after it. `payload` counts the bytes of upstream messages in `body`.
   */
  request(
    method: string,
    target: string,
    headers: readonly HeaderField[],
    handler: ResponseHandler,
    body?: Uint8Array,
    payload = 0,
  ): void {
    this.lane.stats.requests++;
    const go = (): void => {
      const stream = this.#nextStream;
      this.#nextStream += 2;
      this.#responses.set(stream, handler);
      const hasBody = body !== undefined && body.length > 0;
      this.sendHeaders('client', stream, requestFields(method, target, headers), !hasBody);
      if (hasBody) this.sendData('client', stream, body, payload, true);
    };
    if (this.#established) go();
    else this.#queue.push(go);
  }

  /** One frame from `from`, counted and recorded as an arrow; `payload` bytes of it are events. */
  send(
    from: Side,
    frame: H2Frame,
    opts: { preface?: boolean; fields?: readonly HeaderPair[]; payload?: number } = {},
  ): void {
    const ep = from === 'client' ? this.client : this.server;
    const encoded = encodeFrame(frame);
    const bytes = opts.preface ? concatBytes([CONNECTION_PREFACE, encoded]) : encoded;
    const payload = opts.payload ?? 0;
    this.lane.account(bytes.length - payload, payload);
    const t = this.lane.race.clock.now;
    const ev = this.lane.timeline.append({
      kind: 'h2',
      layer: 'http',
      t,
      conn: ep.conn,
      from,
      to: from === 'client' ? 'server' : 'client',
      sendT: t,
      arriveT: t,
      frame,
      bytes,
      preface: opts.preface ?? false,
      ...(opts.fields ? { fields: opts.fields } : {}),
      segments: [],
    });
    ep.write(bytes, ev);
  }

  /** A whole header block in one HEADERS frame (END_HEADERS): blocks here stay far below 16 KiB. */
  sendHeaders(from: Side, stream: number, fields: readonly HeaderPair[], endStream: boolean): void {
    const block = this.#encoder[from].encode(fields).bytes;
    this.send(from, headersFrame(stream, block, endStream), { fields });
  }

  /** A body as DATA frames of at most SETTINGS_MAX_FRAME_SIZE (§4.2), `payload` bytes of it events. */
  sendData(from: Side, stream: number, body: Uint8Array, payload: number, endStream: boolean): void {
    let left = payload;
    for (let at = 0; at === 0 || at < body.length; at += DEFAULT_MAX_FRAME_SIZE) {
      const piece = body.slice(at, at + DEFAULT_MAX_FRAME_SIZE);
      const last = at + DEFAULT_MAX_FRAME_SIZE >= body.length;
      // Which frame carries which event byte does not change the totals: count them first come.
      const mine = Math.min(left, piece.length);
      left -= mine;
      this.send(from, dataFrame(stream, piece, last && endStream), { payload: mine });
    }
  }

  /** Whether the server may still write to `stream`. */
  serverOpen(stream: number): boolean {
    return this.server.canWrite && this.#serverOpen.has(stream);
  }

  /** The server has ended its side of `stream` (END_STREAM or RST_STREAM). */
  serverEnded(stream: number): void {
    this.#serverOpen.delete(stream);
  }

  #serverReceives(f: H2Frame): void {
    if (f.type === FrameType.SETTINGS) {
      if (!(f.flags & Flag.ACK)) this.send('server', settingsAck());
      return;
    }
    if (f.type === FrameType.HEADERS) {
      const read = this.#decoder.server.decode(f.payload);
      if (!read.ok)
        throw new Error(
          `transport race: ${read.error.rule}: ${read.error.message} (a bug in the HTTP/2 lane)`,
        );
      this.#requests.set(f.stream, { fields: read.fields, body: [] });
    } else if (f.type === FrameType.DATA) this.#requests.get(f.stream)?.body.push(f.payload);
    else return; // WINDOW_UPDATE: the windows are never close to full here
    const incoming = this.#requests.get(f.stream);
    if (!incoming || !(f.flags & Flag.END_STREAM)) return;
    this.#requests.delete(f.stream);
    const req: HttpRequest = {
      kind: 'request',
      method: pseudo(incoming.fields, ':method'),
      target: pseudo(incoming.fields, ':path'),
      version: 'HTTP/2',
      headers: [
        { name: 'host', value: pseudo(incoming.fields, ':authority') },
        ...headerFieldsOf(incoming.fields),
      ],
    };
    this.#serverOpen.add(f.stream);
    this.route(req, concatBytes(incoming.body), new Http2ResponseWriter(this, f.stream));
  }

  #clientReceives(f: H2Frame): void {
    if (f.type === FrameType.SETTINGS) {
      if (!(f.flags & Flag.ACK)) this.send('client', settingsAck());
      return;
    }
    const h = this.#responses.get(f.stream);
    if (f.type === FrameType.HEADERS) {
      const read = this.#decoder.client.decode(f.payload);
      if (!read.ok)
        throw new Error(
          `transport race: ${read.error.rule}: ${read.error.message} (a bug in the HTTP/2 lane)`,
        );
      const res: HttpResponse = {
        kind: 'response',
        version: 'HTTP/2',
        status: Number(pseudo(read.fields, ':status')),
        reason: '',
        headers: headerFieldsOf(read.fields),
      };
      h?.head?.(res);
    } else if (f.type === FrameType.DATA) {
      if (f.payload.length > 0) h?.data?.(f.payload);
    } else if (f.type !== FrameType.RST_STREAM) return; // WINDOW_UPDATE
    if (f.type === FrameType.RST_STREAM || f.flags & Flag.END_STREAM) {
      this.#responses.delete(f.stream);
      h?.end?.();
    }
  }
}

/** The server's answer on one stream of an `Http2Connection`. */
class Http2ResponseWriter extends ResponseWriter {
  constructor(
    private readonly conn: Http2Connection,
    readonly stream: number,
  ) {
    super();
  }

  get open(): boolean {
    return this.conn.serverOpen(this.stream);
  }

  full(status: number, _reason: string, headers: HeaderField[], body: Uint8Array, payload: number): void {
    // §8.3.2: no reason phrase in HTTP/2; content-length may still be sent (§8.1.1).
    const fields = [
      { name: ':status', value: String(status) },
      ...fieldsOf(headers),
      { name: 'content-length', value: String(body.length) },
    ];
    this.conn.sendHeaders('server', this.stream, fields, body.length === 0);
    if (body.length > 0) this.conn.sendData('server', this.stream, body, payload, true);
    this.conn.serverEnded(this.stream);
  }

  streamHead(headers: HeaderField[]): void {
    this.conn.sendHeaders(
      'server',
      this.stream,
      [{ name: ':status', value: '200' }, ...fieldsOf(headers)],
      false,
    );
  }

  chunk(data: Uint8Array, payload: number): void {
    this.conn.sendData('server', this.stream, data, payload, false);
  }

  /** §6.4: RST_STREAM ends this stream at once; the connection and its other streams go on. */
  drop(): void {
    if (!this.open) return;
    this.conn.send('server', rstStreamFrame(this.stream, ErrorCode.CANCEL));
    this.conn.serverEnded(this.stream);
  }
}
