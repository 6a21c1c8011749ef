import type { TimeseriesAnswer, TimeseriesQuery } from "../datadog/timeseries.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { redact } from "../util/redact.js";
import type { DatadogAccess } from "./access.js";
import { readObject } from "./responses.js";
import { timeseriesShape } from "./timeseries.js";

/** How the client pages and waits; the defaults suit the real API. */
export interface ClientOptions {
  /** SLOs or monitors asked for per page. */
  readonly pageSize?: number;
  /** How the client waits; tests give their own. */
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

/** Filters of the SLO list, as the API takes them. */
export interface SloFilters {
  readonly ids?: readonly string[];
  /** One SLO tag, such as `team:checkout`. */
  readonly tagsQuery?: string;
  /** Text the SLO's name contains. */
  readonly name?: string;
}

const DEFAULT_PAGE_SIZE = 1000;

/** Requests refused with 429, or failed with a 5xx, are tried again this many times at most. */
const RETRIES = 5;

/** The longest wait before trying again, whatever the API names. */
const MAX_WAIT_SECONDS = 60;

/** How long any request may take before it is given up: the one timeout of the client. */
const TIMEOUT_SECONDS = 30;

/** A guard against an API that never returns a short page. */
const MAX_PAGES = 10_000;

/**
 * Reads the Datadog API: SLOs and monitors from v1, page by page, and metrics from the v2 query
 * API. Rate limits (429) and server errors (5xx) are waited out and tried again, waiting what the
 * API names. Every request gives an outcome: SLO and monitor answers as parsed JSON, each object
 * unchecked (the caller reads them), metric answers checked; or one problem, `DATADOG_FORBIDDEN`
 * when Datadog refuses the keys (every other request would be refused too), else `DATADOG_REQUEST`,
 * as one line that says what happened, the keys cut out of it (an answer may echo them).
 */
export class DatadogClient {
  private readonly options: Required<ClientOptions>;
  private sent = 0;

  constructor(
    private readonly access: DatadogAccess,
    options: ClientOptions = {},
  ) {
    this.options = {
      pageSize: DEFAULT_PAGE_SIZE,
      sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
      ...options,
    };
  }

  /** `GET /api/v1/slo`, every page (`limit`/`offset`, until a page comes back short). */
  async listSlos(filters: SloFilters): Promise<Outcome<unknown[]>> {
    const params = {
      ...(filters.ids && filters.ids.length > 0 ? { ids: filters.ids.join(",") } : {}),
      ...(filters.tagsQuery ? { tags_query: filters.tagsQuery } : {}),
      ...(filters.name ? { query: filters.name } : {}),
    };
    return this.allPages("/api/v1/slo", (page, size) => ({ ...params, limit: size, offset: page * size }), dataList);
  }

  /** `GET /api/v1/slo/{id}?with_configured_alert_ids=true`: the SLO and the ids of the SLO alerts on it. */
  async getSlo(id: string): Promise<Outcome<unknown>> {
    const path = `/api/v1/slo/${encodeURIComponent(id)}`;
    const body = await this.get(path, { with_configured_alert_ids: "true" });
    if (!body.ok) return body;
    const data = isObject(body.value) ? body.value["data"] : undefined;
    if (!isObject(data))
      return this.failure("DATADOG_REQUEST", `Datadog answered GET ${path} without the SLO under \`data\``);
    return succeeded(data);
  }

  /** `GET /api/v1/slo/correction`, every page (`limit`/`offset`, until a page comes back short). */
  async listCorrections(): Promise<Outcome<unknown[]>> {
    return this.allPages("/api/v1/slo/correction", (page, size) => ({ limit: size, offset: page * size }), dataList);
  }

  /** `GET /api/v1/monitor`, every page (`page`/`page_size`, until a page comes back short). */
  async listMonitors(): Promise<Outcome<unknown[]>> {
    return this.allPages("/api/v1/monitor", (page, size) => ({ page, page_size: size }), bareList);
  }

