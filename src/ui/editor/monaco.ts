/**
 * Monaco for the frame editor, loaded with a dynamic import() the first time an editor mounts.
 *
 * Only the editor core, a few features and the editor worker (no language workers: the frame language
 * is a Monarch tokenizer running in the page). Never import the full 'monaco-editor': it ships the
 * ts/css/html/json workers (see TOOLCHAIN.md). The features:
 * - hover: a byte's field, bits and meaning; the text of a marker;
 * - gotoError: F8 / Shift+F8 go to the next / previous problem and show its text (no mouse needed);
 * - links: a URL in a `#` comment (an RFC section, say) opens with Ctrl+click; found by the editor worker;
 * - unicodeHighlighter: boxes invisible and look-alike characters (a no-break space or a Cyrillic "а"
 *   pasted from a web page is not a hex digit, and looks exactly like one); also in the editor worker.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/links/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { isDark, onThemeChange, remRatio } from '../styles/scheme.ts';

/**
 * Monaco's workers by the label it asks for: a language that needs its own (the build page's TypeScript,
 * build/js-monaco.ts) adds it here; everything else gets the editor worker.
 */
const languageWorkers = new Map<string, () => Worker>();
self.MonacoEnvironment = { getWorker: (_id, label) => languageWorkers.get(label)?.() ?? new EditorWorker() };

/** The worker Monaco starts for `labels` (a language's own), instead of the editor worker. */
export function addLanguageWorker(labels: readonly string[], create: () => Worker): void {
  for (const label of labels) languageWorkers.set(label, create);
}

export type Monaco = typeof monaco;
export type CodeEditor = monaco.editor.IStandaloneCodeEditor;
export type TextModel = monaco.editor.ITextModel;

export const LANGUAGE_ID = 'ws-frame-hex';
export const THEME_LIGHT = 'ws101-light';
export const THEME_DARK = 'ws101-dark';

/** Hover answers per model: the provider is registered once, each editor answers for its own model. */
const hoverSources = new WeakMap<
  TextModel,
  (offset: number) => { markdown: string; start: number; end: number } | null
>();

let registered = false;

/** The frame language and the page's two themes, once (the build page's JavaScript editor uses the themes too). */
export function register(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: LANGUAGE_ID, aliases: ['WebSocket frame bytes'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, { comments: { lineComment: '#' } });
  // Colour only: the decorations (field colours) and markers (errors) are the authority, and they come
  // from parseHex and the engine. The tokenizer cannot know which digit pairs with which.
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    defaultToken: 'invalid',
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/0[xX](?=[0-9a-fA-F])/, 'delimiter'],
        [/[0-9a-fA-F]+/, 'number.hex'],
        [/[\s,:]+/, 'white'],
        [/./, 'invalid'],
      ],
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const source = hoverSources.get(model);
      const found = source?.(model.getOffsetAt(position));
      if (!found) return null;
      const s = model.getPositionAt(found.start);
      const e = model.getPositionAt(found.end);
      return {
        contents: [{ value: found.markdown, isTrusted: false, supportHtml: false }],
        range: new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column),
      };
    },
  });
  // Token colours chosen for contrast on the field tints (global.css --c-*-bg) as well as on the page.
  monaco.editor.defineTheme(THEME_LIGHT, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '4a5261', fontStyle: 'italic' },
      { token: 'delimiter', foreground: '4a5261' },
      { token: 'number.hex', foreground: '16191f' },
      { token: 'invalid', foreground: 'a11616', fontStyle: 'underline' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editor.foreground': '#16191f',
      'editorLineNumber.foreground': '#4a5261',
      'editorLineNumber.activeForeground': '#16191f',
      'editorHoverWidget.background': '#ffffff',
      'editorHoverWidget.foreground': '#16191f',
      'editorHoverWidget.border': '#8a93a3',
      'editorHoverWidget.statusBarBackground': '#eef1f5',
      'textCodeBlock.background': '#eef1f5',
    },
  });
  monaco.editor.defineTheme(THEME_DARK, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'comment', foreground: 'a9b1be', fontStyle: 'italic' },
      { token: 'delimiter', foreground: 'a9b1be' },
      { token: 'number.hex', foreground: 'e8ebf0' },
      { token: 'invalid', foreground: 'fca5a5', fontStyle: 'underline' },
    ],
    colors: {
      'editor.background': '#171b22',
      'editor.foreground': '#e8ebf0',
      'editorLineNumber.foreground': '#a9b1be',
      'editorLineNumber.activeForeground': '#e8ebf0',
      'editorHoverWidget.background': '#20252e',
      'editorHoverWidget.foreground': '#e8ebf0',
      'editorHoverWidget.border': '#5d6776',
      'editorHoverWidget.statusBarBackground': '#171b22',
      'textCodeBlock.background': '#171b22',
    },
  });
  // Monaco has one theme for all editors: it follows a forced `theme=` as well as the reader's setting.
  onThemeChange(() => monaco.editor.setTheme(isDark() ? THEME_DARK : THEME_LIGHT));
}

