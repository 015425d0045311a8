/**
 * Lesson files → `Lesson` values. Runs at build time (the Vite plugin) and in tests, so the browser
 * never ships a Markdown or YAML parser. Problems come back as messages naming the file and block,
 * never as a half-parsed lesson.
 */
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { parseHex } from '../protocol/index.ts';
import { checkExercise, deflateParamsFrom } from './check.ts';
import {
  TEXT_MATCHES,
  WIDGETS,
  type Block,
  type Exercise,
  type ExerciseServer,
  type FrameExpect,
  type HttpExpect,
  type KeepaliveSpec,
  type Lang,
  type Lesson,
  type Mistake,
  type TextMatch,
  type WidgetName,
} from './model.ts';

const marked = new Marked({ gfm: true, async: false });

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const strList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function md(text: string): string {
  return marked.parse(text) as string;
}
function mdInline(text: string): string {
  return marked.parseInline(text) as string;
}

export function parseLesson(source: string, lang: Lang, file: string): LessonParse {
  const errors: string[] = [];
  const where = `${lang}/${file}`;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(source.replace(/\r\n/g, '\n'));
  if (!fm) return { ok: false, errors: [`${where}: no frontmatter (--- … ---) at the top`] };
  let front: unknown;
  try {
    front = parseYaml(fm[1]!);
  } catch (e) {
    return { ok: false, errors: [`${where}: frontmatter is not valid YAML: ${(e as Error).message}`] };
  }
  if (!isObj(front)) return { ok: false, errors: [`${where}: frontmatter must be a mapping`] };
  const { id, order, title, summary, goals } = front;
  if (!str(id) || !/^[a-z0-9-]+$/.test(id)) errors.push(`${where}: id must be a slug`);
  if (typeof order !== 'number') errors.push(`${where}: order must be a number`);
  if (!str(title)) errors.push(`${where}: title is required`);
  if (!str(summary)) errors.push(`${where}: summary is required`);
  if (!strList(goals) || goals.length < 1) errors.push(`${where}: goals must be a list of strings`);
  if (str(id) && !file.endsWith(`-${id}.md`)) errors.push(`${where}: id “${id}” does not match the file name`);

  const body = source.replace(/\r\n/g, '\n').slice(fm[0].length);
  const blocks: Block[] = [];
  const fence = /^```(widget|exercise)(?:[ \t]+([\w-]+))?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  let last = 0;
  let n = 0;
  for (let m = fence.exec(body); m; m = fence.exec(body)) {
    n++;
    const prose = body.slice(last, m.index);
    if (prose.trim()) blocks.push({ kind: 'markdown', html: md(prose) });
    last = m.index + m[0].length;
    let settings: unknown;
    try {
      settings = parseYaml(m[3]!) ?? {};
    } catch (e) {
      errors.push(`${where}: block ${n} (${m[1]}) is not valid YAML: ${(e as Error).message}`);
      continue;
    }
    if (!isObj(settings)) {
      errors.push(`${where}: block ${n} (${m[1]}) must be a mapping`);
      continue;
    }
    if (m[1] === 'widget') {
      const name = m[2] as WidgetName | undefined;
      if (!name || !WIDGETS.includes(name)) errors.push(`${where}: block ${n}: unknown widget “${m[2] ?? ''}”`);
      else blocks.push({ kind: 'widget', widget: { name, settings } });
    } else {
      const ex = parseExercise(settings, `${where} exercise ${n}`, errors);
      if (ex) blocks.push({ kind: 'exercise', exercise: ex });
    }
  }
  const tail = body.slice(last);
  if (tail.trim()) blocks.push({ kind: 'markdown', html: md(tail) });

  const exercises = blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exercise] : []));
  if (exercises.length === 0) errors.push(`${where}: a lesson needs at least one exercise`);
  const ids = exercises.map((e) => e.id);
  if (new Set(ids).size !== ids.length) errors.push(`${where}: exercise ids must be unique`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    lesson: {
      meta: {
        id: id as string,
        order: order as number,
        title: title as string,
        summary: summary as string,
        goals: goals as string[],
        lang,
        file,
        exerciseIds: ids,
      },
      blocks,
    },
  };
}

function parseExercise(o: Obj, where: string, errors: string[]): Exercise | null {
  const before = errors.length;
  const need = (cond: boolean, what: string): void => {
    if (!cond) errors.push(`${where}: ${what}`);
  };
  need(str(o.id), 'id is required');
  need(str(o.prompt), 'prompt is required');
  need(strList(o.hints) && (o.hints as string[]).length >= 1, 'hints must be a list of 1–3 strings');
  need(str(o.explain), 'explain is required');
  const base = {
    id: String(o.id),
    prompt: mdInline(String(o.prompt ?? '')),
    hints: strList(o.hints) ? o.hints.map(mdInline) : [],
    explain: mdInline(String(o.explain ?? '')),
  };
  const short = o.kind === 'choice' || o.kind === 'text' || o.kind === 'number';
  need(o.mistakes === undefined || short, 'mistakes are for choice, text and number exercises');
  need(o.units === undefined || o.kind === 'number', 'units are for number exercises');
  need(o.field === undefined || o.kind === 'text', 'field is for text exercises');
  let ex: Exercise | null = null;
  switch (o.kind) {
    case 'choice': {
      const options = o.options;
      const answer = o.answer;
      const count = (options as unknown[] | undefined)?.length ?? 0;
      const isIndexList = (v: unknown): v is number[] =>
        Array.isArray(v) && v.length > 0 && v.every((i) => Number.isInteger(i) && i >= 0 && i < count);
      need(strList(options) && options.length >= 2, 'options must list at least 2 strings');
      need(isIndexList(answer), 'answer must list indices of options');
      need(JSON.stringify(o.solution) === JSON.stringify(answer), 'solution must equal answer');
      const mistakes = parseMistakes(o.mistakes, isIndexList, 'a list of indices of options', where, errors);
      if (errors.length === before)
        ex = {
          ...base,
          kind: 'choice',
          options: (options as string[]).map(mdInline),
          answer: answer as number[],
          mistakes,
        };
      break;
    }
    case 'text': {
      const match = o.match ?? 'trim';
      need(typeof o.answer === 'string', 'answer must be a string');
      need(TEXT_MATCHES.includes(match as TextMatch), `match must be one of ${TEXT_MATCHES.join(', ')}`);
      need(match !== 'hex' || (typeof o.answer === 'string' && parseHex(o.answer).ok), 'a hex answer must be hex');
      need(o.field === undefined || str(o.field), 'field must be a header name');
      const mistakes = parseMistakes(o.mistakes, str, 'a string', where, errors);
      if (errors.length === before)
        ex = {
          ...base,
          kind: 'text',
          answer: o.answer as string,
          match: match as TextMatch,
          field: (o.field as string | undefined) ?? null,
          mistakes,
        };
      break;
    }
    case 'number': {
      need(typeof o.answer === 'number', 'answer must be a number');
      need(o.units === undefined || (strList(o.units) && o.units.every(str)), 'units must be a list of words');
      const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
      const mistakes = parseMistakes(o.mistakes, isNumber, 'a number', where, errors);
      const keepalive = keepaliveOf(o.keepalive);
      need(o.keepalive === undefined || keepalive !== null, 'keepalive needs idleMs, onIdle (drop|reset) and forMs');
      if (errors.length === before)
        ex = {
          ...base,
          kind: 'number',
          answer: o.answer as number,
          keepalive,
          units: (o.units as string[] | undefined) ?? [],
          mistakes,
        };
      break;
    }
    case 'frame': {
      need(o.dir === 'c2s' || o.dir === 's2c', 'dir must be c2s or s2c');
      need(typeof o.start === 'string' || typeof o.start === 'number', 'start must be hex');
      need(typeof o.solution === 'string' && parseHex(o.solution).ok, 'solution must be hex');
      need(isObj(o.expect) && Object.keys(o.expect).length > 0, 'expect must name at least one property');
      need(
        o.deflate === undefined || (typeof o.deflate === 'string' && deflateParamsFrom(o.deflate) !== null),
        'deflate must be a permessage-deflate answer, e.g. “permessage-deflate; server_no_context_takeover”',
      );
      need(
        o.deflate !== undefined || !isObj(o.expect) || o.expect.compressed === undefined,
        'expect.compressed needs deflate',
      );
      need(
        !isObj(o.expect) ||
          [o.expect.maskKey, o.expect.payload].every((h) => h === undefined || (typeof h === 'string' && parseHex(h).ok)),
        'expect.maskKey and expect.payload must be hex',
      );
      if (errors.length === before)
        ex = {
          ...base,
          kind: 'frame',
          dir: o.dir as 'c2s' | 's2c',
          start: String(o.start),
          expect: o.expect as FrameExpect,
          solution: o.solution as string,
          deflate: (o.deflate as string | undefined) ?? null,
        };
      break;
    }
    case 'http': {
      const expect = o.expect;
      need(typeof o.start === 'string', 'start must be an HTTP message');
      need(typeof o.solution === 'string', 'solution must be an HTTP message');
      need(isObj(expect) && typeof expect.status === 'number', 'expect.status is required');
      need(
        !isObj(expect) || expect.protocol === undefined || expect.protocol === null || str(expect.protocol),
        'expect.protocol must be a subprotocol name or null',
      );
      need(!isObj(expect) || expect.deflate === undefined || isObj(expect.deflate), 'expect.deflate must be a mapping');
      need(!isObj(expect) || expect.present === undefined || strList(expect.present), 'expect.present must list header names');
      const server = o.server ?? {};
      need(
        isObj(server) &&
          (server.protocols === undefined || strList(server.protocols)) &&
          (server.requireProtocol === undefined || typeof server.requireProtocol === 'boolean') &&
          (server.perMessageDeflate === undefined || isObj(server.perMessageDeflate)) &&
          (server.origins === undefined || strList(server.origins)),
        'server may set protocols (a list), requireProtocol (true/false), perMessageDeflate (a mapping) and origins (a list)',
      );
      if (errors.length === before)
        ex = {
          ...base,
          kind: 'http',
          start: o.start as string,
          expect: expect as unknown as HttpExpect,
          server: server as ExerciseServer,
          solution: o.solution as string,
        };
      break;
    }
    default:
      errors.push(`${where}: kind must be choice, text, number, frame or http`);
  }
  // A nudge for a right answer would mark it wrong: every mistake must fail the exercise's own check.
  if (ex && 'mistakes' in ex) {
    for (const [i, m] of (ex.mistakes as readonly Mistake<unknown>[]).entries()) {
      const answer = typeof m.answer === 'number' ? String(m.answer) : (m.answer as string | number[]);
      if (checkExercise(ex, answer).ok) errors.push(`${where}: mistake ${i + 1} is a right answer`);
    }
  }
  return errors.length === before ? ex : null;
}

/** `mistakes:` — a list of `{ answer, hint }`; the answer has the exercise's own answer type. */
function parseMistakes<A>(
  v: unknown,
  isAnswer: (a: unknown) => a is A,
  what: string,
  where: string,
  errors: string[],
): Mistake<A>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    errors.push(`${where}: mistakes must be a list of { answer, hint }`);
    return [];
  }
  const out: Mistake<A>[] = [];
  for (const [i, m] of v.entries()) {
    if (!isObj(m) || !isAnswer(m.answer) || !str(m.hint)) {
      errors.push(`${where}: mistake ${i + 1} needs an answer (${what}) and a hint`);
      continue;
    }
    out.push({ answer: m.answer, hint: mdInline(m.hint) });
  }
  return out;
}

/** `keepalive: { idleMs: 60000, onIdle: reset, forMs: 600000 }` (model.ts KeepaliveSpec), or null. */
function keepaliveOf(v: unknown): KeepaliveSpec | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const ms = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;
  if (!ms(o.idleMs) || !ms(o.forMs) || (o.onIdle !== 'drop' && o.onIdle !== 'reset')) return null;
  return { idleMs: o.idleMs, onIdle: o.onIdle, forMs: o.forMs };
}
