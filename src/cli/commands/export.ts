import { exportOpenSloCommand } from "./export-openslo.js";
import { commandGroup } from "./subcommands.js";

/** `slocc export <format>`: the specs written in another format, one subcommand per format. */
export const exportCommand = commandGroup("export", "write the specs in another format", [exportOpenSloCommand]);
