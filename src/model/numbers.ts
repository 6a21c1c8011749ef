/** A number without float noise (`14.400000000000002` -> `14.4`), keeping every meaningful digit. */
export function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/** A number as written in queries, thresholds and messages, without float noise. */
export function formatNumber(value: number): string {
  return String(withoutFloatNoise(value));
}
