/**
 * Datadog API objects in the shapes the API answers with today (v1 SLOs, monitors and SLO
 * corrections, as recorded in 2026 in the provider's test cassettes): every key the API sends, not
 * only those slocc reads. Ids and values are made up.
 */

const TYPE_IDS: Readonly<Record<string, number>> = { monitor: 0, metric: 1, time_slice: 2 };

interface ThresholdInput {
  readonly timeframe: string;
  readonly target: number;
  readonly warning?: number;
}

/** An SLO object; `fields` holds what differs per type (`query`, `monitor_ids`, `sli_specification`). */
export function sloObject(
  id: string,
  name: string,
  type: "metric" | "monitor" | "time_slice",
  thresholds: readonly ThresholdInput[],
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const primary = thresholds.find((threshold) => threshold.timeframe === fields["timeframe"]);
  return {
    id,
    name,
    tags: [],
    monitor_tags: [],
    thresholds: thresholds.map((threshold) => ({
      timeframe: threshold.timeframe,
      target: threshold.target,
      target_display: display(threshold.target),
      ...(threshold.warning === undefined
        ? {}
        : { warning: threshold.warning, warning_display: display(threshold.warning) }),
    })),
    type,
    type_id: TYPE_IDS[type],
    description: "",
    ...(primary
      ? {
          target_threshold: primary.target,
          ...(primary.warning === undefined ? {} : { warning_threshold: primary.warning }),
        }
      : {}),
    creator: { name: null, handle: "sre@example.com", email: "sre@example.com" },
    created_at: 1744897515,
    modified_at: 1744897600,
    ...countSpecification(type, fields["query"]),
    ...fields,
  };
}

/**
 * Since 2026 the API adds to every metric SLO, even one created with `query`, the count form of
 * its SLI: the numerator and denominator as `query1` and `query2`.
 */
function countSpecification(type: string, query: unknown): Record<string, unknown> {
  if (type !== "metric" || typeof query !== "object" || query === null) return {};
  const { numerator, denominator } = query as { numerator: string; denominator: string };
  return {
    sli_specification: {
      count: {
        queries: [
          { data_source: "metrics", name: "query1", query: numerator },
          { data_source: "metrics", name: "query2", query: denominator },
        ],
        good_events_formula: { formula: "query1" },
        total_events_formula: { formula: "query2" },
      },
    },
  };
}

/** An SLO correction as `GET /api/v1/slo/correction` lists it; `sloId` null for one of an SLO query. */
export function correctionObject(
  id: string,
  sloId: string | null,
  attributes: {
    category: string;
    start: number;
    end?: number;
    rrule?: string;
    duration?: number;
    description?: string;
    timezone?: string;
  },
): Record<string, unknown> {
  return {
    type: "correction",
    id,
    attributes: {
      slo_id: sloId,
      ...(sloId === null ? { slo_query: "env:prod service:checkout" } : {}),
      start: attributes.start,
      end: attributes.end ?? null,
      description: attributes.description ?? "",
      category: attributes.category,
      timezone: attributes.timezone ?? "UTC",
      created_at: 1775814623,
      modified_at: 1775814623,
      rrule: attributes.rrule ?? null,
      duration: attributes.duration ?? null,
      creator: {
        data: {
          type: "users",
          id: "48e5159f-0000-4000-8000-000000000001",
          attributes: { uuid: "48e5159f-0000-4000-8000-000000000001", handle: "sre@example.com", name: "SRE" },
        },
      },
      modifier: null,
    },
  };
}

/** A monitor object as the monitor endpoints return it. */
export function monitorObject(
  id: number,
  type: string,
  query: string,
  fields: {
    name?: string;
    message?: string;
    tags?: string[];
    priority?: number | null;
    thresholds?: Record<string, number>;
  },
): Record<string, unknown> {
  return {
    id,
    org_id: 321813,
    type,
    name: fields.name ?? `monitor ${id}`,
    message: fields.message ?? "",
    tags: fields.tags ?? [],
    query,
    options: {
      include_tags: true,
      new_host_delay: 300,
      notify_no_data: false,
      require_full_window: true,
      thresholds: fields.thresholds ?? {},
      notify_audit: false,
      silenced: {},
    },
    draft_status: "published",
    assets: [],
    multi: false,
    created_at: 1749222077000,
    created: "2025-06-06T15:01:17.092195+00:00",
    modified: "2025-06-06T15:01:17.092195+00:00",
    deleted: null,
    priority: fields.priority ?? null,
    restricted_roles: null,
    overall_state_modified: null,
    overall_state: "OK",
    creator: { name: "Jane Doe", handle: "jane@example.com", email: "jane@example.com", id: 1445416 },
    matching_downtimes: [],
  };
}

/** `99.` for 99, `99.5` for 99.5: the API's display strings (slocc never reads them). */
function display(value: number): string {
  return Number.isInteger(value) ? `${value}.` : String(value);
}
