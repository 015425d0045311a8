/**
 * permessage-deflate's negotiation (RFC 7692 §5, §7.1): the parameters a client offers, what a server
 * answers for its policy, and the client's checks of that answer. Pure functions over header values;
 * every refusal is a rule row (errors.ts) with its RFC 7692 section. The decisions follow the tables in
 * python-websockets' permessage_deflate.py, which spell §7.1 out case by case.
 */
import { protocolError, type ProtocolError } from '../errors.ts';
import { serializeExtension, type ExtensionElement, type ExtensionParam } from '../extensions.ts';

export const PERMESSAGE_DEFLATE = 'permessage-deflate';

/** Base-2 logarithm of an LZ77 window: 2^8 = 256 bytes to 2^15 = 32 KiB (§7.1.2). */
export type WindowBits = 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;

/** What a client asks for (§7.1). */
export interface DeflateOffer {
  /** Ask the server to compress each message on its own (§7.1.1.1). */
  readonly serverNoContextTakeover?: boolean;
  /** Tell the server this client compresses each message on its own (§7.1.1.2). */
  readonly clientNoContextTakeover?: boolean;
  /** Ask the server to use at most this window (§7.1.2.1). */
  readonly serverMaxWindowBits?: WindowBits;
  /**
   * A number limits this client's own window; `true` (no value, as browsers send it) only says that
   * the server may limit it (§7.1.2.2).
   */
  readonly clientMaxWindowBits?: WindowBits | true;
}

/** What a server agrees to; each field, when set, is imposed on whatever the client offers. */
export interface DeflatePolicy {
  /** This server compresses each message on its own (saves its compressor's memory per connection). */
  readonly serverNoContextTakeover?: boolean;
  /** Ask the client to compress each message on its own (saves this server's inflater memory). */
  readonly clientNoContextTakeover?: boolean;
  /** The largest window this server compresses with. */
  readonly serverMaxWindowBits?: WindowBits;
  /** The largest window the client may compress with (only if the client offered the parameter). */
  readonly clientMaxWindowBits?: WindowBits;
}

/** The negotiated parameters both ends work with (absent window bits are 15). */
export interface DeflateParams {
  readonly serverNoContextTakeover: boolean;
  readonly clientNoContextTakeover: boolean;
  readonly serverMaxWindowBits: WindowBits;
  readonly clientMaxWindowBits: WindowBits;
}

export const DEFAULT_DEFLATE_PARAMS: DeflateParams = {
  serverNoContextTakeover: false,
  clientNoContextTakeover: false,
  serverMaxWindowBits: 15,
  clientMaxWindowBits: 15,
};

/** The parameters as written in one element, before defaults: `true` is client_max_window_bits alone. */
interface Written {
  serverNoContextTakeover: boolean;
  clientNoContextTakeover: boolean;
  serverMaxWindowBits: WindowBits | null;
  clientMaxWindowBits: WindowBits | true | null;
}

type Side = 'offer' | 'answer';
type Read =
  { readonly ok: true; readonly value: Written } | { readonly ok: false; readonly error: ProtocolError };

/** The rule an invalid parameter breaks, by kind, for an offer (the server declines) or an answer (the client fails). */
function problem(
  side: Side,
  kind: 'unknown' | 'duplicate' | 'window' | 'flag',
  p: ExtensionParam,
): ProtocolError {
  const name = p.name;
  const value = shown(p.value);
  const offer = side === 'offer';
  switch (kind) {
    case 'unknown':
      return protocolError(offer ? 'deflate-offer-unknown-param' : 'deflate-answer-unknown-param', { name });
    case 'duplicate':
      return protocolError(offer ? 'deflate-offer-duplicate-param' : 'deflate-answer-duplicate-param', {
        name,
      });
    case 'window':
      return protocolError(offer ? 'deflate-offer-bad-window-bits' : 'deflate-answer-bad-window-bits', {
        name,
        value,
      });
    case 'flag':
      return protocolError(offer ? 'deflate-offer-flag-with-value' : 'deflate-answer-flag-with-value', {
        name,
        value,
      });
  }
}

