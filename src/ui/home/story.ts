/**
 * The home page's short story: one WebSocket's life, told by the real engine over the simulated TCP.
 * The same console lines the playground accepts are run in a fresh World, and every arrow the story
 * shows is an event of its timeline: the SYN, the Upgrade request, the 101, each frame and the FINs.
 * Of the bare ACKs only those that answer a SYN or a FIN are kept (the three-way handshake and the
 * close); the rest are true but would drown the plot on a 400-pixel drawing.
 */
import { parseCommand, runCommand } from '../../sim/commands.ts';
import { arrowLabel } from '../../sim/describe.ts';
import { isArrow, type ArrowEvent } from '../../sim/timeline.ts';
import { World } from '../../sim/world.ts';
import { Opcode, toHex } from '../../protocol/index.ts';

/** The story's script: console lines, as a learner would type them in the playground. */
export const STORY_LINES: readonly string[] = ['connect', 'send hello', 'ping', 'close 1000 bye'];

export interface StoryRow {
  readonly id: number;
  readonly layer: 'tcp' | 'http' | 'ws';
  /** true: client → server. */
  readonly toServer: boolean;
  readonly label: string;
  /** Close frames are drawn in the close colour, as in the playground's diagram. */
  readonly tone: 'plain' | 'close';
  /** The first bytes on the wire, in hex (frames and HTTP heads; segments show flags only). */
  readonly hex: string;
  readonly bytes: number;
  /** Virtual times, ms. */
  readonly sendT: number;
  readonly arriveT: number;
}

export interface Story {
  readonly rows: readonly StoryRow[];
  /** Lines that the engine refused (should be none: a test keeps it so). */
  readonly refused: readonly string[];
  /** The playground link that replays the same story with every byte and every ACK. */
  readonly playgroundHash: string;
}

const HEX_BYTES = 6;

/** A filter over arrows in time order: it remembers who owes an ACK for a SYN or a FIN. */
function storyFilter(): (e: ArrowEvent) => boolean {
  const owesAck = new Set<string>();
  return (e) => {
    if (e.from !== 'client' && e.from !== 'server') return false;
    if (e.kind !== 'segment') return true;
    if (e.flags.syn || e.flags.fin) {
      owesAck.delete(e.from);
      owesAck.add(e.to);
      return true;
    }
    if (e.flags.ack && e.payload.length === 0 && owesAck.has(e.from)) {
      owesAck.delete(e.from);
      return true;
    }
    return false;
  };
}

function row(e: ArrowEvent): StoryRow {
  const bytes = e.kind === 'segment' ? e.payload : e.bytes;
  const head = bytes.subarray(0, HEX_BYTES);
  return {
    id: e.id,
    layer: e.layer,
    toServer: e.from === 'client',
    label: arrowLabel(e),
    tone: e.kind === 'frame' && e.frame.header.opcode === Opcode.Close ? 'close' : 'plain',
    hex: e.kind === 'segment' ? '' : toHex(head) + (bytes.length > HEX_BYTES ? ' …' : ''),
    bytes: bytes.length,
    sendT: e.sendT,
    arriveT: e.arriveT,
  };
}

/** Run the story's lines in a fresh, seeded World and keep the arrows worth drawing. */
export async function tellStory(lines: readonly string[] = STORY_LINES): Promise<Story> {
  const world = new World({ server: 'echo' });
  const refused: string[] = [];
  for (const line of lines) {
    const parsed = parseCommand(line);
    if (!parsed.ok) {
      refused.push(line);
      continue;
    }
    const r = await runCommand(world, parsed.command);
    if (!r.ok) refused.push(line);
    await world.settle(10_000);
  }
  const rows = world.timeline.events.filter(isArrow).filter(storyFilter()).map(row);
  const run = lines.map((l) => encodeURIComponent(l)).join(';');
  return { rows, refused, playgroundHash: `#/playground?server=echo&run=${run}` };
}
