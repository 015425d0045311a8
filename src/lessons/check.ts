/**
 * Exercise checks: pure functions the page runs on what the learner entered. Frame and HTTP answers
 * are judged by the real engine (the receiver's verdict, the server's handshake check), so "correct"
 * means what a real peer would accept — and a wrong answer is told which rule it breaks.
 */
import {
  checkRequest,
  deflateParamsOf,
  errorText,
  headerValue,
  inspectBytes,
  messagesOf,
  parseExtensions,
  parseHex,
  parseRequestHead,
  toHex,
  HEAD_INCOMPLETE,
  type DeflateCodec,
  type DeflateParams,
  type ServerPolicy,
  type Text,
  type TextParam,
} from '../protocol/index.ts';
import type {
  Answer,
  Exercise,
  ExerciseServer,
  FrameExpect,
  HttpExpect,
  KeepaliveSpec,
  KeepaliveVerdict,
  Mistake,
} from './model.ts';

type None = Record<never, never>;
/**
 * The catalog keys of exercise feedback and their parameters (translated in src/i18n, checked against
 * this). `verdict` is the engine's own sentence for the rule the answer breaks, nested as a Text.
 */
export interface CheckTexts {
  readonly 'ls.check.withVerdict': { readonly sentence: TextParam; readonly verdict: TextParam };
  readonly 'ls.check.pick': None;
  readonly 'ls.check.notQuiteAll': None;
  readonly 'ls.check.notQuite': None;
  readonly 'ls.check.text': None;
  readonly 'ls.check.notNumber': None;
  readonly 'ls.check.unit': { readonly unit: string; readonly units: string };
  readonly 'ls.check.wrongNumber': { readonly value: string };
  readonly 'ls.check.notHex': { readonly char: string };
  readonly 'ls.check.oddHex': None;
  readonly 'ls.check.shouldReject': { readonly rule: string };
  readonly 'ls.check.rejects': None;
  readonly 'ls.check.incomplete': { readonly n: number };
  readonly 'ls.check.noBytes': None;
  readonly 'ls.check.closeCode': { readonly want: number; readonly got: number };
  readonly 'ls.check.closeCodeNone': { readonly want: number };
  readonly 'ls.check.closeCodeBrief': None;
  readonly 'ls.check.frames': { readonly want: number; readonly got: number };
  readonly 'ls.check.framesBrief': { readonly got: number };
  readonly 'ls.check.messages': { readonly want: number; readonly got: number };
  readonly 'ls.check.messagesBrief': { readonly got: number };
  readonly 'ls.check.dataFrames': { readonly want: number; readonly got: number; readonly control: number };
  readonly 'ls.check.dataFramesBrief': { readonly got: number; readonly control: number };
  readonly 'ls.check.maskKey': { readonly want: string; readonly got: string };
  readonly 'ls.check.maskKeyBrief': None;
  readonly 'ls.check.maskKeyZero': { readonly want: string };
  readonly 'ls.check.payload': { readonly want: string; readonly got: string };
  readonly 'ls.check.payloadBrief': None;
  readonly 'ls.check.payloadEmpty': { readonly want: string };
  readonly 'ls.check.headerGone': { readonly name: string };
  readonly 'ls.check.noFrame': None;
  readonly 'ls.check.prop': { readonly prop: TextParam; readonly want: string; readonly got: string };
  readonly 'ls.check.propBrief': { readonly prop: TextParam };
  readonly 'ls.check.prop.opcode': None;
  readonly 'ls.check.prop.fin': None;
  readonly 'ls.check.prop.masked': None;
  readonly 'ls.check.prop.length': None;
  readonly 'ls.check.prop.lengthForm': None;
  readonly 'ls.check.noText': { readonly text: string };
  readonly 'ls.check.noBinary': { readonly hex: string };
  readonly 'ls.check.malformed': { readonly detail: TextParam };
  readonly 'ls.check.status': { readonly want: number; readonly got: string };
  readonly 'ls.check.codec': None;
  readonly 'ls.check.notCompressed': None;
  readonly 'ls.check.protocol': { readonly want: string; readonly got: string };
  readonly 'ls.check.protocolNone': { readonly want: string };
  readonly 'ls.check.protocolBrief': None;
  readonly 'ls.check.noDeflate': None;
  readonly 'ls.check.deflateParam': { readonly param: string };
  readonly 'ls.check.deflateParamBrief': None;
  /** A keepalive exercise (lesson 15): the simulator's verdict on the learner's interval. */
  readonly 'ls.check.keepaliveDied': { readonly every: number; readonly at: number; readonly idle: number };
  readonly 'ls.check.keepaliveRange': { readonly min: number; readonly max: number };
  readonly 'ls.check.noSimulator': None;
}
export type CheckTextId = keyof CheckTexts;
const say = messagesOf<CheckTexts>();

