import type { MinuteSeries } from "./metrics-stand-in.js";
import {
  DAY,
  HOUR,
  MINUTE,
  badEvents,
  eventCounter,
  gauge,
  minus,
  plus,
  sliceCounter,
  traffic,
  type Counter,
  type Incident,
} from "./metric-data.js";

/**
 * A held-out set of services measured against 91 days of per-minute data: a bad/total ratio in
 * two environments (one without data), a good/total ratio with an error-budget alert, a latency
 * SLI whose tier pages twice a day, a misspelled metric, a good count above the total, a
 * time-slice SLI with gaps, a 90-day ratio and a monitor SLI. Each measured SLO comes with what its
 * data measures, worked out from the minutes.
 */

/** The preview's `--to`; measured up to the start of its hour. */
export const TO = "2026-12-06T10:37:00Z";
export const END = Math.floor(Date.parse(TO) / 1000 / HOUR) * HOUR;
export const ORIGIN = END - 91 * DAY;
const MINUTES = 91 * 1440;

/** An incident `daysAgo` days before the end, at `hour`, lasting `minutes`. */
function at(daysAgo: number, hour: number, minutes: number, level: number): Incident {
  const start = Math.floor((END - daysAgo * DAY) / DAY) * DAY + hour * HOUR;
  return { start, end: start + minutes * MINUTE, level };
}

export const SPECS: Readonly<Record<string, string>> = {
  "payments.yaml": `apiVersion: slocc/v1
service: payments
owner: payments-sre
notify: { page: ["@pagerduty-payments"], ticket: ["@slack-payments"] }
environments:
  prod: {}
  staging:
    objectives:
      capture-availability: [{ window: 30d, target: 99 }]
    alerts:
      capture-availability: { burnRate: none }
slos:
  - name: capture-availability
    sli:
      ratio:
        bad: "sum:trace.rack.request.errors{service:payments,env:{{env}}}.as_count()"
        total: "sum:trace.rack.request.hits{service:payments,env:{{env}}}.as_count()"
    objectives:
      - { window: 30d, target: 99.95 }
`,
  "checkout.yaml": `apiVersion: slocc/v1
service: checkout
owner: checkout-sre
notify: { page: ["@pagerduty-checkout"], ticket: ["@slack-checkout"] }
slos:
  - name: availability
    sli:
      ratio:
        good: "sum:checkout.requests{service:checkout,status:ok}.as_count()"
        total: "sum:checkout.requests{service:checkout}.as_count()"
    objectives:
      - { window: 30d, target: 99.9 }
      - { window: 7d, target: 99.9 }
    alerts:
      errorBudget: { critical: 75% }
  - name: latency
    sli:
      latency: { metric: trace.http.request, filter: "service:checkout", threshold: 500ms }
    objectives:
      - { window: 30d, target: 99 }
  - name: search-availability
    sli:
      ratio:
        good: "sum:checkout.search.requests{service:checkout,status:ok}.as_count()"
        total: "sum:checkout.serach.requests{service:checkout}.as_count()"
    objectives:
      - { window: 30d, target: 99.5 }
  - name: payment-attempts
    sli:
      ratio:
        good: "sum:checkout.payment.attempts{service:checkout}.as_count()"
        total: "sum:checkout.payment.requests{service:checkout}.as_count()"
    objectives:
      - { window: 30d, target: 99 }
`,
  "rides.yaml": `apiVersion: slocc/v1
service: rides
owner: mobility-sre
notify: { page: ["@pagerduty-mobility"], ticket: ["@slack-mobility"] }
slos:
  - name: ride-start-latency
    sli:
      timeSlice: { query: "p99:trace.http.request{service:ride-api}", comparator: "<", threshold: 20, interval: 5m }
    objectives:
      - { window: 30d, target: 99 }
  - name: ride-start-availability
    sli:
      ratio:
        good: "sum:ride_api.requests{service:ride-api,status_class:2xx}.as_count()"
        total: "sum:ride_api.requests{service:ride-api}.as_count()"
    objectives:
      - { window: 90d, target: 99.5 }
      - { window: 30d, target: 99.5 }
  - name: vehicle-connectivity
    sli:
      monitors: { ids: [40100021] }
    objectives:
      - { window: 30d, target: 99 }
    alerts:
      burnRate: none
`,
};

