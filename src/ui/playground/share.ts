/**
 * The playground's share link: `#/playground?server=echo&run=connect;send%20hi`. The world is seeded, so
 * the same commands from the same server give the same timeline, byte for byte, when the link is opened.
 *
 * A link is bounded (a URL is not a script): at most MAX_LINK_STEPS steps of at most MAX_STEP_BYTES
 * each. It keeps the longest prefix that fits, since replaying the steps after a dropped one would not
 * give the same timeline.
 */
import type { ServerKind } from '../../sim/servers.ts';

export const MAX_LINK_STEPS = 50;
export const MAX_STEP_BYTES = 1024;

export interface ScenarioLink {
  /** The hash, `#/playground…`, without presentation parameters (embed/link.ts adds those). */
  readonly hash: string;
  /** Steps in the link, of `total` run. */
  readonly kept: number;
  readonly total: number;
}

const encoder = new TextEncoder();

/** One step in the `run` parameter: `;` and `&` escaped, so the reader can split before decoding. */
const encodeStep = (step: string): string => encodeURIComponent(step);

export function scenarioLink(server: ServerKind, steps: readonly string[]): ScenarioLink {
  let kept = 0;
  while (
    kept < steps.length &&
    kept < MAX_LINK_STEPS &&
    encoder.encode(steps[kept]!).length <= MAX_STEP_BYTES
  )
    kept++;
  const params: string[] = [];
  if (kept > 0 || server !== 'echo') params.push(`server=${server}`);
  if (kept > 0) params.push(`run=${steps.slice(0, kept).map(encodeStep).join(';')}`);
  return { hash: `#/playground${params.length ? `?${params.join('&')}` : ''}`, kept, total: steps.length };
}
