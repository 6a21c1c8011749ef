import type { DatadogAccess } from "./access.js";

/** A failed request, as one line that says what happened and never holds a key. */
export class DatadogApiError extends Error {}

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

/** Requests refused with 429 are tried again this many times at most. */
const RATE_LIMIT_RETRIES = 5;

/** The longest wait for a rate limit to reset, whatever `X-RateLimit-Reset` says. */
const MAX_WAIT_SECONDS = 60;

/** How long a request may take before it is given up. */
const TIMEOUT_SECONDS = 30;

/** A guard against an API that never returns a short page. */
const MAX_PAGES = 10_000;

/**
 * Reads SLOs and monitors from the Datadog API v1 (GET only), page by page, waiting out rate
 * limits. Answers come back as parsed JSON, each object unchecked: the caller reads them.
 */
export class DatadogClient {
  private readonly options: Required<ClientOptions>;

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
  async listSlos(filters: SloFilters): Promise<unknown[]> {
    const params = {
      ...(filters.ids && filters.ids.length > 0 ? { ids: filters.ids.join(",") } : {}),
      ...(filters.tagsQuery ? { tags_query: filters.tagsQuery } : {}),
      ...(filters.name ? { query: filters.name } : {}),
    };
    return this.allPages("/api/v1/slo", (page, size) => ({ ...params, limit: size, offset: page * size }), dataList);
  }

  /** `GET /api/v1/slo/{id}?with_configured_alert_ids=true`: the SLO and the ids of the SLO alerts on it. */
  async getSlo(id: string): Promise<unknown> {
    const path = `/api/v1/slo/${encodeURIComponent(id)}`;
    const body = await this.get(path, { with_configured_alert_ids: "true" });
    const data = isObject(body) ? body["data"] : undefined;
    if (!isObject(data)) throw new DatadogApiError(`Datadog answered GET ${path} without the SLO under \`data\``);
    return data;
  }

  /** `GET /api/v1/slo/correction`, every page (`limit`/`offset`, until a page comes back short). */
  async listCorrections(): Promise<unknown[]> {
    return this.allPages("/api/v1/slo/correction", (page, size) => ({ limit: size, offset: page * size }), dataList);
  }

  /** `GET /api/v1/monitor`, every page (`page`/`page_size`, until a page comes back short). */
  async listMonitors(): Promise<unknown[]> {
    return this.allPages("/api/v1/monitor", (page, size) => ({ page, page_size: size }), bareList);
  }

  /** `GET /api/v1/monitor/{id}`. */
  async getMonitor(id: number): Promise<unknown> {
    const path = `/api/v1/monitor/${id}`;
    const body = await this.get(path, {});
    if (!isObject(body)) throw new DatadogApiError(`Datadog answered GET ${path} with something other than a monitor`);
    return body;
  }

  private async allPages(
    path: string,
    pageParams: (page: number, size: number) => Record<string, string | number>,
    items: (body: unknown, path: string) => unknown[],
  ): Promise<unknown[]> {
    const size = this.options.pageSize;
    const all: unknown[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = Object.fromEntries(Object.entries(pageParams(page, size)).map(([k, v]) => [k, String(v)]));
      const found = items(await this.get(path, params), path);
      all.push(...found);
      if (found.length < size) return all;
    }
    throw new DatadogApiError(`Datadog kept answering GET ${path} with full pages after ${MAX_PAGES} pages`);
  }

  private async get(path: string, params: Readonly<Record<string, string>>): Promise<unknown> {
    const url = new URL(`${this.access.baseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const request = `GET ${path}`;
    for (let attempt = 0; ; attempt++) {
      const response = await this.fetch(url, request);
      const body = await response.text().catch((error: unknown) => {
        throw new DatadogApiError(`the answer of Datadog to ${request} broke off: ${reason(error)}`);
      });
      if (response.status === 429) {
        if (attempt >= RATE_LIMIT_RETRIES) {
          throw new DatadogApiError(
            `Datadog still rate-limits ${request} (429) after ${attempt + 1} tries: wait a few minutes and run again`,
          );
        }
        await this.options.sleep(this.rateLimitWait(response.headers.get("x-ratelimit-reset")) * 1000);
        continue;
      }
      if (!response.ok) throw new DatadogApiError(statusProblem(response.status, request, body));
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw new DatadogApiError(`Datadog answered ${request} with a body that is not JSON: ${excerpt(body)}`);
      }
    }
  }

  private async fetch(url: URL, request: string): Promise<Response> {
    try {
      return await fetch(url, {
        headers: {
          Accept: "application/json",
          "DD-API-KEY": this.access.apiKey,
          "DD-APPLICATION-KEY": this.access.appKey,
        },
        signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") {
        throw new DatadogApiError(`Datadog did not answer ${request} within ${TIMEOUT_SECONDS} s`);
      }
      throw new DatadogApiError(`could not reach Datadog at ${this.access.baseUrl} (${request}): ${reason(error)}`);
    }
  }

  /** Seconds to wait: `X-RateLimit-Reset` is the seconds until the limit resets; at least 1, at most the bound. */
  private rateLimitWait(reset: string | null): number {
    const seconds = Number.parseInt(reset ?? "", 10);
    return Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 1), MAX_WAIT_SECONDS);
  }
}

/** `{"data": [...]}`, the envelope of the SLO and correction lists. */
function dataList(body: unknown, path: string): unknown[] {
  const data = isObject(body) ? body["data"] : undefined;
  if (!Array.isArray(data)) throw new DatadogApiError(`Datadog answered GET ${path} without a list under \`data\``);
  return data;
}

/** A bare JSON list, as the monitor list comes. */
function bareList(body: unknown, path: string): unknown[] {
  if (!Array.isArray(body)) throw new DatadogApiError(`Datadog answered GET ${path} with something other than a list`);
  return body;
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
