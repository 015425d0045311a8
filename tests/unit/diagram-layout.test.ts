/** The sequence diagram's layout: a pure function of the timeline, read at any playhead. */
import { describe, expect, it } from 'vitest';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import { World } from '../../src/sim/world.ts';
import type { StateEvent } from '../../src/sim/timeline.ts';
import {
  METRICS,
  arrowsInView,
  computeLayout,
  firstSeen,
  labelOf,
  lifelinesAt,
  progressOf,
  relatedArrows,
  sentBy,
  stateEventsOf,
  statesAt,
  yAt,
} from '../../src/ui/playground/diagram/layout.ts';
import {
  CHAR_W,
  drawArrow,
  drawMarks,
  fitLabel,
  fitWords,
  headerLeft,
  lifelineGeometry,
  marginChars,
} from '../../src/ui/playground/diagram/draw.ts';
import { cutToWindow } from '../../src/ui/playground/diagram/draw.ts';
import { arrowAria, arrowText, compactMs, markText, noteText } from '../../src/ui/playground/log/format.ts';

const ALL = { tcp: true, http: true, ws: true };

async function world(lines: string[], server: 'echo' | 'chat' = 'echo'): Promise<World> {
  const w = new World({ server });
  for (const line of lines) {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(line);
    runCommand(w, p.command);
    w.settle(120_000);
  }
  return w;
}

const states = (w: World) => w.timeline.events.filter((e): e is StateEvent => e.kind === 'state');

