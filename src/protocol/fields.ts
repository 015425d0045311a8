/**
 * The field map of a frame: for every field of the RFC 6455 §5.2 diagram its byte span, bit span,
 * raw value and meaning, so a view can light up bytes and explain them (Wireshark's details + bytes
 * panes). Works on truncated input too: fields whose bytes are missing are marked incomplete.
 */
import { CLOSE_CODES, checkCloseCode, closeCodeLabel } from './close.ts';
import { isControl, opcodeName } from './frame.ts';
import { applyMask } from './mask.ts';
import type { Text } from './text.ts';
import { decodeUtf8 } from './utf8.ts';

export type FieldId =
  | 'fin'
  | 'rsv1'
  | 'rsv2'
  | 'rsv3'
  | 'opcode'
  | 'mask'
  | 'payload-len'
  | 'ext-len'
  | 'masking-key'
  | 'payload'
  | 'close-code'
  | 'close-reason';

export interface FieldSpan {
  readonly id: FieldId;
  readonly name: Text;
  /** Byte span relative to the frame's first byte, end exclusive. */
  readonly byteStart: number;
  readonly byteEnd: number;
  /** Bit span counted as in the RFC's diagram: bit 0 is the most significant bit of byte 0. */
  readonly bitStart: number;
  readonly bitLength: number;
  /** The raw value as a learner would write it: "1", "0x1", "126", "37 fa 21 3d". */
  readonly raw: string;
  readonly meaning: Text;
  /** False when the input ends before this field does. */
  readonly complete: boolean;
  readonly children?: readonly FieldSpan[];
}

const PREVIEW_BYTES = 48;
const PREVIEW_CHARS = 200;

