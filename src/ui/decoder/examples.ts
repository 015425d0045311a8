/**
 * Example bytes for the decoder: RFC 6455 §5.7's own examples, RFC 7692 §7.2.3's (permessage-deflate),
 * then frames broken on purpose. Each example is a whole setting: bytes, direction and extension.
 */
import type { Direction } from '../../protocol/index.ts';
import type { PlainKey } from '../../i18n/index.ts';
import { NO_EXTENSION, deflateChoice, type ExtChoice } from './extension.ts';

export interface Example {
  readonly id: string;
  readonly label: PlainKey;
  readonly hex: string;
  /** The direction in which the RFC example is valid (masked frames come from clients). */
  readonly dir: Direction;
  /** The extension the bytes were made for; picking the example switches the decoder to it. */
  readonly ext: ExtChoice;
}

export const RFC_EXAMPLES: readonly Example[] = [
  { id: 'hello', label: 'ex.hello', hex: '81 05 48 65 6c 6c 6f', dir: 's2c', ext: NO_EXTENSION },
  {
    id: 'hello-masked',
    label: 'ex.helloMasked',
    hex: '81 85 37 fa 21 3d 7f 9f 4d 51 58',
    dir: 'c2s',
    ext: NO_EXTENSION,
  },
  {
    id: 'fragmented',
    label: 'ex.fragmented',
    hex: '01 03 48 65 6c\n80 02 6c 6f',
    dir: 's2c',
    ext: NO_EXTENSION,
  },
  { id: 'ping', label: 'ex.ping', hex: '89 05 48 65 6c 6c 6f', dir: 's2c', ext: NO_EXTENSION },
  { id: 'binary-256', label: 'ex.binary256', hex: '82 7e 01 00', dir: 's2c', ext: NO_EXTENSION },
  { id: 'close-1000', label: 'ex.close1000', hex: '88 02 03 e8', dir: 's2c', ext: NO_EXTENSION },
];

/**
 * RFC 7692 §7.2.3: the RFC's own bytes, server → client (unmasked) as it writes them. Without the
 * extension every one of them is a protocol error (RSV1 without a negotiated extension, 1002).
 */
export const DEFLATE_EXAMPLES: readonly Example[] = [
  // §7.2.3.1: "Hello" in one compressed frame.
  {
    id: 'deflate-hello',
    label: 'ex.deflateHello',
    hex: 'c1 07 f2 48 cd c9 c9 07 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // §7.2.3.1: the same DEFLATE bytes cut into two frames; RSV1 on the first only.
  {
    id: 'deflate-fragmented',
    label: 'ex.deflateFragmented',
    hex: '41 03 f2 48 cd\n80 04 c9 c9 07 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // §7.2.3.2: the second "Hello" is a 3-byte back-reference into the window the first one left.
  {
    id: 'deflate-takeover',
    label: 'ex.deflateTakeover',
    hex: 'c1 07 f2 48 cd c9 c9 07 00\nc1 05 f2 00 11 00 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // §7.2.3.2 with server_no_context_takeover: each message compressed on its own, the same bytes twice.
  {
    id: 'deflate-no-takeover',
    label: 'ex.deflateNoTakeover',
    hex: 'c1 07 f2 48 cd c9 c9 07 00\nc1 07 f2 48 cd c9 c9 07 00',
    dir: 's2c',
    ext: deflateChoice({ serverNoContextTakeover: true }),
  },
  // §7.2.3.3: a DEFLATE block with no compression (a stored block): the text is in clear.
  {
    id: 'deflate-stored',
    label: 'ex.deflateStored',
    hex: 'c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // RFC 7692 §6: RSV1 = 0 on a connection with permessage-deflate is a message sent uncompressed.
  {
    id: 'deflate-uncompressed',
    label: 'ex.deflateUncompressed',
    hex: '81 05 48 65 6c 6c 6f\nc1 07 f2 48 cd c9 c9 07 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // §7.2.3.4: a block with BFINAL set; the 00 00 ff ff appended after it starts a new stream.
  {
    id: 'deflate-bfinal',
    label: 'ex.deflateBfinal',
    hex: 'c1 08 f3 48 cd c9 c9 07 00 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
  // §7.2.3.5: two DEFLATE blocks in one message, "He" sync-flushed, then "llo".
  {
    id: 'deflate-two-blocks',
    label: 'ex.deflateTwoBlocks',
    hex: 'c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00',
    dir: 's2c',
    ext: deflateChoice(),
  },
];

export const BROKEN_EXAMPLES: readonly Example[] = [
  { id: 'ping-126', label: 'ex.pingTooLong', hex: '89 7e 00 7e', dir: 's2c', ext: NO_EXTENSION },
  {
    id: 'unmasked-client',
    label: 'ex.unmaskedClient',
    hex: '81 05 48 65 6c 6c 6f',
    dir: 'c2s',
    ext: NO_EXTENSION,
  },
  { id: 'reserved-opcode', label: 'ex.reservedOpcode', hex: '83 00', dir: 's2c', ext: NO_EXTENSION },
  { id: 'bad-utf8', label: 'ex.badUtf8', hex: '81 02 c3 28', dir: 's2c', ext: NO_EXTENSION },
  // §7.2.3.2's shared-window bytes where the server takes no context over: nothing to refer back to.
  {
    id: 'deflate-lost-window',
    label: 'ex.deflateLostWindow',
    hex: 'c1 07 f2 48 cd c9 c9 07 00\nc1 05 f2 00 11 00 00',
    dir: 's2c',
    ext: deflateChoice({ serverNoContextTakeover: true }),
  },
  // RFC 7692 §6.2: bytes that are no DEFLATE block at all (BTYPE 11 is reserved).
  {
    id: 'deflate-corrupt',
    label: 'ex.deflateCorrupt',
    hex: 'c1 03 ff ff ff',
    dir: 's2c',
    ext: deflateChoice(),
  },
];

/** What the decoder shows on `#/` before the learner types anything. */
export const DEFAULT_EXAMPLE: Example = RFC_EXAMPLES[1]!;
