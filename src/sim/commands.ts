/**
 * The playground console's language, in the spirit of wscat/websocat: parse a line into a command or
 * a one-line error with its usage, and run a command against the World. Pure and Svelte-free, so the
 * console, the lessons' pre-run `commands:` and the tests all speak it the same way.
 */
import {
  BROWSER_DEFLATE_OFFER,
  messagesOf,
  parseHex,
  type DeflateOffer,
  type DeflatePolicy,
  type Text,
  type WindowBits,
} from '../protocol/index.ts';
import type { HeartbeatSettings, MiddleboxSettings } from './middlebox.ts';
import { parseOrigin, SAME_SITES, type SameSite } from './origins.ts';
import { SERVER_KINDS, type ServerDeflate, type ServerKind } from './servers.ts';
import { MAX_WINDOW, type Reader } from './tcp.ts';
import type { CommandResult, ConnectOptions, World } from './world.ts';

export type Command =
  | { readonly name: 'connect'; readonly options: ConnectOptions }
  | { readonly name: 'send'; readonly text: string }
  | { readonly name: 'binary'; readonly bytes: Uint8Array }
  | { readonly name: 'ping'; readonly text: string }
  /** `ping every N [timeout M]` / `ping off`: the client's heartbeat (middlebox.ts); null: off. */
  | { readonly name: 'ping'; readonly heartbeat: HeartbeatSettings | null }
  /** `middlebox idle N [drop|reset]`, `middlebox nat N`, `middlebox off` (middlebox.ts); null: none. */
  | { readonly name: 'middlebox'; readonly middlebox: MiddleboxSettings | null }
  | { readonly name: 'close'; readonly code: number | undefined; readonly reason: string }
  | { readonly name: 'frag'; readonly text: string; readonly count: number }
  | { readonly name: 'raw'; readonly bytes: Uint8Array }
  | { readonly name: 'latency'; readonly ms: number }
  | { readonly name: 'mss'; readonly bytes: number }
  | { readonly name: 'window'; readonly bytes: number }
  | { readonly name: 'reader'; readonly reader: Reader }
  | { readonly name: 'flood'; readonly count: number; readonly bytes: number }
  | { readonly name: 'server'; readonly set: 'kind'; readonly kind: ServerKind }
  | { readonly name: 'server'; readonly set: 'deflate'; readonly deflate: ServerDeflate }
  | { readonly name: 'server'; readonly set: 'protocols'; readonly protocols: readonly string[] }
  /** The Origins the server lets in (null: any), RFC 6455 §10.2; origins.ts. */
  | { readonly name: 'server'; readonly set: 'origins'; readonly origins: readonly string[] | null }
  /** The SameSite attribute of the bank's session cookie; origins.ts. */
  | { readonly name: 'server'; readonly set: 'samesite'; readonly sameSite: SameSite }
  | { readonly name: 'dump'; readonly on: boolean }
  | { readonly name: 'reset' }
  | { readonly name: 'help'; readonly topic: string | undefined }
  | { readonly name: 'clear' };

export type CommandName = Command['name'];

/**
 * The catalog keys this module speaks with and their parameters; the app's catalogs (src/i18n) are
 * type-checked to translate every one of them with exactly these placeholders.
 */
