/** What an endpoint reports (`Connection.events()`) and answers (`SendResult`): plain values, no behaviour. */
import type { DecodedFrame } from './decoder.ts';
import type { ProtocolError } from './errors.ts';
import type { HttpRequest, HttpResponse } from './http.ts';
import type { SentFrame } from './output.ts';

export type Role = 'client' | 'server';
export type ReadyState = 'CONNECTING' | 'OPEN' | 'CLOSING' | 'CLOSED';

export type EngineEvent =
  | { readonly type: 'state'; readonly from: ReadyState; readonly to: ReadyState }
  | { readonly type: 'http-out'; readonly message: HttpRequest | HttpResponse; readonly bytes: Uint8Array }
  | { readonly type: 'http-in'; readonly message: HttpRequest | HttpResponse; readonly bytes: Uint8Array }
  /** A frame this endpoint wrote; its `frame` and `bytes` are made when first read (output.ts). */
  | SentFrame
  | { readonly type: 'frame-in'; readonly frame: DecodedFrame }
  | { readonly type: 'raw-out'; readonly bytes: Uint8Array }
  | {
      readonly type: 'message';
      readonly binary: boolean;
      readonly data: string | Uint8Array;
      readonly frames: number;
      /** RSV1 was set on its first frame: the payload was inflated (RFC 7692 §6.2). */
      readonly compressed?: true;
    }
  | { readonly type: 'ping'; readonly payload: Uint8Array }
  | { readonly type: 'pong'; readonly payload: Uint8Array }
  | { readonly type: 'close-frame'; readonly code: number | null; readonly reason: string }
  | { readonly type: 'error'; readonly error: ProtocolError; readonly by: 'local' | 'peer' }
  | {
      readonly type: 'closed';
      /** §7.1.5 The WebSocket Connection Close Code: from the received close frame, else 1005 / 1006. */
      readonly code: number;
      readonly reason: string;
      readonly wasClean: boolean;
    }
  /** Asks the driver to close the TCP connection now (§7.1.1: the server closes first). */
  | { readonly type: 'close-transport' };

export type SendResult = { readonly ok: true } | { readonly ok: false; readonly error: ProtocolError };
