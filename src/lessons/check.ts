/**
 * Exercise checks: pure functions the page runs on what the learner entered. Frame and HTTP answers
 * are judged by the real engine (the receiver's verdict, the server's handshake check), so "correct"
 * means what a real peer would accept — and a wrong answer is told which rule it breaks.
 */
import {
  checkRequest,
  describeError,
  inspectBytes,
  parseHex,
  parseRequestHead,
  toHex,
  type Text,
} from '../protocol/index.ts';
import type { Answer, Exercise, FrameExpect } from './model.ts';

export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly reason: Text };

const pass: CheckResult = { ok: true };
const fail = (en: string, ko: string): CheckResult => ({ ok: false, reason: { en, ko } });

export function checkExercise(ex: Exercise, answer: Answer): CheckResult {
  switch (ex.kind) {
    case 'choice': {
      if (typeof answer === 'string') return fail('Pick an option.', '보기를 고르세요.');
      const want = [...ex.answer].sort();
      const got = [...new Set(answer)].sort();
      if (got.length === 0) return fail('Pick an option.', '보기를 고르세요.');
      if (want.length === got.length && want.every((v, i) => v === got[i])) return pass;
      return want.length > 1
        ? fail('Not quite: more than one option is right, and all of them must be picked.', '아직 아닙니다. 정답이 여럿이며 모두 골라야 합니다.')
        : fail('Not quite. Try again, or open a hint.', '아직 아닙니다. 다시 해 보거나 힌트를 열어 보세요.');
    }
    case 'text': {
      const a = String(answer);
      const norm = (s: string): string =>
        ex.match === 'exact' ? s : ex.match === 'ignore-case' ? s.trim().toLowerCase() : s.trim();
      return norm(a) === norm(ex.answer) ? pass : fail('Not the expected answer yet.', '아직 기대한 답이 아닙니다.');
    }
    case 'number': {
      const s = String(answer).trim().replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('Enter a number.', '숫자를 입력하세요.');
      return Number(s) === ex.answer ? pass : fail(`${s} is not it.`, `${s}는 답이 아닙니다.`);
    }
    case 'frame':
      return checkFrame(ex.expect, ex.dir, String(answer));
    case 'http':
      return checkHttp(ex.expect, String(answer));
  }
}