  /** `GET /api/v1/monitor/{id}`. */
  async getMonitor(id: number): Promise<Outcome<unknown>> {
    const path = `/api/v1/monitor/${id}`;
    const body = await this.get(path, {});
    if (!body.ok || isObject(body.value)) return body;
    return this.failure("DATADOG_REQUEST", `Datadog answered GET ${path} with something other than a monitor`);
  }

  /** How many HTTP requests this client has sent, tries again included. */
  get requestsSent(): number {
    return this.sent;
  }

  /**
   * `POST /api/v2/query/timeseries`: the formulas' series over [from, to) at the interval asked,
   * or coarser (Datadog coarsens a request for too many points): the times answered say which.
   * A refusal of the keys is `DATADOG_FORBIDDEN`, any other failure `DATADOG_REQUEST`.
   */
  async timeseries(query: TimeseriesQuery): Promise<Outcome<TimeseriesAnswer>> {
    const path = "/api/v2/query/timeseries";
    const body = {
      data: {
        type: "timeseries_request",
        attributes: {
          from: query.from * 1000,
          to: query.to * 1000,
          interval: query.intervalSeconds * 1000,
          queries: query.queries.map(({ name, query: text }) => ({ data_source: "metrics", name, query: text })),
          formulas: query.formulas.map((formula) => ({ formula })),
        },
      },
    };
    const answer = await this.send("POST", path, {}, body);
    if (!answer.ok) return answer;
    const read = readObject(timeseriesShape, answer.value);
    if (!read.ok) return this.failure("DATADOG_REQUEST", `POST ${path}: ${read.problems[0]?.message ?? ""}`);
    const attributes = read.value.data?.attributes;
    if (!attributes) {
      const errors = read.value.errors;
      return this.failure(
        "DATADOG_REQUEST",
        `Datadog answered POST ${path} without data${errors ? `: ${oneLine(errors)}` : ""}`,
      );
    }
    return succeeded({
      times: attributes.times.map((time) => Math.round(time / 1000)),
      series: attributes.series.map((series, index) => ({
        formulaIndex: series.query_index ?? index,
        groupTags: series.group_tags ?? [],
        values: attributes.values[index] ?? [],
      })),
    });
  }

  private async allPages(
    path: string,
    pageParams: (page: number, size: number) => Record<string, string | number>,
    items: (body: unknown) => unknown[] | undefined,
  ): Promise<Outcome<unknown[]>> {
    const size = this.options.pageSize;
    const all: unknown[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = Object.fromEntries(Object.entries(pageParams(page, size)).map(([k, v]) => [k, String(v)]));
      const body = await this.get(path, params);
      if (!body.ok) return body;
      const found = items(body.value);
      if (found === undefined)
        return this.failure("DATADOG_REQUEST", `Datadog answered GET ${path} without the list of items it pages`);
      all.push(...found);
      if (found.length < size) return succeeded(all);
    }
    return this.failure(
      "DATADOG_REQUEST",
      `Datadog kept answering GET ${path} with full pages after ${MAX_PAGES} pages`,
    );
  }

  private get(path: string, params: Readonly<Record<string, string>>): Promise<Outcome<unknown>> {
    return this.send("GET", path, params);
  }

