/**
 * Presenter control of an embedded view: the host page (a slide deck) steps it with `postMessage`, and
 * the presenter with → / Space / ← while the frame has the focus. Views that can step register a
 * `Stepper`; what a step is belongs to the view (the playground: one moment of its timeline).
 *
 * Messages in (validated strictly; anything else is ignored without a reply or a console line):
 *   { type: 'ws101', action: 'step' | 'back' | 'play' | 'pause' | 'reset' | 'goto' | 'getState', … }
 *   { type: 'step' | 'back' | 'play' | 'pause' | 'reset' | 'goto' | 'getState', … }   (the short form)
 * with `n` (step/back: how many, an integer 1–1000), `step` (goto: an integer 0–1,000,000, clamped to
 * the view's steps) and `id` (echoed in the reply: a string of at most 64 characters, or a finite number).
 *
 * Messages out: `ws101:ready` once to `window.parent` when the view is ready, and `ws101:state` in reply
 * to every accepted message, to that message's `source` with its `origin` as the target origin.
 *
 * Only the embedding page may drive the widget: a message counts only if it comes from
 * `window.parent` (not a sibling frame on the slide host, not an opener, not the widget itself). Any
 * origin may be that parent: the widget holds nothing private (the simulation is public, seeded and
 * local), and the worst a page can do is step a widget it embeds itself. Replies go only to the window
 * that asked, addressed to the origin it asked from, so another window never reads them.
 */

export const PROTOCOL_VERSION = 1;
export const ACTIONS = ['step', 'back', 'play', 'pause', 'reset', 'goto', 'getState'] as const;
export type Action = (typeof ACTIONS)[number];

export const MAX_REPEAT = 1000;
export const MAX_GOTO = 1_000_000;

/**
 * What the presenter can ask of a view: a Playback (ui/state/playback.svelte.ts) is one as it is; a
 * view without a clock (the decoder's fields) answers the same questions with `playhead: null`.
 */
export interface Stepper {
  readonly playing: boolean;
  /** The virtual time shown, in ms, or null where the view has no clock. */
  readonly playhead: number | null;
  /** Steps shown so far (0 = the start) and how many there are now. */
  stepPosition(): { step: number; steps: number };
  step(direction: 1 | -1): void;
  /** Show step `n`, already clamped to [0, steps], paused. */
  showStep(n: number): void;
  /** Play (at the end: from the start again). */
  play(): void;
  pause(): void;
}

export interface StepState {
  /** Steps shown so far (0 = none yet). */
  readonly step: number;
  /** How many there are now (0: this view cannot step). */
  readonly steps: number;
  readonly playing: boolean;
  /** The virtual time shown, in ms, or null where the view has no clock (the decoder). */
  readonly time: number | null;
  /** What the current step shows, in the page's language ('' at the start). */
  readonly label: string;
}

export type Request =
  | { readonly action: 'step' | 'back'; readonly n: number; readonly id?: string | number }
  | { readonly action: 'goto'; readonly step: number; readonly id?: string | number }
  | { readonly action: 'play' | 'pause' | 'reset' | 'getState'; readonly id?: string | number };

const isAction = (v: unknown): v is Action =>
  typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const isCount = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** The request a message makes, or null for anything that is not exactly one of ours. Never throws. */
export function parseRequest(data: unknown): Request | null {
  try {
    if (!isPlainObject(data)) return null;
    let action: unknown;
    if (data.type === 'ws101') action = data.action;
    else if ('action' in data) return null;
    else action = data.type;
    if (!isAction(action)) return null;
    const idRaw = data.id;
    let id: string | number | undefined;
    if (idRaw !== undefined) {
      if (typeof idRaw === 'string' && idRaw.length <= 64) id = idRaw;
      else if (typeof idRaw === 'number' && Number.isFinite(idRaw)) id = idRaw;
      else return null;
    }
    const withId = id === undefined ? {} : { id };
    if (action === 'step' || action === 'back') {
      if (data.step !== undefined) return null;
      if (data.n === undefined) return { action, n: 1, ...withId };
      return isCount(data.n, 1, MAX_REPEAT) ? { action, n: data.n, ...withId } : null;
    }
    if (data.n !== undefined) return null;
    if (action === 'goto')
      return isCount(data.step, 0, MAX_GOTO) ? { action, step: data.step, ...withId } : null;
    if (data.step !== undefined) return null;
    return { action, ...withId };
  } catch {
    return null;
  }
}

/**
 * Virtual times are sums of floats (120.27919999999999); a deck gets them to 0.1 ms, as the labels and
 * the scrubber's text show them.
 */
