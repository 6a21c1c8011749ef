import { WINDOW_HOURS, WINDOWS, type Window } from "../src/datadog/windows.js";
import { defaultTiers } from "../src/model/alerting.js";
import type { AlertSeverity as Severity, BurnRateTier } from "../src/model/model.js";

/**
 * A deterministic corpus of valid specs for the benchmark: services of a few SLOs each, with the
 * four SLI kinds, journeys over a shared dependency catalog, default and custom burn-rate tiers and
 * error-budget alerts. The same seed always gives the same files, byte for byte.
 */

/** The shared dependency catalog every service's journeys name, as in slos/aws-slas.yaml. */
export const CATALOG_FILE = "aws-slas.yaml";

/** The day review deadlines are judged against, fixed so the corpus never turns overdue. */
export const BENCH_TODAY = "2026-01-15";

export type SliKind = "ratio" | "latency" | "timeSlice" | "monitors";

/** A burn-rate alert as the compiler resolves it, for the hand-written baseline. */
export interface TierShape {
  readonly severity: Severity;
  readonly window: Window;
  readonly longWindowHours: number;
  readonly shortWindowMinutes: number;
  readonly factor: number;
}

/** What one SLO compiles to: an SLO resource, its burn-rate monitors and an optional error-budget monitor. */
export interface SloShape {
  readonly name: string;
  readonly kind: SliKind;
  readonly journey?: string;
  readonly windows: readonly Window[];
  readonly target: number;
  readonly tiers: readonly TierShape[];
  readonly errorBudget: boolean;
}

/** A service and its journeys, for the hand-written baseline: one stack, one dashboard. */
export interface ServiceShape {
  readonly name: string;
  readonly owner: string;
  readonly journeys: readonly { readonly name: string; readonly kind: "user" | "machine" }[];
  readonly slos: readonly SloShape[];
}

/** The resources a corpus compiles to, without the specs' wording. */
export interface CorpusShape {
  readonly services: readonly ServiceShape[];
}

/** Spec texts by file name, and the shape they compile to. */
export interface Corpus {
  readonly files: ReadonlyMap<string, string>;
  readonly shape: CorpusShape;
}

/** SLOs per service file: 1,000 SLOs make 100 service files. */
export const SLOS_PER_SERVICE = 10;

const CATALOG: Readonly<Record<string, number>> = {
  "api-gateway": 99.95,
  alb: 99.99,
  fargate: 99.99,
  aurora: 99.99,
  lambda: 99.95,
  sqs: 99.9,
  dynamodb: 99.99,
};

/** Journeys a service may declare. Availability targets stay at or under each one's ceiling (about 99.92 and 99.85). */
const JOURNEYS = [
  {
    name: "checkout",
    kind: "user",
    dependsOn: "[api-gateway, alb, fargate, aurora, { anyOf: [partner-a, partner-b] }]",
  },
  { name: "browse", kind: "user", dependsOn: "[alb, fargate, dynamodb]" },
  { name: "sync", kind: "machine", dependsOn: "[sqs, lambda, partner-a]" },
] as const;

const DOMAINS = [
  "payments",
  "search",
  "catalog",
  "orders",
  "identity",
  "shipping",
  "pricing",
  "reviews",
  "media",
  "ledger",
];
const TOPICS = ["checkout", "cart", "login", "profile", "listing", "detail", "export", "import", "webhook", "report"];

/** A small seeded generator (mulberry32): the corpus must not depend on Math.random. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

/** Generates `sloCount` SLOs (a multiple of {@link SLOS_PER_SERVICE}) and the shared catalog. */
export function generateCorpus(sloCount: number, seed = 20_260_115): Corpus {
  if (sloCount % SLOS_PER_SERVICE !== 0) throw new Error(`the SLO count must be a multiple of ${SLOS_PER_SERVICE}`);
  const random = new Random(seed);
  const files = new Map<string, string>([[CATALOG_FILE, catalogYaml()]]);
  const services: ServiceShape[] = [];
  for (let index = 1; index <= sloCount / SLOS_PER_SERVICE; index++) {
    const { yaml, shape } = serviceSpec(index, random);
    files.set(`${shape.name}.yaml`, yaml);
    services.push(shape);
  }
  return { files, shape: { services } };
}

/**
 * Lowers the first SLO target of a generated service file by half a point: the one-file change the
 * diff benchmark reviews.
 */
export function lowerFirstTarget(text: string): string {
  const match = /target: (\d+(?:\.\d+)?)/.exec(text);
  if (!match?.[1]) throw new Error("no target to change in this spec");
  const lowered = Number((Number(match[1]) - 0.5).toFixed(3));
  return `${text.slice(0, match.index)}target: ${lowered}${text.slice(match.index + match[0].length)}`;
}

