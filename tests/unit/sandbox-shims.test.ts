/**
 * The sandbox's node:crypto and node:buffer, as the learner's Node-style server uses them — compared
 * with Node's own where both exist, so the same file gives the same bytes in the page and under
 * `npm run my-server`.
 */
import * as nodeCryptoReal from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeBuffer } from '../../src/build/sandbox/node-buffer.ts';
import { createHash, nodeCrypto, randomBytes } from '../../src/build/sandbox/node-crypto.ts';
import { SHIM_EXPORTS, SHIM_GLOBAL, shimModuleSource } from '../../src/build/sandbox/shims.ts';

// The npm package (what the page's worker has), not Node's own Buffer.
const { Buffer } = nodeBuffer as { Buffer: typeof import('buffer/').Buffer };

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

describe('node:crypto in the sandbox', () => {
  it("§4.2.2/§1.3: createHash('sha1') of the RFC's key + GUID, base64 → s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", () => {
    expect(createHash('sha1').update(`dGhlIHNhbXBsZSBub25jZQ==${GUID}`).digest('base64')).toBe(
      's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    );
  });

  it('update() chains and takes strings (UTF-8) and bytes alike; the result equals Node’s', () => {
    const ours = createHash('sha1').update('héllo ').update(new TextEncoder().encode('wörld')).digest('hex');
    const node = nodeCryptoReal.createHash('sha1').update('héllo ').update('wörld').digest('hex');
    expect(ours).toBe(node);
  });

  it('digest forms: hex, base64, base64url, binary (latin1), and digest() → a Buffer of 20 bytes', () => {
    const forms = (encoding?: string) => {
      const h = createHash('sha1').update('abc');
      return encoding === undefined ? h.digest() : h.digest(encoding);
    };
    const node = (encoding: 'hex' | 'base64' | 'base64url' | 'binary') =>
      nodeCryptoReal.createHash('sha1').update('abc').digest(encoding);
    expect(forms('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    for (const e of ['hex', 'base64', 'base64url', 'binary'] as const) expect(forms(e)).toBe(node(e));
    const bytes = forms();
    expect(bytes).toBeInstanceOf(Buffer);
    expect((bytes as InstanceType<typeof Buffer>).length).toBe(20);
    expect((bytes as InstanceType<typeof Buffer>).toString('base64')).toBe(node('base64'));
  });

  it("createHash('sha256') equals Node's", () => {
    expect(createHash('sha256').update('ws101').digest('hex')).toBe(
      nodeCryptoReal.createHash('sha256').update('ws101').digest('hex'),
    );
  });

  it('a Hash is finished after digest(), as in Node; copy() forks it before', () => {
    const h = createHash('sha1').update('a');
    const fork = h.copy().update('b');
    expect(h.digest('hex')).toBe(nodeCryptoReal.createHash('sha1').update('a').digest('hex'));
    expect(fork.digest('hex')).toBe(nodeCryptoReal.createHash('sha1').update('ab').digest('hex'));
    expect(() => h.update('x')).toThrow(/Digest already called/);
    expect(() => h.digest()).toThrow(/Digest already called/);
  });

  it("createHash('md5') and update(42) say what is wrong", () => {
    expect(() => createHash('md5')).toThrow(/only 'sha1'.*and 'sha256'/);
    expect(() => createHash('sha1').update(42 as unknown as string)).toThrow(
      /string, a Buffer or a Uint8Array/,
    );
  });

  it('randomBytes(n): n bytes, as a Buffer, more than getRandomValues gives in one call', () => {
    const r = randomBytes(70_000);
    expect(r).toBeInstanceOf(Buffer);
    expect(r.length).toBe(70_000);
    expect(new Set(r.subarray(65_536)).size).toBeGreaterThan(1); // the second chunk was filled too
    expect(() => randomBytes(-1)).toThrow(RangeError);
  });

  it('what the sandbox lacks throws "not available in ws101\'s sandbox" (default export and named stubs)', () => {
    const createHmac = nodeCrypto.createHmac as () => unknown;
    expect(() => createHmac()).toThrow("crypto.createHmac is not available in ws101's sandbox");
    for (const name of SHIM_EXPORTS.crypto.unavailable) expect(typeof nodeCrypto[name]).toBe('function');
  });
});

describe('node:buffer in the sandbox (the buffer package)', () => {
  it('Buffer basics a server uses: from/concat/toString/readUInt16BE/subarray', () => {
    const head = Buffer.from([0x81, 0x7e, 0x01, 0x00]);
    const all = Buffer.concat([head, Buffer.from('Hello', 'utf8')]);
    expect(all.length).toBe(9);
    expect(all.readUInt16BE(2)).toBe(256);
    expect(all.subarray(4).toString()).toBe('Hello');
    expect(Buffer.from('SGVsbG8=', 'base64').toString('utf8')).toBe('Hello');
    expect(all.toString('hex', 0, 2)).toBe('817e');
    expect(Buffer.isBuffer(all)).toBe(true);
    expect(all).toBeInstanceOf(Uint8Array);
  });

  it('the module object has every name the blob module re-exports', () => {
    for (const name of [...SHIM_EXPORTS.buffer.available, ...SHIM_EXPORTS.buffer.unavailable])
      expect(nodeBuffer[name], name).toBeDefined();
    for (const name of SHIM_EXPORTS.crypto.available) expect(nodeCrypto[name], name).toBeDefined();
  });
});

describe('the shims as modules the learner imports', () => {
  it('each shim module re-exports every name of SHIM_EXPORTS from the worker-held object, and a default', () => {
    const text = shimModuleSource('crypto');
    expect(text).toContain(`globalThis["${SHIM_GLOBAL}"].crypto`);
    expect(text).toContain('export default m;');
    for (const name of [...SHIM_EXPORTS.crypto.available, ...SHIM_EXPORTS.crypto.unavailable])
      expect(text).toContain(`export const ${name} = m.${name};`);
  });
});