/**
 * A wrong answer says why. The card puts the status word ("Not yet.") in front, so no reason starts
 * with one of its own (in Korean both were "아직 아닙니다", shown twice).
 */
export interface CheckFailure {
  readonly ok: false;
  /** Why, in full: for a frame, the field, the value wanted and the value found. */
  readonly reason: Text<CheckTextId>;
  /** What is wrong without the value wanted ("the opcode is not what the exercise asks"): see reasonShown. */
  readonly brief?: Text<CheckTextId>;
  /** The lesson's own nudge for this common wrong answer (inline HTML from the lesson file). */
  readonly nudge?: string;
}
export type CheckResult = { readonly ok: true } | CheckFailure;

const pass: CheckResult = { ok: true };
const fail = (reason: Text<CheckTextId>, brief?: Text<CheckTextId>): CheckFailure =>
  brief ? { ok: false, reason, brief } : { ok: false, reason };
/** A sentence followed by why: the engine's verdict, when there is one. */
const withVerdict = (sentence: Text<CheckTextId>, verdict: TextParam | null): Text<CheckTextId> =>
  verdict === null ? sentence : say('ls.check.withVerdict', { sentence, verdict });
const failWith = (sentence: Text<CheckTextId>, verdict: TextParam | null, brief?: Text<CheckTextId>): CheckFailure =>
  fail(withVerdict(sentence, verdict), brief && withVerdict(brief, verdict));

/**
 * Which reason the learner reads. The first failed try of a frame exercise names the field that is
 * wrong but not the value wanted, so the learner gets to find it (walkthrough 1.8: "the opcode should
 * be 0x2; it is 0x1" on the first Check was the answer); from the second failed try on, or once a hint
 * is open, the full reason. `failedTries` counts this one.
 */
export function reasonShown(r: CheckFailure, failedTries: number, hintsOpen: number): Text<CheckTextId> {
  return r.brief && failedTries <= 1 && hintsOpen === 0 ? r.brief : r.reason;
}

/**
 * What a check may need beyond the answer: the DEFLATE codec for an exercise judged "as if
 * permessage-deflate was negotiated". The page imports it (deflate/pako.ts) only for such an exercise,
 * so the course's other pages never load pako; tests pass it directly.
 */
export interface CheckEnv {
  readonly codec?: DeflateCodec;
  /** Runs the simulator for a `keepalive` exercise (sim/keepalive.ts); the lessons room cannot import it. */
  readonly keepalive?: (spec: KeepaliveSpec, everyMs: number) => KeepaliveVerdict;
}

/** Does checking this exercise need the DEFLATE codec (CheckEnv.codec)? */
export function needsCodec(ex: Exercise): boolean {
  return ex.kind === 'frame' && ex.deflate !== null;
}

/**
 * A Sec-WebSocket-Extensions answer as a lesson writes it ("permessage-deflate; server_no_context_takeover")
 * → the parameters both ends work with, by the client's own checks (RFC 7692 §7.1); null if it is not one.
 */
export function deflateParamsFrom(answer: string): DeflateParams | null {
  const parsed = parseExtensions(answer);
  if (!parsed.ok || parsed.elements.length !== 1) return null;
  const r = deflateParamsOf(parsed.elements[0]!);
  return r.ok ? r.params : null;
}

