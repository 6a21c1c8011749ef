import { Command } from "commander";
import type { DiagnosticFormat } from "../../app/print.js";
import { plural } from "../../util/text.js";
import {
  dirOption,
  formatOption,
  specPathArgument,
  strictOption,
  todayOption,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";

/** `slocc validate`: check every spec and print every problem. */
export const validateCommand: CommandFactory = (context, setExit) =>
  new Command("validate")
    .description("check every spec in the directory (or one spec file) and print every problem at once")
    .argument("[path]", specPathArgument)
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "json"]))
    .addOption(strictOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc validate\n  $ slocc validate slos/card-platform.yaml\n  $ slocc validate --dir slos --format json",
    )
    .action(
      async (path: string | undefined, options: SpecSourceOptions & { format: DiagnosticFormat; strict: boolean }) => {
        const [{ compileDirectory }, { printDiagnostics }] = await Promise.all([
          import("../../app/compile.js"),
          import("../../app/print.js"),
        ]);
        const specs = path ?? options.dir;
        const result = await compileDirectory(specs, context.cwd, options);
        const code = printDiagnostics(result, context, options.format, options.strict);
        if (options.format === "text" && code === 0) {
          const instances = result.value?.model.services ?? [];
          const services = new Set(instances.map((instance) => instance.name)).size;
          const slos = instances.reduce((sum, instance) => sum + instance.slos.length, 0);
          const stacks = instances.length === services ? "" : ` in ${plural(instances.length, "stack")}`;
          context.stderr(`${specs}: ${plural(services, "service")}${stacks}, ${plural(slos, "SLO")}, valid\n`);
        }
        setExit(code);
      },
    );
