import type { herdEn } from './herd.en.ts';

/** 15강 몰려드는 재접속(thundering herd) 차트의 한국어 문자열. */
export const herdKo = {
  'herd.w.title': '몰려드는 재접속(thundering herd), 구간별로 보기',
  'herd.w.caption':
    '모든 클라이언트가 t = 0에 1006을 봤습니다. 막대 하나는 100 ms 구간 하나에 들어온 첫 재접속 시도 수이며, 이 페이지에서 herd()(src/sim/backoff.ts)로 계산합니다. 한 계열만 보면 그 계열에 맞춘 눈금으로 볼 수 있습니다.',
  'herd.w.clients': '클라이언트 수',
  'herd.w.base': '기본 대기 시간',
  'herd.w.show': '보기',
  'herd.w.show.both': '둘 다',
  'herd.w.none': '지터 없음',
  'herd.w.full': '전체 지터',
  'herd.w.ms': '{n} ms',
  'herd.w.s': '{n}초',
  'herd.w.chart': '클라이언트 {clients}개의 첫 재접속 시도, 100 ms 구간별, 기본 대기 시간 {base}',
  'herd.w.legend': '계열',
  'herd.w.axis.y': '100 ms당 시도 수',
  'herd.w.axis.x': '1006 이후 ms',
  'herd.w.busiest': '가장 붐비는 구간: {from}–{to} ms에 {peak}번',
  'herd.w.used': '쓰인 구간: {slots}개 중 {used}개',
  'herd.w.nobody': '재접속한 클라이언트가 없습니다.',
  'herd.w.ratio':
    '전체 지터를 쓰면 가장 붐비는 구간에 {none}번 대신 {full}번이 몰립니다. 가장 나쁜 순간의 부하가 {times}분의 1입니다.',
  'herd.w.seed': '난수 시드: {seed}',
  'herd.w.reseed': '다시 뽑기(다음 시드)',
  'herd.w.table': '100 ms 구간별 재접속 시도 수',
  'herd.w.table.slot': '구간(ms)',
  'herd.w.slot': '{from}–{to}',
} as const satisfies Record<keyof typeof herdEn, string>;
