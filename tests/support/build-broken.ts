/**
 * The capstone's broken servers: each is tests/fixtures/build/reference.js with ONE realistic mistake,
 * made here from the reference by exact edits (each must match once, so a change to the reference that
 * moves a line fails loudly instead of producing a copy that is no longer broken the right way). The
 * table says the stage each mistake belongs to and words the learner must read for it, in English: the
 * grader's unit test runs them in-process, the build page's browser test through the sandbox.
 */
import { readFileSync } from 'node:fs';

const REFERENCE = new URL('../fixtures/build/reference.js', import.meta.url);

interface Variant {
  /** The stage it must fail (every stage before it passes). */
  readonly stage: string;
  /** What the page must say for it (English). */
  readonly says: RegExp;
  /** The comment at the top of the file: which stage, and the mistake. */
  readonly top: readonly string[];
  /** [what in the reference, what instead]; each must match exactly once. */
  readonly edits: readonly (readonly [string | RegExp, string])[];
}

const SAYS: Readonly<Record<string, readonly [string, RegExp]>> = {
  'wrong-accept': ['handshake', /Sec-WebSocket-Accept is .* must be s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/],
  'no-version-check': [
    'refuse',
    /answered 101 Switching Protocols; §4.2.2, §4.4 says this request gets 426 Upgrade Required/,
  ],
  'forgets-unmask': ['echo', /You echoed 5 bytes that are still masked: XOR each byte with key\[i % 4\]/],
  'no-16bit-length': [
    'lengths',
    /126-byte message: .* the length byte says 126: the real length is in the next 2 bytes/,
  ],
  'one-frame-per-chunk': ['boundaries', /came in 3 pieces: keep what arrives in a buffer/],
  'ignores-ping': ['fragments', /did not answer the ping/],
  'never-ends-tcp': ['closing', /never ended the TCP connection/],
  'accepts-reserved-opcode': [
    'errors',
    /echoed this frame, but it breaks §5.2: fail the connection with a close frame carrying 1002/,
  ],
};

