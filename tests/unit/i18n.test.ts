/** One voice for the learner: the engine's sentences by id, in English from the engine and in Korean from the catalog. */
import { describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  ENGLISH,
  RULES,
  closeCodeLabel,
  englishText,
  protocolError,
  errorText,
} from '../../src/protocol/index.ts';
import { LANGS, translate } from '../../src/i18n/index.ts';
import { browserLang } from '../../src/i18n/locale.svelte.ts';
import { protocolKo } from '../../src/i18n/protocol.ko.ts';
import { renderText } from '../../src/i18n/text.ts';

describe('the engine’s texts', () => {
  it('every rule and every registered close code has an English source and a Korean translation', () => {
    for (const id of Object.keys(RULES)) {
      expect(ENGLISH).toHaveProperty([`rule.${id}`]);
      expect(protocolKo).toHaveProperty([`rule.${id}`]);
    }
    for (const code of Object.keys(CLOSE_CODES)) {
      for (const part of ['name', 'meaning'])
        expect(Object.keys(protocolKo)).toContain(`close.${code}.${part}`);
    }
    expect(Object.keys(protocolKo).sort()).toEqual(Object.keys(ENGLISH).sort());
  });

  it('§7.4.1 a violation reads the same in Node (English) and in the UI, and in Korean with Korean names', () => {
    const e = protocolError('invalid-utf8', { offset: 3 });
    const en =
      'RFC 6455 §8.1: The text is not valid UTF-8 (byte 3 of the payload); a text message MUST be UTF-8, so the receiver closes with 1007. → close 1007 (Invalid frame payload data)';
    expect(englishText(errorText(e))).toBe(en);
    expect(renderText('en', errorText(e))).toBe(en);
    expect(renderText('ko', errorText(e))).toMatch(/ → 상태 코드 1007\(잘못된 페이로드 데이터\)로 종료$/);
  });

  it('nested Texts are rendered in the reader’s language, as deep as they go', () => {
    const e = protocolError('invalid-close-code', {
      code: 1005,
      why: { id: 'close.why.reportOnly', params: { code: 1005 } },
    });
    expect(englishText(e.message)).toBe(
      'Close code 1005 may not be sent in a close frame (1005 is only reported, never sent).',
    );
    expect(renderText('ko', e.message)).toContain('(1005는 보고용일 뿐 전송하지 않는 코드)');
    expect(renderText('ko', closeCodeLabel(1000))).toBe('1000 정상 종료');
    expect(englishText(closeCodeLabel(4000))).toBe('4000 (private use)');
  });

  it('a catalog key with parameters, in each language, leaves no placeholder unfilled', () => {
    for (const lang of LANGS) {
      const s = translate(lang, 'pg.run.refused', { n: 2, line: 'send', reason: 'x' });
      expect(s).not.toMatch(/\{\w+\}/);
    }
  });

  it('the browser’s language picks a catalog by its primary subtag, else English', () => {
    expect(browserLang('ko-KR')).toBe('ko');
    expect(browserLang('ko')).toBe('ko');
    expect(browserLang('en-GB')).toBe('en');
    expect(browserLang('kok')).toBe('en'); // Konkani is not Korean
    expect(browserLang(undefined)).toBe('en');
  });
});
