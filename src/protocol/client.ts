/** The client's half of the opening handshake (§4.1): the request it sends, and its checks of the answer. */
import { Connection, cryptoRandom, type ConnectionOptions } from './connection.ts';
import type { DeflateSetup } from './deflate/extension.ts';
import type { DeflateOffer } from './deflate/params.ts';
import { protocolError } from './errors.ts';
import {
  acceptFor,
  buildRequest,
  checkResponse,
  generateKey,
  type ClientRequestOptions,
} from './handshake.ts';
import { HEAD_INCOMPLETE, HeadScanner, parseResponseHead, type HttpRequest } from './http.ts';

export interface ClientOptions
  extends Omit<ConnectionOptions, 'deflate'>, Omit<ClientRequestOptions, 'perMessageDeflate'> {
  /** Send this Sec-WebSocket-Key instead of a fresh nonce (to show a server rejecting a malformed one). */
  readonly key?: string;
  /**
   * Offer permessage-deflate (RFC 7692): the DEFLATE codec, and the parameters to offer — by default
   * what browsers send, `permessage-deflate; client_max_window_bits`.
   */
  readonly deflate?: DeflateSetup & { readonly offer?: DeflateOffer };
}

/** What Chromium and Firefox offer: compression, and leave to the server whether to limit our window. */
export const BROWSER_DEFLATE_OFFER: DeflateOffer = { clientMaxWindowBits: true };

export class ClientConnection extends Connection {
  readonly request: HttpRequest;
  readonly key: string;
  readonly expectedAccept: string;
  readonly #protocols: readonly string[];
  readonly #deflateSetup: (DeflateSetup & { readonly offer: DeflateOffer }) | null;
  readonly #head = new HeadScanner();
  /** The subprotocol the server picked (one this client offered), or null. */
  protocol: string | null = null;

  /** The request is queued at once (`dataToSend()`), with the Accept value it expects computed beside it. */
  constructor(options: ClientOptions) {
    super('client', { ...options, deflate: undefined }, 'CONNECTING'); // negotiated, not assumed
    this.key = options.key ?? generateKey(options.random ?? cryptoRandom);
    this.expectedAccept = acceptFor(this.key);
    this.#protocols = options.protocols ?? [];
    const d = options.deflate;
    this.#deflateSetup = d ? { ...d, offer: d.offer ?? BROWSER_DEFLATE_OFFER } : null;
    this.request = buildRequest(
      this.#deflateSetup ? { ...options, perMessageDeflate: this.#deflateSetup.offer } : options,
      this.key,
    );
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
    const setup = this.#deflateSetup;
    const check = checkResponse(res, this.expectedAccept, {
      protocols: this.#protocols,
      ...(setup ? { perMessageDeflate: setup.offer } : {}),
    });
    if (!check.ok) {
      this.handshakeFailed(check.error, 'peer');
      return;
    }
    this.protocol = check.accepted.protocol;
    if (check.accepted.deflate && setup) this.useDeflate(check.accepted.deflate, setup);
    this.opened(scan.bytes.subarray(parsed.length));
  }
}