export type CommandTexts = { readonly [N in CommandName as `con.cmd.${N}`]: Record<never, never> } & {
  readonly 'con.err.empty': Record<never, never>;
  readonly 'con.err.needHex': Record<never, never>;
  readonly 'con.err.notHex': { readonly char: string; readonly pos: number };
  readonly 'con.err.oddHex': Record<never, never>;
  readonly 'con.err.tooLong': { readonly max: number };
  readonly 'con.err.needValue': { readonly option: string };
  readonly 'con.err.unknownOption': { readonly option: string };
  readonly 'con.err.path': { readonly path: string };
  readonly 'con.err.unexpected': { readonly word: string };
  readonly 'con.err.pathTooLong': { readonly bytes: number; readonly max: number };
  readonly 'con.err.pathControl': { readonly name: string; readonly pos: number };
  readonly 'con.err.pathSpace': Record<never, never>;
  readonly 'con.err.optionControl': { readonly option: string; readonly name: string; readonly pos: number };
  readonly 'con.err.protocolToken': { readonly value: string };
  readonly 'con.err.protocolTwice': { readonly value: string };
  readonly 'con.err.deflateParam': { readonly name: string };
  readonly 'con.err.deflateTwice': { readonly name: string };
  readonly 'con.err.deflateFlag': { readonly name: string };
  readonly 'con.err.deflateBits': { readonly name: string; readonly value: string };
  readonly 'con.err.deflateNeedBits': { readonly name: string };
  readonly 'con.err.keyTooLong': { readonly max: number };
  readonly 'con.err.versionTooLong': { readonly max: number };
  readonly 'con.err.valueTooLong': { readonly option: string; readonly bytes: number; readonly max: number };
  readonly 'con.err.nothingToSend': Record<never, never>;
  readonly 'con.err.pingTooLong': Record<never, never>;
  readonly 'con.err.closeCode': { readonly word: string };
  readonly 'con.err.frag': Record<never, never>;
  readonly 'con.err.latency': Record<never, never>;
  readonly 'con.err.mss': Record<never, never>;
  readonly 'con.err.window': { readonly max: number };
  readonly 'con.err.reader': Record<never, never>;
  readonly 'con.err.flood': { readonly maxCount: number; readonly maxBytes: number; readonly total: number };
  readonly 'con.err.server': Record<never, never>;
  readonly 'con.err.serverDeflate': Record<never, never>;
  readonly 'con.err.serverProtocols': Record<never, never>;
  readonly 'con.err.dump': Record<never, never>;
  readonly 'con.err.serverOrigins': Record<never, never>;
  readonly 'con.err.originForm': { readonly value: string };
  readonly 'con.err.serverSameSite': Record<never, never>;
  readonly 'con.err.unknown': { readonly word: string };
  readonly 'con.err.middlebox': Record<never, never>;
  readonly 'con.err.middleboxMs': { readonly word: string; readonly min: number; readonly max: number };
  readonly 'con.err.heartbeat': Record<never, never>;
  /** A deadline at least as long as the interval: a second ping leaves before the first is judged. */
  readonly 'con.err.heartbeatDeadline': { readonly every: number; readonly timeout: number };
};
export type CommandTextId = keyof CommandTexts;
const say = messagesOf<CommandTexts>();

export interface CommandInfo {
  readonly name: CommandName;
  readonly usage: string;
  readonly help: Text<CommandTextId>;
}

export const MIDDLEBOX_USAGE = 'middlebox idle <ms> [drop|reset] | middlebox nat <ms> | middlebox off';
export const HEARTBEAT_USAGE = 'ping every <ms> [timeout <ms>] | ping off';
/** Timers from 100 ms (a few round trips at the default latency) to an hour of virtual time. */
export const MIN_TIMER_MS = 100;
export const MAX_TIMER_MS = 3_600_000;
/** With no deadline given, half the interval: a pong is due long before the next ping leaves. */
const defaultDeadline = (everyMs: number): number => Math.max(MIN_TIMER_MS, Math.floor(everyMs / 2));

export const COMMANDS: readonly CommandInfo[] = [
  {
    name: 'connect',
    usage: 'connect [path] [--protocol p[,p…]]… [--deflate[=params]] [--origin o] [--version v] [--key k]',
    help: say('con.cmd.connect'),
  },
  { name: 'send', usage: 'send <text>', help: say('con.cmd.send') },
  { name: 'binary', usage: 'binary <hex>', help: say('con.cmd.binary') },
  {
    name: 'ping',
    usage: 'ping [text] | ping every <ms> [timeout <ms>] | ping off',
    help: say('con.cmd.ping'),
  },
  { name: 'close', usage: 'close [code] [reason]', help: say('con.cmd.close') },
  { name: 'frag', usage: 'frag <text> <n>', help: say('con.cmd.frag') },
  { name: 'raw', usage: 'raw <hex>', help: say('con.cmd.raw') },
  { name: 'latency', usage: 'latency <ms>', help: say('con.cmd.latency') },
  { name: 'mss', usage: 'mss <bytes>', help: say('con.cmd.mss') },
  {
    name: 'server',
    usage: 'server echo|chat|ticker|reject|bank|deflate …|protocols …|origins …|samesite …',
    help: say('con.cmd.server'),
  },
  { name: 'middlebox', usage: MIDDLEBOX_USAGE, help: say('con.cmd.middlebox') },
  { name: 'window', usage: 'window <bytes>', help: say('con.cmd.window') },
  { name: 'reader', usage: 'reader fast|slow <KB/s>|pause', help: say('con.cmd.reader') },
  { name: 'flood', usage: 'flood <count> <bytes>', help: say('con.cmd.flood') },
  { name: 'dump', usage: 'dump on|off', help: say('con.cmd.dump') },
  { name: 'reset', usage: 'reset', help: say('con.cmd.reset') },
  { name: 'clear', usage: 'clear', help: say('con.cmd.clear') },
  { name: 'help', usage: 'help [command]', help: say('con.cmd.help') },
];

