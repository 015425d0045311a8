/**
 * How the sequence diagram is drawn at the playhead, on screen: where the lifelines stand, each arrow
 * (cut to the rows that are drawn), the marks in the margin and how much label fits. Pure, like
 * layout.ts, whose picture of the whole timeline this turns into coordinates.
 */
import type { EndpointId } from '../../../sim/timeline.ts';
import { progressOf, type ArrowGeom, type DiagramLayout, type Mark } from './layout.ts';

/** A label cut to `max` characters, with an ellipsis (a margin note: as many characters as fit). */
export function fitLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  return max <= 1 ? '…' : `${label.slice(0, max - 1)}…`;
}

/**
 * An arrow's label cut to at most `max` characters, with an ellipsis, between words where it can: the
 * arrow is a button named by its whole label, and the words it shows must be words of that name.
 */
export function fitWords(label: string, max: number): string {
  if (label.length <= max) return label;
  if (max <= 1) return '…';
  const cut = label.slice(0, max - 1);
  // What is shown must be words of the arrow's accessible name (WCAG 2.5.3, label in name), as axe
  // compares them: whole words ("GET /chat …", not "GET /chat (Upgr…"), and no open parenthesis,
  // since a parenthetical is left out of the comparison only when it is closed.
  let kept = cut;
  if (WORD_CHAR.test(label[max - 1]!) && WORD_CHAR.test(cut.at(-1)!)) {
    let i = cut.length - 1;
    while (i >= 0 && WORD_CHAR.test(cut[i]!)) i--;
    kept = cut.slice(0, i + 1);
  }
  const open = kept.lastIndexOf('(');
  if (open > kept.lastIndexOf(')')) kept = kept.slice(0, open);
  kept = kept.replace(/[\s(“‘]+$/u, '');
  // A straight quote that opens (an odd one) goes too; one that closes a quote stays.
  if (kept.endsWith('"') && kept.split('"').length % 2 === 0) kept = kept.slice(0, -1).trimEnd();
  if (kept.length === 0) return `${cut}…`;
  return kept === cut ? `${cut}…` : `${kept} …`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

// ── drawing: where each lifeline, arrow and mark goes on screen (numbers only; words are log/format.ts) ──

/** Pixels per character of the monospace labels (0.6 em): arrows, TCP arrows, margin notes. */
export const CHAR_W = { arrow: 8.4, tcp: 7.5, margin: 7.2 } as const;

/** Where the lifelines stand in a box `boxWidth` wide. */
export interface LifelineGeometry {
  /** A phone: margins too narrow for text. */
  readonly narrow: boolean;
  /** The margins hold the state changes and engine notes of the outer lifelines. */
  readonly margin: number;
  readonly svgWidth: number;
  /** The x of each lifeline. */
  readonly xs: Readonly<Record<EndpointId, number>>;
  readonly spacing: number;
  /** Width of each lifeline's header box. */
  readonly headW: number;
}

export function lifelineGeometry(
  lifelines: readonly EndpointId[],
  boxWidth: number,
  compact: boolean,
): LifelineGeometry {
  const n = lifelines.length;
  const narrow = boxWidth < 620;
  const many = n > 2;
  const margin = narrow ? 52 : compact || many ? 112 : 150;
  const minSpacing = narrow ? 150 : many ? 168 : 230;
  const svgWidth = Math.max(boxWidth, 2 * margin + Math.max(1, n - 1) * minSpacing);
  const span = svgWidth - 2 * margin;
  const xs: Record<EndpointId, number> = {};
  lifelines.forEach((ep, i) => (xs[ep] = n === 1 ? svgWidth / 2 : margin + (span * i) / (n - 1)));
  const spacing = n > 1 ? span / (n - 1) : 200;
  const headW = Math.max(96, Math.min(250, spacing - 12, svgWidth / Math.max(1, n) - 8));
  return { narrow, margin, svgWidth, xs, spacing, headW };
}

/** The left edge of a header box `w` wide centred on `x`, kept inside the diagram. */
export function headerLeft(x: number, w: number, svgWidth: number): number {
  return Math.min(Math.max(0, x - w / 2), svgWidth - w);
}

/** One arrow as drawn at the playhead. */
export interface ArrowDrawing {
  readonly a: ArrowGeom;
  readonly x1: number;
  readonly x2: number;
  /** The head's tip: how far the bytes have come. */
  readonly hx: number;
  readonly hy: number;
  /** 0 just sent … 1 arrived. */
  readonly progress: number;
  /** The head: a triangle whose tip is at (hx, hy). */
  readonly head: string;
  /** The label rides above the middle of the whole arrow, turned to its slope, read left to right. */
  readonly labelX: number;
  readonly labelY: number;
  readonly angle: number;
  /** Characters of label that fit along the arrow. */
  readonly maxChars: number;
  /** The whole arrow, the part already travelled and the part still ahead, each cut to the window. */
  readonly line: Segment;
  readonly shaft: Segment | null;
  readonly ahead: Segment | null;
}

/** A straight piece of an arrow; `offset` is how far along the arrow it starts (a dash pattern's phase). */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly offset: number;
}

/** Rows of the diagram that are drawn: the visible window with its overscan. */
export interface DrawWindow {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The part of the line (x1,y1)→(x2,y2) between fractions `from` and `to` of its length that lies
 * within the window's rows, or null. Lines are cut because a heavy link (mss 1, 48 long messages)
 * draws arrows 200,000 px long: rasterising their dash patterns stalled Chromium's frames for good
 * (0 frames a second, main thread idle), where a cut line costs one screen's worth of dashes.
 */
export function cutToWindow(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  from: number,
  to: number,
  win: DrawWindow | undefined,
): Segment | null {
  const dy = y2 - y1;
  let s0 = from;
  let s1 = to;
  if (win && dy > 0) {
    s0 = Math.max(s0, (win.top - y1) / dy);
    s1 = Math.min(s1, (win.bottom - y1) / dy);
  } else if (win && (y1 < win.top || y1 > win.bottom)) return null;
  if (s1 < s0) return null;
  const dx = x2 - x1;
  return {
    x1: x1 + dx * s0,
    y1: y1 + dy * s0,
    x2: x1 + dx * s1,
    y2: y1 + dy * s1,
    offset: Math.hypot(dx, dy) * s0,
  };
}

/** Draw `a` between its lifelines at `playhead`; null when one of its lifelines is not shown. */
export function drawArrow(
  a: ArrowGeom,
  layout: DiagramLayout,
  xs: Readonly<Record<EndpointId, number>>,
  playhead: number,
  win?: DrawWindow,
): ArrowDrawing | null {
  const x1 = xs[a.from];
  const x2 = xs[a.to];
  if (x1 === undefined || x2 === undefined) return null;
  const progress = progressOf(a, layout, playhead);
  const dx = x2 - x1;
  const dy = a.y2 - a.y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const hx = x1 + dx * progress;
  const hy = a.y1 + dy * progress;
  const bx = hx - ux * 10;
  const by = hy - uy * 10;
  const head = `M${hx},${hy}L${bx - uy * 5},${by + ux * 5}L${bx + uy * 5},${by - ux * 5}Z`;
  const angle = (Math.atan2(dx >= 0 ? dy : -dy, Math.abs(dx)) * 180) / Math.PI;
  const charW = a.layer === 'tcp' ? CHAR_W.tcp : CHAR_W.arrow;
  const maxChars = Math.max(4, Math.floor((len - 56) / charW));
  return {
    a,
    x1,
    x2,
    hx,
    hy,
    progress,
    head,
    labelX: (x1 + x2) / 2,
    labelY: (a.y1 + a.y2) / 2,
    angle,
    maxChars,
    line: cutToWindow(x1, a.y1, x2, a.y2, 0, 1, win) ?? { x1: hx, y1: hy, x2: hx, y2: hy, offset: 0 },
    shaft: progress > 0 ? cutToWindow(x1, a.y1, x2, a.y2, 0, progress, win) : null,
    ahead: progress < 1 ? cutToWindow(x1, a.y1, x2, a.y2, progress, 1, win) : null,
  };
}

/** A mark as drawn: its lifeline's x, and where its label goes (null: no room for text, the dot only). */
export interface MarkDrawing {
  readonly mk: Mark;
  readonly x: number;
  readonly side: 'start' | 'end' | null;
}

/**
 * Place the marks on their lifelines. Outer lifelines write into their margin; the others to their
 * right, over the arrows' halo. On a phone the margins are too narrow for text: the dot stays, and
 * state changes are left to the header, which shows them.
 */
export function drawMarks(
  marks: readonly Mark[],
  xs: Readonly<Record<EndpointId, number>>,
  first: EndpointId | undefined,
  narrow: boolean,
): MarkDrawing[] {
  const out: MarkDrawing[] = [];
  for (const mk of marks) {
    const x = xs[mk.endpoint];
    if (x === undefined) continue;
    if (narrow && (mk.kind === 'tcp-state' || mk.kind === 'ws-state')) continue;
    out.push({ mk, x, side: narrow ? null : mk.endpoint === first ? 'end' : 'start' });
  }
  return out;
}

/** Characters of margin note that fit in a margin `margin` wide. */
export function marginChars(margin: number): number {
  return Math.floor((margin - 18) / CHAR_W.margin);
}
