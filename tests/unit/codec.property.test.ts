/**
 * Property tests (fast-check): every valid frame survives encode → decode at every chunking, and no
 * byte string — random or a mutation of a valid frame — makes the decoder or a Connection throw or hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Connection,
  FrameDecoder,
  applyMask,
  encodeFrame,
  inspectBytes,
  parseHex,
  wireFields,
  type DecodeStep,
  type FrameSpec,
} from '../../src/protocol/index.ts';
import { sameBytes } from '../support/bytes.ts';

const dataOpcode = fc.constantFrom(0x0, 0x1, 0x2);
const controlOpcode = fc.constantFrom(0x8, 0x9, 0xa);

/** Any frame §5.2 allows on the wire (control frames: FIN = 1, ≤ 125 bytes). */
const validFrame: fc.Arbitrary<FrameSpec> = fc.oneof(
  fc.record({
    fin: fc.boolean(),
    opcode: dataOpcode,
    payload: fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.integer({ min: 65530, max: 66000 }).map((n) => new Uint8Array(n).fill(7)),
      fc.constant(new Uint8Array(0)),
    ),
    maskKey: fc.option(fc.uint8Array({ minLength: 4, maxLength: 4 }), { nil: null }),
  }),
  fc.record({
    fin: fc.constant(true),
    opcode: controlOpcode,
    payload: fc.uint8Array({ maxLength: 125 }),
    maskKey: fc.option(fc.uint8Array({ minLength: 4, maxLength: 4 }), { nil: null }),
  }),
);

/** Cut `bytes` at the given (sorted, deduplicated) positions. */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
}

function decodeAll(chunks: Uint8Array[]): DecodeStep[] {
  const d = new FrameDecoder();
  const steps: DecodeStep[] = [];
  for (const c of chunks) {
    d.push(c);
    for (let guard = 0; guard < 10_000; guard++) {
      const s = d.next();
      steps.push(s);
      if (s.kind !== 'frame') break;
    }
  }
  return steps.filter((s) => s.kind !== 'need');
}

describe('§5.2 encode → decode round trip', () => {
  it('every valid frame decodes to itself, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(validFrame, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (specs, cuts) => {
          const wire = specs.map((s) => encodeFrame(s));
          const all = new Uint8Array(wire.reduce((n, w) => n + w.length, 0));
          let p = 0;
          for (const w of wire) {
            all.set(w, p);
            p += w.length;
          }
          const steps = decodeAll(chunk(all, cuts));
          expect(steps.length).toBe(specs.length);
          steps.forEach((s, i) => {
            const spec = specs[i]!;
            if (s.kind !== 'frame') throw new Error(`frame ${i}: ${JSON.stringify(s)}`);
            expect(s.frame.header.fin).toBe(spec.fin ?? true);
            expect(s.frame.header.opcode).toBe(spec.opcode);
            expect(s.frame.header.masked).toBe(spec.maskKey != null);
            expect(sameBytes(s.frame.payload, spec.payload)).toBe(true);
            expect(sameBytes(s.frame.wireBytes(), wire[i]!)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the decoder says exactly how many more bytes it needs', () => {
    fc.assert(
      fc.property(validFrame, fc.nat(), (spec, cut) => {
        const wire = encodeFrame(spec);
        const at = cut % wire.length; // strictly inside the frame
        const d = new FrameDecoder();
        d.push(wire.subarray(0, at));
        const s = d.next();
        expect(s.kind).toBe('need');
        if (s.kind !== 'need') return;
        // Feeding exactly `need` more bytes either completes the frame or reveals the next need.
        d.push(wire.subarray(at, at + s.need));
        const s2 = d.next();
        if (at + s.need >= wire.length) expect(s2.kind).toBe('frame');
        else expect(s2.kind).toBe('need');
      }),
      { numRuns: 300 },
    );
  });

  it('masking twice with the same key gives the input back, at every alignment and phase', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.nat(3),
        fc.nat(7),
        (data, k, phase, shift) => {
          const buf = new Uint8Array(data.length + shift);
          const view = buf.subarray(shift);
          view.set(data);
          applyMask(view, k, phase);
          data.forEach((b, i) => expect(view[i]).toBe(b ^ k[(i + phase) & 3]!));
          applyMask(view, k, phase);
          expect(view).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('arbitrary bytes are a lesson, not a crash', () => {
  const anyBytes = fc.uint8Array({ maxLength: 200 });
  const mutated = fc
    .tuple(
      validFrame,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    )
    .map(([spec, edits]) => {
      const w = encodeFrame(spec).slice();
      for (const [i, v] of edits) w[i % w.length] = v;
      return w;
    });

  for (const [name, arb] of [
    ['random bytes', anyBytes],
    ['mutated valid frames', mutated],
  ] as const) {
    it(`${name}: decoder, both roles of Connection and the inspector return typed results`, () => {
      fc.assert(
        fc.property(arb, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
          for (const step of decodeAll(chunk(bytes, cuts))) {
            if (step.kind === 'error') {
              expect(step.error.kind).toBe('protocol-error');
              expect(step.error.section).toMatch(/^\d+(\.\d+)*$/);
            }
          }
          for (const role of ['client', 'server'] as const) {
            const c = new Connection(role);
            for (const part of chunk(bytes, cuts)) c.receiveData(part);
            for (const e of c.events()) {
              if (e.type === 'error') expect(e.error.answer.kind).toBe('close');
            }
          }
          const view = inspectBytes(bytes, 'c2s');
          expect(['complete', 'need', 'error']).toContain(view.end.kind);
          wireFields(bytes);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('the hex parser never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseHex(s, 64);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
