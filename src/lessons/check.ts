/**
 * Exercise checks: pure functions the page runs on what the learner entered. Frame and HTTP answers
 * are judged by the real engine (the receiver's verdict, the server's handshake check), so "correct"
 * means what a real peer would accept — and a wrong answer is told which rule it breaks.
 */
import {
  checkRequest,
  errorText,
  inspectBytes,
  messagesOf,
  parseHex,
  parseRequestHead,
  toHex,
  HEAD_INCOMPLETE,
  type Text,
  type TextParam,
} from '../protocol/index.ts';
import type { Answer, Exercise, FrameExpect } from './model.ts';

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
  readonly 'ls.check.wrongNumber': { readonly value: string };
  readonly 'ls.check.notHex': { readonly char: string };
  readonly 'ls.check.oddHex': None;
  readonly 'ls.check.shouldReject': { readonly rule: string };
  readonly 'ls.check.rejects': None;
  readonly 'ls.check.incomplete': { readonly n: number };
  readonly 'ls.check.noBytes': None;
  readonly 'ls.check.closeCode': { readonly want: number; readonly got: number };
  readonly 'ls.check.closeCodeNone': { readonly want: number };
  readonly 'ls.check.frames': { readonly want: number; readonly got: number };
  readonly 'ls.check.messages': { readonly want: number; readonly got: number };
  readonly 'ls.check.noFrame': None;
  readonly 'ls.check.prop': { readonly prop: TextParam; readonly want: string; readonly got: string };
  readonly 'ls.check.prop.opcode': None;
  readonly 'ls.check.prop.fin': None;
  readonly 'ls.check.prop.masked': None;
  readonly 'ls.check.prop.length': None;
  readonly 'ls.check.prop.lengthForm': None;
  readonly 'ls.check.noText': { readonly text: string };
  readonly 'ls.check.noBinary': { readonly hex: string };
  readonly 'ls.check.malformed': { readonly detail: TextParam };
  readonly 'ls.check.status': { readonly want: number; readonly got: string };
}
export type CheckTextId = keyof CheckTexts;
const say = messagesOf<CheckTexts>();

export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly reason: Text<CheckTextId> };

const pass: CheckResult = { ok: true };
const fail = (reason: Text<CheckTextId>): CheckResult => ({ ok: false, reason });
/** A sentence followed by why: the engine's verdict, when there is one. */
const failWith = (sentence: Text<CheckTextId>, verdict: TextParam | null): CheckResult =>
  fail(verdict === null ? sentence : say('ls.check.withVerdict', { sentence, verdict }));

export function checkExercise(ex: Exercise, answer: Answer): CheckResult {
  switch (ex.kind) {
    case 'choice': {
      if (typeof answer === 'string') return fail(say('ls.check.pick'));
      const want = [...ex.answer].sort();
      const got = [...new Set(answer)].sort();
      if (got.length === 0) return fail(say('ls.check.pick'));
      if (want.length === got.length && want.every((v, i) => v === got[i])) return pass;
      return fail(say(want.length > 1 ? 'ls.check.notQuiteAll' : 'ls.check.notQuite'));
    }
    case 'text': {
      const a = String(answer);
      const norm = (s: string): string =>
        ex.match === 'exact' ? s : ex.match === 'ignore-case' ? s.trim().toLowerCase() : s.trim();
      return norm(a) === norm(ex.answer) ? pass : fail(say('ls.check.text'));
    }
    case 'number': {
      const s = String(answer).trim().replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(s)) return fail(say('ls.check.notNumber'));
      return Number(s) === ex.answer ? pass : fail(say('ls.check.wrongNumber', { value: s }));
    }
    case 'frame':
      return checkFrame(ex.expect, ex.dir, String(answer));
    case 'http':
      return checkHttp(ex.expect, String(answer));
  }
}

const PROP_NAMES = {
  opcode: 'ls.check.prop.opcode',
  fin: 'ls.check.prop.fin',
  masked: 'ls.check.prop.masked',
  length: 'ls.check.prop.length',
  lengthForm: 'ls.check.prop.lengthForm',
} as const;

