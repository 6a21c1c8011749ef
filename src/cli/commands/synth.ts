import { Command } from "commander";
import { EXIT, type CliIo } from "../io.js";
import { compileReported, writeStacks } from "../synthesize.js";
import { backendFrom, backendOptions, dirOption, outOption, strictOption, todayOption, type BackendOptions } from "./options.js";

/** `slocc synth`: validate, then write the Terraform stacks. */
export function synthCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command("synth")
    .description("validate the specs, then write one Terraform stack per service, as `cdktf synth` does")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(outOption())
    .addOption(strictOption());
  for (const option of backendOptions()) command.addOption(option);
  return command
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc synth\n  $ slocc synth --dir slos --out cdktf.out\n  $ slocc synth --backend s3 --backend-config bucket=acme-tf-state --backend-config key=slocc/{stack}.tfstate --backend-config region=eu-west-1\n  $ terraform -chdir=cdktf.out/stacks/card-platform plan",
    )
    .action(async (options: { dir: string; out: string; strict: boolean } & BackendOptions) => {
      const plan = await compileReported(options, options.strict, io);
      if (!plan) return setExit(EXIT.failure);
      await writeStacks(plan, options.out, io, backendFrom(options));
      setExit(EXIT.ok);
    });
}
