import { Command, Option } from "commander";
import { compileDirectory } from "../../compile.js";
import { synthesizeTo } from "../../emit/synth.js";
import { plural } from "../../diagnostics/format.js";
import { EXIT, type CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { dirOption, strictOption } from "./options.js";

/** `slocc synth`: validate, then write the Terraform stacks. */
export function synthCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("synth")
    .description("validate the specs, then write one Terraform stack per service, as `cdktf synth` does")
    .addOption(dirOption())
    .addOption(new Option("--out <dir>", "output directory").default("cdktf.out"))
    .addOption(strictOption())
    .addHelpText("after", "\nExamples:\n  $ slocc synth\n  $ slocc synth --dir slos --out cdktf.out\n  $ terraform -chdir=cdktf.out/stacks/card-platform plan")
    .action(async (options: { dir: string; out: string; strict: boolean }) => {
      const result = await compileDirectory(options.dir);
      const code = reportDiagnostics(result, io, "text", options.strict);
      if (code !== EXIT.ok || !result.plan) return setExit(EXIT.failure);
      await synthesizeTo(result.plan, options.out);
      const lines = result.plan.stacks.map((stack) => `  ${stack.name}: ${plural(stack.resources.length, "resource")}`);
      io.stdout(`wrote ${options.out}: ${plural(result.plan.stacks.length, "stack")}\n${lines.join("\n")}\n`);
      setExit(EXIT.ok);
    });
}
