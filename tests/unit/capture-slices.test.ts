/**
 * The capture page's work in slices (issue 13: no long task on the page's thread while a 100 MB
 * capture opens): the timeline is mapped as a merge, step by step, and must give exactly what sorting
 * every event by (time, order made) gave; the diagram's layout made in steps is the one made at once,
 * and the diagram finds it remembered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeCapture,
  type CaptureResult,
  type CapturedEvent,
  type CapturedFrame,
  type WebSocketDecode,
} from '../../src/capture/index.ts';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { serializeHead } from '../../src/protocol/index.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import type { NewEvent, TimelineEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';
import { socketsOf } from '../../src/ui/capture/model.ts';
import {
  DRAWN_FLIGHT_MS,
  EVEN_STEP_MS,
  captureTimeline,
  mapCapture,
  mapCaptureSteps,
  type Spacing,
} from '../../src/ui/capture/timeline.ts';
import { computeLayout, layoutSteps, rememberLayout } from '../../src/ui/playground/diagram/layout.ts';

const read = (name: string): CaptureResult =>
  analyzeCapture(new Uint8Array(readFileSync(`tests/fixtures/capture/${name}`)), { codec: pakoCodec });

function firstSocket(r: CaptureResult): { ws: WebSocketDecode; startUs: number } {
  if (!r.ok) throw new Error(r.problem.kind);
  const s = socketsOf(r)[0];
  if (!s) throw new Error('no WebSocket');
  return s;
}

/**
 * The mapping as it was before it was sliced: every item wrapped, all sorted by capture time (a frame
 * first), every event made with its order, and all sorted by (time, order). The reference.
 */
function sortedMapping(ws: WebSocketDecode, startUs: number, spacing: Spacing): NewEvent[] {
  const times = [...new Set([...ws.frames, ...ws.events].map((x) => x.timeUs))].sort((a, b) => a - b);
  const index = new Map(times.map((us, i) => [us, i + 1]));
  const at = (us: number): number =>
    spacing === 'real' ? Math.max(0, us - startUs) / 1000 : (index.get(us) ?? 0) * EVEN_STEP_MS;
  const out: { order: number; event: NewEvent }[] = [];
  const add = (event: NewEvent): void => void out.push({ order: out.length, event });
  const state = (t: number, endpoint: string, layer: 'tcp' | 'ws', from: string, to: string): void =>
    add({ kind: 'state', layer, conn: 1, t, endpoint, from, to });
  const firstFrameT = ws.frames.length ? at(ws.frames[0]!.timeUs) : DRAWN_FLIGHT_MS * 4;
  for (const end of ['client', 'server']) state(0, end, 'tcp', 'CLOSED', 'ESTABLISHED');
  if (!ws.handshake) for (const end of ['client', 'server']) state(0, end, 'ws', 'CLOSED', 'OPEN');
  if (ws.handshake) {
    const { request, response } = ws.handshake;
    const resT = Math.min(DRAWN_FLIGHT_MS * 2, Math.max(firstFrameT, 0));
    for (const [t, from, to, message] of [
      [0, 'client', 'server', request],
      [resT, 'server', 'client', response],
    ] as const)
      add({
        kind: 'http',
        layer: 'http',
        conn: 1,
        t,
        sendT: t,
        arriveT: t + DRAWN_FLIGHT_MS,
        from,
        to,
        message,
        bytes: serializeHead(message),
        segments: [],
      });
    state(0, 'client', 'ws', 'CLOSED', 'CONNECTING');
    if (!ws.handshake.requestError) state(resT, 'server', 'ws', 'CONNECTING', 'OPEN');
    if (!ws.handshake.responseError) state(resT + DRAWN_FLIGHT_MS, 'client', 'ws', 'CONNECTING', 'OPEN');
  }
  const items = [
    ...ws.frames.map((f) => ({ f, e: null, us: f.timeUs })),
    ...ws.events.map((e) => ({ f: null, e, us: e.timeUs })),
  ].sort((a, b) => a.us - b.us || (!a.f === !b.f ? 0 : a.f ? -1 : 1));
  for (const { f, e } of items) {
    if (f) {
      const t = at(f.timeUs);
      const [from, to] = f.direction === 'c2s' ? ['client', 'server'] : ['server', 'client'];
      add({
        kind: 'frame',
        layer: 'ws',
        conn: 1,
        t,
        sendT: t,
        arriveT: t + DRAWN_FLIGHT_MS,
        from,
        to,
        frame: f.frame,
        bytes: f.frame.wireBytes(),
        segments: [],
      });
    } else if (e) {
      const t = at(e.timeUs) + DRAWN_FLIGHT_MS;
      const endpoint = e.direction === 'c2s' ? 'server' : 'client';
      add({ kind: 'engine', layer: 'ws', conn: 1, t, endpoint, event: e.event });
      if (e.event.type === 'closed') state(t, endpoint, 'ws', 'OPEN', 'CLOSED');
    }
  }
  return out.sort((a, b) => a.event.t - b.event.t || a.order - b.order).map((o) => o.event);
}

/** The fields a view reads, `bytes` included (a frame's are made when read). */
function fieldsOf(e: NewEvent): Record<string, unknown> {
  const o: Record<string, unknown> = { ...e };
  delete o.id;
  if (e.kind === 'frame' || e.kind === 'http') o.bytes = [...e.bytes];
  return o;
}

