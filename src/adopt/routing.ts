import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { StateHandles } from "../formats/slocc-v1/from-model.js";
import { compareText, sameTexts } from "../util/text.js";

/** The states an SLO alert notifies in. */
type State = "alert" | "warning" | "alertRecovery" | "warningRecovery";

const STATES: readonly State[] = ["alert", "warning", "alertRecovery", "warningRecovery"];

/** The states each of Datadog's conditional blocks stands for; `{{^x}}` stands for the others. */
const BLOCK_STATES: Readonly<Record<string, readonly State[]>> = {
  is_alert: ["alert"],
  is_warning: ["warning"],
  is_recovery: ["alertRecovery", "warningRecovery"],
  is_alert_recovery: ["alertRecovery"],
  is_warning_recovery: ["warningRecovery"],
};

/** `{{#is_alert}}`, `{{^is_warning}}`, `{{/is_alert}}`, `{{#is_match "env" "prod"}}`, or a handle. */
const TOKEN = /\{\{\s*([#^/])\s*([a-z_]+)[^}]*\}\}|@[^\s{}]+/g;

/**
 * Who a monitor's message notifies when it alerts, warns and recovers, read from where its handles
 * stand: outside any block (every state) or inside Datadog's conditional blocks. `warns` says
 * whether the monitor has a warning threshold (without one it never warns). What slocc's routing
 * cannot say exactly (a handle only in a renotification or no-data block, a recovery that reaches
 * someone other than who heard of its state and other than every recovery's handles) is refused,
 * never widened: no handle may hear of anything it did not hear of before.
 */
export function routingOfMessage(message: string, warns: boolean): Outcome<StateHandles> {
  const heard = new Map<State, Set<string>>(STATES.map((state) => [state, new Set<string>()]));
  const open: { readonly name: string; readonly states: readonly State[] | undefined }[] = [];
  for (const match of message.matchAll(TOKEN)) {
    const [token, sigil, name = ""] = match;
    if (sigil === "/") {
      const index = open.map((block) => block.name).lastIndexOf(name);
      if (index >= 0) open.splice(index);
      continue;
    }
    if (sigil !== undefined) {
      const states = BLOCK_STATES[name];
      open.push({
        name,
        states: states === undefined ? undefined : sigil === "^" ? STATES.filter((s) => !states.includes(s)) : states,
      });
      continue;
    }
    const handle = token.replace(/[.,;:!?)\]'"]+$/, "");
    if (handle.length <= 1) continue;
    const unknown = open.find((block) => block.states === undefined);
    if (unknown)
      return failed(
        "NOT_ADOPTABLE",
        `its message notifies ${handle} only inside {{#${unknown.name}}}, which slocc's alerts cannot say`,
      );
    for (const state of open.reduce<readonly State[]>(
      (states, block) => states.filter((state) => block.states?.includes(state)),
      STATES,
    ))
      heard.get(state)?.add(handle);
  }
  const sorted = (state: State) => [...(heard.get(state) ?? [])].sort(compareText);
  const alert = sorted("alert");
  const alertRecovery = sorted("alertRecovery");
  if (!warns) return succeeded(sameTexts(alertRecovery, alert) ? { alert } : { alert, recovery: alertRecovery });
  const warning = sorted("warning");
  const warningRecovery = sorted("warningRecovery");
  if (sameTexts(alertRecovery, alert) && sameTexts(warningRecovery, warning)) return succeeded({ alert, warning });
  if (sameTexts(alertRecovery, warningRecovery)) return succeeded({ alert, warning, recovery: alertRecovery });
  return failed(
    "NOT_ADOPTABLE",
    `its message sends the recovery from an alert to ${list(alertRecovery)} and the recovery from a warning to ` +
      `${list(warningRecovery)}, which slocc's routing cannot say`,
  );
}

function list(handles: readonly string[]): string {
  return handles.length === 0 ? "nobody" : handles.join(" ");
}
