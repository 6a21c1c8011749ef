import { importDatadogCommand } from "./import-datadog.js";
import { importOpenSloCommand } from "./import-openslo.js";
import { commandGroup } from "./subcommands.js";

/** `slocc import <format>`: specs from SLOs written in another format, one subcommand per format. */
export const importCommand = commandGroup(
  "import",
  "write slocc specs from SLOs kept elsewhere: in Datadog (to adopt them) or in another format",
  [importDatadogCommand, importOpenSloCommand],
);
