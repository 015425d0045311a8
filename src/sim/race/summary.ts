/**
 * Delay statistics of a lane's delivered events: mean, 95th percentile, maximum. A module of its own,
 * importing nothing, so the comparison's view can load it with its first paint and fetch the simulator
 * (lanes, TCP, the WebSocket engine) afterwards.
 */

export interface LatencySummary {
  mean: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { mean, p95, max: sorted[sorted.length - 1]! };
}
