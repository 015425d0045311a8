/**
 * What the learner's file can use, as declarations for the editor's TypeScript checking (addExtraLib):
 * the socket `onConnection` receives (`import('ws101').Socket`, src/build/socket.ts), `node:crypto`'s
 * createHash and `node:buffer`'s Buffer (the sandbox's shims, and Node's own under `npm run my-server`),
 * and the few globals the sandbox has. The editor's lib is ES2023 without the DOM: the sandbox has no
 * DOM, storage or network, and a squiggle under `fetch` says so before a run does.
 *
 * Only what behaves the same in the page and under Node is declared (socket.setEncoding is accepted
 * but changes nothing in the page, so it is left out).
 */

/** `node:buffer` (Node's API; in the page, the `buffer` package): the part a WebSocket server uses. */
const BUFFER = `
declare module 'node:buffer' {
  type Encoding = 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'ascii';
  export class Buffer extends Uint8Array {
    /** A copy of the string's bytes (UTF-8 unless told), or of the array's. */
    static from(data: string, encoding?: Encoding): Buffer;
    static from(data: ArrayLike<number> | ArrayBufferLike): Buffer;
    /** \`size\` zero bytes. */
    static alloc(size: number, fill?: number): Buffer;
    static allocUnsafe(size: number): Buffer;
    /** The arrays one after another, in a new Buffer. */
    static concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
    /** The string's length in bytes (UTF-8 unless told). */
    static byteLength(text: string, encoding?: Encoding): number;
    static isBuffer(value: unknown): value is Buffer;
    static compare(a: Uint8Array, b: Uint8Array): -1 | 0 | 1;
    /** The bytes as text (UTF-8 unless told), from \`start\` to \`end\`. */
    toString(encoding?: Encoding, start?: number, end?: number): string;
    equals(other: Uint8Array): boolean;
    /** A view of the same bytes (no copy). */
    subarray(start?: number, end?: number): Buffer;
    /** A view of the same bytes (no copy), as Node's Buffer.slice is. */
    slice(start?: number, end?: number): Buffer;
    /** Writes the string's bytes at \`offset\`; returns how many were written. */
    write(text: string, offset?: number, encoding?: Encoding): number;
    copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
    readUInt8(offset?: number): number;
    readUInt16BE(offset?: number): number;
    readUInt16LE(offset?: number): number;
    readUInt32BE(offset?: number): number;
    readUInt32LE(offset?: number): number;
    readBigUInt64BE(offset?: number): bigint;
    readBigUInt64LE(offset?: number): bigint;
    writeUInt8(value: number, offset?: number): number;
    writeUInt16BE(value: number, offset?: number): number;
    writeUInt16LE(value: number, offset?: number): number;
    writeUInt32BE(value: number, offset?: number): number;
    writeUInt32LE(value: number, offset?: number): number;
    writeBigUInt64BE(value: bigint, offset?: number): number;
    writeBigUInt64LE(value: bigint, offset?: number): number;
  }
}
declare module 'buffer' {
  export { Buffer } from 'node:buffer';
}
`;

/** `node:crypto`: SHA-1 for Sec-WebSocket-Accept (in the page, on @noble/hashes). */
const CRYPTO = `
declare module 'node:crypto' {
  import type { Buffer } from 'node:buffer';
  export interface Hash {
    /** Adds bytes to hash (a string counts as its UTF-8 bytes). */
    update(data: string | Uint8Array): Hash;
    /** The hash as text: base64 for Sec-WebSocket-Accept (RFC 6455 §4.2.2), or hex. */
    digest(encoding: 'base64' | 'hex'): string;
    /** The hash's bytes. */
    digest(): Buffer;
  }
  /** 'sha1' is the hash RFC 6455 §4.2.2 uses. */
  export function createHash(algorithm: 'sha1'): Hash;
}
declare module 'crypto' {
  export { createHash, type Hash } from 'node:crypto';
}
`;

/** The socket: the part of Node's net.Socket that ws101 gives `onConnection` (src/build/socket.ts). */
const SOCKET = `
declare module 'ws101' {
  import type { Buffer } from 'node:buffer';
  export interface Socket {
    /** Bytes from the client, in whatever pieces TCP delivered them (a frame may be split, or several in one). */
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    /** The client sent FIN: it will send nothing more. Your side is ended for you afterwards, as in Node. */
    on(event: 'end', listener: () => void): this;
    /** The connection is gone (\`hadError\` for a reset). */
    on(event: 'close', listener: (hadError: boolean) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    once(event: 'data', listener: (chunk: Buffer) => void): this;
    once(event: 'end', listener: () => void): this;
    once(event: 'close', listener: (hadError: boolean) => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    off(event: 'data' | 'end' | 'close' | 'error', listener: (...args: any[]) => void): this;
    /** Sends bytes to the client (a string is sent as its UTF-8 bytes). */
    write(data: Uint8Array | string, callback?: () => void): boolean;
    /** Sends FIN (after \`data\`, if given): you will send nothing more. */
    end(data?: Uint8Array | string, callback?: () => void): this;
    /** Drops the connection at once (no FIN: a reset). */
    destroy(error?: Error): this;
    readonly destroyed: boolean;
    readonly writable: boolean;
    readonly remoteAddress: string;
    readonly remotePort: number;
    setNoDelay(noDelay?: boolean): this;
    setKeepAlive(enable?: boolean, initialDelay?: number): this;
  }
}
`;

/** The sandbox's globals beyond the language's own: no DOM, no storage, no network. */
const GLOBALS = `
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
}
declare var console: Console;
declare class TextEncoder {
  readonly encoding: string;
  /** The string's UTF-8 bytes. */
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  /** \`fatal: true\`: decode throws on bytes that are not valid UTF-8 (RFC 6455 §8.1 asks you to fail then). */
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id?: number): void;
declare function queueMicrotask(callback: () => void): void;
`;

/** Each declaration file, by the path the editor's TypeScript sees it at. */
export const LEARNER_TYPES: readonly { readonly path: string; readonly content: string }[] = [
  { path: 'file:///node_modules/@types/ws101-node/buffer.d.ts', content: BUFFER },
  { path: 'file:///node_modules/@types/ws101-node/crypto.d.ts', content: CRYPTO },
  { path: 'file:///node_modules/@types/ws101-node/socket.d.ts', content: SOCKET },
  { path: 'file:///node_modules/@types/ws101-node/globals.d.ts', content: GLOBALS },
];
