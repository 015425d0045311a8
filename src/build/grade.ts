/**
 * The capstone's grader: each stage is a short script of what a client sends (stages.ts says what each
 * checks), run against the learner's server over the simulated network (probe.ts), and judged byte by
 * byte. A stage fails at its first miss, with a reason in the learner's terms and the spot in the
 * diagram where the bytes went wrong.
 */
import {
  Opcode,
  acceptFor,
  applyMask,
  concatBytes,
  encodeFrame,
  generateKey,
  headerValue,
  headerTokens,
  isKnownOpcode,
  minimalLengthForm,
  opcodeName,
  type DecodedFrame,
  type Text,
} from '../protocol/index.ts';
import type { HostFactory, HostFailure } from './host.ts';
import { Crash, StageRun, type Miss, type Probe, type SeenFrame } from './probe.ts';
import type { CheckResult, RunReport, StageResult } from './report.ts';
import { STAGES, type StageSlug } from './stages.ts';
import { say } from './texts.ts';

const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** Seed of every stage's random choices (keys, masks): a run is the same each time. */
const SEED = 6455;
/** RFC 6455 §1.3's example key: a server that hard-codes its Accept passes this one only. */
const RFC_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

interface Request {
  readonly host?: boolean;
  readonly key?: string | null;
  readonly version?: string;
}

/** A client's opening handshake (§4.1), as a browser sends it, with the parts a check leaves out. */
function request({ host = true, key = RFC_KEY, version = '13' }: Request = {}): Uint8Array {
  const lines = ['GET /chat HTTP/1.1'];
  if (host) lines.push('Host: server.example.com');
  lines.push('Upgrade: websocket', 'Connection: Upgrade');
  if (key !== null) lines.push(`Sec-WebSocket-Key: ${key}`);
  lines.push('Origin: http://example.com', `Sec-WebSocket-Version: ${version}`);
  return utf8(`${lines.join('\r\n')}\r\n\r\n`);
}

/** A step of a stage: the check's title, and its miss (null: it passed). */
type Check = { readonly title: Text; readonly miss: Miss | null };

const miss = (reason: Text, eventId: number | null = null, byte: number | null = null): Miss => ({
  reason,
  eventId,
  byte,
});

class Script {
  readonly checks: Check[] = [];
  constructor(readonly run: StageRun) {}

  /** A client frame, masked with a key of the run's random source (§5.3). */
  frame(
    opcode: number,
    payload: Uint8Array | string,
    more: { fin?: boolean; rsv1?: boolean; masked?: boolean } = {},
  ) {
    const data = typeof payload === 'string' ? utf8(payload) : payload;
    return encodeFrame({
      fin: more.fin ?? true,
      rsv1: more.rsv1 ?? false,
      opcode,
      payload: data,
      maskKey: more.masked === false ? null : this.run.rng.bytes(4),
    });
  }

  /** Run one check; the stage stops at the first that misses. */
  async check(title: Text, body: () => Promise<Miss | null>): Promise<boolean> {
    const result = await body();
    this.checks.push({ title, miss: result });
    return result === null;
  }

  /** Connect and complete a valid handshake with a fresh key; a miss here is the handshake's. */
  async open(): Promise<{ probe: Probe } | { miss: Miss }> {
    const probe = await this.run.connect();
    const key = generateKey((n) => this.run.rng.bytes(n));
    const sent = probe.send(request({ key }));
    await this.run.settle();
    const m = judge101(probe, key, sent);
    return m ? { miss: { ...m, reason: say('build.fail.needsHandshake', { reason: m.reason }) } } : { probe };
  }

  /** The client sends bytes now and waits until everyone is idle; returns how many frames had come before. */
  async send(probe: Probe, bytes: Uint8Array, whole = false): Promise<number> {
    const before = probe.frames.length;
    probe.send(bytes);
    await this.run.settle(whole);
    return before;
  }