export const MAX_COMMAND_BYTES = 1024 * 1024;

/** `flood`: at most this many messages, each at most this big, and at most MAX_COMMAND_BYTES in all. */
export const MAX_FLOOD_COUNT = 1000;
export const MAX_FLOOD_BYTES = 65536;
/** `reader slow`: kilobytes (1,000 bytes) per second, up to a gigabyte a second. */
export const MAX_READER_KBPS = 1_000_000;

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly error: Text<CommandTextId>; readonly usage?: string };

/** The two settings forms of `server`, given as the usage when one of them is mistyped. */
export const SERVER_DEFLATE_USAGE =
  'server deflate on|off [--no-context-takeover] [--client-no-context-takeover] [--max-window-bits n] [--client-max-window-bits n]';
export const SERVER_PROTOCOLS_USAGE = 'server protocols p[,p…]|none';
export const SERVER_ORIGINS_USAGE = 'server origins https://bank.example[,…]|any';
export const SERVER_SAMESITE_USAGE = 'server samesite none|lax|strict';

function usageOf(name: CommandName): string {
  return COMMANDS.find((c) => c.name === name)!.usage;
}

/** Split on spaces, keeping "quoted strings" together (quotes removed). */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}

/** The text after the command word, with one pair of surrounding quotes removed. */
function restOf(line: string, word: string): string {
  const rest = line.trimStart().slice(word.length).trim();
  const q = /^(["'])([\s\S]*)\1$/.exec(rest);
  return q ? q[2]! : rest;
}

function bad(name: CommandName, error: Text<CommandTextId>): ParsedCommand {
  return { ok: false, error, usage: usageOf(name) };
}

function hexArg(name: CommandName, text: string): ParsedCommand | Uint8Array {
  if (!text.trim()) return bad(name, say('con.err.needHex'));
  const r = parseHex(text, MAX_COMMAND_BYTES);
  if (!r.ok) {
    return r.error.kind === 'not-hex'
      ? bad(name, say('con.err.notHex', { char: r.error.char, pos: r.error.index + 1 }))
      : bad(name, say('con.err.oddHex'));
  }
  if (r.truncated) return bad(name, say('con.err.tooLong', { max: MAX_COMMAND_BYTES }));
  return r.bytes;
}

// ── connect's arguments: what a browser's WebSocket() would never put in a request ──────────────

/** A path longer than this is refused (its HTTP summary is printed, and a link step is 1 KiB anyway). */
export const MAX_CONNECT_PATH_BYTES = 1024;
/** --origin and each --protocol: a header field value of at most this many bytes. */
export const MAX_CONNECT_VALUE_BYTES = 1024;
/** --key: a real one is 24 characters (base64 of 16 bytes, RFC 6455 §4.1); a lesson may want a bad one. */
export const MAX_CONNECT_KEY_CHARS = 64;
/** --version: a real one is 13; a lesson may want 8, or a word, to see 426. */
export const MAX_CONNECT_VERSION_CHARS = 16;

/** RFC 9110 §5.6.2: token = 1*tchar, the shape of a subprotocol name (RFC 6455 §4.1). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The first C0 or C1 control character or DEL in `s`, named ("CR", "LF", "U+001B"), with its index. */
function firstControl(s: string): { name: string; index: number } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      const name =
        c === 0x0d
          ? 'CR'
          : c === 0x0a
            ? 'LF'
            : c === 0x00
              ? 'NUL'
              : c === 0x09
                ? 'TAB'
                : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return { name, index: i };
    }
  }
  return null;
}

const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** Why `connect`'s path cannot be sent as a request-target, or null. */
function connectPathError(path: string): ParsedCommand | null {
  if (!path.startsWith('/')) return bad('connect', say('con.err.path', { path: path.slice(0, 40) }));
  const bytes = byteLength(path);
  if (bytes > MAX_CONNECT_PATH_BYTES)
    return bad('connect', say('con.err.pathTooLong', { bytes, max: MAX_CONNECT_PATH_BYTES }));
  const ctl = firstControl(path);
  if (ctl) return bad('connect', say('con.err.pathControl', { name: ctl.name, pos: ctl.index + 1 }));
  if (/\s/.test(path)) return bad('connect', say('con.err.pathSpace'));
  return null;
}

