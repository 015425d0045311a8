/**
 * The playground's share link: `#/playground?server=echo&run=connect;send%20hi`. The world is seeded, so
 * the same commands from the same server give the same timeline, byte for byte, when the link is opened.
 * The writer (`scenarioLink`) and the reader (`readScenario`) live here together, so that they agree.
 *
 * A link is bounded (a URL is not a script): at most MAX_LINK_STEPS steps of at most MAX_STEP_BYTES
 * each, in both directions. Writing and reading both keep the longest prefix that fits, since replaying
 * the steps after a dropped one would not give the same timeline. A link is input like any other: one
 * typed by hand (or by an attacker) is held to the same limits as one this page wrote, and the page
 * says what it left out.
 */
import type { ServerKind } from '../../sim/servers.ts';
import { decodeParam, type Route } from '../route.ts';

export const MAX_LINK_STEPS = 50;
export const MAX_STEP_BYTES = 1024;
/**
 * The most of a `run=` value a reader looks at: MAX_LINK_STEPS steps of MAX_STEP_BYTES, every byte
 * percent-encoded (3 characters, the most `encodeURIComponent` writes), plus the `;` between them. So
 * every link `scenarioLink` writes is read whole, and a 2 MB address costs no more than this.
 */
export const MAX_RUN_CHARS = MAX_LINK_STEPS * (3 * MAX_STEP_BYTES + 1);

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

/** What a reader left out of a link, and why: each names the limit it broke. */
export type ScenarioCut =
  /** Step `n` (1-based) is over MAX_STEP_BYTES: it and every step after it were dropped. */
  | { readonly kind: 'step-too-long'; readonly n: number; readonly max: number }
  /** More than MAX_LINK_STEPS steps: the first `max` of `total` were kept. */
  | { readonly kind: 'too-many'; readonly total: number; readonly max: number }
  /** The `run=` value is over MAX_RUN_CHARS characters: only the whole steps before that were read. */
  | { readonly kind: 'run-too-long'; readonly chars: number; readonly max: number };

export interface Scenario {
  /** The `server` parameter, trimmed and lowercased (whether such a server exists is the view's to say). */
  readonly server: string | null;
  /** The steps to run, decoded and trimmed; null when the link has no `run`. */
  readonly run: readonly string[] | null;
  readonly cuts: readonly ScenarioCut[];
}

/**
 * The scenario a playground route carries, held to the limits the writer keeps (null for another
 * page). Never throws, and never decodes more than MAX_RUN_CHARS characters of `run`.
 */
export function readScenario(route: Route): Scenario | null {
  if (route.page !== 'playground') return null;
  const server = route.pairs.find((p) => p.name === 'server');
  const runPair = route.pairs.find((p) => p.name === 'run');
  const cuts: ScenarioCut[] = [];
  let run: string[] | null = null;
  if (runPair) {
    let raw = runPair.raw;
    if (raw.length > MAX_RUN_CHARS) {
      cuts.push({ kind: 'run-too-long', chars: raw.length, max: MAX_RUN_CHARS });
      // Whole steps only: a step cut in the middle would run as a different command.
      raw = raw.slice(0, Math.max(0, raw.lastIndexOf(';', MAX_RUN_CHARS)));
    }
    run = [];
    let total = 0; // non-blank steps seen
    let tooLong = false;
    for (const piece of raw.split(';')) {
      // A step is decoded only if it can fit: every byte of a step takes at least one character and at
      // most three (%XX), so a piece over 3 × MAX_STEP_BYTES characters is over MAX_STEP_BYTES bytes.
      const step = piece.length > 3 * MAX_STEP_BYTES ? null : decodeParam(piece).value.trim();
      if (step === '') continue;
      total++;
      if (run.length === MAX_LINK_STEPS) continue; // only counted, for the notice
      if (step === null || encoder.encode(step).length > MAX_STEP_BYTES) {
        cuts.push({ kind: 'step-too-long', n: total, max: MAX_STEP_BYTES });
        tooLong = true;
        break;
      }
      run.push(step);
    }
    if (!tooLong && total > MAX_LINK_STEPS) cuts.push({ kind: 'too-many', total, max: MAX_LINK_STEPS });
  }
  return {
    server: server ? decodeParam(server.raw).value.trim().toLowerCase() : null,
    run,
    cuts,
  };
}
