/**
 * HAR files (HTTP Archive 1.2) as Chrome DevTools, Firefox and HTTP Toolkit save them: a WebSocket is
 * an entry whose `_webSocketMessages` lists each message — `type` send/receive, `time` (seconds since
 * the epoch), `opcode`, `data` (base64 for binary). A HAR holds messages, not frames: the frames here
 * are REBUILT by the engine — the sender's engine writes each message (client frames masked with keys
 * it makes up, marked `reconstructed`), the receiver's engine reads them back — so a learner sees what
 * each message looks like on the wire without anyone pretending these are the original bytes.
 * The request and response headers are checked by the engine as a server and a client would.
 */
import {
  acceptFor,
  checkAnswer,
  checkRequest,
  checkResponse,
  Connection,
  deflateParamsOf,
  headerValue,
  Opcode,
  type DeflateParams,
  type Direction,
  type HeaderField,
  type HttpRequest,
  type HttpResponse,
  type ProtocolError,
} from '../protocol/index.ts';
import type { CaptureProblem } from './problems.ts';
import { summarize, type WebSocketSummary } from './summary.ts';
import {
  CAPTURE_MAX_MESSAGE,
  deflateOffers,
  answerElement,
  type CapturedEvent,
  type CapturedFrame,
  type DecodeSetup,
  type WebSocketDecode,
} from './websocket.ts';

export interface HarSocket {
  /** Index of the entry in `log.entries`. */
  readonly entry: number;
  readonly url: string;
  readonly ws: WebSocketDecode;
  readonly summary: WebSocketSummary;
  /** Messages the HAR lists that could not be rebuilt (unknown opcode, bad base64…), by index. */
  readonly unreadable: readonly number[];
}

export interface HarReport {
  readonly creator: string | null;
  readonly entries: number;
  /** Entries that are not WebSockets: method and URL, for "no WebSocket connection found". */
  readonly otherRequests: readonly { readonly method: string; readonly url: string }[];
  readonly sockets: readonly HarSocket[];
}

export type HarResult =
  | { readonly ok: true; readonly report: HarReport }
  | { readonly ok: false; readonly problem: CaptureProblem };

/** Does this file start like JSON (a HAR) rather than a binary capture? */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09))
    i++;
  return head[i] === 0x7b; // '{'
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const obj = (v: Json | undefined): { [k: string]: Json } | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: Json | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function headersOf(v: Json | undefined): HeaderField[] {
  return arr(v).flatMap((h) => {
    const o = obj(h);
    const name = str(o?.name);
    const value = str(o?.value);
    return name !== null && value !== null ? [{ name, value }] : [];
  });
}

export function analyzeHar(text: string, setup: DecodeSetup): HarResult {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    return { ok: false, problem: { kind: 'bad-har', detail: e instanceof Error ? e.message : String(e) } };
  }
  const log = obj(obj(root)?.log);
  const entries = log ? arr(log.entries) : null;
  if (!log || !Array.isArray(log.entries) || !entries)
    return { ok: false, problem: { kind: 'bad-har', detail: 'no log.entries' } };
  const sockets: HarSocket[] = [];
  const otherRequests: { method: string; url: string }[] = [];
  entries.forEach((raw, i) => {
    const e = obj(raw);
    const req = obj(e?.request);
    const res = obj(e?.response);
    const url = str(req?.url) ?? '';
    const messages = e ? e._webSocketMessages : undefined;
    if (!Array.isArray(messages)) {
      otherRequests.push({ method: str(req?.method) ?? '?', url });
      return;
    }
    sockets.push(socketOf(i, url, req, res, messages, setup));
  });
  return {
    ok: true,
    report: {
      creator: str(obj(log.creator)?.name),
      entries: entries.length,
      otherRequests,
      sockets,
    },
  };
}

function requestOf(url: string, req: { [k: string]: Json } | null): HttpRequest {
  let target = '/';
  try {
    const u = new URL(url);
    target = u.pathname + u.search;
  } catch {
    // A URL the HAR writer mangled: the target stays "/", the headers are still checked.
  }
  return {
    kind: 'request',
    method: str(req?.method) ?? 'GET',
    target,
    // HAR writers record HTTP/1.1 for a WebSocket upgrade; some write "" or "unknown".
    version: /^HTTP\/\d\.\d$/.test(str(req?.httpVersion) ?? '') ? str(req?.httpVersion)! : 'HTTP/1.1',
    headers: headersOf(req?.headers),
  };
}

function responseOf(res: { [k: string]: Json } | null): HttpResponse {
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status: num(res?.status) ?? 0,
    reason: str(res?.statusText) ?? '',
    headers: headersOf(res?.headers),
  };
}

/** Masking keys for rebuilt client frames: a fixed, visibly made-up sequence, not the original keys. */
function madeUpKeys(): (n: number) => Uint8Array {
  let counter = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (0x5a + 37 * counter++) & 0xff;
    return out;
  };
}