/** Why a `connect --option value` cannot be sent in a header field, or null. */
function connectOptionError(option: string, value: string): ParsedCommand | null {
  const ctl = firstControl(value);
  if (ctl)
    return bad('connect', say('con.err.optionControl', { option, name: ctl.name, pos: ctl.index + 1 }));
  if (option === '--protocol' && !TOKEN.test(value))
    return bad('connect', say('con.err.protocolToken', { value: value.slice(0, 40) }));
  if (option === '--key' && value.length > MAX_CONNECT_KEY_CHARS)
    return bad('connect', say('con.err.keyTooLong', { max: MAX_CONNECT_KEY_CHARS }));
  if (option === '--version' && value.length > MAX_CONNECT_VERSION_CHARS)
    return bad('connect', say('con.err.versionTooLong', { max: MAX_CONNECT_VERSION_CHARS }));
  const bytes = byteLength(value);
  if (bytes > MAX_CONNECT_VALUE_BYTES)
    return bad(
      'connect',
      say('con.err.valueTooLong', { option: option.slice(0, 40), bytes, max: MAX_CONNECT_VALUE_BYTES }),
    );
  return null;
}

// ── permessage-deflate: the offer `connect --deflate=…` makes, the policy `server deflate …` sets ──

/** "8" … "15", as RFC 7692 §7.1.2 writes window bits (1*DIGIT, no sign, no leading zero). */
function windowBitsOf(value: string): WindowBits | null {
  return /^(?:[89]|1[0-5])$/.test(value) ? (Number(value) as WindowBits) : null;
}

const DEFLATE_PARAMS = [
  'server_no_context_takeover',
  'client_no_context_takeover',
  'server_max_window_bits',
  'client_max_window_bits',
] as const;

/**
 * `client_no_context_takeover,server_max_window_bits=10`: the offer's parameters as the header writes
 * them (`,` or `;` between them), held to RFC 7692 §7.1's rules here, so a learner sees the rule at
 * the prompt rather than a server declining the offer.
 */
function deflateOffer(text: string): DeflateOffer | ParsedCommand {
  const offer: {
    serverNoContextTakeover?: boolean;
    clientNoContextTakeover?: boolean;
    serverMaxWindowBits?: WindowBits;
    clientMaxWindowBits?: WindowBits | true;
  } = {};
  const seen = new Set<string>();
  for (const piece of text.split(/[,;]/)) {
    const item = piece.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? null : item.slice(eq + 1).trim();
    const shown = name.slice(0, 40);
    if (!(DEFLATE_PARAMS as readonly string[]).includes(name))
      return bad('connect', say('con.err.deflateParam', { name: shown }));
    if (seen.has(name)) return bad('connect', say('con.err.deflateTwice', { name: shown }));
    seen.add(name);
    if (name === 'server_no_context_takeover' || name === 'client_no_context_takeover') {
      if (value !== null) return bad('connect', say('con.err.deflateFlag', { name }));
      if (name === 'server_no_context_takeover') offer.serverNoContextTakeover = true;
      else offer.clientNoContextTakeover = true;
      continue;
    }
    // §7.1.2.2: a client may offer client_max_window_bits without a value; §7.1.2.1 gives
    // server_max_window_bits always with one.
    if (value === null) {
      if (name === 'client_max_window_bits') {
        offer.clientMaxWindowBits = true;
        continue;
      }
      return bad('connect', say('con.err.deflateNeedBits', { name }));
    }
    const bits = windowBitsOf(value);
    if (bits === null) return bad('connect', say('con.err.deflateBits', { name, value: value.slice(0, 20) }));
    if (name === 'server_max_window_bits') offer.serverMaxWindowBits = bits;
    else offer.clientMaxWindowBits = bits;
  }
  return offer;
}

