/** Where Datadog's web app lives when no site is named: US1. */
export const DEFAULT_DATADOG_APP_URL = "https://app.datadoghq.com";

/**
 * The web app of the Datadog site an API address belongs to: `https://api.datadoghq.eu` ->
 * `https://app.datadoghq.eu`, `https://api.us5.datadoghq.com` -> `https://us5.datadoghq.com`. The
 * sites named by a bare domain (US1, EU1, US1-FED) put their app on `app.`; the others on the
 * site's own host. Undefined for an address that is not a Datadog API host, such as a proxy.
 */
export function datadogAppUrl(apiUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(apiUrl).hostname;
  } catch {
    return undefined;
  }
  const match = /^api\.((?:[a-z0-9-]+\.)?(?:datadoghq\.com|datadoghq\.eu|ddog-gov\.com))$/.exec(host);
  if (!match?.[1]) return undefined;
  const site = match[1];
  return `https://${site.split(".").length === 2 ? `app.${site}` : site}`;
}

/** The page of an SLO in the Datadog app, over its primary window. */
export function datadogSloUrl(appUrl: string, sloId: string, window: string): string {
  return `${appUrl}/slo?slo_id=${encodeURIComponent(sloId)}&timeframe=${encodeURIComponent(window)}`;
}

/** The page of a monitor in the Datadog app. */
export function datadogMonitorUrl(appUrl: string, monitorId: number): string {
  return `${appUrl}/monitors/${monitorId}`;
}