export function hexPreview(bytes: Uint8Array, max = PREVIEW_BYTES): string {
  const n = Math.min(bytes.length, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(bytes[i]!.toString(16).padStart(2, '0'));
  return parts.join(' ') + (bytes.length > max ? ` … (${bytes.length} bytes)` : '');
}

function bit(byte: number, i: number): number {
  return (byte >> (7 - i)) & 1;
}

const OPCODE_MEANING: Record<number, Text> = {
  0x0: {
    en: 'continuation frame: the next part of a fragmented message',
    ko: '연속 프레임: 조각난 메시지의 다음 부분',
  },
  0x1: { en: 'text frame: the payload is UTF-8 text', ko: '텍스트 프레임: 페이로드는 UTF-8 텍스트' },
  0x2: {
    en: 'binary frame: the payload is arbitrary bytes',
    ko: '바이너리 프레임: 페이로드는 임의의 바이트',
  },
  0x8: { en: 'close frame: starts the closing handshake', ko: 'close 프레임: 닫는 핸드셰이크를 시작' },
  0x9: { en: 'ping frame: the peer must answer with a pong', ko: 'ping 프레임: 상대는 pong으로 답해야 함' },
  0xa: {
    en: 'pong frame: answer to a ping (or an unsolicited heartbeat)',
    ko: 'pong 프레임: ping에 대한 답(또는 요청 없는 하트비트)',
  },
};

/**
 * @param head the frame's bytes from its first byte; only the header part is read, and it may be cut short
 * @param payload the payload in clear (unmasked), possibly only its first bytes
 * @param payloadComplete whether `payload` is the whole payload
 */
export function frameFields(
  head: Uint8Array,
  payload: Uint8Array | null,
  payloadComplete: boolean,
): FieldSpan[] {
  const out: FieldSpan[] = [];
  if (head.length < 1) return out;
  const b0 = head[0]!;
  const fin = bit(b0, 0);
  out.push({
    id: 'fin',
    name: { en: 'FIN', ko: 'FIN' },
    byteStart: 0,
    byteEnd: 1,
    bitStart: 0,
    bitLength: 1,
    raw: String(fin),
    complete: true,
    meaning: fin
      ? { en: 'final fragment: this frame ends its message', ko: '마지막 조각: 이 프레임으로 메시지가 끝남' }
      : {
          en: 'not final: continuation frames of the same message follow',
          ko: '마지막 아님: 같은 메시지의 연속 프레임이 뒤따름',
        },
  });
  for (const i of [1, 2, 3] as const) {
    const v = bit(b0, i);
    out.push({
      id: `rsv${i}`,
      name: { en: `RSV${i}`, ko: `RSV${i}` },
      byteStart: 0,
      byteEnd: 1,
      bitStart: i,
      bitLength: 1,
      raw: String(v),
      complete: true,
      meaning: v
        ? {
            en: `set: only allowed if a negotiated extension defines RSV${i}${i === 1 ? ' (e.g. permessage-deflate)' : ''}`,
            ko: `1: 협상된 확장이 RSV${i}의 의미를 정한 경우에만 허용${i === 1 ? '(예: permessage-deflate)' : ''}`,
          }
        : { en: 'reserved for extensions; 0', ko: '확장을 위해 예약됨; 0' },
    });
  }
  const opcode = b0 & 0x0f;
  out.push({
    id: 'opcode',
    name: { en: 'opcode', ko: 'opcode' },
    byteStart: 0,
    byteEnd: 1,
    bitStart: 4,
    bitLength: 4,
    raw: `0x${opcode.toString(16)}`,
    complete: true,
    meaning: OPCODE_MEANING[opcode] ?? {
      en: `${opcodeName(opcode)}: reserved for future use; a receiver fails the connection`,
      ko: `${isControl(opcode) ? '예약된 제어' : '예약된 데이터'} 옵코드 0x${opcode.toString(16)}: 수신 측은 연결을 실패 처리함`,
    },
  });
  if (head.length < 2) return out;
  const b1 = head[1]!;
  const masked = bit(b1, 0) === 1;
  out.push({
    id: 'mask',
    name: { en: 'MASK', ko: 'MASK' },
    byteStart: 1,
    byteEnd: 2,
    bitStart: 8,
    bitLength: 1,
    raw: masked ? '1' : '0',
    complete: true,
    meaning: masked
      ? {
          en: 'masked: a 4-byte masking key follows; client→server frames MUST be masked',
          ko: '마스킹됨: 4바이트 마스킹 키가 뒤따름. 클라이언트→서버 프레임은 반드시 마스킹',
        }
      : {
          en: 'not masked; server→client frames MUST NOT be masked',
          ko: '마스킹 안 됨. 서버→클라이언트 프레임은 마스킹하면 안 됨',
        },
  });
  const len7 = b1 & 0x7f;
  out.push({
    id: 'payload-len',
    name: { en: 'Payload len', ko: 'Payload len' },
    byteStart: 1,
    byteEnd: 2,
    bitStart: 9,
    bitLength: 7,
    raw: String(len7),
    complete: true,
    meaning:
      len7 <= 125
        ? {
            en: `the payload is ${len7} bytes (7-bit form, 0–125)`,
            ko: `페이로드는 ${len7}바이트(7비트 형식, 0–125)`,
          }
        : len7 === 126
          ? {
              en: '126: the length is in the next 2 bytes (16-bit form)',
              ko: '126: 실제 길이는 다음 2바이트에(16비트 형식)',
            }
          : {
              en: '127: the length is in the next 8 bytes (64-bit form)',
              ko: '127: 실제 길이는 다음 8바이트에(64비트 형식)',
            },
  });
  let p = 2;
  let length: number | null = len7 <= 125 ? len7 : null;
  if (len7 >= 126) {
    const n = len7 === 126 ? 2 : 8;
    const have = Math.min(n, head.length - p);
    let v = 0;
    for (let i = 0; i < have; i++) v = v * 256 + head[p + i]!;
    const complete = have === n;
    if (complete) length = v;
    out.push({
      id: 'ext-len',
      name: { en: `Extended payload length (${n * 8}-bit)`, ko: `확장 페이로드 길이(${n * 8}비트)` },
      byteStart: p,
      byteEnd: p + n,
      bitStart: p * 8,
      bitLength: n * 8,
      raw: complete ? String(v) : hexPreview(head.subarray(p, p + have)),
      complete,
      meaning: complete
        ? { en: `the payload is ${v} bytes`, ko: `페이로드는 ${v}바이트` }
        : { en: `cut short: ${have} of ${n} bytes`, ko: `잘림: ${n}바이트 중 ${have}바이트만 있음` },
    });
    p += n;
  }
  if (masked && head.length > p) {
    const have = Math.min(4, head.length - p);
    out.push({
      id: 'masking-key',
      name: { en: 'Masking-key', ko: 'Masking-key' },
      byteStart: p,
      byteEnd: p + 4,
      bitStart: p * 8,
      bitLength: 32,
      raw: hexPreview(head.subarray(p, p + have)),
      complete: have === 4,
      meaning:
        have === 4
          ? {
              en: 'payload byte i is XORed with key byte i mod 4 (§5.3)',
              ko: '페이로드의 i번째 바이트를 키의 (i mod 4)번째 바이트와 XOR(§5.3)',
            }
          : { en: `cut short: ${have} of 4 bytes`, ko: `잘림: 4바이트 중 ${have}바이트만 있음` },
    });
  }
  if (masked) p += 4;
  if (payload && length !== null && (payload.length > 0 || length === 0)) {
    out.push(payloadField(opcode, p, length, payload, payloadComplete, masked));
  }
  return out;
}

function payloadField(
  opcode: number,
  start: number,
  length: number,
  payload: Uint8Array,
  complete: boolean,
  masked: boolean,
): FieldSpan {
  const base = {
    id: 'payload' as const,
    name: { en: 'Payload data', ko: 'Payload data' },
    byteStart: start,
    byteEnd: start + length,
    bitStart: start * 8,
    bitLength: length * 8,
    raw: hexPreview(payload),
    complete,
  };
  const maskNote: Text = masked ? { en: ' (shown unmasked)', ko: ' (마스크를 벗긴 값)' } : { en: '', ko: '' };
  if (!complete) {
    return {
      ...base,
      meaning: {
        en: `cut short: ${payload.length} of ${length} bytes${maskNote.en}`,
        ko: `잘림: ${length}바이트 중 ${payload.length}바이트만 있음${maskNote.ko}`,
      },
    };
  }
  if (length === 0) return { ...base, meaning: { en: 'empty payload', ko: '빈 페이로드' } };
  if (opcode === 0x8)
    return {
      ...base,
      meaning: { en: `close body${maskNote.en}`, ko: `close 본문${maskNote.ko}` },
      children: closeChildren(start, payload),
    };
  if (opcode === 0x1 || opcode === 0x0 || opcode === 0x9 || opcode === 0xa) {
    const text = decodeUtf8(payload);
    if (text !== null && (opcode === 0x1 || isPrintable(text))) {
      const shown = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
      return {
        ...base,
        meaning: {
          en: `${length} bytes: “${shown}”${maskNote.en}`,
          ko: `${length}바이트: “${shown}”${maskNote.ko}`,
        },
      };
    }
  }
  return {
    ...base,
    meaning: {
      en: `${length} bytes of ${opcode === 0x1 ? 'invalid UTF-8' : 'binary data'}${maskNote.en}`,
      ko: `${length}바이트 ${opcode === 0x1 ? '잘못된 UTF-8' : '바이너리 데이터'}${maskNote.ko}`,
    },
  };
}

function isPrintable(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(s);
}

function closeChildren(start: number, payload: Uint8Array): FieldSpan[] {
  if (payload.length < 2) {
    return [
      {
        id: 'close-code',
        name: { en: 'Status code', ko: '상태 코드' },
        byteStart: start,
        byteEnd: start + 2,
        bitStart: start * 8,
        bitLength: 16,
        raw: hexPreview(payload),
        complete: false,
        meaning: {
          en: 'a status code needs 2 bytes; 1 byte is invalid (§5.5.1)',
          ko: '상태 코드는 2바이트여야 함. 1바이트는 잘못됨(§5.5.1)',
        },
      },
    ];
  }
  const code = (payload[0]! << 8) | payload[1]!;
  const check = checkCloseCode(code);
  const info = CLOSE_CODES[code];
  const children: FieldSpan[] = [
    {
      id: 'close-code',
      name: { en: 'Status code', ko: '상태 코드' },
      byteStart: start,
      byteEnd: start + 2,
      bitStart: start * 8,
      bitLength: 16,
      raw: String(code),
      complete: true,
      meaning: check.ok
        ? {
            en: `${closeCodeLabel(code)}${info ? `: ${info.meaning.en}` : ''}`,
            ko: `${closeCodeLabel(code)}${info ? `: ${info.meaning.ko}` : ''}`,
          }
        : {
            en: `invalid in a close frame: ${check.why.en}`,
            ko: `close 프레임에 쓸 수 없음: ${check.why.ko}`,
          },
    },
  ];
  if (payload.length > 2) {
    const reason = decodeUtf8(payload.subarray(2));
    children.push({
      id: 'close-reason',
      name: { en: 'Reason', ko: '사유' },
      byteStart: start + 2,
      byteEnd: start + payload.length,
      bitStart: (start + 2) * 8,
      bitLength: (payload.length - 2) * 8,
      raw: hexPreview(payload.subarray(2)),
      complete: true,
      meaning:
        reason === null
          ? { en: 'not valid UTF-8 (§5.5.1 → 1007)', ko: '올바른 UTF-8이 아님(§5.5.1 → 1007)' }
          : { en: `“${reason}”`, ko: `“${reason}”` },
    });
  }
  return children;
}

/** Field map of raw wire bytes that may be cut short anywhere: the payload is unmasked for display. */
export function wireFields(raw: Uint8Array): FieldSpan[] {
  if (raw.length < 2) return frameFields(raw, null, false);
  const len7 = raw[1]! & 0x7f;
  const masked = (raw[1]! & 0x80) !== 0;
  const extra = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
  const hlen = 2 + extra + (masked ? 4 : 0);
  if (raw.length < hlen) return frameFields(raw, null, false);
  let length = len7;
  if (extra) {
    length = 0;
    for (let i = 0; i < extra; i++) length = length * 256 + raw[2 + i]!;
  }
  const avail = raw.subarray(hlen, hlen + Math.min(length, raw.length - hlen));
  const clear = avail.slice();
  if (masked) applyMask(clear, raw.subarray(hlen - 4, hlen));
  return frameFields(raw.subarray(0, hlen), clear, clear.length === length);
}
