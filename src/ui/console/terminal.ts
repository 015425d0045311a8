/**
 * The console's terminal: xterm with a `ws101> ` prompt, the line editor, and the session. Loaded
 * lazily by ConsolePanel (this module pulls in xterm, ~84 kB gzip), so only views with a console pay.
 *
 * Screen model: everything printed goes *above* the input area (the prompt and the line being typed,
 * possibly wrapped over several rows). To print, the input area is erased, the lines are written, and
 * the input area is drawn again below them with the cursor where it was. So events can arrive while
 * the learner is typing without tearing the line.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { complete } from '../../sim/commands.ts';
import type { TimelineEvent } from '../../sim/timeline.ts';
import { formatNumber, translate, type Lang } from '../../i18n/index.ts';
import { renderText } from '../../i18n/text.ts';
import type { CommandOutcome, PlaygroundSession } from '../playground/session.svelte.ts';
import { charCells, printable } from './cells.ts';
import { loadHistory, saveHistory } from './history.ts';
import { LineEditor } from './lineEditor.ts';
import {
  EventPrinter,
  PROMPT,
  candidateLine,
  echoLine,
  helpLines,
  helpTopicLines,
  lineOf,
  refusalLines,
  serverSettingText,
  pathSettingText,
  textLine,
  type Printed,
} from './print.ts';
import { hangulFontFamily } from './hangul.ts';
import { monoFont, terminalTheme } from './theme.ts';
import { onThemeChange, remRatio } from '../styles/scheme.ts';

export interface ConsoleTerminalOptions {
  readonly host: HTMLElement;
  readonly session: PlaygroundSession;
  /** The language to print in, read at the time of printing. */
  readonly lang: () => Lang;
  readonly reducedMotion: () => boolean;
  readonly screenReaderMode: boolean;
  /** Plain text of every printed line, for the screen-reader mirror. */
  readonly onOutput: (lines: readonly string[]) => void;
  /** Escape was pressed: the panel moves focus out of the terminal. */
  readonly onLeave: () => void;
}

/** Held TCP segments are summarised after this much quiet (or before the next line). */
const TCP_FLUSH_MS = 300;
/** A pasted script waits for each line's events to be shown, but never longer than this. */
const PASTE_WAIT_MS = 5000;
/** Events already revealed when the console opens are printed, the most recent this many. */
const BACKLOG = 500;

interface Pending {
  readonly line: string;
  /** More lines of the same paste follow: let this one's events play out first. */
  readonly waitAfter: boolean;
}

export class ConsoleTerminal {
  readonly term: Terminal;
  readonly #fit = new FitAddon();
  readonly #o: ConsoleTerminalOptions;
  readonly #editor: LineEditor;
  readonly #printer = new EventPrinter();
  readonly #disposers: (() => void)[] = [];
  /** Row of the cursor, counted from the prompt's first row. */
  #cursorRow = 0;
  #queue: Pending[] = [];
  #draining = false;
  #disposed = false;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #world: unknown;

