/**
 * Checks the learner's server module before anything runs, and readies it for the sandbox's worker.
 * Pure (no DOM, no Node), so the editor's markers, the page's runner and the tests share it.
 *
 * What it refuses, each as the HostFailure the page explains:
 * - a syntax error (acorn's message, at the line and column, for a Monaco marker);
 * - an import of anything but node:crypto / node:buffer (or crypto / buffer): the sandbox has no file
 *   system and no network to load another module from; `import()` and `export … from` too;
 * - a named import the shim does not have (`import { createHmac } from 'node:crypto'`): the JavaScript
 *   engine would refuse it at link time with a SyntaxError, so it is one, said before the run;
 * - no default export: the grader calls the default export once per connection (issue 15's contract).
 *
 * What it gives the worker: the same source with every import declaration blanked in place (same
 * length, line breaks kept) and re-appended after the last line with a placeholder specifier the worker
 * maps to its shim module. Imports are hoisted, so this changes nothing about what runs, and every
 * line:column of the learner's code is where the editor shows it.
 */
import { parse, type Node, type Program } from 'acorn';
import type { HostFailure, SourceAt } from '../host.ts';
import {
  IMPORTABLE,
  SHIM_EXPORTS,
  SHIM_IMPORTS_MARKER,
  shimPlaceholder,
  shimSummary,
  type ShimName,
} from './shims.ts';

export type Prepared =
  { readonly ok: true; readonly module: string } | { readonly ok: false; readonly failure: HostFailure };

/** One editor marker: what is wrong and the span it covers (1-based, `to` just past the end). */
export interface Diagnostic {
  readonly failure: HostFailure;
  readonly from: SourceAt;
  readonly to: SourceAt;
}

interface Positioned {
  readonly start: number;
  readonly end: number;
  readonly loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

/** acorn counts columns from 0; editors and V8's stack traces from 1. */
const startOf = (n: Positioned): SourceAt => ({ line: n.loc!.start.line, column: n.loc!.start.column + 1 });
const endOf = (n: Positioned): SourceAt => ({ line: n.loc!.end.line, column: n.loc!.end.column + 1 });

type Parsed = { ok: true; program: Program } | { ok: false; diagnostic: Diagnostic };

function parseModule(source: string): Parsed {
  try {
    return {
      ok: true,
      program: parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true }),
    };
  } catch (error) {
    // acorn's SyntaxError: "Unexpected token (3:14)" with loc {line, column (0-based)}.
    const e = error as SyntaxError & { loc?: { line: number; column: number } };
    if (!(e instanceof SyntaxError) || !e.loc) throw error;
    const at = { line: e.loc.line, column: e.loc.column + 1 };
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    return {
      ok: false,
      diagnostic: {
        failure: { kind: 'syntax', message, at },
        from: at,
        to: { line: at.line, column: at.column + 1 },
      },
    };
  }
}

/** The module's own string value of a Literal/Identifier export name (`export { a as "b c" }`). */
function nameOf(n: { type: string; name?: string; value?: unknown }): string {
  return n.type === 'Identifier' ? String(n.name) : String(n.value);
}

/** Every node under `root`, depth first (acorn-walk is not a dependency; this is all we need of it). */
function* nodesOf(root: Node): Generator<Node> {
  yield root;
  for (const value of Object.values(root) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* nodesOf(item);
    } else if (isNode(value)) yield* nodesOf(value);
  }
}
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** An import the module may keep (its declaration node and the shim it names). */
interface KeptImport {
  readonly start: number;
  readonly sourceStart: number;
  readonly end: number;
  readonly shim: ShimName;
}

interface Analysis {
  readonly diagnostics: Diagnostic[];
  readonly kept: KeptImport[];
}

