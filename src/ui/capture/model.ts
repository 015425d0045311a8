/**
 * What the capture page lists from a reader's result: the WebSocket connections to choose from (from a
 * pcap/pcapng or a HAR alike), the TLS connections it cannot read, and what else was found.
 * Pure: no DOM, no Svelte.
 */
import type {
  CaptureReport,
  CaptureResult,
  ConnectionReport,
  Endpoint,
  HarReport,
  WebSocketDecode,
  WebSocketSummary,
} from '../../capture/index.ts';

export interface ShownSocket {
  /** Stable within one file: `c<n>` for a capture's connection, `h<n>` for a HAR entry. */
  readonly key: string;
  /** "192.0.2.1:50000 → 192.0.2.2:80" or the HAR entry's URL. */
  readonly label: string;
  readonly ws: WebSocketDecode;
  readonly summary: WebSocketSummary;
  /** The connection's first packet (µs since the epoch); a HAR's first message. */
  readonly startUs: number;
  /** The TCP connection, for a trimmed pcap export (null for a HAR: there are no packets). */
  readonly tcp: { readonly client: Endpoint; readonly server: Endpoint } | null;
  readonly reconstructed: boolean;
}

export const endpointText = (e: Endpoint): string =>
  e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;

export function socketsOf(result: Extract<CaptureResult, { ok: true }>): ShownSocket[] {
  if (result.kind === 'har') return harSockets(result.report);
  return result.report.connections.flatMap((c): ShownSocket[] =>
    c.kind === 'websocket'
      ? [
          {
            key: `c${c.id}`,
            label: `${endpointText(c.client)} → ${endpointText(c.server)}`,
            ws: c.ws,
            summary: c.summary,
            startUs: c.firstUs,
            tcp: { client: c.client, server: c.server },
            reconstructed: false,
          },
        ]
      : [],
  );
}

function harSockets(report: HarReport): ShownSocket[] {
  return report.sockets.map((s) => {
    const first = [...s.ws.frames.map((f) => f.timeUs), ...s.ws.events.map((e) => e.timeUs)];
    return {
      key: `h${s.entry}`,
      label: s.url,
      ws: s.ws,
      summary: s.summary,
      startUs: first.length ? Math.min(...first) : 0,
      tcp: null,
      reconstructed: true,
    };
  });
}

export type TlsConnection = Extract<ConnectionReport, { kind: 'tls' }>;
export type HttpConnection = Extract<ConnectionReport, { kind: 'http' }>;

/** What a capture holds besides WebSocket: for "no WebSocket connection found" and the TLS notice. */
export interface FoundInstead {
  readonly tcpConnections: number;
  readonly tls: readonly TlsConnection[];
  readonly http: readonly HttpConnection[];
  readonly packets: number;
}

export function foundInstead(report: CaptureReport): FoundInstead {
  const tls: TlsConnection[] = [];
  const http: HttpConnection[] = [];
  for (const c of report.connections) {
    if (c.kind === 'tls') tls.push(c);
    else if (c.kind === 'http') http.push(c);
  }
  return { tcpConnections: report.connections.length, tls, http, packets: report.packets.total };
}

/** "12.5 ms", "3.2 s": a capture's duration. */
export function durationText(us: number): { value: number; unit: 'us' | 'ms' | 's' } {
  if (us < 1000) return { value: Math.round(us), unit: 'us' };
  if (us < 1e6) return { value: Math.round(us / 100) / 10, unit: 'ms' };
  return { value: Math.round(us / 1e5) / 10, unit: 's' };
}
