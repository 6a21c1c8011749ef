/**
 * Specs for the site's tests: two services with journeys, dependency ceilings, a review schedule
 * (the first overdue on {@link SITE_TODAY}), an adopted SLO and a recurring correction; and a
 * service whose every free text is hostile markup.
 */

/** The day the site's tests write it as of. */
export const SITE_TODAY = "2026-11-06";

/** The id of the Datadog SLO that `payments/checkout-availability` adopts. */
export const ADOPTED_SLO_ID = "0123456789abcdef0123456789abcdef";

export const PAYMENTS_SPEC = `apiVersion: slocc/v1
service: payments
owner: payments-sre
description: Card payments taken in the shop and in the app.
notify:
  page: ["@pagerduty-payments"]
  ticket: ["@slack-payments"]
runbook: https://wiki.example.com/payments/runbook
review: { every: 1q, last: 2026-05-01 }
approvers: ["@payments-pm"]
dependencies:
  api-gateway: 99.95
  payments-db: 99.99
  card-network: 99.9
journeys:
  checkout:
    kind: user
    description: A customer pays for an order.
    dependsOn: [api-gateway, payments-db, card-network]
slos:
  - name: checkout-availability
    journey: checkout
    displayName: Checkout availability
    datadogId: ${ADOPTED_SLO_ID}
    description: Checkouts succeed; 5xx answers are bad.
    sli:
      ratio:
        bad: "sum:checkout.requests{status_class:5xx}.as_count()"
        total: "sum:checkout.requests{*}.as_count()"
    objectives:
      - { window: 30d, target: 99.99, warning: 99.995 }
      - { window: 7d, target: 99.9 }
    corrections:
      - name: weekly-deploy
        category: deployment
        description: Weekly release window
        start: 2026-10-06T22:00:00
        duration: 1h
        rrule: FREQ=WEEKLY
        timezone: Europe/Berlin
  - name: checkout-latency
    journey: checkout
    description: 95% of checkouts answered within 2 s.
    sli:
      latency: { metric: trace.http.request, filter: "service:checkout", threshold: 2s }
    objectives:
      - { window: 30d, target: 95 }
    alerts:
      burnRate:
        - { severity: page, longWindow: 6h, budgetConsumed: 5% }
`;

export const TELEMETRY_SPEC = `apiVersion: slocc/v1
service: telemetry
owner: fleet-sre
description: Vehicles report their position and battery.
notify:
  page: ["@pagerduty-fleet"]
  ticket: ["@slack-fleet"]
review: { every: 2q, last: 2026-09-01 }
dependencies:
  mqtt-broker: 99.95
journeys:
  reporting:
    kind: machine
    dependsOn: [mqtt-broker]
slos:
  - name: heartbeat
    journey: reporting
    sli:
      ratio:
        good: "sum:mqtt.heartbeat.received{*}.as_count()"
        total: "sum:mqtt.heartbeat.expected{*}.as_count()"
    objectives:
      - { window: 30d, target: 99.5 }
  - name: position-freshness
    sli:
      timeSlice: { query: "max:fleet.position.age{*}", comparator: "<", threshold: 60, interval: 5m }
    objectives:
      - { window: 30d, target: 99 }
`;

/** Markup a spec could try to smuggle into the site through its free texts. */
export const HOSTILE = `"><img src=x onerror="window.__injected=1"><script>window.__injected=2</script>'`;

export const HOSTILE_SPEC = `apiVersion: slocc/v1
service: hostile
owner: hostile-team
description: ${JSON.stringify(`service ${HOSTILE}`)}
notify:
  page: ["@pagerduty-hostile"]
  ticket: ["@slack-hostile"]
runbook: ${JSON.stringify(`https://wiki.example.com/x"><script>window.__injected=3</script>`)}
journeys:
  entry:
    kind: user
    description: ${JSON.stringify(`journey ${HOSTILE}`)}
slos:
  - name: entry-availability
    journey: entry
    displayName: ${JSON.stringify(`title ${HOSTILE}`)}
    description: ${JSON.stringify(`slo ${HOSTILE}`)}
    sli:
      ratio:
        good: ${JSON.stringify(`sum:requests{note:"</code><script>window.__injected=4</script>"}.as_count()`)}
        total: "sum:requests{*}.as_count()"
    objectives:
      - { window: 30d, target: 99.9 }
    corrections:
      - category: other
        description: ${JSON.stringify(`correction ${HOSTILE}`)}
        start: 2026-11-20T01:00:00Z
        end: 2026-11-20T02:00:00Z
`;