function analyse(source: string, program: Program): Analysis {
  const diagnostics: Diagnostic[] = [];
  const kept: KeptImport[] = [];
  const exported: string[] = [];
  const refuse = (failure: HostFailure, node: Positioned) =>
    diagnostics.push({ failure, from: startOf(node), to: endOf(node) });

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const specifier = String(statement.source.value);
        const shim = IMPORTABLE[specifier];
        if (!shim) {
          refuse({ kind: 'import', specifier, at: startOf(statement.source) }, statement.source);
          break;
        }
        let named = true;
        for (const s of statement.specifiers) {
          if (s.type !== 'ImportSpecifier') continue;
          const name = nameOf(s.imported);
          if (SHIM_EXPORTS[shim].available.includes(name)) continue;
          named = false;
          const known = SHIM_EXPORTS[shim].unavailable.includes(name);
          // Worded like V8's link-time SyntaxError, which is what this would be.
          const message = known
            ? `${specifier}'s ${name} is not available in ws101's sandbox (it has ${shimSummary(shim)})`
            : `The requested module '${specifier}' does not provide an export named '${name}' in ws101's sandbox (it has ${shimSummary(shim)})`;
          refuse({ kind: 'syntax', message, at: startOf(s.imported) }, s.imported);
        }
        if (named)
          kept.push({
            start: statement.start,
            sourceStart: statement.source.start,
            end: statement.end,
            shim,
          });
        break;
      }
      case 'ExportAllDeclaration':
        // `export * from 'x'`: an import in disguise (and would re-export a shim as the module's own).
        refuse(
          { kind: 'import', specifier: String(statement.source.value), at: startOf(statement.source) },
          statement.source,
        );
        break;
      case 'ExportNamedDeclaration':
        if (statement.source) {
          refuse(
            { kind: 'import', specifier: String(statement.source.value), at: startOf(statement.source) },
            statement.source,
          );
          break;
        }
        for (const s of statement.specifiers) exported.push(nameOf(s.exported));
        if (statement.declaration) exported.push(...declaredNames(statement.declaration));
        break;
      case 'ExportDefaultDeclaration':
        exported.push('default');
        break;
    }
  }

  // import(…): loads a module chosen at run time; the sandbox has none to give.
  for (const node of nodesOf(program)) {
    if (node.type !== 'ImportExpression') continue;
    const text = source.slice(node.start, node.end);
    const specifier = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    refuse({ kind: 'import', specifier, at: startOf(node) }, node);
  }

  diagnostics.sort((a, b) => a.from.line - b.from.line || a.from.column - b.from.column);
  // Last: a problem of the whole file, marked on its first line (it has no one place of its own).
  if (!exported.includes('default')) {
    const firstLine = source.split(/\r\n|[\n\r\u2028\u2029]/, 1)[0] ?? '';
    diagnostics.push({
      failure: { kind: 'no-handler', found: exported.join(', ') },
      from: { line: 1, column: 1 },
      to: { line: 1, column: Math.max(2, firstLine.length + 1) },
    });
  }
  return { diagnostics, kept };
}

function declaredNames(declaration: Node): string[] {
  const d = declaration as Node & {
    id?: { name: string } | null;
    declarations?: { id: Node }[];
  };
  if (d.declarations) return d.declarations.flatMap((v) => boundNames(v.id));
  return d.id ? [d.id.name] : [];
}

/** Names a binding pattern declares: `const { a, b: [c] } = …` → a, c. */
function boundNames(pattern: Node): string[] {
  const p = pattern as Node & Record<string, unknown>;
  switch (p.type) {
    case 'Identifier':
      return [String(p.name)];
    case 'ObjectPattern':
      return (p.properties as Node[]).flatMap((prop) => {
        const q = prop as Node & { value?: Node; argument?: Node };
        return boundNames(q.type === 'RestElement' ? q.argument! : q.value!);
      });
    case 'ArrayPattern':
      return (p.elements as (Node | null)[]).flatMap((e) => (e ? boundNames(e) : []));
    case 'RestElement':
      return boundNames(p.argument as Node);
    case 'AssignmentPattern':
      return boundNames(p.left as Node);
    default:
      return [];
  }
}

/** The markers the editor shows while the learner types: every problem, in source order (no-handler last). */
export function diagnostics(source: string): Diagnostic[] {
  const parsed = parseModule(source);
  if (!parsed.ok) return [parsed.diagnostic];
  return analyse(source, parsed.program).diagnostics;
}

/** The module as the worker loads it, or the first problem (as diagnostics orders them) that stops the run. */
export function prepare(source: string): Prepared {
  const parsed = parseModule(source);
  if (!parsed.ok) return { ok: false, failure: parsed.diagnostic.failure };
  const { diagnostics: found, kept } = analyse(source, parsed.program);
  const first = found[0];
  if (first) return { ok: false, failure: first.failure };
  return { ok: true, module: moveImports(source, kept) };
}

/** JavaScript's line terminators: kept in place so every line keeps its number. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function moveImports(source: string, kept: readonly KeptImport[]): string {
  if (kept.length === 0) return source;
  let body = '';
  let at = 0;
  const moved: string[] = [];
  for (const k of kept) {
    // The blank starts with ';': an empty statement, so the line before cannot run into the next one
    // once the declaration between them is gone (`a = b⏎import …⏎(f)()` must not become `b(f)()`).
    const blank = source
      .slice(k.start, k.end)
      .split('') // UTF-16 units, as columns count them
      .map((c, i) => (LINE_BREAK.test(c) ? c : i === 0 ? ';' : ' '))
      .join('');
    body += source.slice(at, k.start) + blank;
    at = k.end;
    // "import { createHash } from " + the placeholder; import attributes (`with {…}`) are dropped.
    moved.push(`${source.slice(k.start, k.sourceStart)}${JSON.stringify(shimPlaceholder(k.shim))};`);
  }
  body += source.slice(at);
  return `${body}\n${SHIM_IMPORTS_MARKER}\n${moved.join('\n')}\n`;
}
