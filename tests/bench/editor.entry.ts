/**
 * Bench and e2e page for the frame editor (served by a vite dev server; FrameEditor has no route yet).
 * Query: ?size=64k (a masked 64 KiB text frame; any <n>k) | ?hex=<hex>, &dir=c2s|s2c, &lang=en|ko, &width=<css>.
 * Exposes `window.__ed` with keystroke timings (keydown → onupdated) and Monaco's load time.
 */
import { mount } from 'svelte';
import '../../src/ui/styles/global.css';
import { encodeFrame, toHex, type Direction } from '../../src/protocol/index.ts';
import { setLang } from '../../src/i18n/locale.svelte.ts';
import FrameEditor from '../../src/ui/editor/FrameEditor.svelte';

export interface EditorBenchState {
  /** event.timeStamp of each keydown (same clock as performance.now()). */
  keys: number[];
  /** End of each update (performance.now()) and its own duration. */
  updates: { at: number; ms: number }[];
  /** After each update: the next animation frame (Monaco paints in its own frame callback first). */
  frames: number[];
  loadMs: number | null;
  changes: number;
}

declare global {
  interface Window {
    __ed: EditorBenchState;
  }
}

const q = new URLSearchParams(location.search);
const lang = q.get('lang') === 'ko' ? 'ko' : 'en';
await setLang(lang);
document.documentElement.lang = lang;
const dir: Direction = q.get('dir') === 's2c' ? 's2c' : 'c2s';

function bigFrame(kib: number): string {
  const words = 'WebSocket frames carry bytes; masking hides nothing from an eavesdropper. ';
  const payload = new Uint8Array(kib * 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = words.charCodeAt(i % words.length);
  return toHex(encodeFrame({ opcode: 0x1, payload, maskKey: Uint8Array.of(0x37, 0xfa, 0x21, 0x3d) }));
}

const size = /^(\d+)k$/.exec(q.get('size') ?? '');
const hex = size
  ? bigFrame(Math.min(1024, Number(size[1])))
  : (q.get('hex') ?? '81 85 37 fa 21 3d 7f 9f 4d 51 58');

const state: EditorBenchState = { keys: [], updates: [], frames: [], loadMs: null, changes: 0 };
window.__ed = state;
addEventListener('keydown', (e) => state.keys.push(e.timeStamp), { capture: true });

const target = document.getElementById('app')!;
const width = q.get('width');
target.style.cssText = `max-width: ${width ?? '78rem'}; margin: 0 auto; padding: 1rem;`;

mount(FrameEditor, {
  target,
  props: {
    hex,
    dir,
    onchange: () => {
      state.changes++;
    },
    onupdated: (u) => {
      state.updates.push(u);
      requestAnimationFrame(() => state.frames.push(performance.now()));
    },
    onready: (u) => {
      state.loadMs = u.loadMs;
    },
  },
});
