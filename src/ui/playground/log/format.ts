/**
 * How the playground names things in the log and the inspector: virtual times, endpoints, directions,
 * layers. Wording only; the facts come from the timeline.
 */
import { t } from '../../../i18n/locale.svelte.ts';
import type { EndpointId, TimelineEvent } from '../../../sim/timeline.ts';

/**
 * 120.2792 → "120.3 ms", 12345.6 → "12,345.6 ms": one decimal, thousands grouped with commas, which is
 * how English and Korean both write it. Written out rather than with Intl.NumberFormat: the log formats
 * a time per drawn row on every scroll step.
 */
export function formatMs(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) * 10);
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${whole}.${tenths % 10} ms`;
}

/** "client" / "server" in the current language; chat peers keep their names (alice, bob). */
export function endpointName(id: EndpointId): string {
  if (id === 'client') return t('role.client');
  if (id === 'server') return t('role.server');
  return id;
}

/** "client → server" for what travels, "at server" for what an endpoint does, "—" for a remark. */
export function directionText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'segment':
    case 'http':
    case 'frame':
    case 'raw':
      return `${endpointName(e.from)} → ${endpointName(e.to)}`;
    case 'state':
    case 'engine':
      return t('log.at', { endpoint: endpointName(e.endpoint) });
    case 'note':
      return e.endpoint === null ? '—' : t('log.at', { endpoint: endpointName(e.endpoint) });
  }
}

export type LogLayer = 'tcp' | 'http' | 'ws' | 'state' | 'note';

/** The log's layer column: the wire layer of what travels, "state" for state changes. */
export function logLayer(e: TimelineEvent): LogLayer {
  switch (e.kind) {
    case 'segment':
      return 'tcp';
    case 'http':
      return 'http';
    case 'frame':
    case 'raw':
    case 'engine':
      return 'ws';
    case 'state':
      return 'state';
    case 'note':
      return 'note';
  }
}

export function layerText(layer: LogLayer): string {
  switch (layer) {
    case 'tcp':
      return 'TCP';
    case 'http':
      return 'HTTP';
    case 'ws':
      return 'WS';
    case 'state':
      return t('log.layer.state');
    case 'note':
      return t('log.layer.note');
  }
}
