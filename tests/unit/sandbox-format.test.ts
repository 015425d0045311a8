/** console.log in the sandbox: the line the learner sees, written the way Node's util.format writes it. */
import { describe, expect, it } from 'vitest';
import { formatLog } from '../../src/build/sandbox/format.ts';

describe('formatLog (console.log in the sandbox)', () => {
  it('strings as they are, joined by spaces; numbers, booleans, null, undefined as Node prints them', () => {
    expect(formatLog(['got', 5, 'bytes', true, null, undefined, 10n])).toBe(
      'got 5 bytes true null undefined 10n',
    );
  });

  it('bytes as <Buffer …> in hex, the first 50 and a count of the rest', () => {
    expect(formatLog([new Uint8Array([0x81, 0x85, 0x37, 0xfa])])).toBe('<Buffer 81 85 37 fa>');
    expect(formatLog([new Uint8Array(0)])).toBe('<Buffer>');
    expect(formatLog([new Uint8Array(53)])).toBe(
      `<Buffer ${Array(50).fill('00').join(' ')} ... 3 more bytes>`,
    );
  });

  it("objects and arrays in util.inspect's shape, nested strings quoted", () => {
    expect(formatLog([{ opcode: 1, fin: true, text: 'hi', nested: { a: [1, 2] } }])).toBe(
      "{ opcode: 1, fin: true, text: 'hi', nested: { a: [ 1, 2 ] } }",
    );
    expect(formatLog([[]])).toBe('[]');
    expect(formatLog([new Map([['k', 1]]), new Set([2])])).toBe("Map(1) { 'k' => 1 } Set(1) { 2 }");
  });

  it('errors as "Name: message", functions by name, cycles as [Circular], depth past 2 as [Object]', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatLog([new RangeError('too far'), function onData() {}, loop])).toBe(
      'RangeError: too far [Function: onData] { self: [Circular] }',
    );
    expect(formatLog([{ a: { b: { c: { d: 1 } } } }])).toBe('{ a: { b: { c: [Object] } } }');
  });

  it('printf-style %s %d %i %f %j %o %%, extra arguments appended, missing ones left as written', () => {
    expect(formatLog(['%s sent %d bytes (%i%%) %j', 'client', 4.5, 99.9, { a: 1 }, 'extra'])).toBe(
      'client sent 4.5 bytes (99%) {"a":1} extra',
    );
    expect(formatLog(['%o and %s', [1]])).toBe('[ 1 ] and %s');
    expect(formatLog(['%c styled', 'color: red'])).toBe(' styled');
  });
});
