import { Command } from "commander";
import { EXIT, type CliIo } from "../io.js";
import { compileReported, writeStacks } from "../synthesize.js";
import { dirOption, outOption, strictOption, todayOption } from "./options.js";

/** `slocc synth`: validate, then write the Terraform stacks. */
export function synthCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("synth")
    .description("validate the specs, then write one Terraform stack per service, as `cdktf synth` does")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(outOption())
    .addOption(strictOption())
    .addHelpText("after", "\nExamples:\n  $ slocc synth\n  $ slocc synth --dir slos --out cdktf.out\n  $ terraform -chdir=cdktf.out/stacks/card-platform plan")
    .action(async (options: { dir: string; out: string; strict: boolean }) => {
      const plan = await compileReported(options, options.strict, io);
      if (!plan) return setExit(EXIT.failure);
      await writeStacks(plan, options.out, io);
      setExit(EXIT.ok);
    });
}