/** One tier as the test expects it, and the count its incidents were designed for. */
export interface ExpectedTier {
  readonly severity: "page" | "ticket";
  readonly factor: number;
  readonly longSeconds: number;
  readonly shortSeconds: number;
  /** Episodes the incidents were placed to give, as a check of the minute-by-minute count. */
  readonly designed?: number;
}

/** What a measured SLO of the set should show. */
export interface Expected {
  readonly stack: string;
  readonly slo: string;
  readonly counter: Counter;
  readonly windows: readonly { readonly window: "7d" | "30d" | "90d"; readonly target: number }[];
  readonly primaryDays: number;
  readonly tiers: readonly ExpectedTier[];
  readonly errorBudget?: { readonly window: number; readonly target: number; readonly criticalPercent: number };
}

/** Datadog's default tiers for a 30-day primary window at `target`. */
function tiers30d(target: number, designed: [number?, number?, number?] = []): ExpectedTier[] {
  const rows: [number, number, number][] = [
    [14.4, 1, 5],
    [6, 6, 30],
    [3, 24, 120],
  ];
  return rows.flatMap(([factor, longHours, shortMinutes], index) =>
    factor <= 1 / (1 - target / 100)
      ? [
          {
            severity: index < 2 ? ("page" as const) : ("ticket" as const),
            factor,
            longSeconds: longHours * HOUR,
            shortSeconds: shortMinutes * MINUTE,
            ...(designed[index] === undefined ? {} : { designed: designed[index] }),
          },
        ]
      : [],
  );
}

