/**
 * The prompt's line editor, without a terminal: it consumes what xterm's `onData` delivers (typed keys
 * as bytes and escape sequences, or a whole pasted text) and says what happened. The console turns the
 * results into screen updates and commands. Pure and synchronous, so its behaviour is easy to follow.
 *
 * Keys: printable text inserts; Backspace/Delete; ←/→, Home/End (also Ctrl+A/Ctrl+E), Ctrl+←/→ by word;
 * ↑/↓ history; Ctrl+U/Ctrl+K cut to the start/end; Ctrl+W deletes a word; Ctrl+C cancels the line;
 * Ctrl+L clears the screen; Tab completes; Enter (or a newline in a paste) submits.
 */

export type EditorResult =
  | { readonly kind: 'submit'; readonly line: string }
  | { readonly kind: 'cancel'; readonly line: string }
  | { readonly kind: 'clear-screen' }
  | { readonly kind: 'candidates'; readonly items: readonly string[] }
  /** Characters were dropped because the line is full (MAX_LINE_CHARS). */
  | { readonly kind: 'line-full'; readonly max: number };

/** Returns the completions of the text before the cursor (whole candidate lines, e.g. `server echo`). */
export type Completer = (prefix: string) => string[];

export const HISTORY_LIMIT = 100;
/**
 * The longest line the editor holds, in characters (code points). Every key redraws the whole input
 * area, and a 1 MB paste would be 13,000 rows of it; 64 Ki characters is far more than any command
 * needs (a link's step is at most 1 KiB) and still redraws in a few milliseconds.
 */
export const MAX_LINE_CHARS = 65_536;

export class LineEditor {
  /** Code points, so the cursor never lands inside a surrogate pair. */
  #chars: string[] = [];
  #cursor = 0;
  #history: string[];
  /** Position while browsing history; equal to history.length when editing a new line. */
  #historyIndex: number;
  /** The line being typed before ↑ was pressed, restored by ↓ at the bottom. */
  #draft: string[] = [];
  readonly #complete: Completer;

  constructor(complete: Completer, history: readonly string[] = []) {
    this.#complete = complete;
    this.#history = history.slice(-HISTORY_LIMIT);
    this.#historyIndex = this.#history.length;
  }

  get text(): string {
    return this.#chars.join('');
  }

  get cursor(): number {
    return this.#cursor;
  }

  get chars(): readonly string[] {
    return this.#chars;
  }

  get history(): readonly string[] {
    return this.#history;
  }

  get isEmpty(): boolean {
    return this.#chars.length === 0;
  }