function base64Bytes(s: string): Uint8Array | null {
  try {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function socketOf(
  entry: number,
  url: string,
  req: { [k: string]: Json } | null,
  res: { [k: string]: Json } | null,
  messages: Json[],
  setup: DecodeSetup,
): HarSocket {
  const request = requestOf(url, req);
  const response = responseOf(res);
  const protocol = headerValue(response.headers, 'Sec-WebSocket-Protocol');
  // The engine's verdicts on the headers, as the server (§4.2.1) and the client (§4.1) would give them.
  const decision = checkRequest(request, {
    protocols: protocol ? [protocol] : [],
    ...(setup.codec ? { perMessageDeflate: {} } : {}),
  });
  const requestError: ProtocolError | null = decision.ok ? null : decision.error;
  const key = headerValue(request.headers, 'Sec-WebSocket-Key') ?? '';
  const { offers } = deflateOffers(request);
  const answer = answerElement(response);
  const offer = (answer && offers.find((o) => checkAnswer(answer, o).ok)) ?? offers[0];
  const protocols = (headerValue(request.headers, 'Sec-WebSocket-Protocol') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const check = checkResponse(response, acceptFor(key), {
    protocols,
    ...(offer ? { perMessageDeflate: offer } : {}),
  });
  const responseError: ProtocolError | null = check.ok ? null : check.error;
  let deflate: DeflateParams | null = check.ok ? check.accepted.deflate : null;
  if (!check.ok && answer) {
    const r = deflateParamsOf(answer);
    deflate = r.ok ? r.params : null;
  }
  const useDeflate = deflate && setup.codec ? { deflate: { codec: setup.codec, params: deflate } } : {};
  const endpoint = (role: 'client' | 'server', random: (n: number) => Uint8Array): Connection =>
    new Connection(role, { maxMessageSize: CAPTURE_MAX_MESSAGE, random, autoPong: false, ...useDeflate });
  // The senders write the messages; the receivers read what they wrote.
  const senders = { c2s: endpoint('client', madeUpKeys()), s2c: endpoint('server', madeUpKeys()) };
  const receivers = { c2s: endpoint('server', madeUpKeys()), s2c: endpoint('client', madeUpKeys()) };
  const frames: CapturedFrame[] = [];
  const events: CapturedEvent[] = [];
  const unreadable: number[] = [];
  messages.forEach((raw, i) => {
    const m = obj(raw);
    const type = str(m?.type);
    const direction: Direction | null = type === 'send' ? 'c2s' : type === 'receive' ? 's2c' : null;
    const opcode = num(m?.opcode) ?? 1;
    const data = str(m?.data) ?? '';
    const time = num(m?.time);
    if (!direction) {
      unreadable.push(i);
      return;
    }
    const sender = senders[direction];
    let sent: { ok: boolean };
    if (opcode === Opcode.Text) sent = sender.sendText(data);
    else {
      const bytes = base64Bytes(data);
      if (!bytes) {
        unreadable.push(i);
        return;
      }
      if (opcode === Opcode.Binary) sent = sender.sendBinary(bytes);
      else if (opcode === Opcode.Ping) sent = sender.sendPing(bytes);
      else if (opcode === Opcode.Pong) sent = sender.sendPong(bytes);
      else if (opcode === Opcode.Close) {
        const code = bytes.length >= 2 ? (bytes[0]! << 8) | bytes[1]! : null;
        sent = sender.sendClose(code, new TextDecoder().decode(bytes.subarray(2)));
      } else sent = { ok: false };
    }
    sender.events();
    const wire = sender.dataToSend();
    if (!sent.ok || wire.length === 0) {
      unreadable.push(i);
      return;
    }
    const receiver = receivers[direction];
    const timeUs = time === null ? 0 : time * 1e6;
    // Each message is its own "packet", numbered from 1 in the order the HAR lists them.
    const at = { direction, packet: i + 1, timeUs, guess: 'reconstructed' as const };
    for (const bytes of wire) {
      receiver.receiveData(bytes);
      receiver.dataToSend();
      for (const e of receiver.events()) {
        if (e.type === 'frame-in') frames.push({ ...at, streamOffset: e.frame.offset, frame: e.frame });
        else if (
          e.type === 'message' ||
          e.type === 'ping' ||
          e.type === 'pong' ||
          e.type === 'close-frame' ||
          e.type === 'error' ||
          e.type === 'closed'
        )
          events.push({ ...at, event: e });
      }
    }
  });
  const ws: WebSocketDecode = {
    handshake: {
      request,
      response,
      requestError,
      responseError,
      protocol,
      deflate,
      deflateUnread: deflate !== null && !setup.codec,
    },
    frames,
    events,
    skipped: [],
  };
  let firstUs = Infinity;
  let lastUs = 0;
  for (const f of frames)
    if (f.timeUs > 0) {
      firstUs = Math.min(firstUs, f.timeUs);
      lastUs = Math.max(lastUs, f.timeUs);
    }
  const summary = summarize(ws, {
    fin: { client: false, server: false },
    rst: null,
    firstUs: Number.isFinite(firstUs) ? firstUs : 0,
    lastUs,
  });
  return { entry, url, ws, summary, unreadable };
}
