/** The states a monitor notifies in, and Datadog's template variables true in each. */
const TRUE_IN: Readonly<Record<MonitorState, readonly string[]>> = {
  alert: ["is_alert"],
  warning: ["is_warning"],
  "alert recovery": ["is_recovery", "is_alert_recovery"],
  "warning recovery": ["is_recovery", "is_warning_recovery"],
};

/** A state of a monitor in which Datadog sends its message. */
export type MonitorState = "alert" | "warning" | "alert recovery" | "warning recovery";

export const MONITOR_STATES = Object.keys(TRUE_IN) as MonitorState[];

const INNERMOST_BLOCK = /\{\{\s*([#^])\s*([a-z_]+)[^}]*\}\}((?:(?!\{\{\s*[#^])[\s\S])*?)\{\{\s*\/\s*\2\s*\}\}/;

/**
 * The handles a monitor's message notifies in one state, found as Datadog renders it: each
 * conditional block kept or dropped by its variable's value in that state (unknown variables are
 * false), innermost blocks first, then every `@handle` left in the text.
 */
export function handlesNotified(message: string, state: MonitorState): string[] {
  let text = message;
  for (let match = INNERMOST_BLOCK.exec(text); match; match = INNERMOST_BLOCK.exec(text)) {
    const [block, sigil, name = "", body = ""] = match;
    const value = TRUE_IN[state].includes(name);
    text = text.replace(block, (sigil === "#") === value ? body : "");
  }
  const handles = [...text.matchAll(/@[^\s{}]+/g)].map((found) => found[0].replace(/[.,;:!?)\]'"]+$/, ""));
  return [...new Set(handles)].sort();
}