/** "8" … "15": no sign, no leading zero, nothing else (§7.1.2.1: "a decimal integer … 1*DIGIT", 8 to 15). */
function windowBits(value: string | null): WindowBits | null {
  return value !== null && /^(?:[89]|1[0-5])$/.test(value) ? (Number(value) as WindowBits) : null;
}

const shown = (v: string | null): string =>
  v === null ? '(none)' : `“${v.length > 20 ? `${v.slice(0, 20)}…` : v}”`;

/** §7: read one element's parameters, refusing unknown names, repeats and invalid values. */
function readParams(params: readonly ExtensionParam[], side: Side): Read {
  const fail = (kind: 'unknown' | 'duplicate' | 'window' | 'flag', p: ExtensionParam): Read => ({
    ok: false,
    error: problem(side, kind, p),
  });
  const out: Written = {
    serverNoContextTakeover: false,
    clientNoContextTakeover: false,
    serverMaxWindowBits: null,
    clientMaxWindowBits: null,
  };
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) return fail('duplicate', p);
    seen.add(p.name);
    switch (p.name) {
      case 'server_no_context_takeover':
      case 'client_no_context_takeover':
        if (p.value !== null) return fail('flag', p);
        if (p.name === 'server_no_context_takeover') out.serverNoContextTakeover = true;
        else out.clientNoContextTakeover = true;
        break;
      case 'server_max_window_bits': {
        const bits = windowBits(p.value);
        if (bits === null) return fail('window', p);
        out.serverMaxWindowBits = bits;
        break;
      }
      case 'client_max_window_bits': {
        // §7.1.2.2: in an offer it may come without a value; a response "MUST" give one.
        if (p.value === null) {
          if (side === 'answer') return { ok: false, error: protocolError('deflate-answer-window-no-value') };
          out.clientMaxWindowBits = true;
          break;
        }
        const bits = windowBits(p.value);
        if (bits === null) return fail('window', p);
        out.clientMaxWindowBits = bits;
        break;
      }
      default:
        return fail('unknown', p);
    }
  }
  return { ok: true, value: out };
}

function element(w: Written): ExtensionElement {
  const params: ExtensionParam[] = [];
  if (w.serverNoContextTakeover) params.push({ name: 'server_no_context_takeover', value: null });
  if (w.clientNoContextTakeover) params.push({ name: 'client_no_context_takeover', value: null });
  if (w.serverMaxWindowBits !== null)
    params.push({ name: 'server_max_window_bits', value: String(w.serverMaxWindowBits) });
  if (w.clientMaxWindowBits === true) params.push({ name: 'client_max_window_bits', value: null });
  else if (w.clientMaxWindowBits !== null)
    params.push({ name: 'client_max_window_bits', value: String(w.clientMaxWindowBits) });
  return { name: PERMESSAGE_DEFLATE, params };
}

/** The offer as the client writes it: `permessage-deflate; client_max_window_bits` for `{ clientMaxWindowBits: true }`. */
export function offerElement(offer: DeflateOffer): ExtensionElement {
  return element({
    serverNoContextTakeover: offer.serverNoContextTakeover ?? false,
    clientNoContextTakeover: offer.clientNoContextTakeover ?? false,
    serverMaxWindowBits: offer.serverMaxWindowBits ?? null,
    clientMaxWindowBits: offer.clientMaxWindowBits ?? null,
  });
}

export function offerHeader(offer: DeflateOffer): string {
  return serializeExtension(offerElement(offer));
}

const min = (a: WindowBits | null, b: WindowBits | null): WindowBits | null =>
  a === null ? b : b === null ? a : a < b ? a : b;

export type ServerDeflate =
  | { readonly ok: true; readonly params: DeflateParams; readonly answer: ExtensionElement }
  | { readonly ok: false; readonly error: ProtocolError };

/**
 * The server's side of §7.1 for one offer: decline it (with the rule) if it is invalid, else answer it
 * under `policy` — the server's own limits imposed, the client's requests kept (a window only ever
 * lowered), and client_max_window_bits named only if the client offered it (§7.1.2.2).
 */
