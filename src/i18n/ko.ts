/**
 * 한국어 카탈로그. `Messages`를 만족해야 하므로 키가 하나라도 빠지면 타입 검사가 실패하고,
 * 아래 `placeholdersMatch`가 자리표시자(`{name}`)가 영어와 다른 키를 이름으로 알려 줍니다.
 * 한국어에는 복수형이 없으므로 `.one`과 `.other`에 같은 문장을 씁니다.
 */
import type { en, Messages } from './en.ts';
import type { MismatchedKeys } from './types.ts';

import { compareKo } from './compare.ko.ts';
import { consoleKo } from './console.ko.ts';
import { copyKo } from './copy.ko.ts';
import { decoderKo } from './decoder.ko.ts';
import { editorKo } from './editor.ko.ts';
import { embedKo } from './embed.ko.ts';
import { homeKo } from './home.ko.ts';
import { inspectorKo } from './inspector.ko.ts';
import { lessonsKo } from './lessons.ko.ts';
import { logKo } from './log.ko.ts';
import { captureKo } from './capture.ko.ts';
import { pcapKo } from './pcap.ko.ts';
import { playgroundKo } from './playground.ko.ts';
import { h2Ko } from './h2.ko.ts';
import { herdKo } from './herd.ko.ts';

export const ko = {
  ...playgroundKo,
  ...pcapKo,
  ...captureKo,
  ...inspectorKo,
  ...logKo,
  ...decoderKo,
  ...consoleKo,
  ...copyKo,
  ...lessonsKo,
  ...compareKo,
  ...editorKo,
  ...embedKo,
  ...homeKo,
  'app.title': 'ws101 — 바이트로 배우는 WebSocket',
  'app.skip': '본문으로 건너뛰기',
  'app.tagline': '바이트로 배우는 WebSocket',
  'nav.label': '주 메뉴',
  'nav.playground': '플레이그라운드',
  'nav.lessons': '강 목록',
  'nav.compare': '왜 WebSocket인가',
  'nav.frame': '프레임 디코더',
  'nav.build': '서버 만들기',
  'lang.label': '언어',
  'nav.menu': '메뉴',
  'footer.local':
    '모든 처리는 브라우저 안에서만 이루어집니다. 입력한 내용은 이 페이지 밖으로 나가지 않습니다.',
  'footer.rfc': 'RFC 6455 읽기',

  'route.unknown': '“{path}” 페이지가 없어서 첫 화면을 보여 드립니다.',
  'route.badEncoding':
    '링크의 hex 값에 잘못된 %-이스케이프(예: %ZZ)가 있어 제대로 읽지 못했습니다. 받은 그대로 아래 입력란에 넣었습니다.',
  'route.badDir':
    '링크에 적힌 방향 “{value}”는 없는 값입니다. dir=c2s(클라이언트 → 서버)나 dir=s2c(서버 → 클라이언트)를 쓰세요. 지금은 클라이언트 → 서버로 보여 드립니다.',
  'route.hexCut':
    '링크의 hex가 {length}자입니다. 링크에는 최대 {limit}자(4 KiB)까지만 담기므로 처음 {limit}자만 읽었습니다.',

  'list.sep': ', ',
  'unit.bytes.one': '{n}바이트',
  'unit.bytes.other': '{n}바이트',
  'unit.frames.one': '프레임 {n}개',
  'unit.frames.other': '프레임 {n}개',
  'role.server': '서버',
  'role.client': '클라이언트',
  // Lesson 18's HTTP/2 widget (helper h2-14).
  ...h2Ko,
  // Lesson 15's herd chart (helper herd14).
  ...herdKo,
} as const satisfies Messages;

/** Keys whose Korean text has other `{placeholders}` than the English one (never, if this compiles). */
type Mismatched = MismatchedKeys<typeof en, typeof ko>;
export const placeholdersMatch: [Mismatched] extends [never] ? true : Mismatched = true;

/** Keys the Korean catalog has and the English one does not (left over after a rename; never, if this compiles). */
type Extra = Exclude<keyof typeof ko, keyof typeof en>;
export const noExtraKeys: [Extra] extends [never] ? true : Extra = true;
