/**
 * Reading real captures (issue 13): pcap, pcapng and HAR files, down to the WebSocket frames the
 * engine reads in them. Plain TypeScript over Uint8Array, no DOM, no Node: it runs in the page's worker
 * and in the tests alike, and imports only the engine.
 */
export * from './problems.ts';
export * from './container.ts';
export * from './layers.ts';
export * from './reassembly.ts';
export * from './connections.ts';
export * from './sniff.ts';
export * from './websocket.ts';
export * from './summary.ts';
export * from './analyze.ts';
export * from './har.ts';
