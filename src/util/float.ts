/** A number without float noise (`14.400000000000002` -> `14.4`), keeping every meaningful digit. */
export function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}
