/**
 * The playground console's language, in the spirit of wscat/websocat: parse a line into a command or
 * a one-line error with its usage, and run a command against the World. Pure and Svelte-free, so the
 * console, the lessons' pre-run `commands:` and the tests all speak it the same way.
 */
import { parseHex, type Text } from '../protocol/index.ts';
import { SERVER_KINDS, type ServerKind } from './servers.ts';
import type { CommandResult, ConnectOptions, World } from './world.ts';

export type Command =
  | { readonly name: 'connect'; readonly options: ConnectOptions }
  | { readonly name: 'send'; readonly text: string }
  | { readonly name: 'binary'; readonly bytes: Uint8Array }
  | { readonly name: 'ping'; readonly text: string }
  | { readonly name: 'close'; readonly code: number | undefined; readonly reason: string }
  | { readonly name: 'frag'; readonly text: string; readonly count: number }
  | { readonly name: 'raw'; readonly bytes: Uint8Array }
  | { readonly name: 'latency'; readonly ms: number }
  | { readonly name: 'mss'; readonly bytes: number }
  | { readonly name: 'server'; readonly kind: ServerKind }
  | { readonly name: 'dump'; readonly on: boolean }
  | { readonly name: 'reset' }
  | { readonly name: 'help'; readonly topic: string | undefined }
  | { readonly name: 'clear' };

export type CommandName = Command['name'];

export interface CommandInfo {
  readonly name: CommandName;
  readonly usage: string;
  readonly help: Text;
}

export const COMMANDS: readonly CommandInfo[] = [
  {
    name: 'connect',
    usage: 'connect [path] [--protocol p]… [--origin o] [--version v] [--key k]',
    help: { en: 'open TCP, then the WebSocket handshake', ko: 'TCP를 열고 WebSocket 핸드셰이크를 시작' },
  },
  { name: 'send', usage: 'send <text>', help: { en: 'send a text message', ko: '텍스트 메시지 보내기' } },
  {
    name: 'binary',
    usage: 'binary <hex>',
    help: {
      en: 'send a binary message, e.g. binary 01 02 ff',
      ko: '바이너리 메시지 보내기, 예: binary 01 02 ff',
    },
  },
  {
    name: 'ping',
    usage: 'ping [text]',
    help: { en: 'send a ping (the server answers pong)', ko: 'ping 보내기(서버가 pong으로 답함)' },
  },
  {
    name: 'close',
    usage: 'close [code] [reason]',
    help: {
      en: 'start the closing handshake, e.g. close 1000 bye',
      ko: '닫는 핸드셰이크 시작, 예: close 1000 bye',
    },
  },
  {
    name: 'frag',
    usage: 'frag <text> <n>',
    help: { en: 'send one text message as n frames', ko: '텍스트 메시지 하나를 프레임 n개로 나눠 보내기' },
  },
  {
    name: 'raw',
    usage: 'raw <hex>',
    help: {
      en: 'put arbitrary bytes on the wire (see the server reject bad frames)',
      ko: '임의의 바이트를 그대로 전송(잘못된 프레임을 서버가 거부하는 모습 보기)',
    },
  },
  {
    name: 'latency',
    usage: 'latency <ms>',
    help: { en: 'one-way latency of the link, 0–10000 ms', ko: '링크의 단방향 지연, 0–10000 ms' },
  },
  {
    name: 'mss',
    usage: 'mss <bytes>',
    help: { en: 'TCP maximum segment size, 1–65495 bytes', ko: 'TCP 최대 세그먼트 크기, 1–65495바이트' },
  },
  {
    name: 'server',
    usage: 'server echo|chat|ticker|reject',
    help: {
      en: 'choose the server’s behaviour (takes effect on the next connect)',
      ko: '서버 동작 선택(다음 connect부터 적용)',
    },
  },
  {
    name: 'dump',
    usage: 'dump on|off',
    help: { en: 'show an xxd-style hex dump under each frame', ko: '프레임마다 xxd 형식 hex dump 표시' },
  },
  {
    name: 'reset',
    usage: 'reset',
    help: { en: 'start over: new connection, cleared timeline', ko: '처음부터: 새 연결, 타임라인 비우기' },
  },
  { name: 'clear', usage: 'clear', help: { en: 'clear the console screen', ko: '콘솔 화면 지우기' } },
  {
    name: 'help',
    usage: 'help [command]',
    help: { en: 'list commands, or explain one', ko: '명령 목록 또는 명령 설명' },
  },
];

