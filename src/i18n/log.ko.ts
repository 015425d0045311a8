/** 플레이그라운드 이벤트 로그의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const logKo = {
  'log.title': '이벤트 로그',
  'log.count.one': '이벤트 {n}개',
  'log.count.other': '이벤트 {n}개',
  'log.hidden': '계층 필터로 {n}개 숨김',
  'log.follow': '새 이벤트 따라가기',
  'log.col.time': '시간',
  'log.col.dir': '방향',
  'log.col.layer': '계층',
  'log.col.summary': '요약',
  'log.empty': '아직 아무 일도 일어나지 않았습니다. 콘솔에 connect를 입력해 연결을 여세요.',
  'log.help': '화살표 키로 행을 옮기고, Enter를 누르면 그 행을 인스펙터에 보여 줍니다.',
  'log.at': '{endpoint}에서',
  'log.layer.state': '상태',
  'log.layer.note': '메모',

  // 이벤트마다 한 줄(sim/describe.ts eventSummary, SummaryTexts). 전선 위의 레이블은 모든 언어에서 같습니다.
  'log.summary.wire': '{label}',
  'log.summary.state': '{layer} {from} → {to}',
  'log.summary.text': '메시지 {text}{frames}',
  'log.summary.binary': '바이너리 메시지 {n} B{frames}',
  'log.summary.frames': ' (프레임 {n}개)',
  'log.summary.inflated': ' (압축됨: {from}바이트를 {to}바이트로 풀었습니다)',
  'log.summary.framesInflated': ' (프레임 {n}개, 압축됨: {from}바이트를 {to}바이트로 풀었습니다)',
  'log.summary.ping': 'ping 받음 → pong 응답',
  'log.summary.pong': 'pong 받음',
  'log.summary.close': 'close 받음',
  'log.summary.closeCode': 'close 받음 {code}',
  'log.summary.closeReason': 'close 받음 {code} {reason}',
  'log.summary.closedClean': 'WebSocket 닫힘: {code} (정상)',
  'log.summary.closedUnclean': 'WebSocket 닫힘: {code} (비정상)',
  'log.summary.closedAbnormal':
    'WebSocket 닫힘: 1006 (비정상: close 프레임을 받기 전에 TCP가 닫혔습니다. 1006은 보고만 하고 보내지 않는 코드입니다. RFC 6455 §7.1.5, §7.4.1)',
  'log.summary.closedFailed':
    'WebSocket 닫힘: 1006 (비정상: 이쪽이 연결을 실패 처리하고(RFC 6455 §7.1.7) 상대의 close 프레임을 기다리지 않은 채 TCP를 닫았습니다. close 프레임을 받지 못했으므로 코드는 1006입니다. §7.1.5, §7.4.1)',
} as const;
