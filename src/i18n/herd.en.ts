/** English strings of lesson 15's herd chart (src/ui/lessons/widgets/HerdChart.svelte). Keys start with "herd.". */
export const herdEn = {
  'herd.w.title': 'The thundering herd, slot by slot',
  'herd.w.caption':
    'Every client saw 1006 at t = 0. Each bar counts the first reconnect attempts that land in one 100 ms slot, computed here by herd() (src/sim/backoff.ts). Show one series alone to read it on its own scale.',
  'herd.w.clients': 'Clients',
  'herd.w.base': 'Base delay',
  'herd.w.show': 'Show',
  'herd.w.show.both': 'Both',
  'herd.w.none': 'No jitter',
  'herd.w.full': 'Full jitter',
  'herd.w.ms': '{n} ms',
  'herd.w.s': '{n} s',
  'herd.w.chart': 'First reconnect attempts of {clients} clients per 100 ms slot, base delay {base}',
  'herd.w.legend': 'Series',
  'herd.w.axis.y': 'attempts per 100 ms',
  'herd.w.axis.x': 'ms after 1006',
  'herd.w.busiest': 'Busiest slot: {peak} attempts, at {from}–{to} ms',
  'herd.w.used': 'Slots used: {used} of {slots}',
  'herd.w.nobody': 'No client reconnected.',
  'herd.w.ratio':
    'Full jitter puts {full} in the busiest slot instead of {none}: {times}× fewer at the worst moment.',
  'herd.w.seed': 'Random seed: {seed}',
  'herd.w.reseed': 'Draw again (next seed)',
  'herd.w.table': 'Reconnect attempts per 100 ms slot',
  'herd.w.table.slot': 'Slot (ms)',
  'herd.w.slot': '{from}–{to}',
} as const;