function checkFrame(expect: FrameExpect, dir: 'c2s' | 's2c', hex: string): CheckResult {
  const parsed = parseHex(hex, 1024 * 1024);
  if (!parsed.ok) {
    return parsed.error.kind === 'not-hex'
      ? fail(say('ls.check.notHex', { char: parsed.error.char }))
      : fail(say('ls.check.oddHex'));
  }
  const v = inspectBytes(parsed.bytes, dir);
  const error = v.end.kind === 'error' ? v.end.error : null;
  const verdict = error ? errorText(error) : null;
  const withVerdict = (sentence: Text<CheckTextId>): CheckResult => failWith(sentence, verdict);

  if (expect.error !== undefined && error?.rule !== expect.error) {
    return withVerdict(say('ls.check.shouldReject', { rule: expect.error }));
  }
  if (expect.valid) {
    if (error) return withVerdict(say('ls.check.rejects'));
    if (v.end.kind === 'need') return fail(say('ls.check.incomplete', { n: v.end.need }));
    if (v.frames.length === 0) return fail(say('ls.check.noBytes'));
  }
  const last = v.frames[v.frames.length - 1];
  const messages = v.events.flatMap((e) => (e.type === 'message' ? [e] : []));
  if (expect.closeCode !== undefined) {
    const closeFrame = v.events.find((e) => e.type === 'close-frame');
    const code = error?.answer.kind === 'close' ? error.answer.code : closeFrame?.type === 'close-frame' ? closeFrame.code : null;
    if (code !== expect.closeCode)
      return withVerdict(
        code === null
          ? say('ls.check.closeCodeNone', { want: expect.closeCode })
          : say('ls.check.closeCode', { want: expect.closeCode, got: code }),
      );
  }
  if (expect.frames !== undefined && v.frames.length !== expect.frames)
    return withVerdict(say('ls.check.frames', { want: expect.frames, got: v.frames.length }));
  if (expect.messages !== undefined && messages.length !== expect.messages)
    return withVerdict(say('ls.check.messages', { want: expect.messages, got: messages.length }));
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
    if (!actual) return withVerdict(say('ls.check.noFrame'));
    if (actual[key] !== expect[key]) {
      const show = (x: unknown): string => (key === 'opcode' ? `0x${Number(x).toString(16)}` : String(x));
      return fail(say('ls.check.prop', { prop: say(PROP_NAMES[key]), want: show(expect[key]), got: show(actual[key]) }));
    }
  }
  if (expect.text !== undefined && !messages.some((m) => !m.binary && m.data === expect.text))
    return withVerdict(say('ls.check.noText', { text: expect.text }));
  if (expect.hex !== undefined) {
    const want = toHex(parseHex(expect.hex).bytes);
    if (!messages.some((m) => m.binary && toHex(m.data as Uint8Array) === want))
      return withVerdict(say('ls.check.noBinary', { hex: want }));
  }
  return pass;
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

function checkHttp(expect: { status: number; rule?: string }, text: string): CheckResult {
  const parsed = parseRequestHead(httpBytes(text));
  let status: number;
  let rule: string | null = null;
  let why: TextParam | null = null;
  if (parsed.kind !== 'head') {
    status = 400;
    rule = 'bad-http-head';
    why = say('ls.check.malformed', { detail: parsed.kind === 'error' ? parsed.detail : HEAD_INCOMPLETE });
  } else {
    const r = checkRequest(parsed.head, {});
    status = r.ok ? 101 : r.response.status;
    if (!r.ok) {
      rule = r.error.rule;
      why = errorText(r.error);
    }
  }
  if (status === expect.status && (expect.rule === undefined || expect.rule === rule)) return pass;
  const got = status === 101 ? '101 Switching Protocols' : `HTTP ${status}`;
  return failWith(say('ls.check.status', { want: expect.status, got }), why);
}
