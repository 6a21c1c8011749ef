import { afterEach, describe, expect, it } from "vitest";
import { datadogAccess } from "../src/datadog-api/access.js";
import { DatadogClient } from "../src/datadog-api/client.js";
import { pageOf, startStandIn, type Answer, type Received, type StandIn } from "./support/datadog-stand-in.js";

const KEYS = { apiKey: "api-key-7a1f", appKey: "app-key-4c2e" };

let api: StandIn | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A client of a stand-in answering `answer`, recording its waits instead of waiting. */
async function clientOf(answer: (url: URL, received: readonly Received[]) => Answer | undefined, pageSize = 2) {
  api = await startStandIn(answer);
  const waits: number[] = [];
  const client = new DatadogClient(
    { baseUrl: api.url, ...KEYS },
    {
      pageSize,
      sleep: (milliseconds) => {
        waits.push(milliseconds);
        return Promise.resolve();
      },
    },
  );
  return { client, waits, received: api.received };
}

const rateLimited = (reset: string | undefined): Answer => ({
  status: 429,
  headers: reset === undefined ? {} : { "X-RateLimit-Reset": reset },
  body: { errors: ["Too many requests"] },
});

describe("the Datadog API client", () => {
  it("pages the SLO list until a page comes back short, with the filters", async () => {
    const slos = [1, 2, 3, 4, 5].map((n) => ({ id: String(n) }));
    const { client, received } = await clientOf((url) => ({ body: { data: pageOf(slos, url), error: null } }));
    expect(await client.listSlos({ ids: ["1", "2"], tagsQuery: "team:web", name: "web" })).toEqual({
      ok: true,
      value: slos,
    });
    expect(received.map((request) => request.url)).toEqual(
      [0, 2, 4].map((offset) => `/api/v1/slo?ids=1%2C2&tags_query=team%3Aweb&query=web&limit=2&offset=${offset}`),
    );
  });

  it("sends the keys as headers, never in the address", async () => {
    const { client, received } = await clientOf(() => ({ body: [] }));
    await client.listMonitors();
    expect(received[0]?.headers["dd-api-key"]).toBe(KEYS.apiKey);
    expect(received[0]?.headers["dd-application-key"]).toBe(KEYS.appKey);
    expect(received[0]?.url).not.toContain(KEYS.apiKey);
  });

  it.each([
    ["the seconds X-RateLimit-Reset gives", "7", 7000],
    ["at most a minute, whatever it gives", "3600", 60000],
    ["a second when it gives none", undefined, 1000],
  ])("waits out a 429 for %s, then asks again", async (_name, reset, wait) => {
    let refused = false;
    const { client, waits } = await clientOf(() => {
      if (refused) return { body: [] };
      refused = true;
      return rateLimited(reset);
    });
    expect(await client.listMonitors()).toEqual({ ok: true, value: [] });
    expect(waits).toEqual([wait]);
  });

  it("gives up on a rate limit that never ends after 5 more tries", async () => {
    const { client, waits, received } = await clientOf(() => rateLimited("2"));
    expect(await client.listSlos({})).toEqual({
      ok: false,
      problems: [
        {
          code: "DATADOG_REQUEST",
          message: "Datadog still rate-limits GET /api/v1/slo (429) after 6 tries: wait a few minutes and run again",
        },
      ],
    });
    expect(waits).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(received).toHaveLength(6);
  });

  it.each([
    ["an answer without a list under data", { body: { errors: null } }, /without the list of items it pages/],
    [
      "a 404 with Datadog's error body",
      { status: 404, body: { errors: ["SLO not found"] } },
      /answered 404 to GET \/api\/v1\/slo: SLO not found$/,
    ],
    ["a 502 with an empty body", { status: 502, body: "" }, /answered 502 to GET \/api\/v1\/slo: \(empty\)$/],
  ])("turns %s into one line", async (_name, answer, message) => {
    const { client } = await clientOf(() => answer);
    const listed = await client.listSlos({});
    expect(listed).toMatchObject({ ok: false, problems: [{ code: "DATADOG_REQUEST" }] });
    const text = listed.ok ? "" : (listed.problems[0]?.message ?? "");
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
  });
});