export function answerOffer(offer: ExtensionElement, policy: DeflatePolicy): ServerDeflate {
  const read = readParams(offer.params, 'offer');
  if (!read.ok) return read;
  const o = read.value;
  const clientBits: WindowBits | true | null =
    o.clientMaxWindowBits === null
      ? null
      : o.clientMaxWindowBits === true
        ? (policy.clientMaxWindowBits ?? null)
        : min(o.clientMaxWindowBits, policy.clientMaxWindowBits ?? null);
  const answer: Written = {
    serverNoContextTakeover: o.serverNoContextTakeover || (policy.serverNoContextTakeover ?? false),
    clientNoContextTakeover: o.clientNoContextTakeover || (policy.clientNoContextTakeover ?? false),
    serverMaxWindowBits: min(o.serverMaxWindowBits, policy.serverMaxWindowBits ?? null),
    clientMaxWindowBits: clientBits,
  };
  return { ok: true, params: agreed(answer, null), answer: element(answer) };
}

/** The parameters an answer sets, with the client's own window limit when the answer leaves it out. */
function agreed(answer: Written, ownClientBits: WindowBits | null): DeflateParams {
  return {
    serverNoContextTakeover: answer.serverNoContextTakeover,
    clientNoContextTakeover: answer.clientNoContextTakeover,
    serverMaxWindowBits: answer.serverMaxWindowBits ?? 15,
    clientMaxWindowBits:
      typeof answer.clientMaxWindowBits === 'number' ? answer.clientMaxWindowBits : (ownClientBits ?? 15),
  };
}

export type ClientDeflate =
  | { readonly ok: true; readonly params: DeflateParams }
  | { readonly ok: false; readonly error: ProtocolError };

/** The client's side of §7.1: is this answer one it can live with, given what it offered? */
export function checkAnswer(answer: ExtensionElement, offer: DeflateOffer): ClientDeflate {
  const read = readParams(answer.params, 'answer');
  if (!read.ok) return read;
  const a = read.value;
  // §7.1.1.1: a server that accepts an offer with server_no_context_takeover MUST include it.
  if (offer.serverNoContextTakeover && !a.serverNoContextTakeover) {
    return { ok: false, error: protocolError('deflate-answer-takeover-missing') };
  }
  // §7.1.2.1: asked for a window, the server answers with the same or a smaller one.
  if (offer.serverMaxWindowBits !== undefined) {
    if (a.serverMaxWindowBits === null) {
      const error = protocolError('deflate-answer-server-window-missing', {
        offered: offer.serverMaxWindowBits,
      });
      return { ok: false, error };
    }
    if (a.serverMaxWindowBits > offer.serverMaxWindowBits) {
      return {
        ok: false,
        error: tooLarge('server_max_window_bits', a.serverMaxWindowBits, offer.serverMaxWindowBits),
      };
    }
  }
  // §7.1.2.2: a server may only limit the client's window if the client offered the parameter.
  const cmwb = a.clientMaxWindowBits;
  if (cmwb !== null && cmwb !== true) {
    if (offer.clientMaxWindowBits === undefined) {
      return { ok: false, error: protocolError('deflate-answer-window-not-offered', { value: cmwb }) };
    }
    if (offer.clientMaxWindowBits !== true && cmwb > offer.clientMaxWindowBits) {
      return { ok: false, error: tooLarge('client_max_window_bits', cmwb, offer.clientMaxWindowBits) };
    }
  }
  const own = typeof offer.clientMaxWindowBits === 'number' ? offer.clientMaxWindowBits : null;
  const params = agreed(a, own);
  // A client that offered client_no_context_takeover holds itself to it, whatever the answer says.
  return {
    ok: true,
    params: offer.clientNoContextTakeover ? { ...params, clientNoContextTakeover: true } : params,
  };
}

function tooLarge(name: string, value: number, offered: number): ProtocolError {
  return protocolError('deflate-answer-window-too-large', { name, value, offered });
}

/**
 * Parameters written as a server's answer — `permessage-deflate; server_no_context_takeover` — read as
 * if they had been negotiated (the decoder's `&ext=` link, tests). The same checks as a client's.
 */
export function deflateParamsOf(answer: ExtensionElement): ClientDeflate {
  return checkAnswer(answer, { clientMaxWindowBits: true });
}
