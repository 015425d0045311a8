/**
 * The server's half of the opening handshake (§4.2): reading the request, deciding (`accept`, the
 * server's policy, no effect) and acting (`sendResponse`), as python-websockets' server does.
 */
import { Connection, type ConnectionOptions } from './connection.ts';
import type { DeflateSetup } from './deflate/extension.ts';
import type { DeflatePolicy } from './deflate/params.ts';
import { protocolError } from './errors.ts';
import { concatBytes } from './frame.ts';
import {
  checkRequest,
  rejectionFor,
  type AcceptedRequest,
  type RequestCheck,
  type ServerPolicy,
} from './handshake.ts';
import { HEAD_INCOMPLETE, HeadScanner, parseRequestHead, type HttpRequest } from './http.ts';

export interface ServerOptions
  extends Omit<ConnectionOptions, 'deflate'>, Omit<ServerPolicy, 'perMessageDeflate'> {
  /**
   * Accept permessage-deflate offers (RFC 7692): the DEFLATE codec, and the policy the answer imposes
   * (none by default: the client's offer is taken as it is).
   */
  readonly deflate?: DeflateSetup & { readonly policy?: DeflatePolicy };
}

export class ServerConnection extends Connection {
  readonly #policy: ServerPolicy;
  readonly #deflateSetup: DeflateSetup | null;
  readonly #head = new HeadScanner();
  #request: HttpRequest | null = null;
  /** Bytes that came after the request, before our 101: the first frames, decoded once OPEN. */
  #rest: Uint8Array[] = [];
  #responded = false;
  accepted: AcceptedRequest | null = null;

  constructor(options: ServerOptions = {}) {
    super('server', { ...options, deflate: undefined }, 'CONNECTING'); // negotiated, not assumed
    const { deflate, ...policy } = options;
    this.#policy = deflate ? { ...policy, perMessageDeflate: deflate.policy ?? {} } : policy;
    this.#deflateSetup = deflate ?? null;
  }

  /** The client's complete handshake request, once it has arrived. */
  get request(): HttpRequest | null {
    return this.#request;
  }

  /** True once a complete request has arrived and no response has been sent yet. */
  get responsePending(): boolean {
    return this.#request !== null && !this.#responded && this.state === 'CONNECTING';
  }

  protected override receiveHandshake(bytes: Uint8Array): void {
    if (this.#request) {
      // Bytes after the request but before our 101 (a client must wait, but bytes may be in flight).
      this.#rest.push(bytes);
      return;
    }
    const scan = this.#head.push(bytes);
    if (scan.kind === 'need') return;
    const parsed = scan.kind === 'complete' ? parseRequestHead(scan.bytes) : scan;
    if (scan.kind !== 'complete' || parsed.kind !== 'head') {
      const detail = parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE;
      const error = protocolError('bad-http-head', { detail });
      this.writeHttp(rejectionFor(error));
      this.handshakeFailed(error, 'peer');
      return;
    }
    this.#request = parsed.head;
    if (scan.bytes.length > parsed.length) this.#rest.push(scan.bytes.slice(parsed.length));
    this.pushEvent({ type: 'http-in', message: parsed.head, bytes: scan.bytes.slice(0, parsed.length) });
  }

  /**
   * Decide, and only decide (python-websockets' `accept()`): this server's policy applied to a request,
   * as the response it would send — a 101 with the chosen subprotocol, or 400 / 403 / 426 with the rule
   * broken. Nothing is written and the state does not change, so a caller may look at the decision,
   * add headers to the response, or replace it, before `sendResponse`.
   */
  accept(request: HttpRequest): RequestCheck {
    return checkRequest(request, this.#policy);
  }

  /**
   * Act on a decision: write its response; a 101 opens the connection (and decodes the frames that
   * came early), anything else ends it. Once only, and not after the transport has ended.
   */
  sendResponse(decision: RequestCheck): void {
    if (this.#responded || this.state !== 'CONNECTING') return;
    this.#responded = true;
    this.writeHttp(decision.response);
    if (!decision.ok) {
      this.handshakeFailed(decision.error, 'peer');
      return;
    }
    this.accepted = decision.accepted;
    // A decision from accept() agrees to permessage-deflate only when this server has a codec for it.
    if (decision.accepted.deflate && this.#deflateSetup)
      this.useDeflate(decision.accepted.deflate, this.#deflateSetup);
    const rest = concatBytes(this.#rest);
    this.#rest = [];
    this.opened(rest);
  }
}
