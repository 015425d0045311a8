/** 플레이그라운드 .pcap 내보내기의 한국어 문자열. ko.ts에 합쳐지며, 영어 카탈로그의 키를 모두 가져야 합니다. */
export const pcapKo = {
  'pcap.export': '.pcap 내보내기',
  'pcap.ready':
    '재생 위치까지의 TCP 세그먼트를 .pcap 파일(ws101-session.pcap)로 내려받아 Wireshark나 tshark로 열어 볼 수 있습니다',
  'pcap.empty':
    '아직 내보낼 것이 없습니다. 이 시점까지 오간 TCP 세그먼트가 없습니다. connect를 실행하거나 재생 위치를 앞으로 옮기세요.',
} as const;
