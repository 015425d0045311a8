/**
 * The house's layering (DESIGN.md "The rooms"), checked on the source itself: every import of every
 * file under src/ is read with a regex, resolved, and judged. A room may import only the rooms below
 * it, and the static import graph has no cycle (type-only imports count: a cycle of types is still a
 * tangle, as i18n/index.ts ⇄ i18n/ko.ts was). eslint's no-restricted-imports says the same per file;
 * this test also sees the whole graph, so it catches cycles, and it runs in `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

type Room = 'protocol' | 'sim' | 'capture' | 'lessons' | 'build' | 'i18n' | 'node' | 'ui' | 'main';

/** What each room may import besides itself (the lesson build plugin runs in Vite, in Node). */
const ALLOWED: Readonly<Record<Room, readonly Room[]>> = {
  protocol: [],
  sim: ['protocol'],
  capture: ['protocol'],
  lessons: ['protocol'],
  node: ['protocol'],
  // The capstone: the grader drives the simulator; its sandbox imports only the grader's own contract.
  build: ['protocol', 'sim'],
  // The catalogs translate the engine's ids and check the keys sim/ and lessons/ produce.
  i18n: ['protocol', 'sim', 'capture', 'lessons', 'build'],
  ui: ['protocol', 'sim', 'capture', 'lessons', 'build', 'i18n'],
  main: ['ui', 'i18n', 'protocol', 'sim', 'capture', 'lessons', 'build'],
};

function roomOf(file: string): Room {
  const rel = relative(SRC, file);
  const top = rel.split(/[\\/]/)[0]!;
  if (rel === 'main.ts' || rel === 'vite-env.d.ts') return 'main';
  if (['protocol', 'sim', 'capture', 'lessons', 'build', 'i18n', 'node', 'ui'].includes(top))
    return top as Room;
  throw new Error(`${rel}: a file outside the known rooms`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|svelte)$/.test(d.name) ? [p] : [];
  });
}

interface Import {
  readonly from: string;
  readonly to: string;
  /** `import('…')`: loaded later, so it cannot take part in an initialisation cycle. */
  readonly dynamic: boolean;
}

// `import … from '…'`, `export … from '…'`, `import '…'` (side effect) and `import('…')`.
const STATIC = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  const add = (spec: string, dynamic: boolean): void => {
    // Only the project's own modules: packages, node: built-ins, virtual modules and CSS are not rooms.
    if (!spec.startsWith('.') || !/\.(ts|svelte)$/.test(spec)) return;
    out.push({ from: file, to: resolve(dirname(file), spec), dynamic });
  };
  for (const m of text.matchAll(STATIC)) add(m[1]!, false);
  for (const m of text.matchAll(DYNAMIC)) add(m[1]!, true);
  return out;
}

/** Tarjan's strongly connected components: every component with more than one file is a cycle. */
function cycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

const rel = (f: string): string => relative(ROOT, f);

function layeringViolations(list: readonly Import[]): string[] {
  return list
    .filter((i) => {
      const a = roomOf(i.from);
      const b = roomOf(i.to);
      if (a === b || i.from.endsWith(join('lessons', 'vite-plugin.ts'))) return false;
      return !ALLOWED[a].includes(b);
    })
    .map((i) => `${rel(i.from)} → ${rel(i.to)}`);
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);

describe('imports in src/', () => {
  it('every relative import names a file that exists', () => {
    const known = new Set(files);
    const missing = imports.filter((i) => !known.has(i.to)).map((i) => `${rel(i.from)} → ${rel(i.to)}`);
    expect(missing).toEqual([]);
  });

  it('each room imports only the rooms below it (DESIGN.md "The rooms")', () => {
    expect(layeringViolations(imports)).toEqual([]);
  });

  it('the static import graph has no cycle', () => {
    const edges = new Map<string, string[]>();
    for (const i of imports) if (!i.dynamic) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
    const found = cycles(files, edges).map((c) => c.map(rel).sort());
    expect(found).toEqual([]);
  });

  it('the checker sees a cycle and a layering violation when there is one', () => {
    // Self-tests on made-up input, so a broken regex or walk cannot pass silently.
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(['a', 'b', 'c', 'd'], graph).map((c) => c.sort())).toEqual([['a', 'b', 'c']]);
    const at = (p: string): string => join(SRC, p);
    const made = [
      { from: at('sim/world.ts'), to: at('i18n/index.ts'), dynamic: false },
      { from: at('protocol/frame.ts'), to: at('sim/clock.ts'), dynamic: true },
      { from: at('ui/App.svelte'), to: at('sim/world.ts'), dynamic: false },
    ];
    expect(layeringViolations(made)).toEqual([
      'src/sim/world.ts → src/i18n/index.ts',
      'src/protocol/frame.ts → src/sim/clock.ts',
    ]);
    expect(imports.length).toBeGreaterThan(200);
  });
});