describe('diagram layout', () => {
  it('draws every arrow downward, in timeline order; arrows of one instant get rows of their own', async () => {
    const w = await world(['connect']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    expect(L.arrows.map((a) => labelOf(a.ev)).slice(0, 3)).toEqual(['SYN', 'SYN-ACK', 'ACK']);
    for (let i = 0; i < L.arrows.length; i++) {
      const a = L.arrows[i]!;
      expect(a.y2).toBeGreaterThan(a.y1);
      if (i > 0) expect(a.y1).toBeGreaterThanOrEqual(L.arrows[i - 1]!.y1);
    }
    // ACK, the GET and the segment carrying it leave the client in the same instant, one row apart:
    // the GET in the row below the segment that carries it.
    const same = L.arrows.filter((a) => a.sendT === L.arrows[2]!.sendT);
    expect(same.map((a) => labelOf(a.ev))).toEqual([
      'ACK',
      'PSH,ACK len=189',
      'GET /chat (Upgrade: websocket)',
    ]);
    expect(same[1]!.y1 - same[0]!.y1).toBe(METRICS.rowH);
    // The GET and its segment are parallel: they leave and land one row apart.
    expect(same[2]!.y2 - same[1]!.y2).toBe(same[2]!.y1 - same[1]!.y1);
    expect(same[2]!.segments).toEqual([same[1]!.id]);
    expect(L.carried.get(same[1]!.id)).toEqual([same[2]!.id]);
  });

  it('a frame cut into several segments runs below them, parallel to its last, crossing none', async () => {
    const w = await world(['mss 6', 'connect', 'send hello world']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const frame = L.arrows.find((a) => a.ev.kind === 'frame')!;
    expect(frame.segments).toHaveLength(3);
    const segs = frame.segments.map((id) => L.arrows.find((a) => a.id === id)!);
    const last = segs.at(-1)!;
    expect(frame.y1 - last.y1).toBe(METRICS.rowH);
    expect(frame.y2 - last.y2).toBe(METRICS.rowH);
    for (const s of segs) {
      expect(s.y1).toBeLessThan(frame.y1);
      expect(s.y2).toBeLessThan(frame.y2);
    }
  });

  it('latency slants the arrows: a longer one-way delay, a taller arrow', async () => {
    const fast = await world(['latency 20', 'connect']);
    const slow = await world(['latency 120', 'connect']);
    const height = (w: World) => {
      const a = computeLayout(w.timeline.events, w.timeline.committed, ALL).arrows[0]!;
      return a.y2 - a.y1;
    };
    expect(height(slow)).toBeGreaterThan(height(fast) * 2);
  });

  it('a quiet stretch (TIME_WAIT) is drawn short, with a break that says how long it was', async () => {
    const w = await world(['connect', 'close 1000 bye']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    expect(L.breaks).toHaveLength(1);
    expect(L.breaks[0]!.ms).toBeCloseTo(2 * w.settings.msl - 40, 0);
    expect(L.bottom - L.breaks[0]!.y).toBeLessThan(METRICS.idleGap);
  });

  it('the playhead: at an instant, below everything of it; arrows fly from 0 to 1', async () => {
    const w = await world(['connect']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const syn = L.arrows[0]!;
    expect(progressOf(syn, L, syn.sendT)).toBe(0);
    expect(progressOf(syn, L, syn.arriveT)).toBe(1);
    const mid = progressOf(syn, L, (syn.sendT + syn.arriveT) / 2);
    expect(mid).toBeGreaterThan(0.2);
    expect(mid).toBeLessThan(0.8);
    let last = -Infinity;
    for (let t = 0; t <= w.timeline.end; t += 3) {
      const y = yAt(L, t);
      expect(y).toBeGreaterThanOrEqual(last);
      last = y;
    }
    const i = L.ticks.indexOf(L.arrows[2]!.sendT);
    expect(yAt(L, L.ticks[i]!)).toBe(L.tickBottom[i]);
  });

  it('only arrows already sent and crossing the window are drawn', async () => {
    const w = await world(['connect', 'send hello', 'close 1000 bye']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    expect(arrowsInView(L, -1, 0, 1e9)).toEqual([]);
    expect(arrowsInView(L, 0, 0, 1e9).map((a) => labelOf(a.ev))).toEqual(['SYN']);
    const end = w.timeline.end;
    expect(arrowsInView(L, end, 0, 1e9)).toHaveLength(L.arrows.length);
    const band = arrowsInView(L, end, 400, 600);
    expect(band.length).toBeGreaterThan(0);
    expect(band.length).toBeLessThan(L.arrows.length);
    for (const a of band) expect(a.y2 >= 400 && a.y1 <= 600).toBe(true);
    expect(sentBy(L.arrows, end)).toBe(L.arrows.length);
  });

  it('a hidden layer takes no room', async () => {
    const w = await world(['connect', 'send hello']);
    const all = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const ws = computeLayout(w.timeline.events, w.timeline.committed, { tcp: false, http: false, ws: true });
    expect(new Set(ws.arrows.map((a) => a.layer))).toEqual(new Set(['ws']));
    expect(ws.bottom).toBeLessThan(all.bottom);
  });

  it('states at the playhead: the close ends in TIME_WAIT on the server, then CLOSED', async () => {
    const w = await world(['connect', 'close 1000 bye']);
    const eps = ['client', 'server'];
    expect(statesAt(states(w), -1, eps).get('client')).toEqual({ tcp: 'CLOSED', ws: '—' });
    const fin = w.timeline.events.filter((e) => e.kind === 'state' && e.to === 'TIME_WAIT')[0]!;
    expect(statesAt(states(w), fin.t, eps).get('server')).toEqual({ tcp: 'TIME_WAIT', ws: 'CLOSED' });
    expect(statesAt(states(w), w.timeline.end, eps).get('server')!.tcp).toBe('CLOSED');
    expect(statesAt(states(w), w.timeline.end, eps).get('client')).toEqual({ tcp: 'CLOSED', ws: 'CLOSED' });
  });

  it('the chat server brings alice and bob; the server shows its end of the learner’s connection', async () => {
    const w = await world(['connect', 'close'], 'chat');
    const seen = firstSeen(w.timeline.events, w.timeline.committed);
    const eps = lifelinesAt(seen, w.timeline.end);
    expect(eps).toEqual(['client', 'server', 'alice', 'bob']);
    expect(lifelinesAt(seen, -1)).toEqual(['client', 'server']);
    const st = statesAt(states(w), w.timeline.end, eps);
    expect(st.get('client')!.ws).toBe('CLOSED');
    expect(st.get('server')!.ws).toBe('CLOSED');
    expect(st.get('alice')!.ws).toBe('OPEN');
  });
});

describe('diagram drawing: where lifelines, arrows and marks go on screen', () => {
  it('two lifelines stand at the margins of a wide box; a phone gets narrow margins; four need a wider svg', () => {
    const wide = lifelineGeometry(['client', 'server'], 1000, false);
    expect(wide).toMatchObject({ narrow: false, margin: 150, svgWidth: 1000, spacing: 700, headW: 250 });
    expect(wide.xs).toEqual({ client: 150, server: 850 });
    // A 390 px phone: 52 px margins and at least 150 px between lifelines; the box is wide enough.
    const phone = lifelineGeometry(['client', 'server'], 390, false);
    expect(phone).toMatchObject({ narrow: true, margin: 52, svgWidth: 390 });
    // Four lifelines (chat) need 2 × 112 + 3 × 168 = 728 px: a 700 px box scrolls sideways.
    const chat = lifelineGeometry(['client', 'server', 'alice', 'bob'], 700, false);
    expect(chat.svgWidth).toBe(728);
    expect(chat.xs).toEqual({ client: 112, server: 280, alice: 448, bob: 616 });
    expect(lifelineGeometry(['client', 'server'], 1000, true).margin).toBe(112);
  });

  it('a header box stays inside the diagram', () => {
    expect(headerLeft(150, 250, 1000)).toBe(25);
    expect(headerLeft(50, 250, 1000)).toBe(0);
    expect(headerLeft(990, 250, 1000)).toBe(750);
  });

  it('an arrow at the playhead: a dot at its start when just sent, its head at the receiver once arrived', async () => {
    const w = await world(['connect']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const xs = { client: 100, server: 500 };
    const syn = L.arrows[0]!;
    const sent = drawArrow(syn, L, xs, syn.sendT)!;
    expect(sent).toMatchObject({ x1: 100, x2: 500, hx: 100, hy: syn.y1, progress: 0 });
    const arrived = drawArrow(syn, L, xs, syn.arriveT)!;
    expect([arrived.hx, arrived.hy, arrived.progress]).toEqual([500, syn.y2, 1]);
    // The label: over the middle, turned to the slope, and as many characters as the length allows.
    const len = Math.hypot(400, syn.y2 - syn.y1);
    expect([arrived.labelX, arrived.labelY]).toEqual([300, (syn.y1 + syn.y2) / 2]);
    expect(arrived.angle).toBeCloseTo((Math.atan2(syn.y2 - syn.y1, 400) * 180) / Math.PI, 9);
    expect(arrived.maxChars).toBe(Math.floor((len - 56) / CHAR_W.tcp));
    // Server → client reads left to right too: the same angle, mirrored slope.
    const synAck = drawArrow(L.arrows[1]!, L, xs, w.timeline.end)!;
    expect(synAck.x1).toBe(500);
    expect(synAck.angle).toBeLessThan(0);
    expect(drawArrow(syn, L, { client: 100 }, syn.arriveT)).toBeNull();
  });

  it('marks: outer lifelines write into their margin, a phone keeps the dots and leaves states to the header', async () => {
    const w = await world(['connect', 'send hello']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const xs = { client: 150, server: 850 };
    const wide = drawMarks(L.marks, xs, 'client', false);
    expect(wide).toHaveLength(L.marks.length);
    for (const d of wide) expect(d.side).toBe(d.mk.endpoint === 'client' ? 'end' : 'start');
    const phone = drawMarks(L.marks, xs, 'client', true);
    expect(phone.every((d) => d.side === null && !d.mk.kind.endsWith('state'))).toBe(true);
    expect(phone.length).toBeGreaterThan(0);
    expect(marginChars(150)).toBe(Math.floor(132 / CHAR_W.margin));
  });

  it('related arrows: a frame brings its segments; a segment brings its frame', async () => {
    const w = await world(['mss 6', 'connect', 'send hello world']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const frame = L.arrows.find((a) => a.ev.kind === 'frame')!;
    expect(relatedArrows(L, frame.id)).toEqual(frame.segments);
    const seg = frame.segments[1]!;
    expect(relatedArrows(L, seg)).toEqual([frame.id, frame.segments[0], frame.segments[2]]);
    expect(relatedArrows(L, null)).toEqual([]);
  });

  it('the state changes among the committed events, in order', async () => {
    const w = await world(['connect']);
    expect(stateEventsOf(w.timeline.events, w.timeline.committed)).toEqual(states(w));
    expect(stateEventsOf(w.timeline.events, 0)).toEqual([]);
  });
});

describe('diagram words (log/format.ts)', () => {
  it('an arrow says how many segments carried it when that fits, and is cut with an ellipsis when not', async () => {
    const w = await world(['mss 6', 'connect', 'send hello world']);
    const L = computeLayout(w.timeline.events, w.timeline.committed, ALL);
    const frame = L.arrows.find((a) => a.ev.kind === 'frame')!;
    const label = labelOf(frame.ev);
    expect(arrowText(frame, 80)).toEqual({
      label,
      full: `${label} · 3 segments`,
      text: `${label} · 3 segments`,
    });
    expect(arrowText(frame, 6).text).toBe(`${label.slice(0, 5)}…`);
    expect(arrowAria(frame, 'x', 0.5)).toMatch(/^client → server: x\. Sent at [\d.]+ ms, still in flight\.$/);
    expect(arrowAria(frame, 'x', 1)).toMatch(/arrives at [\d.]+ ms\.$/);
  });

  it('a cut arrow label ends between words, so what is shown is words of the arrow’s name (WCAG 2.5.3)', () => {
    expect(fitWords('GET /chat (Upgrade: websocket)', 16)).toBe('GET /chat …');
    expect(fitWords('GET /chat (Upgrade: websocket)', 22)).toBe('GET /chat …');
    expect(fitWords('TEXT "hellohellohello"', 12)).toBe('TEXT …');
    expect(fitWords('TEXT "hello" (masked)', 20)).toBe('TEXT "hello" …');
    expect(fitWords('101 Switching Protocols', 99)).toBe('101 Switching Protocols');
    // One long word has no boundary to end at: it is cut where it must be.
    expect(fitWords('abcdefghij', 5)).toBe('abcd…');
    expect(fitWords('abc', 1)).toBe('…');
    // A margin note is not a control: it keeps as many characters as fit.
    expect(fitLabel('TCP SYN_RECEIVED', 13)).toBe('TCP SYN_RECE…');
    for (const max of [2, 5, 9, 16, 23])
      expect(fitWords('GET /chat (Upgrade: websocket)', max).length).toBeLessThanOrEqual(max);
  });

  it('margin notes: a quoted message cut short, close codes, and the RFC section of an error', async () => {
    const w = await world(['connect', 'send a long message for a margin', 'raw 89fe0000']);
    const notes = w.timeline.events.filter((e) => e.kind === 'engine');
    const texts = notes.map(noteText);
    expect(texts).toContain('got "a long messag…"');
    expect(texts.some((t) => /^error §5\.5 → 1002$/.test(t))).toBe(true);
    const state = w.timeline.events.find((e) => e.kind === 'state' && e.layer === 'ws')!;
    expect(markText(state as Extract<typeof state, { kind: 'state' }>)).toMatch(/^WS [A-Z]+$/);
  });

  it('times next to a unit: one decimal, none past 10 s', () => {
    expect(compactMs(160.4117)).toBe('160.4');
    expect(compactMs(0)).toBe('0');
    expect(compactMs(12_345.6)).toBe('12,346');
  });
});

describe('cutToWindow: arrows are drawn only where the window is', () => {
  // A 200,000 px arrow from (0, 0) to (100, 200000), seen through rows 1000–1500.
  const win = { top: 1000, bottom: 1500 };
  it('cuts a long arrow to the window, keeping its slope and the dash phase', () => {
    const s = cutToWindow(0, 0, 100, 200_000, 0, 1, win)!;
    expect(s.y1).toBe(1000);
    expect(s.y2).toBe(1500);
    expect(s.x1).toBeCloseTo(0.5);
    expect(s.x2).toBeCloseTo(0.75);
    expect(s.offset).toBeCloseTo(Math.hypot(100, 200_000) * 0.005);
  });
  it('keeps the travelled part apart from the part ahead', () => {
    // The head is at 0.006 of the way: y = 1200.
    expect(cutToWindow(0, 0, 100, 200_000, 0, 0.006, win)!.y2).toBeCloseTo(1200);
    expect(cutToWindow(0, 0, 100, 200_000, 0.006, 1, win)!.y1).toBeCloseTo(1200);
  });
  it('gives nothing for a part outside the window, and a short arrow whole', () => {
    expect(cutToWindow(0, 0, 100, 200_000, 0, 0.001, win)).toBeNull();
    expect(cutToWindow(0, 1100, 100, 1200, 0, 1, win)).toEqual({
      x1: 0,
      y1: 1100,
      x2: 100,
      y2: 1200,
      offset: 0,
    });
  });
});