  /** Feed what the terminal delivered; returns the submissions and other results, in order. */
  feed(data: string): EditorResult[] {
    const out: EditorResult[] = [];
    this.#full = false;
    // One Tab key press arrives alone; a Tab inside pasted text is just whitespace.
    if (data === '\t') {
      const r = this.#completeAtCursor();
      if (r) out.push(r);
      return out;
    }
    let i = 0;
    while (i < data.length) {
      const c = data[i]!;
      if (c === '\x1b') {
        i = this.#escape(data, i);
        continue;
      }
      i++;
      switch (c) {
        case '\r':
        case '\n':
          if (c === '\n' && data[i - 2] === '\r') break; // \r\n is one line break
          out.push({ kind: 'submit', line: this.#take(true) });
          break;
        case '\x7f':
        case '\b':
          if (this.#cursor > 0) {
            this.#chars.splice(this.#cursor - 1, 1);
            this.#cursor--;
          }
          break;
        case '\x01':
          this.#cursor = 0;
          break;
        case '\x05':
          this.#cursor = this.#chars.length;
          break;
        case '\x03':
          out.push({ kind: 'cancel', line: this.#take(false) });
          break;
        case '\x0c':
          out.push({ kind: 'clear-screen' });
          break;
        case '\x15':
          this.#chars.splice(0, this.#cursor);
          this.#cursor = 0;
          break;
        case '\x0b':
          this.#chars.splice(this.#cursor);
          break;
        case '\x17': {
          const to = this.#wordStart(this.#cursor);
          this.#chars.splice(to, this.#cursor - to);
          this.#cursor = to;
          break;
        }
        case '\t':
          this.#insert(' ');
          break;
        default: {
          const code = c.charCodeAt(0);
          if (code < 0x20 || (code >= 0x80 && code < 0xa0)) break; // other control characters: ignored
          // Keep surrogate pairs together.
          if (code >= 0xd800 && code < 0xdc00 && i < data.length) {
            this.#insert(c + data[i]!);
            i++;
          } else this.#insert(c);
        }
      }
    }
    if (this.#full) out.push({ kind: 'line-full', max: MAX_LINE_CHARS });
    return out;
  }

  /** Set when this feed dropped characters at MAX_LINE_CHARS (reported once per feed). */
  #full = false;

  #insert(ch: string): void {
    if (this.#chars.length >= MAX_LINE_CHARS) {
      this.#full = true;
      return;
    }
    this.#chars.splice(this.#cursor, 0, ch);
    this.#cursor++;
  }

  /** Handle the escape sequence starting at `i`; returns the index after it. */
  #escape(data: string, i: number): number {
    const next = data[i + 1];
    if (next === '[' || next === 'O') {
      // CSI / SS3: parameters, then one final byte in @–~.
      let j = i + 2;
      while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
      const params = data.slice(i + 2, j);
      const final = data[j] ?? '';
      this.#key(final, params);
      return j + 1;
    }
    return i + (next === undefined ? 1 : 2); // Alt+key or a lone ESC: ignored
  }

  #key(final: string, params: string): void {
    const ctrl = /;5$/.test(params);
    switch (final) {
      case 'D':
        this.#cursor = ctrl ? this.#wordStart(this.#cursor) : Math.max(0, this.#cursor - 1);
        break;
      case 'C':
        this.#cursor = ctrl ? this.#wordEnd(this.#cursor) : Math.min(this.#chars.length, this.#cursor + 1);
        break;
      case 'A':
        this.#browse(-1);
        break;
      case 'B':
        this.#browse(1);
        break;
      case 'H':
        this.#cursor = 0;
        break;
      case 'F':
        this.#cursor = this.#chars.length;
        break;
      case '~':
        if (params === '1' || params === '7') this.#cursor = 0;
        else if (params === '4' || params === '8') this.#cursor = this.#chars.length;
        else if (params === '3' && this.#cursor < this.#chars.length) this.#chars.splice(this.#cursor, 1);
        break;
      default:
        break;
    }
  }

  #isSpace(i: number): boolean {
    return /\s/.test(this.#chars[i] ?? ' ');
  }

  #wordStart(from: number): number {
    let i = from;
    while (i > 0 && this.#isSpace(i - 1)) i--;
    while (i > 0 && !this.#isSpace(i - 1)) i--;
    return i;
  }

  #wordEnd(from: number): number {
    let i = from;
    const n = this.#chars.length;
    while (i < n && this.#isSpace(i)) i++;
    while (i < n && !this.#isSpace(i)) i++;
    return i;
  }

  #browse(direction: -1 | 1): void {
    const target = this.#historyIndex + direction;
    if (target < 0 || target > this.#history.length) return;
    if (this.#historyIndex === this.#history.length) this.#draft = this.#chars.slice();
    this.#historyIndex = target;
    this.#chars = target === this.#history.length ? this.#draft.slice() : [...this.#history[target]!];
    this.#cursor = this.#chars.length;
  }

  /**
   * Empty the line and return it; a submitted, non-blank line goes into the history (without trailing
   * blanks, such as the space a completion adds).
   */
  #take(remember: boolean): string {
    const line = this.text;
    this.#chars = [];
    this.#cursor = 0;
    this.#draft = [];
    const entry = line.trimEnd();
    if (remember && entry.trim() && this.#history.at(-1) !== entry) {
      this.#history.push(entry);
      if (this.#history.length > HISTORY_LIMIT) this.#history.splice(0, this.#history.length - HISTORY_LIMIT);
    }
    this.#historyIndex = this.#history.length;
    return line;
  }

  /** One match replaces the text before the cursor; several complete their common prefix and are listed. */
  #completeAtCursor(): EditorResult | null {
    const before = this.#chars.slice(0, this.#cursor).join('');
    const lead = before.length - before.trimStart().length;
    const matches = this.#complete(before);
    if (matches.length === 0) return null;
    const common = matches.reduce((a, b) => {
      let k = 0;
      while (k < a.length && k < b.length && a[k] === b[k]) k++;
      return a.slice(0, k);
    });
    const replacement = matches.length === 1 ? `${matches[0]!} ` : common;
    if (replacement.length > before.trimStart().length) {
      const chars = [...before.slice(0, lead), ...replacement];
      this.#chars = [...chars, ...this.#chars.slice(this.#cursor)];
      this.#cursor = chars.length;
    }
    return matches.length > 1 ? { kind: 'candidates', items: matches } : null;
  }
}
