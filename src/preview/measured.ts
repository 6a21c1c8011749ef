import type { MeasureCells } from "./grid.js";
import type { Measure } from "./reading.js";

/**
 * An SLI's bad and total amounts over time, summed so that any stretch is read at once: events for
 * ratio and latency SLIs, slices for time-slice SLIs (every slice counts, a slice without data as
 * good, as Datadog counts missing data as uptime).
 */
export class Measured {
  private readonly bad: Float64Array;
  private readonly total: Float64Array;
  private readonly present: Float64Array;

  private constructor(
    readonly start: number,
    readonly step: number,
    bad: ArrayLike<number>,
    total: ArrayLike<number>,
    present: ArrayLike<number>,
  ) {
    this.bad = runningSums(bad);
    this.total = runningSums(total);
    this.present = runningSums(present);
  }

  /** Bad and all events per cell: bad ones read, or all less the good ones. */
  static ofCounts(start: number, step: number, measures: readonly Measure[], cells: readonly MeasureCells[]): Measured {
    const total = cells[measures.findIndex((measure) => measure.role === "total")];
    const goodIndex = measures.findIndex((measure) => measure.role === "good");
    const badIndex = measures.findIndex((measure) => measure.role === "bad");
    if (!total) throw new RangeError("a count SLI is measured with its total events");
    const bad =
      badIndex >= 0
        ? (cells[badIndex]?.values ?? new Float64Array(total.values.length))
        : total.values.map((all, cell) => all - (cells[goodIndex]?.values[cell] ?? 0));
    return new Measured(start, step, bad, total.values, total.present);
  }

  /** Failing slices per cell, every slice counted. */
  static ofSlices(start: number, step: number, slices: MeasureCells): Measured {
    return new Measured(start, step, slices.values, new Float64Array(slices.values.length).fill(1), slices.present);
  }

  /** The share of bad over [from, to) (epoch seconds), or undefined when nothing was counted there. */
  badShare(from: number, to: number): number | undefined {
    const [a, b] = [this.index(from), this.index(to)];
    const total = (this.total[b] ?? 0) - (this.total[a] ?? 0);
    if (!(total > 0) || !this.hasData(from, to)) return undefined;
    return ((this.bad[b] ?? 0) - (this.bad[a] ?? 0)) / total;
  }

  /** The burn rate over [from, to): the bad share over the share the target allows; 0 without data. */
  burnRate(from: number, to: number, targetPercent: number): number {
    return (this.badShare(from, to) ?? 0) / (1 - targetPercent / 100);
  }

  /** Whether any data point fell in [from, to). */
  private hasData(from: number, to: number): boolean {
    return (this.present[this.index(to)] ?? 0) - (this.present[this.index(from)] ?? 0) > 0;
  }

  private index(time: number): number {
    const cells = this.total.length - 1;
    return Math.min(Math.max(Math.round((time - this.start) / this.step), 0), cells);
  }
}

/** `sums[i]` is the sum of the first i values, so a stretch is one subtraction. */
function runningSums(values: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let index = 0; index < values.length; index++) sums[index + 1] = (sums[index] ?? 0) + (values[index] ?? 0);
  return sums;
}
