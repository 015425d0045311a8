/** Turning what the learner's code threw into a HostFailure the page can explain (host.ts). */
import type { HostFailure, SourceAt } from './host.ts';

const STACK_OVERFLOW = /Maximum call stack size exceeded|too much recursion/;
// V8's words for an allocation it could not make (the sandbox would run out of memory).
const OUT_OF_MEMORY =
  /Array buffer allocation failed|Invalid array length|Invalid typed array length|Invalid string length|out of memory/i;

/**
 * Where in the module at `moduleUrl` the error was thrown: the first stack frame in that module
 * (V8's "at f (url:line:column)" and "url:line:column"), or null when none is (a throw in a shim).
 */
export function locate(error: unknown, moduleUrl: string): SourceAt | null {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\n')) {
    const i = line.indexOf(moduleUrl);
    if (i < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(i + moduleUrl.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return null;
}

/** A short "Name: message" for any thrown value (not only Errors: code may `throw 'oops'`). */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `${typeof error === 'string' ? error : JSON.stringify(error)} (thrown, not an Error)`;
  } catch {
    return String(error);
  }
}

export function failureOf(
  kind: 'threw' | 'load-threw' | 'rejected',
  error: unknown,
  moduleUrl: string,
): HostFailure {
  const message = describeThrown(error);
  const at = locate(error, moduleUrl);
  if (STACK_OVERFLOW.test(message)) return { kind: 'stack', at };
  if (OUT_OF_MEMORY.test(message)) return { kind: 'memory', message };
  return { kind, message, at };
}