/** The series every query of the set reads, by metric query, and what each measured SLO should show. */
export function heldOutData(): { series: Map<string, MinuteSeries>; expected: Expected[] } {
  const series = new Map<string, MinuteSeries>();

  // payments prod: two short outages in the last 30 days, one before it.
  const paymentsHits = traffic(ORIGIN, MINUTES, 1200, 1);
  const paymentsErrors = badEvents(paymentsHits, 0.0002, [at(45, 2, 40, 0.4), at(20, 3, 30, 0.5), at(5, 14, 45, 0.3)]);
  series.set("sum:trace.rack.request.hits{service:payments,env:prod}", paymentsHits);
  series.set("sum:trace.rack.request.errors{service:payments,env:prod}", paymentsErrors);

  // checkout availability: a slow burn over a day (tickets), then a full outage of 40 minutes.
  const checkoutTotal = traffic(ORIGIN, MINUTES, 800, 2);
  const checkoutBad = badEvents(checkoutTotal, 0.0003, [at(10, 0, 1440, 0.005), at(3, 9, 40, 1)]);
  series.set("sum:checkout.requests{service:checkout}", checkoutTotal);
  series.set("sum:checkout.requests{service:checkout,status:ok}", minus(checkoutTotal, checkoutBad));

  // checkout latency: every 12 hours, 20 minutes where 60% of requests are slow.
  const spikes = Array.from({ length: 182 }, (_, index) => ({
    start: ORIGIN + index * 12 * HOUR + 4 * HOUR,
    end: ORIGIN + index * 12 * HOUR + 4 * HOUR + 20 * MINUTE,
    level: 0.6,
  }));
  const latencyTotal = traffic(ORIGIN, MINUTES, 500, 3);
  const latencySlow = badEvents(latencyTotal, 0.002, spikes);
  series.set("count:trace.http.request{service:checkout}", latencyTotal);
  series.set("count(v: v<=0.5):trace.http.request{service:checkout}", minus(latencyTotal, latencySlow));

  // checkout search: the total's metric is misspelled in the spec; the good one exists.
  const searchTotal = traffic(ORIGIN, MINUTES, 300, 4);
  series.set("sum:checkout.search.requests{service:checkout}", searchTotal);
  series.set("sum:checkout.search.requests{service:checkout,status:ok}", searchTotal);

  // checkout payment attempts: "good" counts retries, which outnumber failures for two hours.
  const paymentRequests = traffic(ORIGIN, MINUTES, 200, 5);
  const failedPayments = badEvents(paymentRequests, 0.001, []);
  const retries = badEvents(paymentRequests, 0, [at(7, 10, 120, 0.1)]);
  series.set("sum:checkout.payment.requests{service:checkout}", paymentRequests);
  series.set("sum:checkout.payment.attempts{service:checkout}", plus(minus(paymentRequests, failedPayments), retries));

  // rides: p99 of ride starts, three spikes of 25 minutes above 20 s, and gaps in the data.
  const p99 = gauge(
    ORIGIN,
    MINUTES,
    5,
    [at(25, 8, 25, 30), at(12, 19, 25, 45), at(2, 6, 25, 31)],
    [at(15, 0, 120, 0), at(1, 12, 7, 0)],
    6,
  );
  series.set("p99:trace.http.request{service:ride-api}", p99);

  // rides availability over 90 days: an outage 60 days ago, another 15 days ago.
  const rideTotal = traffic(ORIGIN, MINUTES, 600, 7);
  const rideBad = badEvents(rideTotal, 0.001, [at(60, 20, 90, 0.5), at(15, 7, 30, 0.8)]);
  series.set("sum:ride_api.requests{service:ride-api}", rideTotal);
  series.set("sum:ride_api.requests{service:ride-api,status_class:2xx}", minus(rideTotal, rideBad));

  const payments = eventCounter(paymentsErrors, paymentsHits);
  const expected: Expected[] = [
    {
      stack: "payments-prod",
      slo: "capture-availability",
      counter: payments,
      windows: [{ window: "30d", target: 99.95 }],
      primaryDays: 30,
      tiers: tiers30d(99.95, [2, 2, 2]),
    },
    {
      stack: "checkout",
      slo: "availability",
      counter: eventCounter(checkoutBad, checkoutTotal),
      windows: [
        { window: "7d", target: 99.9 },
        { window: "30d", target: 99.9 },
      ],
      primaryDays: 30,
      tiers: tiers30d(99.9, [1, 1, 2]),
      errorBudget: { window: 30 * DAY, target: 99.9, criticalPercent: 75 },
    },
    {
      stack: "checkout",
      slo: "latency",
      counter: eventCounter(latencySlow, latencyTotal),
      windows: [{ window: "30d", target: 99 }],
      primaryDays: 30,
      tiers: tiers30d(99, [60]),
    },
    {
      stack: "checkout",
      slo: "payment-attempts",
      counter: eventCounter(
        minus(plus(failedPayments, paymentRequests), plus(paymentRequests, retries)),
        paymentRequests,
      ),
      windows: [{ window: "30d", target: 99 }],
      primaryDays: 30,
      tiers: tiers30d(99),
    },
    {
      stack: "rides",
      slo: "ride-start-latency",
      counter: sliceCounter(p99, 300, (value) => value < 20),
      windows: [{ window: "30d", target: 99 }],
      primaryDays: 30,
      tiers: tiers30d(99, [3]),
    },
    {
      stack: "rides",
      slo: "ride-start-availability",
      counter: eventCounter(rideBad, rideTotal),
      windows: [
        { window: "30d", target: 99.5 },
        { window: "90d", target: 99.5 },
      ],
      primaryDays: 90,
      tiers: [
        { severity: "page", factor: 21.6, longSeconds: HOUR, shortSeconds: 5 * MINUTE },
        { severity: "page", factor: 10.8, longSeconds: 6 * HOUR, shortSeconds: 30 * MINUTE },
        { severity: "ticket", factor: 4.5, longSeconds: 24 * HOUR, shortSeconds: 120 * MINUTE },
      ],
    },
  ];
  return { series, expected };
}
