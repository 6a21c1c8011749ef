import { formatDuration } from "./duration.js";

/** A share of an error budget (1 = all of it) in percent to one decimal: `61.3%`. */
export function formatBudgetShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** The spent part of a budget as time, and the whole: `2 min 39 s of 4 min 19 s`. */
export function spentAsTime(share: number, budgetSeconds: number): string {
  return `${formatDuration(Math.max(0, share) * budgetSeconds)} of ${formatDuration(budgetSeconds)}`;
}