  /** One request, tried again after a 429 or a 5xx; its answer parsed as JSON. */
  private async send(
    method: "GET" | "POST",
    path: string,
    params: Readonly<Record<string, string>>,
    json?: unknown,
  ): Promise<Outcome<unknown>> {
    const url = new URL(`${this.access.baseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const request = `${method} ${path}`;
    for (let attempt = 0; ; attempt++) {
      const answered = await this.fetch(url, request, method, json);
      if (!answered.ok) return answered;
      const { response, body } = answered.value;
      const again = response.status === 429 || response.status >= 500;
      if (again && attempt < RETRIES) {
        await this.options.sleep(this.retryWait(response.headers, attempt) * 1000);
        continue;
      }
      if (response.status === 429)
        return this.failure(
          "DATADOG_REQUEST",
          `Datadog still rate-limits ${request} (429) after ${attempt + 1} tries: wait a few minutes and run again`,
        );
      if (response.status === 401 || response.status === 403)
        return this.failure("DATADOG_FORBIDDEN", statusProblem(response.status, request, body));
      if (!response.ok) return this.failure("DATADOG_REQUEST", statusProblem(response.status, request, body));
      try {
        return succeeded(JSON.parse(body) as unknown);
      } catch {
        return this.failure(
          "DATADOG_REQUEST",
          `Datadog answered ${request} with a body that is not JSON: ${excerpt(body)}`,
        );
      }
    }
  }

  /** One try of a request: the response and its whole body, or why there is none. */
  private async fetch(
    url: URL,
    request: string,
    method: "GET" | "POST",
    json: unknown,
  ): Promise<Outcome<{ readonly response: Response; readonly body: string }>> {
    this.sent++;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: "application/json",
          ...(json === undefined ? {} : { "Content-Type": "application/json" }),
          "DD-API-KEY": this.access.apiKey,
          "DD-APPLICATION-KEY": this.access.appKey,
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError")
        return this.failure("DATADOG_REQUEST", `Datadog did not answer ${request} within ${TIMEOUT_SECONDS} s`);
      return this.failure(
        "DATADOG_REQUEST",
        `could not reach Datadog at ${this.access.baseUrl} (${request}): ${reason(error)}`,
      );
    }
    try {
      return succeeded({ response, body: await response.text() });
    } catch (error) {
      return this.failure("DATADOG_REQUEST", `the answer of Datadog to ${request} broke off: ${reason(error)}`);
    }
  }

  /** A problem of a request, in which no key is left, whatever the answer or the error echoed. */
  private failure(code: "DATADOG_REQUEST" | "DATADOG_FORBIDDEN", message: string): Outcome<never> {
    return failed(code, redact(message, [this.access.apiKey, this.access.appKey]));
  }

  /**
   * Seconds to wait before trying again: what the API names (`X-RateLimit-Reset`, the seconds until
   * the rate limit resets, or `Retry-After`), else 1, 2, 4... seconds as the official clients do;
   * at most the bound.
   */
  private retryWait(headers: Headers, attempt: number): number {
    const named = Number.parseInt(headers.get("x-ratelimit-reset") ?? headers.get("retry-after") ?? "", 10);
    return Math.min(Number.isFinite(named) && named >= 0 ? named : 2 ** attempt, MAX_WAIT_SECONDS);
  }
}

/** `{"data": [...]}`, the envelope of the SLO and correction lists. */
function dataList(body: unknown): unknown[] | undefined {
  const data = isObject(body) ? body["data"] : undefined;
  return Array.isArray(data) ? data : undefined;
}

/** A bare JSON list, as the monitor list comes. */
function bareList(body: unknown): unknown[] | undefined {
  return Array.isArray(body) ? body : undefined;
}

function statusProblem(status: number, request: string, body: string): string {
  const hint =
    status === 401 || status === 403
      ? ": check DD_API_KEY and DD_APP_KEY, that the application key may read SLOs and monitors, and that DD_HOST is their site"
      : "";
  return `Datadog answered ${status} to ${request}: ${errorsOf(body)}${hint}`;
}

/** The `errors` of a v1 error body (`{"errors": ["..."]}`), else the start of the body. */
function errorsOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    const errors = isObject(parsed) ? parsed["errors"] : undefined;
    if (Array.isArray(errors) && errors.length > 0) return errors.map((error) => oneLine(String(error))).join("; ");
  } catch {
    // Not JSON: the body itself says what it can.
  }
  return excerpt(body);
}

function excerpt(body: string): string {
  const text = oneLine(body).trim();
  if (text.length === 0) return "(empty)";
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** What a failed fetch says, with its cause (`connect ECONNREFUSED 127.0.0.1:9`) when it has one. */
function reason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return oneLine(cause.message);
  return oneLine(error instanceof Error ? error.message : String(error));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
