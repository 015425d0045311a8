/**
 * What the console prints: timeline events as one line each (time, direction, layer, the engine's own
 * summary), help, refusals. Every event line is made from the event itself (`eventSummary`,
 * `errorText`, `hexDump`), never from a canned transcript.
 *
 * Output is built as styled spans, then rendered twice: with ANSI colours for xterm and as plain text
 * for the screen-reader mirror. Wrapping is done here (with a hanging indent under the summary column),
 * so a long RFC explanation stays readable on a phone.
 */
import { errorText } from '../../protocol/index.ts';
import { COMMANDS, type Command } from '../../sim/commands.ts';
import type { WorldSettings } from '../../sim/world.ts';
import { eventSummary, hexDump, negotiationSummary } from '../../sim/describe.ts';
import type { EndpointId, HttpEvent, SegmentEvent, TimelineEvent } from '../../sim/timeline.ts';
import { translate, translatePlural, formatNumber, type Lang } from '../../i18n/index.ts';
import { renderText } from '../../i18n/text.ts';
import { cells, padCells, printable, wrapCells } from './cells.ts';

/**
 * Colour roles. The terminal theme maps the ANSI slots to the site's colour tokens (see theme.ts), so
 * light and dark follow the page: TCP is muted (the diagram shows it), HTTP violet, WS blue, a delivered
 * message green, a violation red, a close frame amber.
 */
export type Style = 'plain' | 'muted' | 'http' | 'ws' | 'ok' | 'error' | 'warn' | 'prompt' | 'bold';

