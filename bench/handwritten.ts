import { Dashboard, type DashboardWidget } from "@cdktf/provider-datadog/lib/dashboard";
import { Monitor } from "@cdktf/provider-datadog/lib/monitor";
import { DatadogProvider } from "@cdktf/provider-datadog/lib/provider";
import {
  ServiceLevelObjective,
  type ServiceLevelObjectiveConfig,
} from "@cdktf/provider-datadog/lib/service-level-objective";
import { App, LocalBackend, TerraformStack } from "cdktf";
import type { CorpusShape, ServiceShape, SloShape, TierShape } from "./corpus.js";

/**
 * The baseline slocc's synthesis is compared with: a minimal cdktf program, as someone would write
 * it by hand, creating the same stacks and resources (an SLO per SLO, a monitor per burn-rate tier
 * and error-budget alert, a dashboard per service) with plausible literal configurations, and no
 * validation, model, plan or escaping.
 */
export function buildHandwrittenApp(shape: CorpusShape, outdir: string): App {
  const app = new App({ outdir });
  for (const service of shape.services) addService(app, service);
  return app;
}

function addService(app: App, service: ServiceShape): void {
  const stack = new TerraformStack(app, service.name);
  new LocalBackend(stack, { path: `../../../terraform.${service.name}.tfstate` });
  new DatadogProvider(stack, "datadog", {});
  const widgets = new Map<string, DashboardWidget[]>();
  for (const slo of service.slos) {
    const id = `slo_${snake(service.name)}__${snake(slo.name)}`;
    const tags = [
      `service:${service.name}`,
      `team:${service.owner}`,
      `slo:${slo.name}`,
      "managed-by:slocc",
      "env:prod",
      ...(slo.journey ? [`journey:${slo.journey}`] : []),
    ];
    const resource = new ServiceLevelObjective(stack, id, {
      name: `${service.name} ${slo.name}`,
      description: `${slo.name} of ${service.name}.`,
      thresholds: slo.windows.map((timeframe) => ({ timeframe, target: slo.target })),
      timeframe: slo.windows[0] ?? "30d",
      targetThreshold: slo.target,
      tags,
      forceDelete: true,
      ...sliConfig(service.name, slo),
    });
    for (const tier of slo.tiers) {
      const long = `${tier.longWindowHours}h`;
      new Monitor(stack, `${id}__burn_${tier.window}_${long}_${tier.shortWindowMinutes}m`, {
        name: `[${tier.severity}] ${service.name} ${slo.name}: burn rate above ${tier.factor}x over ${long}/${tier.shortWindowMinutes}m (${tier.window})`,
        type: "slo alert",
        query: `burn_rate("${resource.id}").over("${tier.window}").long_window("${long}").short_window("${tier.shortWindowMinutes}m") > ${tier.factor}`,
        message: alertMessage(service, slo, tier),
        priority: tier.severity === "page" ? "1" : "3",
        tags: [...tags, `severity:${tier.severity}`],
        monitorThresholds: { critical: String(tier.factor) },
      });
    }
    if (slo.errorBudget) {
      new Monitor(stack, `${id}__error_budget`, {
        name: `[ticket] ${service.name} ${slo.name}: 75% of the ${slo.windows[0] ?? "30d"} error budget spent`,
        type: "slo alert",
        query: `error_budget("${resource.id}").over("${slo.windows[0] ?? "30d"}") > 75`,
        message:
          `{{#is_alert}}\nSLO "${service.name} ${slo.name}" has spent {{value}}% of its error ` +
          `budget.\n{{/is_alert}}\n\nOwner: ${service.owner}\n{{#is_alert}}@slack-${service.owner}{{/is_alert}}`,
        priority: "3",
        tags: [...tags, "severity:ticket"],
        monitorThresholds: { critical: "75", warning: "50" },
      });
    }
    const group = slo.journey ?? "other";
    const widget: DashboardWidget = {
      serviceLevelObjectiveDefinition: {
        title: `${slo.name} (${slo.target}% over ${slo.windows[0] ?? "30d"})`,
        viewType: "detail",
        viewMode: "overall",
        sloId: resource.id,
        timeWindows: [...slo.windows],
        showErrorBudget: true,
      },
    };
    widgets.set(group, [...(widgets.get(group) ?? []), widget]);
  }
  new Dashboard(stack, `dashboard_${snake(service.name)}`, {
    title: `SLOs: ${service.name}`,
    description: `Service level objectives of ${service.name}, grouped by journey.`,
    layoutType: "ordered",
    widget: [
      ...[...widgets].map(([title, widget]) => ({ groupDefinition: { title, layoutType: "ordered", widget } })),
      { noteDefinition: { content: `**Owner:** ${service.owner}` } },
    ],
  });
}

function sliConfig(
  service: string,
  slo: SloShape,
): Pick<ServiceLevelObjectiveConfig, "type" | "query" | "sliSpecification" | "monitorIds"> {
  const scope = `service:${service},slo:${slo.name}`;
  switch (slo.kind) {
    case "ratio":
    case "latency":
      return {
        type: "metric",
        query: {
          numerator: `sum:requests{${scope},status:ok}.as_count()`,
          denominator: `sum:requests{${scope}}.as_count()`,
        },
      };
    case "timeSlice":
      return {
        type: "time_slice",
        sliSpecification: {
          timeSlice: {
            comparator: "<",
            threshold: 2,
            queryIntervalSeconds: 300,
            query: {
              formula: { formulaExpression: "query1" },
              query: [
                { metricQuery: { name: "query1", query: `p99:trace.http.request{${scope}}`, dataSource: "metrics" } },
              ],
            },
          },
        },
      };
    case "monitors":
      return { type: "monitor", monitorIds: [12_345_678] };
  }
}

function alertMessage(service: ServiceShape, slo: SloShape, tier: TierShape): string {
  return [
    "{{#is_alert}}",
    `SLO "${service.name} ${slo.name}" (${slo.target}% over ${tier.window}) is burning its error budget at {{long_window_burn_rate}}x ` +
      `over the last ${tier.longWindowHours}h and {{short_window_burn_rate}}x over the last ${tier.shortWindowMinutes}m.`,
    "{{/is_alert}}",
    "{{#is_recovery}}",
    `Recovered: SLO "${service.name} ${slo.name}" is burning below ${tier.factor}x again.`,
    "{{/is_recovery}}",
    "",
    `Owner: ${service.owner}`,
    `{{#is_alert}}@${tier.severity === "page" ? "pagerduty" : "slack"}-${service.name}{{/is_alert}}`,
  ].join("\n");
}

function snake(name: string): string {
  return name.replace(/-/g, "_");
}