  /** End the connection from the client if the server did not: FIN, then time for the server to answer it. */
  async finish(probe: Probe): Promise<void> {
    if (probe.client.state === 'ESTABLISHED') probe.client.close();
    await this.run.settle();
  }
}

// ── judging what came back ────────────────────────────────────────────────

function judge101(probe: Probe, key: string, requestEvent: number): Miss | null {
  const tap = probe.tap;
  if (tap.notHttp)
    return miss(say('build.fail.notHttp', { start: tap.notHttp.start }), tap.notHttp.eventId, 0);
  if (!tap.response) {
    return tap.pendingHead > 0
      ? miss(say('build.fail.headIncomplete'), requestEvent)
      : miss(say('build.fail.noResponse'), requestEvent);
  }
  const { message: res, eventId } = tap.response;
  const headText = headOf(probe, eventId);
  if (res.status !== 101)
    return miss(
      say('build.fail.status', { got: statusLine(res), want: '101 Switching Protocols' }),
      eventId,
      9,
    );
  if (!headerTokens(res.headers, 'upgrade').some((t) => t.toLowerCase() === 'websocket'))
    return miss(
      say('build.fail.noHeader', { name: 'Upgrade', value: 'websocket' }),
      eventId,
      headerAt(headText, 'upgrade'),
    );
  if (!headerTokens(res.headers, 'connection').some((t) => t.toLowerCase() === 'upgrade'))
    return miss(
      say('build.fail.noHeader', { name: 'Connection', value: 'Upgrade' }),
      eventId,
      headerAt(headText, 'connection'),
    );
  const got = headerValue(res.headers, 'sec-websocket-accept');
  if (got === null) return miss(say('build.fail.noAccept'), eventId, null);
  const want = acceptFor(key);
  if (got.trim() !== want) {
    const at = valueAt(headText, 'sec-websocket-accept');
    let i = 0;
    while (i < got.length && got[i] === want[i]) i++;
    return miss(say('build.fail.wrongAccept', { got, want, key }), eventId, at === null ? null : at + i);
  }
  return null;
}

const statusLine = (res: { status: number; reason: string }): string => `${res.status} ${res.reason}`.trim();

function headOf(probe: Probe, eventId: number): string {
  const ev = probe.run.timeline.events[eventId];
  return ev && 'bytes' in ev ? String.fromCharCode(...ev.bytes.subarray(0, 4096)) : '';
}

/** Offset of the header line `name` in a head (for the diagram's spot), or null. */
function headerAt(head: string, name: string): number | null {
  const m = new RegExp(`\\r\\n${name}:`, 'i').exec(head);
  return m ? m.index + 2 : null;
}
function valueAt(head: string, name: string): number | null {
  const m = new RegExp(`\\r\\n${name}:[ \\t]*`, 'i').exec(head);
  return m ? m.index + m[0].length : null;
}

/** What a refused handshake must get: the status; a 426 names the version (§4.4) and the protocol (RFC 9110). */
function judgeRefusal(
  probe: Probe,
  what: Text,
  want: 400 | 426,
  rule: string,
  requestEvent: number,
): Miss | null {
  const tap = probe.tap;
  if (tap.notHttp)
    return miss(say('build.fail.notHttp', { start: tap.notHttp.start }), tap.notHttp.eventId, 0);
  if (!tap.response)
    return miss(
      say('build.fail.refused', { got: say('build.word.nothing'), want: wantStatus(want), rule }),
      requestEvent,
    );
  const { message: res, eventId } = tap.response;
  if (res.status !== want)
    return miss(
      say('build.fail.refused', { got: statusLine(res), want: wantStatus(want), rule }),
      eventId,
      9,
    );
  if (want === 426 && !headerTokens(res.headers, 'sec-websocket-version').includes('13'))
    return miss(
      say('build.fail.noVersionHeader', { got: headerValue(res.headers, 'sec-websocket-version') ?? '—' }),
      eventId,
      null,
    );
  // RFC 9110 §15.5.22: "The server MUST send an Upgrade header field in a 426 response".
  if (want === 426 && !headerTokens(res.headers, 'upgrade').some((t) => t.toLowerCase() === 'websocket'))
    return miss(say('build.fail.noUpgradeIn426'), eventId, headerAt(headOf(probe, eventId), 'upgrade'));
  return null;
}
const wantStatus = (s: 400 | 426): string => (s === 400 ? '400 Bad Request' : '426 Upgrade Required');

