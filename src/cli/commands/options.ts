import { Option } from "commander";

/** `--dir`: where the service specs are. */
export function dirOption(): Option {
  return new Option("--dir <path>", "directory of service specs").default("slos");
}

/** `--strict`: warnings fail too. */
export function strictOption(): Option {
  return new Option("--strict", "exit 1 on warnings as well as errors").default(false);
}

/** `--out`: where the Terraform stacks are written. */
export function outOption(): Option {
  return new Option("--out <dir>", "output directory").default("cdktf.out");
}
