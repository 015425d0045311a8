/**
 * The decoder's and the editor's "Extensions" choice: none, or permessage-deflate (RFC 7692) with the
 * parameters a handshake would have agreed. The link carries it as `&ext=permessage-deflate;…`, written
 * the way a server's Sec-WebSocket-Extensions answer is, and read back through the engine's own
 * negotiation checks (parseExtensions, then deflateParamsOf), so a bad link names the RFC rule it breaks.
 * Pure: no DOM, no Svelte, and no pako (the codec is loaded apart: codec.svelte.ts).
 */
import {
  DEFAULT_DEFLATE_PARAMS,
  PERMESSAGE_DEFLATE,
  deflateParamsOf,
  parseExtensions,
  protocolError,
  type DeflateParams,
  type ExtensionElement,
  type ExtensionParam,
  type ProtocolError,
  type WindowBits,
} from '../../protocol/index.ts';

export type ExtChoice =
  { readonly kind: 'none' } | { readonly kind: 'permessage-deflate'; readonly params: DeflateParams };

export const NO_EXTENSION: ExtChoice = { kind: 'none' };

export const deflateChoice = (params: Partial<DeflateParams> = {}): ExtChoice => ({
  kind: 'permessage-deflate',
  params: { ...DEFAULT_DEFLATE_PARAMS, ...params },
});

/**
 * A link's `ext` is read up to this many characters. The longest valid value (all four parameters) is
 * 112 characters; a longer one is not read at all (the links hardening: bounded work per parameter).
 */
export const EXT_PARAM_LIMIT = 256;

export const WINDOW_BITS: readonly WindowBits[] = [8, 9, 10, 11, 12, 13, 14, 15];

/** Why a link's `ext` was not used: the decoder then reads the bytes without an extension. */
export type ExtProblem =
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number }
  /** Not permessage-deflate: the only extension the engine knows. */
  | { readonly kind: 'unknown'; readonly name: string }
  /** The engine's negotiation refused it: the rule (RFC 7692 §7 or RFC 6455 §9.1) says why. */
  | { readonly kind: 'rule'; readonly error: ProtocolError };

export interface ExtRead {
  readonly choice: ExtChoice;
  readonly problem: ExtProblem | null;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * The `ext` link parameter (already percent-decoded) → the choice. Absent, empty or `none` is no
 * extension; anything the engine would refuse in a server's answer falls back to none with the reason.
 */
export function readExtParam(value: string | undefined): ExtRead {
  const none = (problem: ExtProblem | null): ExtRead => ({ choice: NO_EXTENSION, problem });
  if (value === undefined) return none(null);
  if (value.length > EXT_PARAM_LIMIT) {
    return none({ kind: 'too-long', length: value.length, limit: EXT_PARAM_LIMIT });
  }
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return none(null);
  const parsed = parseExtensions(trimmed);
  if (!parsed.ok) {
    return none({ kind: 'rule', error: protocolError('bad-extensions-header', { detail: parsed.detail }) });
  }
  const [first, ...rest] = parsed.elements;
  if (!first) return none(null);
  const other = parsed.elements.find((e) => e.name !== PERMESSAGE_DEFLATE);
  if (other) return none({ kind: 'unknown', name: clip(other.name) });
  // Only one extension may own RSV1 (RFC 7692 §5): permessage-deflate twice is refused as a client would.
  if (rest.length > 0) return none({ kind: 'rule', error: protocolError('deflate-answer-twice') });
  const agreed = deflateParamsOf(first);
  if (!agreed.ok) return none({ kind: 'rule', error: agreed.error });
  return { choice: { kind: 'permessage-deflate', params: agreed.params }, problem: null };
}

/** The parameters that differ from the defaults, as a server's answer names them (§7.1). */
export function paramsElement(params: DeflateParams): ExtensionElement {
  const out: ExtensionParam[] = [];
  if (params.serverNoContextTakeover) out.push({ name: 'server_no_context_takeover', value: null });
  if (params.clientNoContextTakeover) out.push({ name: 'client_no_context_takeover', value: null });
  if (params.serverMaxWindowBits !== 15)
    out.push({ name: 'server_max_window_bits', value: String(params.serverMaxWindowBits) });
  if (params.clientMaxWindowBits !== 15)
    out.push({ name: 'client_max_window_bits', value: String(params.clientMaxWindowBits) });
  return { name: PERMESSAGE_DEFLATE, params: out };
}

/**
 * The `ext` value for a choice, not yet percent-encoded, or null for none: compact (`;` without spaces)
 * because it lives in a URL; parseExtensions reads it either way.
 */
export function extParam(choice: ExtChoice): string | null {
  if (choice.kind === 'none') return null;
  const e = paramsElement(choice.params);
  return [e.name, ...e.params.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`))].join(';');
}

/** A decoder hash with the choice appended (`&ext=…`, percent-encoded), or unchanged for none. */
export function withExt(hash: string, choice: ExtChoice): string {
  const value = extParam(choice);
  return value === null ? hash : `${hash}&ext=${encodeURIComponent(value)}`;
}

export function sameChoice(a: ExtChoice, b: ExtChoice): boolean {
  return extParam(a) === extParam(b);
}

/**
 * The parameters that matter for bytes sent in this direction: the sender's window and whether it takes
 * its context over (§7.1.1, §7.1.2). The other two only govern the opposite direction.
 */
export function senderParams(dir: 'c2s' | 's2c'): {
  readonly noContextTakeover: keyof DeflateParams;
  readonly maxWindowBits: keyof DeflateParams;
} {
  return dir === 'c2s'
    ? { noContextTakeover: 'clientNoContextTakeover', maxWindowBits: 'clientMaxWindowBits' }
    : { noContextTakeover: 'serverNoContextTakeover', maxWindowBits: 'serverMaxWindowBits' };
}
