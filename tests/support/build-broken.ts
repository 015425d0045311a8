/**
 * The capstone's broken copies (tests/fixtures/build/broken), the stage each one's mistake belongs to,
 * and words the learner must read for it, in English: the grader's unit test runs them in-process, the
 * build page's browser test through the sandbox. One table, so both prove the same thing.
 */
export const BROKEN: readonly (readonly [file: string, stage: string, says: RegExp])[] = [
  ['wrong-accept.js', 'handshake', /Sec-WebSocket-Accept is .* must be s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/],
  [
    'no-version-check.js',
    'refuse',
    /answered 101 Switching Protocols; §4.2.2, §4.4 says this request gets 426 Upgrade Required/,
  ],
  ['forgets-unmask.js', 'echo', /You echoed 5 bytes that are still masked: XOR each byte with key\[i % 4\]/],
  [
    'no-16bit-length.js',
    'lengths',
    /126-byte message: .* the length byte says 126: the real length is in the next 2 bytes/,
  ],
  ['one-frame-per-chunk.js', 'boundaries', /came in 3 pieces: keep what arrives in a buffer/],
  ['ignores-ping.js', 'fragments', /did not answer the ping/],
  ['never-ends-tcp.js', 'closing', /never ended the TCP connection/],
  [
    'accepts-reserved-opcode.js',
    'errors',
    /echoed this frame, but it breaks §5.2: fail the connection with a close frame carrying 1002/,
  ],
];