/** `server deflate on [--no-context-takeover] [--max-window-bits 10] …` or `server deflate off`. */
function serverDeflate(args: readonly string[]): ParsedCommand {
  const fail = (error: Text<CommandTextId>): ParsedCommand => ({
    ok: false,
    error,
    usage: SERVER_DEFLATE_USAGE,
  });
  const onOff = args[0]?.toLowerCase();
  if (onOff !== 'on' && onOff !== 'off') return fail(say('con.err.serverDeflate'));
  if (onOff === 'off') {
    if (args.length > 1) return fail(say('con.err.unexpected', { word: args[1]!.slice(0, 40) }));
    return { ok: true, command: { name: 'server', set: 'deflate', deflate: { on: false } } };
  }
  const policy: {
    serverNoContextTakeover?: boolean;
    clientNoContextTakeover?: boolean;
    serverMaxWindowBits?: WindowBits;
    clientMaxWindowBits?: WindowBits;
  } = {};
  for (let i = 1; i < args.length; i++) {
    const w = args[i]!.toLowerCase();
    if (w === '--no-context-takeover') policy.serverNoContextTakeover = true;
    else if (w === '--client-no-context-takeover') policy.clientNoContextTakeover = true;
    else if (w === '--max-window-bits' || w === '--client-max-window-bits') {
      const value = args[i + 1];
      if (value === undefined) return fail(say('con.err.needValue', { option: w }));
      i++;
      const bits = windowBitsOf(value);
      if (bits === null) return fail(say('con.err.deflateBits', { name: w, value: value.slice(0, 20) }));
      if (w === '--max-window-bits') policy.serverMaxWindowBits = bits;
      else policy.clientMaxWindowBits = bits;
    } else if (w.startsWith('--')) return fail(say('con.err.unknownOption', { option: w.slice(0, 40) }));
    else return fail(say('con.err.unexpected', { word: w.slice(0, 40) }));
  }
  const deflate: ServerDeflate = { on: true, policy: policy as DeflatePolicy };
  return { ok: true, command: { name: 'server', set: 'deflate', deflate } };
}

/** `server protocols chat,superchat` (its order of preference), or `server protocols none`. */
function serverProtocols(args: readonly string[]): ParsedCommand {
  const fail = (error: Text<CommandTextId>): ParsedCommand => ({
    ok: false,
    error,
    usage: SERVER_PROTOCOLS_USAGE,
  });
  const list = args
    .join(',')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0) return fail(say('con.err.serverProtocols'));
  if (list.length === 1 && list[0]!.toLowerCase() === 'none')
    return { ok: true, command: { name: 'server', set: 'protocols', protocols: [] } };
  const protocols: string[] = [];
  for (const p of list) {
    if (!TOKEN.test(p) || byteLength(p) > MAX_CONNECT_VALUE_BYTES)
      return fail(say('con.err.protocolToken', { value: p.slice(0, 40) }));
    if (protocols.includes(p)) return fail(say('con.err.protocolTwice', { value: p.slice(0, 40) }));
    protocols.push(p);
  }
  return { ok: true, command: { name: 'server', set: 'protocols', protocols } };
}

/**
 * `server origins https://bank.example,https://www.bank.example` (the allow-list) or `server origins any`.
 * Each entry is a serialized origin, as a browser writes it in `Origin` (RFC 6454 §6.2): a server compares
 * them as strings, so `https://bank.example/` (a path) would never match and is refused here.
 */
function serverOrigins(args: readonly string[]): ParsedCommand {
  const fail = (error: Text<CommandTextId>): ParsedCommand => ({
    ok: false,
    error,
    usage: SERVER_ORIGINS_USAGE,
  });
  const list = args
    .join(',')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0) return fail(say('con.err.serverOrigins'));
  if (list.length === 1 && list[0]!.toLowerCase() === 'any')
    return { ok: true, command: { name: 'server', set: 'origins', origins: null } };
  const origins: string[] = [];
  for (const o of list) {
    if (!parseOrigin(o)) return fail(say('con.err.originForm', { value: o.slice(0, 60) }));
    if (!origins.includes(o)) origins.push(o);
  }
  return { ok: true, command: { name: 'server', set: 'origins', origins } };
}

function serverSameSite(args: readonly string[]): ParsedCommand {
  const v = args[0]?.toLowerCase();
  if (args.length !== 1 || !(SAME_SITES as readonly (string | undefined)[]).includes(v))
    return { ok: false, error: say('con.err.serverSameSite'), usage: SERVER_SAMESITE_USAGE };
  return { ok: true, command: { name: 'server', set: 'samesite', sameSite: v as SameSite } };
}

