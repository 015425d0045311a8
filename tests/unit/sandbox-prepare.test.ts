/**
 * prepare() and diagnostics(): what the #/build page refuses before the learner's server runs, where
 * the editor marks it, and the module the sandbox's worker loads (every line:column kept).
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, prepare } from '../../src/build/sandbox/prepare.ts';
import { SHIM_IMPORTS_MARKER } from '../../src/build/sandbox/shims.ts';

const SERVER = `import { createHash } from 'node:crypto';

export default function onConnection(socket) {
  socket.on('data', (chunk) => socket.write(chunk));
}
`;

function failureOf(source: string) {
  const r = prepare(source);
  if (r.ok) throw new Error('expected a refusal');
  return r.failure;
}

function moduleOf(source: string): string {
  const r = prepare(source);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.failure)}`);
  return r.module;
}

describe('prepare: what runs', () => {
  it('a module with a default export and node:crypto passes; its imports move after the last line', () => {
    const module = moduleOf(SERVER);
    const [body, moved] = module.split(`\n${SHIM_IMPORTS_MARKER}\n`);
    expect(moved).toBe(`import { createHash } from "ws101-shim:crypto";\n`);
    // The declaration is blanked in place: ';' (an empty statement) and spaces, same length.
    expect(body!.split('\n')[0]).toBe(
      `;${' '.repeat("import { createHash } from 'node:crypto';".length - 1)}`,
    );
  });

  it('every line and column of the learner code stays where the editor shows it', () => {
    const source = `const a = 1; import { createHash as h } from "crypto"; const b = h('sha1');
import {
  Buffer,
} from 'node:buffer'; const c = 'é😀'; import 'buffer';
export default (s) => s.end(Buffer.from(String(a + b + c)));
`;
    const module = moduleOf(source);
    const body = module.slice(0, module.indexOf(`\n${SHIM_IMPORTS_MARKER}\n`));
    expect(body.length).toBe(source.length);
    const lines = body.split('\n');
    const original = source.split('\n');
    expect(lines.length).toBe(original.length);
    // Code around the blanked imports is at the same offsets, character for character.
    for (const needle of ["const b = h('sha1');", "const c = 'é😀';", 'export default (s)'])
      expect(body.indexOf(needle)).toBe(source.indexOf(needle));
    expect(module).toContain('import { createHash as h } from "ws101-shim:crypto";');
    expect(module).toContain('import {\n  Buffer,\n} from "ws101-shim:buffer";');
    expect(module).toContain('import "ws101-shim:buffer";');
  });

  it('a line before a moved import cannot run into the line after it (ASI kept by the blank ;)', () => {
    const module = moduleOf(`const f = (x) => x\nimport 'node:crypto'\n;(f)(1)\nexport default f\n`);
    expect(module.startsWith(`const f = (x) => x\n;`)).toBe(true);
  });

  it('a module without imports is passed as it is', () => {
    const source = 'export default function (socket) {}\n';
    expect(moduleOf(source)).toBe(source);
  });

  it('`export { f as default }` is a default export', () => {
    expect(prepare('function f() {}\nexport { f as default };').ok).toBe(true);
  });
});

describe('prepare: what is refused before anything runs', () => {
  it('a syntax error → syntax, at its 1-based line and column, without acorn\'s "(l:c)" suffix', () => {
    expect(
      failureOf('export default function (s) {\n  s.on("data", (c) => {\n    s.write(c\n  });\n}\n'),
    ).toEqual({
      kind: 'syntax',
      message: 'Unexpected token',
      at: { line: 4, column: 3 },
    });
  });

  it('import of another module → import, at the specifier', () => {
    expect(failureOf(`import fs from 'node:fs';\nexport default () => {};`)).toEqual({
      kind: 'import',
      specifier: 'node:fs',
      at: { line: 1, column: 16 },
    });
  });

  it("import() → import: the sandbox has no module to load at run time (even node:crypto's)", () => {
    const failure = failureOf(`export default async (s) => {\n  const c = await import('node:crypto');\n};`);
    expect(failure).toEqual({
      kind: 'import',
      specifier: "import('node:crypto')",
      at: { line: 2, column: 19 },
    });
  });

  it('export … from → import (a re-export is an import)', () => {
    expect(failureOf(`export { createHash } from 'node:crypto';\nexport default () => {};`)).toMatchObject({
      kind: 'import',
      specifier: 'node:crypto',
    });
    expect(failureOf(`export * from './other.js';\nexport default () => {};`)).toMatchObject({
      kind: 'import',
      specifier: './other.js',
    });
  });

  it('a named import the shim lacks → syntax (a link-time SyntaxError in JavaScript), naming what it has', () => {
    const unavailable = failureOf(`import { createHmac } from 'node:crypto';\nexport default () => {};`);
    expect(unavailable).toMatchObject({ kind: 'syntax', at: { line: 1, column: 10 } });
    expect(unavailable.kind === 'syntax' && unavailable.message).toContain(
      "createHmac is not available in ws101's sandbox",
    );
    const unknown = failureOf(`import { nope } from 'buffer';\nexport default () => {};`);
    expect(unknown.kind === 'syntax' && unknown.message).toContain("does not provide an export named 'nope'");
  });

  it('no default export → no-handler, with what the module does export', () => {
    expect(failureOf('export function onConnection(s) {}\nexport const a = 1, { b } = {};')).toEqual({
      kind: 'no-handler',
      found: 'onConnection, a, b',
    });
    expect(failureOf('module.exports = function (s) {};')).toEqual({ kind: 'no-handler', found: '' });
  });

  it('several problems: prepare gives the first in source order, a missing default export last', () => {
    expect(failureOf(`import a from 'b';\nimport c from 'd';`)).toMatchObject({
      kind: 'import',
      specifier: 'b',
    });
  });
});

describe('diagnostics: the editor markers', () => {
  it('a correct module has none', () => {
    expect(diagnostics(SERVER)).toEqual([]);
  });

  it('every problem, in source order, each with the span it covers', () => {
    const found = diagnostics(
      `import fs from 'fs';\nimport { createHmac } from 'crypto';\nconst m = import('x');\n`,
    );
    expect(found.map((d) => [d.failure.kind, d.from, d.to])).toEqual([
      ['import', { line: 1, column: 16 }, { line: 1, column: 20 }],
      ['syntax', { line: 2, column: 10 }, { line: 2, column: 20 }],
      ['import', { line: 3, column: 11 }, { line: 3, column: 22 }],
      // Last, on the first line: a missing export has no place of its own.
      ['no-handler', { line: 1, column: 1 }, { line: 1, column: 21 }],
    ]);
  });

  it('a syntax error is the only marker (nothing else can be read past it)', () => {
    expect(diagnostics('import fs from "fs"\nexport default (')).toEqual([
      {
        failure: { kind: 'syntax', message: 'Unexpected token', at: { line: 2, column: 17 } },
        from: { line: 2, column: 17 },
        to: { line: 2, column: 18 },
      },
    ]);
  });
});
