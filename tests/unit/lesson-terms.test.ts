/**
 * Korean lessons use one term for each of the words a learner meets in every lesson (lessons review K1,
 * K3–K6): 핸드셰이크, 페이로드, 마스킹 키, 조각내기/연속 프레임, 빅엔디언, 확장 CONNECT, and RFC 2119's SHOULD
 * as "…하는 것이 좋습니다" so it is not read as a MUST. RFC field names (Payload len) and registry names
 * (TLS handshake, Invalid frame payload data) stay as the RFC writes them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../lessons/ko/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));

/** A variant that must not appear, the term used instead, and why. */
const AVOID: readonly (readonly [RegExp, string])[] = [
  [/핸드쉐이크|4-way handshake/, '핸드셰이크'],
  [/(?<![`\w-])payload(?! len| length| data|:|-)/i, '페이로드 (RFC field names and the expect key excepted)'],
  [/마스크 키|마스킹키|마스크가 (없|있)/, '마스킹 키 / 마스킹되지 않은'],
  [/(?<!IP )단편화|분할은|이어지는 조각/, '조각내기(fragmentation), 조각, 연속 프레임'],
  [/빅 엔디언/, '빅엔디언'],
  [/(?<!\()extended CONNECT/, '확장 CONNECT (extended CONNECT only in parentheses)'],
  [/야 합니다\(SHOULD\)|야 한다고\(SHOULD\)|야 하며\(SHOULD\)/, '…하는 것이 좋습니다(SHOULD)'],
];

describe('Korean terminology is the same in every lesson', () => {
  for (const file of files) {
    it(`ko/${file}: one term each for handshake, payload, masking key, fragmentation`, () => {
      const text = readFileSync(new URL(file, dir), 'utf8')
        // The Registry's English names, quoted in the close-code table, stay as registered.
        .replace(/Invalid frame payload data|TLS handshake|ws101-handshake!/g, '');
      for (const [bad, use] of AVOID) {
        const m = bad.exec(text);
        expect(m, `ko/${file}: “${m?.[0]}” → ${use}`).toBeNull();
      }
    });
  }
});