function catalogYaml(): string {
  const lines = Object.entries(CATALOG).map(([name, availability]) => `  ${name}: ${availability}`);
  return [
    "# Published availability of the cloud components every service runs on.",
    "apiVersion: slocc/v1",
    "catalog: cloud-slas",
    "description: Cloud service level agreements, in percent.",
    "dependencies:",
    ...lines,
    "",
  ].join("\n");
}

function serviceSpec(index: number, random: Random): { yaml: string; shape: ServiceShape } {
  const domain = DOMAINS[index % DOMAINS.length] ?? "service";
  const name = `${domain}-${String(index).padStart(4, "0")}`;
  const owner = `${domain}-sre-${index % 7}`;
  const journeys = JOURNEYS.filter((_, i) => i === 0 || random.chance(0.6));
  const lines = [
    `# Benchmark service ${index}: ${domain}.`,
    "apiVersion: slocc/v1",
    `service: ${name}`,
    `owner: ${owner}`,
    `description: ${capitalised(domain)} APIs and workers of benchmark service ${index}.`,
    `tags: [env:prod, tier:${1 + (index % 3)}]`,
    "notify:",
    `  page: ["@pagerduty-${name}"]`,
    `  ticket: ["@slack-${owner}"]`,
    `runbook: https://wiki.example.com/${name}/runbooks/slo-burn-rate`,
    `review: { every: 2q, last: 2025-${String(random.int(9, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")} }`,
    `approvers: ["@${domain}-pdm"]`,
    "dependencies:",
    "  partner-a: 99.9",
    "  partner-b: 99.9",
    "journeys:",
    ...journeys.flatMap((journey) => [
      `  ${journey.name}:`,
      `    kind: ${journey.kind}`,
      `    description: The ${journey.name} journey of ${name}.`,
      `    dependsOn: ${journey.dependsOn}`,
    ]),
    "slos:",
  ];
  const slos: SloShape[] = [];
  for (let i = 0; i < SLOS_PER_SERVICE; i++) {
    const slo = sloSpec(
      name,
      i,
      journeys.map((journey) => journey.name),
      random,
    );
    lines.push(...slo.lines);
    slos.push(slo.shape);
  }
  return {
    yaml: `${lines.join("\n")}\n`,
    shape: { name, owner, journeys: journeys.map(({ name: journey, kind }) => ({ name: journey, kind })), slos },
  };
}

function sloSpec(
  service: string,
  index: number,
  journeys: readonly string[],
  random: Random,
): { lines: string[]; shape: SloShape } {
  const kind = random.pick<SliKind>([
    "ratio",
    "ratio",
    "ratio",
    "ratio",
    "latency",
    "latency",
    "timeSlice",
    "timeSlice",
    "monitors",
    "monitors",
  ]);
  const topic = TOPICS[index % TOPICS.length] ?? "api";
  const suffix = { ratio: "availability", latency: "latency", timeSlice: "p99", monitors: "health" }[kind];
  const name = `${topic}${index >= TOPICS.length ? `-${index}` : ""}-${suffix}`;
  const journey = random.chance(0.7) ? random.pick(journeys) : undefined;
  const primary = random.pick<Window>(["30d", "30d", "30d", "30d", "7d", "90d"]);
  const windows = [primary, ...WINDOWS.filter((window) => window !== primary && random.chance(0.3))];
  const target = targetFor(kind, journey !== undefined, random);
  const warning = random.chance(0.4)
    ? Number((target + (100 - target) / 2).toFixed(kind === "monitors" ? 2 : 3))
    : undefined;
  const scope = `service:${service},endpoint:${topic}`;
  const lines = [
    `  - name: ${name}`,
    ...(journey ? [`    journey: ${journey}`] : []),
    `    description: ${capitalised(topic)} ${kind} objective of ${service}.`,
  ];
  if (random.chance(0.3))
    lines.push(`    tags: [${random.pick(["component:api", "component:worker", "customer-facing"])}]`);
  if (random.chance(0.1)) lines.push(`    runbook: https://wiki.example.com/${service}/runbooks/${name}`);
  lines.push("    sli:", `      ${sliYaml(kind, scope, random)}`);
  lines.push(
    "    objectives:",
    ...windows.map(
      (window) =>
        `      - { window: ${window}, target: ${target}${warning === undefined ? "" : `, warning: ${warning}`} }`,
    ),
  );
  const alerts = alertsFor(kind, target, windows, random);
  lines.push(...alerts.lines, "");
  return {
    lines,
    shape: {
      name,
      kind,
      ...(journey ? { journey } : {}),
      windows,
      target,
      tiers: alerts.tiers,
      errorBudget: alerts.errorBudget,
    },
  };
}

/** Targets the SLO can reach: availability SLOs on a journey stay under its dependency ceiling. */
function targetFor(kind: SliKind, onJourney: boolean, random: Random): number {
  const availability = kind === "ratio" || kind === "monitors";
  if (availability && onJourney) return random.pick([99, 99.5]);
  if (kind === "monitors") return random.pick([99, 99.5, 99.9]);
  if (kind === "latency") return random.pick([95, 99, 99.5]);
  return random.pick([99, 99.5, 99.9, 99.95]);
}

