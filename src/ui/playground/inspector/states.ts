/** What a TCP (RFC 9293 §3.3.2) or WebSocket (§4, §7) state means, as catalog keys. */
import type { PlainKey } from '../../../i18n/index.ts';

const TCP: Readonly<Record<string, PlainKey>> = {
  CLOSED: 'ins.st.tcp.CLOSED',
  LISTEN: 'ins.st.tcp.LISTEN',
  SYN_SENT: 'ins.st.tcp.SYN_SENT',
  SYN_RECEIVED: 'ins.st.tcp.SYN_RECEIVED',
  ESTABLISHED: 'ins.st.tcp.ESTABLISHED',
  FIN_WAIT_1: 'ins.st.tcp.FIN_WAIT_1',
  FIN_WAIT_2: 'ins.st.tcp.FIN_WAIT_2',
  CLOSE_WAIT: 'ins.st.tcp.CLOSE_WAIT',
  CLOSING: 'ins.st.tcp.CLOSING',
  LAST_ACK: 'ins.st.tcp.LAST_ACK',
  TIME_WAIT: 'ins.st.tcp.TIME_WAIT',
};

const WS: Readonly<Record<string, PlainKey>> = {
  CONNECTING: 'ins.st.ws.CONNECTING',
  OPEN: 'ins.st.ws.OPEN',
  CLOSING: 'ins.st.ws.CLOSING',
  CLOSED: 'ins.st.ws.CLOSED',
};

export function stateNoteKey(layer: 'tcp' | 'ws', state: string): PlainKey {
  return (layer === 'tcp' ? TCP[state] : WS[state]) ?? 'ins.st.other';
}
