/**
 * What one heartbeat costs in frame bytes, before TCP/IP headers: a module of its own, importing
 * nothing, so the comparison's conclusion can state it without loading the simulator. The race's unit
 * tests check these figures against what the lanes actually send.
 *   - WebSocket: the server's ping, 2 bytes (no payload, unmasked), and the client's pong, 6 bytes
 *     (no payload, masked: RFC 6455 §5.3 makes every client frame carry a 4-byte masking key).
 *   - SSE: a comment line ":" and the blank line that ends it, 3 bytes, in a chunk (HTTP/1.1: "3\r\n"
 *     before and "\r\n" after, 5 bytes) or in a DATA frame (HTTP/2: a 9-byte frame header).
 */
export function heartbeatFrameBytes(http2: boolean): { websocket: number; sse: number } {
  return { websocket: 2 + 6, sse: 3 + (http2 ? 9 : 5) };
}
