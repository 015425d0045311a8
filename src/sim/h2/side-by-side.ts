/**
 * The same WebSocket opened twice, for lesson 18: over HTTP/1.1 with the Upgrade handshake (RFC 6455
 * §4, bytes from the engine's own request builder and server check) and over HTTP/2 with an extended
 * CONNECT (RFC 8441, bytes from ./session.ts). Both sides send the same first message, "hello", so the
 * only difference on the wire is how the WebSocket was opened and what carries its frames.
 */
import {
  Connection,
  checkRequest,
  buildRequest,
  serializeHead,
  type HttpRequest,
  type HttpResponse,
} from '../../protocol/index.ts';
import { SeededRandom } from '../rng.ts';
import { FrameType } from './frames.ts';
import { AUTHORITY, ORIGIN, websocketOverH2Session, type H2Session, type SentFrame } from './session.ts';

export interface Http1Side {
  readonly request: HttpRequest;
  readonly requestBytes: Uint8Array;
  readonly response: HttpResponse;
  readonly responseBytes: Uint8Array;
  /** The client's first WebSocket frame, "hello", masked (RFC 6455 §5.3). */
  readonly firstFrame: Uint8Array;
}

export interface Http2Side {
  readonly session: H2Session;
  /** The HEADERS frames of the first and second extended CONNECT and of the first 200. */
  readonly connect: SentFrame;
  readonly secondConnect: SentFrame;
  readonly ok: SentFrame;
  /** The DATA frame that carries the first WebSocket's "hello". */
  readonly firstData: SentFrame;
}

export interface SideBySide {
  readonly http1: Http1Side;
  readonly http2: Http2Side;
}

export function sideBySide(seed = 8441): SideBySide {
  const random = new SeededRandom(seed);
  const key = btoa(String.fromCharCode(...random.bytes(16)));
  const request = buildRequest(
    {
      host: AUTHORITY,
      path: '/chat',
      origin: ORIGIN,
      protocols: ['chat', 'superchat'],
      extraHeaders: [{ name: 'Sec-WebSocket-Extensions', value: 'permessage-deflate' }],
    },
    key,
  );
  // The server speaks `chat` and declines compression, as the HTTP/2 server in session.ts does.
  const check = checkRequest(request, { protocols: ['chat'] });
  if (!check.ok) throw new Error(`the lesson's own request was refused: ${check.error.rule}`);
  const client = new Connection('client', { random: (n) => random.bytes(n) }, 'OPEN');
  client.sendText('hello');
  const firstFrame = concat(client.dataToSend());

  const session = websocketOverH2Session({ seed });
  const all = session.flights.flatMap((f) => f.frames);
  const connects = all.filter((f) => f.headers?.some((h) => h.name === ':protocol'));
  const ok = all.find(
    (f) =>
      f.frame.type === FrameType.HEADERS &&
      f.frame.stream === connects[0]!.frame.stream &&
      f.headers?.[0]?.name === ':status',
  )!;
  const firstData = all.find(
    (f) => f.frame.type === FrameType.DATA && f.frame.stream === connects[0]!.frame.stream,
  )!;
  return {
    http1: {
      request,
      requestBytes: serializeHead(request),
      response: check.response,
      responseBytes: serializeHead(check.response),
      firstFrame,
    },
    http2: { session, connect: connects[0]!, secondConnect: connects[1]!, ok, firstData },
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