/** Capture times moved back (out of order) and rounded (tied), as a merged or re-stamped capture may be. */
function shuffledTimes(ws: WebSocketDecode): WebSocketDecode {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const move = (us: number): number =>
    rnd() < 0.3 ? us - Math.floor(rnd() * 3000) : rnd() < 0.5 ? Math.floor(us / 1000) * 1000 : us;
  return {
    ...ws,
    frames: ws.frames.map((f): CapturedFrame => ({ ...f, timeUs: move(f.timeUs) })),
    events: ws.events.map((e): CapturedEvent => ({ ...e, timeUs: move(e.timeUs) })),
  };
}

describe('the capture timeline, mapped in slices', () => {
  for (const name of [
    'ws-deflate.pcapng',
    'gap.pcap',
    'no-handshake.pcap',
    'chromium.har',
    'chromium.pcapng',
  ])
    for (const spacing of ['real', 'even'] as const)
      it(`${name}, ${spacing} spacing: the same events in the same order as sorting them all`, () => {
        const { ws, startUs } = firstSocket(read(name));
        for (const decode of [ws, shuffledTimes(ws)]) {
          const want = sortedMapping(decode, startUs, spacing).map(fieldsOf);
          const got = captureTimeline(decode, startUs, spacing).map(fieldsOf);
          expect(got).toEqual(want);
        }
      });

  it('its length is known before any event is made, and the events carry ids from the one given', () => {
    const { ws, startUs } = firstSocket(read('ws-deflate.pcapng'));
    const mapped = mapCapture(ws, startUs, 'real');
    const events = [...mapped.events(5)];
    expect(events).toHaveLength(mapped.length);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => 5 + i));
  });

  it('a long connection is mapped in many steps, each a few thousand items', () => {
    const { ws, startUs } = firstSocket(read('ws-deflate.pcapng'));
    // The same frames and events again and again, later each time: ~20 000 items.
    const copies = Math.ceil(10_000 / ws.frames.length);
    const later = <T extends { timeUs: number }>(list: readonly T[], k: number): T[] =>
      list.map((x) => ({ ...x, timeUs: x.timeUs + k * 1e6 }));
    const long: WebSocketDecode = {
      ...ws,
      frames: Array.from({ length: copies }, (_, k) => later(ws.frames, k)).flat(),
      events: Array.from({ length: copies }, (_, k) => later(ws.events, k)).flat(),
    };
    const steps = mapCaptureSteps(long, startUs, 'even');
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(4);
    expect([...step.value.events()].map(fieldsOf)).toEqual(
      sortedMapping(long, startUs, 'even').map(fieldsOf),
    );
  });

  it("a frame's wire bytes are the engine's re-encoding, made when first read and kept", () => {
    const { ws, startUs } = firstSocket(read('ws-deflate.pcapng'));
    const frames = [...mapCapture(ws, startUs, 'real').events()].filter((e) => e.kind === 'frame');
    for (const [i, f] of frames.entries()) {
      if (f.kind !== 'frame') continue;
      expect(f.bytes).toEqual(ws.frames[i]!.frame.wireBytes());
      expect(f.bytes).toBe(f.bytes);
    }
  });
});

describe('the diagram laid out in steps', () => {
  const drain = (
    steps: Generator<void, ReturnType<typeof computeLayout>>,
  ): { pauses: number; layout: ReturnType<typeof computeLayout> } => {
    let pauses = 0;
    for (;;) {
      const s = steps.next();
      if (s.done) return { pauses, layout: s.value };
      pauses++;
    }
  };

  it('a captured connection: the layout made in steps is the one made at once, and is remembered', () => {
    const { ws, startUs } = firstSocket(read('ws-deflate.pcapng'));
    const events: TimelineEvent[] = [...mapCapture(ws, startUs, 'real').events()];
    const layers = { tcp: false, http: true, ws: true };
    const { pauses, layout } = drain(layoutSteps(events, events.length, layers));
    expect(pauses).toBeGreaterThan(0);
    expect(layout).toEqual(computeLayout(events, events.length, layers));
    rememberLayout(events, events.length, layers, layout);
    expect(computeLayout(events, events.length, { ...layers })).toBe(layout);
    // Another count or other layers are laid out anew.
    expect(computeLayout(events, events.length - 1, layers)).not.toBe(layout);
    expect(computeLayout(events, events.length, { ...layers, http: false })).not.toBe(layout);
  });

  it('a simulated session with its TCP segments: the same layout either way', () => {
    const w = new World({ server: 'echo' });
    for (const line of ['connect', 'send hello', 'send "a longer message"', 'close']) {
      const p = parseCommand(line);
      if (!p.ok) throw new Error(line);
      runCommand(w, p.command);
      w.settle(120_000);
    }
    const all = { tcp: true, http: true, ws: true };
    const { layout } = drain(layoutSteps(w.timeline.events, w.timeline.committed, all));
    expect(layout.arrows.length).toBeGreaterThan(10);
    expect(layout).toEqual(computeLayout(w.timeline.events, w.timeline.committed, all));
  });
});
