import { InvalidArgumentError, Option } from "commander";
import type { CompileOptions } from "../../compile.js";
import { DATE_PATTERN, isRealDate } from "../../spec/v1.js";

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

/** `--today`: the day review deadlines are judged against, for reproducible runs. */
export function todayOption(): Option {
  return new Option("--today <YYYY-MM-DD>", "judge review deadlines as of this day (default: today, UTC)").argParser((value: string) => {
    if (!DATE_PATTERN.test(value) || !isRealDate(value)) throw new InvalidArgumentError("write the date as YYYY-MM-DD");
    return value;
  });
}

/** The spec options every reading command takes: `--dir` and `--today`. */
export interface SpecSourceOptions {
  readonly dir: string;
  readonly today?: string;
}

/** Compilation options from the command line's spec options. */
export function compileOptions(options: SpecSourceOptions): CompileOptions {
  return options.today === undefined ? {} : { today: options.today };
}
