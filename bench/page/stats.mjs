// Percentile summaries, shared by the bench page (query latency) and bench/run.mjs (start-up and
// interaction): p50, p95 (nearest rank) and max of the given samples, nulls ignored; null when
// there is no sample.
export function summary(values) {
  const s = values.filter((v) => v != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], samples: s.length };
}
