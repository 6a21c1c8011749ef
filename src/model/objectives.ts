/** The target an SLO (as written or as modelled) sets over `window`; 0 when it has no objective there. */
export function targetFor(slo: { readonly objectives: readonly { readonly window: string; readonly target: number }[] }, window: string): number {
  return slo.objectives.find((objective) => objective.window === window)?.target ?? 0;
}
