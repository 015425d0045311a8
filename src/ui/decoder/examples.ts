/** Example bytes for the decoder: RFC 6455 §5.7's own examples, then frames broken on purpose. */
import type { Direction } from '../../protocol/index.ts';
import type { PlainKey } from '../../i18n/index.ts';

export interface Example {
  readonly id: string;
  readonly label: PlainKey;
  readonly hex: string;
  /** The direction in which the RFC example is valid (masked frames come from clients). */
  readonly dir: Direction;
}

export const RFC_EXAMPLES: readonly Example[] = [
  { id: 'hello', label: 'ex.hello', hex: '81 05 48 65 6c 6c 6f', dir: 's2c' },
  { id: 'hello-masked', label: 'ex.helloMasked', hex: '81 85 37 fa 21 3d 7f 9f 4d 51 58', dir: 'c2s' },
  { id: 'fragmented', label: 'ex.fragmented', hex: '01 03 48 65 6c\n80 02 6c 6f', dir: 's2c' },
  { id: 'ping', label: 'ex.ping', hex: '89 05 48 65 6c 6c 6f', dir: 's2c' },
  { id: 'binary-256', label: 'ex.binary256', hex: '82 7e 01 00', dir: 's2c' },
  { id: 'close-1000', label: 'ex.close1000', hex: '88 02 03 e8', dir: 's2c' },
];

export const BROKEN_EXAMPLES: readonly Example[] = [
  { id: 'ping-126', label: 'ex.pingTooLong', hex: '89 7e 00 7e', dir: 's2c' },
  { id: 'unmasked-client', label: 'ex.unmaskedClient', hex: '81 05 48 65 6c 6c 6f', dir: 'c2s' },
  { id: 'reserved-opcode', label: 'ex.reservedOpcode', hex: '83 00', dir: 's2c' },
  { id: 'bad-utf8', label: 'ex.badUtf8', hex: '81 02 c3 28', dir: 's2c' },
];

/** What the decoder shows on `#/` before the learner types anything. */
export const DEFAULT_EXAMPLE: Example = RFC_EXAMPLES[1]!;