/** The engine's ServerPolicy for an exercise's server (its subprotocols, its permessage-deflate policy). */
export function policyOf(server: ExerciseServer): ServerPolicy {
  return {
    ...(server.protocols ? { protocols: server.protocols } : {}),
    ...(server.requireProtocol ? { requireProtocol: true } : {}),
    ...(server.perMessageDeflate ? { perMessageDeflate: server.perMessageDeflate } : {}),
    // The same rule as the playground's `server origins` (sim/origins.ts originAllowed): the exact
    // serialized origin, and a request without Origin is refused too.
    ...(server.origins
      ? { allowOrigin: (origin: string | null) => origin !== null && server.origins!.includes(origin) }
      : {}),
  };
}

export function checkExercise(ex: Exercise, answer: Answer, env: CheckEnv = {}): CheckResult {
  switch (ex.kind) {
    case 'choice': {
      if (typeof answer === 'string') return fail(say('ls.check.pick'));
      const got = [...new Set(answer)];
      if (got.length === 0) return fail(say('ls.check.pick'));
      if (sameSet(ex.answer, got)) return pass;
      const nudge = ex.mistakes.find((m) => sameSet(m.answer, got));
      return nudged(fail(say(ex.answer.length > 1 ? 'ls.check.notQuiteAll' : 'ls.check.notQuite')), nudge);
    }
    case 'text': {
      const a = String(answer);
      if (textMatches(ex, a, ex.answer)) return pass;
      const nudge = ex.mistakes.find((m) => textMatches(ex, a, m.answer) || loose(ex, a) === loose(ex, m.answer));
      if (nudge) return nudged(fail(say('ls.check.text')), nudge);
      if (ex.match === 'hex') {
        const parsed = parseHex(bare(ex, a));
        if (!parsed.ok && parsed.error.kind === 'not-hex')
          return fail(say('ls.check.notHex', { char: parsed.error.char }));
        if (!parsed.ok) return fail(say('ls.check.oddHex'));
      }
      return fail(say('ls.check.text'));
    }
    case 'number': {
      const n = readNumber(String(answer), ex.units);
      if (n.kind === 'not-number') return fail(say('ls.check.notNumber'));
      if (n.kind === 'unit') return fail(say('ls.check.unit', { unit: n.unit, units: ex.units.join(', ') }));
      if (ex.keepalive) return checkKeepalive(ex, ex.keepalive, n.value, env);
      if (n.value === ex.answer) return pass;
      const nudge = ex.mistakes.find((m) => m.answer === n.value);
      return nudged(fail(say('ls.check.wrongNumber', { value: n.text })), nudge);
    }
    case 'frame': {
      if (ex.deflate === null) return checkFrame(ex.expect, ex.dir, String(answer), null);
      const params = deflateParamsFrom(ex.deflate);
      // parse.ts refuses a lesson whose `deflate` is not a valid answer; the codec is the page's to load.
      if (!params || !env.codec) return fail(say('ls.check.codec'));
      return checkFrame(ex.expect, ex.dir, String(answer), { codec: env.codec, params });
    }
    case 'http':
      return checkHttp(ex.expect, ex.server, String(answer));
  }
}

/** The simulator runs the learner's interval: the connection is open at the end, or it is not yet. */
function checkKeepalive(
  ex: Extract<Exercise, { kind: 'number' }>,
  spec: KeepaliveSpec,
  everyMs: number,
  env: CheckEnv,
): CheckResult {
  if (!env.keepalive) return fail(say('ls.check.noSimulator'));
  const v = env.keepalive(spec, everyMs);
  if (v.kind === 'open') return pass;
  if (v.kind === 'out-of-range') return fail(say('ls.check.keepaliveRange', { min: v.min, max: v.max }));
  const nudge = ex.mistakes.find((m) => m.answer === everyMs);
  return nudged(
    fail(say('ls.check.keepaliveDied', { every: everyMs, at: Math.round(v.at), idle: spec.idleMs })),
    nudge,
  );
}

