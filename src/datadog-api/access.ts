import { DATADOG_API_KEY, DATADOG_APP_KEY, DATADOG_HOST, datadogSetting } from "../datadog/environment.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { Environment } from "../util/environment.js";

/** The site slocc reads from when DD_HOST is not set (US1), as the Datadog provider defaults. */
const DEFAULT_DATADOG_URL = "https://api.datadoghq.com";

/** Where the Datadog API is and the keys it takes; never printed nor written anywhere. */
export interface DatadogAccess {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly appKey: string;
}

/**
 * The API's address and keys from the environment, under the names the Datadog provider reads:
 * DD_API_KEY (or DATADOG_API_KEY), DD_APP_KEY (or DATADOG_APP_KEY), DD_HOST (or DATADOG_HOST), a
 * base URL such as `https://api.datadoghq.eu`. Otherwise one line saying what to set.
 */
export function datadogAccess(env: Environment): Outcome<DatadogAccess> {
  const apiKey = datadogSetting(env, DATADOG_API_KEY)?.value;
  const appKey = datadogSetting(env, DATADOG_APP_KEY)?.value;
  if (!apiKey || !appKey) {
    const missing = [...(apiKey ? [] : ["DD_API_KEY"]), ...(appKey ? [] : ["DD_APP_KEY"])];
    return failed(
      "DATADOG_KEYS",
      `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set: export your Datadog API key as DD_API_KEY ` +
        "and your application key as DD_APP_KEY (or DATADOG_API_KEY and DATADOG_APP_KEY)",
    );
  }
  const { name, value: host } = datadogSetting(env, DATADOG_HOST) ?? { name: "DD_HOST", value: DEFAULT_DATADOG_URL };
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(host)) {
    return failed(
      "DATADOG_KEYS",
      `${name} is ${JSON.stringify(host)}: set it to a URL such as https://api.datadoghq.eu`,
    );
  }
  return succeeded({ baseUrl: host.replace(/\/+$/, ""), apiKey, appKey });
}