/** The frames of one message the server sent from index `from` on (a data frame, then continuations to FIN). */
function messageFrom(frames: readonly SeenFrame[], from: number): SeenFrame[] | null {
  const parts: SeenFrame[] = [];
  for (let i = from; i < frames.length; i++) {
    const f = frames[i]!;
    if (f.frame.opcode >= 0x8) continue; // control frames may come between fragments (§5.5)
    parts.push(f);
    if (f.frame.fin) return parts;
  }
  return null;
}

/**
 * The echo of one message: a frame the client can read, unmasked (§5.1), the same opcode, the
 * minimal length form (§5.2), and the same payload, compared byte by byte.
 */
function judgeEcho(
  probe: Probe,
  from: number,
  opcode: number,
  sent: Uint8Array,
  what: Text,
  sentMask: Uint8Array | null,
): Miss | null {
  const parts = messageFrom(probe.frames, from);
  if (!parts) {
    if (probe.tap.badFrame) return badFrame(probe);
    return miss(say('build.fail.noEcho'), null);
  }
  const first = parts[0]!;
  for (const p of parts) {
    if (p.frame.header.masked) return miss(say('build.fail.masked'), p.eventId, 1);
    const form = p.frame.header.lengthForm;
    const minimal = minimalLengthForm(p.frame.payload.length);
    if (form !== minimal)
      return miss(
        say('build.fail.lengthForm', {
          n: p.frame.payload.length,
          got: formName(form),
          want: formName(minimal),
        }),
        p.eventId,
        1,
      );
  }
  if (first.frame.opcode !== opcode)
    return miss(
      say('build.fail.opcode', { got: opcodeLabel(first.frame.opcode), want: opcodeLabel(opcode) }),
      first.eventId,
      0,
    );
  const got = concatBytes(parts.map((p) => p.frame.payload));
  if (sentMask && got.length === sent.length && sent.length > 0 && equal(got, masked(sent, sentMask)))
    return miss(
      say('build.fail.stillMasked', { n: got.length }),
      first.eventId,
      first.frame.header.headerLength,
    );
  if (got.length !== sent.length)
    return miss(say('build.fail.echoLength', { got: got.length, want: sent.length }), first.eventId, 1);
  let at = 0;
  while (at < got.length && got[at] === sent[at]) at++;
  if (at < got.length) {
    // The frame that holds the first differing byte, and the byte's offset inside that frame.
    let offset = at;
    let holder = first;
    for (const p of parts) {
      holder = p;
      if (offset < p.frame.payload.length) break;
      offset -= p.frame.payload.length;
    }
    return miss(
      say('build.fail.echoBytes', { at, got: hexByte(got[at]!), want: hexByte(sent[at]!) }),
      holder.eventId,
      holder.frame.header.headerLength + offset,
    );
  }
  return null;
}

function badFrame(probe: Probe): Miss {
  const bad = probe.tap.badFrame!;
  return miss(say('build.fail.badFrame', { rule: bad.error.message }), bad.eventId, 0);
}

const formName = (f: 7 | 16 | 64): string => (f === 7 ? '7-bit' : f === 16 ? '16-bit (126)' : '64-bit (127)');
const hexByte = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;
function opcodeLabel(op: number): string {
  const hex = `0x${op.toString(16)}`;
  return isKnownOpcode(op) ? `${hex} (${opcodeName(op)})` : hex;
}
/** `data` masked with `key` as a client masks it (§5.3), by the engine's own masking. */
function masked(data: Uint8Array, key: Uint8Array): Uint8Array {
  const out = data.slice();
  applyMask(out, key);
  return out;
}
function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
const maskOf = (frame: Uint8Array): Uint8Array => {
  const len7 = frame[1]! & 0x7f;
  const at = len7 === 126 ? 4 : len7 === 127 ? 10 : 2;
  return frame.subarray(at, at + 4);
};