function sliYaml(kind: SliKind, scope: string, random: Random): string {
  const metric = `${scope.split(",")[0]?.slice("service:".length).replace(/-/g, "_")}.requests`;
  switch (kind) {
    case "ratio":
      return random.chance(0.5)
        ? `ratio: { good: ${JSON.stringify(`sum:${metric}{${scope},status_class:2xx}.as_count()`)}, ` +
            `total: ${JSON.stringify(`sum:${metric}{${scope}}.as_count()`)} }`
        : `ratio: { bad: ${JSON.stringify(`sum:${metric}{${scope},status_class:5xx}.as_count()`)}, ` +
            `total: ${JSON.stringify(`sum:${metric}{${scope}}.as_count()`)} }`;
    case "latency":
      return `latency: { metric: trace.http.request, filter: ${JSON.stringify(`${scope},env:prod`)}, threshold: ${random.pick(["300ms", "1s", "3s", "0.5"])} }`;
    case "timeSlice":
      return (
        `timeSlice: { query: ${JSON.stringify(`p99:trace.http.request{${scope}}`)}, comparator: ` +
        `"<", threshold: ${random.pick([0.5, 2, 20])}, interval: ${random.pick(["1m", "5m"])} }`
      );
    case "monitors": {
      const ids = Array.from({ length: random.int(1, 3) }, () => random.int(10_000_000, 99_999_999));
      return `monitors: { ids: [${ids.join(", ")}]${ids.length === 1 && random.chance(0.5) ? ", groups: [eu, us]" : ""} }`;
    }
  }
}

/**
 * Alerting of one SLO: the default tiers for most, custom tiers (by factor, by budget consumed,
 * over a second window) for some and always at a 95% target, where the default 90d page tier could
 * never fire; an error-budget alert on a quarter. Monitor-based SLOs alert on nothing, as their
 * monitors' kind is unknown.
 */
function alertsFor(
  kind: SliKind,
  target: number,
  windows: readonly Window[],
  random: Random,
): { lines: string[]; tiers: TierShape[]; errorBudget: boolean } {
  const primary = windows[0] ?? "30d";
  if (kind === "monitors") return { lines: ["    alerts:", "      burnRate: none"], tiers: [], errorBudget: false };
  const lines: string[] = [];
  let tiers: TierShape[];
  if (target === 95 || random.chance(0.2)) {
    const second = windows[1];
    const custom =
      second !== undefined && random.chance(0.5)
        ? [
            { text: "{ severity: page, longWindow: 2h, factor: 10 }", tier: tier("page", primary, 2, 10, 10) },
            {
              text: `{ severity: ticket, window: ${second}, longWindow: 24h, factor: 2 }`,
              tier: tier("ticket", second, 24, 120, 2),
            },
          ]
        : [
            {
              text: "{ severity: page, longWindow: 1h, shortWindow: 5m, factor: 14.4 }",
              tier: tier("page", primary, 1, 5, 14.4),
            },
            {
              text: "{ severity: page, longWindow: 6h, budgetConsumed: 5% }",
              tier: tier("page", primary, 6, 30, (WINDOW_HOURS[primary] * 0.05) / 6),
            },
            {
              text: "{ severity: ticket, longWindow: 24h, budgetConsumed: 10% }",
              tier: tier("ticket", primary, 24, 120, (WINDOW_HOURS[primary] * 0.1) / 24),
            },
          ];
    lines.push("      burnRate:", ...custom.map((entry) => `        - ${entry.text}`));
    tiers = custom.map((entry) => entry.tier);
  } else {
    const nowhere = { file: "", line: 1, column: 1 };
    const defaults = defaultTiers({
      window: primary,
      target,
      at: { self: nowhere, window: nowhere, target: nowhere, warning: nowhere },
    }) as BurnRateTier[];
    tiers = defaults.map((t) => tier(t.severity, t.window, t.longWindowHours, t.shortWindowMinutes, t.factor));
  }
  if (random.chance(0.1)) lines.push(`      notify: { page: ["@pagerduty-critical-${random.int(1, 9)}"] }`);
  const errorBudget = random.chance(0.25);
  if (errorBudget)
    lines.push(`      errorBudget: ${random.pick(["{ warning: 50%, critical: 75% }", "{ critical: 90% }"])}`);
  return { lines: lines.length > 0 ? ["    alerts:", ...lines] : [], tiers, errorBudget };
}

function tier(
  severity: Severity,
  window: Window,
  longWindowHours: number,
  shortWindowMinutes: number,
  factor: number,
): TierShape {
  return { severity, window, longWindowHours, shortWindowMinutes, factor: Number(factor.toPrecision(12)) };
}

function capitalised(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