/** `middlebox idle 60000 reset`, `middlebox nat 30000`, `middlebox off`. */
function middlebox(args: readonly string[]): ParsedCommand {
  const fail = (error: Text<CommandTextId>): ParsedCommand => ({ ok: false, error, usage: MIDDLEBOX_USAGE });
  const what = args[0]?.toLowerCase();
  const ms = (word: string | undefined): number | ParsedCommand => {
    const n = intArg(word, MIN_TIMER_MS, MAX_TIMER_MS);
    return (
      n ??
      fail(
        say('con.err.middleboxMs', { word: (word ?? '').slice(0, 20), min: MIN_TIMER_MS, max: MAX_TIMER_MS }),
      )
    );
  };
  if (what === 'off' && args.length === 1)
    return { ok: true, command: { name: 'middlebox', middlebox: null } };
  if (what === 'idle' && args.length >= 2 && args.length <= 3) {
    const idleMs = ms(args[1]);
    if (typeof idleMs !== 'number') return idleMs;
    const mode = (args[2] ?? 'drop').toLowerCase();
    if (mode !== 'drop' && mode !== 'reset')
      return fail(say('con.err.unexpected', { word: args[2]!.slice(0, 40) }));
    return {
      ok: true,
      command: { name: 'middlebox', middlebox: { kind: 'idle-timeout', idleMs, onIdle: mode } },
    };
  }
  if (what === 'nat' && args.length === 2) {
    const mappingMs = ms(args[1]);
    if (typeof mappingMs !== 'number') return mappingMs;
    return { ok: true, command: { name: 'middlebox', middlebox: { kind: 'nat', mappingMs } } };
  }
  return fail(say('con.err.middlebox'));
}

/** `ping every 30000 [timeout 10000]` or `ping off`; null: not a heartbeat line (an ordinary ping). */
function heartbeat(words: readonly string[]): ParsedCommand | null {
  const what = words[1]?.toLowerCase();
  if (what === 'off' && words.length === 2) return { ok: true, command: { name: 'ping', heartbeat: null } };
  if (what !== 'every') return null;
  const fail = (error: Text<CommandTextId>): ParsedCommand => ({ ok: false, error, usage: HEARTBEAT_USAGE });
  const everyMs = intArg(words[2], MIN_TIMER_MS, MAX_TIMER_MS);
  if (everyMs === null || (words.length !== 3 && words.length !== 5)) return fail(say('con.err.heartbeat'));
  let timeoutMs = defaultDeadline(everyMs);
  if (words.length === 5) {
    const t = words[3]!.toLowerCase() === 'timeout' ? intArg(words[4], MIN_TIMER_MS, MAX_TIMER_MS) : null;
    if (t === null) return fail(say('con.err.heartbeat'));
    timeoutMs = t;
  }
  if (timeoutMs >= everyMs)
    return fail(say('con.err.heartbeatDeadline', { every: everyMs, timeout: timeoutMs }));
  return { ok: true, command: { name: 'ping', heartbeat: { everyMs, timeoutMs } } };
}

function intArg(s: string | undefined, min: number, max: number): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

