/**
 * console.log's line, roughly as Node's util.format writes it, so what the learner prints in the page
 * reads as it would in their terminal under `npm run my-server`: strings as they are, bytes as
 * `<Buffer 81 85 37 fa>`, objects in util.inspect's shape (`{ a: 1, b: 'x' }`), printf-style %s %d %i
 * %f %j %o %O %c %% when the first argument is a string. Small on purpose: no colours, no getters run.
 */

/** Node shows the first 50 bytes of a Buffer (buffer.INSPECT_MAX_BYTES). */
const MAX_BYTES = 50;
/** Node's util.inspect: 100 array items, nested objects to depth 2. */
const MAX_ITEMS = 100;
const MAX_DEPTH = 2;

export function formatLog(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map((a) => inspectTop(a)).join(' ');
  let i = 0;
  const head = first.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= rest.length) return m;
    const value = rest[i++];
    switch (m) {
      case '%s':
        return typeof value === 'string' ? value : inspectTop(value);
      case '%d':
      case '%i': {
        if (typeof value === 'bigint') return `${value}n`;
        const n = Number(value);
        return String(m === '%i' ? Math.trunc(n) : n);
      }
      case '%f':
        return String(Number(value));
      case '%j':
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case '%c':
        return ''; // CSS in the browser's console; Node drops it too
      default:
        return inspect(value, 0, new Set());
    }
  });
  return [head, ...rest.slice(i).map((a) => inspectTop(a))].join(' ');
}

/** A top-level argument: strings bare, everything else inspected. */
function inspectTop(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, 0, new Set());
}

export function inspect(value: unknown, depth: number, seen: Set<unknown>): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function: ${value.name || '(anonymous)'}]`;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return bytes(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (seen.has(value)) return '[Circular]';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
    return `${value.constructor.name} { byteLength: ${value.byteLength} }`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  seen.add(value);
  try {
    const nested = (v: unknown) => inspect(v, depth + 1, seen);
    if (Array.isArray(value)) {
      if (depth > MAX_DEPTH) return '[Array]';
      const items = value.slice(0, MAX_ITEMS).map(nested);
      if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more items`);
      return items.length ? `[ ${items.join(', ')} ]` : '[]';
    }
    if (value instanceof Map) {
      if (depth > MAX_DEPTH) return '[Map]';
      const items = [...value].slice(0, MAX_ITEMS).map(([k, v]) => `${nested(k)} => ${nested(v)}`);
      return `Map(${value.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
    }
    if (value instanceof Set) {
      if (depth > MAX_DEPTH) return '[Set]';
      const items = [...value].slice(0, MAX_ITEMS).map(nested);
      return `Set(${value.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
    }
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    const prefix = name && name !== 'Object' ? `${name} ` : '';
    if (depth > MAX_DEPTH) return `[${name || 'Object'}]`;
    const entries = Object.keys(value)
      .slice(0, MAX_ITEMS)
      .map((k) => {
        const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k, 0, seen);
        const v = Object.getOwnPropertyDescriptor(value, k);
        return `${key}: ${v && 'value' in v ? nested(v.value) : '[Getter]'}`;
      });
    return entries.length ? `${prefix}{ ${entries.join(', ')} }` : `${prefix}{}`;
  } finally {
    seen.delete(value);
  }
}

/** `<Buffer 81 85 37 fa ... 46 more bytes>`, as Node prints a Buffer. */
function bytes(value: Uint8Array): string {
  const shown = [...value.subarray(0, MAX_BYTES)].map((b) => b.toString(16).padStart(2, '0'));
  const more = value.length > MAX_BYTES ? ` ... ${value.length - MAX_BYTES} more bytes` : '';
  return `<Buffer${shown.length ? ` ${shown.join(' ')}` : ''}${more}>`;
}
