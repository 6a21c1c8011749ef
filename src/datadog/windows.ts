/** An SLO window Datadog accepts for rolling thresholds. */
export type Window = "7d" | "30d" | "90d";

/** Windows in the order thresholds are emitted. */
export const WINDOWS: readonly Window[] = ["7d", "30d", "90d"];

/** Orders windows as {@link WINDOWS} does; a window not known yet comes last. */
export function compareWindows(a: Window | undefined, b: Window | undefined): number {
  return (
    (a === undefined ? WINDOWS.length : WINDOWS.indexOf(a)) - (b === undefined ? WINDOWS.length : WINDOWS.indexOf(b))
  );
}

/** Length of each window in hours. */
export const WINDOW_HOURS: Readonly<Record<Window, number>> = { "7d": 168, "30d": 720, "90d": 2160 };

/** Whether a text names a window Datadog accepts. */
export function isWindow(text: string): text is Window {
  return (WINDOWS as readonly string[]).includes(text);
}
