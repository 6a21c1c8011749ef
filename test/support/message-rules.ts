/**
 * Datadog's rules for monitor messages (docs.datadoghq.com/monitors/notify/variables and the SLO
 * alert variables in docs/datadog-rules.md), written from the rules rather than
 * from the compiler's code: blocks `{{#x}}...{{/x}}` balanced and of known conditions, only the
 * template variables an `slo alert` monitor has, and handles routed so that a warning reaches
 * someone and a recovery reaches only those told of the state it recovers from.
 */

/** Conditional variables Datadog documents for monitor messages. */
const CONDITIONS = new Set([
  "is_alert",
  "is_alert_recovery",
  "is_alert_to_warning",
  "is_exact_match",
  "is_match",
  "is_no_data",
  "is_no_data_recovery",
  "is_priority",
  "is_recovery",
  "is_renotify",
  "is_unknown",
  "is_warning",
  "is_warning_recovery",
]);

/** Template variables of `slo alert` monitors. */
const SLO_ALERT_VARIABLES = new Set(["timeframe", "value", "short_window_burn_rate", "long_window_burn_rate"]);

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z_][A-Za-z0-9_.]*)[^}]*\}\}/g;
const HANDLE = /(?<![\w@])@[^\s{}]+/g;

/** Handles by the innermost `{{#condition}}` block they sit in (`""` outside every block). */
type Routing = Map<string, Set<string>>;

/** Every rule a monitor message breaks; `hasWarning` is whether the monitor has a warning threshold. */
export function messageViolations(message: string, hasWarning: boolean): string[] {
  const problems: string[] = [];
  const open: { name: string; inverted: boolean }[] = [];
  const routing: Routing = new Map();
  const route = (text: string) => {
    const innermost = open[open.length - 1];
    const block = innermost === undefined || innermost.inverted ? "" : innermost.name;
    for (const handle of text.match(HANDLE) ?? []) routing.set(block, (routing.get(block) ?? new Set()).add(handle));
  };
  let last = 0;
  let tags = 0;
  for (const match of message.matchAll(TAG)) {
    tags++;
    route(message.slice(last, match.index));
    last = match.index + match[0].length;
    const [, sigil = "", name = ""] = match;
    if (sigil === "#" || sigil === "^") {
      if (!CONDITIONS.has(name)) problems.push(`unknown condition {{${sigil}${name}}}`);
      open.push({ name, inverted: sigil === "^" });
    } else if (sigil === "/") {
      const closed = open.pop();
      if (closed?.name !== name) problems.push(`{{/${name}}} closes ${closed ? `{{#${closed.name}}}` : "no block"}`);
    } else if (!SLO_ALERT_VARIABLES.has(name)) {
      problems.push(`{{${name}}} is not a variable of SLO alerts`);
    }
  }
  route(message.slice(last));
  if (open.length > 0) problems.push(`unclosed ${open.map((block) => `{{#${block.name}}}`).join(", ")}`);
  if ((message.match(/\{\{/g) ?? []).length !== tags) problems.push("a `{{` that is no template tag");
  return [...problems, ...routingViolations(routing, hasWarning)];
}

function routingViolations(routing: Routing, hasWarning: boolean): string[] {
  const handles = (block: string) => new Set([...(routing.get(block) ?? []), ...(routing.get("") ?? [])]);
  const alerted = handles("is_alert");
  const warned = handles("is_warning");
  const problems: string[] = [];
  if (hasWarning && alerted.size > 0 && warned.size === 0) problems.push("the warning notifies nobody");
  const told: Readonly<Record<string, ReadonlySet<string>>> = {
    is_alert_recovery: alerted,
    is_warning_recovery: warned,
    // A plain recovery also follows a warning when the monitor has one.
    is_recovery: hasWarning ? new Set([...alerted].filter((handle) => warned.has(handle))) : alerted,
  };
  for (const [block, audience] of Object.entries(told)) {
    for (const handle of routing.get(block) ?? [])
      if (!audience.has(handle)) problems.push(`${handle} hears {{#${block}}} without having been told`);
  }
  return problems;
}