export const MAX_COMMAND_BYTES = 1024 * 1024;

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly error: Text; readonly usage?: string };

function usageOf(name: CommandName): string {
  return COMMANDS.find((c) => c.name === name)!.usage;
}

/** Split on spaces, keeping "quoted strings" together (quotes removed). */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}

/** The text after the command word, with one pair of surrounding quotes removed. */
function restOf(line: string, word: string): string {
  const rest = line.trimStart().slice(word.length).trim();
  const q = /^(["'])([\s\S]*)\1$/.exec(rest);
  return q ? q[2]! : rest;
}

function bad(name: CommandName, en: string, ko: string): ParsedCommand {
  return { ok: false, error: { en, ko }, usage: usageOf(name) };
}

function hexArg(name: CommandName, text: string): ParsedCommand | Uint8Array {
  if (!text.trim())
    return bad(
      name,
      'Give the bytes in hex, e.g. 81 05 48 65 6c 6c 6f.',
      '바이트를 hex로 적어 주세요. 예: 81 05 48 65 6c 6c 6f',
    );
  const r = parseHex(text, MAX_COMMAND_BYTES);
  if (!r.ok) {
    return r.error.kind === 'not-hex'
      ? bad(
          name,
          `“${r.error.char}” (character ${r.error.index + 1}) is not a hex digit.`,
          `“${r.error.char}”(${r.error.index + 1}번째 글자)는 16진수 숫자가 아닙니다.`,
        )
      : bad(
          name,
          'An odd number of hex digits: every byte needs two.',
          '16진수 자릿수가 홀수입니다. 한 바이트는 두 자리입니다.',
        );
  }
  if (r.truncated)
    return bad(name, `At most ${MAX_COMMAND_BYTES} bytes.`, `최대 ${MAX_COMMAND_BYTES}바이트까지입니다.`);
  return r.bytes;
}

function intArg(s: string | undefined, min: number, max: number): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

export function parseCommand(line: string): ParsedCommand {
  const words = tokenize(line);
  const word = words[0]?.toLowerCase();
  if (!word)
    return {
      ok: false,
      error: {
        en: 'Type a command; help lists them.',
        ko: '명령을 입력하세요. help로 목록을 볼 수 있습니다.',
      },
    };
  const raw0 = line.trimStart().split(/\s+/)[0]!;
  switch (word) {
    case 'connect': {
      const options: { path?: string; protocols: string[]; origin?: string; version?: string; key?: string } =
        { protocols: [] };
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!;
        const value = words[i + 1];
        if (w.startsWith('--')) {
          if (value === undefined) return bad('connect', `${w} needs a value.`, `${w} 뒤에 값이 필요합니다.`);
          i++;
          if (w === '--protocol') options.protocols.push(value);
          else if (w === '--origin') options.origin = value;
          else if (w === '--version') options.version = value;
          else if (w === '--key') options.key = value;
          else return bad('connect', `Unknown option ${w}.`, `알 수 없는 옵션 ${w}.`);
        } else if (options.path === undefined) {
          if (!w.startsWith('/'))
            return bad(
              'connect',
              `The path must start with “/”: ${w}.`,
              `경로는 “/”로 시작해야 합니다: ${w}.`,
            );
          options.path = w;
        } else return bad('connect', `Unexpected “${w}”.`, `예상하지 못한 “${w}”.`);
      }
      return { ok: true, command: { name: 'connect', options } };
    }
    case 'send': {
      const text = restOf(line, raw0);
      if (!text) return bad('send', 'Nothing to send: give the text.', '보낼 텍스트가 없습니다.');
      return { ok: true, command: { name: 'send', text } };
    }
    case 'binary':
    case 'raw': {
      const b = hexArg(word, restOf(line, raw0));
      return b instanceof Uint8Array ? { ok: true, command: { name: word, bytes: b } } : b;
    }
    case 'ping': {
      const text = restOf(line, raw0);
      if (new TextEncoder().encode(text).length > 125)
        return bad(
          'ping',
          'A ping carries at most 125 bytes (RFC 6455 §5.5).',
          'ping에는 최대 125바이트만 실을 수 있습니다(RFC 6455 §5.5).',
        );
      return { ok: true, command: { name: 'ping', text } };
    }
    case 'close': {
      const codeWord = words[1];
      if (codeWord === undefined)
        return { ok: true, command: { name: 'close', code: undefined, reason: '' } };
      const code = intArg(codeWord, 0, 65535);
      if (code === null)
        return bad(
          'close',
          `“${codeWord}” is not a status code (a number such as 1000).`,
          `“${codeWord}”는 상태 코드가 아닙니다(1000 같은 숫자).`,
        );
      const reason = restOf(line.trimStart().slice(raw0.length).trimStart(), codeWord);
      return { ok: true, command: { name: 'close', code, reason } };
    }
    case 'frag': {
      const n = intArg(words.at(-1), 1, 1000);
      const body = line.trimStart().slice(raw0.length).trim();
      const text = body
        .slice(0, body.lastIndexOf(words.at(-1) ?? ''))
        .trim()
        .replace(/^(["'])([\s\S]*)\1$/, '$2');
      if (words.length < 3 || n === null || !text)
        return bad(
          'frag',
          'Give the text, then the number of frames (1–1000).',
          '텍스트와 프레임 개수(1–1000)를 차례로 적어 주세요.',
        );
      return { ok: true, command: { name: 'frag', text, count: n } };
    }
    case 'latency': {
      const ms = intArg(words[1], 0, 10_000);
      if (ms === null)
        return bad(
          'latency',
          'Give a whole number of milliseconds, 0–10000.',
          '0–10000 사이의 밀리초를 정수로 적어 주세요.',
        );
      return { ok: true, command: { name: 'latency', ms } };
    }
    case 'mss': {
      const bytes = intArg(words[1], 1, 65495);
      if (bytes === null)
        return bad(
          'mss',
          'Give a whole number of bytes, 1–65495.',
          '1–65495 사이의 바이트 수를 정수로 적어 주세요.',
        );
      return { ok: true, command: { name: 'mss', bytes } };
    }
    case 'server': {
      const kind = words[1]?.toLowerCase() as ServerKind | undefined;
      if (!kind || !SERVER_KINDS.includes(kind))
        return bad(
          'server',
          'Choose echo, chat, ticker or reject.',
          'echo, chat, ticker, reject 중에서 고르세요.',
        );
      return { ok: true, command: { name: 'server', kind } };
    }
    case 'dump': {
      const v = words[1]?.toLowerCase();
      if (v !== 'on' && v !== 'off') return bad('dump', 'dump on, or dump off.', 'dump on 또는 dump off.');
      return { ok: true, command: { name: 'dump', on: v === 'on' } };
    }
    case 'reset':
    case 'clear':
      return { ok: true, command: { name: word } };
    case 'help':
      return { ok: true, command: { name: 'help', topic: words[1]?.toLowerCase() } };
    default:
      return {
        ok: false,
        error: {
          en: `Unknown command “${words[0]!.slice(0, 40)}”. Type help for the list.`,
          ko: `알 수 없는 명령 “${words[0]!.slice(0, 40)}”. help로 목록을 보세요.`,
        },
      };
  }
}

/** Command words that start with `prefix`, for tab completion. */
export function complete(prefix: string): string[] {
  const p = prefix.trimStart().toLowerCase();
  if (p.includes(' ')) {
    const [word, arg = ''] = p.split(/\s+/, 2);
    if (word === 'server') return SERVER_KINDS.filter((k) => k.startsWith(arg)).map((k) => `server ${k}`);
    if (word === 'dump') return ['on', 'off'].filter((k) => k.startsWith(arg)).map((k) => `dump ${k}`);
    return [];
  }
  return COMMANDS.map((c) => c.name).filter((n) => n.startsWith(p));
}

/**
 * Run a world command. `reset`, `clear`, `dump` and `help` belong to the console itself and are
 * answered by the caller.
 */
export async function runCommand(world: World, command: Command): Promise<CommandResult> {
  switch (command.name) {
    case 'connect':
      return world.connect(command.options);
    case 'send':
      return world.send(command.text);
    case 'binary':
      return world.binary(command.bytes);
    case 'ping':
      return world.ping(new TextEncoder().encode(command.text));
    case 'close':
      return world.close(command.code, command.reason);
    case 'frag':
      return world.frag(command.text, command.count);
    case 'raw':
      return world.raw(command.bytes);
    case 'latency':
      world.setLatency(command.ms);
      return { ok: true };
    case 'mss':
      world.setMss(command.bytes);
      return { ok: true };
    case 'server':
      world.setServer(command.kind);
      return { ok: true };
    default:
      return { ok: true };
  }
}