const SGR: Record<Style, string> = {
  plain: '',
  muted: '\x1b[90m',
  http: '\x1b[35m',
  ws: '\x1b[34m',
  ok: '\x1b[32m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  prompt: '\x1b[1;94m',
  bold: '\x1b[1m',
};

export type Span = readonly [Style, string];

/** One logical line: its rows as xterm will show them (ANSI), and its plain text (for the mirror). */
export interface Printed {
  readonly rows: readonly string[];
  readonly plain: string;
}

export const PROMPT = 'ws101> ';

/**
 * A printed line shows at most this many characters of its text, then "…". Every line is one event or
 * one answer; a longer one is a payload or a path pasted at length (a 100 kB `connect` path was 2,303
 * rows), and the inspector shows the bytes in full.
 */
export const MAX_LINE_TEXT = 2048;

/** `text` cut to MAX_LINE_TEXT characters (never inside a surrogate pair) and marked with "…". */
export function capped(text: string): string {
  if (text.length <= MAX_LINE_TEXT) return text;
  const last = text.charCodeAt(MAX_LINE_TEXT - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_LINE_TEXT - 1 : MAX_LINE_TEXT;
  return `${text.slice(0, end)}…`;
}

function renderSpans(spans: readonly Span[]): string {
  let s = '';
  for (const [style, text] of spans) s += style === 'plain' ? text : `${SGR[style]}${text}\x1b[0m`;
  return s;
}

/**
 * A prefix (spans, all on the first row) followed by `text` in `style`, wrapped to `cols` with the
 * continuation rows indented to `indent` columns.
 */
export function lineOf(
  prefix: readonly Span[],
  text: string,
  style: Style,
  cols: number,
  indent?: number,
): Printed {
  const safe = printable(capped(text));
  const prefixCells = prefix.reduce((n, [, t]) => n + cells(t), 0);
  // A prefix wider than half the screen would leave no room: continuation rows then start at column 2.
  const hang = Math.min(indent ?? prefixCells, Math.floor(cols / 2));
  const parts = wrapCells(safe, Math.max(8, cols - prefixCells), Math.max(0, prefixCells - hang));
  const rows = parts.map((part, i) =>
    i === 0
      ? renderSpans([...prefix, [style, part]])
      : renderSpans([
          ['plain', ' '.repeat(hang)],
          [style, part],
        ]),
  );
  const plain = (prefix.map(([, t]) => t).join('') + safe).trim();
  return { rows, plain };
}

export const textLine = (text: string, style: Style, cols: number, indent = 0): Printed =>
  lineOf(indent ? [['plain', ' '.repeat(indent)]] : [], text, style, cols);

/** Below this many columns, event lines use the compact layout (arrows instead of "client → server"). */
export const WIDE_COLS = 72;
/** The compact layout says "ms" after the time when this many columns leave room for it. */
const COMPACT_MS_COLS = 52;
/** hexDump's 16-byte rows need 75 columns, plus the indent. */
const WIDE_DUMP_COLS = 80;
const DUMP_BYTES = 1024;
/** A run of TCP segments longer than this is summarised (SYN, FIN and RST are always shown). */
export const TCP_RUN_SHOWN = 4;

const LEARNER: EndpointId = 'client';

function who(id: EndpointId, lang: Lang): string {
  if (id === 'client') return translate(lang, 'role.client');
  if (id === 'server') return translate(lang, 'role.server');
  return id;
}

/** xxd-style rows of 8 bytes with a 4-digit offset, for screens too narrow for hexDump's 16. */
function narrowDump(bytes: Uint8Array): string[] {
  const rows: string[] = [];
  for (let o = 0; o < bytes.length; o += 8) {
    const row = bytes.subarray(o, Math.min(bytes.length, o + 8));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${o.toString(16).padStart(4, '0')}: ${hex.padEnd(23)}  ${ascii}`);
  }
  return rows;
}

/** An xxd dump of `bytes`, indented, muted, at most DUMP_BYTES shown. */
export function dumpLines(bytes: Uint8Array, cols: number, lang: Lang): Printed[] {
  const shown = bytes.subarray(0, DUMP_BYTES);
  const rows = cols >= WIDE_DUMP_COLS ? hexDump(shown, DUMP_BYTES / 16) : narrowDump(shown);
  const out = rows.map((r) => textLine(r, 'muted', cols, cols >= WIDE_DUMP_COLS ? 4 : 2));
  if (bytes.length > DUMP_BYTES)
    out.push(
      textLine(
        `… ${formatNumber(bytes.length - DUMP_BYTES, lang)} B`,
        'muted',
        cols,
        cols >= WIDE_DUMP_COLS ? 4 : 2,
      ),
    );
  return out;
}

/**
 * Prints timeline events for the learner's client as the playhead reveals them. Stateful only to
 * follow which connections are the learner's and to summarise long runs of TCP segments.
 */
export class EventPrinter {
  /** Connections the learner's client is an endpoint of (chat peers' own traffic is the diagram's). */
  readonly #learnerConns = new Set<number>();
  /** `endpoint#conn` of every endpoint that failed a connection (§7.1.7): its 1006 says so. */
  readonly #failed = new Set<string>();
  #run = 0;
  #held: SegmentEvent[] = [];
  /** The learner's handshake request per connection: the 101 is read against what it offered. */
  readonly #requests = new Map<number, HttpEvent>();

  /** A new world (reset): forget connections and any held segments. */
  restart(): void {
    this.#requests.clear();
    this.#learnerConns.clear();
    this.#failed.clear();
    this.#run = 0;
    this.#held = [];
  }

  get holding(): boolean {
    return this.#held.length > 0;
  }

  print(e: TimelineEvent, lang: Lang, cols: number, dump: boolean): Printed[] {
    if (
      (e.kind === 'segment' || e.kind === 'http' || e.kind === 'frame' || e.kind === 'raw') &&
      (e.from === LEARNER || e.to === LEARNER)
    )
      this.#learnerConns.add(e.conn);
    if (e.kind === 'note') return [...this.flush(lang, cols), this.#eventLine(e, lang, cols)];
    if (!this.#learnerConns.has(e.conn)) return [];

    if (e.kind === 'segment') {
      const f = e.flags;
      const control = f.syn || f.fin || f.rst;
      this.#run++;
      if (control) return [...this.flush(lang, cols), this.#eventLine(e, lang, cols)];
      if (this.#run <= TCP_RUN_SHOWN && this.#held.length === 0) return [this.#eventLine(e, lang, cols)];
      this.#held.push(e);
      return [];
    }
    if (e.kind === 'state') {
      // The client's WebSocket state; the lifelines show every TCP state, and "closed" has its own line.
      if (e.layer !== 'ws' || e.endpoint !== LEARNER || e.from === 'NONE' || e.to === 'CLOSED') return [];
    }
    const out = [...this.flush(lang, cols)];
    this.#run = 0;
    out.push(this.#eventLine(e, lang, cols));
    if (dump && (e.kind === 'frame' || e.kind === 'http' || e.kind === 'raw'))
      out.push(...dumpLines(e.bytes, cols, lang));
    if (e.kind === 'http' && e.message.kind === 'request') this.#requests.set(e.conn, e);
    else if (e.kind === 'http') {
      // Under the 101: the subprotocol and the extension the server chose of what was offered.
      const request = this.#requests.get(e.conn);
      if (request)
        for (const text of negotiationSummary(request, e))
          out.push(textLine(renderText(lang, text), 'ws', cols, cols >= WIDE_COLS ? 13 : 2));
    }
    return out;
  }

  /** The summary of held TCP segments (a single one is simply printed). */
  flush(lang: Lang, cols: number): Printed[] {
    const held = this.#held;
    if (held.length === 0) return [];
    this.#held = [];
    if (held.length === 1) return [this.#eventLine(held[0]!, lang, cols)];
    const last = held.at(-1)!;
    const bytes = held.reduce((n, s) => n + s.payload.length, 0);
    const text = translatePlural(lang, 'con.tcpMore', held.length, { bytes: formatNumber(bytes, lang) });
    const sameWay = held.every((s) => s.from === last.from);
    return [
      this.#layout(
        last.t,
        sameWay ? last.from : null,
        sameWay ? last.to : null,
        'TCP',
        text,
        'muted',
        lang,
        cols,
      ),
    ];
  }

  #eventLine(e: TimelineEvent, lang: Lang, cols: number): Printed {
    switch (e.kind) {
      case 'segment':
        return this.#layout(e.t, e.from, e.to, 'TCP', renderText(lang, eventSummary(e)), 'muted', lang, cols);
      case 'http':
        return this.#layout(e.t, e.from, e.to, 'HTTP', renderText(lang, eventSummary(e)), 'http', lang, cols);
      case 'h2':
        return this.#layout(
          e.t,
          e.from,
          e.to,
          'HTTP/2',
          renderText(lang, eventSummary(e)),
          'http',
          lang,
          cols,
        );
      case 'frame':
      case 'raw':
        return this.#layout(e.t, e.from, e.to, 'WS', renderText(lang, eventSummary(e)), 'ws', lang, cols);
      case 'state':
        return this.#layout(
          e.t,
          e.endpoint,
          null,
          e.layer.toUpperCase(),
          translate(lang, 'con.state', { from: e.from, to: e.to }),
          'muted',
          lang,
          cols,
        );
      case 'note':
        return this.#layout(e.t, e.endpoint, null, '', renderText(lang, e.text), 'plain', lang, cols);
      case 'engine': {
        const ev = e.event;
        if (ev.type === 'error') this.#failed.add(`${e.endpoint}#${e.conn}`);
        const text = renderText(
          lang,
          ev.type === 'error'
            ? errorText(ev.error)
            : eventSummary(e, (x) => this.#failed.has(`${x.endpoint}#${x.conn}`)),
        );
        const style: Style =
          ev.type === 'message'
            ? 'ok'
            : ev.type === 'error'
              ? 'error'
              : ev.type === 'close-frame'
                ? 'warn'
                : ev.type === 'closed'
                  ? ev.wasClean
                    ? 'ok'
                    : 'error'
                  : 'ws';
        return this.#layout(e.t, e.endpoint, null, 'WS', text, style, lang, cols);
      }
    }
  }

  /**
   * Wide:   `  120.3 ms  client → server  WS    TEXT "hello" (masked)`
   * Narrow: `120.3 ms → WS   TEXT "hello" (masked)` — → sent by the client, ← received by it; what
   * happens at the server says "server:". On a phone, without "ms".
   */
  #layout(
    t: number,
    from: EndpointId | null,
    to: EndpointId | null,
    layer: string,
    summary: string,
    style: Style,
    lang: Lang,
    cols: number,
  ): Printed {
    const time = t.toFixed(1);
    const layerStyle: Style = layer === 'HTTP' ? 'http' : layer === 'WS' ? 'ws' : 'muted';
    if (cols >= WIDE_COLS) {
      const dirWidth = Math.max(
        cells(`${who('client', lang)} → ${who('server', lang)}`),
        cells(`${who('server', lang)} → ${who('client', lang)}`),
      );
      const dir =
        from === null ? '' : to === null ? who(from, lang) : `${who(from, lang)} → ${who(to, lang)}`;
      return lineOf(
        [
          ['muted', `${padCells(`${time} ms`, 11, true)}  `],
          ['muted', `${padCells(dir, dirWidth)}  `],
          [layerStyle, padCells(layer, 6)],
        ],
        summary,
        style,
        cols,
      );
    }
    const arrow = to === null ? ' ' : from === LEARNER ? '→' : to === LEARNER ? '←' : ' ';
    const at =
      to === null && from !== null && from !== LEARNER
        ? `${translate(lang, 'con.at', { who: who(from, lang) })} `
        : '';
    return lineOf(
      [
        [
          'muted',
          `${padCells(cols >= COMPACT_MS_COLS ? `${time} ms` : time, cols >= COMPACT_MS_COLS ? 9 : 6, true)} ${arrow} `,
        ],
        [layerStyle, padCells(layer, 5)],
      ],
      at + summary,
      style,
      cols,
    );
  }
}

/** The confirmation of a `server …` setting, read back from the world's settings. */
export function serverSettingText(
  c: Extract<Command, { name: 'server' }>,
  settings: WorldSettings,
  lang: Lang,
): string {
  if (c.set === 'kind') return translate(lang, 'con.server', { kind: settings.server });
  if (c.set === 'origins') {
    const list = settings.serverOrigins;
    return list
      ? translate(lang, 'con.serverOrigins', { list: list.join(', ') })
      : translate(lang, 'con.serverOriginsAny');
  }
  if (c.set === 'samesite') return translate(lang, 'con.serverSameSite', { value: settings.bankSameSite });
  if (c.set === 'protocols') {
    const list = settings.serverProtocols ?? [];
    return list.length
      ? translate(lang, 'con.serverProtocols', { list: list.join(', ') })
      : translate(lang, 'con.serverProtocolsNone');
  }
  const d = settings.serverDeflate;
  if (!d.on) return translate(lang, 'con.serverDeflateOff');
  // The limits as the server's answer would write them (RFC 7692 §7.1).
  const p = d.policy;
  const limits = [
    p.serverNoContextTakeover ? 'server_no_context_takeover' : '',
    p.clientNoContextTakeover ? 'client_no_context_takeover' : '',
    p.serverMaxWindowBits ? `server_max_window_bits=${p.serverMaxWindowBits}` : '',
    p.clientMaxWindowBits ? `client_max_window_bits=${p.clientMaxWindowBits}` : '',
  ].filter(Boolean);
  return translate(lang, 'con.serverDeflateOn', { limits: limits.length ? ` (${limits.join('; ')})` : '' });
}

/** The confirmation of `middlebox …` or `ping every …|off`, read back from the world's settings. */
export function pathSettingText(
  c: Extract<Command, { name: 'middlebox' | 'ping' }>,
  settings: WorldSettings,
  lang: Lang,
): string {
  if (c.name === 'ping') {
    const hb = settings.heartbeat;
    return hb
      ? translate(lang, 'con.heartbeat', { every: hb.everyMs, timeout: hb.timeoutMs })
      : translate(lang, 'con.heartbeatOff');
  }
  const box = settings.middlebox;
  if (!box) return translate(lang, 'con.middleboxOff');
  if (box.kind === 'nat') return translate(lang, 'con.middleboxNat', { ms: box.mappingMs });
  const then = translate(lang, box.onIdle === 'reset' ? 'con.middleboxIdle.reset' : 'con.middleboxIdle.drop');
  return translate(lang, 'con.middleboxIdle', { ms: box.idleMs, then });
}

/** The command list for `help`: usage, then what it does (beside it when there is room). */
export function helpLines(lang: Lang, cols: number): Printed[] {
  const out: Printed[] = [textLine(translate(lang, 'con.help.title'), 'bold', cols)];
  const usageWidth = 34;
  for (const c of COMMANDS) {
    if (cols >= 72 && cells(c.usage) <= usageWidth) {
      out.push(
        lineOf(
          [
            ['plain', '  '],
            ['ws', padCells(c.usage, usageWidth)],
            ['plain', ' '],
          ],
          renderText(lang, c.help),
          'plain',
          cols,
        ),
      );
    } else {
      out.push(textLine(c.usage, 'ws', cols, 2));
      out.push(textLine(renderText(lang, c.help), 'plain', cols, 6));
    }
  }
  out.push(textLine(translate(lang, 'con.help.more'), 'muted', cols));
  out.push(textLine(translate(lang, 'con.help.legend'), 'muted', cols));
  out.push(textLine(translate(lang, 'con.help.keys'), 'muted', cols));
  return out;
}

/** `help <command>`: its usage and what it does; an unknown name is an error with the help usage. */
export function helpTopicLines(topic: string, lang: Lang, cols: number): Printed[] {
  const c = COMMANDS.find((x) => x.name === topic);
  if (!c)
    return refusalLines(translate(lang, 'con.help.unknown', { name: topic }), 'help [command]', lang, cols);
  return [textLine(c.usage, 'ws', cols, 2), textLine(renderText(lang, c.help), 'plain', cols, 6)];
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one (sned → send). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The command a mistyped word most likely meant (sned → send, conect → connect), if one is close. */
export function closestCommand(word: string): (typeof COMMANDS)[number] | undefined {
  // Two edits from a command name of at most 7 letters: a longer word is not a typo of one (and the
  // distance table is length × length, so a pasted 64 Ki-character word is not measured).
  if (word.length > 12) return undefined;
  const w = word.toLowerCase();
  let best: (typeof COMMANDS)[number] | undefined;
  let bestD = Infinity;
  for (const c of COMMANDS) {
    const d = editDistance(w, c.name);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= (w.length <= 3 ? 1 : 2) ? best : undefined;
}

/**
 * A refused line: the reason in red on one line, then a dim hint — the usage, or for an unknown word
 * the command it probably meant, else a pointer to help.
 */
export function refusalLines(
  message: string,
  usage: string | undefined,
  lang: Lang,
  cols: number,
  line = '',
): Printed[] {
  const out: Printed[] = [lineOf([['error', '✗ ']], message, 'error', cols)];
  if (usage) out.push(textLine(translate(lang, 'con.usage', { usage }), 'muted', cols, 2));
  else {
    const word = line.trim().split(/\s+/)[0] ?? '';
    const guess =
      word && !COMMANDS.some((c) => c.name === word.toLowerCase()) ? closestCommand(word) : undefined;
    out.push(
      textLine(
        guess
          ? translate(lang, 'con.didYouMean', { name: guess.name, usage: guess.usage })
          : translate(lang, 'con.helpHint'),
        'muted',
        cols,
        2,
      ),
    );
  }
  return out;
}

/** The echo of a submitted line, as it stays in the scrollback. */
export function echoLine(line: string, cols: number): Printed {
  return lineOf([['prompt', PROMPT]], line, 'plain', cols, 0);
}

/** Completion candidates, listed on one (wrapped) line by their last word. */
export function candidateLine(items: readonly string[], cols: number): Printed {
  return textLine(items.map((s) => s.split(' ').at(-1)).join('  '), 'muted', cols, 2);
}
