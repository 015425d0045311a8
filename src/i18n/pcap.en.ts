/** English strings of the playground's .pcap export; spread into the main catalog (en.ts). Keys start with "pcap.". */
export const pcapEn = {
  'pcap.export': 'Export .pcap',
  'pcap.ready':
    'Download the TCP segments up to the playhead as a .pcap file, to open in Wireshark or tshark (ws101-session.pcap)',
  'pcap.empty':
    'Nothing to export yet: no TCP segment has crossed the wire by this point. Run connect, or move the playhead forward.',
} as const;
