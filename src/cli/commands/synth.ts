import { Command } from "commander";
import type { SynthOptions } from "../../app/synth.js";
import {
  dirOption,
  outOption,
  specPathArgument,
  stackSettingOptions,
  strictOption,
  todayOption,
  withOptions,
  type CommandFactory,
} from "./options.js";

const EXAMPLES = [
  "slocc synth",
  "slocc synth --dir slos --out cdktf.out",
  "slocc synth slos/card-platform.yaml",
  "slocc synth --backend s3 --backend-config bucket=acme-tf-state --backend-config key=slocc/{stack}.tfstate --backend-config region=eu-west-1",
  "terraform -chdir=cdktf.out/stacks/card-platform plan",
];

/** `slocc synth`: validate, then write the Terraform stacks. */
export const synthCommand: CommandFactory = (context, setExit) =>
  withOptions(new Command("synth"), [dirOption(), todayOption(), outOption(), strictOption(), ...stackSettingOptions()])
    .description(
      "validate the specs, then write one Terraform stack per service, as `cdktf synth` does (stacks whose inputs did not change are kept)",
    )
    .argument("[path]", specPathArgument)
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async (path: string | undefined, options: SynthOptions) => {
      const { runSynth } = await import("../../app/synth.js");
      setExit(await runSynth({ ...options, dir: path ?? options.dir }, context));
    });