export function roundTime(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const EMPTY: StepState = { step: 0, steps: 0, playing: false, time: null, label: '' };

interface Registered {
  readonly stepper: Stepper;
  /** What the current step shows, in the page's language (asked only past the start). */
  readonly label: () => string;
}

let current: Registered | null = null;
let readyPending = false;

/**
 * A view offers its steps: `registerStepper(playback, label)`. The returned function withdraws them
 * (when the view goes away).
 */
export function registerStepper(stepper: Stepper, label: () => string = () => ''): () => void {
  const mine: Registered = { stepper, label };
  current = mine;
  if (readyPending) announceReady();
  return () => {
    if (current === mine) current = null;
  };
}

function stateOf(): StepState {
  try {
    if (!current) return EMPTY;
    const { stepper, label } = current;
    const { step, steps } = stepper.stepPosition();
    const time = stepper.playhead === null ? null : roundTime(stepper.playhead);
    return { step, steps, playing: stepper.playing, time, label: step > 0 ? label() : '' };
  } catch {
    return EMPTY;
  }
}

/** Do what a request asks of the current view (no view: nothing to do, the reply says steps: 0). */
export function perform(r: Request): void {
  const s = current?.stepper;
  if (!s) return;
  switch (r.action) {
    case 'step':
    case 'back': {
      const direction = r.action === 'step' ? 1 : -1;
      if (r.n === 1) s.step(direction);
      else {
        // Many steps at once: one jump, not n walks over the timeline.
        const { step, steps } = s.stepPosition();
        s.showStep(Math.min(steps, Math.max(0, step + direction * r.n)));
      }
      return;
    }
    case 'goto':
      s.showStep(Math.min(s.stepPosition().steps, r.step));
      return;
    case 'play':
      s.play();
      return;
    case 'pause':
      s.pause();
      return;
    case 'reset':
      // Back to the beginning of the presentation, paused (not a new, empty world).
      s.showStep(0);
      return;
    case 'getState':
      return;
  }
}

export interface PresenterOptions {
  /** The view's name in state messages (the route's page: 'playground', 'frame', 'compare', …). */
  readonly view: () => string;
  /** True when the view registers a stepper: `ws101:ready` waits for it. */
  readonly steppable: boolean;
}

let options: PresenterOptions | null = null;

function message(type: 'ws101:ready' | 'ws101:state', extra: Record<string, unknown> = {}) {
  return {
    type,
    version: PROTOCOL_VERSION,
    view: options?.view() ?? '',
    ready: current !== null || !(options?.steppable ?? false),
    ...stateOf(),
    ...extra,
  };
}

function announceReady(): void {
  readyPending = false;
  if (window.parent === window) return;
  try {
    // To whichever page embeds us: the state is public, and the parent's origin is not ours to know.
    window.parent.postMessage(message('ws101:ready'), '*');
  } catch {
    // A parent that went away: nothing to tell.
  }
}

type Replyable = { postMessage(message: unknown, targetOrigin: string): void };

/**
 * Whether a message from `source` may drive the widget in window `self`: only from the page that
 * embeds it. A top-level page (its own parent) has no host, and our own window's messages are
 * Monaco's or xterm's business; a sibling frame, an opener, a MessagePort or a worker is not the host.
 */
export function fromHost(source: unknown, self: unknown, parent: unknown): boolean {
  return source !== null && source !== undefined && parent !== self && source === parent;
}

function onmessage(e: MessageEvent): void {
  try {
    const source = e.source;
    if (!fromHost(source, window, window.parent)) return;
    const request = parseRequest(e.data);
    if (!request) return;
    perform(request);
    const reply = message('ws101:state', {
      action: request.action,
      ...(request.id === undefined ? {} : { id: request.id }),
    });
    // An opaque origin ("null": a sandboxed or file:// host) cannot be named; the reply still goes
    // only to the window that sent the message.
    (source as unknown as Replyable).postMessage(reply, e.origin === 'null' ? '*' : e.origin);
  } catch {
    // A host that closed between asking and the reply, or a view that failed: never an error here.
  }
}

/** Keys a focused element uses itself: the presenter keys are left to it. */
const OWNS_KEYS = [
  'input',
  'textarea',
  'select',
  'button',
  'a[href]',
  'summary',
  'audio[controls]',
  'video[controls]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="button"]',
  '[role="textbox"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="tab"]',
  '[role="listbox"]',
  '[role="option"]',
  '[role="menu"]',
  '[role="menuitem"]',
  '[role="radio"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="grid"]',
  '[role="tree"]',
  '[role="combobox"]',
  '[role="scrollbar"]',
  '.monaco-editor',
  '.xterm',
  'dialog',
].join(',');

/** Whether → / ← / Space on `target` belong to it (a field, a button, the editor, the terminal…). */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target === document.body || target === document.documentElement) return false;
  if (target.closest(OWNS_KEYS)) return true;
  // A focusable region (a scroll box, the diagram) scrolls or steps with the arrows itself.
  const tabbable = target.closest('[tabindex]');
  return tabbable !== null && tabbable.getAttribute('tabindex') !== '-1';
}

function onkeydown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const forward = e.key === 'ArrowRight' || e.key === ' ';
  const backward = e.key === 'ArrowLeft';
  if ((!forward && !backward) || !current || ownsKeys(e.target)) return;
  e.preventDefault();
  try {
    current.stepper.step(forward ? 1 : -1);
  } catch {
    // A step that failed leaves the view as it was.
  }
}

/**
 * Listen for a host's messages and the presenter keys (embed mode). `ws101:ready` is posted to the
 * parent once the view has registered its stepper, or at once for a view that has none.
 */
export function startPresenter(o: PresenterOptions): () => void {
  options = o;
  window.addEventListener('message', onmessage);
  window.addEventListener('keydown', onkeydown);
  window.addEventListener('focus', showKeys);
  window.addEventListener('blur', showKeys);
  showKeys();
  if (!o.steppable || current) announceReady();
  else readyPending = true;
  return () => {
    window.removeEventListener('message', onmessage);
    window.removeEventListener('keydown', onkeydown);
    window.removeEventListener('focus', showKeys);
    window.removeEventListener('blur', showKeys);
    delete document.documentElement.dataset.hasKeys;
    readyPending = false;
    options = null;
  };
}

/**
 * Whether this frame has the keyboard, on <html> (global.css draws a ring round the frame then). A
 * top-level window always has it: no ring there.
 */
function showKeys(): void {
  const root = document.documentElement;
  if (window.parent !== window && document.hasFocus()) root.dataset.hasKeys = '';
  else delete root.dataset.hasKeys;
}
