/**
 * Datadog API objects in the shapes the API answers with (v1 SLOs and monitors, as recorded in the
 * provider's test cassettes): every key the API sends, not only those slocc reads. Ids and values
 * are made up.
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
    ...fields,
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
      thresholds: fields.thresholds ?? {},
      notify_audit: false,
      silenced: {},
    },
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