function nudged(r: CheckFailure, m: Mistake<unknown> | undefined): CheckFailure {
  return m ? { ...r, nudge: m.hint } : r;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Quotes a learner may type or paste around an answer, opening → closing. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’' };

/**
 * The answer itself, as a learner may write it: without surrounding whitespace, without quotes around
 * it, and without the header name in front when the exercise asks for a header's value
 * ("Sec-WebSocket-Accept: H+Ff…=" answers "what Sec-WebSocket-Accept must the server send?").
 */
function bare(ex: { readonly field: string | null }, input: string): string {
  let s = input.trim();
  if (ex.field && s.toLowerCase().startsWith(ex.field.toLowerCase())) {
    const rest = s.slice(ex.field.length).trimStart();
    if (rest.startsWith(':')) s = rest.slice(1).trim();
  }
  const close = QUOTES[s.charAt(0)];
  if (close !== undefined && s.length >= 2 && s.endsWith(close)) s = s.slice(1, -1).trim();
  return s;
}

type TextExercise = Extract<Exercise, { kind: 'text' }>;

/** Is `input` the same answer as `expected`, as this exercise compares them? (see TextMatch) */
function textMatches(ex: TextExercise, input: string, expected: string): boolean {
  switch (ex.match) {
    case 'exact':
      return input === expected;
    case 'trim':
      return bare(ex, input) === expected.trim();
    case 'ignore-case':
      return bare(ex, input).toLowerCase() === expected.trim().toLowerCase();
    case 'hex': {
      const a = parseHex(bare(ex, input));
      const b = parseHex(expected);
      return a.ok && b.ok && a.bytes.length > 0 && toHex(a.bytes) === toHex(b.bytes);
    }
  }
}

/** For spotting a known mistake only (never for accepting): no spaces, no case. */
function loose(ex: TextExercise, s: string): string {
  return bare(ex, s).replace(/\s+/g, '').toLowerCase();
}

/** A number as a learner writes it: "2050", "2,050", "2050 ms", "2,050ms.", "8바이트". */
export type NumberReading =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'not-number' };

/**
 * Reads a number, optionally followed by one of `units` (compared without case; a space between is
 * optional). Commas are thousands separators, as the lessons write 2,050 ms; a final full stop is the
 * end of a sentence. A word that is not one of the units is named back to the learner. Linear in the
 * input: the full stops are trimmed with a loop, as a /\.+$/ would retry at every one of a long run
 * that does not reach the end (security review L2; tests/unit/linear-input.test.ts).
 */
export function readNumber(input: string, units: readonly string[]): NumberReading {
  let s = input.trim().replace(/,/g, '');
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 0x2e || s.charCodeAt(end - 1) === 0x3002)) end--;
  s = s.slice(0, end).trimEnd();
  const m = /^([-+]?\d+(?:\.\d+)?)\s*(.*)$/su.exec(s);
  if (!m) return { kind: 'not-number' };
  const text = m[1]!;
  const unit = m[2]!.trim().replace(/\s+/g, ' ');
  if (unit === '' || units.some((u) => u.trim().replace(/\s+/g, ' ').toLowerCase() === unit.toLowerCase()))
    return { kind: 'number', value: Number(text), text };
  return /^[\p{L}/]/u.test(unit) ? { kind: 'unit', unit } : { kind: 'not-number' };
}

const PROP_NAMES = {
  opcode: 'ls.check.prop.opcode',
  fin: 'ls.check.prop.fin',
  masked: 'ls.check.prop.masked',
  length: 'ls.check.prop.length',
  lengthForm: 'ls.check.prop.lengthForm',
} as const;

