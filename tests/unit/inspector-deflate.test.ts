/**
 * The inspector on a compressed session (RFC 7692): the extension a connection's 101 agreed, read as the
 * decoder's choice, so a frame and its decoder link are read with it; and which messages were compressed
 * against a window kept from earlier ones (§7.2.3.2), which the decoder cannot inflate from one frame.
 */
import { describe, expect, it } from 'vitest';
import { pakoCodec } from '../../src/protocol/deflate/pako.ts';
import { renderText } from '../../src/i18n/text.ts';
import { parseCommand, runCommand } from '../../src/sim/commands.ts';
import type { FrameEvent } from '../../src/sim/timeline.ts';
import { World } from '../../src/sim/world.ts';
import { deflateChoice, extParam, readExtParam, withExt } from '../../src/ui/decoder/extension.ts';
import { decodeInput, windowNotInBytes } from '../../src/ui/decoder/model.ts';
import { messageWindow, negotiatedExtension } from '../../src/ui/playground/inspector/model.ts';
import { frameLink, parseRoute } from '../../src/ui/route.ts';
import { toHex } from '../../src/protocol/index.ts';

function run(lines: readonly string[]): World {
  const w = new World({ maxEvents: Infinity }, pakoCodec);
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`${line}: ${renderText('en', parsed.error)}`);
    if (!runCommand(w, parsed.command).ok) throw new Error(`${line}: refused`);
    w.settle(120_000);
  }
  return w;
}
const TEXT = 'hello hello hello hello';
const clientTexts = (w: World): FrameEvent[] =>
  w.timeline.events.filter(
    (e): e is FrameEvent => e.kind === 'frame' && e.from === 'client' && e.frame.opcode === 1,
  );

describe('negotiatedExtension', () => {
  it('RFC 7692 §5: a connection whose 101 agreed permessage-deflate → its parameters, as the decoder’s choice', () => {
    const w = run(['connect --deflate=server_no_context_takeover', `send ${TEXT}`]);
    const f = clientTexts(w)[0]!;
    const ext = negotiatedExtension(w.timeline.events, f.conn, f.id);
    expect(ext).toEqual(deflateChoice({ serverNoContextTakeover: true }));
    expect(extParam(ext)).toBe('permessage-deflate;server_no_context_takeover');
  });

  it('RFC 6455 §5.2: a connection that agreed nothing → none (RSV1 stays an error)', () => {
    const w = run(['connect', `send ${TEXT}`]);
    const f = clientTexts(w)[0]!;
    expect(negotiatedExtension(w.timeline.events, f.conn, f.id)).toEqual({ kind: 'none' });
  });

  it('the decoder link of a compressed frame carries ext=, and the decoder reads the same text from it', () => {
    const w = run(['connect --deflate', `send ${TEXT}`]);
    const f = clientTexts(w)[0]!;
    const ext = negotiatedExtension(w.timeline.events, f.conn, f.id);
    const link = withExt(frameLink(f.bytes, 'c2s')!, ext);
    const route = parseRoute(link);
    const choice = readExtParam(route.params.ext);
    expect(choice.problem).toBeNull();
    if (choice.choice.kind !== 'permessage-deflate') throw new Error('no extension');
    const option = { codec: pakoCodec, params: choice.choice.params };
    const d = decodeInput(route.hex!, route.dir, option);
    expect(d.inspection.events.flatMap((e) => (e.type === 'message' ? [e.data] : []))).toEqual([TEXT]);
    expect(toHex(d.bytes)).toBe(toHex(f.bytes));
  });
});

describe('messageWindow', () => {
  it('§7.2.3.2 context takeover: the first message’s window is empty, the second’s kept — and the decoder says it needs the first', () => {
    const w = run(['connect --deflate', `send ${TEXT}`, `send ${TEXT}`]);
    const [first, second] = clientTexts(w);
    expect(messageWindow(w.timeline.events, first!)).toBe('empty');
    expect(messageWindow(w.timeline.events, second!)).toBe('kept');
    const ext = negotiatedExtension(w.timeline.events, second!.conn, second!.id);
    if (ext.kind !== 'permessage-deflate') throw new Error('no extension');
    const option = { codec: pakoCodec, params: ext.params };
    const d = decodeInput(toHex(second!.bytes), 'c2s', option);
    expect(windowNotInBytes(d, 'c2s', option)).toBe(true);
  });

  it('§7.1.1.2 client_no_context_takeover: every client message starts from a reset window', () => {
    const w = run(['connect --deflate=client_no_context_takeover', `send ${TEXT}`, `send ${TEXT}`]);
    const [, second] = clientTexts(w);
    expect(messageWindow(w.timeline.events, second!)).toBe('reset');
  });

  it('a frame that is not compressed has no window', () => {
    const w = run(['connect', `send ${TEXT}`]);
    expect(messageWindow(w.timeline.events, clientTexts(w)[0]!)).toBeNull();
  });
});
