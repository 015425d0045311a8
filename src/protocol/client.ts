/** The client's half of the opening handshake (§4.1): the request it sends, and its checks of the answer. */
import { Connection, cryptoRandom, type ConnectionOptions } from './connection.ts';
import { protocolError } from './errors.ts';
import {
  acceptFor,
  buildRequest,
  checkResponse,
  generateKey,
  type ClientRequestOptions,
} from './handshake.ts';
import { HEAD_INCOMPLETE, HeadScanner, parseResponseHead, type HttpRequest } from './http.ts';

export interface ClientOptions extends ConnectionOptions, ClientRequestOptions {
  /** Send this Sec-WebSocket-Key instead of a fresh nonce (to show a server rejecting a malformed one). */
  readonly key?: string;
}

export class ClientConnection extends Connection {
  readonly request: HttpRequest;
  readonly key: string;
  readonly expectedAccept: string;
  readonly #protocols: readonly string[];
  readonly #head = new HeadScanner();
  protocol: string | null = null;

  /** The request is queued at once (`dataToSend()`), with the Accept value it expects computed beside it. */
  constructor(options: ClientOptions) {
    super('client', options, 'CONNECTING');
    this.key = options.key ?? generateKey(options.random ?? cryptoRandom);
    this.expectedAccept = acceptFor(this.key);
    this.#protocols = options.protocols ?? [];
    this.request = buildRequest(options, this.key);
    this.writeHttp(this.request);
  }

  protected override receiveHandshake(bytes: Uint8Array): void {
    const scan = this.#head.push(bytes);
    if (scan.kind === 'need') return;
    const parsed = scan.kind === 'complete' ? parseResponseHead(scan.bytes) : scan;
    if (scan.kind !== 'complete' || parsed.kind !== 'head') {
      const detail = parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE;
      this.handshakeFailed(protocolError('bad-response-head', { detail }), 'peer');
      return;
    }
    const res = parsed.head;
    this.pushEvent({ type: 'http-in', message: res, bytes: scan.bytes.slice(0, parsed.length) });
    const check = checkResponse(res, this.expectedAccept, this.#protocols);
    if (!check.ok) {
      this.handshakeFailed(check.error, 'peer');
      return;
    }
    this.protocol = check.accepted.protocol;
    this.opened(scan.bytes.subarray(parsed.length));
  }
}