function checkFrame(
  expect: FrameExpect,
  dir: 'c2s' | 's2c',
  hex: string,
  deflate: { readonly codec: DeflateCodec; readonly params: DeflateParams } | null,
): CheckResult {
  const parsed = parseHex(hex, 1024 * 1024);
  if (!parsed.ok) {
    return parsed.error.kind === 'not-hex'
      ? fail(say('ls.check.notHex', { char: parsed.error.char }))
      : fail(say('ls.check.oddHex'));
  }
  const v = inspectBytes(parsed.bytes, dir, deflate ? { deflate } : {});
  const error = v.end.kind === 'error' ? v.end.error : null;
  const verdict = error ? errorText(error) : null;
  const failed = (sentence: Text<CheckTextId>): CheckResult => failWith(sentence, verdict);

  if (expect.error !== undefined && error?.rule !== expect.error) {
    return failed(say('ls.check.shouldReject', { rule: expect.error }));
  }
  if (expect.valid) {
    if (error) return failed(say('ls.check.rejects'));
    if (v.end.kind === 'need') return fail(say('ls.check.incomplete', { n: v.end.need }));
    if (v.frames.length === 0) return fail(say('ls.check.noBytes'));
  }
  const last = v.frames[v.frames.length - 1];
  const messages = v.events.flatMap((e) => (e.type === 'message' ? [e] : []));
  if (expect.closeCode !== undefined) {
    const closeFrame = v.events.find((e) => e.type === 'close-frame');
    const code = error?.answer.kind === 'close' ? error.answer.code : closeFrame?.type === 'close-frame' ? closeFrame.code : null;
    if (code !== expect.closeCode)
      return failWith(
        code === null
          ? say('ls.check.closeCodeNone', { want: expect.closeCode })
          : say('ls.check.closeCode', { want: expect.closeCode, got: code }),
        verdict,
        say('ls.check.closeCodeBrief'),
      );
  }
  // Before `frames`: two fragments and a ping are three frames but not three pieces of the message (§5.4).
  if (expect.dataFrames !== undefined) {
    const data = v.frames.filter((f) => f.header.opcode < 0x8).length;
    const control = v.frames.length - data;
    if (data !== expect.dataFrames)
      return failWith(
        say('ls.check.dataFrames', { want: expect.dataFrames, got: data, control }),
        verdict,
        say('ls.check.dataFramesBrief', { got: data, control }),
      );
  }
  if (expect.frames !== undefined && v.frames.length !== expect.frames)
    return failWith(
      say('ls.check.frames', { want: expect.frames, got: v.frames.length }),
      verdict,
      say('ls.check.framesBrief', { got: v.frames.length }),
    );
  if (expect.messages !== undefined && messages.length !== expect.messages)
    return failWith(
      say('ls.check.messages', { want: expect.messages, got: messages.length }),
      verdict,
      say('ls.check.messagesBrief', { got: messages.length }),
    );
  const actual: Readonly<Record<keyof typeof PROP_NAMES, unknown>> | null = last
    ? {
        opcode: last.header.opcode,
        fin: last.header.fin,
        masked: last.header.masked,
        length: last.header.payloadLength,
        lengthForm: last.header.lengthForm,
      }
    : null;
  for (const key of ['opcode', 'fin', 'masked', 'length', 'lengthForm'] as const) {
    if (expect[key] === undefined) continue;
    if (!actual) return failWith(say('ls.check.noFrame'), verdict);
    if (actual[key] !== expect[key]) {
      const show = (x: unknown): string => (key === 'opcode' ? `0x${Number(x).toString(16)}` : String(x));
      const prop = say(PROP_NAMES[key]);
      return fail(
        say('ls.check.prop', { prop, want: show(expect[key]), got: show(actual[key]) }),
        say('ls.check.propBrief', { prop }),
      );
    }
  }
  if (expect.maskKey !== undefined && last) {
    const want = toHex(parseHex(expect.maskKey).bytes);
    const key = last.header.maskKey;
    // §5.3 only asks the key to be unpredictable, so 00 00 00 00 is legal — and XORs nothing.
    if (key !== null && key.every((b) => b === 0)) return fail(say('ls.check.maskKeyZero', { want }));
    if (key === null || toHex(key) !== want)
      return fail(
        say('ls.check.maskKey', { want, got: key === null ? '—' : toHex(key) }),
        say('ls.check.maskKeyBrief'),
      );
  }
  if (expect.payload !== undefined && last) {
    const want = toHex(parseHex(expect.payload).bytes);
    const got = shortHex(last.payload);
    if (toHex(last.payload) !== want)
      return last.payload.length === 0
        ? fail(say('ls.check.payloadEmpty', { want }))
        : fail(say('ls.check.payload', { want, got }), say('ls.check.payloadBrief'));
  }
  if (expect.text !== undefined && !messages.some((m) => !m.binary && m.data === expect.text))
    return failed(say('ls.check.noText', { text: expect.text }));
  // RFC 7692 §6: a message is compressed when its first frame has RSV1; an uncompressed one is legal
  // on a compressed connection too, so "the receiver reads Hi" alone would not ask for compression.
  if (expect.compressed !== undefined && (messages[messages.length - 1]?.compressed === true) !== expect.compressed)
    return failed(say('ls.check.notCompressed'));
  if (expect.hex !== undefined) {
    const want = toHex(parseHex(expect.hex).bytes);
    if (!messages.some((m) => m.binary && toHex(m.data as Uint8Array) === want))
      return failed(say('ls.check.noBinary', { hex: want }));
  }
  return pass;
}

