const UNITS: readonly [name: string, seconds: number][] = [
  ["d", 86400],
  ["h", 3600],
  ["min", 60],
  ["s", 1],
];

/** A duration in its two largest units: `43 min 12 s`, `2 d 2 h`, `5.2 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const rounded = Math.round(seconds);
  const index = UNITS.findIndex(([, size]) => rounded >= size);
  const [name, size] = UNITS[index] ?? ["s", 1];
  const count = Math.floor(rounded / size);
  const next = UNITS[index + 1];
  const rest = next ? Math.floor((rounded - count * size) / next[1]) : 0;
  return next && rest > 0 ? `${count} ${name} ${rest} ${next[0]}` : `${count} ${name}`;
}