/** The server's close frame after index `from`, and whether a frame followed it. */
function closeFrom(
  frames: readonly SeenFrame[],
  from: number,
): { close: SeenFrame; after: SeenFrame | null } | null {
  for (let i = from; i < frames.length; i++) {
    if (frames[i]!.frame.opcode === Opcode.Close) return { close: frames[i]!, after: frames[i + 1] ?? null };
  }
  return null;
}
/** The status code of a close frame (its first two bytes, §5.5.1), or null when it carries none. */
const closeCodeOf = (frame: DecodedFrame): number | null =>
  frame.payload.length >= 2 ? (frame.payload[0]! << 8) | frame.payload[1]! : null;

// ── the stages ───────────────────────────────────────────────────────────

type StageScript = (s: Script) => Promise<void>;

const STAGE_SCRIPTS: Readonly<Record<StageSlug, StageScript>> = {
  async handshake(s) {
    // The RFC's own example key first, then one drawn at random: an Accept copied from §1.3 passes only the first.
    for (const key of [RFC_KEY, generateKey((n) => s.run.rng.bytes(n))]) {
      const passed = await s.check(say('build.check.upgrade', { key }), async () => {
        const probe = await s.run.connect();
        const sent = probe.send(request({ key }));
        await s.run.settle();
        const m = judge101(probe, key, sent);
        await s.finish(probe);
        return m;
      });
      if (!passed) return;
    }
  },

  async refuse(s) {
    const cases: readonly [Text, Request, 400 | 426, string][] = [
      [say('build.check.noKey'), { key: null }, 400, '§4.2.1'],
      [say('build.check.badKey', { key: 'c2hvcnQ=' }), { key: 'c2hvcnQ=' }, 400, '§4.2.1'],
      [say('build.check.noHost'), { host: false }, 400, '§4.2.1'],
      [say('build.check.version8'), { version: '8' }, 426, '§4.2.2, §4.4'],
    ];
    for (const [what, req, want, rule] of cases) {
      const passed = await s.check(what, async () => {
        const probe = await s.run.connect();
        const sent = probe.send(request(req));
        await s.run.settle();
        const m = judgeRefusal(probe, what, want, rule, sent);
        await s.finish(probe);
        return m;
      });
      if (!passed) return;
    }
  },

  async echo(s) {
    const what = say('build.check.text', { text: 'Hello' });
    await s.check(what, async () => {
      const opened = await s.open();
      if ('miss' in opened) return opened.miss;
      const bytes = s.frame(Opcode.Text, 'Hello');
      const from = await s.send(opened.probe, bytes);
      const m = judgeEcho(opened.probe, from, Opcode.Text, utf8('Hello'), what, maskOf(bytes));
      await s.finish(opened.probe);
      return m;
    });
  },

  async lengths(s) {
    for (const n of [125, 126, 65_536]) {
      const what = say('build.check.length', { n });
      const passed = await s.check(what, async () => {
        const opened = await s.open();
        if ('miss' in opened) return opened.miss;
        // Printable text, different at every position, so a shifted or misread payload shows at once.
        const text = Array.from({ length: n }, (_, i) => String.fromCharCode(0x41 + ((i * 7) % 26))).join('');
        const bytes = s.frame(Opcode.Text, text);
        // The whole frame reaches the server's TCP before its code reads (one 'data' chunk, as a busy
        // Node server reads 64 KiB at once): stage 5, not this one, is about frames cut into pieces.
        const from = await s.send(opened.probe, bytes, true);
        const m = judgeEcho(opened.probe, from, Opcode.Text, utf8(text), what, maskOf(bytes));
        await s.finish(opened.probe);
        if (!m || n <= 125) return m;
        // Past 125 the length byte is a marker: say which one, and where the real length is.
        const long = n > 0xffff;
        return {
          ...m,
          reason: say('build.fail.lengthRead', {
            n,
            len7: long ? 127 : 126,
            extra: long ? 8 : 2,
            detail: m.reason,
          }),
        };
      });
      if (!passed) return;
    }
  },

  async boundaries(s) {
    const pieces = 3;
    const split = await s.check(say('build.check.split', { pieces }), async () => {
      const opened = await s.open();
      if ('miss' in opened) return opened.miss;
      const probe = opened.probe;
      const text = 'one frame, three TCP segments';
      const bytes = s.frame(Opcode.Text, text);
      // Cut inside the masking key and inside the payload: each piece is its own segment, 30 ms apart.
      const cuts = [0, 4, 12, bytes.length];
      const from = probe.frames.length;
      for (let i = 0; i < pieces; i++) {
        probe.sendRaw(bytes.subarray(cuts[i], cuts[i + 1]));
        await s.run.wait(30);
      }
      await s.run.settle();
      // An echo that differs here is a frame read before all of it had come: the same lesson.
      const echo = messageFrom(probe.frames, from)
        ? judgeEcho(probe, from, Opcode.Text, utf8(text), say('build.check.split', { pieces }), maskOf(bytes))
        : null;
      const m = probe.tap.badFrame
        ? badFrame(probe)
        : echo || !messageFrom(probe.frames, from)
          ? miss(say('build.fail.split', { pieces }), echo?.eventId ?? null, echo?.byte ?? null)
          : null;
      await s.finish(probe);
      return m;
    });
    if (!split) return;
    const count = 3;
    await s.check(say('build.check.batched', { count }), async () => {
      const opened = await s.open();
      if ('miss' in opened) return opened.miss;
      const probe = opened.probe;
      const texts = ['first', 'second', 'third'];
      const frames = texts.map((t) => s.frame(Opcode.Text, t));
      const from = probe.frames.length;
      probe.sendRaw(concatBytes(frames)); // one write: one segment with three frames
      await s.run.settle();
      let at = from;
      for (let i = 0; i < texts.length; i++) {
        const parts = messageFrom(probe.frames, at);
        if (!parts) {
          if (probe.tap.badFrame) return badFrame(probe);
          return miss(say('build.fail.batched', { count, got: i }), null);
        }
        const m = judgeEcho(
          probe,
          at,
          Opcode.Text,
          utf8(texts[i]!),
          say('build.check.text', { text: texts[i]! }),
          maskOf(frames[i]!),
        );
        if (m) return m;
        at = probe.frames.indexOf(parts[parts.length - 1]!) + 1;
      }
      await s.finish(probe);
      return null;
    });
  },

  async fragments(s) {
    await s.check(say('build.check.fragments'), async () => {
      const opened = await s.open();
      if ('miss' in opened) return opened.miss;
      const probe = opened.probe;
      const from = probe.frames.length;
      const ping = 'are you there?';
      await s.send(probe, s.frame(Opcode.Text, 'Hel', { fin: false }));
      await s.send(probe, s.frame(Opcode.Ping, ping));
      await s.send(probe, s.frame(Opcode.Continuation, 'lo, ', { fin: false }));
      await s.send(probe, s.frame(Opcode.Continuation, 'world', { fin: true }));
      if (probe.tap.badFrame) return badFrame(probe);
      const seen = probe.frames.slice(from);
      const pong = seen.find((f) => f.frame.opcode === Opcode.Pong);
      if (!pong) return miss(say('build.fail.noPong'), null);
      if (!equal(pong.frame.payload, utf8(ping)))
        return miss(
          say('build.fail.pongPayload', { got: quote(pong.frame.payload), want: quote(utf8(ping)) }),
          pong.eventId,
          pong.frame.header.headerLength,
        );
      const parts = messageFrom(probe.frames, from);
      if (parts) {
        const got = concatBytes(parts.map((p) => p.frame.payload));
        if (
          got.length < 'Hello, world'.length &&
          utf8('Hello, world')
            .subarray(0, got.length)
            .every((b, i) => b === got[i])
        )
          return miss(
            say('build.fail.partialEcho', { got: quote(got), want: '"Hello, world"' }),
            parts[0]!.eventId,
            null,
          );
      }
      const m = judgeEcho(probe, from, Opcode.Text, utf8('Hello, world'), say('build.check.fragments'), null);
      await s.finish(probe);
      return m;
    });
  },

  async closing(s) {
    await s.check(say('build.check.close'), async () => {
      const opened = await s.open();
      if ('miss' in opened) return opened.miss;
      const probe = opened.probe;
      const from = probe.frames.length;
      await s.send(probe, s.frame(Opcode.Close, concatBytes([new Uint8Array([0x03, 0xe8]), utf8('bye')])));
      if (probe.tap.badFrame) return badFrame(probe);
      const found = closeFrom(probe.frames, from);
      if (!found) {
        if (probe.reset) return miss(say('build.fail.reset'), null);
        return miss(say('build.fail.noClose'), null);
      }
      const code = closeCodeOf(found.close.frame);
      if (code !== 1000)
        return miss(
          say('build.fail.closeCode', { got: code ?? say('build.word.noCode'), want: 1000 }),
          found.close.eventId,
          found.close.frame.header.headerLength,
        );
      if (found.after) return miss(say('build.fail.afterClose'), found.after.eventId, 0);
      if (!probe.serverEnded && !probe.reset) {
        const m = miss(say('build.fail.noFin'), found.close.eventId);
        await s.finish(probe); // the client gives up waiting and closes: the diagram shows who closed
        return m;
      }
      await s.run.settle();
      return null;
    });
  },

  async errors(s) {
    const bad: readonly [Text, (s: Script) => Uint8Array, 1002 | 1007, string][] = [
      [say('build.check.unmasked'), (s) => s.frame(Opcode.Text, 'no mask', { masked: false }), 1002, '§5.1'],
      [say('build.check.rsv1'), (s) => s.frame(Opcode.Text, 'rsv1', { rsv1: true }), 1002, '§5.2'],
      [say('build.check.opcode3'), (s) => s.frame(0x3, 'opcode 3'), 1002, '§5.2'],
      [say('build.check.fragmentedPing'), (s) => s.frame(Opcode.Ping, 'half', { fin: false }), 1002, '§5.5'],
      [
        say('build.check.longPing'),
        (s) => s.frame(Opcode.Ping, new Uint8Array(126).fill(0x70)),
        1002,
        '§5.5',
      ],
      // "caf" then 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
      [
        say('build.check.badUtf8'),
        (s) => s.frame(Opcode.Text, new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0x28])),
        1007,
        '§8.1',
      ],
    ];
    for (const [what, make, code, rule] of bad) {
      const passed = await s.check(what, async () => {
        const opened = await s.open();
        if ('miss' in opened) return opened.miss;
        const probe = opened.probe;
        const from = probe.frames.length;
        const sent = probe.send(make(s));
        await s.run.settle();
        const found = closeFrom(probe.frames, from);
        // A frame the client cannot read, with no close before it: most likely the bad frame sent back.
        const bad = probe.tap.badFrame;
        if (bad && !found) return miss(say('build.fail.echoedBad', { code, rule }), bad.eventId, 0);
        const echoed = probe.frames.slice(from).find((f) => f.frame.opcode !== Opcode.Close);
        if (!found) {
          if (echoed) return miss(say('build.fail.echoedBad', { code, rule }), echoed.eventId, 0);
          if (probe.serverEnded || probe.reset)
            return miss(say('build.fail.endedWithoutClose', { code }), sent);
          const m = miss(say('build.fail.notFailed', { code, rule }), sent, 0);
          await s.finish(probe);
          return m;
        }
        const got = closeCodeOf(found.close.frame);
        if (got !== code)
          return miss(
            say('build.fail.wrongCode', { got: got ?? say('build.word.noCode'), code, rule }),
            found.close.eventId,
            found.close.frame.header.headerLength,
          );
        await s.finish(probe);
        return null;
      });
      if (!passed) return;
    }
  },
};