export interface EditorOptions {
  readonly value: string;
  readonly ariaLabel: string;
  readonly dark: boolean;
  readonly reducedMotion: boolean;
  /** Gutter text for a line (the offset of its first byte), or '' for a line without bytes. */
  readonly lineNumber: (line: number) => string;
  readonly hover: (offset: number) => { markdown: string; start: number; end: number } | null;
}

export function createEditor(el: HTMLElement, o: EditorOptions): { editor: CodeEditor; model: TextModel } {
  register();
  const model = monaco.editor.createModel(o.value, LANGUAGE_ID);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  hoverSources.set(model, o.hover);
  // Pixel sizes, kept in proportion with the page's rem (a larger default font, an embed's `scale=`).
  const rem = remRatio();
  const editor = monaco.editor.create(el, {
    model,
    theme: isDark(o.dark) ? THEME_DARK : THEME_LIGHT,
    ariaLabel: o.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    lineNumbers: o.lineNumber,
    lineNumbersMinChars: 6,
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 8,
    // Lines are 16 bytes (47 characters); on a phone they wrap at a space instead of scrolling sideways.
    wordWrap: 'on',
    wrappingIndent: 'none',
    scrollBeyondLastLine: false,
    fontFamily:
      "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'D2Coding', monospace",
    fontSize: Math.round(15 * rem),
    lineHeight: Math.round(24 * rem),
    renderLineHighlight: 'line',
    occurrencesHighlight: 'off',
    selectionHighlight: false,
    // Hex has no brackets or indentation: skip the work of tracking them on every keystroke.
    bracketPairColorization: { enabled: false },
    guides: { bracketPairs: false, indentation: false, highlightActiveIndentation: false },
    matchBrackets: 'never',
    renderWhitespace: 'none',
    // Hex needs no tab characters: Tab moves focus on, so the editor is no keyboard trap.
    tabFocusMode: true,
    fixedOverflowWidgets: true,
    hover: { enabled: 'on', delay: 250 },
    cursorBlinking: o.reducedMotion ? 'solid' : 'blink',
    smoothScrolling: false,
    padding: { top: 6, bottom: 6 },
    scrollbar: { alwaysConsumeMouseWheel: false },
  });
  return { editor, model };
}

/** `dark` is the reader's setting; a theme forced by the link wins over it. */
export function setTheme(dark: boolean): void {
  monaco.editor.setTheme(isDark(dark) ? THEME_DARK : THEME_LIGHT);
}

/** Text offsets → a Monaco range. */
export function rangeOf(model: TextModel, start: number, end: number): monaco.Range {
  const s = model.getPositionAt(start);
  const e = model.getPositionAt(end);
  return new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column);
}

export function setMarkers(
  model: TextModel,
  markers: readonly { start: number; end: number; message: string }[],
): void {
  monaco.editor.setModelMarkers(
    model,
    'ws101',
    markers.map((m) => {
      const r = rangeOf(model, m.start, m.end);
      return {
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: r.startLineNumber,
        startColumn: r.startColumn,
        endLineNumber: r.endLineNumber,
        endColumn: r.endColumn,
      };
    }),
  );
}

export function disposeModel(model: TextModel): void {
  hoverSources.delete(model);
  monaco.editor.setModelMarkers(model, 'ws101', []);
  model.dispose();
}

/** Tree edits land on the undo stack as one step each. */
export function applyEdit(
  editor: CodeEditor,
  model: TextModel,
  start: number,
  end: number,
  text: string,
): void {
  editor.pushUndoStop();
  editor.executeEdits('ws101-fields', [{ range: rangeOf(model, start, end), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

export { monaco };