  constructor(o: ConsoleTerminalOptions) {
    this.#o = o;
    this.#editor = new LineEditor(complete, loadHistory());
    const narrow = o.host.clientWidth < 480;
    Terminal.strings.promptLabel = translate(o.lang(), 'con.inputLabel');
    this.term = new Terminal({
      fontFamily: monoFont(),
      fontSize: Math.round((narrow ? 13 : 14) * remRatio()),
      lineHeight: 1.2,
      theme: terminalTheme(),
      // Colours come from AA tokens; this is a safety net for any the theme did not anticipate.
      minimumContrastRatio: 4.5,
      drawBoldTextInBrightColors: false,
      cursorBlink: !o.reducedMotion(),
      cursorInactiveStyle: 'outline',
      smoothScrollDuration: 0,
      scrollback: 5000,
      screenReaderMode: o.screenReaderMode,
    });
    this.term.loadAddon(this.#fit);
    this.term.open(o.host);
    this.#refit();
    // Hangul two cells wide exactly (hangul.ts); until the face is ready, the site's stack.
    void hangulFontFamily(monoFont()).then((family) => {
      if (!family || this.#disposed) return;
      this.term.options.fontFamily = family;
      this.#refit();
    });

    this.term.attachCustomKeyEventHandler((ev) => this.#key(ev));
    const data = this.term.onData((d) => this.#data(d));
    this.#disposers.push(() => data.dispose());

    const resize = new ResizeObserver(() => requestAnimationFrame(() => this.#refit()));
    resize.observe(o.host);
    this.#disposers.push(() => resize.disconnect());

    // The reader's setting or a link's forced `theme=` (scheme.ts).
    this.#disposers.push(
      onThemeChange(() => {
        this.term.options.theme = terminalTheme();
      }),
    );

    this.#world = o.session.world;
    this.#print([textLine(translate(o.lang(), 'con.greeting'), 'muted', this.term.cols)]);
    const shown = o.session.events.filter((e) => e.t <= o.session.playhead + 1e-9).slice(-BACKLOG);
    if (shown.length > 0) this.#reveal(shown);
    else this.#render();
    this.#disposers.push(o.session.onReveal((batch) => this.#reveal(batch)));
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#flushTimer);
    for (const d of this.#disposers.splice(0)) d();
    this.term.dispose();
  }

  focus(): void {
    this.term.focus();
  }

  setInputLabel(label: string): void {
    Terminal.strings.promptLabel = label;
    this.term.textarea?.setAttribute('aria-label', label);
  }

  setScreenReaderMode(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  // ── keys and input ─────────────────────────────────────────────────────

  /**
   * Keys the terminal must not swallow. Escape leaves the terminal. Shift+Tab, and Tab on an empty line,
   * move the focus as anywhere else on the page (so Tab never traps); Tab with text completes.
   * Ctrl+C with a selection copies instead of cancelling the line.
   */
  #key(ev: KeyboardEvent): boolean {
    if (ev.key === 'Escape') {
      if (ev.type === 'keydown') this.#o.onLeave();
      return false;
    }
    if (ev.key === 'Tab')
      return !(ev.shiftKey || ev.ctrlKey || ev.altKey || ev.metaKey || this.#editor.isEmpty);
    if (ev.ctrlKey && !ev.shiftKey && ev.key.toLowerCase() === 'c' && this.term.hasSelection()) return false;
    return true;
  }

  #data(data: string): void {
    const results = this.#editor.feed(data);
    const submits = results.filter((r) => r.kind === 'submit');
    let submitted = 0;
    for (const r of results) {
      switch (r.kind) {
        case 'submit':
          submitted++;
          this.#queue.push({ line: r.line, waitAfter: submitted < submits.length });
          break;
        case 'cancel':
          this.#print([echoLine(`${r.line}^C`, this.term.cols)], false);
          break;
        case 'clear-screen':
          this.#clearScreen();
          break;
        case 'candidates':
          this.#print([candidateLine(r.items, this.term.cols)], false);
          break;
        case 'line-full': {
          const lang = this.#o.lang();
          const max = formatNumber(r.max, lang);
          this.#print([textLine(translate(lang, 'con.lineFull', { max }), 'warn', this.term.cols)]);
          break;
        }
      }
    }
    if (submits.length > 0) {
      saveHistory(this.#editor.history);
      void this.#drain();
    }
    this.#render();
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0 && !this.#disposed) {
        const p = this.#queue.shift()!;
        this.#print([echoLine(p.line, this.term.cols)]);
        if (!p.line.trim()) continue;
        await this.#run(p.line);
        if (p.waitAfter) await this.#caughtUp();
      }
    } finally {
      this.#draining = false;
    }
  }

  async #run(line: string): Promise<void> {
    const lang = this.#o.lang;
    let outcome: CommandOutcome;
    try {
      outcome = await this.#o.session.command(line);
    } catch (err) {
      // The engine reports violations as values; this is only for a bug, and it stays one line.
      const why = err instanceof Error ? err.message : String(err);
      this.#print(refusalLines(why.split('\n')[0]!, undefined, lang(), this.term.cols));
      return;
    }
    if (this.#disposed) return;
    const cols = this.term.cols;
    switch (outcome.kind) {
      case 'refused':
        this.#print(refusalLines(renderText(lang(), outcome.message), outcome.usage, lang(), cols, line));
        return;
      case 'stopped': {
        // The world's work budget (sim/budget.ts): named once, with what to do about it.
        const { key, params } = outcome.limit;
        this.#print([
          lineOf(
            [['warn', '■ ']],
            translate(lang(), key, { max: formatNumber(params.max, lang()) }),
            'warn',
            cols,
          ),
        ]);
        return;
      }
      case 'console': {
        const c = outcome.command;
        if (c.name === 'help')
          this.#print(c.topic ? helpTopicLines(c.topic, lang(), cols) : helpLines(lang(), cols));
        else if (c.name === 'clear') this.#clearScreen();
        else if (c.name === 'dump')
          this.#print([textLine(translate(lang(), c.on ? 'con.dump.on' : 'con.dump.off'), 'muted', cols)]);
        else {
          this.#restartPrinter();
          this.#print([textLine(translate(lang(), 'con.reset'), 'muted', cols)]);
        }
        return;
      }
      case 'ok': {
        // Settings change no wire: confirm them from the world's own settings.
        const c = outcome.command;
        const settings = this.#o.session.world.settings;
        if (c.name === 'latency')
          this.#print([textLine(translate(lang(), 'con.latency', { ms: settings.latency }), 'muted', cols)]);
        else if (c.name === 'mss')
          this.#print([textLine(translate(lang(), 'con.mss', { bytes: settings.mss }), 'muted', cols)]);
        else if (c.name === 'server')
          this.#print([textLine(serverSettingText(c, settings, lang()), 'muted', cols)]);
        else if (c.name === 'middlebox' || (c.name === 'ping' && 'heartbeat' in c))
          this.#print([textLine(pathSettingText(c, settings, lang()), 'muted', cols)]);
        return;
      }
    }
  }

  /** Wait until the playhead has shown what the last command did (or playback paused, or time ran out). */
  async #caughtUp(): Promise<void> {
    const s = this.#o.session;
    const target = s.end;
    const until = performance.now() + PASTE_WAIT_MS;
    while (!this.#disposed && s.playing && s.playhead < target - 1e-9 && performance.now() < until)
      await new Promise((r) => setTimeout(r, 50));
  }

  // ── events ─────────────────────────────────────────────────────────────

  #restartPrinter(): void {
    this.#printer.restart();
    clearTimeout(this.#flushTimer);
    this.#world = this.#o.session.world;
  }

  #reveal(batch: readonly TimelineEvent[]): void {
    if (this.#disposed) return;
    if (this.#o.session.world !== this.#world) this.#restartPrinter();
    const lang = this.#o.lang();
    const cols = this.term.cols;
    const dump = this.#o.session.dump;
    const out: Printed[] = [];
    for (const e of batch) out.push(...this.#printer.print(e, lang, cols, dump));
    if (out.length > 0) this.#print(out);
    clearTimeout(this.#flushTimer);
    if (this.#printer.holding)
      this.#flushTimer = setTimeout(() => {
        const lines = this.#printer.flush(this.#o.lang(), this.term.cols);
        if (lines.length > 0 && !this.#disposed) this.#print(lines);
      }, TCP_FLUSH_MS);
  }

  // ── screen ─────────────────────────────────────────────────────────────

  #refit(): void {
    const host = this.#o.host;
    // FitAddon measures the element; on a hidden one (display: none, a collapsed panel) it would throw
    // or propose 0 columns.
    if (this.#disposed || host.clientWidth === 0 || host.clientHeight === 0) return;
    const size = host.clientWidth < 480 ? 13 : 14;
    if (this.term.options.fontSize !== size) this.term.options.fontSize = size;
    const before = this.term.cols;
    try {
      this.#fit.fit();
    } catch {
      return;
    }
    if (this.term.cols !== before) {
      // xterm reflowed the wrapped input rows; find the cursor's row again and redraw the input.
      this.#cursorRow = this.#target().row;
      this.#render();
    }
  }

  /**
   * The input area as drawn: each character of the prompt and the line through printable(), so that
   * nothing in it reaches xterm raw (a history entry is storage input, and a pasted U+202E shows as
   * `<U+202E>`). `widths` are the drawn glyphs' columns; `starts[k]` is the first glyph of character k.
   */
  #glyphs(): { text: string; widths: number[]; starts: number[] } {
    let text = '';
    const widths: number[] = [];
    const starts: number[] = [];
    for (const c of [...PROMPT, ...this.#editor.chars]) {
      starts.push(widths.length);
      const shown = printable(c);
      text += shown;
      for (const g of shown) widths.push(charCells(g.codePointAt(0)!));
    }
    starts.push(widths.length);
    return { text, widths, starts };
  }

  /** Where glyph `k` of the input area goes (or the cursor before it), as xterm wraps. */
  #place(widths: readonly number[], k: number): { row: number; col: number } {
    const cols = this.term.cols;
    let row = 0;
    let col = 0;
    for (let i = 0; i < k; i++) {
      const w = widths[i]!;
      if (col + w > cols) {
        row++;
        col = 0;
      }
      col += w;
    }
    const next = widths[k];
    if ((next !== undefined && col + next > cols) || (next === undefined && col >= cols))
      return { row: row + 1, col: 0 };
    return { row, col };
  }

  #target(glyphs = this.#glyphs()): { row: number; col: number } {
    return this.#place(glyphs.widths, glyphs.starts[PROMPT.length + this.#editor.cursor]!);
  }

  /** Sequence that moves the cursor to the first column of the prompt's first row. */
  #toInputStart(): string {
    return `${this.#cursorRow > 0 ? `\x1b[${this.#cursorRow}A` : ''}\r`;
  }

  /** Sequence that draws the input area from the cursor on, leaving the cursor at the editing point. */
  #inputArea(): string {
    const glyphs = this.#glyphs();
    const end = this.#place(glyphs.widths, glyphs.widths.length);
    const target = this.#target(glyphs);
    let s = `\x1b[1;94m${PROMPT}\x1b[0m${glyphs.text.slice(PROMPT.length)}`;
    // At exactly the end of a row xterm waits to wrap; a space then CR puts the cursor on the next row.
    if (end.col === 0 && end.row > 0) s += ' \r';
    const up = end.row - target.row;
    if (up > 0) s += `\x1b[${up}A`;
    s += `\x1b[${target.col + 1}G`;
    this.#cursorRow = target.row;
    return s;
  }

  #render(): void {
    if (this.#disposed) return;
    this.term.write(`${this.#toInputStart()}\x1b[J${this.#inputArea()}`);
  }

  /** Print lines above the input area; `mirror` false keeps them out of the screen-reader log. */
  #print(lines: readonly Printed[], mirror = true): void {
    if (this.#disposed || lines.length === 0) return;
    let s = `${this.#toInputStart()}\x1b[J`;
    for (const l of lines) for (const row of l.rows) s += `${row}\r\n`;
    this.#cursorRow = 0;
    this.term.write(s + this.#inputArea());
    if (mirror) this.#o.onOutput(lines.map((l) => l.plain));
  }

  #clearScreen(): void {
    // Home, erase the screen and the scrollback (ED 2, ED 3), then the prompt again.
    this.#cursorRow = 0;
    this.term.write(`\x1b[H\x1b[2J\x1b[3J${this.#inputArea()}`);
  }
}
