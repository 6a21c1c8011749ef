import { DAY, HOUR, badEvents, gauge, minus, traffic } from "./metric-data.js";
import type { MinuteSeries } from "./metrics-stand-in.js";

/**
 * Generated SLOs (by default 100: 10 services of 10), of the kinds a team writes, in turn: ratios over 30 days
 * (one in ten beside a 90-day window, one in five with an error-budget alert), latency, time
 * slices, and one in ten over a 90-day primary window; and the 91 days of per-minute data they
 * read. For the preview's request count (a test) and its time (bench/preview.ts).
 */

export const GENERATED_TO = "2026-12-06T00:00:00Z";
const END = Date.parse(GENERATED_TO) / 1000;
const ORIGIN = END - 91 * DAY;

/** The kinds of SLO generated, in turn, with the requests docs/preview.md says each takes. */
export const KINDS: readonly { readonly requests: number; readonly slo: (name: string) => string }[] = [
  ...Array.from({ length: 4 }, () => ({
    requests: 6,
    slo: (name: string) => `  - name: ${name}
    sli:
      ratio:
        good: "sum:shop.requests{service:shop,status:ok}.as_count()"
        total: "sum:shop.requests{service:shop}.as_count()"
    objectives:
      - { window: 30d, target: 99.9 }
`,
  })),
  ...Array.from({ length: 2 }, () => ({
    requests: 7,
    slo: (name: string) => `  - name: ${name}
    sli:
      ratio:
        bad: "sum:shop.errors{service:shop}.as_count()"
        total: "sum:shop.requests{service:shop}.as_count()"
    objectives:
      - { window: 30d, target: 99.5 }
      - { window: 7d, target: 99.5 }
    alerts:
      errorBudget: { critical: 75% }
`,
  })),
  {
    requests: 6,
    slo: (name) => `  - name: ${name}
    sli:
      latency: { metric: trace.http.request, filter: "service:shop", threshold: 1s }
    objectives:
      - { window: 30d, target: 99 }
`,
  },
  {
    requests: 6,
    slo: (name) => `  - name: ${name}
    sli:
      timeSlice: { query: "p99:trace.http.request{service:shop}", comparator: "<", threshold: 2, interval: 5m }
    objectives:
      - { window: 30d, target: 99 }
`,
  },
  {
    requests: 7,
    slo: (name) => `  - name: ${name}
    sli:
      ratio:
        good: "sum:shop.requests{service:shop,status:ok}.as_count()"
        total: "sum:shop.requests{service:shop}.as_count()"
    objectives:
      - { window: 30d, target: 99.9 }
      - { window: 90d, target: 99.9 }
`,
  },
  {
    requests: 18,
    slo: (name) => `  - name: ${name}
    sli:
      ratio:
        good: "sum:shop.requests{service:shop,status:ok}.as_count()"
        total: "sum:shop.requests{service:shop}.as_count()"
    objectives:
      - { window: 90d, target: 99.5 }
`,
  },
];

/** `services` services (10 by default) of 10 SLOs, the kinds in turn. */
export function generatedSpecs(services = 10): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: services }, (_, service) => [
      `shop-${service}.yaml`,
      `apiVersion: slocc/v1
service: shop-${service}
owner: shop-sre
notify: { page: ["@pagerduty-shop"], ticket: ["@slack-shop"] }
slos:
${KINDS.map((kind, index) => kind.slo(`slo-${index}`)).join("")}`,
    ]),
  );
}

/** The series the generated SLOs read, by metric query; empty when `withData` is false (every SLO without data). */
export function generatedSeries(withData: boolean): Map<string, MinuteSeries> {
  if (!withData) return new Map();
  const minutes = 91 * 1440;
  const requests = traffic(ORIGIN, minutes, 1000, 21);
  const errors = badEvents(requests, 0.002, [{ start: END - 9 * DAY, end: END - 9 * DAY + HOUR, level: 0.5 }]);
  const slow = badEvents(requests, 0.005, []);
  return new Map([
    ["sum:shop.requests{service:shop}", requests],
    ["sum:shop.errors{service:shop}", errors],
    ["sum:shop.requests{service:shop,status:ok}", minus(requests, errors)],
    ["count:trace.http.request{service:shop}", requests],
    ["count(v: v<=1):trace.http.request{service:shop}", minus(requests, slow)],
    ["p99:trace.http.request{service:shop}", gauge(ORIGIN, minutes, 0.8, [], [], 22)],
  ]);
}