const MISTAKES: Readonly<Record<string, Omit<Variant, 'stage' | 'says'>>> = {
  'wrong-accept': {
    top: [
      'Broken on purpose: must fail stage 1 (handshake), and only from there on.',
      'The mistake: the GUID was copied in lower case. SHA-1 hashes bytes, so Sec-WebSocket-Accept comes out',
      'wrong (§4.2.2) and every client (the grader, ws, a browser) rejects the 101.',
    ],
    edits: [
      [
        "const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';",
        "const GUID = '258eafa5-e914-47da-95ca-c5ab0dc85b11'; // BUG: the RFC's GUID is upper case",
      ],
    ],
  },
  'no-version-check': {
    top: [
      'Broken on purpose: must fail stage 2 (refuse), passing stage 1.',
      'The mistake: any Sec-WebSocket-Version is accepted, so version 8 gets 101 Switching Protocols',
      'instead of 426 Upgrade Required with Sec-WebSocket-Version: 13 (§4.2.2, §4.4).',
    ],
    edits: [
      [
        "    if (version !== '13')\n      return refuse('426 Upgrade Required', 'Upgrade: websocket\\r\\nSec-WebSocket-Version: 13\\r\\n');\n",
        "    // BUG: the version's value is never checked: 8 is answered like 13.\n",
      ],
      [
        '    // §4.2.2 and §4.4: a version we do not speak gets 426 and the list of the versions we do; RFC 9110\n    // §15.5.22: a 426 also names the protocol to upgrade to.\n',
        '',
      ],
    ],
  },
  'forgets-unmask': {
    top: [
      'Broken on purpose: must fail stage 3 (echo), passing stages 1 and 2.',
      'The mistake: the payload is never unmasked (§5.3), so the echo (sent unmasked, MASK bit clear) carries',
      "the client's masked bytes. Like a learner at stage 3, it has no UTF-8 check yet (that is stage 8):",
      'with one, the masked "Hello" would be refused as invalid UTF-8 instead of echoed.',
    ],
    edits: [
      [
        '    for (let i = 0; i < payload.length; i++) payload[i] ^= key[i % 4];\n',
        '    // BUG: the payload is used as it came, still XORed with the key.\n',
      ],
      ['    if (type === TEXT && !isUtf8(data)) return fail(1007); // §8.1: invalid UTF-8 → 1007\n', ''],
      ['    const key = buffer.subarray(offset, offset + 4);\n', ''],
    ],
  },
  'no-16bit-length': {
    top: [
      'Broken on purpose: must fail stage 4 (lengths), passing stages 1–3.',
      'The mistake: the 7-bit length is taken as the whole length; 126 and 127 are never read as "a 16-bit',
      '(64-bit) length follows" (§5.2), so a 126-byte payload is read from the wrong offset.',
    ],
    edits: [
      [
        / {4}\/\/ §5\.2: 0–125 is the length itself[^]*? {6}offset = 10;\n {4}}\n/,
        '    // BUG: 126 and 127 are taken as lengths too; the extended length bytes are never read.\n    const offset = 2;\n',
      ],
      ['    let length = buffer[1] & 0x7f;', '    const length = buffer[1] & 0x7f;'],
    ],
  },
  'one-frame-per-chunk': {
    top: [
      'Broken on purpose: must fail stage 5 (boundaries), passing stages 1–4.',
      "The mistake: each 'data' chunk is taken to be exactly one frame. Nothing is kept between chunks,",
      'so a frame split over two chunks is lost, and of two frames in one chunk only the first is read.',
      'TCP has no message boundaries: the stages before this one just happen to send a frame per chunk.',
    ],
    edits: [
      [
        '    buffer = concat([buffer, chunk]);\n    if (!upgraded) readHandshake();\n    while (upgraded && !done && readFrame());\n',
        '    buffer = chunk; // BUG: the bytes left from the last chunk are dropped\n    if (!upgraded) return readHandshake();\n    readFrame(); // BUG: one frame per chunk, never a second\n',
      ],
    ],
  },
  'ignores-ping': {
    top: [
      'Broken on purpose: must fail stage 6 (fragments), passing stages 1–5.',
      'The mistake: only close is handled among the control frames; a ping is dropped without a pong',
      '(§5.5.2: "an endpoint MUST send a Pong frame in response").',
    ],
    edits: [
      [
        '    if (opcode === PING) return send(PONG, payload); // §5.5.2/§5.5.3: the pong carries the same payload\n    if (opcode === PONG) return; // an unsolicited pong needs no answer\n',
        '    if (opcode === PING || opcode === PONG) return; // BUG: a ping needs a pong (§5.5.2)\n',
      ],
    ],
  },
  'never-ends-tcp': {
    top: [
      'Broken on purpose: must fail stage 7 (closing), passing stages 1–6.',
      'The mistake: the close frame is echoed, but the TCP connection is never ended; §7.1.1 says the server',
      'should close the TCP connection first once the close handshake is done.',
    ],
    edits: [
      [
        '    socket.end(); // §7.1.1: the server closes the TCP connection first\n',
        '    // BUG: socket.end() is never called; the client is left waiting for the TCP close (§7.1.1).\n',
      ],
    ],
  },
  'accepts-reserved-opcode': {
    top: [
      'Broken on purpose: must fail stage 8 (errors), passing stages 1–7.',
      'The mistake: only the reserved control opcodes (0xB–0xF) are refused; a reserved data opcode (0x3–0x7)',
      'is taken like binary and echoed, instead of failing the connection with 1002 (§5.2).',
    ],
    edits: [
      [
        '    if (![CONTINUATION, TEXT, BINARY, CLOSE, PING, PONG].includes(opcode)) return fail(1002); // reserved\n',
        '    if (opcode > PONG) return fail(1002); // BUG: 0x3–0x7 are reserved too (§5.2)\n',
      ],
      ['const BINARY = 0x2;\n', ''],
    ],
  },
};

/** The broken copies in stage order: [name, stage, what the page says]. */
export const BROKEN: readonly (readonly [name: string, stage: string, says: RegExp])[] = Object.entries(
  SAYS,
).map(([name, [stage, says]]) => [name, stage, says] as const);

/** The source of broken copy `name`: the reference with its one mistake and a comment saying which. */
export function brokenSource(name: string): string {
  const mistake = MISTAKES[name];
  if (!mistake) throw new Error(`no broken copy named ${name}`);
  const reference = readFileSync(REFERENCE, 'utf8');
  let text = reference.slice(reference.indexOf('import '));
  for (const [from, to] of mistake.edits) {
    const count =
      typeof from === 'string'
        ? text.split(from).length - 1
        : (text.match(new RegExp(from.source, 'g')) ?? []).length;
    if (count !== 1)
      throw new Error(`${name}: ${String(from)} matches the reference ${count} times, not once`);
    text = text.replace(from, to);
  }
  const header = [...mistake.top, 'The reference (../fixtures/build/reference.js) with this one mistake.']
    .map((line) => `// ${line}`)
    .join('\n');
  return `${header}\n${text}`;
}