function checkFrame(expect: FrameExpect, dir: 'c2s' | 's2c', hex: string): CheckResult {
  const parsed = parseHex(hex, 1024 * 1024);
  if (!parsed.ok) {
    return parsed.error.kind === 'not-hex'
      ? fail(`“${parsed.error.char}” is not a hex digit.`, `“${parsed.error.char}”는 16진수 숫자가 아닙니다.`)
      : fail('An odd number of hex digits: every byte needs two.', '16진수 자릿수가 홀수입니다. 한 바이트는 두 자리입니다.');
  }
  const v = inspectBytes(parsed.bytes, dir);
  const error = v.end.kind === 'error' ? v.end.error : null;
  const verdict: Text | null = error ? { en: describeError(error, 'en'), ko: describeError(error, 'ko') } : null;
  const withVerdict = (en: string, ko: string): CheckResult =>
    verdict ? fail(`${en} ${verdict.en}`, `${ko} ${verdict.ko}`) : fail(en, ko);

  if (expect.error !== undefined && error?.rule !== expect.error) {
    return withVerdict(
      `The receiver should reject these bytes for the rule “${expect.error}”.`,
      `수신 측이 “${expect.error}” 규칙 위반으로 거부해야 합니다.`,
    );
  }
  if (expect.valid) {
    if (error) return withVerdict('The receiver rejects these bytes:', '수신 측이 이 바이트를 거부합니다:');
    if (v.end.kind === 'need')
      return fail(
        `The frame is incomplete: the receiver waits for ${v.end.need} more byte(s).`,
        `프레임이 덜 왔습니다. 수신 측은 ${v.end.need}바이트를 더 기다립니다.`,
      );
    if (v.frames.length === 0) return fail('There are no bytes to decode yet.', '아직 해석할 바이트가 없습니다.');
  }
  const last = v.frames[v.frames.length - 1];
  const messages = v.events.flatMap((e) => (e.type === 'message' ? [e] : []));
  if (expect.closeCode !== undefined) {
    const closeFrame = v.events.find((e) => e.type === 'close-frame');
    const code = error?.answer.kind === 'close' ? error.answer.code : closeFrame?.type === 'close-frame' ? closeFrame.code : null;
    if (code !== expect.closeCode)
      return withVerdict(`The close code should be ${expect.closeCode}; it is ${code ?? 'none'}.`, `상태 코드는 ${expect.closeCode}여야 하는데 ${code ?? '없음'}입니다.`);
  }
  if (expect.frames !== undefined && v.frames.length !== expect.frames)
    return withVerdict(`Expected ${expect.frames} complete frame(s), found ${v.frames.length}.`, `완성된 프레임이 ${expect.frames}개여야 하는데 ${v.frames.length}개입니다.`);
  if (expect.messages !== undefined && messages.length !== expect.messages)
    return withVerdict(`Expected ${expect.messages} message(s), found ${messages.length}.`, `메시지가 ${expect.messages}개여야 하는데 ${messages.length}개입니다.`);
  const lastProps: [keyof FrameExpect, unknown, string, string][] = last
    ? [
        ['opcode', last.header.opcode, 'opcode', 'opcode'],
        ['fin', last.header.fin, 'FIN', 'FIN'],
        ['masked', last.header.masked, 'MASK', 'MASK'],
        ['length', last.header.payloadLength, 'payload length', '페이로드 길이'],
        ['lengthForm', last.header.lengthForm, 'length form (bits)', '길이 형식(비트)'],
      ]
    : [];
  for (const key of ['opcode', 'fin', 'masked', 'length', 'lengthForm'] as const) {
    if (expect[key] === undefined) continue;
    const prop = lastProps.find((p) => p[0] === key);
    if (!prop) return withVerdict('No complete frame yet.', '아직 완성된 프레임이 없습니다.');
    if (prop[1] !== expect[key]) {
      const show = (x: unknown): string => (key === 'opcode' ? `0x${Number(x).toString(16)}` : String(x));
      return fail(`The ${prop[2]} should be ${show(expect[key])}; it is ${show(prop[1])}.`, `${prop[3]}는 ${show(expect[key])}여야 하는데 ${show(prop[1])}입니다.`);
    }
  }
  if (expect.text !== undefined && !messages.some((m) => !m.binary && m.data === expect.text))
    return withVerdict(`No text message “${expect.text}” was received.`, `텍스트 메시지 “${expect.text}”가 수신되지 않았습니다.`);
  if (expect.hex !== undefined) {
    const want = toHex(parseHex(expect.hex).bytes);
    if (!messages.some((m) => m.binary && toHex(m.data as Uint8Array) === want))
      return withVerdict(`No binary message ${want} was received.`, `바이너리 메시지 ${want}가 수신되지 않았습니다.`);
  }
  return pass;
}

/** Lines as a learner types them (\n) → an HTTP/1.1 head (CRLF, ending in an empty line). */
export function httpBytes(text: string): Uint8Array {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n`);
}

function checkHttp(expect: { status: number; rule?: string }, text: string): CheckResult {
  const parsed = parseRequestHead(httpBytes(text));
  let status: number;
  let rule: string | null = null;
  let why: Text | null = null;
  if (parsed.kind !== 'head') {
    status = 400;
    rule = 'bad-http-head';
    const detail = parsed.kind === 'error' ? parsed.detail : 'incomplete';
    why = { en: `The request is malformed: ${detail}.`, ko: `요청 형식이 잘못됐습니다: ${detail}.` };
  } else {
    const r = checkRequest(parsed.head, {});
    status = r.ok ? 101 : r.response.status;
    if (!r.ok) {
      rule = r.error.rule;
      why = { en: describeError(r.error, 'en'), ko: describeError(r.error, 'ko') };
    }
  }
  if (status === expect.status && (expect.rule === undefined || expect.rule === rule)) return pass;
  const got = status === 101 ? '101 Switching Protocols' : `HTTP ${status}`;
  return fail(
    `The server should answer ${expect.status}; it answers ${got}.${why ? ` ${why.en}` : ''}`,
    `서버가 ${expect.status}로 답해야 하는데 ${got}로 답합니다.${why ? ` ${why.ko}` : ''}`,
  );
}
