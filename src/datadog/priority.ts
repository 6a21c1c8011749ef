/** The monitor priority slocc gives an alert of each severity (Datadog: 1 highest, 5 lowest). */
export const ALERT_PRIORITY: Readonly<Record<"page" | "ticket", number>> = { page: 1, ticket: 3 };
