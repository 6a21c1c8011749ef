import { Command, Option } from "commander";
import { compileDirectory } from "../../compile.js";
import { plural } from "../../diagnostics/format.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";
import { compileOptions, dirOption, strictOption, todayOption } from "./options.js";

/** `slocc validate`: check every spec and print every problem. */
export function validateCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("validate")
    .description("check every spec in the directory and print every problem at once")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(strictOption())
    .addHelpText("after", "\nExamples:\n  $ slocc validate\n  $ slocc validate --dir slos --format json")
    .action(async (options: { dir: string; today?: string; format: DiagnosticFormat; strict: boolean }) => {
      const result = await compileDirectory(options.dir, compileOptions(options));
      const code = reportDiagnostics(result, io, options.format, options.strict);
      if (options.format === "text" && code === 0) {
        const services = result.model?.services ?? [];
        const slos = services.reduce((sum, service) => sum + service.slos.length, 0);
        io.stderr(`${options.dir}: ${plural(services.length, "service")}, ${plural(slos, "SLO")}, valid\n`);
      }
      setExit(code);
    });
}
