import type { TimeseriesAnswer, TimeseriesQuery } from "../datadog/timeseries.js";
import { gcd, type SloReading } from "./reading.js";

/** One measure laid on the grid: per cell, its value (counts: summed; slices: failing or not) and whether any point fell there. */
export interface MeasureCells {
  readonly values: Float64Array;
  readonly present: Uint8Array;
}

/** Every measure of an SLO laid on its grid, and the intervals Datadog answered at. */
export interface LaidOut {
  readonly cells: readonly MeasureCells[];
  /** Requests Datadog answered at a coarser interval than asked: the interval asked and the one answered. */
  readonly coarsened: readonly { readonly asked: number; readonly answered: number }[];
}

/**
 * Lays every answer on the SLO's grid (cells of `reading.step` seconds from `reading.start`). The
 * interval of an answer is read from its times (their greatest common step), never assumed: a
 * point covers its interval, and a count is shared among the cells it covers in proportion, so a
 * coarser answer (Datadog coarsens requests for too many points) keeps its sums. A slice value
 * counts for every cell it covers; `sliceFails` judges it, and a cell fails when any group fails.
 */
export function layOut(
  reading: SloReading,
  answers: readonly { readonly request: TimeseriesQuery; readonly answer: TimeseriesAnswer }[],
  sliceFails: (value: number) => boolean,
): LaidOut {
  const length = Math.round((reading.end - reading.start) / reading.step);
  const cells = reading.measures.map(() => ({ values: new Float64Array(length), present: new Uint8Array(length) }));
  const coarsened: { asked: number; answered: number }[] = [];
  for (const { request, answer } of answers) {
    const interval = answeredInterval(answer.times, request.intervalSeconds);
    if (interval > request.intervalSeconds) coarsened.push({ asked: request.intervalSeconds, answered: interval });
    for (const series of answer.series) {
      const measure = reading.measures[series.formulaIndex];
      const target = cells[series.formulaIndex];
      if (!measure || !target) continue;
      answer.times.forEach((time, index) => {
        const value = series.values[index];
        if (value === null || value === undefined || !Number.isFinite(value)) return;
        const from = Math.max(time, request.from, reading.start);
        const to = Math.min(time + interval, request.to, reading.end);
        if (to <= from) return;
        const first = Math.floor((from - reading.start) / reading.step);
        const last = Math.ceil((to - reading.start) / reading.step);
        for (let cell = first; cell < last; cell++) {
          const cellStart = reading.start + cell * reading.step;
          const overlap = Math.min(to, cellStart + reading.step) - Math.max(from, cellStart);
          if (overlap <= 0) continue;
          target.present[cell] = 1;
          if (measure.rollup === "sum")
            target.values[cell] = (target.values[cell] ?? 0) + (value * overlap) / (to - from);
          else if (sliceFails(value)) target.values[cell] = 1;
        }
      });
    }
  }
  return { cells, coarsened };
}

/**
 * The interval of an answer: the greatest common step of its times (buckets without data are left
 * out, so neighbours may be several intervals apart), never finer than asked; the one asked when
 * a single point came back.
 */
export function answeredInterval(times: readonly number[], asked: number): number {
  let step = 0;
  for (let index = 1; index < times.length; index++) {
    step = gcd(step, Math.abs((times[index] ?? 0) - (times[index - 1] ?? 0)));
  }
  return Math.max(step, asked);
}