/** A payload as the reason shows it: in hex, the first 32 bytes (a control frame may carry 125). */
function shortHex(bytes: Uint8Array): string {
  return bytes.length > 32 ? `${toHex(bytes.subarray(0, 32))} …` : toHex(bytes);
}

/**
 * Lines as a learner types them (\n) → an HTTP/1.1 head (CRLF, ending in an empty line). Trailing
 * newlines are trimmed with a loop: the regex /\n+$/ retries at every newline of a run that does not
 * reach the end, so 40,000 newlines and an "x" took 2.3 s, on every keystroke (security review L2).
 */
export function httpBytes(text: string): Uint8Array {
  const unix = text.replace(/\r\n/g, '\n');
  let end = unix.length;
  while (end > 0 && unix.charCodeAt(end - 1) === 0x0a) end--;
  const lines = unix.slice(0, end).split('\n');
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n`);
}

function checkHttp(expect: HttpExpect, server: ExerciseServer, text: string): CheckResult {
  const parsed = parseRequestHead(httpBytes(text));
  let status: number;
  let rule: string | null = null;
  let why: TextParam | null = null;
  let protocol: string | null = null;
  let deflate: DeflateParams | null = null;
  if (parsed.kind !== 'head') {
    status = 400;
    rule = 'bad-http-head';
    why = say('ls.check.malformed', { detail: parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE });
  } else {
    const r = checkRequest(parsed.head, policyOf(server));
    status = r.ok ? 101 : r.response.status;
    if (r.ok) {
      protocol = r.accepted.protocol;
      deflate = r.accepted.deflate;
    } else {
      rule = r.error.rule;
      why = errorText(r.error);
    }
  }
  // A field the exercise asks to change, not delete: without it the request is malformed (§4.2.1),
  // though the engine, like many servers, answers a missing Sec-WebSocket-Version with 426 as well.
  const gone =
    parsed.kind === 'head' ? expect.present?.find((name) => !headerValue(parsed.head.headers, name)?.trim()) : undefined;
  if (gone !== undefined) return fail(say('ls.check.headerGone', { name: gone }));
  if (status !== expect.status || (expect.rule !== undefined && expect.rule !== rule)) {
    const got = status === 101 ? '101 Switching Protocols' : `HTTP ${status}`;
    return failWith(say('ls.check.status', { want: expect.status, got }), why);
  }
  // RFC 6455 §4.2.2 (step 5, /subprotocol/): the server picks one of the offered subprotocols, or none.
  if (expect.protocol !== undefined && protocol !== expect.protocol) {
    const want = expect.protocol ?? '';
    return fail(
      protocol === null ? say('ls.check.protocolNone', { want }) : say('ls.check.protocol', { want, got: protocol }),
      say('ls.check.protocolBrief'),
    );
  }
  if (expect.deflate !== undefined) {
    if (!deflate) return fail(say('ls.check.noDeflate'));
    for (const [key, want] of Object.entries(expect.deflate) as [keyof DeflateParams, unknown][]) {
      if (deflate[key] !== want)
        return fail(say('ls.check.deflateParam', { param: PARAM_NAMES[key] }), say('ls.check.deflateParamBrief'));
    }
  }
  return pass;
}

/** The RFC 7692 §7.1 parameter names, for saying which one the agreement lacks. */
const PARAM_NAMES: Readonly<Record<keyof DeflateParams, string>> = {
  serverNoContextTakeover: 'server_no_context_takeover',
  clientNoContextTakeover: 'client_no_context_takeover',
  serverMaxWindowBits: 'server_max_window_bits',
  clientMaxWindowBits: 'client_max_window_bits',
};