export function parseCommand(line: string): ParsedCommand {
  const words = tokenize(line);
  const word = words[0]?.toLowerCase();
  if (!word) return { ok: false, error: say('con.err.empty') };
  const raw0 = line.trimStart().split(/\s+/)[0]!;
  switch (word) {
    case 'connect': {
      const options: {
        path?: string;
        protocols: string[];
        origin?: string;
        version?: string;
        key?: string;
        deflate?: DeflateOffer;
      } = { protocols: [] };
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!;
        const value = words[i + 1];
        if (w === '--deflate' || w.startsWith('--deflate=')) {
          // A flag (what a browser offers) or `--deflate=params`: the word after it may be the path.
          const offer =
            w === '--deflate' ? BROWSER_DEFLATE_OFFER : deflateOffer(w.slice('--deflate='.length));
          if ('ok' in offer) return offer;
          options.deflate = offer;
        } else if (w.startsWith('--')) {
          if (value === undefined) return bad('connect', say('con.err.needValue', { option: w }));
          i++;
          if (w !== '--protocol' && w !== '--origin' && w !== '--version' && w !== '--key')
            return bad('connect', say('con.err.unknownOption', { option: w.slice(0, 40) }));
          // --protocol is checked name by name below: it may be a comma-separated list.
          const wrong = w === '--protocol' ? null : connectOptionError(w, value);
          if (wrong) return wrong;
          if (w === '--protocol') {
            // `--protocol chat,superchat` is the list as the header writes it (RFC 6455 §4.1).
            for (const p of value.split(',').map((x) => x.trim())) {
              const wrongName = connectOptionError(w, p);
              if (wrongName) return wrongName;
              if (options.protocols.includes(p))
                return bad('connect', say('con.err.protocolTwice', { value: p.slice(0, 40) }));
              options.protocols.push(p);
            }
          } else if (w === '--origin') options.origin = value;
          else if (w === '--version') options.version = value;
          else options.key = value;
        } else if (options.path === undefined) {
          const wrong = connectPathError(w);
          if (wrong) return wrong;
          options.path = w;
        } else return bad('connect', say('con.err.unexpected', { word: w.slice(0, 40) }));
      }
      return { ok: true, command: { name: 'connect', options } };
    }
    case 'send': {
      const text = restOf(line, raw0);
      if (!text) return bad('send', say('con.err.nothingToSend'));
      return { ok: true, command: { name: 'send', text } };
    }
    case 'binary':
    case 'raw': {
      const b = hexArg(word, restOf(line, raw0));
      return b instanceof Uint8Array ? { ok: true, command: { name: word, bytes: b } } : b;
    }
    case 'ping': {
      const hb = heartbeat(words);
      if (hb) return hb;
      const text = restOf(line, raw0);
      if (new TextEncoder().encode(text).length > 125) return bad('ping', say('con.err.pingTooLong'));
      return { ok: true, command: { name: 'ping', text } };
    }
    case 'close': {
      const codeWord = words[1];
      if (codeWord === undefined)
        return { ok: true, command: { name: 'close', code: undefined, reason: '' } };
      const code = intArg(codeWord, 0, 65535);
      if (code === null) return bad('close', say('con.err.closeCode', { word: codeWord }));
      const reason = restOf(line.trimStart().slice(raw0.length).trimStart(), codeWord);
      return { ok: true, command: { name: 'close', code, reason } };
    }
    case 'frag': {
      const n = intArg(words.at(-1), 1, 1000);
      const body = line.trimStart().slice(raw0.length).trim();
      const text = body
        .slice(0, body.lastIndexOf(words.at(-1) ?? ''))
        .trim()
        .replace(/^(["'])([\s\S]*)\1$/, '$2');
      if (words.length < 3 || n === null || !text) return bad('frag', say('con.err.frag'));
      return { ok: true, command: { name: 'frag', text, count: n } };
    }
    case 'latency': {
      const ms = intArg(words[1], 0, 10_000);
      if (ms === null) return bad('latency', say('con.err.latency'));
      return { ok: true, command: { name: 'latency', ms } };
    }
    case 'mss': {
      const bytes = intArg(words[1], 1, 65495);
      if (bytes === null) return bad('mss', say('con.err.mss'));
      return { ok: true, command: { name: 'mss', bytes } };
    }
    case 'window': {
      const bytes = intArg(words[1], 1, MAX_WINDOW);
      if (bytes === null || words.length > 2)
        return bad('window', say('con.err.window', { max: MAX_WINDOW }));
      return { ok: true, command: { name: 'window', bytes } };
    }
    case 'reader': {
      const how = words[1]?.toLowerCase();
      if ((how === 'fast' || how === 'pause') && words.length === 2) {
        const reader: Reader = how === 'fast' ? { kind: 'instant' } : { kind: 'paused' };
        return { ok: true, command: { name: 'reader', reader } };
      }
      const kbps = how === 'slow' && words.length === 3 ? intArg(words[2], 1, MAX_READER_KBPS) : null;
      if (kbps === null) return bad('reader', say('con.err.reader'));
      return { ok: true, command: { name: 'reader', reader: { kind: 'rate', bytesPerSecond: kbps * 1000 } } };
    }
    case 'flood': {
      const count = intArg(words[1], 1, MAX_FLOOD_COUNT);
      const bytes = intArg(words[2], 1, MAX_FLOOD_BYTES);
      if (count === null || bytes === null || words.length > 3 || count * bytes > MAX_COMMAND_BYTES)
        return bad(
          'flood',
          say('con.err.flood', {
            maxCount: MAX_FLOOD_COUNT,
            maxBytes: MAX_FLOOD_BYTES,
            total: MAX_COMMAND_BYTES,
          }),
        );
      return { ok: true, command: { name: 'flood', count, bytes } };
    }
    case 'server': {
      const what = words[1]?.toLowerCase();
      if (what === 'deflate') return serverDeflate(words.slice(2));
      if (what === 'protocols') return serverProtocols(words.slice(2));
      if (what === 'origins') return serverOrigins(words.slice(2));
      if (what === 'samesite') return serverSameSite(words.slice(2));
      const kind = what as ServerKind | undefined;
      if (!kind || !SERVER_KINDS.includes(kind) || words.length > 2)
        return bad('server', say('con.err.server'));
      return { ok: true, command: { name: 'server', set: 'kind', kind } };
    }
    case 'middlebox':
      return middlebox(words.slice(1));
    case 'dump': {
      const v = words[1]?.toLowerCase();
      if (v !== 'on' && v !== 'off') return bad('dump', say('con.err.dump'));
      return { ok: true, command: { name: 'dump', on: v === 'on' } };
    }
    case 'reset':
    case 'clear':
      return { ok: true, command: { name: word } };
    case 'help':
      return { ok: true, command: { name: 'help', topic: words[1]?.toLowerCase() } };
    default:
      return { ok: false, error: say('con.err.unknown', { word: words[0]!.slice(0, 40) }) };
  }
}

/** Command words that start with `prefix`, for tab completion. */
export function complete(prefix: string): string[] {
  const p = prefix.trimStart().toLowerCase();
  if (p.includes(' ')) {
    const [word, arg = ''] = p.split(/\s+/, 2);
    if (word === 'server') {
      const parts = p.split(/\s+/);
      if (parts.length === 3 && parts[1] === 'deflate')
        return ['on', 'off'].filter((k) => k.startsWith(parts[2]!)).map((k) => `server deflate ${k}`);
      if (parts.length === 3 && parts[1] === 'samesite')
        return SAME_SITES.filter((k) => k.startsWith(parts[2]!)).map((k) => `server samesite ${k}`);
      if (parts.length > 2) return [];
      return [...SERVER_KINDS, 'deflate', 'protocols', 'origins', 'samesite']
        .filter((k) => k.startsWith(arg))
        .map((k) => `server ${k}`);
    }
    if (word === 'dump') return ['on', 'off'].filter((k) => k.startsWith(arg)).map((k) => `dump ${k}`);
    if (word === 'middlebox' && !p.slice('middlebox '.length).includes(' '))
      return ['idle', 'nat', 'off'].filter((k) => k.startsWith(arg)).map((k) => `middlebox ${k}`);
    if (word === 'reader' && p.split(/\s+/).length === 2)
      return ['fast', 'slow', 'pause'].filter((k) => k.startsWith(arg)).map((k) => `reader ${k}`);
    return [];
  }
  return COMMANDS.map((c) => c.name).filter((n) => n.startsWith(p));
}

/**
 * Run a world command. `reset`, `clear`, `dump` and `help` belong to the console itself and are
 * answered by the caller.
 */
export function runCommand(world: World, command: Command): CommandResult {
  switch (command.name) {
    case 'connect':
      return world.connect(command.options);
    case 'send':
      return world.send(command.text);
    case 'binary':
      return world.binary(command.bytes);
    case 'ping':
      if ('heartbeat' in command) {
        world.setHeartbeat(command.heartbeat);
        return { ok: true };
      }
      return world.ping(new TextEncoder().encode(command.text));
    case 'middlebox':
      world.setMiddlebox(command.middlebox);
      return { ok: true };
    case 'close':
      return world.close(command.code, command.reason);
    case 'frag':
      return world.frag(command.text, command.count);
    case 'raw':
      return world.raw(command.bytes);
    case 'latency':
      world.setLatency(command.ms);
      return { ok: true };
    case 'mss':
      world.setMss(command.bytes);
      return { ok: true };
    case 'window':
      world.setWindow(command.bytes);
      return { ok: true };
    case 'reader':
      world.setReader(command.reader);
      return { ok: true };
    case 'flood':
      return world.flood(command.count, command.bytes);
    case 'server':
      if (command.set === 'kind') world.setServer(command.kind);
      else if (command.set === 'deflate') world.setServerDeflate(command.deflate);
      else if (command.set === 'origins') world.setServerOrigins(command.origins);
      else if (command.set === 'samesite') world.setBankSameSite(command.sameSite);
      else world.setServerProtocols(command.protocols);
      return { ok: true };
    default:
      return { ok: true };
  }
}