function quote(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

// ── running ──────────────────────────────────────────────────────────────

export interface RunOptions {
  /** Only these stages (in stage order); all by default. */
  readonly only?: readonly StageSlug[];
  readonly onStart?: (slug: StageSlug) => void;
  readonly onStage?: (result: StageResult, index: number) => void;
  readonly signal?: AbortSignal;
}

/** Run the stages in order against a fresh instance of the learner's module each. Never throws for the learner's code. */
export async function runStages(
  source: string,
  hosts: HostFactory,
  options: RunOptions = {},
): Promise<RunReport> {
  const slugs = STAGES.map((s) => s.slug).filter((slug) => !options.only || options.only.includes(slug));
  const results: StageResult[] = [];
  let haltedAt: StageSlug | null = null;
  for (const [index, slug] of slugs.entries()) {
    if (options.signal?.aborted) break;
    options.onStart?.(slug);
    const result = await runStage(slug, source, hosts);
    results.push(result);
    options.onStage?.(result, index);
    if (result.status === 'crash' && HALTING.has(result.failure.kind)) {
      haltedAt = slug;
      break;
    }
  }
  return {
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    total: slugs.length,
    haltedAt,
  };
}

/**
 * Crashes that end the whole run, not only their stage: the run is over "within a few seconds" (issue
 * 15) instead of waiting out the same endless loop in each of the eight stages. A throw stays a
 * stage's own: another stage's input may well not reach that line.
 */
const HALTING: ReadonlySet<HostFailure['kind']> = new Set([
  'timeout',
  'memory',
  'output',
  'sandbox',
  'syntax',
  'import',
  'no-handler',
  'load-threw',
]);

export async function runStage(slug: StageSlug, source: string, hosts: HostFactory): Promise<StageResult> {
  const made = await hosts(source);
  const stageIndex = STAGES.findIndex((s) => s.slug === slug);
  if (!made.ok) {
    // Nothing ran: the stage has no diagram to show but an empty one.
    return {
      status: 'crash',
      stage: slug,
      checks: [],
      timeline: new StageRun(deadHost, SEED).timeline,
      logs: [],
      failure: made.failure,
    };
  }
  const run = new StageRun(made.host, SEED + stageIndex);
  const script = new Script(run);
  try {
    await STAGE_SCRIPTS[slug](script);
  } catch (error) {
    made.host.dispose();
    if (error instanceof Crash) {
      return {
        status: 'crash',
        stage: slug,
        checks: results(script.checks),
        timeline: run.timeline,
        logs: run.logs,
        failure: error.failure,
      };
    }
    throw error; // a bug of the grader itself, not of the learner's code
  }
  made.host.dispose();
  const failed = script.checks.find((c) => c.miss);
  const checks = results(script.checks);
  if (!failed?.miss) return { status: 'pass', stage: slug, checks, timeline: run.timeline, logs: run.logs };
  const m = failed.miss;
  return {
    status: 'fail',
    stage: slug,
    checks,
    timeline: run.timeline,
    logs: run.logs,
    reason: m.reason,
    spot: m.eventId === null ? null : { eventId: m.eventId, byte: m.byte },
  };
}

const results = (checks: readonly Check[]): CheckResult[] =>
  checks.map((c) => ({ title: c.title, ok: c.miss === null }));

const deadHost = {
  deliver: () =>
    Promise.resolve({ ok: false as const, failure: { kind: 'sandbox' as const, message: 'not loaded' } }),
  dispose: () => {},
};