describe("the Datadog API client's metric queries", () => {
  const QUERY = {
    from: 1_711_977_600,
    to: 1_711_981_200,
    intervalSeconds: 60,
    queries: [
      { name: "good0", query: "sum:a{x}.as_count().rollup(sum, 60)" },
      { name: "total0", query: "sum:b{x}.as_count().rollup(sum, 60)" },
    ],
    formulas: ["good0", "total0"],
  };

  it("reads an answer of the recorded shape: times in seconds, each series with its formula, null kept", async () => {
    const { client } = await clientOf(() => ({
      body: {
        data: {
          id: "0",
          type: "timeseries_response",
          attributes: {
            series: [
              { group_tags: [], query_index: 1, unit: null },
              { group_tags: ["env:prod"], query_index: 0, unit: null },
            ],
            times: [1711977600000, 1711977660000.0, 1711977780000],
            values: [
              [10, 12, 9],
              [9, null, 9],
            ],
          },
        },
      },
    }));
    expect(await client.timeseries(QUERY)).toEqual({
      ok: true,
      value: {
        times: [1711977600, 1711977660, 1711977780],
        series: [
          { formulaIndex: 1, groupTags: [], values: [10, 12, 9] },
          { formulaIndex: 0, groupTags: ["env:prod"], values: [9, null, 9] },
        ],
      },
    });
  });

  it("waits what Retry-After names for a 5xx, then asks again", async () => {
    let failed = false;
    const { client, waits } = await clientOf(() => {
      if (failed) return { body: { data: { attributes: { series: [], times: [], values: [] } } } };
      failed = true;
      return { status: 502, headers: { "Retry-After": "4" }, body: "<html>Bad Gateway</html>" };
    });
    expect(await client.timeseries(QUERY)).toEqual({ ok: true, value: { times: [], series: [] } });
    expect(waits).toEqual([4000]);
  });

  it.each([
    ["a refusal of the keys", { status: 403, body: { errors: ["Forbidden"] } }, "DATADOG_FORBIDDEN"],
    ["an unauthorised key", { status: 401, body: { errors: [{ title: "Unauthorized" }] } }, "DATADOG_FORBIDDEN"],
    ["a query Datadog cannot parse", { status: 400, body: { errors: ["Error parsing query"] } }, "DATADOG_REQUEST"],
    ["an answer of another shape", { body: { data: { attributes: { times: "soon" } } } }, "DATADOG_REQUEST"],
    ["an answer with an error and no data", { body: { errors: "query timed out" } }, "DATADOG_REQUEST"],
  ])("returns %s as a coded problem in one line, never the keys", async (_name, answer, code) => {
    const { client } = await clientOf(() => answer);
    const outcome = await client.timeseries(QUERY);
    expect(outcome).toEqual({ ok: false, problems: [{ code, message: expect.stringMatching(/^[^\n]+$/) }] });
    expect(JSON.stringify(outcome)).not.toMatch(/api-key-7a1f|app-key-4c2e/);
  });

  /** What an answer says when it echoes the keys a request was sent with. */
  const echo = (received: readonly Received[]) => {
    const headers = received[received.length - 1]?.headers;
    return `bad keys ${String(headers?.["dd-api-key"])} and ${String(headers?.["dd-application-key"])}`;
  };

  it.each([
    ["a refusal", 403, (text: string) => ({ errors: [text] }), "DATADOG_FORBIDDEN"],
    ["an error body", 400, (text: string) => ({ errors: [text] }), "DATADOG_REQUEST"],
    ["a body that is not JSON", 200, (text: string) => text, "DATADOG_REQUEST"],
    ["an answer with an error and no data", 200, (text: string) => ({ errors: text }), "DATADOG_REQUEST"],
  ])("cuts the keys out of %s that echoes them", async (_name, status, body, code) => {
    const { client } = await clientOf((_url, received) => ({ status, body: body(echo(received)) }));
    const outcome = await client.timeseries(QUERY);
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code, message: expect.stringContaining("bad keys *** and ***") }],
    });
    expect(JSON.stringify(outcome)).not.toMatch(/api-key-7a1f|app-key-4c2e/);
  });
});

describe("the Datadog API's address and keys", () => {
  it.each([
    [
      "the provider's variables",
      { DD_API_KEY: "a", DD_APP_KEY: "b", DD_HOST: "https://api.datadoghq.eu/" },
      "https://api.datadoghq.eu",
    ],
    [
      "their DATADOG_ names, and the US1 site by default",
      { DATADOG_API_KEY: "a", DATADOG_APP_KEY: "b" },
      "https://api.datadoghq.com",
    ],
    [
      "DATADOG_HOST, the site's other name",
      { DD_API_KEY: "a", DD_APP_KEY: "b", DATADOG_HOST: "https://api.us5.datadoghq.com" },
      "https://api.us5.datadoghq.com",
    ],
    [
      "the DD_ names first when both names are set, as the provider reads them",
      {
        ...{ DD_API_KEY: "a", DD_APP_KEY: "b", DD_HOST: "https://api.datadoghq.eu" },
        ...{ DATADOG_API_KEY: "x", DATADOG_APP_KEY: "y", DATADOG_HOST: "https://api.us5.datadoghq.com" },
      },
      "https://api.datadoghq.eu",
    ],
  ])("come from %s", (_name, env, baseUrl) => {
    expect(datadogAccess(env)).toEqual({ ok: true, value: { baseUrl, apiKey: "a", appKey: "b" } });
  });

  it.each(["DD_HOST", "DATADOG_HOST"])("refuse a %s that is not a URL, naming it", (name) => {
    const found = datadogAccess({ DD_API_KEY: "a", DD_APP_KEY: "b", [name]: "datadoghq.eu" });
    expect(found).toEqual({ ok: false, problems: [{ code: "DATADOG_KEYS", message: expect.stringContaining(name) }] });
  });
});
