/**
 * Monaco for the learner's server file: JavaScript checked by TypeScript (checkJs) in Monaco's
 * TypeScript worker, with the socket, node:crypto and node:buffer types the sandbox gives
 * (learner-types.ts), in the page's themes (editor/monaco.ts). Imported with import() by the build
 * page only, so the TypeScript worker and the language service stay out of every other route's chunks.
 *
 * The worker: Monaco 0.57's TypeScript mode starts it as `new Worker(new URL('ts.worker.js',
 * import.meta.url), { type: 'module' })`, which Vite emits as a file of the build, so the site's
 * `worker-src 'self'` covers it (no blob: worker, no eval).
 *
 * Syntax errors are not TypeScript's to report here: the page marks them from the same parser that
 * the sandbox runs the file with (src/build/sandbox/prepare.ts), so the editor and Run agree.
 */
import {
  addLanguageWorker,
  monaco,
  register,
  THEME_DARK,
  THEME_LIGHT,
  type CodeEditor,
  type TextModel,
} from '../editor/monaco.ts';
import 'monaco-editor/languages/definitions/javascript/register';
import {
  javascriptDefaults,
  ModuleKind,
  ScriptTarget,
} from 'monaco-editor/languages/features/typescript/register';
// The completion list (Monaco's features/suggest registers only its inline variant).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/clipboard/register';
// Monaco's TypeScript mode brings every editor contribution with it (internal/common/workers.js), and
// an editor made after it arrived (the reference solution's) would find these two without the
// services they need ("depends on UNKNOWN service ICodeLensCache"): registered here, before any editor.
import 'monaco-editor/features/codelens/register';
import 'monaco-editor/features/dropOrPasteInto/register';
// Ctrl+M (Ctrl+Shift+M on a Mac): Tab moves the focus instead of indenting, so the editor is no trap.
import 'monaco-editor/features/toggleTabFocusMode/register';
import { isDark } from '../styles/scheme.ts';
import { LEARNER_TYPES } from './learner-types.ts';

export type { CodeEditor, TextModel };

/** Ctrl+Enter on Windows and Linux, ⌘+Enter on a Mac. */
export const RUN_KEYS = monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter;

/** Marker owner for the sandbox parser's problems (TypeScript's are 'javascript'). */
const OWNER = 'ws101-build';

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  register();
  // Monaco asks the page's MonacoEnvironment for every worker; TypeScript's is the same file its
  // TypeScript mode would start itself (workerManager.js) without one, so Vite emits it once.
  addLanguageWorker(
    ['javascript', 'typescript'],
    () =>
      new Worker(
        new URL(
          '../../../node_modules/monaco-editor/esm/vs/languages/features/typescript/ts.worker.js',
          import.meta.url,
        ),
        { type: 'module' },
      ),
  );
  javascriptDefaults.setCompilerOptions({
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    // The sandbox's world: the language and the declared globals, no DOM (learner-types.ts).
    lib: ['es2023'],
    // A beginner's JavaScript: no demand for types it never wrote, no "possibly null" on every buffer.
    strict: false,
    noImplicitAny: false,
    noEmit: true,
  });
  javascriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    // The sandbox's parser (acorn) reports syntax errors, with the words Run uses.
    noSyntaxValidation: true,
    // 6133 "declared but never read" and 80001 "could be an ES module" are hints, not problems here;
    // 7044 "implicitly any" suggestions say nothing a beginner needs.
    diagnosticCodesToIgnore: [6133, 6192, 6196, 6198, 7043, 7044, 80001, 80004],
  });
  for (const lib of LEARNER_TYPES) javascriptDefaults.addExtraLib(lib.content, lib.path);
}

export interface JsEditorOptions {
  readonly value: string;
  readonly ariaLabel: string;
  readonly readOnly: boolean;
  readonly reducedMotion: boolean;
  /** The model's path: the learner's file, or the reference solution (two models, one language service). */
  readonly path: string;
}

export function createJsEditor(
  el: HTMLElement,
  o: JsEditorOptions,
): { editor: CodeEditor; model: TextModel } {
  configure();
  const uri = monaco.Uri.parse(o.path);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(o.value, 'javascript', uri);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
  const editor = monaco.editor.create(el, {
    model,
    theme: isDark() ? THEME_DARK : THEME_LIGHT,
    ariaLabel: o.ariaLabel,
    readOnly: o.readOnly,
    automaticLayout: true,
    minimap: { enabled: false },
    lineNumbersMinChars: 3,
    glyphMargin: false,
    folding: true,
    wordWrap: 'on',
    wrappingIndent: 'same',
    scrollBeyondLastLine: false,
    fontFamily:
      "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'D2Coding', monospace",
    fontSize: Math.round(14 * rem),
    lineHeight: Math.round(21 * rem),
    renderLineHighlight: 'line',
    // Tab indents code here; Ctrl+M (Monaco's toggle, said beside the editor) or Escape then Tab leaves.
    tabFocusMode: false,
    fixedOverflowWidgets: true,
    hover: { enabled: 'on', delay: 300 },
    cursorBlinking: o.reducedMotion ? 'solid' : 'blink',
    smoothScrolling: false,
    padding: { top: 8, bottom: 8 },
    scrollbar: { alwaysConsumeMouseWheel: false },
    stickyScroll: { enabled: false },
    // Code from a web page often carries no-break spaces and look-alike letters: box them.
    unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true },
  });
  return { editor, model };
}

export interface SourceMarker {
  readonly message: string;
  /** 1-based, as editors count. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** The sandbox parser's problems as error markers (a problem without an end marks its word). */
export function setSourceMarkers(model: TextModel, markers: readonly SourceMarker[]): void {
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    markers.map((m) => {
      const line = Math.min(Math.max(1, m.line), model.getLineCount());
      const column = Math.max(1, m.column);
      const word = model.getWordAtPosition({ lineNumber: line, column });
      const endLine = m.endLine ?? line;
      const endColumn = m.endColumn ?? (word ? word.endColumn : column + 1);
      return {
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn: endLine === line ? Math.max(endColumn, column + 1) : endColumn,
      };
    }),
  );
}

/** Move the cursor to a line (and column), show it in the middle, and give the editor the focus. */
export function goToLine(editor: CodeEditor, line: number, column = 1): void {
  const position = { lineNumber: line, column };
  editor.setPosition(position);
  editor.revealPositionInCenter(position);
  editor.focus();
}

export function disposeJsModel(model: TextModel): void {
  monaco.editor.setModelMarkers(model, OWNER, []);
  model.dispose();
}

/** Replace the whole text as one undoable edit (Reset, a link's file): Ctrl+Z brings the old one back. */
export function replaceText(editor: CodeEditor, model: TextModel, text: string): void {
  editor.pushUndoStop();
  editor.executeEdits('ws101-build', [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}
